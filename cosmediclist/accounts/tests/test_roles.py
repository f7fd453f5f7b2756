from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from cosmediclist.accounts.roles import Role, roles_of


def test_roles_come_from_groups_and_flags(reader, editor, medical_reviewer, admin) -> None:
    assert roles_of(AnonymousUser()) == {Role.READER}
    assert roles_of(reader) == {Role.READER}
    assert Role.EDITOR in roles_of(editor)
    assert Role.MEDICAL_REVIEWER in roles_of(medical_reviewer)
    assert {Role.ADMINISTRATOR, Role.EDITOR} <= roles_of(admin)
