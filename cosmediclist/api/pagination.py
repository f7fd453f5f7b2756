"""Limit and offset paging for list endpoints, with the offset kept within a database integer."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja.pagination import LimitOffsetPagination

from cosmediclist.core import paging


class ClampedLimitOffset(LimitOffsetPagination):
    """ninja's limit/offset paging; an offset past any list (even past 2**63) gives no items, not a 500."""

    def paginate_queryset(
        self,
        queryset: QuerySet[Any],
        pagination: LimitOffsetPagination.Input,
        request: HttpRequest,
        **params: Any,
    ) -> Any:
        pagination.offset = paging.offset(pagination.offset)
        return super().paginate_queryset(queryset, pagination, request, **params)
