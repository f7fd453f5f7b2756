"""Who may do what: roles come from groups (editor, medical reviewer) and clinic memberships."""

from __future__ import annotations

import enum

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group

EDITORS_GROUP = "Editors"
MEDICAL_REVIEWERS_GROUP = "Medical reviewers"


class Role(enum.StrEnum):
    READER = "reader"
    CLINIC_STAFF = "clinic_staff"
    EDITOR = "editor"
    MEDICAL_REVIEWER = "medical_reviewer"
    ADMINISTRATOR = "administrator"


def roles_of(user: AbstractBaseUser | AnonymousUser) -> frozenset[Role]:
    """Every role the user holds; anonymous visitors are readers."""
    if not user.is_authenticated:
        return frozenset({Role.READER})
    roles = {Role.READER}
    if getattr(user, "is_superuser", False):
        roles |= {Role.ADMINISTRATOR, Role.EDITOR}
    names = set(user.groups.values_list("name", flat=True))  # type: ignore[attr-defined]
    if EDITORS_GROUP in names:
        roles.add(Role.EDITOR)
    if MEDICAL_REVIEWERS_GROUP in names:
        roles.add(Role.MEDICAL_REVIEWER)
    memberships = getattr(user, "clinic_memberships", None)
    if memberships is not None and memberships.exists():
        roles.add(Role.CLINIC_STAFF)
    return frozenset(roles)


def is_editor(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Editors and administrators; one query at most (none for anonymous visitors)."""
    if not user.is_authenticated:
        return False
    if getattr(user, "is_superuser", False):
        return True
    return bool(user.groups.filter(name=EDITORS_GROUP).exists())  # type: ignore[attr-defined]


def group(name: str) -> Group:
    found, _ = Group.objects.get_or_create(name=name)
    return found
