"""Stored XSS across every surface: the payloads, the text fields they go in, and the checks.

``text_fields()`` walks the project's models for every text field; each one is either written by a
``Surface`` below (which stores the corpora in it and names the pages that show it) or excluded with
a reviewed reason (``EXCLUDED``). A new text field that is neither fails test_stored_xss.py.

A surface's ``write`` is handed, for each of its fields, the corpora packed into values that fit the
field (``pack``) and stores them (one object per value of its longest list, each field cycling through
its own values), then returns the pages that show them: public, portal, moderation, Django admin and
Wagtail CMS listings, API JSON, calendar files and emails' HTML part.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models

from tests.corpora import lines, naughty_strings
from tests.markup import Elements, as_received, elements

APPS = "cosmediclist."
SEPARATOR = "\n"


def payloads() -> list[str]:
    """Both corpora as a browser would send them (invalid UTF-8 replaced, NUL refused by every form)."""
    every = [as_received(p) for p in lines("xss-payloads-half.txt")] + [
        as_received(s) for s in naughty_strings()
    ]
    cleaned = [p.replace("\x00", "") for p in every]
    return [p for p in cleaned if p.strip()]


def pack(corpus: list[str], max_length: int | None, *, rows: int, limit: int = 20_000) -> list[str]:
    """The corpus in values of at most ``max_length`` (``limit`` when unbounded) characters, payloads
    joined by a new line; a payload longer than the field is cut to the field's length (a form
    would refuse it whole; its first characters are what could be stored).

    At most ``rows`` values: a field too short to hold the whole corpus in ``rows`` objects gets
    values spread evenly over the corpus (the time budget; ``placed`` counts what was stored)."""
    size = min(max_length or limit, limit)
    values: list[str] = []
    current = ""
    for payload in corpus:
        payload = payload[:size]
        if current and len(current) + len(SEPARATOR) + len(payload) > size:
            values.append(current)
            current = ""
        current = f"{current}{SEPARATOR}{payload}" if current else payload
    if current:
        values.append(current)
    step = -(-len(values) // rows)
    return [v.strip() or v for v in values[::step]]


def placed(values: list[str]) -> int:
    """How many payloads ``values`` hold."""
    return sum(v.count(SEPARATOR) + 1 for v in values)


# ---------------------------------------------------------------- the fields


def text_fields() -> dict[str, models.Field[Any, Any]]:
    """Every CharField, TextField (encrypted ones included) and StreamField of the project's models."""
    found: dict[str, models.Field[Any, Any]] = {}
    for model in apps.get_models():
        if not model.__module__.startswith(APPS):
            continue
        for f in model._meta.get_fields():
            if not isinstance(f, models.Field):
                continue
            # A field inherited from a concrete parent is named after the parent (Wagtail's Page
            # included: its title and search description are typed by editors).
            owner = f.model
            if isinstance(f, models.CharField | models.TextField) or type(f).__name__ == "StreamField":
                found[f"{owner._meta.label}.{f.name}"] = f
    return found


def excluded_by_rule(f: models.Field[Any, Any]) -> str | None:
    """Why a field takes no free text a person types, or None when it does."""
    if getattr(f, "choices", None):
        return "choices: a value from a fixed list"
    if isinstance(f, models.SlugField):
        return "slug: validated to [-a-zA-Z0-9_]"
    if isinstance(f, models.EmailField):
        return "email: validated address, never shown publicly"
    if isinstance(f, models.URLField):
        return "url: validated http(s) link (the url corpus is tests/test_site.py's and the comment tests')"
    if re.search(r"(hash|token|prefix|secret|password|key)$", f.name):
        return "hash, token or secret: made by the code"
    return None


# Reviewed by hand: text fields that no person types, or that no page shows as HTML.
EXCLUDED: dict[str, str] = {
    "core.AuditEvent.action": "declared action names (audit_actions.py)",
    "core.AuditEvent.object_type": "a model label set by the code",
    "core.AuditEvent.object_id": "a primary key set by the code",
    "notifications.OutgoingEmail.template": "a template name set by the code",
    "notifications.OutgoingEmail.last_error": "the SMTP server's error, shown only in the Django admin",
    "api.IdempotencyRecord.scope": "set by the code from the API key",
    "api.IdempotencyRecord.endpoint": "set by the code from the route",
    "api.WebhookDelivery.message_id": "a UUID made by the code",
    "api.WebhookAttempt.error": "an HTTP status or exception name made by the code",
    "consultations.ConsultationRequest.reference": "a reference made by the code (CM-XXXX-XXXX)",
    "consultations.IntakeAnswer.question": "copied by the code from catalog.Contraindication.question",
    "consultations.IntakeAnswer.answer": "yes/no, set by the code from the form's choice",
    "consultations.TreatmentPlan.time_zone": "a zoneinfo name checked against the tz database",
    "consultations.Reminder.key": "an idempotency key made by the code",
    "catalog.Reference.doi": "validated DOI, shown as a doi.org link",
    "catalog.Reference.pmid": "digits only, validated",
    "directory.Clinic.postcode": "validated UK postcode",
    "directory.Clinic.country": "two-letter code set by the code",
    "directory.Clinic.phone": "validated phone number, shown as a tel: link",
    "directory.Practitioner.registration_number": "validated register number",
    "editorial.Reviewer.register_number": "validated register number",
    "wagtailcore.Task.name": "the workflow task's name, made by a migration",
    "wagtailcore.Page.path": "Wagtail's tree path, made by the code",
    "wagtailcore.Page.url_path": "Wagtail's URL path, made from slugs",
    "wagtailcore.Page.draft_title": "Wagtail's copy of the title (the title is covered)",
    "discussion.CommentReport.reason": "a reader's reason for a report: counted, shown on no page",
    "discussion.ModerationSettings.moderation_words": "word lists an admin types, matched, never shown",
    "discussion.ModerationSettings.disallowed_words": "word lists an admin types, matched, never shown",
}

# Fields a person types that no surface writes yet: listed so that the gap is visible in the report
# (and a new field still fails); each one leaves this list when a surface covers it.
NOT_YET_COVERED: dict[str, str] = {}  # field: the pages that show it


# ---------------------------------------------------------------- pages and checks


@dataclass(frozen=True)
class Shown:
    """A page that shows stored values: who reads it, where, and as what."""

    label: str
    role: str  # a key of World.clients
    url: str
    kind: str = "html"  # html, json, ics, email
    browser: bool = True  # loaded in chromium too (HTML pages)
    body: str = ""  # for kind="email": the HTML part; for an email's attachment, its content
    content_type: str = "text/html"  # the attachment's declared type


@dataclass
class Surface:
    name: str
    fields: tuple[str, ...]
    write: Callable[[Any, dict[str, list[str]]], list[Shown]]
    # Written (and so present on every page checked) but shown as text on none: search synonyms.
    not_shown: tuple[str, ...] = ()
    # Fields whose payloads are stored apart (a StreamField's blocks): each payload is looked for.
    split: tuple[str, ...] = ()
    # Objects per surface when not the module's ROWS (a costly writer: Wagtail's workflow).
    rows: int | None = None
    # A form's limit on a field whose model has none (the service refuses longer values).
    limits: dict[str, int] = field(default_factory=dict)


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    pages: int = 0

    def add(self, where: str, what: str) -> None:
        if len(self.problems) < 50:
            self.problems.append(f"{where}: {what}")


DANGEROUS_URL = re.compile(r"^\s*(javascript|vbscript|data|livescript)\s*:", re.IGNORECASE)
SQUEEZE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return SQUEEZE.sub("", text)


def check_html(where: str, html: str, baseline: Elements, found: Findings) -> str:
    """No element or attribute that the page without payloads lacks, no on* attribute, no script URL;
    returns the page's text (what a reader sees), squeezed."""
    seen = elements(html)
    new_tags = seen.tags - baseline.tags
    new_pairs = seen.pairs - baseline.pairs
    if new_tags:
        found.add(where, f"elements a payload added: {sorted(new_tags)}")
    if new_pairs:
        found.add(where, f"attributes a payload added: {sorted(new_pairs)[:10]}")
    handlers = sorted(p for p in seen.pairs if p[1].startswith("on"))
    if handlers:
        found.add(where, f"event-handler attributes: {handlers[:10]}")
    bad_urls = [u for u in seen.urls if DANGEROUS_URL.match(u)]
    if bad_urls:
        found.add(where, f"script URLs: {bad_urls[:5]}")
    return squeeze("".join(seen.text))


def strings_in(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)


def check_json(where: str, response: Any, found: Findings) -> str:
    """JSON served as JSON (never sniffed as HTML); returns its strings (squeezed)."""
    if not response["Content-Type"].startswith("application/json"):
        found.add(where, f"served as {response['Content-Type']}")
    if response.get("X-Content-Type-Options") != "nosniff":
        found.add(where, "no X-Content-Type-Options: nosniff")
    return squeeze("\x00".join(strings_in(json.loads(response.content))))


CONTENT_LINE = re.compile(
    r"^[A-Za-z0-9-]+(;[A-Za-z0-9-]+=(\"[^\"]*\"|[^;:,\"]*)(,(\"[^\"]*\"|[^;:,\"]*))*)*:.*$"
)
TEXT_PROPERTIES = {"SUMMARY", "LOCATION", "DESCRIPTION", "CONTACT", "COMMENT"}
ESCAPED = re.compile(r"\\[\\;,nN]")


def check_ics(where: str, response: Any, found: Findings) -> str:
    """A calendar file served as one, valid by RFC 5545's grammar (CRLF content lines, folded with a
    space, each NAME;params:value), with its TEXT values escaped (no bare ``;``, ``,`` or backslash),
    one event, and no property or component that a value's line breaks or colons would have made;
    returns its text values (unescaped, squeezed)."""
    from icalendar import Calendar

    if not response["Content-Type"].startswith("text/calendar"):
        found.add(where, f"served as {response['Content-Type']}")
    raw = response.content.decode()
    if not raw.endswith("\r\n") or "\n" in raw.replace("\r\n", ""):
        found.add(where, "lines not ended by CRLF")
    unfolded = re.sub(r"\r\n[ \t]", "", raw).split("\r\n")[:-1]
    for line in unfolded:
        if not CONTENT_LINE.match(line):
            found.add(where, f"not a content line: {line[:100]!r}")
            continue
        property_name = re.split(r"[;:]", line, maxsplit=1)[0].upper()
        if property_name in TEXT_PROPERTIES:
            raw_value = line.split(":", 1)[1]
            if re.search(r"[;,\\]", ESCAPED.sub("", raw_value)):
                found.add(where, f"{property_name} not escaped by RFC 5545: {raw_value[:100]!r}")
    calendar = Calendar.from_ical(response.content)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    if len(events) != 1:
        found.add(where, f"{len(events)} events")
    texts = []
    for component in calendar.walk():
        if component.name not in {"VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VEVENT", "VALARM"}:
            found.add(where, f"unexpected component {component.name}")
        for name, value in component.property_items(recursive=False):
            if name.startswith("X-") and name not in {"X-WR-CALNAME", "X-WR-TIMEZONE"}:
                found.add(where, f"unexpected property {name}")
            texts.append(str(value) if not isinstance(value, bytes) else value.decode())
    return squeeze("".join(texts))
