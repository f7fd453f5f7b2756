"""What the audit log records about guides, authors and medical reviewers."""

from cosmediclist.core.audit import ActionType, register

PAGES = ("wagtailcore.page", "editorial.articlepage", "editorial.treatmentguidepage")

register(
    [
        ActionType(
            "editorial.workflow_created", "Medical review workflow created", ("wagtailcore.workflow",)
        ),
        ActionType("editorial.author_saved", "Author profile created or changed", ("editorial.author",)),
        ActionType(
            "editorial.reviewer_saved", "Medical reviewer profile created or changed", ("editorial.reviewer",)
        ),
        ActionType("editorial.article_published", "Guide published", PAGES),
    ]
)
