"""The whole URL tree of the site, in one place."""

from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cosmediclist.accounts import privacy_urls
from cosmediclist.accounts.views import sign_in_elsewhere
from cosmediclist.api import urls as api_urls
from cosmediclist.api.v1 import api
from cosmediclist.consultations import urls as consultations_urls
from cosmediclist.core import bench_views
from cosmediclist.core import urls as core_urls
from cosmediclist.core.portal import with_portal
from cosmediclist.core.sitemaps import sitemap
from cosmediclist.directory import urls as directory_urls
from cosmediclist.discussion import bench_views as discussion_bench
from cosmediclist.discussion import urls as discussion_urls
from cosmediclist.editorial import routing
from cosmediclist.editorial import urls as editorial_urls
from cosmediclist.feedback import urls as feedback_urls
from cosmediclist.reviews import urls as reviews_urls

handler400 = "cosmediclist.core.views.bad_request"
handler403 = "cosmediclist.core.views.permission_denied"
handler404 = "cosmediclist.core.views.page_not_found"
handler500 = "cosmediclist.core.unavailable.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    # /, /about/, /privacy/, /contact/, /search/…: the site's own pages, one "core" namespace
    # whichever app owns the page (the home page is editorial's, the contact form feedback's)
    path(
        "",
        include(
            (
                [
                    *editorial_urls.site_urlpatterns,
                    *core_urls.urlpatterns,
                    *feedback_urls.site_urlpatterns,
                ],
                core_urls.app_name,
            )
        ),
    ),
    # /account/…: sign in, sign up, password reset, the reader's own pages
    path("account/", include("cosmediclist.accounts.urls")),
    # /account/requests/, /account/comments/, /account/export/, /account/delete/…: the reader's own
    # pages and data rights, one "myaccount" namespace whichever app owns the page
    path(
        "account/",
        include(
            (
                [
                    *privacy_urls.urlpatterns,
                    *consultations_urls.account_urlpatterns,
                    *discussion_urls.account_urlpatterns,
                ],
                privacy_urls.app_name,
            )
        ),
    ),
    # /treatments/, /concerns/, /areas/, /compare/: the treatment catalogue
    path("", include("cosmediclist.catalog.urls")),
    # /comments/…, /moderation/comments/…, /feeds/comments/…: discussion
    path("", include(discussion_urls)),
    # consultation requests and the patient's status page; the clinic inbox at /portal/inbox/…
    # and /portal/plans/this-week/ (consultations:portal-…)
    path("", include(with_portal(consultations_urls))),
    # /reviews/…, /check-ins/…, /moderation/reviews/…: reviews and outcomes; /portal/reviews/…
    # and /portal/side-effects/… (reviews:portal-…)
    path("", include(with_portal(reviews_urls))),
    # /api/v1/…: the JSON API and its OpenAPI docs
    path("api/v1/", api.urls),
    # /portal/clinics/<slug>/api-keys/ and /portal/clinics/<slug>/webhooks/…: a clinic's API keys,
    # webhook endpoints and delivery log (api:portal-…)
    path("", include(with_portal(api_urls))),
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
    path("", include(editorial_urls)),
    # /sitemap.xml: Wagtail's pages plus every section listed in settings.SITEMAPS
    path("sitemap.xml", sitemap, name="sitemap"),
    # /clinics/…: the clinic directory; /portal/…: the clinic portal's listing editor
    path("clinics/", include("cosmediclist.directory.urls")),
    # Readers' reports about a guide or a clinic (the contact form is /contact/)
    path("", include(feedback_urls)),
    path("portal/", include((directory_urls.portal_urlpatterns, "directory_portal"))),
]

if settings.BENCH:  # make bench: the floor and the bare baselines (core's and discussion's bench_views)
    urlpatterns.append(path("bench/", include([*bench_views.urlpatterns, *discussion_bench.urlpatterns])))

if settings.DEBUG or settings.SERVE_MEDIA:
    from cosmediclist.directory.media import serve_media

    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media))

# Wagtail serves the editorial page tree last, so every named route above wins; its pages are
# found in fewer queries by editorial.routing.serve (same name, same pattern as Wagtail's own).
urlpatterns += [p for p in wagtail_urls.urlpatterns if getattr(p, "name", "") != "wagtail_serve"]
urlpatterns.append(re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"))
