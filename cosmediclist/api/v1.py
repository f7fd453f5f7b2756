"""The versioned public JSON API; each domain adds its router here."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

from cosmediclist.api import comments, health, treatments

api = NinjaAPI(
    title="CosMedicList API",
    version="1",
    description="Treatments, concerns, clinics and consultation requests, as JSON.",
    urls_namespace="api-v1",
    docs_url="/docs",
)


@api.exception_handler(NinjaValidationError)
def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    """Errors name the field: {"errors": [{"field": "email", "message": "…"}]}."""
    errors = []
    for item in exc.errors:
        location = [
            str(part) for part in item.get("loc", []) if part not in ("body", "query", "path", "payload")
        ]
        errors.append({"field": ".".join(location) or None, "message": item.get("msg", "Invalid value")})
    return api.create_response(request, {"errors": errors}, status=422)


api.add_router("/", health.router)
api.add_router("/", treatments.router)
api.add_router("/", comments.router)
