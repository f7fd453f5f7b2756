"""The pages the benchmark times, over HTTP against gunicorn. REFERENCE names the baseline.

With `generate_clinics` available, the database holds the demo plus 10,000 generated clinics, so
the directory rows show the search at that scale next to the article page in the same run.
"""

REFERENCE = "article"

# (case, baseline): printed as a ratio of medians, each pair measured in the same run.
RATIOS: list[tuple[str, str]] = [
    ("api clinics near a point", "clinics near Manchester"),
    ("api clinics near a place", "clinics near Manchester"),
]

PAGES: list[tuple[str, str]] = [
    ("article", "/guides/what-is-mesotherapy/"),
    ("home", "/"),
    ("guides index", "/guides/"),
    ("treatment list", "/treatments/"),
    ("treatment page", "/treatments/mesotherapy/"),
    ("treatment + nearest", "/treatments/mesotherapy/?near=Manchester"),
    ("compare 3", "/compare/fractional-co2-laser-vs-mesotherapy-vs-microneedling/"),
    ("concern page", "/concerns/stretch-marks/"),
    ("clinics near Manchester", "/clinics/?treatment=mesotherapy&near=Manchester&radius=25"),
    ("clinics by price, 50 km", "/clinics/?near=Manchester&radius=50&sort=price"),
    ("clinics, no place", "/clinics/?treatment=mesotherapy"),
    ("clinic page", "/clinics/wellcare-medical-centre-manchester/"),
    ("site search", "/search/?q=mesotherapy"),
    ("search, did you mean", "/search/?q=mesotherapyy+nearr"),
    ("api treatments", "/api/v1/treatments"),
    # The same search as "clinics near Manchester", through the API, around the same point.
    (
        "api clinics near a point",
        "/api/v1/clinics?treatment=mesotherapy&lat=53.48095&lng=-2.23743&radius_km=25",
    ),
    ("api clinics near a place", "/api/v1/clinics?treatment=mesotherapy&near=Manchester&radius_km=25"),
    ("health", "/healthz"),
]
