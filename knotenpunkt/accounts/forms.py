"""Forms of the accounts app; Django's auth forms adapted to e-mail login and our mail path."""

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth import forms as auth_forms
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from knotenpunkt.core import lookups
from knotenpunkt.core.audit import audit_kind_choices, object_type_label
from knotenpunkt.core.languages import language_name
from knotenpunkt.core.mail import mail_send_later
from knotenpunkt.core.selectors import SYSTEM_ACTOR, audit_actor_ids, audit_target_types
from knotenpunkt.core.urls_helpers import absolute_url
from knotenpunkt.core.validation import EMAIL_MAX
from knotenpunkt.core.widgets import searchable

from .models import Role, User

# Django's help text is an HTML list, which cannot sit in the <p> of core/form.html.
PASSWORD_HELP = _(
    "At least 10 characters. Not only digits, not a common password and not similar to "
    "your name or e-mail address."
)


def _plain_password_help(form, *names: str) -> None:
    for name in names:
        if name in form.fields:
            form.fields[name].help_text = PASSWORD_HELP if name != "new_password2" else ""


class LoginForm(auth_forms.AuthenticationForm):
    """E-mail addresses are stored in lower case; the login accepts them in any case."""

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _("The e-mail address or the password is not correct."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].widget.attrs.update(inputmode="email", autocomplete="username")

    def clean_username(self):
        # axes counts failures per username: one spelling per address, however it is typed.
        username = self.cleaned_data["username"].strip().lower()
        if len(username) > EMAIL_MAX:
            # No account has such an address, and django-axes could not record the attempt
            # (its column is shorter; PostgreSQL refuses the row): refused before authenticating.
            raise self.get_invalid_login_error()
        return username

    @sensitive_variables()
    def clean(self):
        """Authenticate with the address under both names.

        django-axes reads the login name from the credential named by
        AXES_USERNAME_FORM_FIELD, which defaults to USERNAME_FIELD ("email"), while
        Django's form passes "username"; without "email" every failure would be
        counted under no name at all, and the lockout would not be per account.
        """
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email is not None and password:
            self.user_cache = authenticate(
                self.request, username=email, email=email, password=password
            )
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class PasswordResetRequestForm(auth_forms.PasswordResetForm):
    """Sends the reset link through the task worker like every other mail."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        path = reverse(
            "accounts:password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        mail_send_later(
            to=to_email,
            template="accounts/mail/password_reset",
            context={
                "user": user,
                "link": absolute_url(path),
                "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
            },
            language=user.preferred_language,
        )


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_password_help(self, "new_password1", "new_password2")


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_password_help(self, "new_password1", "new_password2")


class InvitationSignupForm(auth_forms.SetPasswordMixin, forms.Form):
    """Name and password for someone who was invited and has no account yet."""

    full_name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1, password2 = auth_forms.SetPasswordMixin.create_password_fields(
        label2=_("Password (again)")
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.fields["password1"].help_text = PASSWORD_HELP
        self.fields["password2"].help_text = ""

    def clean(self):
        cleaned = super().clean()
        self.validate_passwords()
        probe = User(email=self.invitation.email, full_name=cleaned.get("full_name", ""))
        self.validate_password_for_user(probe)
        return cleaned


class AccountSettingsForm(forms.Form):
    """A plain form, so that a refused save leaves the logged-in user object untouched."""

    full_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=[(code, get_language_info(code)["name_local"]) for code, _n in settings.LANGUAGES],
        help_text=_("Used for mail to you and for these account pages."),
    )


class InviteForm(forms.Form):
    """Who to invite, with which role, and in which language the mail is written."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        empty_label=_("— none —"),
        help_text=_(
            "A member contact speaks for this organisation and becomes its contact on "
            "accepting. Other roles need none."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        help_text=_("The mail and the page behind its link are written in this language."),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        # The network's organisations, as the members app offers them (core/lookups.py).
        self.fields["organisation"].queryset = lookups.choices("organisations", network=network)
        searchable(self.fields["organisation"], "organisations", network=network)
        # Named in the coordinator's language (only the switcher names each in its own).
        self.fields["language"].choices = [
            (code, language_name(code)) for code in network.languages
        ]
        self.fields["language"].initial = network.default_language


class AuditFilterForm(forms.Form):
    """Narrows the network's audit log by who, what kind, which type of object and its name.

    Read from the query string: a value that is not offered is ignored, never an error page.
    """

    actor = forms.ChoiceField(label=_("Person"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    target_type = forms.ChoiceField(label=_("Type of object"), required=False)
    text = forms.CharField(label=_("Object"), max_length=200, required=False)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        actors = User.objects.filter(pk__in=audit_actor_ids(network=network)).order_by(
            "full_name", "email"
        )
        self.fields["actor"].choices = [
            ("", _("Everyone")),
            (SYSTEM_ACTOR, _("The system (automatic)")),
            *((str(user.pk), str(user)) for user in actors),
        ]
        self.fields["kind"].choices = [("", _("All kinds")), *audit_kind_choices()]
        self.fields["target_type"].choices = [
            ("", _("All types")),
            *sorted(
                ((name, object_type_label(name)) for name in audit_target_types(network=network)),
                key=lambda choice: choice[1],
            ),
        ]

    def filters(self) -> dict:
        """The valid parts only: an outdated link still applies the rest of its filter."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
