"""Demo accounts: an administrator, an editor, a medical reviewer and clinic staff."""

from __future__ import annotations

from dataclasses import dataclass

from cosmediclist.accounts import services
from cosmediclist.accounts.models import User
from cosmediclist.accounts.roles import EDITORS_GROUP, MEDICAL_REVIEWERS_GROUP, group


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    password: str
    first_name: str
    last_name: str


# Demo-only credentials, printed by make run; never used outside a local demo database.
ADMIN = DemoLogin("administrator", "admin@demo.cosmediclist.test", "demo-admin-Lantern-42", "Ada", "Admin")
EDITOR = DemoLogin("editor", "editor@demo.cosmediclist.test", "demo-editor-Harbour-42", "Eden", "Writer")
REVIEWER = DemoLogin(
    "medical reviewer", "reviewer@demo.cosmediclist.test", "demo-reviewer-Meadow-42", "Elspeth", "Samplewell"
)
CLINIC_STAFF = DemoLogin(
    "clinic staff", "staff@demo.cosmediclist.test", "demo-staff-Orchard-42", "Sam", "Clinic"
)
PATIENT = DemoLogin("patient", "patient@demo.cosmediclist.test", "demo-patient-Willow-42", "Pat", "Reader")
LOGINS = (ADMIN, EDITOR, REVIEWER, CLINIC_STAFF, PATIENT)


def _ensure(login: DemoLogin) -> User:
    existing = User.objects.filter(email=login.email).first()
    if existing is not None:
        return existing
    return services.register_user(
        email=login.email, password=login.password, first_name=login.first_name, last_name=login.last_name
    )


def load() -> None:
    admin = _ensure(ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    editor = _ensure(EDITOR)
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    editor.groups.add(group(EDITORS_GROUP))
    reviewer = _ensure(REVIEWER)
    reviewer.is_staff = True
    reviewer.save(update_fields=["is_staff"])
    reviewer.groups.add(group(MEDICAL_REVIEWERS_GROUP), group(EDITORS_GROUP))
    _ensure(CLINIC_STAFF)
    _ensure(PATIENT)
