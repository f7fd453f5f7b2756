"""Where a page's time goes: pyinstrument over ROUNDS in-process renders of PATH (uncached).

Run on a bench database (PostgreSQL keeps NAME_bench after `make bench`):
  DATABASE_URL=postgres://…/NAME_bench BENCH=true … .venv/bin/python bench/profile.py /guides/what-is-mesotherapy/
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.test import Client
from pyinstrument import Profiler

from bench import inprocess  # noqa: F401  (sets Django up)

ROUNDS = int(os.environ.get("ROUNDS", "30"))


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "/guides/what-is-mesotherapy/"
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["bench_nocache"] = "1"  # any cookie but csrftoken: the page cache steps aside
    assert client.get(path).status_code == 200
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(ROUNDS):
        client.get(path)
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False, short_mode=False)[:12000])


if __name__ == "__main__":
    main()
