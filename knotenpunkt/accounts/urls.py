"""Account pages outside any network: /accounts/…"""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from knotenpunkt.core.policy import public, signed_in

from . import forms, views

app_name = "accounts"

urlpatterns = [
    path("", views.account_home, name="home"),
    path("login/", public(views.LoginView.as_view()), name="login"),
    path("logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    path(
        "password-reset/",
        public(
            auth_views.PasswordResetView.as_view(
                form_class=forms.PasswordResetRequestForm,
                template_name="accounts/password_reset_form.html",
                success_url=reverse_lazy("accounts:password_reset_done"),
            )
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        public(
            auth_views.PasswordResetDoneView.as_view(
                template_name="accounts/password_reset_done.html"
            )
        ),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        public(
            views.PasswordResetConfirmView.as_view(
                success_url=reverse_lazy("accounts:password_reset_complete")
            )
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        public(
            auth_views.PasswordResetCompleteView.as_view(
                template_name="accounts/password_reset_complete.html"
            )
        ),
        name="password_reset_complete",
    ),
    path(
        "password-change/",
        signed_in(
            auth_views.PasswordChangeView.as_view(
                form_class=forms.PasswordChangeForm,
                template_name="accounts/password_change_form.html",
                success_url=reverse_lazy("accounts:password_change_done"),
            )
        ),
        name="password_change",
    ),
    path(
        "password-change/done/",
        signed_in(
            auth_views.PasswordChangeDoneView.as_view(
                template_name="accounts/password_change_done.html"
            )
        ),
        name="password_change_done",
    ),
    path("export/", views.data_export, name="export"),
    path("erasure/", views.erasure_request, name="erasure_request"),
    path("invitation/<slug:token>/", views.invitation, name="invitation"),
]
