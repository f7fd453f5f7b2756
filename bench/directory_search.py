"""Clinic search latency with 10,000 clinics, next to other pages measured in the same run.

Run: SECRET_KEY=bench ALLOWED_HOSTS=testserver SITE_URL=http://testserver SQLITE_PATH=/tmp/bench.sqlite3 .venv/bin/python bench/directory_search.py
(or with DATABASE_URL=postgres://…). It migrates, adds the catalogue treatments and 10,000
generated clinics when missing, then times each page in-process with Django's test client.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.core.management import call_command
from django.db import models
from django.test import Client

from bench import inprocess  # sets Django up before the models are imported
from cosmediclist.catalog.demo_content import TREATMENTS
from cosmediclist.catalog.models import Treatment
from cosmediclist.directory.models import Clinic

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
    def get() -> None:
        assert client.get(url).status_code == 200, url

    return inprocess.timed(get, ROUNDS)


def main() -> None:
    ensure_data()
    client = inprocess.client()
    clinic = Clinic.objects.verified().filter(town="Manchester").first() or Clinic.objects.first()
    assert clinic is not None
    pages = {
        "home page": "/",
        "search: mesotherapy near Manchester": "/clinics/?treatment=mesotherapy&near=Manchester&radius=25",
        "search: near Manchester by price, 50 km": "/clinics/?near=Manchester&radius=50&sort=price",
        "search: everything by rating (no place)": "/clinics/?sort=rating",
        "clinic page": clinic.get_absolute_url(),
        "api: mesotherapy near the same point": (
            "/api/v1/clinics?treatment=mesotherapy&lat=53.48095&lng=-2.23743&radius_km=25"
        ),
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
    api, page = (
        figures["api: mesotherapy near the same point"][0],
        figures["search: mesotherapy near Manchester"][0],
    )
    print(f"API clinics near a point / the clinic search page: x{api / page:.2f} (goal: at most x1.5)")


if __name__ == "__main__":
    main()
