"""Reviewers saved with the old upper-case registers ("GMC", "GPhC") keep their register after the
data migration to the one vocabulary, now as the directory's lower-case codes."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps

from cosmediclist.editorial.models import Reviewer
from cosmediclist.editorial.tests import factories

migration = import_module("cosmediclist.editorial.migrations.0003_register_codes")


def test_old_upper_case_registers_become_the_shared_codes_and_back(db: None) -> None:
    doctor, pharmacist = factories.reviewer(), factories.reviewer()
    Reviewer.objects.filter(pk=doctor.pk).update(register="GMC")
    Reviewer.objects.filter(pk=pharmacist.pk).update(register="GPhC")

    migration.to_codes(apps, None)
    assert dict(Reviewer.objects.values_list("pk", "register")) == {doctor.pk: "gmc", pharmacist.pk: "gphc"}
    assert Reviewer.objects.get(pk=pharmacist.pk).register_short == "GPhC"

    migration.to_old_values(apps, None)
    assert dict(Reviewer.objects.values_list("pk", "register")) == {doctor.pk: "GMC", pharmacist.pk: "GPhC"}
