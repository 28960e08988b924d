"""Forms of the CSV import: the upload form and one form per row kind.

Every cell is validated by a Django form field so that users read Django's own
translated messages ("Enter a valid email address.") in their language.
"""

from dataclasses import dataclass
from functools import cache

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.languages import parse_language_codes
from knotenpunkt.core.validation import validate_web_link

from .models import ContactPosition, ImportJob

ORGANISATIONS, PEOPLE = ImportJob.Kind.ORGANISATIONS.value, ImportJob.Kind.PEOPLE.value
IMPORT_KINDS = ImportJob.Kind.choices
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
YES = {"yes", "y", "ja", "j", "1", "true", "wahr", "x"}
NO = {"no", "n", "nein", "0", "false", "falsch"}


@cache
def _yes_no_words() -> tuple[frozenset, frozenset]:
    """yes and no as above, and as every language of the site says them (a Turkish office's
    spreadsheet says "evet", a Ukrainian one "так")."""
    yes, no = set(YES), set(NO)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            yes.add(translation.gettext("yes").casefold())
            no.add(translation.gettext("no").casefold())
    # Turkish capitals fold to a dotted i: HAYIR → hayir.
    no |= {word.replace("ı", "i") for word in no}
    return frozenset(yes), frozenset(no)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    format: str = ""


EMAIL = Column("email", _("E-mail address"), ("E-Mail", "Mail", "E-Mail-Adresse", "Email address"))
PHONE = Column("phone", _("Phone"), ("Telefon", "Tel.", "Telefonnummer"))
LANGUAGES = Column(
    "languages",
    _("Languages"),
    ("Sprachen",),
    format=_("Codes separated by commas or spaces, e.g. “de, en, tr”."),
)
YES_NO = _("yes or no, in any language of the site, or 1/0; an empty cell means no.")

COLUMNS = {
    ORGANISATIONS: (
        Column(
            "name",
            _("Name"),
            ("Organisation", "Organisationsname", "Einrichtung"),
            required=True,
        ),
        Column(
            "kind",
            _("Kind"),
            ("Art", "Typ", "Organisationsart"),
            required=True,
            format=_("A key such as “association” or the kind's name in German or English."),
        ),
        Column("street", _("Street and number"), ("Straße", "Straße und Hausnummer", "Adresse")),
        Column("postal_code", _("Postal code"), ("PLZ", "Postleitzahl", "ZIP")),
        Column("city", _("City"), ("Ort", "Stadt")),
        Column("website", _("Website"), ("Webseite", "Internetseite", "Homepage", "URL")),
        EMAIL,
        PHONE,
        LANGUAGES,
        Column(
            "public_listing",
            _("May be listed publicly"),
            ("Öffentlich", "Öffentlich sichtbar", "Veröffentlichen"),
            format=YES_NO,
        ),
        Column(
            "joined_on",
            _("Member since"),
            ("Beitritt", "Mitglied seit", "Beigetreten am", "Eintritt"),
            format=_("A date as 2024-03-31 or 31.03.2024; opens a membership."),
        ),
    ),
    PEOPLE: (
        Column(
            "full_name",
            _("Name"),
            ("Name", "Vollständiger Name", "Vor- und Nachname"),
            required=True,
        ),
        EMAIL,
        PHONE,
        LANGUAGES,
        Column(
            "contact_consent",
            _("Agrees to be contacted"),
            ("Kontakt erlaubt", "Einwilligung", "Einwilligung Kontakt", "Consent"),
            format=YES_NO,
        ),
        Column(
            "organisation",
            _("Organisation"),
            ("Organization", "Einrichtung"),
            format=_(
                "The name of an organisation in this network; “name (city)” if the name is "
                "not unique."
            ),
        ),
        Column(
            "role",
            _("Contact role"),
            ("Rolle", "Funktion"),
            format=_("With an organisation: opens a contact position from today."),
        ),
    ),
}


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What does the file contain?"), choices=IMPORT_KINDS)
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 (with or without BOM) or Windows-1252; columns separated by ; or ,."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.KNOTENPUNKT_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                _("The file is larger than %(limit)s. Split it into smaller files."),
                params={"limit": filesizeformat(limit)},
                code="too_large",
            )
        return upload


class YesNoField(forms.Field):
    """yes/no in any of the site's languages, or 1/0; an empty cell means no."""

    default_error_messages = {"invalid": _("Enter yes or no (in any language of the site) or 1/0.")}

    def to_python(self, value):
        text = (value or "").strip().casefold()
        yes, no = _yes_no_words()
        if text in yes:
            return True
        if not text or text in no:
            return False
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class LanguagesField(forms.Field):
    """Language codes separated by commas or spaces, e.g. "de, en tr" (as the members forms)."""

    default_error_messages = {
        "invalid": _("These are not language codes (use codes like de, tr, ar): %(codes)s")
    }

    def to_python(self, value):
        try:
            return parse_language_codes(value or "")
        except ValueError as error:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"codes": str(error)}
            ) from None


class LookupField(forms.CharField):
    """A cell naming an object; `lookup` maps the casefolded name to the candidates."""

    default_error_messages = {
        "unknown": _("“%(value)s” is not known."),
        "ambiguous": _("“%(value)s” is ambiguous."),
    }

    def __init__(self, *, lookup=None, choices_hint="", **kwargs):
        super().__init__(**kwargs)
        self.lookup = lookup or {}
        self.choices_hint = choices_hint

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        candidates = self.lookup.get(text.casefold(), [])
        if not candidates:
            params = {"value": text, "choices": self.choices_hint}
            raise ValidationError(self.error_messages["unknown"], code="unknown", params=params)
        if len(candidates) > 1:
            raise ValidationError(
                self.error_messages["ambiguous"], code="ambiguous", params={"value": text}
            )
        return candidates[0]


class RowForm(forms.Form):
    """One instance per import and `check(data)` per row: copying the fields for every row of a
    large file would cost more than validating it."""

    def check(self, data: dict) -> tuple[dict, dict[str, list[str]]]:
        """The cleaned values of one row and the messages per field name."""
        cleaned, errors = {}, {}
        for name, field in self.fields.items():
            try:
                cleaned[name] = field.clean(data.get(name, ""))
            except ValidationError as error:
                errors[name] = error.messages
        self.check_row(cleaned, errors)
        return cleaned, errors

    def check_row(self, cleaned: dict, errors: dict) -> None:
        """Rules that involve several cells."""


class OrganisationRowForm(RowForm):
    name = forms.CharField(max_length=200)
    kind = LookupField(
        max_length=100,
        error_messages={"unknown": _("Unknown kind “%(value)s”. Use one of: %(choices)s.")},
    )
    street = forms.CharField(max_length=200, required=False)
    postal_code = forms.CharField(max_length=20, required=False)
    city = forms.CharField(max_length=120, required=False)
    website = forms.URLField(
        max_length=200, required=False, assume_scheme="https", validators=[validate_web_link]
    )
    email = forms.EmailField(max_length=254, required=False)
    phone = forms.CharField(max_length=50, required=False)
    languages = LanguagesField(required=False)
    public_listing = YesNoField(required=False)
    joined_on = forms.DateField(required=False, input_formats=DATE_FORMATS)

    def __init__(self, *, kinds, kinds_hint):
        super().__init__()
        self.fields["kind"].lookup = kinds
        self.fields["kind"].choices_hint = kinds_hint


class PersonRowForm(RowForm):
    full_name = forms.CharField(max_length=200)
    email = forms.EmailField(max_length=254, required=False)
    phone = forms.CharField(max_length=50, required=False)
    languages = LanguagesField(required=False)
    contact_consent = YesNoField(required=False)
    organisation = LookupField(
        max_length=330,
        required=False,
        error_messages={
            "unknown": _("There is no organisation “%(value)s” in this network."),
            "ambiguous": _(
                "Several organisations are called “%(value)s”; write “name (city)” instead."
            ),
        },
    )
    role = forms.CharField(
        max_length=ContactPosition._meta.get_field("role").max_length, required=False
    )

    def __init__(self, *, organisations):
        super().__init__()
        self.fields["organisation"].lookup = organisations

    def check_row(self, cleaned, errors):
        if cleaned.get("role") and not cleaned.get("organisation") and "organisation" not in errors:
            errors["role"] = [str(_("A role needs an organisation."))]
