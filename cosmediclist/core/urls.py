from django.urls import path

from cosmediclist.core import views

# The site-wide "core" namespace; the root URL map adds the home page (editorial) and the contact
# form (feedback) to it.
app_name = "core"

urlpatterns = [
    path("about/", views.about, name="about"),
    path("editorial-policy/", views.editorial_policy, name="editorial-policy"),
    path("privacy/", views.privacy, name="privacy"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", views.site_search, name="search"),
    path("find/", views.find, name="find"),
]
