"""Run the periodic jobs once, or every minute with --loop (next to the task worker)."""

from __future__ import annotations

import signal
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from cosmediclist.core.periodic import run_due


class Command(BaseCommand):
    help = "Enqueue whatever is due (reminders, retries, purges). Safe to run twice."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="Run every --interval seconds.")
        parser.add_argument("--interval", type=float, default=60.0)

    def handle(self, *args: Any, loop: bool, interval: float, **options: Any) -> None:
        running = True

        def stop(signum: int, frame: object) -> None:
            nonlocal running
            running = False

        signal.signal(signal.SIGTERM, stop)
        while True:
            close_old_connections()
            for job, result in run_due().items():
                self.stdout.write(f"{job}: {result}")
            if not loop:
                return
            deadline = time.monotonic() + interval
            while running and time.monotonic() < deadline:
                time.sleep(0.5)
            if not running:
                return
