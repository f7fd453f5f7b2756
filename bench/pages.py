"""The pages the benchmark times; each app adds its own. REFERENCE names the baseline."""

REFERENCE = "home"

PAGES: list[tuple[str, str]] = [
    ("home", "/"),
    ("about", "/about/"),
    ("health", "/healthz"),
    ("api health", "/api/v1/health"),
]
