"""Site-wide pages: the about pages, robots.txt, the health check and error pages, site search.

The home page is editorial's (``editorial.views.home``), the contact form feedback's; both are
mounted in the ``core`` namespace by the root URL map."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from cosmediclist.core import origin, search
from cosmediclist.core.pagecache import public_page
from cosmediclist.core.personal_data import retention_table
from cosmediclist.core.unavailable import RETRY_AFTER_SECONDS


@require_safe
def find(request: HttpRequest) -> HttpResponse:
    """The home page's search: "treatment:<slug>" or "concern:<slug>" and a town, to the clinic search."""
    kind, _, slug = request.GET.get("what", "").partition(":")
    query = {"near": request.GET.get("where", "").strip()[:100]}
    if kind in ("treatment", "concern") and slug:
        query[kind] = slug[:120]
    return HttpResponseRedirect(
        reverse("directory:search") + "?" + urlencode({k: v for k, v in query.items() if v})
    )


@public_page
@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


@public_page
@require_safe
def editorial_policy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/editorial_policy.html")


@public_page
@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    context = {
        "kinds": retention_table(),
        "staff_idle_minutes": settings.STAFF_IDLE_MINUTES,
        "reader_idle_days": settings.READER_IDLE_MINUTES // (24 * 60),
    }
    return render(request, "core/privacy.html", context)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /account/",
        "Disallow: /portal/",
        "Disallow: /cms/",
        "Disallow: /moderation/",
        "Disallow: /consultations/",
        f"Sitemap: {origin.absolute(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; send them to the real icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database readiness for load balancers: 200 when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        response = JsonResponse({"status": "error", "database": "unavailable"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok", "database": "ok"})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


@public_page
@require_safe
def site_search(request: HttpRequest) -> HttpResponse:
    """Search results grouped by kind, opened by what the query asks for.

    A query naming a treatment or concern and a place (or one with the "near" field filled in)
    gets, as its first result, the nearest clinics offering it and a link to the clinic search
    for exactly that: a result rather than a redirect, so the guides and treatment pages stay one
    step away.
    """
    query = search.clean_query(request.GET.get("q", ""))
    near = search.clean_query(request.GET.get("near", ""))[:100]
    intent = search.interpret(query, near) if query else None
    alternatives = tuple(t.short_name for t in intent.terms) if intent else ()
    groups = search.search(intent.provider_query if intent else query, alternatives=alternatives)
    suggestions: list[str] = []
    if intent and intent.terms and intent.place_suggestions:
        suggestions = [f"{intent.terms[0].short_name} {town}" for town in intent.place_suggestions[:3]]
    elif query and not groups:
        suggestions = search.suggestions(query)
    context = {
        "query": query,
        "near": near,
        "intent": intent,
        "groups": groups,
        "suggestions": suggestions,
        "site_search_query": query,
        "distance_units": "mi",
    }
    return render(request, "core/search.html", context)
