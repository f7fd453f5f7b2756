"""Second factor for staff: an authenticator app (TOTP) plus single-use recovery codes (django-otp).

Who must use one: anyone who holds a role beyond reader (clinic staff, editors, medical
reviewers, administrators) or may open the Django admin (``is_staff``). Readers may not be asked.

A session that has passed the second factor carries ``VERIFIED_SESSION_KEY`` (the device's
persistent id). ``middleware.SessionGuardMiddleware`` lets staff reach the portal, the CMS and
the admin only with it. Removing a device raises the account's sessions version, so no session
keeps a mark from a device that is gone.
"""

from __future__ import annotations

import io
import math
import re
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django_otp.models import Device, VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cosmediclist.accounts.models import User
from cosmediclist.accounts.roles import Role, roles_of
from cosmediclist.core import audit

VERIFIED_SESSION_KEY = "second_factor_device"
APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
RECOVERY_CODES = 10
WRONG_CODE = "That code is not right. Use the newest code your app shows, or one of your recovery codes."


def needs_second_factor(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether the account must pass a second factor: staff of any kind (at most two queries)."""
    if not user.is_authenticated:
        return False
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return True
    return bool(roles_of(user) - {Role.READER})


def app_device(user: User) -> TOTPDevice | None:
    """The account's confirmed authenticator app, if it has one."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def is_verified(session: SessionBase) -> bool:
    return bool(session.get(VERIFIED_SESSION_KEY))


def mark_verified(session: SessionBase, device: Device) -> None:
    session[VERIFIED_SESSION_KEY] = device.persistent_id


def pending_app(user: User) -> TOTPDevice:
    """The unconfirmed authenticator app being set up (the same secret until it is confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it when typed: base32, in groups of four."""
    raw = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_svg(device: TOTPDevice) -> SafeString:
    """The ``otpauth://`` address as an SVG QR code, made here (no image service, no script)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg)
    labelled = svg.replace("<svg ", '<svg role="img" aria-label="QR code for your authenticator app" ', 1)
    return mark_safe(labelled)  # noqa: S308  # safe-html: SVG drawn by qrcode from our own otpauth address


def _new_recovery_codes(user: User) -> list[str]:
    """Replace the account's recovery codes with a fresh set and return them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


def _throttled(device: Device) -> str | None:
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    if details and details.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
        seconds = max(1, math.ceil((details["locked_until"] - timezone.now()).total_seconds()))
        wait = f"{seconds} seconds" if seconds < 120 else f"{math.ceil(seconds / 60)} minutes"
        return f"Too many wrong codes in a row. Wait {wait}, then try the newest code."
    return WRONG_CODE


def confirm_app(*, user: User, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the authenticator app with a code it shows; returns new recovery codes (shown once).

    Raises ``ValidationError`` on ``code`` when the code is wrong. Audited.
    """
    with transaction.atomic():
        locked = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
        refusal = _throttled(locked)
        if refusal:
            raise ValidationError({"code": refusal})
        if not locked.verify_token(_normalise(code)):
            raise ValidationError({"code": "That code is not right. Type the six digits your app shows now."})
        TOTPDevice.objects.filter(user=user).exclude(pk=locked.pk).delete()
        locked.confirmed = True
        locked.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(user)
        audit.record(actor=user, action="account.second_factor_enrolled", obj=user)
    return codes


def check_code(*, user: User, code: str) -> Device:
    """The device that accepts ``code``: the authenticator app (six digits) or a recovery code.

    A recovery code works once. Raises ``ValidationError`` on ``code`` when nothing accepts it
    (or after too many wrong codes in a row). Passing and failing are both audited.
    """
    code = _normalise(code)
    with transaction.atomic():
        if code.isdigit():
            devices: list[Device] = list(
                TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True)
            )
        else:
            devices = list(StaticDevice.objects.select_for_update().filter(user=user, confirmed=True))
        for device in devices:
            refusal = _throttled(device)
            if refusal:
                raise ValidationError({"code": refusal})
            if device.verify_token(code):
                method = "recovery_code" if isinstance(device, StaticDevice) else "app"
                audit.record(
                    actor=user, action="account.second_factor_passed", obj=user, data={"method": method}
                )
                return device
    audit.record(actor=user, action="account.second_factor_failed", obj=user)
    raise ValidationError({"code": WRONG_CODE})


def recovery_codes_left(user: User) -> int:
    return int(StaticToken.objects.filter(device__user=user).count())


def renew_recovery_codes(*, user: User) -> list[str]:
    """A fresh set of recovery codes; the old ones stop working. Audited."""
    with transaction.atomic():
        codes = _new_recovery_codes(user)
        audit.record(actor=user, action="account.recovery_codes_renewed", obj=user)
    return codes


def app_removed(sender: type[TOTPDevice], instance: TOTPDevice, **kwargs: object) -> None:
    """A confirmed app deleted (by an administrator, for a lost phone): every session that passed
    the second factor with it ends, and the account sets up a new app at its next sign-in."""
    if instance.confirmed:
        User.objects.filter(pk=instance.user_id).update(sessions_version=F("sessions_version") + 1)


def sign_out_everywhere(*, user: User) -> None:
    """End every session of the account, in every browser and with any session backend. Audited.

    Raising the sessions version changes the hash each session remembers (see
    ``User.get_session_auth_hash``), so each one is signed out at its next request.
    """
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(sessions_version=F("sessions_version") + 1)
        user.refresh_from_db(fields=["sessions_version"])
        audit.record(actor=user, action="account.signed_out_everywhere", obj=user)
