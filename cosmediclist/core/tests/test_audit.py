from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from cosmediclist.accounts.models import User
from cosmediclist.core import audit
from cosmediclist.core.models import AppendOnlyError, AuditEvent

PACKAGE = Path(audit.__file__).resolve().parents[1]


def test_record_keeps_actor_action_and_object(reader) -> None:
    event = audit.record(
        actor=reader, action="account.registered", obj=reader, clinic_id=7, data={"status": "new"}
    )
    assert (event.actor, event.action, event.object_type, event.object_id) == (
        reader,
        "account.registered",
        "accounts.user",
        str(reader.pk),
    )
    assert event.clinic_id == 7
    assert list(AuditEvent.objects.for_object(reader)) == [event]


def test_audit_events_cannot_be_changed_or_deleted(reader) -> None:
    event = audit.record(actor=reader, action="account.registered", obj=reader)
    event.action = "x.undone"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(action="y")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().action == "account.registered"


def test_free_text_cannot_be_smuggled_into_audit_data(reader) -> None:
    with pytest.raises(TypeError):
        audit.record(actor=reader, action="consultation.inbox_viewed", data={"answers": ["pregnant"]})
    assert not AuditEvent.objects.exists()


def test_anonymous_actor_is_stored_as_none(db) -> None:
    assert audit.record(actor=AnonymousUser(), action="consultation.inbox_viewed").actor is None


def test_an_action_nobody_declared_cannot_be_recorded(reader) -> None:
    with pytest.raises(audit.UnknownAuditAction):
        audit.record(actor=reader, action="account.vanished", obj=reader)
    assert not AuditEvent.objects.exists()


def test_an_action_cannot_point_at_an_object_it_does_not_concern(reader) -> None:
    with pytest.raises(TypeError, match="does not concern"):
        audit.record(actor=reader, action="clinic.verified", obj=reader)
    assert not AuditEvent.objects.exists()


def _literal_strings(node: ast.expr) -> list[str]:
    """Whole string literals (``"a"``, ``"a" if x else "b"``); f-strings are checked by their callers' tests."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return [*_literal_strings(node.body), *_literal_strings(node.orelse)]
    return []


def _recorded_action_names() -> set[str]:
    """Every literal ``action=`` given to ``audit.record`` in production code."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "record":
                for keyword in node.keywords:
                    if keyword.arg == "action":
                        names.update(_literal_strings(keyword.value))
    return names


def test_every_action_the_code_records_is_declared_with_a_description() -> None:
    literal = _recorded_action_names()
    assert len(literal) > 30
    declared = {action_type.name: action_type for action_type in audit.action_types()}
    assert sorted(literal - set(declared)) == []
    assert all(action_type.description for action_type in declared.values())


def _rows(html: str) -> list[str]:
    """The "What happened" cell of each row of the admin's result table."""
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<td class="field-description">([^<]*)</td>', table)


def test_administrators_read_and_filter_the_audit_log_but_cannot_change_it(reader) -> None:
    admin = User.objects.create_superuser("ada.admin@example.org", "correct-horse-battery-42")
    audit.record(actor=reader, action="account.registered", obj=reader)
    audit.record(actor=admin, action="consultation.inbox_viewed", data={"status": "new"})
    client = Client()
    client.force_login(admin)

    listing = client.get("/django-admin/core/auditevent/", {"action": "account.registered"})
    assert listing.status_code == 200
    assert _rows(listing.text) == ["Account created"]

    by_actor = client.get("/django-admin/core/auditevent/", {"actor__id__exact": admin.pk})
    assert _rows(by_actor.text) == ["Clinic inbox opened"]
    assert len(_rows(client.get("/django-admin/core/auditevent/").text)) == 2

    assert client.get("/django-admin/core/auditevent/add/").status_code == 403
    event = AuditEvent.objects.get(action="account.registered")
    client.post(f"/django-admin/core/auditevent/{event.pk}/delete/", {"post": "yes"})
    assert AuditEvent.objects.count() == 2


def test_people_without_admin_rights_cannot_read_the_audit_log(reader) -> None:
    client = Client()
    client.force_login(reader)
    response = client.get("/django-admin/core/auditevent/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
