"""Forms of the workspace's offer pages: an offer with its translations, a place, an opening
time, the freshness periods and the coordinator's filter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.forms import CheckedForm, LanguagesField, NetworkForm
from knotenpunkt.core.languages import language_name
from knotenpunkt.core.params import parse_id
from knotenpunkt.core.validation import (
    EMAIL_MAX,
    all_checks,
    max_length_of,
    validate_email_address,
    validate_web_link,
)

from .freshness import Freshness
from .models import Location, Schedule, Service, ServiceTranslation, TaxonomyTerm
from .services_places import LOCATION_TEXTS
from .taxonomy import term_label
from .validation import (
    AGE_MAX,
    PERIOD_MAX_DAYS,
    PERIOD_MIN_DAYS,
    check_age_range,
    check_opening_hours,
    check_periods,
    check_translation,
)

OFFER_FIELDS = (
    "name",
    "description",
    "status",
    "url",
    "email",
    "phone",
    "free_of_charge",
    "fees_description",
    "eligibility_description",
    "application_process",
    "minimum_age",
    "maximum_age",
    "childcare",
)


class IdChoiceField(forms.ModelChoiceField):
    """A choice of rows whose submitted key no row can have (too large, not a number) is an
    invalid choice, not a database error."""

    def to_python(self, value):
        if value not in self.empty_values and parse_id(value) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class TermsField(forms.ModelMultipleChoiceField):
    """The categories by their translated names; keys no row can have are invalid choices."""

    def label_from_instance(self, obj):
        return term_label(obj)

    def _check_values(self, value):
        for key in value:
            if parse_id(key) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": key},
                )
        return super()._check_values(value)


def _age_field(label):
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=AGE_MAX)


class ServiceForm(CheckedForm, NetworkForm):
    """The offer in its own language, its categories and languages, and its name and
    description in each other language of the network (fields `name_<code>`, …)."""

    organization = IdChoiceField(label=_("Organisation"), queryset=None)
    language = forms.ChoiceField(label=_("Language it is written in"))
    name = forms.CharField(label=_("Name"), max_length=max_length_of(Service, "name"))
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    terms = TermsField(
        label=_("Categories"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = LanguagesField(
        label=_("Languages the offer is held in"),
        help_text=_("Language codes separated by commas, e.g. de, uk, ti."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=Service.Status.choices)
    url = forms.CharField(
        label=_("Web address"),
        required=False,
        max_length=max_length_of(Service, "url"),
        validators=[validate_web_link],
        widget=forms.URLInput,
    )
    email = forms.CharField(
        label=_("E-mail address"),
        required=False,
        max_length=EMAIL_MAX,
        validators=[validate_email_address],
        widget=forms.EmailInput,
    )
    phone = forms.CharField(
        label=_("Phone"), required=False, max_length=max_length_of(Service, "phone")
    )
    free_of_charge = forms.BooleanField(label=_("Free of charge"), required=False)
    fees_description = forms.CharField(
        label=_("Costs"), required=False, max_length=max_length_of(Service, "fees_description")
    )
    eligibility_description = forms.CharField(
        label=_("Who it is for"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    application_process = forms.CharField(
        label=_("How to take part"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    minimum_age = _age_field(_("Minimum age"))
    maximum_age = _age_field(_("Maximum age"))
    childcare = forms.BooleanField(label=_("Childcare during the offer"), required=False)

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        network = self.network
        if organisations is None:  # an existing offer keeps its organisation
            del self.fields["organization"]
        else:
            self.fields["organization"].queryset = organisations
            first_two = list(organisations[:2])
            if len(first_two) == 1:  # a contact of one organisation need not choose it
                self.fields["organization"].initial = first_two[0]
        self.languages_offered = list(network.languages)
        self.fields["language"].choices = [
            (code, language_name(code)) for code in self.languages_offered
        ]
        self.fields["language"].initial = network.default_language
        self.fields["terms"].queryset = TaxonomyTerm.objects.filter(network=network).order_by(
            "parent__position", "parent_id", "position", "name"
        )
        name_max = max_length_of(ServiceTranslation, "name")
        for code in self.languages_offered:
            language = language_name(code)
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name (%(language)s)") % {"language": language},
                max_length=name_max,
                required=False,
                widget=forms.TextInput(attrs={"lang": code, "dir": "auto"}),
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description (%(language)s)") % {"language": language},
                required=False,
                widget=forms.Textarea(attrs={"rows": 4, "lang": code, "dir": "auto"}),
            )

    def service_checks(self, data):
        with all_checks() as check:
            if "minimum_age" in data and "maximum_age" in data:
                check(
                    check_age_range, data["minimum_age"], data["maximum_age"], field="maximum_age"
                )
            for code in self.languages_offered:
                name, description = f"name_{code}", f"description_{code}"
                if name in data and description in data and code != data.get("language"):
                    check(check_translation, data[name], data[description], field=name)

    @staticmethod
    def initial_for(service: Service) -> dict:
        initial = {name: getattr(service, name) for name in OFFER_FIELDS}
        initial["language"] = service.language
        initial["terms"] = list(service.terms.all())
        initial["languages"] = [row.code for row in service.languages.all()]
        for row in service.translations.all():
            initial[f"name_{row.language}"] = row.name
            initial[f"description_{row.language}"] = row.description
        return initial

    def fieldsets(self):
        """(legend, fields) of the offer itself, in the order of the page."""
        first = ["organization"] if "organization" in self.fields else []
        about = [*first, "language", "name", "description", "terms", "languages", "status"]
        contact = ["url", "email", "phone"]
        who = [
            "free_of_charge",
            "fees_description",
            "eligibility_description",
            "application_process",
            "minimum_age",
            "maximum_age",
            "childcare",
        ]
        return [
            (_("The offer"), [self[name] for name in about]),
            (_("Contact"), [self[name] for name in contact]),
            (_("Who may take part, and how"), [self[name] for name in who]),
        ]

    def translation_sets(self):
        """(language code, name, fields, open) per language of the network: folded on the
        page unless something is written in it or refused."""
        sets = []
        for code in self.languages_offered:
            fields = [self[f"name_{code}"], self[f"description_{code}"]]
            shown = any(field.value() or field.errors for field in fields)
            sets.append((code, language_name(code), fields, shown))
        return sets

    def values(self) -> dict:
        """The cleaned data as `service_create` / `service_update` take it."""
        data = self.cleaned_data
        values = {name: data[name] for name in OFFER_FIELDS}
        values["language"] = data["language"]
        values["terms"] = list(data["terms"])
        values["languages"] = data["languages"]
        values["translations"] = {
            code: {"name": data[f"name_{code}"], "description": data[f"description_{code}"]}
            for code in self.languages_offered
        }
        return values


LOCATION_FIELDS = [*LOCATION_TEXTS[:6], "wheelchair_accessible", "transportation"]


class LocationForm(forms.Form):
    """A place of an organisation; its fields, labels and lengths are the model's. A plain
    form, not a model form: the service compares the place before and after."""

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organization"] = IdChoiceField(
                label=_("Organisation"), queryset=organisations
            )
            first_two = list(organisations[:2])
            if len(first_two) == 1:
                self.fields["organization"].initial = first_two[0]
        self.fields.update(
            forms.fields_for_model(
                Location,
                fields=LOCATION_FIELDS,
                widgets={"accessibility_description": forms.Textarea(attrs={"rows": 3})},
            )
        )

    @staticmethod
    def initial_for(location: Location) -> dict:
        return forms.model_to_dict(location, fields=LOCATION_FIELDS)

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in LOCATION_FIELDS}


class OpeningForm(CheckedForm):
    """A weekly opening time of an offer at one of its organisation's places."""

    location = IdChoiceField(label=_("Place"), queryset=None)
    byday = forms.ChoiceField(label=_("Weekday"), choices=Schedule.Weekday.choices)
    opens_at = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    closes_at = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))
    description = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=max_length_of(Schedule, "description"),
        help_text=_("For example: only during school terms."),
    )

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations

    def service_checks(self, data):
        if "opens_at" in data and "closes_at" in data:
            check_opening_hours(data["opens_at"], data["closes_at"], field="closes_at")


class PeriodsForm(CheckedForm):
    outdated_after_days = forms.IntegerField(
        label=_("Marked as possibly outdated after (days)"),
        min_value=PERIOD_MIN_DAYS,
        max_value=PERIOD_MAX_DAYS,
        help_text=_("Its owners are reminded then, with a link that confirms it in one click."),
    )
    hidden_after_days = forms.IntegerField(
        label=_("Hidden from the public directory after (days)"),
        min_value=PERIOD_MIN_DAYS,
        max_value=PERIOD_MAX_DAYS,
    )

    def service_checks(self, data):
        if "outdated_after_days" in data and "hidden_after_days" in data:
            check_periods(
                data["outdated_after_days"], data["hidden_after_days"], field="hidden_after_days"
            )


FRESHNESS_CHOICES = [
    ("", _("All")),
    (Freshness.FRESH.value, _("Confirmed recently")),
    (Freshness.OUTDATED.value, _("May be outdated")),
    (Freshness.HIDDEN.value, _("Hidden from the public")),
]


class ListFilterForm(forms.Form):
    """The coordinator's filter of the offers list (a filter no one sent is no filter)."""

    organisation = IdChoiceField(
        label=_("Organisation"), queryset=None, required=False, empty_label=_("All")
    )
    freshness = forms.ChoiceField(label=_("Freshness"), choices=FRESHNESS_CHOICES, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def filters(self) -> dict:
        if not self.is_valid():
            return {"organisation": None, "freshness": None}
        value = self.cleaned_data["freshness"]
        return {
            "organisation": self.cleaned_data["organisation"],
            "freshness": Freshness(value) if value else None,
        }


class ConfirmForm(forms.Form):
    """A confirmation step: nothing to enter, the button says what happens."""
