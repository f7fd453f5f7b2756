"""What the audit log records about messages from readers."""

from cosmediclist.core.audit import ActionType, register

MESSAGE = ("feedback.message",)

register(
    [
        ActionType("feedback.message_received", "Message received from a reader", MESSAGE),
        ActionType("feedback.message_edited", "Message from a reader updated by staff", MESSAGE),
        ActionType("feedback.message_deleted", "Message from a reader deleted by staff", MESSAGE),
        ActionType("feedback.messages_purged", "Old messages from readers purged", ()),
    ]
)
