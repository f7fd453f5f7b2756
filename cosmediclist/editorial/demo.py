"""Demo guides: reviewers, authors and seven articles approved through the medical review, with drawn hero images."""

from __future__ import annotations

import html
import io
import re
from typing import Any

from django.core.files.images import ImageFile
from django.urls import Resolver404, resolve
from wagtail.images import get_image_model

from cosmediclist.accounts import demo as demo_accounts
from cosmediclist.accounts.models import User
from cosmediclist.accounts.roles import MEDICAL_REVIEWERS_GROUP, group
from cosmediclist.catalog.models import Treatment
from cosmediclist.core.text import describe
from cosmediclist.editorial import services
from cosmediclist.editorial.demo_content import AUTHORS, GUIDES, REVIEWERS
from cosmediclist.editorial.illustrations import hero_jpeg
from cosmediclist.editorial.models import ArticleIndexPage

_LINK = re.compile(r'<a href="(/[^"]*)">(.*?)</a>')


def _internal_links_that_exist(text: str) -> str:
    """Keep links to pages this build serves; unwrap the others (e.g. catalogue pages not merged yet)."""

    def keep_or_unwrap(match: re.Match[str]) -> str:
        try:
            found = resolve(match.group(1))
        except Resolver404:
            return match.group(2)
        return match.group(0) if found.url_name != "wagtail_serve" else match.group(2)

    return _LINK.sub(keep_or_unwrap, text)


def _block(kind: str, value: Any) -> dict[str, Any]:
    if kind == "paragraph":
        return {"type": kind, "value": f"<p>{_internal_links_that_exist(value)}</p>"}
    if kind == "callout":
        text = f"<p>{html.escape(value['text'])}</p>"
        return {"type": kind, "value": {**value, "text": text}}
    return {"type": kind, "value": value}


def body(guide: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = [_block(kind, value) for kind, value in guide["body"]]
    references = [{**{"year": None, "url": ""}, **ref} for ref in guide["references"]]
    return [*blocks, {"type": "references", "value": references}]


def _hero(guide: dict[str, Any]) -> Any:
    image_model = get_image_model()
    title = f"Illustration: {guide['title']}"
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = hero_jpeg(guide["hero_colour"], seed=guide["slug"])
    image = image_model(title=title, file=ImageFile(io.BytesIO(data), name=f"{guide['slug']}.jpg"))
    image.save()
    return image


def _signer(profile: dict[str, str]) -> User:
    """The account that approves as this demo reviewer: the demo reviewer login for the first one."""
    if profile is REVIEWERS[0]:
        email = demo_accounts.REVIEWER.email
    else:
        email = f"{profile['slug']}@demo.cosmediclist.test"
    user = User.objects.filter(email=email).first()
    if user is None:
        first, _, last = profile["name"].removeprefix("Dr ").partition(" ")
        # These accounts only sign the demo guides' approvals: nobody signs in with them.
        user = User.objects.create_user(email, None, first_name=first, last_name=last)
    user.groups.add(group(MEDICAL_REVIEWERS_GROUP))
    return user


def load() -> None:
    index: ArticleIndexPage = services.set_up_editorial()
    authors = {a["slug"]: services.save_author(slug=a["slug"], name=a["name"], bio=a["bio"]) for a in AUTHORS}
    signers = {r["slug"]: _signer(r) for r in REVIEWERS}
    for r in REVIEWERS:
        services.save_reviewer(
            slug=r["slug"],
            name=r["name"],
            credentials=r["credentials"],
            profession=r["profession"],
            register=r["register"],
            register_number=r["register_number"],
            bio=r["bio"],
            user=signers[r["slug"]],
        )
    writer = User.objects.filter(email=demo_accounts.EDITOR.email).first()
    treatments = Treatment.objects.in_bulk(
        [g["treatment_slug"] for g in GUIDES if g["treatment_slug"]], field_name="slug"
    )
    for guide in GUIDES:
        fields: dict[str, Any] = {
            "standfirst": guide["standfirst"],
            "summary": guide["summary"],
            "hero_image": _hero(guide),
            "hero_alt": guide["hero_alt"],
            "hero_caption": guide["hero_caption"],
            "hero_credit": "Illustration drawn for CosMedicList",
            "body": body(guide),
            "author": authors[guide["author"]],
            "disclosure": guide["disclosure"],
            "search_description": describe(guide["standfirst"]),
        }
        is_guide = guide["kind"] == "guide"
        if is_guide:
            fields["treatment"] = treatments.get(guide["treatment_slug"])
        # Written by the demo editor, approved by the guide's reviewer: the byline comes from the approval.
        services.publish_article(
            index=index,
            slug=guide["slug"],
            title=guide["title"],
            fields=fields,
            tags=guide["tags"],
            guide=is_guide,
            writer=writer,
            approved_by=signers[guide["reviewer"]],
        )
