"""Health answers and notes are encrypted at rest, and the key-rotation command re-encrypts them."""

from __future__ import annotations

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from cosmediclist.consultations import services
from cosmediclist.consultations.crypto import DecryptionError, decrypt
from cosmediclist.consultations.models import IntakeAnswer, RequestNote

SECRET_WORDS = ("Warfarin", "heart valve", "stretch marks on my tummy", "Kept behind the desk")


def raw_rows() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT answer, detail FROM consultations_intakeanswer")
        answers = cursor.fetchall()
        cursor.execute("SELECT hopes FROM consultations_consultationrequest")
        hopes = cursor.fetchall()
        cursor.execute("SELECT body FROM consultations_requestnote")
        notes = cursor.fetchall()
    return repr([answers, hopes, notes])


def test_the_raw_database_holds_no_answer_text(consultation, clinic_staff) -> None:
    services.add_note(actor=clinic_staff, request=consultation, body="Kept behind the desk: check INR")
    raw = raw_rows()
    for word in SECRET_WORDS:
        assert word not in raw
    assert "'yes'" not in raw and "'no'" not in raw
    answer = IntakeAnswer.objects.get(question__startswith="Do you take blood")
    assert answer.answer == "yes"
    assert answer.detail == "Warfarin since 2019 for a heart valve"
    assert RequestNote.objects.get().body.startswith("Kept behind the desk")


def test_rotation_re_encrypts_every_row_with_the_newest_key(consultation, settings) -> None:
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    out = StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    assert "consultations.IntakeAnswer: 3 rows re-encrypted" in out.getvalue()

    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone: everything still reads
    answer = IntakeAnswer.objects.get(question__startswith="Do you take blood")
    assert answer.detail == "Warfarin since 2019 for a heart valve"

    settings.FIELD_ENCRYPTION_KEYS = [old_key]  # and the old key alone no longer reads anything
    with connection.cursor() as cursor:
        cursor.execute("SELECT detail FROM consultations_intakeanswer WHERE detail <> ''")
        [(token,)] = cursor.fetchall()
    with pytest.raises(DecryptionError):
        decrypt(token)
