"""Readers' messages: the contact form and the two report forms. They validate only."""

from __future__ import annotations

from django import forms

from cosmediclist.core.forms import Form

MAX_BODY = 5000


class ContactForm(Form):
    name = forms.CharField(label="Your name", max_length=100)
    email = forms.EmailField(label="Your email address", max_length=254, help_text="We use it only to reply.")
    body = forms.CharField(
        label="Your message",
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Please do not include details of your health: we cannot give personal medical advice.",
    )


class ReportForm(Form):
    body = forms.CharField(
        label="What is wrong?", max_length=MAX_BODY, widget=forms.Textarea(attrs={"rows": 5})
    )
    email = forms.EmailField(
        label="Your email address (optional)",
        max_length=254,
        required=False,
        help_text="Only if you would like a reply. Never shown to anyone.",
    )
