"""Changes an administrator makes in the Django admin land in the audit log, naming who and what."""

from __future__ import annotations

from typing import Any

from cosmediclist.accounts.models import User
from cosmediclist.core.models import AuditEvent
from tests.personas import client_for, make_user


def _change_form(user: User, **changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on" if user.is_active else "",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": f"{user.date_joined:%Y-%m-%d}",
        "date_joined_1": f"{user.date_joined:%H:%M:%S}",
    }
    form.update(changes)
    return {key: value for key, value in form.items() if value != ""}


def test_an_administrator_changing_a_user_is_audited_with_actor_object_and_fields(
    admin: User, reader: User
) -> None:
    client = client_for(admin)
    response = client.post(
        f"/django-admin/accounts/user/{reader.pk}/change/", _change_form(reader, last_name="Reed")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    reader.refresh_from_db()
    assert reader.last_name == "Reed"
    event = AuditEvent.objects.get(action="admin.changed")
    assert event.actor == admin
    assert (event.data["object_type"], event.data["object_id"]) == ("accounts.user", str(reader.pk))
    assert "Last name" in event.data["fields"].split(", ")
    assert reader.email not in str(event.data)


def test_deleting_several_users_at_once_records_each(admin: User) -> None:
    gone = [make_user(f"gone{n}@example.org", "Gone", str(n)) for n in range(2)]
    ids = [str(user.pk) for user in gone]
    client = client_for(admin)
    response = client.post(
        "/django-admin/accounts/user/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk__in=ids).exists()
    events = AuditEvent.objects.filter(action="admin.deleted", actor=admin)
    assert sorted(event.data["object_id"] for event in events) == sorted(ids)


def test_adding_one_is_recorded_once(admin: User) -> None:
    client = client_for(admin)
    response = client.post(
        "/django-admin/accounts/user/add/",
        {
            "email": "new.one@example.org",
            "password1": "a long pass phrase 42",
            "password2": "a long pass phrase 42",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    new = User.objects.get(email="new.one@example.org")
    [event] = AuditEvent.objects.filter(action="admin.added")
    assert (event.actor, event.data["object_id"]) == (admin, str(new.pk))
