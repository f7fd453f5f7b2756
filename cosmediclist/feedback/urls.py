from django.urls import path

from cosmediclist.feedback import views

app_name = "feedback"

urlpatterns = [
    path("report/guide/<int:page_id>/", views.report_guide, name="report-guide"),
    path("report/clinic/<slug:slug>/", views.report_clinic, name="report-clinic"),
]

# Mounted in the site-wide "core" namespace by the root URL map (core:contact).
site_urlpatterns = [path("contact/", views.contact, name="contact")]
