"""Add the bench's data to a database that holds the demo (and the generated clinics).

- the mesotherapy guide gets 30 approved comments in ten threads of three;
- Wellcare (the demo staff member's clinic) gets 200 approved reviews, each from a treated
  request, so its inbox is busy too (plus 40 new requests);
- the comment rules let one address post freely (the comment POST bench posts from loopback);
- a signed-in session for the demo clinic staff member (the inbox bench sends its cookie).
Writes go through the services, as on the site. Prints a JSON line with what the bench needs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils.module_loading import import_string

from bench import inprocess  # noqa: F401  (sets Django up)
from cosmediclist.accounts import demo as accounts_demo
from cosmediclist.accounts import second_factor
from cosmediclist.accounts.models import User
from cosmediclist.catalog.models import Treatment
from cosmediclist.consultations.models import ConsultationRequest
from cosmediclist.consultations.tests.factories import concern
from cosmediclist.directory.demo import WELLCARE
from cosmediclist.directory.models import Clinic
from cosmediclist.discussion.models import Comment, ModerationSettings, Status
from cosmediclist.discussion.tests.factories import make_comment, reply
from cosmediclist.editorial.models import ArticlePage
from cosmediclist.reviews import services as reviews
from cosmediclist.reviews.models import Review
from cosmediclist.reviews.tests.factories import invitation_for, review_input, treated_request

REVIEWS = 200
NEW_REQUESTS = 40


def main() -> None:
    from django.conf import settings

    guide = ArticlePage.objects.get(slug="what-is-mesotherapy")
    clinic = Clinic.objects.get(name=WELLCARE, town="Manchester")
    staff = User.objects.get(email=accounts_demo.CLINIC_STAFF.email)
    editor = User.objects.filter(is_superuser=True).first()
    treatment = Treatment.objects.get(slug="mesotherapy")
    concern("stretch-marks")

    rules = ModerationSettings.objects.first() or ModerationSettings.objects.create()
    rules.flood_seconds = 0
    rules.posts_per_hour = 30000
    rules.save()

    Comment.objects.filter(page=guide).delete()
    for n in range(10):
        top = make_comment(page=guide, status=Status.APPROVED, name=f"Reader {n}")
        reply(reply(top, status=Status.APPROVED), status=Status.APPROVED)

    have = Review.objects.filter(clinic=clinic, status="approved").count()
    for n in range(have, REVIEWS):
        made = treated_request(clinic, treatment, staff=staff, email=f"bench.patient{n}@example.org")
        review = reviews.submit_review(
            invitation=invitation_for(made),
            data=review_input(treatment, title=f"Visit number {n}", rating=1 + n % 5),
            user=None,
        )
        reviews.approve_review(review=review, actor=editor)
    for n in range(NEW_REQUESTS):
        treated_request(clinic, treatment, staff=staff, email=f"bench.new{n}@example.org")

    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    store[SESSION_KEY] = str(staff.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = staff.get_session_auth_hash()
    # The demo staff account has an authenticator app: the session has passed the second step.
    device = second_factor.app_device(staff)
    if device is None:
        raise SystemExit("the demo staff account has no authenticator app")
    second_factor.mark_verified(store, device)
    store.create()
    print(
        json.dumps(
            {
                "guide_id": guide.pk,
                "clinic_slug": clinic.slug,
                "staff_cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}",
                "comments": Comment.objects.filter(page=guide, status=Status.APPROVED).count(),
                "reviews": Review.objects.filter(clinic=clinic, status="approved").count(),
                "inbox": ConsultationRequest.objects.filter(clinic=clinic).count(),
                "clinics": Clinic.objects.count(),
            }
        )
    )


if __name__ == "__main__":
    main()
