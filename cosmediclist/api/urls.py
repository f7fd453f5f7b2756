"""API portal URLs (/portal/clinics/<slug>/api-keys/ and /webhooks/); the JSON API itself is api.v1."""

from django.urls import URLPattern, path

from cosmediclist.api import portal_views

app_name = "api"

urlpatterns: list[URLPattern] = []

# Mounted under /portal/ by core.portal.with_portal (see cosmediclist/urls.py).
portal_urlpatterns = [
    path("clinics/<slug:slug>/api-keys/", portal_views.api_keys, name="portal-keys"),
    path(
        "clinics/<slug:slug>/api-keys/<int:pk>/revoke/", portal_views.revoke_api_key, name="portal-key-revoke"
    ),
    path("clinics/<slug:slug>/webhooks/", portal_views.webhook_endpoints, name="portal-webhooks"),
    path(
        "clinics/<slug:slug>/webhooks/<int:pk>/disable/",
        portal_views.disable_webhook,
        name="portal-webhook-disable",
    ),
    path("clinics/<slug:slug>/webhooks/deliveries/", portal_views.webhook_log, name="portal-webhook-log"),
]
