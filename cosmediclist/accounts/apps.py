from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cosmediclist.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from cosmediclist.accounts.middleware import stamp_on_login
        from cosmediclist.accounts.second_factor import app_removed

        # Every sign-in (password, code, link, or a test's force_login) fixes the session's idle limit.
        user_logged_in.connect(stamp_on_login, dispatch_uid="accounts-stamp-session")
        # An administrator removing someone's app (lost phone) ends that account's sessions.
        post_delete.connect(app_removed, sender=TOTPDevice, dispatch_uid="accounts-app-removed")
