"""What the audit log records about accounts and the reader's privacy rights."""

from cosmediclist.core.audit import ActionType, register

USER = ("accounts.user",)

register(
    [
        ActionType("account.registered", "Account created", USER),
        ActionType("account.signup-for-existing", "Sign-up tried with an address that has an account", USER),
        ActionType("account.signed_in_with_link", "Signed in with a one-time email link", USER),
        ActionType("account.linked", "Earlier requests and comments linked to the account", USER),
        ActionType("account.preferences_changed", "Email preferences changed", USER),
        ActionType("account.calendar_feed_created", "Secret calendar feed address created", USER),
        ActionType("account.calendar_feed_revoked", "Secret calendar feed address revoked", USER),
        ActionType("privacy.exported", "Personal data exported"),
        ActionType("privacy.export_link_sent", "Export link requested by email"),
        ActionType("retention.purged", "Personal data purged at the end of its retention period"),
        ActionType("privacy.erased", "Personal data erased at the person's request"),
    ]
)
