"""The whole URL tree of the site, in one place."""

from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cosmediclist.accounts.views import sign_in_elsewhere
from cosmediclist.api.v1 import api
from cosmediclist.consultations import urls as consultations_urls
from cosmediclist.core.portal import with_portal
from cosmediclist.core.sitemaps import sitemap
from cosmediclist.directory import urls as directory_urls
from cosmediclist.reviews import urls as reviews_urls

handler400 = "cosmediclist.core.views.bad_request"
handler403 = "cosmediclist.core.views.permission_denied"
handler404 = "cosmediclist.core.views.page_not_found"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("cosmediclist.core.urls")),
    # /account/…: sign in, sign up, password reset, the reader's own pages
    path("account/", include("cosmediclist.accounts.urls")),
    # /account/requests/, /account/export/, /account/delete/…: the reader's own pages and data rights
    path("account/", include("cosmediclist.accounts.privacy_urls")),
    # /treatments/, /concerns/, /areas/, /compare/: the treatment catalogue
    path("", include("cosmediclist.catalog.urls")),
    # /comments/…, /moderation/comments/…, /feeds/comments/…: discussion
    path("", include("cosmediclist.discussion.urls")),
    # consultation requests and the patient's status page; the clinic inbox at /portal/inbox/…
    # and /portal/plans/this-week/ (consultations:portal-…)
    path("", include(with_portal(consultations_urls))),
    # /reviews/…, /check-ins/…, /moderation/reviews/…: reviews and outcomes; /portal/reviews/…
    # and /portal/side-effects/… (reviews:portal-…)
    path("", include(with_portal(reviews_urls))),
    # /api/v1/…: the JSON API and its OpenAPI docs
    path("api/v1/", api.urls),
    # One sign-in door with one throttle: Wagtail's and Django admin's own sign-in pages (which
    # would sign in any account, unthrottled) redirect to /account/sign-in/, keeping ?next=.
    # They come before the admin includes so that they win.
    path("cms/login/", sign_in_elsewhere, name="cms-login"),
    path("django-admin/login/", sign_in_elsewhere, name="django-admin-login"),
    # /cms/…: Wagtail's admin for editors; /django-admin/ for administrators
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("django-admin/", admin.site.urls),
    # /guides/ (the index of Wagtail's guide pages, named editorial:guide-index) and
    # /feeds/guides/…: RSS and Atom, site-wide and per tag; each guide is served by Wagtail below
    path("", include("cosmediclist.editorial.urls")),
    # /sitemap.xml: Wagtail's pages plus every section listed in settings.SITEMAPS
    path("sitemap.xml", sitemap, name="sitemap"),
    # /clinics/…: the clinic directory; /portal/…: the clinic portal's listing editor
    path("clinics/", include("cosmediclist.directory.urls")),
    path("portal/", include((directory_urls.portal_urlpatterns, "directory_portal"))),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from django.urls import re_path

    from cosmediclist.directory.media import serve_media

    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media))

# Wagtail serves the editorial page tree last, so every named route above wins.
urlpatterns.append(path("", include(wagtail_urls)))
