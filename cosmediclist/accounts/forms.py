"""Sign-in, sign-up and password reset forms: they validate; views call the services."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cosmediclist.accounts.models import User
from cosmediclist.core.forms import Form, PlainTextInput
from cosmediclist.notifications.services import queue_email


class LoginForm(Form):
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(
        strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class SignupForm(Form):
    first_name = forms.CharField(max_length=150, label="First name")
    last_name = forms.CharField(max_length=150, required=False, label="Last name")
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters, and not a common password.",
    )
    password_again = forms.CharField(
        strip=False,
        label="Password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password_again") != data.get("password"):
            self.add_error("password_again", "The two passwords differ.")
        return data


class PasswordResetForm(PlainTextInput, DjangoPasswordResetForm):
    """Django's reset form, sending through the outbox instead of directly.

    Django leaves out accounts without a usable password; an account whose address is proven
    (made by a sign-in link, or whose password set before the proof was removed) gets the
    email too, so its owner can choose a password. The email goes to that proven address.
    """

    def get_users(self, email: str) -> Iterator[User]:
        wanted = unicodedata.normalize("NFKC", email).casefold()
        found = User.objects.filter(email__iexact=email, is_active=True).exclude(
            password__startswith=UNUSABLE_PASSWORD_PREFIX, email_confirmed_at__isnull=True
        )
        # As Django does: the database's case-insensitive match may be looser than Unicode's.
        yield from (user for user in found if unicodedata.normalize("NFKC", user.email).casefold() == wanted)

    def save(self, *args: Any, request: Any = None, **kwargs: Any) -> None:
        email = self.cleaned_data["email"]
        for user in self.get_users(email):
            if not isinstance(user, User):
                continue
            uid = urlsafe_base64_encode(force_bytes(user.pk))
            token = default_token_generator.make_token(user)
            path = reverse("accounts:password-reset-confirm", args=[uid, token])
            queue_email(
                key=f"password-reset:{user.pk}:{token}",
                template="password_reset",
                to=user.email,
                context={"name": user.get_short_name(), "reset_path": path},
            )


class CodeForm(Form):
    """The second step of signing in: a code from the authenticator app, or a recovery code."""

    code = forms.CharField(
        max_length=32,
        label="Code",
        help_text="The six digits your authenticator app shows now, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )


class EnrolForm(Form):
    code = forms.CharField(
        max_length=32,
        label="Code from your app",
        help_text="The six digits the app shows for CosMedicList once you have added it.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
