from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from cosmediclist.editorial.tests import factories
from tests.personas import client_for


def test_overdue_report_lists_only_guides_past_their_review_date(guides, editor, client) -> None:
    long_ago = timezone.localdate() - datetime.timedelta(days=800)
    factories.article(
        guides,
        slug="overdue",
        title="An overdue guide",
        reviewed_on=long_ago,
    )
    factories.article(guides, slug="fresh", title="A fresh guide")
    response = client_for(editor).get(reverse("editorial_overdue_reviews"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "An overdue guide" in html
    assert "A fresh guide" not in html
    assert client.get(reverse("editorial_overdue_reviews")).status_code == 302  # readers are sent to sign in
