"""Every URL pattern of the site, with a concrete path that resolves to it (for enumerated tests)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

try:  # Python 3.11 keeps the parser under its old name, 3.13 only as re._parser
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RoutePattern

SAMPLES = {
    "int": "1",
    "slug": "sample",
    "str": "sample",
    "path": "sample",
    "uuid": "00000000-0000-4000-8000-000000000001",
}
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Endpoint:
    path: str
    callback: Callable[..., Any]
    name: str

    @property
    def label(self) -> str:
        return f"{self.path} ({self.name or getattr(self.callback, '__name__', '?')})"


def endpoints() -> Iterator[Endpoint]:
    """One concrete path per URL pattern; patterns whose sample does not resolve back are skipped
    by the caller's count (they are few and named in its failure message)."""
    for pieces, pattern in _walk(get_resolver().url_patterns, ()):
        path = "/" + "".join(_sample(piece) for piece in pieces)
        yield Endpoint(path, pattern.callback, pattern.name or "")


def resolves_to(endpoint: Endpoint) -> bool:
    try:
        match = resolve(endpoint.path)
    except Resolver404:
        return False
    return match.func is endpoint.callback


def _walk(patterns: list[Any], prefix: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, (*prefix, pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield (*prefix, pattern.pattern), pattern


def _sample(piece: Any) -> str:
    if isinstance(piece, RoutePattern):
        route = str(piece)
        return ROUTE_PARAMETER.sub(lambda m: SAMPLES.get(m.group("converter") or "str", "sample"), route)
    return _from_regex(sre_parse.parse(piece._regex))


def _from_regex(parsed: Any) -> str:
    """A short string the regular expression matches (enough for Django's URL regexes)."""
    out = []
    for op, value in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(value))
        elif name == "SUBPATTERN":
            out.append(_from_regex(value[-1]))
        elif name in {"MAX_REPEAT", "MIN_REPEAT"}:
            low, _high, item = value
            out.append(_from_regex(item) * max(low, 1))
        elif name == "IN":
            out.append(_from_class(value))
        elif name == "BRANCH":
            out.append(_from_regex(value[1][0]))
        elif name == "ANY":
            out.append("a")
        # AT (^, $, \Z), ASSERT and the like add nothing.
    return "".join(out)


def _from_class(items: Any) -> str:
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            return chr(value)
        if name == "RANGE":
            return chr(value[0])
        if name == "CATEGORY":
            return "1" if "DIGIT" in str(value) else "a"
        if name == "NEGATE":
            return "a"
    return "a"
