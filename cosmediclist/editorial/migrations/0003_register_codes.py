"""One register vocabulary (core.registers): reviewers' registers stored as the directory's
lower-case codes ("GMC" becomes "gmc", "GPhC" becomes "gphc")."""

from typing import Any

from django.db import migrations, models

CODES = {"GMC": "gmc", "NMC": "nmc", "GDC": "gdc", "HCPC": "hcpc", "GPhC": "gphc"}


def to_codes(apps: Any, schema_editor: Any) -> None:
    Reviewer = apps.get_model("editorial", "Reviewer")
    for old, new in CODES.items():
        Reviewer.objects.filter(register=old).update(register=new)


def to_old_values(apps: Any, schema_editor: Any) -> None:
    Reviewer = apps.get_model("editorial", "Reviewer")
    for old, new in CODES.items():
        Reviewer.objects.filter(register=new).update(register=old)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_review_by_approval"),
    ]

    operations = [
        migrations.RunPython(to_codes, to_old_values),
        migrations.AlterField(
            model_name="reviewer",
            name="register",
            field=models.CharField(
                choices=[
                    ("gmc", "General Medical Council (GMC)"),
                    ("nmc", "Nursing and Midwifery Council (NMC)"),
                    ("gdc", "General Dental Council (GDC)"),
                    ("hcpc", "Health and Care Professions Council (HCPC)"),
                    ("gphc", "General Pharmaceutical Council (GPhC)"),
                ],
                max_length=10,
            ),
        ),
    ]
