"""The whole URL tree of the site, in one place."""

from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cosmediclist.api.v1 import api

handler400 = "cosmediclist.core.views.bad_request"
handler403 = "cosmediclist.core.views.permission_denied"
handler404 = "cosmediclist.core.views.page_not_found"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("cosmediclist.core.urls")),
    # /account/…: sign in, sign up, password reset, the reader's own pages
    path("account/", include("cosmediclist.accounts.urls")),
    # consultation requests, the patient's status page, and the clinic inbox at /portal/inbox/…
    path("", include("cosmediclist.consultations.urls")),
    # /api/v1/…: the JSON API and its OpenAPI docs
    path("api/v1/", api.urls),
    # /cms/…: Wagtail's admin for editors; /django-admin/ for administrators
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("django-admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves the editorial page tree last, so every named route above wins.
urlpatterns.append(path("", include(wagtail_urls)))
