"""Submitting a consultation request: queries and time, next to the article page, in-process.

`make bench` runs it over its throwaway demo database (bench/run). Alone, on a database that
already holds the demo data and that you can throw away (each round stores a request):
  SECRET_KEY=bench ALLOWED_HOSTS=testserver SITE_URL=http://testserver FIELD_ENCRYPTION_KEYS=… SQLITE_PATH=/tmp/bench.sqlite3 \\
  .venv/bin/python bench/consultation_submit.py
Times are Django's test client in this process (no network, no CSRF check), so they compare
the pages' own work: each figure is also given as a ratio of the article page's median.
"""

from __future__ import annotations

import itertools
import os
import secrets
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import inprocess  # sets Django up before the models are imported
from cosmediclist.catalog.models import BodyArea, Concern, Treatment
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.consultations.questionnaire import questions_for
from cosmediclist.directory.demo import WELLCARE
from cosmediclist.directory.models import Clinic

ROUNDS = int(os.environ.get("ROUNDS", "40"))
ARTICLE = os.environ.get("ARTICLE_URL", "/guides/what-is-mesotherapy/")
RUN = secrets.token_hex(4)  # form tokens unique to this run, so a reused database still stores each one
_tokens = itertools.count(1)


def form_data(clinic: Clinic, treatment: Treatment, token: str) -> dict[str, Any]:
    """A complete request for mesotherapy at Wellcare: one yes among the screening questions.

    Sent from the clinic's profile, the form asks the questions of every treatment the clinic
    offers (the reader ticks the treatments on the same page), so all of them are answered.
    """
    questions = questions_for(Treatment.objects.filter(offers__clinic=clinic).distinct())
    data: dict[str, Any] = {
        "clinics": [clinic.pk],
        "treatments": [treatment.pk],
        "concern_1": Concern.objects.get(slug="stretch-marks").pk,
        "areas": [BodyArea.objects.get(slug="abdomen").pk],
        "hopes": "Softer-looking stretch marks; a benchmark request, not a real person.",
        "contact_method": "email",
        "contact_times": "Weekday evenings",
        "name": "Bench Reader",
        "email": "bench.reader@example.org",
        "phone": "",
        "is_adult_confirmed": "on",
        "idempotency_token": token,
    }
    for n, question in enumerate(questions):
        data[f"q_{question.slug}"] = "yes" if n == 0 else "no"
    if questions:
        data[f"q_{questions[0].slug}_detail"] = "Mentioned for the benchmark."
    return data


def main() -> None:
    client = inprocess.client()
    clinic = Clinic.objects.get(name=WELLCARE, town="Manchester")
    treatment = Treatment.objects.get(slug="mesotherapy")
    form_url = f"/clinics/{clinic.slug}/consultation/"
    repeated = form_data(clinic, treatment, f"bench-{RUN}-resubmitted")

    def get(url: str) -> Any:
        def call() -> None:
            assert client.get(url).status_code == 200, url

        return call

    def submit() -> None:
        data = form_data(clinic, treatment, f"bench-{RUN}-{next(_tokens):06d}")
        response = client.post(form_url, data)
        assert response.status_code == 302, response.content.decode()[:2000]

    def resubmit() -> None:
        assert client.post(form_url, repeated).status_code == 302

    before = ConsultationRequest.objects.count()
    cases = {
        "article page (reference)": get(ARTICLE),
        "request form (GET)": get(form_url),
        "submit a request (POST)": submit,
        "the same form sent again": resubmit,
    }
    figures = {
        label: (inprocess.queries(call), *inprocess.timed(call, ROUNDS)) for label, call in cases.items()
    }
    made = ConsultationRequest.objects.count() - before
    reference = figures["article page (reference)"][1]
    print(f"\nConsultation request, in-process test client, {ROUNDS} rounds each after a warm-up")
    print(f"{'':<28}{'queries':>8}{'median ms':>11}{'p95 ms':>9}{'× article':>11}")
    for label, (count, median, p95) in figures.items():
        print(f"{label:<28}{count:>8}{median:>11.1f}{p95:>9.1f}{median / reference:>11.2f}")
    submits = next(_tokens) - 1
    print(
        f"{made} requests stored from {submits} new forms and {ROUNDS + 2} copies of one form (copies store nothing)."
    )


if __name__ == "__main__":
    main()
