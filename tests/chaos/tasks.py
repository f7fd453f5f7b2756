"""A task for the lease test: it notes when it starts and ends, and in which process, in a file."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import task


def _note(log: str, what: str, name: str) -> None:
    with Path(log).open("a") as file:
        file.write(f"{what} {name} {os.getpid()} {time.time()}\n")


@task()
def hold(name: str, seconds: float, log: str) -> str:
    _note(log, "start", name)
    time.sleep(seconds)
    _note(log, "end", name)
    return name
