"""Links one app offers for others to place without importing it.

The app that owns the page offers it at start-up (``offer`` in its ``AppConfig.ready``); another
app asks for it by name (``url_of``) and gets "" when nothing is offered or nothing is live, so it
can show its own fallback. Names are "<app>:<what>", for example "editorial:choosing-a-practitioner".
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

Provider = Callable[[HttpRequest | None], str]

_offered: dict[str, Provider] = {}


def offer(name: str, provider: Provider) -> None:
    """Offer the link ``name``: ``provider`` returns its address, or "" while there is none to show."""
    _offered[name] = provider


def url_of(name: str, *, request: HttpRequest | None = None) -> str:
    provider = _offered.get(name)
    return provider(request) if provider is not None else ""
