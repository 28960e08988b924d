"""Forms of the member pages. They parse input; the rules live in validation.py and services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.forms import CheckedForm, DateInput, LanguagesField, NetworkForm
from knotenpunkt.core.validation import EMAIL_MAX, max_length_of, validate_web_link
from knotenpunkt.core.widgets import searchable

from .models import KNOWN_CONTACT_ROLES, MAIN_CONTACT, Organisation
from .selectors import (
    AGREEMENT_SIGNED,
    AGREEMENT_UNSIGNED,
    ORGANISATION_SORTS,
    STATUS_ALL,
    STATUS_FORMER,
    STATUS_MEMBER,
    has_member_access,
    kinds_list,
    kinds_memoised,
    persons_for_choice,
    speaks_for_an_organisation,
)
from .validation import check_organisation

# Organisations ---------------------------------------------------------------------------


class OrganisationProfileForm(forms.Form):
    """What a member contact may change about their own organisation."""

    street = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        max_length=max_length_of(Organisation, "website"),
        validators=[validate_web_link],
    )
    email = forms.EmailField(label=_("E-mail address"), max_length=EMAIL_MAX, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    languages = LanguagesField()
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    public_listing = forms.BooleanField(
        label=_("The organisation agrees to be listed in the public member directory"),
        required=False,
    )


class OrganisationForm(CheckedForm, NetworkForm, OrganisationProfileForm):
    """An organisation the coordinator adds (`organisation` None) or changes; the service's
    rules (a name that exists already) show with the form's own errors."""

    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=None, empty_label=None)
    trusted = forms.BooleanField(
        label=_("Trusted: its events in the calendar are published without moderation"),
        required=False,
    )

    field_order = ["name", "kind"]

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["kind"].queryset = kinds_list(network=self.network)

    def service_checks(self, data: dict) -> None:
        values = {name: value for name, value in data.items() if name != "joined_on"}
        check_organisation(self.network, values, current=self.organisation)


class OrganisationCreateForm(OrganisationForm):
    joined_on = forms.DateField(
        label=_("Member since"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty if the organisation is not a member yet."),
    )


class MemberListFilterForm(NetworkForm):
    STATUS_CHOICES = [
        (STATUS_ALL, _("All")),
        (STATUS_MEMBER, _("Current members")),
        (STATUS_FORMER, _("Former members")),
    ]
    AGREEMENT_CHOICES = [
        ("", _("All")),
        (AGREEMENT_SIGNED, _("Signed the current version")),
        (AGREEMENT_UNSIGNED, _("Not signed the current version")),
    ]
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    agreement = forms.ChoiceField(label=_("Agreement"), required=False, choices=AGREEMENT_CHOICES)
    sort = forms.ChoiceField(
        required=False,
        widget=forms.HiddenInput,
        choices=[(key, key) for key in ORGANISATION_SORTS],
    )

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = kinds if kinds is not None else kinds_memoised(network=self.network)
        self.fields["kind"].choices = [("", _("All kinds"))] + [
            (kind.key, kind.label) for kind in kinds
        ]

    def filters(self) -> dict:
        """Valid filters, or the defaults when the query string was tampered with."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "query": data.get("q", ""),
            "kind": data.get("kind", ""),
            "status": data.get("status") or STATUS_ALL,
            "agreement": data.get("agreement", ""),
            "sort": data.get("sort") or "name",
        }


class DirectoryFilterForm(NetworkForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds"))] + [
            (kind.key, kind.label) for kind in kinds_memoised(network=self.network)
        ]


class JoinForm(forms.Form):
    joined_on = forms.DateField(label=_("Member since"), widget=DateInput)


class LeaveForm(forms.Form):
    left_on = forms.DateField(label=_("Left on"), widget=DateInput)
    reason = forms.CharField(label=_("Reason for leaving"), max_length=300, required=False)


# People and contact positions ------------------------------------------------------------


class PersonForm(forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=EMAIL_MAX, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    languages = LanguagesField()
    contact_consent = forms.BooleanField(
        label=_("Agrees to be contacted by the network"), required=False
    )


def person_choice_label(person) -> str:
    """Names repeat; the e-mail address tells two people apart."""
    return f"{person.display_name} <{person.email}>" if person.email else person.display_name


class PersonChoiceMixin(forms.Form):
    """Choose an existing person, or give the name (and address) of a new one."""

    person_field = "person"
    full_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail address"), max_length=EMAIL_MAX, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    languages = LanguagesField()

    def add_person_field(self, network, label):
        field = forms.ModelChoiceField(
            label=label,
            queryset=persons_for_choice(network=network),
            required=False,
            empty_label=_("— a new person (enter below) —"),
        )
        field.label_from_instance = person_choice_label
        self.fields[self.person_field] = searchable(field, "people", network=network)

    def clean(self):
        data = super().clean()
        chosen = data.get(self.person_field)
        if chosen and data.get("full_name"):
            self.add_error(
                "full_name", _("Either choose a person from the list or enter a new one.")
            )
        elif not chosen and not data.get("full_name") and not self.has_error("full_name"):
            self.add_error(self.person_field, _("Choose a person or enter the name of a new one."))
        return data

    def person_data(self) -> dict | None:
        if self.cleaned_data.get(self.person_field):
            return None
        return {key: self.cleaned_data[key] for key in ("full_name", "email", "phone", "languages")}


class PositionOpenForm(NetworkForm, PersonChoiceMixin):
    role = forms.ChoiceField(label=_("Role"))
    other_role = forms.CharField(
        label=_("Other role"),
        max_length=100,
        required=False,
        help_text=_("Only if you chose “other role” above."),
    )
    started_on = forms.DateField(label=_("From"), widget=DateInput)

    field_order = ["person", "full_name", "email", "phone", "languages", "role", "other_role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_person_field(self.network, _("Person"))
        self.fields["role"].choices = [
            *KNOWN_CONTACT_ROLES.items(),
            ("", _("Other role (enter below)")),
        ]
        self.fields["role"].required = False
        self.fields["role"].initial = MAIN_CONTACT
        self.order_fields(self.field_order)

    def clean(self):
        data = super().clean()
        if not data.get("role"):
            if not data.get("other_role", "").strip():
                self.add_error("other_role", _("Enter the role."))
            data["role"] = data.get("other_role", "").strip()
        return data


class HandoverForm(NetworkForm, PersonChoiceMixin):
    person_field = "successor"
    on = forms.DateField(label=_("Handover on"), widget=DateInput)
    note = forms.CharField(
        label=_("Note for the successor"),
        widget=forms.Textarea,
        required=False,
        help_text=_(
            "What the successor should know: running topics, contacts, dates. It starts with "
            "the note the current contact wrote; the successor sees it in their workspace."
        ),
    )

    end_access = forms.BooleanField(
        label=_("End the outgoing contact's access to the network's workspace"),
        required=False,
        help_text=_(
            "Only if they speak for no other organisation; other roles, such as coordinator, "
            "stay. A coordinator can give access again on the team page."
        ),
    )

    field_order = [
        "successor",
        "full_name",
        "email",
        "phone",
        "languages",
        "on",
        "note",
        "end_access",
    ]

    def __init__(self, *args, position, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_person_field(self.network, _("Successor"))
        self.fields["successor"].queryset = self.fields["successor"].queryset.exclude(
            pk=position.person_id
        )
        if has_member_access(network=self.network, person=position.person):
            # Suggested when this is the only organisation they speak for.
            self.fields["end_access"].initial = not speaks_for_an_organisation(
                network=self.network, person=position.person, besides=position
            )
        else:
            del self.fields["end_access"]
        self.order_fields(self.field_order)


class HandoverNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note for your successor"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        help_text=_(
            "What whoever takes over from you needs to know: running topics, contacts, "
            "dates, where things are. They see it when the role is handed over to them."
        ),
    )


class PositionCloseForm(forms.Form):
    ended_on = forms.DateField(label=_("Until"), widget=DateInput)


# Agreements ------------------------------------------------------------------------------


class AgreementVersionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Markdown: ## heading, **bold**, - list item, [link](https://…)."),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput)


class SignatureForm(NetworkForm):
    version = forms.ModelChoiceField(label=_("Version of the agreement"), queryset=None)
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput)
    signed_by = forms.ModelChoiceField(
        label=_("Signed by"), queryset=None, required=False, empty_label=_("— not recorded —")
    )

    def __init__(self, *args, organisation, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = versions
        self.fields["signed_by"].queryset = (
            persons_for_choice(network=self.network)
            .filter(positions__organisation=organisation)
            .distinct()
        )
        self.fields["signed_by"].label_from_instance = person_choice_label
