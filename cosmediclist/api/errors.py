"""The API's error bodies, so that the OpenAPI schema documents every status an endpoint answers."""

from __future__ import annotations

from ninja import Schema


class NotFoundOut(Schema):
    """404: a thing named in the path or the query does not exist (or is not public)."""

    detail: str
    field: str | None = None


class FieldErrorOut(Schema):
    field: str | None
    message: str


class ValidationErrorOut(Schema):
    """422: a parameter was refused; each error names its field."""

    errors: list[FieldErrorOut]


class FieldError(Exception):
    """Raised by an endpoint to refuse one parameter: answered as 422 naming ``field``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class UnknownName(Exception):
    """Raised when a parameter names something that does not exist: answered as 404 naming ``field``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


NOT_FOUND = {404: NotFoundOut}
INVALID = {422: ValidationErrorOut}
# 304: the client's copy (If-None-Match / If-Modified-Since) is current; no body.
NOT_MODIFIED = {304: None}
