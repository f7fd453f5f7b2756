"""What the audit log records about the partner API: keys, webhook endpoints, requests sent through it."""

from cosmediclist.core.audit import ActionType, register

register(
    [
        ActionType("api.key_created", "API key created", ("api.apikey",)),
        ActionType("api.key_revoked", "API key revoked", ("api.apikey",)),
        ActionType("api.webhook_added", "Webhook endpoint added", ("api.webhookendpoint",)),
        ActionType("api.webhook_disabled", "Webhook endpoint disabled", ("api.webhookendpoint",)),
        ActionType(
            "api.request_submitted",
            "Consultation request submitted through the API (by the key named in data)",
            ("consultations.consultationrequest",),
        ),
        ActionType("api.inbox_read", "Clinic inbox read through the API with a clinic key", ("api.apikey",)),
    ]
)
