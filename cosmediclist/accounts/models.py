"""The site's user: one account per email address, with roles from groups and memberships."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username or "")

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """Signs in with an email address; the address is private and never shown publicly."""

    email = models.EmailField("email address", unique=True)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    is_staff = models.BooleanField(
        default=False, help_text="Can sign in to the editors' CMS and the Django admin."
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    sessions_version = models.PositiveIntegerField(
        default=0, help_text='Raised by "sign out everywhere": every earlier session stops working.'
    )
    email_confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the owner proved the address (by an emailed link). Until then, rows sent "
        "earlier under the address are neither linked, shown, exported nor erased with the account.",
    )

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique")]

    def __str__(self) -> str:
        return self.get_full_name() or f"User {self.pk}"

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.get_full_name()

    def get_session_auth_hash(self) -> str:
        return self._session_hash()

    def get_session_auth_fallback_hash(self) -> Any:
        from django.conf import settings

        for fallback_secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret=fallback_secret)

    def _session_hash(self, secret: str | bytes | None = None) -> str:
        """Django's hash of the password, plus the sessions version once it has been raised.

        A session remembers this hash; when it no longer matches, Django signs that session out.
        So "sign out everywhere" raises the version and every session anywhere (database or
        cache backend) stops working at its next request, as after a password change.
        Version 0 leaves Django's own hash unchanged, so existing sessions survive the upgrade.
        """
        value = self.password if not self.sessions_version else f"{self.password}|{self.sessions_version}"
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    @property
    def display_name(self) -> str:
        """The name shown to the user themselves and to staff; never the email address."""
        return self.get_full_name() or "your account"


# The reader's own pages keep their models in a module of their own.
from cosmediclist.accounts.privacy_models import CalendarFeed, EmailPreferences, SignInLink  # noqa: E402

__all__ = ["CalendarFeed", "EmailPreferences", "SignInLink", "User", "UserManager"]
