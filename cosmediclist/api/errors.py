"""The API's error bodies, so that the OpenAPI schema documents every status an endpoint answers."""

from __future__ import annotations

from ninja import Schema


class NotFoundOut(Schema):
    """404: the thing named in the path does not exist (or is not public)."""

    detail: str


class FieldErrorOut(Schema):
    field: str | None
    message: str


class ValidationErrorOut(Schema):
    """422: a parameter was refused; each error names its field."""

    errors: list[FieldErrorOut]


NOT_FOUND = {404: NotFoundOut}
INVALID = {422: ValidationErrorOut}
