"""What the audit log records about the treatment catalogue."""

from cosmediclist.core.audit import ActionType, register

TREATMENT = ("catalog.treatment",)
CONCERN = ("catalog.concern",)
BODY_AREA = ("catalog.bodyarea",)
CONTRAINDICATION = ("catalog.contraindication",)

_CMS = (
    (TREATMENT, "treatment"),
    (CONCERN, "concern"),
    (BODY_AREA, "bodyarea"),
    (CONTRAINDICATION, "contraindication"),
)

register(
    [
        ActionType("catalog.treatment_saved", "Treatment created or changed", TREATMENT),
        ActionType("catalog.concern_saved", "Concern created or changed", CONCERN),
        ActionType("catalog.body_area_saved", "Body area created or changed", BODY_AREA),
        ActionType("catalog.contraindication_saved", "Contraindication created or changed", CONTRAINDICATION),
        *(
            ActionType(f"catalog.{name}_{verb}", f"Catalogue {name} {verb} in the CMS", objects)
            for objects, name in _CMS
            for verb in ("created", "edited", "deleted")
        ),
    ]
)
