"""Portal forms: a clinic owner's API key and webhook endpoint."""

from __future__ import annotations

from django import forms

from cosmediclist.api.keys import MAX_RATE_LIMIT
from cosmediclist.api.models import Scope, WebhookEvent
from cosmediclist.core.forms import Form


class ApiKeyForm(Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="Who or what will use the key, for example your booking system.",
    )
    scopes = forms.MultipleChoiceField(
        label="What the key may do",
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one thing the key may do."},
    )
    rate_limit_per_minute = forms.IntegerField(
        label="Calls allowed a minute", min_value=1, max_value=MAX_RATE_LIMIT, initial=60
    )


class WebhookForm(Form):
    url = forms.URLField(
        label="Address of your system",
        max_length=500,
        assume_scheme="https",
        # A text box: an <input type="url"> may not keep a mistyped address (invalid HTML).
        widget=forms.TextInput(attrs={"inputmode": "url", "spellcheck": "false"}),
        help_text="We send each event there as a signed POST (Standard Webhooks). Use https://.",
    )
    events = forms.MultipleChoiceField(
        label="Events to send",
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,  # none ticked: the owner chooses what leaves the site
        error_messages={"required": "Choose at least one event."},
    )
