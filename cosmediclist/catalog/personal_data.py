"""The catalogue holds nothing about people: names and texts here are of treatments, concerns and areas."""

from cosmediclist.core.personal_data import NotPersonal, register

REFERENCE = "Reference content written by editors: the name is a treatment's, concern's or area's."

register(
    not_personal=[
        NotPersonal(label, REFERENCE)
        for label in (
            "catalog.bodyarea",
            "catalog.concern",
            "catalog.treatment",
            "catalog.sideeffect",
            "catalog.contraindication",
        )
    ]
)
