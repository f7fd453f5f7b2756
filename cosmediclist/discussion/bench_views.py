"""The bare baseline of ``make bench``, mounted under /bench/ with core's when the BENCH setting is on.

``bare_article``: the mesotherapy guide and its approved comments in 2 queries and one plain
template, the "minimal Django view of the same article" each page is compared with.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.views.decorators.http import require_safe

from cosmediclist.discussion.models import Comment, Status
from cosmediclist.editorial.models import ArticlePage

GUIDE_SLUG = "what-is-mesotherapy"


@require_safe
def bare_article(request: HttpRequest) -> HttpResponse:
    page = get_object_or_404(ArticlePage.objects.live(), slug=GUIDE_SLUG)
    comments = Comment.objects.filter(page_id=page.pk, status=Status.APPROVED).order_by("pk")
    return render(request, "bench/bare_article.html", {"page": page, "comments": comments})


urlpatterns = [path("bare-article/", bare_article, name="bare-article")]
