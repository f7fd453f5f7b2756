"""What the audit log records about clinics, their staff, practitioners, offers and photos."""

from cosmediclist.core.audit import ActionType, register

CLINIC = ("directory.clinic",)
PRACTITIONER = ("directory.practitioner",)
OFFER = ("directory.offer",)
PHOTO = ("directory.clinicphoto",)

register(
    [
        ActionType("clinic.created", "Clinic created", CLINIC),
        ActionType("clinic.updated", "Clinic profile changed", CLINIC),
        ActionType("clinic.hours_set", "Opening hours changed", CLINIC),
        ActionType("clinic.verified", "Clinic verified by an administrator", CLINIC),
        ActionType("clinic.unverified", "Clinic verification withdrawn", CLINIC),
        ActionType("clinic.staff_invited", "Staff member invited", CLINIC),
        ActionType("clinic.staff_joined", "Staff member joined", CLINIC),
        ActionType("practitioner.added", "Practitioner added", PRACTITIONER),
        ActionType("practitioner.saved", "Practitioner changed", PRACTITIONER),
        ActionType("practitioner.linked", "Practitioner linked to a staff account", PRACTITIONER),
        ActionType("practitioner.unlinked", "Practitioner unlinked from a staff account", PRACTITIONER),
        ActionType("practitioner.removed", "Practitioner removed", PRACTITIONER),
        ActionType("practitioner.verified", "Practitioner's registration verified", PRACTITIONER),
        ActionType("practitioner.unverified", "Practitioner's verification withdrawn", PRACTITIONER),
        ActionType("offer.saved", "Treatment offer or price changed", OFFER),
        ActionType("offer.removed", "Treatment offer removed", OFFER),
        ActionType("photo.added", "Clinic photo added", PHOTO),
        ActionType("photo.removed", "Clinic photo removed", PHOTO),
    ]
)
