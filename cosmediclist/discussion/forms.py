"""The comment form and the small forms around it (edit, report, moderation queue)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from cosmediclist.core.forms import Form
from cosmediclist.discussion import tokens
from cosmediclist.discussion.models import ModerationSettings
from cosmediclist.discussion.services import MODERATION_ACTIONS

BODY_MAX = 5000


class CommentForm(Form):
    name = forms.CharField(label="Name", max_length=80)
    email = forms.EmailField(
        label="Email",
        max_length=254,
        help_text="Never published, never shared. Used only to tell you about your comment.",
    )
    website = forms.URLField(
        label="Website",
        required=False,
        max_length=300,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Optional; http or https only.",
    )
    body = forms.CharField(label="Comment", max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 6}))
    parent = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    notify_replies = forms.BooleanField(label="Email me when someone replies to my comment", required=False)
    remember = forms.BooleanField(
        label="Save my name and email in this browser for the next time I comment", required=False
    )
    # A field people never see: robots that fill in every input give themselves away.
    homepage = forms.CharField(label="Leave this field empty", required=False)
    next = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, user: Any = None, rules: ModerationSettings | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rules = rules
        self.signed_in = bool(user is not None and user.is_authenticated)
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["website"].widget.attrs.update(autocomplete="url")
        self.fields["homepage"].widget.attrs.update(autocomplete="off", tabindex="-1")
        if self.signed_in:
            # A signed-in reader comments as their account: its address is used, never shown.
            for name in ("email", "remember"):
                del self.fields[name]

    def clean_body(self) -> str:
        body = str(self.cleaned_data["body"])
        if not body.strip():
            raise ValidationError("Please write your comment.")
        return body

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("homepage"):
            raise ValidationError("Your comment could not be accepted.")
        elapsed = tokens.seconds_since_started(str(self.data.get("started", "")))
        if elapsed is None:
            raise ValidationError("This form has expired. Please check your comment and send it again.")
        minimum = self.rules.min_fill_seconds if self.rules is not None else 0
        if elapsed < minimum:
            raise ValidationError("That was very quick. Please check your comment and send it again.")
        return cleaned


class EditForm(Form):
    body = forms.CharField(label="Comment", max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 6}))


class ReportForm(Form):
    reason = forms.CharField(
        label="What is wrong with this comment?",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. For example: spam, abuse, or unsafe medical advice.",
    )


class _IdsField(forms.Field):
    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        if not value:
            return []
        try:
            return [int(v) for v in value]
        except (TypeError, ValueError):
            raise ValidationError("Select comments from the list.") from None


class BulkActionForm(Form):
    action = forms.ChoiceField(
        label="Action",
        choices=[("", "Choose an action")] + [(a, a.capitalize()) for a in MODERATION_ACTIONS],
    )
    ids = _IdsField(error_messages={"required": "Select at least one comment."})
