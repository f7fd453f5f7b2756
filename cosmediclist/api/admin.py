"""Administrators create and revoke API keys here; the secret is shown once, in the message after saving."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from cosmediclist.api import keys
from cosmediclist.api.models import ApiKey, Scope, WebhookDelivery


class ApiKeyAddForm(forms.ModelForm[ApiKey]):
    scopes = forms.MultipleChoiceField(choices=Scope.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = ApiKey
        fields = ("name", "clinic", "scopes", "rate_limit_per_minute")


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin[ApiKey]):
    list_display = (
        "name",
        "prefix",
        "clinic",
        "scopes",
        "rate_limit_per_minute",
        "last_used_at",
        "revoked_at",
    )
    list_filter = ("revoked_at",)
    search_fields = ("name", "prefix")
    actions = ["revoke"]

    def get_form(
        self, request: HttpRequest, obj: ApiKey | None = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None:
            kwargs["form"] = ApiKeyAddForm
        return super().get_form(request, obj, change, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: ApiKey | None = None) -> Any:
        if obj is None:
            return ()
        return ("prefix", "clinic", "scopes", "created_by", "created_at", "last_used_at", "revoked_at")

    def get_fields(self, request: HttpRequest, obj: ApiKey | None = None) -> Any:
        if obj is None:
            return ("name", "clinic", "scopes", "rate_limit_per_minute")
        return (
            "name",
            "prefix",
            "clinic",
            "scopes",
            "rate_limit_per_minute",
            "created_by",
            "created_at",
            "last_used_at",
            "revoked_at",
        )

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        made = keys.create_key(
            actor=request.user,
            name=obj.name,
            scopes=form.cleaned_data["scopes"],
            clinic=obj.clinic,
            rate_limit_per_minute=obj.rate_limit_per_minute,
        )
        obj.pk = made.key.pk
        obj.prefix, obj.secret_hash, obj.scopes = made.key.prefix, made.key.secret_hash, made.key.scopes
        messages.warning(request, f"Copy the key now: it is shown only this once. {made.secret}")

    def has_delete_permission(self, request: HttpRequest, obj: ApiKey | None = None) -> bool:
        return False  # revoke instead: the audit log keeps pointing at the key

    @admin.action(description="Revoke the selected keys")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        for key in queryset:
            keys.revoke_key(actor=request.user, key=key)
        messages.success(request, "Revoked.")


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin[WebhookDelivery]):
    list_display = ("event_type", "endpoint", "status", "attempts", "created_at", "delivered_at")
    list_filter = ("status", "event_type")
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]
