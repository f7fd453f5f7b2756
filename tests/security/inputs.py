"""Helpers for the enumerated input-validation suite (tests/security/test_input_enumerated.py).

* ``project_forms()``: every Django form class defined in a ``cosmediclist.*`` module.
* ``World`` and ``FORM_CASES``: the data every form page needs, and for each form class the
  page(s) that serve it, who may post to it and a valid value for each of its fields.
* ``page_forms()``: the fields of the HTML forms of a page, with the values the page fills in.
* ``shown_as_typed()``: a typed value as the re-shown form must contain it.
* ``snapshot()``: a row count and checksum of every table, to prove that no row changed.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from typing import Any

from django import forms
from django.db import connection
from django.utils import timezone
from django.utils.html import escape

import cosmediclist
from cosmediclist.core.forms import PlainTextInput
from cosmediclist.core.models import RetentionSettings
from cosmediclist.core.text import strip_control_characters

# ---------------------------------------------------------------------------------------------
# The project's forms


def project_forms() -> dict[str, type[forms.BaseForm]]:
    """Every form class defined in a module of the project (tests and migrations excepted)."""
    found: dict[str, type[forms.BaseForm]] = {}
    for module_info in pkgutil.walk_packages(cosmediclist.__path__, "cosmediclist."):
        name = module_info.name
        if ".tests" in name or ".migrations" in name or name.endswith("bench_views"):
            continue
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == name
                and not _is_base(value)
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return found


def _is_base(cls: type[forms.BaseForm]) -> bool:
    """The project's own base classes (core.forms), which no page shows as such."""
    return cls.__module__ == "cosmediclist.core.forms"


def is_text_field(form_field: forms.Field) -> bool:
    """A field a user types text into (text inputs, text areas, hidden inputs), passwords included."""
    return isinstance(form_field, forms.CharField)


def is_echoed(form_field: forms.Field) -> bool:
    """Passwords are never shown again (Django's PasswordInput renders empty)."""
    return not isinstance(form_field.widget, forms.PasswordInput)


def shown_as_typed(form: forms.BaseForm, value: str) -> str:
    """``value`` as the re-shown form contains it: control characters stripped by the site's
    forms (core.forms.PlainTextInput), HTML-escaped as Django's widgets render it."""
    if isinstance(form, PlainTextInput):
        value = strip_control_characters(value)
    return str(escape(value))


# ---------------------------------------------------------------------------------------------
# The data the form pages need


@dataclass
class World:
    """The personas and rows the form pages act on, made through the services."""

    users: dict[str, Any]
    values: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError as error:
            raise AttributeError(name) from error


def make_world(users: dict[str, Any], treatment: Any, clinic: Any) -> World:
    from cosmediclist.accounts import second_factor
    from cosmediclist.catalog.tests.factories import concern
    from cosmediclist.consultations.tests.factories import submit
    from cosmediclist.consultations.tokens import status_path
    from cosmediclist.directory.models import Offer
    from cosmediclist.directory.tests.factories import OfferFactory, PractitionerFactory, photo
    from cosmediclist.discussion import tokens as discussion_tokens
    from cosmediclist.discussion.tests.factories import make_comment, make_page
    from cosmediclist.reviews import services as review_services
    from cosmediclist.reviews.tests.factories import (
        approved_review,
        invitation_for,
        review_input,
        treated_request,
    )
    from cosmediclist.reviews.tokens import invitation_path

    staff, editor = users["clinic_staff"], users["editor"]
    concern()
    request = submit(clinic, treatment)
    treated = treated_request(clinic, treatment, staff=staff)
    pending = review_services.submit_review(
        invitation=invitation_for(treated_request(clinic, treatment, staff=staff)),
        data=review_input(treatment),
        user=None,
    )
    review = approved_review(clinic, treatment, staff=staff, editor=editor)
    page = make_page()
    comment = make_comment(
        page=page,
        body="A first comment, by the reader.",
        author_token_hash=discussion_tokens.keyed_hash(AUTHOR_TOKEN, purpose="comment-author"),
    )
    practitioner = PractitionerFactory.create(clinic=clinic)
    offer = Offer.objects.filter(clinic=clinic).first() or OfferFactory.create(
        clinic=clinic, treatment=treatment
    )
    clinic_photo = photo(clinic, staff)
    device = second_factor.pending_app(users["medical_reviewer"])
    device.confirmed = True
    device.save()
    return World(
        users,
        {
            "treatment": treatment,
            "clinic": clinic,
            "request": request,
            "status_path": status_path(request.reference),
            "treated": treated,
            "write_path": invitation_path(invitation_for(treated).pk),
            "pending_review": pending,
            "review": review,
            "page": page,
            "comment": comment,
            "practitioner": practitioner,
            "offer": offer,
            "photo": clinic_photo,
            "yesterday": (timezone.localdate() - timedelta(days=1)).isoformat(),
        },
    )


AUTHOR_TOKEN = "valid19-author-token"  # the comment author's browser token (its cookie: author_cookie())


def author_cookie() -> tuple[str, str]:
    """The signed cookie by which the site knows the browser that wrote the world's comment."""
    from django.core.signing import get_cookie_signer

    from cosmediclist.discussion import tokens as discussion_tokens

    name = discussion_tokens.AUTHOR_COOKIE
    salt = name + discussion_tokens._AUTHOR_SALT
    return name, get_cookie_signer(salt=salt).sign(AUTHOR_TOKEN)


# ---------------------------------------------------------------------------------------------
# Which page serves which form


@dataclass(frozen=True)
class FormCase:
    """A page that shows ``form`` (dotted class path): GET ``page``, POST to ``action`` (the
    page itself when empty) as ``user`` (a persona name, or None), with ``data`` valid."""

    form: str
    page: Callable[[World], str]
    user: str | None
    data: Callable[[World], dict[str, Any]] = lambda w: {}
    action: Callable[[World], str] | None = None
    # Fields the page deliberately does not show again (each with its reason).
    not_echoed: frozenset[str] = frozenset()
    # Over HTTP the page gets every ``stride``-th string (one POST costs 15-800 ms on a loaded machine).
    stride: int = 101

    def action_url(self, world: World) -> str:
        return (self.action or self.page)(world)


def _portal(path: str) -> Callable[[World], str]:
    return lambda w: f"/portal/clinics/{w.clinic.slug}/{path}"


def _request_form_data(w: World) -> dict[str, Any]:
    from cosmediclist.consultations.tests.factories import form_data

    return form_data([w.clinic], w.treatment)


def _comment_data(w: World) -> dict[str, Any]:
    from cosmediclist.discussion.tests.factories import form_data

    return form_data()


def _review_data(w: World) -> dict[str, Any]:
    from cosmediclist.reviews.tests.factories import review_post

    return review_post(w.treatment)


def _detail(w: World) -> str:
    return f"/portal/inbox/{w.request.reference}/"


FORM_CASES: list[FormCase] = [
    # accounts
    FormCase(
        "cosmediclist.accounts.forms.LoginForm",
        lambda w: "/account/sign-in/",
        None,
        lambda w: {"email": "nobody@example.org", "password": "not the password"},
    ),
    FormCase(
        "cosmediclist.accounts.forms.SignupForm",
        lambda w: "/account/sign-up/",
        None,
        lambda w: {
            "first_name": "Nina",
            "last_name": "New",
            "email": "nina.new@example.org",
            "password": "a long enough passphrase 42",
            "password_again": "a long enough passphrase 42",
        },
    ),
    FormCase(
        "cosmediclist.accounts.forms.PasswordResetForm",
        lambda w: "/account/password-reset/",
        None,
        lambda w: {"email": "nobody@example.org"},
    ),
    FormCase(
        "cosmediclist.accounts.forms.CodeForm",
        lambda w: "/account/sign-in/code/",
        "medical_reviewer:password",
    ),
    FormCase("cosmediclist.accounts.forms.EnrolForm", lambda w: "/account/two-factor/", "editor:password"),
    FormCase(
        "cosmediclist.accounts.privacy_forms.EmailLinkForm",
        lambda w: "/account/sign-in/link/",
        None,
        lambda w: {"email": "nobody@example.org"},
    ),
    FormCase(
        "cosmediclist.accounts.privacy_forms.EraseForm",
        lambda w: "/account/delete/",
        "reader",
        lambda w: {"email": "someone.else@example.org"},
    ),
    FormCase(
        "cosmediclist.accounts.privacy_forms.EmailPreferencesForm",
        lambda w: "/account/email-preferences/",
        "reader",
    ),
    # catalog (GET forms)
    FormCase("cosmediclist.catalog.forms.TreatmentFilterForm", lambda w: "/treatments/", None),
    FormCase("cosmediclist.catalog.forms.CompareForm", lambda w: "/compare/", None),
    FormCase(
        "cosmediclist.catalog.wagtail_hooks.TreatmentForm",
        lambda w: f"/cms/snippets/catalog/treatment/edit/{w.treatment.pk}/",
        "admin",
        stride=257,
    ),
    FormCase(
        "cosmediclist.catalog.wagtail_hooks.ContraindicationForm",
        lambda w: "/cms/snippets/catalog/contraindication/add/",
        "admin",
        stride=103,
    ),
    # core (CMS settings: numbers only, so no naughty strings; the page must still show the form)
    FormCase(
        "cosmediclist.core.settings_forms.RetentionSettingsForm",
        lambda w: f"/cms/settings/core/retentionsettings/{RetentionSettings.load().pk}/",
        "admin",
    ),
    # consultations
    FormCase(
        "cosmediclist.consultations.forms.RequestForm",
        lambda w: f"/clinics/{w.clinic.slug}/consultation/",
        None,
        _request_form_data,
    ),
    FormCase(
        "cosmediclist.consultations.forms.ChangeForm",
        lambda w: w.status_path,
        None,
        lambda w: {"kind": "reschedule", "message": "Could we move it to a Friday?"},
        action=lambda w: w.status_path.replace("/?t=", "/change/?t="),
    ),
    FormCase(
        "cosmediclist.consultations.forms.MoveForm",
        _detail,
        "clinic_staff",
        lambda w: {"status": "contacted", "expected_status": "new", "reason": "Called her back"},
        action=lambda w: _detail(w) + "move/",
    ),
    FormCase(
        "cosmediclist.consultations.forms.NoteForm",
        _detail,
        "clinic_staff",
        lambda w: {"body": "Prefers mornings."},
        action=lambda w: _detail(w) + "notes/",
    ),
    FormCase(
        "cosmediclist.consultations.forms.ReviewForm",
        _detail,
        "clinic_staff",
        lambda w: {"decision": "cleared", "note": "Fine to go ahead."},
        action=lambda w: _detail(w) + "review/",
    ),
    FormCase("cosmediclist.consultations.forms.PlanForm", lambda w: _detail(w) + "plan/", "clinic_staff"),
    FormCase("cosmediclist.consultations.forms.SessionMoveForm", _detail, "clinic_staff"),
    # feedback
    FormCase(
        "cosmediclist.feedback.forms.ContactForm",
        lambda w: "/contact/",
        None,
        lambda w: {"name": "Rosa", "email": "rosa@example.org", "body": "Hello there, a question."},
    ),
    FormCase(
        "cosmediclist.feedback.forms.ReportForm",
        lambda w: f"/report/clinic/{w.clinic.slug}/",
        None,
        lambda w: {"body": "The phone number is wrong.", "email": ""},
    ),
    # reviews
    FormCase("cosmediclist.reviews.forms.ReviewForm", lambda w: w.write_path, None, _review_data),
    FormCase(
        "cosmediclist.reviews.forms.RejectForm",
        lambda w: "/moderation/reviews/",
        "editor",
        lambda w: {"reason": "Names a member of staff."},
        action=lambda w: f"/moderation/reviews/{w.pending_review.pk}/reject/",
    ),
    FormCase(
        "cosmediclist.reviews.forms.ReplyForm",
        lambda w: "/portal/reviews/",
        "clinic_staff",
        lambda w: {"body": "Thank you for your kind words."},
        action=lambda w: f"/portal/reviews/{w.review.pk}/reply/",
    ),
    FormCase(
        "cosmediclist.reviews.forms.ReportForm",
        lambda w: f"/reviews/{w.review.pk}/report/",
        "reader",
        lambda w: {"reason": "This reads like an advert."},
    ),
    FormCase(
        "cosmediclist.reviews.forms.SideEffectForm",
        lambda w: w.status_path.replace("/?t=", "/side-effect/?t="),
        None,
        lambda w: {"what": "Some bruising", "started_on": w.yesterday, "severity": "mild"},
    ),
    # api
    FormCase(
        "cosmediclist.api.forms.ApiKeyForm",
        _portal("api-keys/"),
        "clinic_staff",
        lambda w: {"name": "Booking system", "scopes": ["read"], "rate_limit_per_minute": "60"},
    ),
    FormCase(
        "cosmediclist.api.forms.WebhookForm",
        _portal("webhooks/"),
        "clinic_staff",
        lambda w: {"url": "https://hooks.example.org/in"},
    ),
    FormCase(
        "cosmediclist.api.admin.ApiKeyAddForm",
        lambda w: "/django-admin/api/apikey/add/",
        "admin",
    ),
    # discussion
    FormCase(
        "cosmediclist.discussion.forms.CommentForm",
        lambda w: f"/comments/{w.page.pk}/",
        None,
        _comment_data,
        action=lambda w: f"/comments/{w.page.pk}/post/",
    ),
    FormCase(
        "cosmediclist.discussion.forms.EditForm",
        lambda w: f"/comments/c/{w.comment.pk}/edit/",
        "comment_author",
        lambda w: {"body": "An edited comment."},
    ),
    FormCase(
        "cosmediclist.discussion.forms.ReportForm",
        lambda w: f"/comments/c/{w.comment.pk}/report/",
        "patient",
        lambda w: {"reason": "Off topic."},
    ),
    FormCase("cosmediclist.discussion.forms.BulkActionForm", lambda w: "/moderation/comments/", "editor"),
    # directory
    FormCase("cosmediclist.directory.forms.SearchForm", lambda w: "/clinics/", None),
    FormCase("cosmediclist.directory.forms.ClinicProfileForm", _portal(""), "clinic_staff"),
    FormCase("cosmediclist.directory.forms.HoursForm", _portal("hours/"), "clinic_staff"),
    FormCase(
        "cosmediclist.directory.forms.PractitionerForm",
        lambda w: f"/portal/clinics/{w.clinic.slug}/practitioners/{w.practitioner.pk}/",
        "clinic_staff",
    ),
    FormCase(
        "cosmediclist.directory.forms.OfferForm",
        lambda w: f"/portal/clinics/{w.clinic.slug}/offers/{w.offer.pk}/",
        "clinic_staff",
    ),
    FormCase("cosmediclist.directory.forms.PhotoForm", _portal("photos/"), "clinic_staff"),
    FormCase(
        "cosmediclist.directory.forms.InviteForm",
        _portal("team/"),
        "clinic_staff",
        lambda w: {"email": "new.colleague@example.org"},
    ),
    FormCase(
        "cosmediclist.directory.admin.ClinicPhotoForm",
        lambda w: f"/django-admin/directory/clinicphoto/{w.photo.pk}/change/",
        "admin",
    ),
]


# ---------------------------------------------------------------------------------------------
# The forms of a page, as a browser would submit them


@dataclass
class PageForm:
    action: str
    method: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[PageForm] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._text: list[str] = []

    def _add(self, name: str, value: str) -> None:
        if self.forms:
            self.forms[-1].fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(PageForm(found.get("action", ""), found.get("method", "get").lower()))
            return
        name = found.get("name", "")
        if not name or not self.forms:
            return
        self.forms[-1].names.add(name)
        if tag == "input":
            kind = found.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in found:
                return
            self._add(name, found.get("value", "on" if kind in {"checkbox", "radio"} else ""))
        elif tag == "textarea":
            self._textarea, self._text = name, []
        elif tag == "select":
            self._select, self._select_first, self._select_chosen = name, None, False
        elif tag == "option" and self._select:
            value = found.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in found:
                self._add(self._select, value)
                self._select_chosen = True

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            self._add(self._textarea, text[1:] if text.startswith("\n") else text)
            self._textarea = None
        elif tag == "select" and self._select is not None:
            if not self._select_chosen and self._select_first is not None:
                self._add(self._select, self._select_first)
            self._select = None


def page_forms(html: str) -> list[PageForm]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


# ---------------------------------------------------------------------------------------------
# Proof that no row changed


def snapshot() -> dict[str, tuple[int, str]]:
    """Each table's row count and a checksum of its rows (in primary-key order)."""
    found: dict[str, tuple[int, str]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY 1")  # safe-sql: names from introspection  # noqa: S608
            digest = hashlib.sha256()
            count = 0
            for row in cursor.fetchall():
                count += 1
                digest.update(repr(row).encode("utf-8", "surrogateescape"))
            found[table] = (count, digest.hexdigest())
    return found


def changed_tables(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> list[str]:
    return sorted(t for t in before.keys() | after.keys() if before.get(t) != after.get(t))


def iter_context_forms(response: Any) -> Iterator[forms.BaseForm]:
    """The form instances a rendered response's templates saw."""
    seen: set[int] = set()
    for context in response.context or []:
        for layer in getattr(context, "dicts", [context]):
            if not isinstance(layer, dict):
                continue
            for value in layer.values():
                value = getattr(value, "form", value)  # Django admin's AdminForm wraps the form
                if isinstance(value, forms.BaseForm) and id(value) not in seen:
                    seen.add(id(value))
                    yield value
