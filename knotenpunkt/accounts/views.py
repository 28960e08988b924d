"""Account pages outside any network: login, password, invitations, the user's own data.

No network scope is active under /accounts/, so every scoped read goes through a
selector that disables scopes deliberately, and writes run inside the network's scope.
"""

import json
from urllib.parse import urlencode

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_scopes import scope

from knotenpunkt.core import personal_data
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import public, signed_in
from knotenpunkt.core.urls_helpers import network_reverse

from .erasure import account_erase, erasure_request_create, erasure_requests_open
from .forms import AccountSettingsForm, InvitationSignupForm, LoginForm, SetPasswordForm
from .selectors import account_exists, account_roles, invitation_by_token, networks_holding
from .services import account_create_from_invitation, account_update, invitation_accept

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def add_domain_error(form, error: DomainError) -> None:
    """Show a service's refusal at its field, or above the form if the form has no such field."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def remember_language(response, user):
    """Pages outside a network follow the language cookie; start it at the user's preference."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        user.preferred_language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        return remember_language(super().form_valid(form), form.get_user())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever can read the mailbox owns the account; a lockout should not outlive the reset.
        axes_reset(username=form.user.email)
        return response


@signed_in
def account_home(request):
    user = request.user
    initial = {"full_name": user.full_name, "preferred_language": user.preferred_language}
    form = AccountSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            account_update(user=user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            translation.activate(user.preferred_language)
            messages.success(request, _("Your settings were saved."))
            return remember_language(redirect("accounts:home"), user)
    context = {
        "form": form,
        "roles": account_roles(user=request.user),
        "erasure_requests": erasure_requests_open(user=request.user),
    }
    return render(request, "accounts/home.html", context)


@signed_in
def erasure_request(request):
    """GET says what happens; POST asks every network that holds data about the user to erase
    it. An account no network holds anything for is closed at once."""
    user = request.user
    networks = networks_holding(user=user)
    error = None
    if request.method == "POST":
        try:
            if networks:
                erasure_request_create(user=user)
            else:
                account_erase(user=user, actor=user)
        except DomainError as domain_error:
            error = domain_error.message
        else:
            if networks:
                messages.success(
                    request, _("Your request was sent to the coordination of every network.")
                )
                return redirect("accounts:home")
            logout(request)
            messages.success(request, _("Your account was closed and its data erased."))
            # The start page, not the login form: there is nothing left to log in to.
            return redirect("network_list")
    context = {
        "networks": networks,
        "open_requests": erasure_requests_open(user=user),
        "error": error,
    }
    return render(request, "accounts/erasure_request.html", context)


@never_cache
@signed_in
def data_export(request):
    """Everything the platform holds about the user, in every network, as one JSON file.

    Each app adds its part through core.personal_data.
    """
    data = {"exported_at": timezone.now(), **personal_data.export_for(request.user)}
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"knotenpunkt-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _welcome(request, invitation, user):
    messages.success(
        request,
        _("Welcome to %(network)s. You now take part as %(role)s.")
        % {"network": invitation.network.name, "role": invitation.get_role_display()},
    )
    target = network_reverse(invitation.network, "members:workspace", lang=user.preferred_language)
    return remember_language(redirect(target), user)


def _invitation_page(request, invitation, state, status=200, **context):
    return render(
        request,
        "accounts/invitation.html",
        {"invitation": invitation, "state": state, **context},
        status=status,
    )


def _invitation_for_user(request, invitation):
    """A logged-in user accepts with one POST, if the invitation was meant for them."""
    if request.user.email.lower() != invitation.email.lower():
        return _invitation_page(request, invitation, "wrong_account", status=403)
    if request.method == "POST":
        try:
            with scope(network=invitation.network):
                invitation_accept(invitation=invitation, user=request.user)
        except DomainError as error:
            return _invitation_page(request, invitation, "refused", error=error.message)
        return _welcome(request, invitation, request.user)
    return _invitation_page(request, invitation, "confirm")


def _invitation_signup(request, invitation):
    """Someone without an account chooses a name and password, and is in."""
    form = InvitationSignupForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            with scope(network=invitation.network):
                user = account_create_from_invitation(
                    invitation=invitation,
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password1"],
                )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            login(request, user, backend=MODEL_BACKEND)
            return _welcome(request, invitation, user)
    return _invitation_page(request, invitation, "signup", form=form)


@public
@never_cache
def invitation(request, token):
    invitation = invitation_by_token(token=token)
    if invitation is None:
        raise Http404("unknown invitation")
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        # The mail was written in the invitation's language; its page should be too.
        translation.activate(invitation.language)
        request.LANGUAGE_CODE = invitation.language
    if not invitation.is_usable:
        return render(
            request, "accounts/invitation_invalid.html", {"invitation": invitation}, status=410
        )
    if request.user.is_authenticated:
        return _invitation_for_user(request, invitation)
    if account_exists(email=invitation.email):
        login_url = f"{reverse('accounts:login')}?{urlencode({'next': request.path})}"
        return _invitation_page(request, invitation, "login", login_url=login_url)
    return _invitation_signup(request, invitation)
