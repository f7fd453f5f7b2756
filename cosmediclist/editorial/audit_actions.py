"""What the audit log records about guides, authors and medical reviewers."""

from cosmediclist.core.audit import ActionType, register

PAGES = ("wagtailcore.page", "editorial.articlepage", "editorial.treatmentguidepage")
WORKFLOW = ("wagtailcore.workflow",)

register(
    [
        ActionType("editorial.workflow_created", "Medical review workflow created", WORKFLOW),
        ActionType("editorial.workflow_updated", "Medical review workflow brought up to date", WORKFLOW),
        ActionType("editorial.author_saved", "Author profile created or changed", ("editorial.author",)),
        ActionType(
            "editorial.reviewer_saved", "Medical reviewer profile created or changed", ("editorial.reviewer",)
        ),
        ActionType("editorial.article_drafted", "Guide drafted", PAGES),
        ActionType("editorial.guide_submitted", "Guide submitted for medical review", PAGES),
        ActionType(
            "editorial.guide_approved", "Guide approved by a medical reviewer, who signs its byline", PAGES
        ),
    ]
)
