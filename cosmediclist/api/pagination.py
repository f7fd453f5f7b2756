"""Limit and offset paging for every list endpoint: one input schema, one page shape, absolute links.

A ``limit`` above ``MAX_LIMIT`` is reduced to it (the page says which limit it used) rather than
refused, so a client asking for "everything" gets the largest page; an offset past any list
(even past 2**63) gives no items, never a 500.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode

from django.http import HttpRequest
from ninja import Field, Schema

from cosmediclist.core import origin, paging

DEFAULT_LIMIT = 20
MAX_LIMIT = 100

T = TypeVar("T")


class PageIn(Schema):
    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        description=f"Items per page, 1 to {MAX_LIMIT}; a larger value is reduced to {MAX_LIMIT}.",
    )
    offset: int = Field(0, ge=0, description="How many items to skip.")

    @property
    def start(self) -> int:
        return paging.offset(self.offset)

    @property
    def size(self) -> int:
        return min(self.limit, MAX_LIMIT)

    @property
    def end(self) -> int:
        return self.start + self.size


class Paged(Schema, Generic[T]):
    count: int = Field(description="How many items match, over every page.")
    limit: int = Field(description="The page size used (the requested limit, at most 100).")
    offset: int
    next: str | None = Field(description="The absolute address of the next page, or null.")
    previous: str | None = Field(description="The absolute address of the previous page, or null.")
    items: list[T]


def _link(request: HttpRequest, offset: int, limit: int) -> str:
    query = request.GET.copy()
    query["offset"] = str(offset)
    query["limit"] = str(limit)
    return origin.absolute(request.path) + "?" + urlencode(sorted(query.items()))


def page(request: HttpRequest, params: PageIn, items: Sequence[Any], count: int) -> dict[str, Any]:
    """The page body: ``items`` (already sliced to ``params``) with the count and the links around it."""
    start, size = params.start, params.size
    return {
        "count": count,
        "limit": size,
        "offset": start,
        "next": _link(request, start + size, size) if start + size < count else None,
        # Past the end, "previous" leads back to the last page that has items.
        "previous": _link(request, max(0, min(start, count) - size), size) if start > 0 and count else None,
        "items": list(items),
    }
