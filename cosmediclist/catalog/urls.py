from django.urls import path

from cosmediclist.catalog import views

app_name = "catalog"

urlpatterns = [
    # /treatments/: the catalogue, filtered by the query string
    path("treatments/", views.treatment_list, name="treatment-list"),
    path("treatments/<slug:slug>/", views.treatment_detail, name="treatment-detail"),
    # /concerns/ and /areas/: start from what to change or where
    path("concerns/", views.concern_list, name="concern-list"),
    path("concerns/<slug:slug>/", views.concern_detail, name="concern-detail"),
    path("areas/", views.area_list, name="area-list"),
    path("areas/<slug:slug>/", views.area_detail, name="area-detail"),
    # /compare/: the chooser, and /compare/<a>-vs-<b>[-vs-…]/ in canonical (alphabetical) order
    path("compare/", views.compare_start, name="compare-start"),
    path("compare/<str:combo>/", views.compare, name="compare"),
]
