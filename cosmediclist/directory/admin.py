"""Administrators can see and correct every directory record in the Django admin too."""

from django.contrib import admin

from cosmediclist.directory.models import (
    Clinic,
    ClinicGroup,
    ClinicMembership,
    ClinicPhoto,
    Offer,
    OpeningHours,
    Practitioner,
)


class OpeningHoursInline(admin.TabularInline[OpeningHours, Clinic]):
    model = OpeningHours
    extra = 0


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin[Clinic]):
    list_display = ["name", "town", "is_verified", "verified_at"]
    list_filter = ["is_verified", "town"]
    search_fields = ["name", "town", "postcode"]
    inlines = [OpeningHoursInline]


@admin.register(Practitioner)
class PractitionerAdmin(admin.ModelAdmin[Practitioner]):
    list_display = ["name", "clinic", "register", "registration_number", "is_registration_verified"]
    list_filter = ["register", "is_registration_verified"]
    search_fields = ["name", "registration_number"]
    list_select_related = ["clinic"]
    raw_id_fields = ["user"]


admin.site.register(ClinicGroup)
admin.site.register(ClinicMembership)
admin.site.register(ClinicPhoto)
admin.site.register(Offer)
