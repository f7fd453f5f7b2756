from django.urls import path

from cosmediclist.core import views
from cosmediclist.feedback import views as feedback_views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("editorial-policy/", views.editorial_policy, name="editorial-policy"),
    path("privacy/", views.privacy, name="privacy"),
    path("contact/", feedback_views.contact, name="contact"),  # the form lives with readers' messages
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", views.site_search, name="search"),
    path("find/", views.find, name="find"),
]
