"""Demo "also known as" names: what people type for each treatment and concern (slug → names).

Trade names help the site search find the treatment; the pages themselves keep generic names.
"""

from __future__ import annotations

ALSO_KNOWN_AS: dict[str, tuple[str, ...]] = {
    # treatments
    "botulinum-toxin": (
        "botox",
        "anti-wrinkle",
        "wrinkle injections",
        "baby botox",
        "toxin",
        "dysport",
        "bocouture",
        "azzalure",
        "wrinkle relaxer",
    ),
    "dermal-filler": (
        "fillers",
        "lip filler",
        "lip augmentation",
        "cheek filler",
        "tear trough filler",
        "jawline filler",
        "hyaluronic acid filler",
        "juvederm",
        "restylane",
    ),
    "skin-booster": ("skin boosters", "profhilo", "injectable moisturiser", "hydration injections"),
    "mesotherapy": ("meso", "mesotherapy for hair", "vitamin injections"),
    "microneedling": ("dermapen", "dermaroller", "collagen induction therapy", "skin needling"),
    "fractional-co2-laser": ("co2 laser", "laser resurfacing", "fraxel"),
    "chemical-peel": ("peel", "skin peel", "acid peel", "glycolic peel"),
    "prp": ("vampire facial", "platelet rich plasma", "prp hair"),
    "hifu": ("ultherapy", "ultrasound facelift", "ultrasound lift"),
    "rf-microneedling": ("morpheus8", "rf needling", "radiofrequency needling"),
    "ipl": ("photofacial", "photorejuvenation", "intense pulsed light"),
    "laser-hair-removal": ("laser hair", "hair removal", "permanent hair reduction"),
    "cryolipolysis": ("coolsculpting", "fat freezing", "cool sculpting"),
    "thread-lift": ("threads", "pdo threads", "non-surgical facelift"),
    "led-therapy": ("led facial", "light therapy", "led mask"),
    # concerns
    "hyperpigmentation": ("pigmentation", "dark spots", "melasma", "age spots"),
    "fine-lines-and-wrinkles": ("wrinkles", "crow's feet", "forehead lines", "frown lines"),
    "hair-loss": ("thinning hair", "balding", "alopecia"),
    "sagging-skin": ("jowls", "loose skin", "skin laxity"),
    "thread-veins-and-redness": ("rosacea", "broken capillaries", "spider veins"),
    "stubborn-fat": ("double chin", "love handles"),
    "acne-scars": ("acne scarring", "pitted scars"),
    "enlarged-pores": ("large pores", "open pores"),
    "unwanted-hair": ("excess hair", "facial hair"),
    "dull-skin": ("tired skin", "lacklustre skin"),
    "uneven-texture": ("rough skin", "bumpy skin"),
    "sun-damage": ("sun spots", "photoageing"),
    "volume-loss": ("hollow cheeks", "thin lips"),
}
