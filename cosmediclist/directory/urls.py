"""Directory URLs: the public pages (/clinics/…) and the portal's listing editor (/portal/…)."""

from django.urls import path

from cosmediclist.directory import portal_views, views

app_name = "directory"

urlpatterns = [
    path("", views.clinic_search, name="search"),
    path("<slug:slug>/", views.clinic_detail, name="clinic-detail"),
]

# Mounted under /portal/ with the namespace "directory_portal" (see cosmediclist/urls.py).
portal_urlpatterns = [
    path("", portal_views.portal_home, name="home"),
    path("clinics/<slug:slug>/", portal_views.clinic_profile, name="clinic"),
    path("clinics/<slug:slug>/hours/", portal_views.clinic_hours, name="hours"),
    path("clinics/<slug:slug>/practitioners/", portal_views.practitioners, name="practitioners"),
    path("clinics/<slug:slug>/practitioners/<int:pk>/", portal_views.practitioner_edit, name="practitioner"),
    path(
        "clinics/<slug:slug>/practitioners/<int:pk>/delete/",
        portal_views.practitioner_delete,
        name="practitioner-delete",
    ),
    path("clinics/<slug:slug>/offers/", portal_views.offers, name="offers"),
    path("clinics/<slug:slug>/offers/<int:pk>/", portal_views.offer_edit, name="offer"),
    path("clinics/<slug:slug>/offers/<int:pk>/delete/", portal_views.offer_delete, name="offer-delete"),
    path("clinics/<slug:slug>/photos/", portal_views.photos, name="photos"),
    path("clinics/<slug:slug>/photos/<int:pk>/delete/", portal_views.photo_delete, name="photo-delete"),
    path("clinics/<slug:slug>/team/", portal_views.team, name="team"),
    path("invitations/<str:token>/", portal_views.accept_invitation, name="accept-invitation"),
    path("verification/", portal_views.verification, name="verification"),
    path("verification/clinics/<int:pk>/", portal_views.verify_clinic, name="verify-clinic"),
    path(
        "verification/practitioners/<int:pk>/", portal_views.verify_practitioner, name="verify-practitioner"
    ),
]
