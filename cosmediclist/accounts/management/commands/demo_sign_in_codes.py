"""Print the code a demo staff login's authenticator app would show now (demo data only)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from cosmediclist.accounts.demo import DEMO_TOTP_KEY


class Command(BaseCommand):
    help = "Show the current sign-in code of each account whose app holds the published demo key."

    def handle(self, *args: Any, **options: Any) -> None:
        # Only devices holding the demo key, which is published in the source anyway: a real
        # account's secret is never read here.
        devices = TOTPDevice.objects.filter(key=DEMO_TOTP_KEY, confirmed=True).select_related("user")
        if not devices:
            self.stdout.write("No demo login has the demo authenticator app: run `make demo` first.")
            return
        now = time.time()
        for device in devices:
            totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
            totp.time = now
            left = device.step - int(now - device.t0) % device.step
            code = f"{totp.token():0{device.digits}d}"
            self.stdout.write(f"  {device.user.email:<34} {code}  (for {left} more seconds)")
