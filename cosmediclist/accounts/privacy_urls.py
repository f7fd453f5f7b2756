"""The reader's own pages under /account/ (the ``myaccount`` namespace): sign-in links, settings,
export, erasure. The root URL map adds the pages other apps own (requests, comments) to the namespace."""

from django.urls import path

from cosmediclist.accounts import privacy_views, reader_views

app_name = "myaccount"

urlpatterns = [
    # /account/sign-in/link/…: sign in with a one-time link sent by email
    path("sign-in/link/", privacy_views.ask_sign_in_link, name="ask-link"),
    path("sign-in/link/<str:token>/", privacy_views.link_sign_in, name="link-sign-in"),
    # /account/calendar/, /account/email-preferences/: the reader's settings (their requests and
    # comments are the consultations' and discussion's account_urlpatterns, in this namespace)
    path("calendar/", reader_views.calendar_feed, name="calendar"),
    path("email-preferences/", reader_views.email_preferences, name="preferences"),
    # /account/export/…: take everything; /account/delete/: erase everything
    path("export/", privacy_views.export_page, name="export"),
    path("export/data.json", privacy_views.export_json, name="export-json"),
    path("export/by-email/", privacy_views.ask_export_link, name="ask-export"),
    path("export/by-email/<str:token>/", privacy_views.export_by_email, name="export-by-email"),
    path(
        "export/by-email/<str:token>/data.json",
        privacy_views.export_by_email_json,
        name="export-by-email-json",
    ),
    path("delete/", privacy_views.erase, name="erase"),
    path("deleted/", privacy_views.erased, name="erased"),
]
