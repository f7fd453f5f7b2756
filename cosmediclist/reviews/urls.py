"""Review and outcome URLs: public pages, the editors' queue, and the portal pages (``portal_urlpatterns``,
which cosmediclist/urls.py mounts under /portal/)."""

from django.urls import path

from cosmediclist.reviews import moderation_views, outcome_views, portal_views, views

app_name = "reviews"

portal_urlpatterns = [
    path("reviews/", portal_views.reviews, name="portal-reviews"),
    path("reviews/<int:review_id>/reply/", portal_views.reply, name="portal-reply"),
    path("side-effects/<int:report_id>/", portal_views.side_effect_report, name="portal-side-effect"),
    path(
        "side-effects/<int:report_id>/handled/", portal_views.acknowledge, name="portal-side-effect-handled"
    ),
]

urlpatterns = [
    # /reviews/…: the review form from an invitation, the policy, the outcome method, reader actions
    path("reviews/write/<str:token>/", views.write_review, name="write"),
    path("reviews/thanks/", views.thanks, name="thanks"),
    path("reviews/policy/", views.policy, name="policy"),
    path("reviews/outcomes/", views.method, name="method"),
    path("reviews/<int:review_id>/report/", views.report_review, name="report"),
    path("reviews/<int:review_id>/helpful/", views.helpful, name="helpful"),
    # /check-ins/…: outcome check-ins from their signed email links
    path("check-ins/<str:token>/", outcome_views.check_in, name="check-in"),
    path("check-ins/stop/<str:token>/", outcome_views.unsubscribe, name="check-ins-unsubscribe"),
    # the private side-effect report, from the patient's signed request page
    path("consultations/<str:reference>/side-effect/", outcome_views.side_effect, name="side-effect"),
    # /moderation/reviews/…: the editors' queue
    path("moderation/reviews/", moderation_views.queue, name="queue"),
    path("moderation/reviews/<int:review_id>/approve/", moderation_views.approve, name="approve"),
    path("moderation/reviews/<int:review_id>/reject/", moderation_views.reject, name="reject"),
]
