"""Every form of the site takes its text without control characters, and passwords as typed."""

from __future__ import annotations

import importlib
import inspect

from django import forms
from django.http import QueryDict

from cosmediclist.core.forms import Form, PlainTextInput

FORM_MODULES = [
    "cosmediclist.accounts.forms",
    "cosmediclist.catalog.forms",
    "cosmediclist.consultations.forms",
    "cosmediclist.directory.forms",
    "cosmediclist.discussion.forms",
]


class Sample(Form):
    name = forms.CharField(max_length=20)
    tags = forms.MultipleChoiceField(choices=[("ab", "ab")])
    secret = forms.CharField(strip=False, widget=forms.PasswordInput)


def test_every_form_of_the_site_strips_control_characters() -> None:
    found = [
        cls
        for module in FORM_MODULES
        for _, cls in inspect.getmembers(importlib.import_module(module), inspect.isclass)
        if issubclass(cls, forms.BaseForm) and cls.__module__ == module
    ]
    assert len(found) >= 20
    assert [cls.__name__ for cls in found if not issubclass(cls, PlainTextInput)] == []


def test_control_characters_are_stripped_before_validation_and_passwords_are_kept() -> None:
    data = QueryDict(mutable=True)
    data.setlist("name", ["Ada\x0c Love\x00lace\x7f"])
    data.setlist("tags", ["a\x1bb"])
    data["secret"] = "pass\x0cword"
    form = Sample(data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"name": "Ada Lovelace", "tags": ["ab"], "secret": "pass\x0cword"}
    assert Sample({"name": "\x0c\x0c", "tags": ["ab"], "secret": "x"}).errors["name"] == [
        "This field is required."
    ]


def test_tab_newline_and_carriage_return_are_kept() -> None:
    form = Sample({"name": "a\tb\r\nc", "tags": ["ab"], "secret": "x"})
    assert form.is_valid()
    assert form.cleaned_data["name"] == "a\tb\r\nc"


def test_api_text_inputs_strip_control_characters_too() -> None:
    from cosmediclist.api.catalog import TreatmentFilters

    assert (
        TreatmentFilters(concern="acne\x0c", area=None, type=None, downtime=None, price=None).concern
        == "acne"
    )
