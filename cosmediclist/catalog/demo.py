"""Demo catalogue: loads demo_content through the catalogue's services."""

from __future__ import annotations

from typing import Any, cast

from cosmediclist.catalog import services
from cosmediclist.catalog.demo_content import AREAS, CONCERNS, CONTRAINDICATIONS, TREATMENTS
from cosmediclist.catalog.demo_synonyms import ALSO_KNOWN_AS

CHILDREN = ("side_effects", "aftercare", "references", "concerns", "areas", "contraindications")


def load_treatment(data: dict[str, Any]) -> None:
    facts = {key: value for key, value in data.items() if key not in CHILDREN}
    slug = facts.pop("slug")
    facts["also_known_as"] = "\n".join(ALSO_KNOWN_AS.get(slug, ()))
    if isinstance(facts.get("description"), list):
        facts["description"] = "\n\n".join(facts["description"])
    facts.setdefault("description", "")
    services.save_treatment(
        actor=None,
        slug=slug,
        side_effects=[services.SideEffectIn(**item) for item in data.get("side_effects", [])],
        aftercare=[services.AftercareIn(**item) for item in data.get("aftercare", [])],
        references=[services.ReferenceIn(**item) for item in data.get("references", [])],
        concerns=[services.ConcernLinkIn(slug, how) for slug, how in data.get("concerns", [])],
        areas=data.get("areas", []),
        contraindications=data.get("contraindications", []),
        **cast("services.TreatmentFacts", facts),
    )


def load() -> None:
    for area in AREAS:
        services.save_body_area(actor=None, **area)
    for concern in CONCERNS:
        services.save_concern(
            actor=None, also_known_as="\n".join(ALSO_KNOWN_AS.get(concern["slug"], ())), **concern
        )
    for item in CONTRAINDICATIONS:
        services.save_contraindication(actor=None, **item)
    for treatment in TREATMENTS:
        load_treatment(treatment)
