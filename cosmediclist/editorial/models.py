"""Wagtail pages for articles and treatment guides, and the people who write and review them."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Left, Length
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.models.workflows import AbstractGroupApprovalTask
from wagtail.search import index

from cosmediclist.core.registers import REGISTER_NAME, REGISTER_SHORT, STATUTORY, Register
from cosmediclist.core.text import describe, one_line
from cosmediclist.editorial.blocks import BodyBlock

WORDS_PER_MINUTE = 200
# A guide with at least this many sections gets a table of contents.
TOC_MIN_HEADINGS = 4
HERO_SPEC = "width-1200"
CARD_SPEC = "fill-480x270"
SOCIAL_SPEC = "fill-1200x630"
ARTICLES_PER_PAGE = 12


# Where a reader can check a registration number for themselves.
REGISTER_URLS: dict[str, str] = {
    Register.GMC: "https://www.gmc-uk.org/registration-and-licensing/the-medical-register",
    Register.NMC: "https://www.nmc.org.uk/registration/search-the-register/",
    Register.GDC: "https://olr.gdc-uk.org/searchregister",
    Register.HCPC: "https://www.hcpc-uk.org/check-the-register/",
    Register.GPHC: "https://www.pharmacyregulation.org/registers",
}


class Author(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    bio = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("bio")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Reviewer(models.Model):
    """A registered clinician who checks guides; the register number can be checked publicly."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    credentials = models.CharField(max_length=200, help_text="Degrees and memberships, e.g. MBChB, MRCP.")
    profession = models.CharField(max_length=120)
    register = models.CharField(max_length=10, choices=[(r.value, r.label) for r in STATUTORY])
    register_number = models.CharField(max_length=20)
    bio = models.TextField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewer_profile",
        help_text="The account that approves guides as this reviewer (a member of Medical reviewers).",
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("credentials"),
        FieldPanel("profession"),
        FieldPanel("register"),
        FieldPanel("register_number"),
        FieldPanel("bio"),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(register_number=""), name="editorial_reviewer_register_number_required"
            ),
            models.UniqueConstraint(
                fields=["register", "register_number"], name="editorial_reviewer_register_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}"

    @property
    def register_url(self) -> str:
        return REGISTER_URLS.get(self.register, "")

    @property
    def register_name(self) -> str:
        """The register's full name, e.g. "General Medical Council"."""
        return REGISTER_NAME.get(self.register, "")

    @property
    def register_short(self) -> str:
        """The register's abbreviation, e.g. "GMC"."""
        return REGISTER_SHORT.get(self.register, "")


class QuickRouteMixin:
    """Routing and view-restriction checks in a fixed, small number of queries.

    Wagtail walks the tree one level at a time (a query for each child and one more for its
    specific page) and checks view restrictions in two queries. Here (editorial/routing.py, and
    HomePage.route for other callers) the page is found by its ``url_path`` with its parent in one
    query, then the specific page with ``route_select_related`` in one more; the restrictions of
    the page and its ancestors, aliases resolved, take one query.
    """

    route_select_related: tuple[str, ...] = ()

    def get_view_restrictions(self) -> Any:
        from django.db.models.functions import Coalesce
        from wagtail.models import PageViewRestriction

        path: str = self.path  # type: ignore[attr-defined]
        steplen: int = self.steplen  # type: ignore[attr-defined]
        ancestors = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
        # An alias is checked against the restrictions of the page it copies, as Wagtail does.
        sources = Page.objects.filter(path__in=ancestors).annotate(source=Coalesce("alias_of_id", "id"))
        return PageViewRestriction.objects.filter(page_id__in=sources.values("source"))


class OneLineTitles:
    """A page's titles are one line, whatever the form or import that set them.

    The title becomes the subject of Wagtail's workflow emails, and a header with a line break
    cannot be sent: the reviewer would never hear of the guide. Wagtail's ``Page.save`` calls
    ``full_clean`` (``minimal_clean`` for a draft), so this holds for the CMS, the API, factories and the demo loaders alike.
    """

    title: str
    seo_title: str

    def _one_line(self) -> None:
        self.title = one_line(self.title)
        self.seo_title = one_line(self.seo_title)

    def full_clean(self, *args: Any, **kwargs: Any) -> None:  # live pages and revisions
        self._one_line()
        super().full_clean(*args, **kwargs)  # type: ignore[misc]

    def minimal_clean(self) -> None:  # drafts
        self._one_line()
        super().minimal_clean()  # type: ignore[misc]


class HomePage(OneLineTitles, QuickRouteMixin, Page):  # type: ignore[misc]
    """The root of the page tree. "/" itself is the home view (editorial.views), which wins over Wagtail's catch-all."""

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        if not path_components:
            return super().route(request, path_components)
        from cosmediclist.editorial.routing import find

        return find(self.url_path, path_components, root=self)

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["editorial.ArticleIndexPage"]

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from cosmediclist.editorial.views import home  # the views import these models

        return home(request)


class ArticleQuerySet(PageQuerySet):  # type: ignore[misc]
    def unrestricted(self) -> ArticleQuerySet:
        """Pages without a view restriction on themselves or an ancestor (whose paths prefix theirs).

        Wagtail's ``.public()`` reads every view restriction in a query of its own first; this is
        the same rule inline, in the query of the pages.
        """
        from wagtail.models import PageViewRestriction

        restricted = PageViewRestriction.objects.filter(
            page__path=Left(OuterRef("path"), Length("page__path"))
        )
        return self.filter(~Exists(restricted))  # type: ignore[no-any-return]

    def for_listing(self) -> ArticleQuerySet:
        """Live articles newest first, with what a card shows: tags and the card's rendition of
        the hero image (read with the article) in one query each."""
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_SPEC)
        return (  # type: ignore[no-any-return]
            self.live()
            .unrestricted()
            .select_related("hero_image")
            .prefetch_related(
                "tags",
                # Where Wagtail's prefetch_renditions puts them, so get_rendition finds them.
                models.Prefetch(
                    "hero_image__renditions", queryset=renditions, to_attr="prefetched_renditions"
                ),
            )
            .order_by("-first_published_at", "-pk")
        )

    def overdue(self, on: datetime.date | None = None) -> ArticleQuerySet:
        return self.filter(next_review_due_on__lt=on or timezone.localdate())  # type: ignore[no-any-return]


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


class ArticleIndexPage(OneLineTitles, QuickRouteMixin, Page):  # type: ignore[misc]
    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["editorial.HomePage"]
    subpage_types = ["editorial.ArticlePage", "editorial.TreatmentGuidePage"]
    max_count = 1

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).for_listing()
        tag = Tag.objects.filter(slug=request.GET.get("tag", "")).first() if request.GET.get("tag") else None
        if tag is not None:
            articles = articles.filter(tags=tag)
        page: PaginatorPage[Any] = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
        canonical = settings.SITE_URL + (self.url or "/") + (f"?tag={tag.slug}" if tag else "")
        context.update(
            articles=page,
            current_tag=tag,
            canonical_url=canonical,
            tags=Tag.objects.filter(editorial_articlepagetag_items__content_object__live=True)
            .distinct()
            .order_by("name"),
        )
        return context


class ArticlePageTag(TaggedItemBase):  # type: ignore[misc]
    content_object = ParentalKey(
        "editorial.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


@dataclass(frozen=True)
class Heading:
    anchor: str
    text: str


class ArticlePage(OneLineTitles, QuickRouteMixin, Page):  # type: ignore[misc]
    standfirst = models.CharField(max_length=300, help_text="One or two sentences under the title.")
    summary = models.TextField(help_text="The plain-language summary shown at the top.")
    hero_image = models.ForeignKey(
        get_image_model(), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(max_length=250, blank=True, help_text="What the image shows.")
    hero_caption = models.CharField(max_length=250, blank=True)
    hero_credit = models.CharField(max_length=120, blank=True)
    body = StreamField(BodyBlock())
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="+")
    # Set only by the approval step of the "Medical review" workflow (editorial.review), never typed:
    # they belong to the page, not to a revision, so publishing an old draft cannot roll them back.
    reviewer = models.ForeignKey(Reviewer, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    last_reviewed_on = models.DateField(null=True, blank=True)
    next_review_due_on = models.DateField(null=True, blank=True)
    disclosure = models.TextField(blank=True, help_text="Conflicts of interest or sponsorship, when any.")
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)

    objects = ArticleManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
            ],
            heading="Hero image",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("disclosure"),
            ],
            heading="Authorship",
        ),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["editorial.ArticleIndexPage"]
    subpage_types: list[str] = []
    # What the page shows of other tables, read with the page (comment_settings: whether comments are closed).
    route_select_related: tuple[str, ...] = ("author", "reviewer", "hero_image", "comment_settings")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(next_review_due_on__gt=F("last_reviewed_on")),
                name="editorial_article_next_review_after_last",
            )
        ]

    @property
    def is_overdue(self) -> bool:
        return self.next_review_due_on is not None and self.next_review_due_on < timezone.localdate()

    def with_content_json(self, content: dict[str, Any]) -> ArticlePage:
        """A revision never carries the review: the page keeps the reviewer and dates its approval set."""
        page: ArticlePage = super().with_content_json(content)
        page.reviewer_id = self.reviewer_id
        page.last_reviewed_on = self.last_reviewed_on
        page.next_review_due_on = self.next_review_due_on
        return page

    def blocks_with_anchors(self) -> list[tuple[Any, str]]:
        """Each body block with the anchor of its heading ("" for other blocks), unique in the page."""
        used: set[str] = {"summary", "references", "main"}
        result = []
        for block in self.body:
            anchor = ""
            if block.block_type == "heading":
                base = slugify(block.value)[:60] or "section"
                anchor, n = base, 2
                while anchor in used:
                    anchor, n = f"{base}-{n}", n + 1
                used.add(anchor)
            result.append((block, anchor))
        return result

    def headings(self) -> list[Heading]:
        return [Heading(anchor, block.value) for block, anchor in self.blocks_with_anchors() if anchor]

    def references(self) -> list[Any]:
        return [ref for block in self.body if block.block_type == "references" for ref in block.value]

    def word_count(self) -> int:
        parts = [self.title, self.standfirst, self.summary]
        for block in self.body:
            value = block.value
            if block.block_type in {"heading", "list"}:
                parts.append(value if isinstance(value, str) else " ".join(value))
            elif block.block_type == "paragraph":
                parts.append(strip_tags(value.source))
            elif block.block_type == "callout":
                parts += [value["title"], strip_tags(value["text"].source)]
            elif block.block_type == "quote":
                parts.append(value["text"])
        return len(" ".join(parts).split())

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.word_count() / WORDS_PER_MINUTE))

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        # Read with the page (route_select_related); its renditions come from Wagtail's rendition cache.
        hero = self.hero_image
        from cosmediclist.editorial import sharing, structured_data

        headings = self.headings()
        tags = list(self.tags.all())
        parent = self.get_parent()
        canonical = settings.SITE_URL + (self.url or "/")
        social_image = settings.SITE_URL + hero.get_rendition(SOCIAL_SPEC).url if hero is not None else ""
        graph = structured_data.article_graph(
            self, parent=parent, tags=[t.name for t in tags], image_url=social_image
        )
        context.update(
            hero=hero,
            headings=headings,
            show_toc=len(headings) >= TOC_MIN_HEADINGS,
            blocks=self.blocks_with_anchors(),
            tag_list=tags,
            parent=parent,
            canonical_url=canonical,
            social_image_url=social_image,
            share_links=sharing.share_links(url=canonical, title=self.title),
            breadcrumbs=structured_data.breadcrumbs(self, parent),
            json_ld=structured_data.as_script(graph),
            meta_description=describe(self.search_description or self.standfirst),
            review_history=list(self.reviews.select_related("reviewer").order_by("-reviewed_on", "-pk")),
        )
        return context


class TreatmentGuidePage(ArticlePage):
    """A guide to one catalogue treatment: its facts box comes from the catalogue, not from here."""

    treatment = models.ForeignKey(
        "catalog.Treatment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = [*ArticlePage.content_panels, FieldPanel("treatment")]
    parent_page_types = ["editorial.ArticleIndexPage"]
    subpage_types: list[str] = []
    template = "editorial/treatment_guide_page.html"
    route_select_related = (*ArticlePage.route_select_related, "treatment")


class GuideReview(models.Model):
    """One approval of a guide by a medical reviewer: who, when, which revision, and what had changed."""

    page = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="reviews")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    reviewer = models.ForeignKey(Reviewer, on_delete=models.PROTECT, related_name="reviews")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_on = models.DateField()
    next_review_due_on = models.DateField()
    changes = models.CharField(max_length=300, help_text="What changed since the previous approved revision.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_review_due_on__gt=F("reviewed_on")),
                name="editorial_guidereview_next_after_reviewed",
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id} reviewed by {self.reviewer_id} on {self.reviewed_on}"


class MedicalReviewTask(AbstractGroupApprovalTask):  # type: ignore[misc]
    """Approval by a medical reviewer: approving checks the reviewer and the references, then records it.

    A refused approval changes nothing and sends the reviewer back to the guide with the reason.
    """

    def on_action(self, task_state: Any, user: Any, action_name: str, **kwargs: Any) -> str | None:
        if action_name != "approve":
            return super().on_action(task_state, user, action_name, **kwargs)  # type: ignore[no-any-return]
        from cosmediclist.editorial import review

        return review.approve_from_workflow(task=self, task_state=task_state, user=user, **kwargs)

    def approve_in_wagtail(self, task_state: Any, user: Any, **kwargs: Any) -> None:
        """Wagtail's own approval (which publishes the latest revision), for editorial.review."""
        super().on_action(task_state, user, "approve", **kwargs)

    class Meta:
        verbose_name = "Medical review approval"
