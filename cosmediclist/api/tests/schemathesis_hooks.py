"""Schemathesis hooks: the rules between parameters that OpenAPI cannot state.

OpenAPI describes each query parameter alone, so schemathesis would call a search with a latitude
and no longitude, or a lowest price above the highest, as "valid" data and expect a 2xx. The API
refuses both with a 422 naming the field (tested in test_directory_api.py). This hook completes
such generated queries (the missing coordinate, the prices in order) in every phase, so that
every other rule is still fuzzed; a value the schema itself refuses stays refused.
"""

from __future__ import annotations

import math
from typing import Any

import schemathesis


def _number(value: Any) -> float | None:
    """The value as a number, whether generated as one or as its text (the coverage phase)."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


@schemathesis.hook("map_case")
def complete_the_point_and_order_the_prices(context: Any, case: Any) -> Any:
    query = case.query
    if not case.path.endswith("/clinics") or not isinstance(query, dict):
        return case
    if _number(query.get("lat")) is not None and "lng" not in query:
        query["lng"] = 0.0
    if _number(query.get("lng")) is not None and "lat" not in query:
        query["lat"] = 0.0
    low, high = _number(query.get("price_min")), _number(query.get("price_max"))
    if low is not None and high is not None and low > high:
        query["price_min"], query["price_max"] = query["price_max"], query["price_min"]
    return case
