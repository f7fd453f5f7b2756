"""The versioned public JSON API; each domain adds its router here."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import NinjaAPI, Schema
from ninja.errors import ValidationError as NinjaValidationError

from cosmediclist.api import catalog, comments, consultations, directory, editorial, health, reviews
from cosmediclist.api.auth import RateLimited
from cosmediclist.api.errors import FieldError, UnknownName
from cosmediclist.api.idempotency import IdempotencyError
from cosmediclist.api.parser import OneValuePerParameter
from cosmediclist.core.origin import absolute

api = NinjaAPI(
    title="CosMedicList API",
    version="1",
    description=(
        "Treatments, concerns, body areas, guides, clinics near a point, reviews and comments, as JSON.\n\n"
        "Reads of public data need no key. A key sent with a read (`Authorization: Bearer` or "
        "`X-API-Key`) is checked all the same: 401 when it is not valid or revoked, 403 without the "
        "`read` scope, 429 with `Retry-After` past its own rate limit.\n\n"
        "Lists are paged with `limit` (1 to 100; a larger value is reduced to 100) and `offset`; every "
        "page gives `count` and absolute `next`/`previous` links. Reads carry `ETag` and "
        "`Last-Modified`: send `If-None-Match` or `If-Modified-Since` to get 304 when nothing changed. "
        'Errors are JSON: 404 `{"detail": …, "field": …}` when something named does not exist (the '
        'field says which parameter named it), 422 `{"errors": [{"field": …, "message": …}]}` for a '
        "value that is refused."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    parser=OneValuePerParameter(),
)


# Where a value came from, and the names of the endpoints' grouped-parameter arguments, which ninja
# sometimes puts in an error's location: neither is a field the client sent.
_NOT_FIELDS = {"body", "query", "path", "payload", "params", "filters", "paging"}


@api.exception_handler(NinjaValidationError)
def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    """Errors name the field: {"errors": [{"field": "email", "message": "…"}]}."""
    errors = []
    for item in exc.errors:
        location = [str(part) for part in item.get("loc", []) if part not in _NOT_FIELDS]
        errors.append({"field": ".".join(location) or None, "message": item.get("msg", "Invalid value")})
    return api.create_response(request, {"errors": errors}, status=422)


@api.exception_handler(FieldError)
def field_error(request: HttpRequest, exc: FieldError) -> HttpResponse:
    """An endpoint refused one parameter: the same shape as a validation error."""
    return api.create_response(
        request, {"errors": [{"field": exc.field, "message": exc.message}]}, status=422
    )


@api.exception_handler(UnknownName)
def unknown_name(request: HttpRequest, exc: UnknownName) -> HttpResponse:
    """A parameter named something that does not exist (a concern, a place): 404 naming the field."""
    return api.create_response(request, {"detail": exc.message, "field": exc.field}, status=404)


class ResourceOut(Schema):
    name: str
    url: str
    description: str


class IndexOut(Schema):
    name: str
    version: str
    docs: str
    openapi: str
    resources: list[ResourceOut]


RESOURCES = [
    ("treatments", "/treatments", "Published treatments with their facts; filters as the catalogue page."),
    ("concerns", "/concerns", "What a person wants to change, and the treatments that can help."),
    ("areas", "/areas", "Body areas and the treatments for each."),
    ("compare", "/compare?t=mesotherapy&t=microneedling", "Two to four treatments side by side."),
    ("guides", "/guides", "Live articles and treatment guides, with their medical review."),
    ("clinics", "/clinics?lat=53.48&lng=-2.24&radius_km=25", "Verified clinics near a point or a place."),
    ("health", "/health", "Is the API up?"),
]


@api.get(
    "/", response=IndexOut, tags=["index"], summary="What this API offers, with a link to its documentation"
)
def index(request: HttpRequest) -> IndexOut:
    return IndexOut(
        name=api.title,
        version=api.version,
        docs=absolute(reverse("api-v1:openapi-view")),
        openapi=absolute(reverse("api-v1:openapi-json")),
        resources=[
            ResourceOut(name=name, url=absolute("/api/v1" + path), description=text)
            for name, path, text in RESOURCES
        ],
    )


api.add_router("/", health.router)

# --- Read side (issue 16: catalogue, guides, clinics, reviews, comments) ---------------------
api.add_router("/", catalog.router)
api.add_router("/", editorial.router)
api.add_router("/", directory.router)
api.add_router("/", reviews.router)
api.add_router("/", comments.router)
# --- end of the read side --------------------------------------------------------------------


# --- Writes: keys and scopes, rate limits, idempotent consultation requests, the patient's status
# and plans, a clinic key's inbox -----------------------------------------------------------------


@api.exception_handler(RateLimited)
def rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    response = api.create_response(
        request, {"detail": "This API key made too many calls: wait and try again."}, status=429
    )
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(IdempotencyError)
def idempotency_refused(request: HttpRequest, exc: IdempotencyError) -> HttpResponse:
    if exc.status == 409:
        return api.create_response(request, {"detail": exc.message}, status=409)
    return api.create_response(
        request, {"errors": [{"field": "Idempotency-Key", "message": exc.message}]}, status=exc.status
    )


@api.exception_handler(consultations.FieldError)
def field_refused(request: HttpRequest, exc: consultations.FieldError) -> HttpResponse:
    return api.create_response(
        request, {"errors": [{"field": exc.field, "message": exc.message}]}, status=exc.status
    )


api.add_router("/", consultations.router)
