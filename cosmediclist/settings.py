"""CosMedicList settings: one file, read from the environment only."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean strictly: only true/false/1/0 are accepted."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true"}:
        return True
    if value in {"0", "false"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true, false, 1 or 0, not {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    """Read a whole number strictly, refusing anything below ``minimum``."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_origin(name: str, *, required: bool, default: str) -> str:
    """Read an origin (scheme://host[:port], no path) strictly; required when DEBUG is off."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        if required:
            raise ImproperlyConfigured(f"{name} is required when DEBUG is off, e.g. https://www.example.org")
        raw = default
    parts = urlsplit(raw.rstrip("/"))
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
    if parts.scheme not in {"http", "https"} or not parts.hostname or not port_ok:
        raise ImproperlyConfigured(
            f"{name} must be an http:// or https:// address such as https://www.example.org"
        )
    if parts.path or parts.query or parts.fragment or parts.username or parts.password:
        raise ImproperlyConfigured(f"{name} must be an origin only (scheme, host, port), not {raw!r}")
    return f"{parts.scheme}://{parts.netloc.lower()}"


env = environ.Env()

# Core
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105 - DEBUG only
# Health data: Fernet keys (comma-separated, newest first) that encrypt questionnaire answers and
# health notes at rest; required when DEBUG is off. manage.py rotate_encryption_keys re-encrypts.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])
if not FIELD_ENCRYPTION_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is required when DEBUG is off")
    FIELD_ENCRYPTION_KEYS = ["ZGVidWctb25seS1maWVsZC1rZXktMDEyMzQ1Njc4OTA="]  # DEBUG only
for _key in FIELD_ENCRYPTION_KEYS:
    try:
        _key_ok = len(base64.urlsafe_b64decode(_key.encode())) == 32
    except ValueError:
        _key_ok = False
    if not _key_ok:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS must be Fernet keys: 32 url-safe base64 bytes each")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The one origin every absolute URL the site gives out is built from (sitemap, feeds, canonical
# links, structured data, emails, calendar files); Wagtail's Site record is kept in step with it.
SITE_URL = env_origin("SITE_URL", required=not DEBUG, default="http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = "CosMedicList"

INSTALLED_APPS = [
    "cosmediclist.core",
    "cosmediclist.accounts",
    "cosmediclist.notifications",
    "cosmediclist.catalog",
    "cosmediclist.directory",
    "cosmediclist.discussion",
    "cosmediclist.api",
    "cosmediclist.editorial",
    "cosmediclist.consultations",
    "cosmediclist.reviews",
    "cosmediclist.feedback",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cosmediclist.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML and JSON compressed with gzip when asked; Django's middleware adds random bytes to each
    # gzip header against BREACH, and CSRF tokens are masked per response. Static files are
    # compressed ahead of time (gzip and brotli) by whitenoise's storage below.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Whole anonymous public pages from the cache (core/pagecache.py): inside CSRF and gzip.
    "cosmediclist.core.pagecache.PageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cosmediclist.accounts.middleware.SessionGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cosmediclist.urls"
WSGI_APPLICATION = "cosmediclist.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cosmediclist.core.context_processors.site",
                "cosmediclist.core.pagecache.csrf_placeholder",
            ],
        },
    },
    {
        # Plain-text email parts and subjects: rendered without HTML escaping.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {"autoescape": False},
    },
]

# Database: SQLite by default, PostgreSQL when DATABASE_URL says so
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES: dict[str, Any] = {"default": dict(env.db_url_config(DATABASE_URL))}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                # WAL lets the web process read while the worker writes; IMMEDIATE
                # takes the write lock up front so busy waits happen, not "database is locked".
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DATABASES["default"].setdefault("CONN_MAX_AGE", env_int("CONN_MAX_AGE", 0))
# A connection kept between requests is checked before reuse, so the site reconnects by itself
# after the database restarts (meanwhile pages answer 503: core.views.server_error).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, sessions and rate limits: Redis when REDIS_URL is set
# "limits" holds rate limits and the sign-in throttle. It must be shared by every process (each
# gunicorn worker, each server): Redis when configured, otherwise the database, whose table
# `manage.py migrate` creates (core's post_migrate runs createcachetable). "default" holds
# only what may safely differ between workers (Wagtail's site-root cache).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cml"),
    }
    CACHES: dict[str, Any] = {"default": _redis, "limits": _redis}
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "cosmediclist",
        },
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cosmediclist_limits",
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["cosmediclist.accounts.backends.EmailBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "core:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3
# Second factor (django-otp): the name authenticator apps show next to the account.
OTP_TOTP_ISSUER = "CosMedicList"
# The Django admin never shows an app's secret, its QR code or recovery codes (an administrator
# may delete a lost app, not read one).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Internationalisation
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("TESTING", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# collectstatic writes a .gz and (with the brotli package installed) a .br beside each file;
# whitenoise serves hashed names with a ten-year, immutable Cache-Control and the others for 60 s.
WHITENOISE_MAX_AGE = 60
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Security: HTTPS=false only for a local run on plain http://127.0.0.1 (make run)
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Preloading HSTS is a commitment for every subdomain that an operator makes on purpose
# (SECURE_HSTS_PRELOAD=true); the deploy check's reminder about it is silenced until then.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Email: EMAIL_URL such as smtp://user:pass@host:587 or smtp+tls://…; console in DEBUG
EMAIL_URL = os.environ.get("EMAIL_URL", "")
EMAIL_HOST = "localhost"
EMAIL_PORT = 25
EMAIL_HOST_USER = ""
EMAIL_HOST_PASSWORD = ""
EMAIL_USE_TLS = False
EMAIL_USE_SSL = False
if EMAIL_URL:
    _email: dict[str, Any] = dict(env.email_url_config(EMAIL_URL))
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email.get("EMAIL_HOST") or EMAIL_HOST
    EMAIL_PORT = int(_email.get("EMAIL_PORT") or EMAIL_PORT)
    EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
    EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
    EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS"))
    EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL"))
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_TIMEOUT = 15
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CosMedicList <hello@cosmediclist.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks: django-tasks with the database backend
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Wagtail
WAGTAILADMIN_LOGIN_URL = "accounts:login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

# Logging: never log request bodies, emails or health answers
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"mask_email_addresses": {"()": "cosmediclist.core.logs.MaskEmailAddresses"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["mask_email_addresses"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.security.DisallowedHost": {"level": "ERROR"}},
}

# CosMedicList
# Failed logins allowed per email and IP address in LOGIN_FAILURE_WINDOW seconds.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
# The window for counting failed logins, in seconds.
LOGIN_FAILURE_WINDOW = env_int("LOGIN_FAILURE_WINDOW", 15 * 60, minimum=1)
# Sign-up forms accepted per IP address in an hour (each one creates an account or sends an email).
SIGNUP_LIMIT_PER_HOUR = env_int("SIGNUP_LIMIT_PER_HOUR", 10, minimum=1)
# Attempts after which a failed email delivery is marked failed and left for an operator.
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 8, minimum=1)
# Seconds before the first retry of a failed delivery; each further retry waits twice as long (up to 6 h).
EMAIL_RETRY_SECONDS = env_int("EMAIL_RETRY_SECONDS", 30, minimum=1)
# Seconds after which a message left "sending" (its worker died mid-send) may be sent again,
# with the same Message-ID.
EMAIL_SEND_LEASE_SECONDS = env_int("EMAIL_SEND_LEASE_SECONDS", 600, minimum=1)
# Seconds a task worker holds a task it runs: renewed while it runs, so a task left "running" by
# a killed worker is run again by another one after this long, and never twice at once.
TASK_LEASE_SECONDS = env_int("TASK_LEASE_SECONDS", 300, minimum=3)
# Dotted paths of the jobs the every-minute runner (manage.py run_periodic) calls.
PERIODIC_JOBS = [
    "cosmediclist.notifications.services.requeue_stalled",
    "cosmediclist.consultations.tasks.send_due_reminders",
    "cosmediclist.consultations.tasks.purge_expired_intake",
    "cosmediclist.consultations.tasks.refresh_drifting_response_times",
    "cosmediclist.editorial.periodic.publish_scheduled",
    "cosmediclist.reviews.periodic.run",
]
# Dotted paths of the demo loaders, in dependency order (manage.py load_demo_data).
DEMO_LOADERS = [
    "cosmediclist.accounts.demo.load",
    "cosmediclist.catalog.demo.load",
    "cosmediclist.editorial.demo.load",
    "cosmediclist.directory.demo.load",
    "cosmediclist.consultations.demo.load",
    "cosmediclist.discussion.demo.load",
    "cosmediclist.reviews.demo.load",
]
# Dotted paths of the site-search providers, one per app (see core/search.py).
SEARCH_PROVIDERS: list[str] = [
    "cosmediclist.catalog.search.treatments",
    "cosmediclist.catalog.search.concerns",
    "cosmediclist.catalog.search.areas",
    "cosmediclist.editorial.search.guides",
    "cosmediclist.directory.site_search.clinics",
    "cosmediclist.directory.site_search.practitioners",
]
# Reads what a site-search query asks for (a treatment or concern, a place) before the providers run.
SEARCH_INTENT = "cosmediclist.directory.intent.read"
# Sections of /sitemap.xml: name -> dotted path of a Django Sitemap class (Wagtail's pages first),
# every one on SITE_URL (core.sitemaps.OriginSitemap).
SITEMAPS: dict[str, str] = {
    "pages": "cosmediclist.core.sitemaps.PageSitemap",
    "fixed": "cosmediclist.core.sitemaps.PolicySitemap",
    "treatments": "cosmediclist.catalog.sitemaps.TreatmentSitemap",
    "concerns": "cosmediclist.catalog.sitemaps.ConcernSitemap",
    "areas": "cosmediclist.catalog.sitemaps.AreaSitemap",
    "clinics": "cosmediclist.directory.sitemaps.ClinicSitemap",
}
# Cache whole public pages for anonymous readers (core/pagecache.py); exact invalidation on change.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# Seconds a cached page is kept at most (changes invalidate it at once; this bounds the memory).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600, minimum=1)
# Keep data that changes rarely (a host's Wagtail site, the comment rules, the clinics offering a
# treatment, a treatment's outcomes) between requests, invalidated with the page cache
# (core/pagecache.py cached_for_generation); for every reader, signed in or not.
DATA_CACHE = env_bool("DATA_CACHE", True)
# `make bench` only: mount /bench/ (a trivial view, a bare article, a bare POST) and count queries.
BENCH = env_bool("BENCH", False)
if BENCH:
    MIDDLEWARE.insert(0, "cosmediclist.core.bench_views.QueryCountMiddleware")
# Serve uploaded media (MEDIA_ROOT) from Django itself: for `make run` only; in production the
# web server (nginx, Caddy) or object storage serves /media/. Files are re-encoded images.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
# Days that questionnaire answers and health notes are kept once a request is closed and no plan is active.
INTAKE_RETENTION_DAYS = env_int("INTAKE_RETENTION_DAYS", 180, minimum=1)
# Days from a guide's approved medical review to its next one (sets "Next review due").
MEDICAL_REVIEW_INTERVAL_DAYS = env_int("MEDICAL_REVIEW_INTERVAL_DAYS", 365, minimum=30)
# Minutes without a request after which a session ends: staff (anyone who must use a second
# factor) and everyone else.
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30, minimum=1)
READER_IDLE_MINUTES = env_int("READER_IDLE_MINUTES", 14 * 24 * 60, minimum=1)
# Minutes between the password and the second-factor code before the password must be typed again.
SIGN_IN_CODE_MINUTES = env_int("SIGN_IN_CODE_MINUTES", 5, minimum=1)
# Paths that staff reach only after their second factor (readers are not asked for one).
SECOND_FACTOR_PATHS = ["/portal/", "/cms/", "/django-admin/", "/moderation/"]
# Minutes a one-time sign-in link sent by email stays valid.
SIGN_IN_LINK_MINUTES = env_int("SIGN_IN_LINK_MINUTES", 20, minimum=1)
# Hours a data-export link sent by email (to someone without an account) stays valid.
EXPORT_LINK_HOURS = env_int("EXPORT_LINK_HOURS", 24, minimum=1)
# Retention: days each kind of personal data is kept (listed on /privacy/; purged every minute's run).
# Closed or declined consultation requests: contact details, plans and emails erased after this.
REQUEST_RETENTION_DAYS = env_int("REQUEST_RETENTION_DAYS", 730, minimum=1)
# Sent or failed emails in the outbox (address and links).
EMAIL_RETENTION_DAYS = env_int("EMAIL_RETENTION_DAYS", 90, minimum=1)
# One-time sign-in links (used or not).
SIGN_IN_LINK_RETENTION_DAYS = env_int("SIGN_IN_LINK_RETENTION_DAYS", 7, minimum=1)
# Keyed hashes of the address a comment or report came from (used against floods and spam).
COMMENT_IP_RETENTION_DAYS = env_int("COMMENT_IP_RETENTION_DAYS", 90, minimum=1)
# Messages from readers (contact form, reports about guides and clinics): deleted after this many days.
FEEDBACK_RETENTION_DAYS = env_int("FEEDBACK_RETENTION_DAYS", 365, minimum=1)
PERIODIC_JOBS += [
    "cosmediclist.feedback.services.purge_old_messages",
    "cosmediclist.accounts.retention.purge_old_emails",
    "cosmediclist.accounts.retention.purge_sign_in_links",
    "cosmediclist.discussion.tasks.purge_comment_address_hashes",
    "cosmediclist.accounts.retention.purge_expired_sessions",
    "cosmediclist.consultations.tasks.purge_old_requests",
]
# Partner API (cosmediclist/api): hours an Idempotency-Key and its stored response are kept.
IDEMPOTENCY_KEY_HOURS = env_int("IDEMPOTENCY_KEY_HOURS", 24, minimum=1)
# Seconds after which a call left "in flight" under an Idempotency-Key (its process died) is taken
# over by a retry; until then a retry gets 409.
IDEMPOTENCY_IN_FLIGHT_SECONDS = env_int("IDEMPOTENCY_IN_FLIGHT_SECONDS", 120, minimum=1)
# Attempts after which a webhook delivery is marked failed (retried with exponential backoff).
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 8, minimum=1)
# Days the webhook delivery log (payloads: references and statuses, no names) is kept.
WEBHOOK_LOG_RETENTION_DAYS = env_int("WEBHOOK_LOG_RETENTION_DAYS", 30, minimum=1)
# Deliver webhooks to http:// URLs and to loopback or private addresses (development and tests only).
WEBHOOK_ALLOW_LOCAL = env_bool("WEBHOOK_ALLOW_LOCAL", DEBUG)
PERIODIC_JOBS += [
    "cosmediclist.api.webhooks.requeue_stalled",
    "cosmediclist.api.retention.purge",
]
