from django.urls import path

from cosmediclist.editorial import feeds, views

app_name = "editorial"

urlpatterns = [
    path("guides/", views.guide_index, name="guide-index"),
    path("feeds/guides/rss/", feeds.GuidesRssFeed(), name="feed-rss"),
    path("feeds/guides/atom/", feeds.GuidesAtomFeed(), name="feed-atom"),
    path("feeds/guides/tags/<slug:tag>/rss/", feeds.GuidesRssFeed(), name="tag-feed-rss"),
    path("feeds/guides/tags/<slug:tag>/atom/", feeds.GuidesAtomFeed(), name="tag-feed-atom"),
]

# Mounted in the site-wide "core" namespace by the root URL map (core:home).
site_urlpatterns = [path("", views.home, name="home")]
