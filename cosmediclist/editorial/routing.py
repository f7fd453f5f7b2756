"""Serving Wagtail's pages in a fixed, small number of queries.

Wagtail's ``serve`` finds the site (one query), fetches the site's root page and its specific
page (two), then walks down one level at a time (two queries per level). ``serve`` here finds
the site the same way but keeps it in the data cache (core/pagecache.py: any save of a site or
a page is a change), takes the root page's ``url_path`` from Wagtail's cached site root paths,
and reads the page with its parent in one query and the specific page, with what its template
shows (``route_select_related``), in one more. Everything else (view restrictions and the other
``before_serve_page`` hooks, ``on_serve_page``, the page's own ``serve``) is Wagtail's.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from cosmediclist.core import pagecache


def find(root_path: str, components: list[str], *, root: Page | None = None) -> RouteResult:
    """The live page at ``components`` under the page whose url_path is ``root_path`` (two queries)."""
    url_path = root_path + "".join(f"{c}/" for c in components)
    parent_path = root_path + "".join(f"{c}/" for c in components[:-1])
    rows = {page.url_path: page for page in Page.objects.filter(url_path__in={url_path, parent_path})}
    found = rows.get(url_path)
    model = found.specific_class if found is not None else None
    if found is None or model is None or not found.live:
        raise Http404
    page = model.objects.select_related(*getattr(model, "route_select_related", ())).get(pk=found.pk)
    # Treebeard's get_parent() uses this instead of a query of its own.
    page._cached_parent_obj = root if root is not None and parent_path == root_path else rows.get(parent_path)
    return RouteResult(page)


def find_site(request: HttpRequest) -> Site | None:
    """Wagtail's ``Site.find_for_request``, from the data cache: it depends on the host and port only."""
    if not hasattr(request, "_wagtail_site"):
        # What Wagtail's lookup reads of the request (the raw host: ALLOWED_HOSTS is checked apart).
        hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()  # type: ignore[attr-defined]
        request._wagtail_site = pagecache.cached_for_generation(  # type: ignore[attr-defined]
            f"wagtail-site:{hostname}:{port}", lambda: Site._find_for_request(request)
        )
    return Site.find_for_request(request)


def route(request: HttpRequest, path: str) -> RouteResult | None:
    """What Wagtail's ``Page.route_for_request`` gives, in fewer queries when it can."""
    components = [component for component in path.split("/") if component]
    site = find_site(request)
    root = next((r for r in Site.get_site_root_paths() if site is not None and r.site_id == site.pk), None)
    if not components or root is None:
        return Page.route_for_request(request, path)
    try:
        result = find(root.root_path, components)
    except Http404:
        return None
    if type(result[0]).route is not Page.route:  # a page that routes further itself: Wagtail's walk
        return Page.route_for_request(request, path)
    return result


def serve(request: HttpRequest, path: str) -> HttpResponse:
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)  # type: ignore[attr-defined]
    response: HttpResponse = wagtail_views.serve(request, path)
    return response


serve.wagtail_serve = True  # type: ignore[attr-defined]  # the page cache may store what it serves
