"""Every write to reviews and outcomes; callers use ``services.submit_review(...)`` and friends."""

from cosmediclist.reviews.services.outcomes import (
    acknowledge_side_effect,
    answer_check_in,
    report_side_effect,
    schedule_check_ins,
    unsubscribe_check_ins,
)
from cosmediclist.reviews.services.reviews import (
    ReviewInput,
    approve_review,
    check_invitation,
    erase_review,
    is_clinic_staff,
    mark_helpful,
    reject_review,
    reply_to_review,
    report_review,
    submit_review,
)

__all__ = [
    "ReviewInput",
    "acknowledge_side_effect",
    "answer_check_in",
    "approve_review",
    "check_invitation",
    "erase_review",
    "is_clinic_staff",
    "mark_helpful",
    "reject_review",
    "reply_to_review",
    "report_review",
    "report_side_effect",
    "schedule_check_ins",
    "submit_review",
    "unsubscribe_check_ins",
]
