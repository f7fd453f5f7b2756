"""What the audit log records about consultation requests and treatment plans."""

from cosmediclist.core.audit import ActionType, register

REQUEST = ("consultations.consultationrequest",)
PLAN = ("consultations.treatmentplan",)

register(
    [
        ActionType("consultation.submitted", "Consultation request submitted", REQUEST),
        ActionType("consultation.moved", "Request moved to another status", REQUEST),
        ActionType("consultation.note_added", "Private staff note added", REQUEST),
        ActionType(
            "consultation.reviewed", "Clinician recorded a review decision on a flagged request", REQUEST
        ),
        ActionType(
            "consultation.change_requested", "Patient asked to cancel or rearrange a booking", REQUEST
        ),
        ActionType("consultation.reminders_unsubscribed", "Patient stopped plan reminders", REQUEST),
        ActionType("consultation.inbox_viewed", "Clinic inbox opened"),
        ActionType("consultation.viewed", "Request opened by clinic staff", REQUEST),
        ActionType("consultation.plan_form_viewed", "Plan form opened by clinic staff", REQUEST),
        ActionType("consultation.viewed_by_patient", "Request opened by its patient", REQUEST),
        ActionType("consultation.summary_downloaded", "Patient downloaded the answers summary", REQUEST),
        ActionType("consultation.intake_purged", "Questionnaire answers purged after retention", REQUEST),
        ActionType("consultation.withdrawn", "Patient withdrew the request", REQUEST),
        ActionType("consultation.erased", "Patient's data in the request erased at their request", REQUEST),
        ActionType("plan.recorded", "Treatment plan recorded", PLAN),
        ActionType("plan.cancelled", "Treatment plan cancelled", PLAN),
        ActionType("plan.session_moved", "Plan session moved", PLAN),
        ActionType("plan.session_cancelled", "Plan session cancelled", PLAN),
    ]
)
