"""Demo comments: a few approved, threaded comments on the first content pages (if there are any)."""

from __future__ import annotations

from wagtail.models import Page

from cosmediclist.discussion import services
from cosmediclist.discussion.models import Approval, Comment, ModerationSettings

DEMO_IP = "192.0.2.10"  # TEST-NET-1: documentation addresses, never a real reader
THREAD = (
    (
        "Hannah K.",
        "I had my second session last week. The small bumps had gone by the evening, as the guide says.",
    ),
    (
        "Daniel O.",
        "Thanks for saying that. Did you need to take anything off work, or was it fine the next day?",
    ),
    ("Hannah K.", "Fine the next day for me, though I booked it on a Friday afternoon to be safe."),
)
SECOND = (
    "Priya S.",
    "Useful to see the number of sessions written down. My clinic suggested a course of four, "
    "and a review before deciding on more.",
)


def load() -> None:
    """Add the demo comments to up to two leaf content pages; does nothing twice or without pages."""
    pages = list(Page.objects.live().filter(depth__gte=3, numchild=0).order_by("path")[:2])
    if not pages or Comment.objects.filter(page__in=pages).exists():
        return
    # The demo's own rules (not saved): publish at once, no flood interval between demo posts.
    rules = ModerationSettings(approval=Approval.OPEN, flood_seconds=0)
    for page in pages:
        parent_id = None
        for index, (name, body) in enumerate(THREAD):
            comment = _post(page, name, body, parent_id, rules, index)
            parent_id = comment.pk
        _post(page, *SECOND, None, rules, 9)


def _post(
    page: Page, name: str, body: str, parent_id: int | None, rules: ModerationSettings, n: int
) -> Comment:
    comment = services.post_comment(
        page=page,
        name=name,
        email=f"demo-commenter-{n}@demo.cosmediclist.test",
        body=body,
        ip=DEMO_IP,
        author_token=f"demo-{n}",
        parent_id=parent_id,
        rules=rules,
        closed_flag=False,
    )
    return comment
