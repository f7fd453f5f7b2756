"""The site's one origin (settings.SITE_URL): absolute URLs, and Wagtail's Site record kept in step."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.db import DatabaseError

DEFAULT_PORTS = {"http": 80, "https": 443}


def absolute(path: str) -> str:
    """``path`` (starting with "/") on SITE_URL; an absolute URL is returned unchanged."""
    if urlsplit(path).scheme:
        return path
    return settings.SITE_URL + (path if path.startswith("/") else "/" + path)


def hostname_and_port() -> tuple[str, int]:
    """SITE_URL's host name and port (80 or 443 when the address names none), as Wagtail's Site stores them."""
    parts = urlsplit(settings.SITE_URL)
    return str(parts.hostname), parts.port or DEFAULT_PORTS[parts.scheme]


def sync_wagtail_site() -> bool:
    """Put the default Wagtail Site on SITE_URL's host name and port; True when it changed.

    Wagtail builds page URLs (sitemap, admin previews, ``get_full_url``) from this record, so a
    Site left on localhost:80 would hand out addresses where nothing listens.
    """
    from wagtail.models import Site

    hostname, port = hostname_and_port()
    changed = Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port)
    count = changed.update(hostname=hostname, port=port)
    if count:
        Site.clear_site_root_paths_cache()
    return bool(count)


def sync_after_migrate(**kwargs: Any) -> None:
    """post_migrate receiver (connected in CoreConfig.ready): every migrate puts the Site in step."""
    if kwargs.get("app_config") is not None and kwargs["app_config"].label != "core":
        return
    sync_wagtail_site()


@register()
def check_wagtail_site(**kwargs: Any) -> list[CheckMessage]:
    """core.E001 at start-up when the default Wagtail Site is not on SITE_URL's host and port.

    migrate runs the checks with its database named and then puts the Site in step itself
    (sync_after_migrate), so it is not stopped here; runserver, check and bin/serve are.
    """
    from wagtail.models import Site

    if kwargs.get("databases"):
        return []
    try:
        site = Site.objects.filter(is_default_site=True).values("hostname", "port").first()
    except DatabaseError:
        return []  # no tables yet: migrate creates them and puts the Site in step
    expected = hostname_and_port()
    if site is None or (site["hostname"], site["port"]) == expected:
        return []
    return [
        Error(
            f"Wagtail's default Site is {site['hostname']}:{site['port']}, "
            f"but SITE_URL ({settings.SITE_URL}) is {expected[0]}:{expected[1]}.",
            hint="Run manage.py migrate (it puts the Site in step with SITE_URL), or correct SITE_URL.",
            id="core.E001",
        )
    ]
