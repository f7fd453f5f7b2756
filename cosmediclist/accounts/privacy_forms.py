"""Forms for the reader's own pages: email links, erasure confirmation, email preferences."""

from __future__ import annotations

from typing import Any

from django import forms

from cosmediclist.accounts.models import EmailPreferences, User


class EmailLinkForm(forms.Form):
    email = forms.EmailField(
        label="Your email address", widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


class EraseForm(forms.Form):
    """Erasure is confirmed by typing the account's email address again."""

    email = forms.EmailField(
        label="Type your email address to confirm",
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        typed = str(self.cleaned_data["email"]).strip().lower()
        if typed != self.user.email.lower():
            raise forms.ValidationError("This is not the email address of the account you are signed in to.")
        return typed


class EmailPreferencesForm(forms.ModelForm[EmailPreferences]):
    class Meta:
        model = EmailPreferences
        fields = ["plan_reminders", "review_emails", "comment_emails"]
