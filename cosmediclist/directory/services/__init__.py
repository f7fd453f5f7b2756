"""Every write to the directory, one module a concern; callers use ``services.create_clinic(...)`` and friends.

clinics (listing, hours, photos, verification), practitioners, offers, staff (invitations) and
response_times (the derived figure the consultations compute).
"""

from cosmediclist.directory.services.clinics import (
    add_photo,
    create_clinic,
    remove_photo,
    set_opening_hours,
    update_clinic,
    verify_clinic,
)
from cosmediclist.directory.services.offers import (
    remove_offer,
    save_offer,
)
from cosmediclist.directory.services.practitioners import (
    link_practitioner,
    remove_practitioner,
    save_practitioner,
    verify_practitioner,
)
from cosmediclist.directory.services.response_times import (
    record_response_times,
)
from cosmediclist.directory.services.staff import (
    INVITATION_MAX_AGE,
    INVITATION_SALT,
    accept_invitation,
    invitation_token,
    invite_staff,
    read_invitation,
)

__all__ = [
    "INVITATION_MAX_AGE",
    "INVITATION_SALT",
    "accept_invitation",
    "add_photo",
    "create_clinic",
    "invitation_token",
    "invite_staff",
    "link_practitioner",
    "read_invitation",
    "record_response_times",
    "remove_offer",
    "remove_photo",
    "remove_practitioner",
    "save_offer",
    "save_practitioner",
    "set_opening_hours",
    "update_clinic",
    "verify_clinic",
    "verify_practitioner",
]
