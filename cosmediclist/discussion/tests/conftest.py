from __future__ import annotations

import pytest
from wagtail.models import Page

from cosmediclist.discussion.tests.factories import make_page


@pytest.fixture
def article(db: None) -> Page:
    return make_page()
