"""Administrators set the retention periods in the CMS; purge jobs and /privacy/ follow them at once;
every change to the retention periods and to the comment rules is in the audit log, old -> new."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cosmediclist.accounts import retention as account_retention
from cosmediclist.accounts.models import User
from cosmediclist.accounts.tests.privacy_fixtures import give_patient_data
from cosmediclist.core.models import AuditEvent, RetentionSettings
from cosmediclist.core.retention import retention_days
from cosmediclist.core.settings_audit import values_of
from cosmediclist.discussion.models import ModerationSettings
from cosmediclist.notifications.models import OutgoingEmail
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def _edit_url(client: Client, app: str, model: str) -> str:
    """The settings page's own address (Wagtail redirects the menu's address there, making the row)."""
    response = client.get(reverse("wagtailsettings:edit", args=[app, model]))
    assert response.status_code == 302
    return str(response["Location"])


def _form(row: Any, **changes: Any) -> dict[str, Any]:
    data = {name: "" if value is None else value for name, value in values_of(row).items()}
    data.update(changes)
    return data


def _save(client: Client, app: str, model: str, **changes: Any) -> Any:
    url = _edit_url(client, app, model)
    row = RetentionSettings.load() if model == "retentionsettings" else ModerationSettings.load()
    return client.post(url, _form(row, **changes))


def _privacy() -> str:
    response = Client().get("/privacy/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.page_cache
def test_an_administrator_sets_a_period_and_the_privacy_page_shows_it_on_the_next_request(
    admin: User, settings: Any
) -> None:
    settings.INTAKE_RETENTION_DAYS = 180
    assert "180 days (INTAKE_RETENTION_DAYS)" in _privacy()
    # The page is served from the cache: a change that sends no signal stays unseen.
    RetentionSettings.load()
    assert "180 days (INTAKE_RETENTION_DAYS)" in _privacy()
    RetentionSettings.objects.update(intake_days=45)
    assert "180 days (INTAKE_RETENTION_DAYS)" in _privacy()
    RetentionSettings.objects.update(intake_days=None)

    administrator = client_for(admin)
    form = administrator.get(_edit_url(administrator, "core", "retentionsettings"))
    assert form.status_code == 200
    assert 'name="intake_days"' in form.content.decode() and 'placeholder="180"' in form.content.decode()
    response = _save(administrator, "core", "retentionsettings", intake_days=60)
    assert response.status_code == 302

    page = _privacy()
    assert "60 days" in page and "180 days (INTAKE_RETENTION_DAYS)" not in page
    assert retention_days("INTAKE_RETENTION_DAYS") == 60
    [event] = AuditEvent.objects.filter(action="settings.retention_changed")
    assert event.actor == admin
    assert event.data == {"intake_days": "empty -> 60"}
    assert event.object_type == "core.retentionsettings"


@pytest.mark.page_cache
def test_any_save_of_the_periods_starts_a_new_page_cache_generation(db: None, settings: Any) -> None:
    """Not only the CMS page (whose Wagtail history entry is content too): a save from anywhere."""
    settings.INTAKE_RETENTION_DAYS = 180
    row = RetentionSettings.load()
    assert "180 days (INTAKE_RETENTION_DAYS)" in _privacy()
    RetentionSettings.objects.update(intake_days=45)
    assert "180 days (INTAKE_RETENTION_DAYS)" in _privacy()
    row.intake_days = 50
    row.save()
    assert "50 days" in _privacy()


def test_a_purge_job_uses_the_period_set_in_the_cms(patient: User, clinic_staff: User, settings: Any) -> None:
    give_patient_data(patient, clinic_staff)  # which makes the administrator too
    admin = User.objects.get(email="ada.admin@example.org")
    OutgoingEmail.objects.update(status=OutgoingEmail.Status.SENT)
    total = OutgoingEmail.objects.count()
    assert settings.EMAIL_RETENTION_DAYS > 11
    assert _save(client_for(admin), "core", "retentionsettings", email_days=10).status_code == 302
    with time_machine.travel(timezone.now() + timedelta(days=9)):
        assert account_retention.purge_old_emails() == 0
    with time_machine.travel(timezone.now() + timedelta(days=11)):
        assert account_retention.purge_old_emails() == total
    assert not OutgoingEmail.objects.exists()

    client = client_for(admin)
    assert _save(client, "core", "retentionsettings", email_days="").status_code == 302
    assert retention_days("EMAIL_RETENTION_DAYS") == settings.EMAIL_RETENTION_DAYS
    events = AuditEvent.objects.filter(action="settings.retention_changed").order_by("id")
    assert [event.data for event in events] == [{"email_days": "empty -> 10"}, {"email_days": "10 -> empty"}]


def test_without_a_row_every_period_is_the_environment_setting(db: None, settings: Any) -> None:
    settings.FEEDBACK_RETENTION_DAYS = 400
    assert not RetentionSettings.objects.exists()
    assert retention_days("FEEDBACK_RETENTION_DAYS") == 400
    assert "400 days (FEEDBACK_RETENTION_DAYS)" in _privacy()
    assert not RetentionSettings.objects.exists()  # reading never writes


@pytest.mark.parametrize("days", ["0", "-5", "3651", "soon"])
def test_a_period_out_of_range_is_refused(admin: User, days: str) -> None:
    response = _save(client_for(admin), "core", "retentionsettings", sign_in_link_days=days)
    assert response.status_code == 200
    assert RetentionSettings.load().sign_in_link_days is None
    assert not AuditEvent.objects.filter(action="settings.retention_changed").exists()


def test_saving_without_a_change_records_nothing(admin: User) -> None:
    assert _save(client_for(admin), "core", "retentionsettings").status_code == 302
    assert not AuditEvent.objects.filter(action="settings.retention_changed").exists()


def test_a_change_to_the_comment_rules_is_audited_old_to_new_without_the_words(admin: User) -> None:
    response = _save(
        client_for(admin),
        "discussion",
        "moderationsettings",
        max_links=4,
        approval="open",
        disallowed_words="casino\nfree money",
    )
    assert response.status_code == 302
    rules = ModerationSettings.load()
    assert rules.max_links == 4 and rules.approval == "open"
    [event] = AuditEvent.objects.filter(action="comment.rules_changed")
    assert event.actor == admin
    assert event.data == {
        "approval": "hold_all -> open",
        "max_links": "2 -> 4",
        "disallowed_words": "empty -> 2 entries",
    }
    assert "casino" not in str(event.data)


@pytest.mark.parametrize(
    ("app", "model"), [("core", "retentionsettings"), ("discussion", "moderationsettings")]
)
def test_an_editor_cannot_reach_or_change_the_settings(
    editor: User, admin: User, app: str, model: str
) -> None:
    url = _edit_url(client_for(admin), app, model)
    client = client_for(editor)
    assert client.get(url).status_code in (302, 403)
    row = RetentionSettings.load() if model == "retentionsettings" else ModerationSettings.load()
    response = client.post(url, _form(row, intake_days=1, max_links=9))
    assert response.status_code in (302, 403)
    assert RetentionSettings.load().intake_days is None and ModerationSettings.load().max_links == 2
    assert not AuditEvent.objects.filter(action__in=["settings.retention_changed", "comment.rules_changed"])
