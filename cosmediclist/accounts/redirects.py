"""Where to go after signing in: the ``next`` a visitor asked for, if it is a path on this site."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, default: str) -> str:
    """The ``next`` the visitor asked for if it is a path on this site, otherwise ``default``.

    Only a path starting with one ``/`` is taken; anything else (a URL name such as ``foo``,
    a relative name, another host) would be resolved or followed somewhere unintended.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    is_path = target.startswith("/") and not target.startswith(("//", "/\\"))
    if is_path and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
