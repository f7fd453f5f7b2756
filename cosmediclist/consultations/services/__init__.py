"""Every write to consultations; callers use ``services.submit_request(...)`` and friends."""

from cosmediclist.consultations.inputs import ConsultationInput
from cosmediclist.consultations.questionnaire import Answer
from cosmediclist.consultations.services.moves import (
    GATE_MESSAGE,
    appointment_label,
    ask_to_change,
    move_request,
    record_review,
)
from cosmediclist.consultations.services.plans import cancel_plan, cancel_session, move_session, record_plan
from cosmediclist.consultations.services.requests import (
    add_note,
    default_session_starts,
    maintenance_due,
    submit_request,
    unsubscribe_reminders,
)
from cosmediclist.consultations.services.responsiveness import refresh_response_times

__all__ = [
    "GATE_MESSAGE",
    "Answer",
    "ConsultationInput",
    "add_note",
    "appointment_label",
    "ask_to_change",
    "cancel_plan",
    "cancel_session",
    "default_session_starts",
    "maintenance_due",
    "move_request",
    "move_session",
    "record_plan",
    "record_review",
    "refresh_response_times",
    "submit_request",
    "unsubscribe_reminders",
]
