"""The error summary at the top of a form: each error as a link to the field it concerns."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms, template

register = template.Library()


@dataclass(frozen=True)
class ErrorLink:
    target: str
    message: str


def _target(field: forms.BoundField) -> str:
    """The id the summary links to: the input itself, or the first of a group of radios or boxes."""
    if field.is_hidden:
        return ""
    target = field.id_for_label
    if not target and field.auto_id and getattr(field.field, "choices", None):
        target = f"{field.auto_id}_0"
    return str(target or "")


@register.filter(name="error_links")
def error_links(form: forms.BaseForm | None) -> list[ErrorLink]:
    """Every error of ``form`` in field order, the form-wide ones first, named by their field's label."""
    if form is None or not form.errors:
        return []
    links = [ErrorLink(target="", message=str(message)) for message in form.non_field_errors()]
    for name in form.fields:
        if name not in form.errors:
            continue
        field = form[name]
        target = _target(field)
        label = str(field.label or "") if target else ""
        for message in field.errors:
            text = f"{label.rstrip(':?')}: {message}" if label else str(message)
            links.append(ErrorLink(target=target, message=text))
    return links
