"""What the audit log records about accounts."""

from cosmediclist.core.audit import ActionType, register

USER = ("accounts.user",)

register(
    [
        ActionType("account.registered", "Account created", USER),
        ActionType("account.signup-for-existing", "Sign-up tried with an address that has an account", USER),
    ]
)
