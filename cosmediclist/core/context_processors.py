from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from cosmediclist.core.navigation import footer_links, live_sections


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "site_name": "CosMedicList",
        "site_url": settings.SITE_URL,
        "site_strapline": "Your one stop shop for cosmetic enhancement",
        "nav_sections": live_sections(),
        "footer_links": footer_links(),
        "site_search_url": reverse("core:search"),
    }
