"""Demo accounts: an administrator, an editor, a medical reviewer and clinic staff."""

from __future__ import annotations

from base64 import b32encode
from dataclasses import dataclass

from django_otp.plugins.otp_totp.models import TOTPDevice

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
    has_second_factor: bool = True


# Demo-only credentials, printed by make run; never used outside a local demo database.
ADMIN = DemoLogin("administrator", "admin@demo.cosmediclist.test", "demo-admin-Lantern-42", "Ada", "Admin")
EDITOR = DemoLogin("editor", "editor@demo.cosmediclist.test", "demo-editor-Harbour-42", "Eden", "Writer")
REVIEWER = DemoLogin(
    "medical reviewer", "reviewer@demo.cosmediclist.test", "demo-reviewer-Meadow-42", "Elspeth", "Samplewell"
)
CLINIC_STAFF = DemoLogin(
    "clinic staff", "staff@demo.cosmediclist.test", "demo-staff-Orchard-42", "Sam", "Clinic"
)
PATIENT = DemoLogin(
    "patient",
    "patient@demo.cosmediclist.test",
    "demo-patient-Willow-42",
    "Pat",
    "Reader",
    has_second_factor=False,
)
LOGINS = (ADMIN, EDITOR, REVIEWER, CLINIC_STAFF, PATIENT)
# Demo-only: the staff logins' authenticator-app secret (20 bytes, hex), published here so that
# anyone trying the demo can sign in; a real account's secret is random and shown only to its owner.
DEMO_TOTP_KEY = b"CosMedicList-demo-2F".hex()
DEMO_TOTP_SECRET = b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()
# Printed under the logins by load_demo_data (each loader's module may offer LOGIN_NOTES).
LOGIN_NOTES = (
    "Staff logins then ask for a code from an authenticator app: add the demo key "
    f"{DEMO_TOTP_SECRET} to one (time-based, 6 digits), or run `make demo-codes` "
    "for the codes of the moment.",
)


def demo_app(user: User) -> TOTPDevice:
    """The demo staff login's authenticator app, with the published demo secret."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Demo authenticator app", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
    )
    return device


def _ensure(login: DemoLogin) -> User:
    existing = User.objects.filter(email=login.email).first()
    if existing is not None:
        return existing
    user = services.register_user(
        email=login.email, password=login.password, first_name=login.first_name, last_name=login.last_name
    )
    # Made by whoever loads the demo, not by a stranger signing up: the address counts as proven,
    # so signing in with an emailed link keeps the demo password (see links.use_sign_in_link).
    user.email_confirmed_at = user.date_joined
    user.save(update_fields=["email_confirmed_at"])
    return user


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
    staff = _ensure(CLINIC_STAFF)
    _ensure(PATIENT)
    for user in (admin, editor, reviewer, staff):
        demo_app(user)
