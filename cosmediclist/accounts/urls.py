from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from cosmediclist.accounts import two_factor_views, views
from cosmediclist.accounts.forms import PasswordResetForm

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("sign-in/", views.login_view, name="login"),
    path("sign-in/code/", two_factor_views.sign_in_code, name="sign-in-code"),
    path("sign-out/", views.logout_view, name="logout"),
    path("sign-out/everywhere/", two_factor_views.sign_out_everywhere, name="sign-out-everywhere"),
    # /account/two-factor/…: set up the authenticator app; recovery codes
    path("two-factor/", two_factor_views.two_factor, name="two-factor"),
    path("two-factor/recovery-codes/", two_factor_views.new_recovery_codes, name="new-recovery-codes"),
    path("sign-up/", views.signup, name="signup"),
    path("sign-up/sent/", views.signup_sent, name="signup-sent"),
    # /account/password-reset/…: Django's views, emails sent through the outbox
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetForm,
            template_name="accounts/password_reset.html",
            success_url=reverse_lazy("accounts:password-reset-done"),
        ),
        name="password-reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password-reset-done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password-reset-complete"),
        ),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password-reset-complete",
    ),
]
