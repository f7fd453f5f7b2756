from django.urls import path

from cosmediclist.discussion import feeds, moderation_views, views

app_name = "discussion"

urlpatterns = [
    # /comments/…: every comment on a page, posting, permalinks and the author's own actions
    path("comments/<int:page_id>/", views.page_comments, name="page-comments"),
    path("comments/<int:page_id>/post/", views.post_comment, name="post"),
    path("comments/c/<int:comment_id>/", views.permalink, name="permalink"),
    path("comments/c/<int:comment_id>/edit/", views.edit_comment, name="edit"),
    path("comments/c/<int:comment_id>/delete/", views.delete_comment, name="delete"),
    path("comments/c/<int:comment_id>/report/", views.report_comment, name="report"),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # /moderation/comments/…: the editors' queue and the signed links from moderators' emails
    path("moderation/comments/", moderation_views.queue, name="queue"),
    path("moderation/comments/bulk/", moderation_views.bulk_action, name="bulk"),
    path("moderation/comments/link/<str:token>/", moderation_views.moderate_link, name="moderate-link"),
    # /feeds/comments/…: RSS of approved comments
    path("feeds/comments/", feeds.SiteCommentsFeed(), name="site-feed"),
    path("feeds/comments/<int:page_id>/", feeds.PageCommentsFeed(), name="page-feed"),
]

account_urlpatterns = [
    # /account/comments/: the reader's own comments (mounted in the ``myaccount`` namespace)
    path("comments/", views.my_comments, name="comments"),
]
