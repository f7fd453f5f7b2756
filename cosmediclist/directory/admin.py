"""Administrators can see and correct every directory record in the Django admin too.

Writes with rules of their own go through the same services as the portal: a photo is
re-encoded without its metadata under a server-made name, and verifying a clinic is audited.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from cosmediclist.accounts.http import account_of
from cosmediclist.directory import images, services
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
    # Verification changes only through the actions below, so that it is always audited.
    readonly_fields = ["is_verified", "verified_at"]
    actions = ["mark_verified", "mark_unverified"]

    def _verify(self, request: HttpRequest, clinics: QuerySet[Clinic], *, verified: bool) -> None:
        for clinic in clinics:
            try:
                services.verify_clinic(actor=account_of(request), clinic=clinic, verified=verified)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return
        self.message_user(request, f"{len(clinics)} clinic(s) updated.", messages.SUCCESS)

    @admin.action(description="Mark the selected clinics as verified")
    def mark_verified(self, request: HttpRequest, queryset: QuerySet[Clinic]) -> None:
        self._verify(request, queryset, verified=True)

    @admin.action(description="Mark the selected clinics as not verified")
    def mark_unverified(self, request: HttpRequest, queryset: QuerySet[Clinic]) -> None:
        self._verify(request, queryset, verified=False)


@admin.register(Practitioner)
class PractitionerAdmin(admin.ModelAdmin[Practitioner]):
    list_display = ["name", "clinic", "register", "registration_number", "is_registration_verified"]
    list_filter = ["register", "is_registration_verified"]
    search_fields = ["name", "registration_number"]
    list_select_related = ["clinic"]
    raw_id_fields = ["user"]


admin.site.register(ClinicGroup)
admin.site.register(ClinicMembership)


class ClinicPhotoForm(forms.ModelForm):  # type: ignore[type-arg]
    """Checks the upload as the portal does, so a bad file gets its message next to the field."""

    image = forms.FileField(label="Photo", help_text="JPEG, PNG, WebP or GIF, up to 10 MB.")

    class Meta:
        model = ClinicPhoto
        fields = ["clinic", "image", "alt_text"]

    def clean_image(self) -> Any:
        upload = self.cleaned_data["image"]
        try:
            images.reencode(upload, field="image")
        except ValidationError as error:
            raise ValidationError(error.message_dict["image"]) from None
        upload.seek(0)
        return upload


@admin.register(ClinicPhoto)
class ClinicPhotoAdmin(admin.ModelAdmin[ClinicPhoto]):
    """Photos are added through ``services.add_photo`` (re-encoded, no EXIF or GPS) and never edited in place."""

    form = ClinicPhotoForm
    list_display = ["alt_text", "clinic", "created_at"]
    list_select_related = ["clinic"]

    def has_change_permission(self, request: HttpRequest, obj: ClinicPhoto | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: ClinicPhoto, form: Any, change: bool) -> None:
        photo = services.add_photo(
            actor=account_of(request),
            clinic=form.cleaned_data["clinic"],
            upload=form.cleaned_data["image"],
            alt_text=form.cleaned_data["alt_text"],
        )
        obj.pk, obj.image, obj.sort_order = photo.pk, photo.image, photo.sort_order

    def delete_model(self, request: HttpRequest, obj: ClinicPhoto) -> None:
        services.remove_photo(actor=account_of(request), photo=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ClinicPhoto]) -> None:
        for photo in queryset:
            services.remove_photo(actor=account_of(request), photo=photo)


admin.site.register(Offer)
