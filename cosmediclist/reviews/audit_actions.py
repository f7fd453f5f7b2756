"""What the audit log records about reviews, outcome check-ins and side-effect reports."""

from cosmediclist.core.audit import ActionType, register

REVIEW = ("reviews.review",)
CHECK_IN = ("reviews.outcomecheckin",)
REPORT = ("reviews.sideeffectreport",)

register(
    [
        ActionType(
            "review.invitation_created", "Patient invited to review a clinic", ("reviews.reviewinvitation",)
        ),
        ActionType("review.submitted", "Review submitted and held for moderation", REVIEW),
        ActionType("review.approved", "Review published by an editor", REVIEW),
        ActionType("review.rejected", "Review rejected by an editor, with a reason", REVIEW),
        ActionType("review.replied", "Clinic staff replied to a review", REVIEW),
        ActionType("review.reported", "Review reported by a reader", REVIEW),
        ActionType("review.marked_helpful", "Review marked helpful by a reader", REVIEW),
        ActionType("review.erased", "Review erased at its author's request"),
        ActionType(
            "check_in.scheduled",
            "Outcome check-ins scheduled after a plan's last session",
            ("consultations.treatmentplan",),
        ),
        ActionType("check_in.answered", "Outcome check-in question answered", CHECK_IN),
        ActionType(
            "check_in.unsubscribed",
            "Patient stopped outcome check-ins",
            ("consultations.consultationrequest",),
        ),
        ActionType("side_effect.reported", "Patient reported a side effect to the clinic", REPORT),
        ActionType("side_effect.viewed", "Side-effect report opened by clinic staff", REPORT),
        ActionType("side_effect.acknowledged", "Side-effect report marked handled by clinic staff", REPORT),
    ]
)
