"""Consultation URLs: the public request pages, the clinic inbox (``portal_urlpatterns``, which
cosmediclist/urls.py mounts under /portal/) and the patient's requests in "My account"
(``account_urlpatterns``, mounted under /account/ in the ``myaccount`` namespace)."""

from django.urls import path

from cosmediclist.consultations import account_views, portal_nav, portal_views, views

app_name = "consultations"

portal_urlpatterns = [
    path("inbox/", portal_views.inbox, name="portal-inbox"),
    path("plans/this-week/", portal_nav.week, name="portal-week"),
    path("inbox/<str:reference>/", portal_views.request_detail, name="portal-request"),
    path("inbox/<str:reference>/move/", portal_views.move, name="portal-move"),
    path("inbox/<str:reference>/notes/", portal_views.add_note, name="portal-note"),
    path("inbox/<str:reference>/review/", portal_views.review, name="portal-review"),
    path("inbox/<str:reference>/plan/", portal_views.plan, name="portal-plan"),
    path(
        "inbox/<str:reference>/sessions/<int:session_id>/move/",
        portal_views.move_session,
        name="portal-session-move",
    ),
    path(
        "inbox/<str:reference>/sessions/<int:session_id>/cancel/",
        portal_views.cancel_session,
        name="portal-session-cancel",
    ),
    path(
        "inbox/<str:reference>/plans/<int:plan_id>/cancel/",
        portal_views.cancel_plan,
        name="portal-plan-cancel",
    ),
]

urlpatterns = [
    # /clinics/<slug>/consultation/ and /treatments/<slug>/consultation/: the request form
    path("clinics/<slug:slug>/consultation/", views.request_form, name="request"),
    path("treatments/<slug:slug>/consultation/", views.request_for_treatment, name="request-for-treatment"),
    # /consultations/…: confirmation, the patient's signed status page, unsubscribe, the formula
    path("consultations/thanks/", views.submitted, name="submitted"),
    path("consultations/response-times/", views.responsiveness, name="responsiveness"),
    path("consultations/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("consultations/<str:reference>/", views.status, name="status"),
    path("consultations/<str:reference>/summary.txt", views.summary, name="summary"),
    path("consultations/<str:reference>/change/", views.ask_to_change, name="change"),
    path("consultations/<str:reference>/withdraw/", views.withdraw, name="withdraw"),
    path("consultations/<str:reference>/sessions/<int:number>.ics", views.session_ics, name="session-ics"),
]

account_urlpatterns = [
    # /account/requests/…: my requests, their plans and calendar files; the secret calendar feed
    path("requests/", account_views.my_requests, name="requests"),
    path("requests/<str:reference>/withdraw/", account_views.withdraw, name="withdraw"),
    path("requests/<str:reference>/answers/", account_views.answers_summary, name="answers"),
    path(
        "requests/<str:reference>/sessions/<int:number>.ics",
        account_views.session_ics,
        name="session-ics",
    ),
    path("calendar/<str:token>.ics", account_views.calendar_feed_ics, name="calendar-ics"),
]
