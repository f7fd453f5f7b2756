"""Settings are read strictly from the environment, with safe production defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "www.cosmediclist.example",
    "SITE_URL": "https://www.cosmediclist.example",
    "FIELD_ENCRYPTION_KEYS": "cHJvZHVjdGlvbi1maWVsZC1rZXktMDEyMzQ1Njc4OWE=",
    "DATABASE_URL": "",
    "DEBUG": "",
    "HTTPS": "",
    "TESTING": "",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION and k not in {"SQLITE_PATH", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_finds_no_issue_with_production_variables() -> None:
    """0 issues at any level; the one silenced is the reminder to preload HSTS (W021), a commitment
    for every subdomain left to the operator (SECURE_HSTS_PRELOAD=true)."""
    result = manage("check", "--deploy", "--fail-level", "DEBUG", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (1 silenced).", result.stdout


def test_secret_key_is_required_when_debug_is_off() -> None:
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_nonsense_boolean_fails_loudly() -> None:
    result = manage("check", **{**PRODUCTION, "DEBUG": "yes"})
    assert result.returncode != 0
    assert "DEBUG must be true, false, 1 or 0" in result.stderr


def test_nonsense_number_fails_loudly() -> None:
    result = manage("check", **{**PRODUCTION, "LOGIN_FAILURE_LIMIT": "five"})
    assert "LOGIN_FAILURE_LIMIT must be a whole number" in result.stderr


def test_debug_is_off_by_default() -> None:
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)",
        **PRODUCTION,
    )
    assert result.stdout.split() == ["False", "True"], result.stderr


def test_field_encryption_keys_are_required_when_debug_is_off() -> None:
    result = manage("check", **{**PRODUCTION, "FIELD_ENCRYPTION_KEYS": ""})
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS is required" in result.stderr


def test_a_malformed_field_encryption_key_fails_loudly() -> None:
    result = manage("check", **{**PRODUCTION, "FIELD_ENCRYPTION_KEYS": "not-a-fernet-key"})
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr
