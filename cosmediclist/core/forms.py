"""The base of every form the site shows: text typed by a user arrives without control characters."""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.db.models import Model
from django.utils.datastructures import MultiValueDict

from cosmediclist.core.text import strip_control_characters

M = TypeVar("M", bound=Model)


def _clean_value(value: Any) -> Any:
    return strip_control_characters(value) if isinstance(value, str) else value


class PlainTextInput(forms.BaseForm):
    """Strips C0 control characters (all but tab, newline and carriage return) from submitted text.

    It acts on the submitted data before any field sees it, so every field, including those
    added after construction (the questionnaire's), validates, stores and shows the cleaned
    text: a form feed can then never reach a stored comment, a feed or an email. Passwords are
    left exactly as typed, since they are compared, never shown.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.data:
            return
        secret = {self.add_prefix(name) for name, field in self.fields.items() if _is_secret(field)}
        if isinstance(self.data, MultiValueDict):
            cleaned: MultiValueDict[str, Any] = self.data.copy()
            for key, values in self.data.lists():
                if key not in secret:
                    cleaned.setlist(key, [_clean_value(v) for v in values])
            self.data = cleaned
        else:
            self.data = {k: v if k in secret else _clean_value(v) for k, v in self.data.items()}


def _is_secret(field: forms.Field) -> bool:
    return isinstance(field.widget, forms.PasswordInput)


class Form(PlainTextInput, forms.Form):
    """A Django form whose text arrives without control characters."""


class ModelForm(PlainTextInput, forms.ModelForm[M]):
    """A Django model form whose text arrives without control characters."""
