"""Site-wide pages: home, the about pages, robots.txt, the health check and error pages."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from cosmediclist.core import origin, search
from cosmediclist.core.navigation import live_sections
from cosmediclist.core.personal_data import retention_table


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"sections": live_sections()})


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html")


@require_safe
def editorial_policy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/editorial_policy.html")


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:

    return render(request, "core/privacy.html", {"kinds": retention_table()})


@require_safe
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "core/contact.html")


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
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


@require_safe
def site_search(request: HttpRequest) -> HttpResponse:

    query = search.clean_query(request.GET.get("q", ""))
    groups = search.search(query)
    context = {
        "query": query,
        "groups": groups,
        "suggestions": search.suggestions(query) if query and not groups else [],
        "site_search_query": query,
    }
    return render(request, "core/search.html", context)
