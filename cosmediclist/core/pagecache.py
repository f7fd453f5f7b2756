"""Whole-page cache for anonymous readers, invalidated exactly when public content changes.

Which requests: GET or HEAD of a view marked with ``@public_page`` (or a Wagtail page that
``mark_public`` flags, see editorial/wagtail_hooks.py), from a browser that sends no cookie but
``csrftoken``. A session, a message, the commenter's or the remembered-author cookie means the
page may be personal, and it is rendered afresh and never stored.

Which responses: 200, HTML, setting no cookie, varying on nothing but Cookie and Accept-Encoding,
and rendered without calling ``get_token``. Forms on these pages (comments, "helpful") carry the
visitor's own CSRF token: while a cacheable page renders, ``{{ csrf_token }}`` is a placeholder
(``csrf_placeholder`` context processor), and every response, fresh or from the cache, has it
replaced by ``get_token(request)``, so CSRF protection is unchanged and no token is shared.

Exact invalidation: the cache key holds a generation, a random value kept in the shared "limits"
cache (Redis, or the database table), replaced whenever a row of public content is saved or
deleted (``connect`` below: catalogue, directory, guides, comments and their rules, reviews,
Wagtail pages, images and tags, and the retention periods the privacy page lists), immediately and
again once the transaction commits. Every process reads it on every cacheable request, so the next
request after a change, on any server, renders afresh.
Bodies live in the "default" cache: Redis, or each process's memory.

Data that changes rarely is kept too, for every reader, under the same generation
(``cached_for_generation``, settings.DATA_CACHE): the Wagtail site of a host, the comment rules,
the clinics offering a treatment, a treatment's outcomes. The generation is read once per
request, however many such blocks the page shows (``_request_generation``).

Browsers get ``Cache-Control: private, no-cache`` and an ETag (the stored page and the visitor's
CSRF secret), so they revalidate each time and a 304 costs one cache read; responses to a request
carrying a session get ``private, no-store`` unless the view said otherwise.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers

CSRF_PLACEHOLDER = "pagecache-csrf-placeholder-3b1f"
_PLACEHOLDER_BYTES = CSRF_PLACEHOLDER.encode()
GENERATION_KEY = "pagecache:generation"
# Apps whose rows the public pages show. Every save or delete of one of their rows (but renditions,
# which a first view makes) starts a new generation.
CONTENT_APPS = frozenset(
    {"catalog", "directory", "discussion", "editorial", "reviews", "wagtailcore", "wagtailimages", "taggit"}
)
IGNORED_MODELS = frozenset({"wagtailimages.rendition", "wagtailcore.pagesubscription"})
# Rows of other apps that public pages show: the retention periods (on /privacy/).
CONTENT_MODELS = frozenset({"core.retentionsettings"})
# Cookies that do not make a page personal; any other cookie bypasses the cache.
NEUTRAL_COOKIES = frozenset({settings.CSRF_COOKIE_NAME})
VARY_OK = frozenset({"cookie", "accept-encoding"})
HOP_HEADERS = frozenset({"content-length", "content-encoding", "set-cookie"})

V = TypeVar("V", bound=Callable[..., Any])
T = TypeVar("T")


def public_page(view: V) -> V:
    """Mark a view whose anonymous GET responses may be cached whole."""
    view.public_page = True  # type: ignore[attr-defined]
    return view


def mark_public(request: HttpRequest) -> None:
    """Let the page being served be stored (for views that decide per object, like Wagtail's serve)."""
    request.page_cache_allowed = True  # type: ignore[attr-defined]


# Invalidation ---------------------------------------------------------------------------------

# While a request is handled: {"value": the generation} once read (a fresh dict at each request's
# start, None between requests, so that nothing outside a request ever reuses an old value).
_request_generation: ContextVar[dict[str, str] | None] = ContextVar("pagecache_generation", default=None)


def _new_generation() -> str:
    value = secrets.token_hex(8)
    caches["limits"].set(GENERATION_KEY, value, timeout=None)
    memo = _request_generation.get()
    if memo is not None:  # a change made by this request is seen by the rest of it
        memo["value"] = value
    return value


def current_generation() -> str:
    """The content generation, read from the shared cache at most once per request."""
    memo = _request_generation.get()
    if memo is not None and "value" in memo:
        return memo["value"]
    value = caches["limits"].get(GENERATION_KEY)
    generation = str(value) if value is not None else _new_generation()
    if memo is not None:
        memo["value"] = generation
    return generation


def _request_started(**kwargs: Any) -> None:
    _request_generation.set({})


def _request_finished(**kwargs: Any) -> None:
    _request_generation.set(None)


def content_changed() -> None:
    """Start a new generation now and again at commit, so no page rendered in between survives."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _on_change(sender: type[Model], **kwargs: Any) -> None:
    meta = sender._meta
    # Migrations save historical models (their own registry) before the cache table exists.
    if meta.apps is not global_apps:
        return
    label = meta.label_lower
    if (meta.app_label in CONTENT_APPS and label not in IGNORED_MODELS) or label in CONTENT_MODELS:
        content_changed()


def connect() -> None:
    post_save.connect(_on_change, dispatch_uid="pagecache-save")
    post_delete.connect(_on_change, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="pagecache-m2m")
    request_started.connect(_request_started, dispatch_uid="pagecache-request-started")
    request_finished.connect(_request_finished, dispatch_uid="pagecache-request-finished")
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(_on_publish, dispatch_uid="pagecache-published")
    page_unpublished.connect(_on_publish, dispatch_uid="pagecache-unpublished")
    from django_tasks.signals import task_finished

    task_finished.connect(_on_task_finished, dispatch_uid="pagecache-task-finished")


def _on_m2m(sender: type[Model], **kwargs: Any) -> None:
    _on_change(sender)


def _on_publish(**kwargs: Any) -> None:
    content_changed()


# The search index is written by a background job after the save that asked for it: search
# results rendered in between must not outlive the job.
SEARCH_INDEX_JOBS = ("modelsearch.", "wagtail.search.")


def _on_task_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    if str(task_result.task.module_path).startswith(SEARCH_INDEX_JOBS):
        content_changed()


def cached_for_generation(name: str, compute: Callable[[], T]) -> T:
    """Data that changes rarely (e.g. the clinics offering a treatment), kept until content changes.

    ``name`` must say everything the data depends on. Used on pages that signed-in readers see
    too, so it holds only public data. A change that sends no signal (``QuerySet.update``,
    ``bulk_create``, ``bulk_update``) must call ``content_changed`` itself. None is never stored.
    """
    if not settings.DATA_CACHE:
        return compute()
    key = f"pagecache:block:{current_generation()}:{hashlib.sha256(name.encode()).hexdigest()[:32]}"
    value: T | None = caches["default"].get(key)
    if value is None:
        value = compute()
        caches["default"].set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value


# Rendering ------------------------------------------------------------------------------------


def csrf_placeholder(request: HttpRequest) -> dict[str, Any]:
    """Context processor: while a cacheable page renders, its forms get a placeholder token."""
    if getattr(request, "page_cache_key", None):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}


def _eligible(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE
        and request.method in {"GET", "HEAD"}
        and not (request.COOKIES.keys() - NEUTRAL_COOKIES)
    )


def _key(request: HttpRequest, generation: str) -> str:
    raw = f"{request.get_host()}|{request.get_full_path()}|{timezone.localdate().isoformat()}"
    return f"pagecache:page:{generation}:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not response.has_header("Cache-Control")
        and vary <= VARY_OK
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _finish(request: HttpRequest, response: HttpResponse, body: bytes, digest: str) -> HttpResponse:
    """Fill in this visitor's CSRF token, set the validators, answer a matching If-None-Match."""
    secret = ""
    if _PLACEHOLDER_BYTES in body:
        body = body.replace(_PLACEHOLDER_BYTES, get_token(request).encode())
        secret = request.META.get("CSRF_COOKIE", "")
    etag = 'W/"{}"'.format(hashlib.sha256(f"{digest}|{secret}".encode()).hexdigest()[:24])
    if etag in request.headers.get("If-None-Match", ""):
        not_modified = HttpResponseNotModified()
        not_modified["ETag"] = etag
        not_modified["Cache-Control"] = "private, no-cache"
        patch_vary_headers(not_modified, ("Cookie",))
        return not_modified
    response.content = body
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ("Cookie",))
    return response


# Paths whose page this process has stored. Which view serves a path never changes, so a request
# for one of them is looked up in the cache before its URL is resolved and before the middleware
# inside this one runs (the generation in the key still decides what is current). A hint only: a
# path not listed (a 404, a page never stored) is looked up in process_view as before.
_public_paths: dict[str, None] = {}
MAX_PUBLIC_PATHS = 10_000


def _remember_public(path: str) -> None:
    if path not in _public_paths:
        if len(_public_paths) >= MAX_PUBLIC_PATHS:
            _public_paths.clear()
        _public_paths[path] = None


def _serve(
    request: HttpRequest, key: str, entry: tuple[int, list[tuple[str, str]], bytes, str]
) -> HttpResponse:
    request.page_cache_key = key  # type: ignore[attr-defined]
    request.page_cache_hit = True  # type: ignore[attr-defined]
    status, headers, body, digest = entry
    response = HttpResponse(status=status)
    for name, value in headers:
        response[name] = value
    return _finish(request, response, body, digest)


class PageCacheMiddleware:
    """Serve and store anonymous public pages; set Cache-Control on pages for signed-in visitors.

    Sits inside CsrfViewMiddleware (which reads the CSRF cookie before and sets it after) and
    GZipMiddleware (which compresses what this returns), outside the rest.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        hit = self._early_hit(request)
        if hit is not None:
            return hit
        response = self.get_response(request)
        key: str | None = getattr(request, "page_cache_key", None)
        if key is not None and getattr(request, "page_cache_hit", False) is False:
            if _storable(request, response) and getattr(request, "page_cache_allowed", False):
                headers = [(k, v) for k, v in response.items() if k.lower() not in HOP_HEADERS]
                digest = hashlib.sha256(response.content).hexdigest()[:24]
                entry = (response.status_code, headers, response.content, digest)
                caches["default"].set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
                _remember_public(request.path_info)
                return _finish(request, response, response.content, digest)
            if _PLACEHOLDER_BYTES in getattr(response, "content", b""):
                response.content = response.content.replace(_PLACEHOLDER_BYTES, get_token(request).encode())
        if not response.has_header("Cache-Control") and settings.SESSION_COOKIE_NAME in request.COOKIES:
            response["Cache-Control"] = "private, no-store"
        return response

    @staticmethod
    def _early_hit(request: HttpRequest) -> HttpResponse | None:
        """A stored page for a path known to be public, served before anything else runs."""
        if not (_eligible(request) and request.path_info in _public_paths):
            return None
        key = _key(request, current_generation())
        entry = caches["default"].get(key)
        if entry is not None:
            return _serve(request, key, entry)
        request.page_cache_missed = key  # type: ignore[attr-defined]
        return None

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        if not _eligible(request):
            return None
        if getattr(view_func, "public_page", False):
            mark_public(request)
        elif not getattr(view_func, "wagtail_serve", False):
            return None
        missed: str | None = getattr(request, "page_cache_missed", None)
        key = missed or _key(request, current_generation())
        request.page_cache_key = key  # type: ignore[attr-defined]
        entry = None if missed else caches["default"].get(key)
        if entry is None:
            return None
        return _serve(request, key, entry)
