"""Query strings and forms read strictly: a parameter that is not a list is given once or refused,
and no value carries a control character (PostgreSQL refuses a NUL in any string it is given)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.errors import ValidationError
from ninja.parser import Parser

from cosmediclist.core.text import strip_control_characters


class OneValuePerParameter(Parser):
    """ninja's own parser keeps the last of `?offset=1&offset=2` without a word; this one answers 422.

    A repeated scalar is ambiguous (which one did the client mean?), and a server that silently
    picks one hides the client's bug, so the error names the parameter instead.
    """

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        values: dict[str, Any] = {}
        repeated = []
        for key in data:
            given = [strip_control_characters(v) if isinstance(v, str) else v for v in data.getlist(key)]
            if key in list_fields:
                values[key] = given
            elif len(given) > 1:
                repeated.append({"loc": ("query", key), "msg": "Give this parameter once."})
            else:
                values[key] = given[0]
        if repeated:
            raise ValidationError(repeated)
        return values
