"""Every write of the editorial app: the page tree, the review workflow, people and articles."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cosmediclist.accounts.models import User
from cosmediclist.accounts.roles import EDITORS_GROUP, MEDICAL_REVIEWERS_GROUP, group
from cosmediclist.core import audit, origin
from cosmediclist.core.registers import REGISTER_SHORT, STATUTORY
from cosmediclist.editorial import review
from cosmediclist.editorial.models import (
    ArticleIndexPage,
    ArticlePage,
    Author,
    HomePage,
    MedicalReviewTask,
    Reviewer,
    TreatmentGuidePage,
)

WORKFLOW_NAME = "Medical review"
TASK_NAME = "Approval by a medical reviewer"
GUIDES_SLUG = "guides"

# Authors write and submit; only medical reviewers publish.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
REVIEWER_PAGE_PERMISSIONS = (*EDITOR_PAGE_PERMISSIONS, "publish_page")
IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(target: Group, page: Page, codenames: tuple[str, ...]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=target, page=page, permission=_permission("wagtailcore", codename)
        )


CATALOGUE_MODELS = ("treatment", "concern", "bodyarea", "contraindication")


def _grant_editing(target: Group, *, snippets: tuple[str, ...]) -> None:
    target.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in snippets:
        target.permissions.add(_permission("editorial", codename))
    root = Collection.get_first_root_node()
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=target, collection=root, permission=_permission("wagtailimages", codename)
        )


def _home_page() -> HomePage:
    existing: HomePage | None = HomePage.objects.first()
    if existing is not None:
        return existing
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Home", slug="cosmediclist-home"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = origin.hostname_and_port()
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="CosMedicList"
        )
        return home  # type: ignore[no-any-return]
    old_root = site.root_page
    site.root_page, site.site_name = home, "CosMedicList"
    site.save()
    # Wagtail's first migration leaves an empty welcome page as the site root: it goes.
    if old_root.specific_class is Page and old_root.numchild == 0:
        old_root.delete()
    return home  # type: ignore[no-any-return]


@transaction.atomic
def set_up_editorial() -> ArticleIndexPage:
    """Make sure the page tree, the groups' permissions and the "Medical review" workflow exist.

    Idempotent: run it as often as you like (demo loader, ``manage.py set_up_editorial``).
    Returns the guides index served at /guides/.
    """
    home = _home_page()
    index = ArticleIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=ArticleIndexPage(
                title="Guides",
                slug=GUIDES_SLUG,
                intro="Articles and treatment guides, each checked by a registered clinician.",
            )
        )
    editors, reviewers = group(EDITORS_GROUP), group(MEDICAL_REVIEWERS_GROUP)
    _grant_pages(editors, home, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(reviewers, home, REVIEWER_PAGE_PERMISSIONS)
    _grant_editing(editors, snippets=("add_author", "change_author", "view_author", "view_reviewer"))
    # Reviewer profiles sign bylines, so only administrators create or change them.
    _grant_editing(reviewers, snippets=("add_author", "change_author", "view_author", "view_reviewer"))
    for codename in ("add_reviewer", "change_reviewer"):
        reviewers.permissions.remove(_permission("editorial", codename))
    # Editors and reviewers also maintain the treatment catalogue in the CMS (its snippets).
    for target in (editors, reviewers):
        for model in CATALOGUE_MODELS:
            for action in ("add", "change", "delete", "view"):
                target.permissions.add(_permission("catalog", f"{action}_{model}"))
    workflow = _review_workflow(reviewers)
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return index  # type: ignore[no-any-return]


def _review_workflow(reviewers: Group) -> Workflow:
    """The one-step workflow whose approval signs the byline (it replaces a plain group approval)."""
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    steps = WorkflowTask.objects.filter(workflow=workflow)
    if steps.filter(task__in=MedicalReviewTask.objects.all()).exists():
        return workflow
    task, _ = MedicalReviewTask.objects.get_or_create(name=TASK_NAME)
    task.groups.set([reviewers])
    old = [step.task for step in steps]
    steps.delete()
    for retired in old:
        retired.deactivate()
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    audit.record(
        actor=None,
        action="editorial.workflow_created" if created else "editorial.workflow_updated",
        obj=workflow,
    )
    return workflow


@transaction.atomic
def save_author(*, slug: str, name: str, bio: str = "", actor: AbstractBaseUser | None = None) -> Author:
    if not name.strip():
        raise ValidationError({"name": "Give the author's name."})
    author, _ = Author.objects.update_or_create(slug=slug, defaults={"name": name.strip(), "bio": bio})
    audit.record(actor=actor, action="editorial.author_saved", obj=author)
    return author


@transaction.atomic
def save_reviewer(
    *,
    slug: str,
    name: str,
    credentials: str,
    profession: str,
    register: str,
    register_number: str,
    bio: str = "",
    user: AbstractBaseUser | None = None,
    actor: AbstractBaseUser | None = None,
) -> Reviewer:
    """Create or update a medical reviewer; the register must be one we can link to.

    ``user`` is the account that signs approvals as this reviewer; it must be a medical reviewer.
    """
    if register not in STATUTORY:
        names = ", ".join(REGISTER_SHORT[r] for r in STATUTORY)
        raise ValidationError({"register": f"Choose one of {names}."})
    if not register_number.strip():
        raise ValidationError({"register_number": "Give the public register number."})
    if user is not None and not user.groups.filter(name=MEDICAL_REVIEWERS_GROUP).exists():  # type: ignore[attr-defined]
        raise ValidationError({"user": "Only an account in the Medical reviewers group can sign reviews."})
    reviewer, _ = Reviewer.objects.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "credentials": credentials,
            "profession": profession,
            "register": register,
            "register_number": register_number.strip(),
            "bio": bio,
            **({"user": user} if user is not None else {}),
        },
    )
    audit.record(actor=actor, action="editorial.reviewer_saved", obj=reviewer)
    return reviewer


@transaction.atomic
def publish_article(
    *,
    index: ArticleIndexPage,
    slug: str,
    title: str,
    fields: dict[str, Any],
    tags: list[str],
    guide: bool,
    writer: AbstractBaseUser | None,
    approved_by: User,
) -> ArticlePage:
    """Create an article (or a treatment guide) as a draft, submit it and approve it as ``approved_by``.

    For the demo loader and for tests, through the same steps as the CMS: the writer's draft goes into
    the "Medical review" workflow and the approval signs the byline (see editorial.review.approve).
    Raises ValidationError, and stores nothing, when the approval is refused.
    """

    existing = ArticlePage.objects.filter(slug=slug).child_of(index).first()
    if existing is not None:
        return existing  # type: ignore[no-any-return]
    model = TreatmentGuidePage if guide else ArticlePage
    page = model(title=title, slug=slug, live=False, **fields)
    index.add_child(instance=page)
    page.tags.set(tags)
    page.save_revision(user=writer)
    audit.record(actor=writer, action="editorial.article_drafted", obj=page, data={"slug": slug})
    task_state = review.submit_for_review(page=page, user=writer)
    review.approve(task_state=task_state, user=approved_by)
    return ArticlePage.objects.get(pk=page.pk)  # type: ignore[no-any-return]
