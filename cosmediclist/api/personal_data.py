"""What the partner API holds: nothing about a member of the public (see each reason)."""

from cosmediclist.core.personal_data import NotPersonal, register

STAFF_RECORD = (
    "Who (a staff member or administrator) set it up; set to empty when that account is deleted. "
    "Its name is the partner's or system's name."
)

register(
    not_personal=[
        NotPersonal("api.apikey", "A partner's or clinic's API key (a hash only). " + STAFF_RECORD),
        NotPersonal("api.webhookendpoint", "A clinic's webhook URL and encrypted secret. " + STAFF_RECORD),
        NotPersonal(
            "api.idempotencyrecord",
            "A hash of a request body and the response sent (references and status links, never a name, "
            "a contact detail or a health answer); deleted after IDEMPOTENCY_KEY_HOURS.",
        ),
        NotPersonal(
            "api.webhookdelivery",
            "An event sent to a clinic (references, slugs and statuses only); deleted after "
            "WEBHOOK_LOG_RETENTION_DAYS.",
        ),
    ]
)
