"""The editors' report of guides whose medical review is overdue, in Wagtail's admin."""

from __future__ import annotations

from typing import Any

from wagtail.admin.views.reports import PageReportView

from cosmediclist.editorial.models import ArticlePage


class OverdueReviewsView(PageReportView):  # type: ignore[misc]
    page_title = "Overdue medical reviews"
    header_icon = "warning"
    index_url_name = "editorial_overdue_reviews"
    index_results_url_name = "editorial_overdue_reviews_results"
    results_template_name = "editorial/reports/overdue_reviews_results.html"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "next_review_due_on", "last_reviewed_on", "status_string"]
    export_headings = {
        "next_review_due_on": "Next review due",
        "last_reviewed_on": "Last reviewed",
        "status_string": "Status",
    }

    def get_queryset(self) -> Any:
        return (
            ArticlePage.objects.live()
            .overdue()
            .select_related("reviewer", "content_type")
            .order_by("next_review_due_on", "pk")
        )
