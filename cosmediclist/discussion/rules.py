"""The checks a new comment goes through: links, words, and the medical-question heuristic."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cosmediclist.core.text import count_links
from cosmediclist.discussion.models import Approval, ModerationSettings, Status

# A personal medical question: the writer talks about their own body, health or medicines and
# asks something. Two signals are needed, so "I had mesotherapy, it was fine" does not trigger.
_FIRST_PERSON = re.compile(r"\b(i|i'm|i am|i've|my|me)\b", re.IGNORECASE)
_QUESTION = re.compile(
    r"\?|\b(should i|can i|could i|is it safe|will it|would it|do i need|am i)\b", re.IGNORECASE
)
_HEALTH = re.compile(
    r"\b(pregnan\w*|breastfeed\w*|allerg\w*|medication|medicine|tablets?|antibiotics?|"
    r"blood thinners?|warfarin|isotretinoin|roaccutane|diabet\w*|eczema|psoriasis|rosacea|"
    r"infection|keloid\w*|autoimmune|condition|diagnos\w*|symptoms?|rash|swollen|swelling|"
    r"lump|bleeding|pain|my doctor|my gp|prescri\w*)\b",
    re.IGNORECASE,
)


def looks_like_medical_question(text: str) -> bool:
    """Heuristic: does this read like someone asking about their own health? Never blocks."""
    return bool(_FIRST_PERSON.search(text) and _QUESTION.search(text) and _HEALTH.search(text))


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str


def _contains_any(haystack: str, words: list[str]) -> str | None:
    lowered = haystack.lower()
    return next((w for w in words if w in lowered), None)


def judge(
    *,
    rules: ModerationSettings,
    name: str,
    email: str,
    website: str,
    body: str,
    has_approved_before: bool,
    is_editor: bool = False,
) -> Verdict:
    """Decide the status of a new or edited comment, in WordPress's order.

    1. A disallowed word in name, email, website or text sends it to spam.
    2. A moderation word, or more links than allowed, holds it.
    3. Otherwise the approval rule decides; an editor's own comment is published.
    """
    fields = "\n".join((name, email, website, body))
    if _contains_any(fields, rules.word_list("disallowed_words")):
        return Verdict(Status.SPAM, "disallowed-word")
    if _contains_any(fields, rules.word_list("moderation_words")):
        return Verdict(Status.PENDING, "moderation-word")
    if count_links(body) + count_links(name) > rules.max_links:
        return Verdict(Status.PENDING, "too-many-links")
    if is_editor:
        return Verdict(Status.APPROVED, "editor")
    if rules.approval == Approval.OPEN:
        return Verdict(Status.APPROVED, "open")
    if rules.approval == Approval.KNOWN_AUTHORS and has_approved_before:
        return Verdict(Status.APPROVED, "known-author")
    return Verdict(Status.PENDING, "held")
