from __future__ import annotations

import pytest

from cosmediclist.core import audit
from cosmediclist.core.models import AppendOnlyError, AuditEvent


def test_record_keeps_actor_action_and_object(reader) -> None:
    event = audit.record(
        actor=reader, action="account.viewed", obj=reader, clinic_id=7, data={"status": "new"}
    )
    assert (event.actor, event.action, event.object_type, event.object_id) == (
        reader,
        "account.viewed",
        "accounts.user",
        str(reader.pk),
    )
    assert event.clinic_id == 7
    assert list(AuditEvent.objects.for_object(reader)) == [event]


def test_audit_events_cannot_be_changed_or_deleted(reader) -> None:
    event = audit.record(actor=reader, action="x.done", obj=reader)
    event.action = "x.undone"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(action="y")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().action == "x.done"


def test_free_text_cannot_be_smuggled_into_audit_data(reader) -> None:
    with pytest.raises(TypeError):
        audit.record(actor=reader, action="x", data={"answers": ["pregnant"]})


def test_anonymous_actor_is_stored_as_none(db) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert audit.record(actor=AnonymousUser(), action="x").actor is None
