"""Helpers of the cache tests: read a page, and prove it is kept before the change that should show."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client


def text(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def kept(client: Client, url: str, silently: Callable[[], Any], marker: str) -> None:
    """What the page shows is kept: a change that sends no signal does not show.

    The first view may create rows (Wagtail makes a settings row on first use), so the page is
    asked for twice before the silent change.
    """
    assert marker not in text(client, url)
    assert marker not in text(client, url)
    silently()
    assert marker not in text(client, url)
