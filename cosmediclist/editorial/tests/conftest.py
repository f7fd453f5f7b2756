from __future__ import annotations

import pytest

from cosmediclist.editorial.models import ArticleIndexPage
from cosmediclist.editorial.services import set_up_editorial


@pytest.fixture
def guides(db: None) -> ArticleIndexPage:
    """The /guides/ index with the Medical review workflow and group permissions in place."""
    return set_up_editorial()
