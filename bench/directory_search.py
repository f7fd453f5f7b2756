"""Clinic search latency with 10,000 clinics, next to other pages measured in the same run.

Run: SECRET_KEY=bench ALLOWED_HOSTS=testserver SQLITE_PATH=/tmp/bench.sqlite3 .venv/bin/python bench/directory_search.py
(or with DATABASE_URL=postgres://…). It migrates, adds the catalogue treatments and 10,000
generated clinics when missing, then times each page in-process with Django's test client.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cosmediclist.settings")
os.environ.setdefault("HTTPS", "false")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import models  # noqa: E402
from django.test import Client  # noqa: E402

from cosmediclist.catalog.demo_content import TREATMENTS  # noqa: E402
from cosmediclist.catalog.models import Treatment  # noqa: E402
from cosmediclist.directory.models import Clinic  # noqa: E402

ROUNDS = int(os.environ.get("ROUNDS", "60"))
COUNT = int(os.environ.get("CLINICS", "10000"))


def ensure_data() -> None:
    call_command("migrate", verbosity=0)
    if not Treatment.objects.exists():
        fields = {
            f.name for f in Treatment._meta.get_fields() if isinstance(f, models.Field) and not f.many_to_many
        }
        for item in TREATMENTS:
            data = {k: v for k, v in item.items() if k in fields}
            if isinstance(data.get("description"), list):
                data["description"] = "\n\n".join(data["description"])
            Treatment.objects.create(**data)
    if not Clinic.objects.filter(slug__startswith="generated-").exists():
        started = time.perf_counter()
        call_command("generate_clinics", count=COUNT)
        print(f"generate_clinics --count {COUNT}: {time.perf_counter() - started:.1f} s")


def timed(client: Client, url: str) -> tuple[float, float]:
    assert client.get(url).status_code == 200, url
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    ensure_data()
    client = Client()
    clinic = Clinic.objects.verified().filter(town="Manchester").first() or Clinic.objects.first()
    assert clinic is not None
    pages = {
        "home page": "/",
        "search: mesotherapy near Manchester": "/clinics/?treatment=mesotherapy&near=Manchester&radius=25",
        "search: near Manchester by price, 50 km": "/clinics/?near=Manchester&radius=50&sort=price",
        "search: everything by rating (no place)": "/clinics/?sort=rating",
        "clinic page": clinic.get_absolute_url(),
    }
    article = os.environ.get("ARTICLE_URL")  # e.g. /guides/what-is-mesotherapy/ once guides exist
    if article:
        pages["article page"] = article
    print(f"{Clinic.objects.count()} clinics; {ROUNDS} requests each; in-process test client")
    figures = {label: timed(client, url) for label, url in pages.items()}
    reference = "article page" if article else "clinic page"
    for label, (median, p95) in figures.items():
        ratio = median / figures[reference][0]
        print(f"{label:<42} median {median:7.1f} ms  p95 {p95:7.1f} ms  x{ratio:.1f} of the {reference}")


if __name__ == "__main__":
    main()
