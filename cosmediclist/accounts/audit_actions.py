"""What the audit log records about accounts and the reader's privacy rights."""

from cosmediclist.core.audit import ActionType, register

USER = ("accounts.user",)

register(
    [
        ActionType("account.registered", "Account created", USER),
        ActionType("account.signup-for-existing", "Sign-up tried with an address that has an account", USER),
        ActionType("account.signed_in_with_link", "Signed in with a one-time email link", USER),
        ActionType("account.address_confirmed", "Email address proven by an emailed link", USER),
        ActionType(
            "account.unproven_password_removed",
            "Password (and second factor) set before the address was proven removed when its owner "
            "proved it from another browser; every session ended",
            USER,
        ),
        ActionType("account.linked", "Earlier requests and comments linked to the account", USER),
        ActionType("account.preferences_changed", "Email preferences changed", USER),
        ActionType("account.calendar_feed_created", "Secret calendar feed address created", USER),
        ActionType("account.calendar_feed_revoked", "Secret calendar feed address revoked", USER),
        ActionType("account.second_factor_enrolled", "Authenticator app set up for two-step sign-in", USER),
        ActionType(
            "account.second_factor_passed", "Second step of sign-in passed (app or recovery code)", USER
        ),
        ActionType("account.second_factor_failed", "Wrong code at the second step of sign-in", USER),
        ActionType(
            "account.recovery_codes_renewed", "New recovery codes made (the old ones stop working)", USER
        ),
        ActionType("account.signed_out_everywhere", "Every session of the account signed out", USER),
        ActionType("account.session_expired", "Session ended after inactivity", USER),
        ActionType("privacy.exported", "Personal data exported"),
        ActionType("privacy.export_link_sent", "Export link requested by email"),
        ActionType("retention.purged", "Personal data purged at the end of its retention period"),
        ActionType("privacy.erased", "Personal data erased at the person's request"),
    ]
)
