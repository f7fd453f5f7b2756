from django.contrib import admin

from cosmediclist.notifications.models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin[OutgoingEmail]):
    list_display = ("template", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "template")
    readonly_fields = [f.name for f in OutgoingEmail._meta.fields if f.name != "context"]
    exclude = ("context",)  # may hold personal data: kept out of the admin screen
