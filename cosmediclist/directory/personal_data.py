"""What the directory holds about a person: clinic memberships. Listings are businesses' public pages."""

from __future__ import annotations

from django.db.models import QuerySet

from cosmediclist.core.personal_data import Holding, NotPersonal, Person, register, stamp
from cosmediclist.directory.models import ClinicMembership


def _memberships_of(person: Person) -> QuerySet[ClinicMembership]:
    if person.user_id is None:
        return ClinicMembership.objects.none()
    return ClinicMembership.objects.filter(user_id=person.user_id).select_related("clinic")


PUBLIC_LISTING = "A clinic's public listing, written by the clinic for publication."

register(
    [
        Holding(
            model="directory.clinicmembership",
            section="Clinic memberships",
            description="The clinics whose listing and inbox you work on.",
            find=_memberships_of,
            export=lambda membership: {
                "clinic": membership.clinic.name,
                "role": membership.get_role_display(),
                "since": stamp(membership.created_at),
            },
            erase=lambda rows: int(rows.delete()[0]),
            order=40,
            erasure="Deleted.",
        ),
    ],
    not_personal=[
        NotPersonal("directory.clinicgroup", PUBLIC_LISTING),
        NotPersonal("directory.clinic", PUBLIC_LISTING),
        NotPersonal("directory.offer", PUBLIC_LISTING),
        NotPersonal(
            "directory.practitioner",
            "A practitioner's professional details as published on their public register.",
        ),
    ],
)
