"""What the audit log records about accounts."""

from cosmediclist.core.audit import ActionType, register

register(
    [
        ActionType("account.registered", "Account created", ("accounts.user",)),
    ]
)
