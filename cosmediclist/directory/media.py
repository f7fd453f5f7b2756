"""Uploaded media for a local run (`make run`, SERVE_MEDIA=true); production uses the web server."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.static import serve


def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    """Django's static file view over MEDIA_ROOT, never sniffed and never rendered as a page.

    Only re-encoded JPEG files are stored there; nosniff and a sandboxing CSP make sure that a
    file is never treated as anything else even if one slipped in.
    """
    try:
        response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    except SuspiciousFileOperation:  # a path that climbs out of MEDIA_ROOT
        raise Http404 from None
    except OSError:  # a name the file system cannot hold (over 255 bytes: "File name too long")
        raise Http404 from None
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
