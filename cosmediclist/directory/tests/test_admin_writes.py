"""The Django admin takes the same path as the portal: photos re-encoded, verification audited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cosmediclist.core.models import AuditEvent
from cosmediclist.directory.models import Clinic, ClinicPhoto
from cosmediclist.directory.tests.factories import image_bytes
from tests.personas import client_for

STORED = re.compile(r"^clinics/[0-9a-f]{32}\.jpg$")
HOSTILE_NAME = "../../etc/<script>alert(1)</script>.jpg.php"


def admin_upload(admin, clinic, content: bytes, name: str):
    file = SimpleUploadedFile(name, content, content_type="image/jpeg")
    return client_for(admin).post(
        "/django-admin/directory/clinicphoto/add/",
        {"clinic": clinic.pk, "image": file, "alt_text": "Treatment room", "sort_order": 0},
    )


def test_an_admin_upload_with_a_hostile_name_and_gps_is_stored_clean_and_audited(admin, clinic) -> None:
    original = image_bytes((320, 200), gps=True)
    response = admin_upload(admin, clinic, original, HOSTILE_NAME)
    assert response.status_code == 302
    photo = ClinicPhoto.objects.get(clinic=clinic)
    assert STORED.match(str(photo.image.name))
    with Image.open(Path(photo.image.path)) as image:
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}
    assert b"Test Camera" not in Path(photo.image.path).read_bytes()
    assert AuditEvent.objects.filter(action="photo.added", clinic_id=clinic.pk).count() == 1


@pytest.mark.parametrize("content", [b"<?php system($_GET['c']); ?>", b"GIF89a<script>alert(1)</script>"])
def test_an_admin_upload_that_is_not_an_image_gets_a_clear_message_and_stores_nothing(
    admin, clinic, content: bytes, _media_root: Path
) -> None:
    response = admin_upload(admin, clinic, content, HOSTILE_NAME)
    assert response.status_code == 200
    assert "not an image we can read" in response.content.decode()
    assert not ClinicPhoto.objects.exists()
    assert not list(_media_root.rglob("*.*"))


def test_an_admin_deleting_a_photo_is_audited(admin, clinic) -> None:
    admin_upload(admin, clinic, image_bytes((320, 200)), "room.jpg")
    photo = ClinicPhoto.objects.get()
    response = client_for(admin).post(
        f"/django-admin/directory/clinicphoto/{photo.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not ClinicPhoto.objects.exists()
    assert AuditEvent.objects.filter(action="photo.removed").count() == 1


def test_marking_a_clinic_verified_in_the_admin_goes_through_the_service_and_is_audited(admin) -> None:
    clinic = Clinic.objects.create(
        name="New Skin",
        slug="new-skin",
        address="1 Road",
        town="Leeds",
        postcode="LS1 1AA",
        latitude=53.8,
        longitude=-1.55,
    )
    response = client_for(admin).post(
        "/django-admin/directory/clinic/",
        {"action": "mark_verified", "_selected_action": [clinic.pk]},
    )
    assert response.status_code == 302
    clinic.refresh_from_db()
    assert clinic.is_verified and clinic.verified_at is not None
    [event] = AuditEvent.objects.filter(action="clinic.verified")
    assert event.clinic_id == clinic.pk and event.actor_id == admin.pk
    form = client_for(admin).get(f"/django-admin/directory/clinic/{clinic.pk}/change/").content.decode()
    assert 'name="is_verified"' not in form  # read-only: the action is the one way to change it
