"""The rules of an organisation's and a person's data, used by the services and the forms.

`check_organisation` reports every broken rule at once (decision 0022): the
service runs it on all its values, the coordinator's organisation form on the values it could
read, so that a name that exists already shows together with the form's own errors.
"""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.languages import parse_language_codes
from knotenpunkt.core.validation import (
    all_checks,
    check_email,
    check_lengths,
    check_required,
    check_web_link,
    max_length_of,
)

from .models import Organisation, OrganisationKind

WEBSITE_MAX = max_length_of(Organisation, "website")
# Checked by their own rules (which include the length), not again by check_lengths.
CONTACT_FIELDS = ("website", "email")


def check_languages(value, *, field: str = "languages") -> list[str]:
    try:
        return parse_language_codes(value)
    except ValueError as error:
        raise DomainError(
            _("These are not language codes (use codes like de, tr, ar): %(codes)s")
            % {"codes": error},
            field=field,
        ) from None


def check_kind(network, kind: OrganisationKind) -> None:
    if kind is None or kind.network_id != network.pk:
        raise DomainError(_("Choose a kind of organisation of this network."), field="kind")


def check_unique_organisation(network, name: str, city: str, *, exclude_pk=None) -> None:
    clash = Organisation.objects.filter(network=network, name__iexact=name, city__iexact=city)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise DomainError(
            _("An organisation with this name exists already in %(city)s.") % {"city": city or "–"},
            field="name",
        )


def check_contact(values: dict) -> None:
    """A website and an e-mail address among `values` follow the rules the forms apply."""
    with all_checks() as check:
        if "website" in values:
            values["website"] = check(
                check_web_link, values["website"], field="website", max_length=WEBSITE_MAX
            )
        if "email" in values:
            values["email"] = check(check_email, values["email"], field="email")


def check_organisation(network, values: dict, *, current: Organisation | None = None) -> dict:
    """Every rule of an organisation's `values` (only those given) at once; trims the texts
    and reads the languages in `values`. `current` is the organisation being changed: its
    own name is no clash, and its city counts when `values` has none."""
    with all_checks() as check:
        if "name" in values:
            values["name"] = check(check_required, values["name"], field="name")
        if "kind" in values:
            check(check_kind, network, values["kind"])
        if "languages" in values:
            values["languages"] = check(check_languages, values["languages"])
        for key, value in values.items():
            if isinstance(value, str):
                values[key] = value.strip()
        check(check_contact, values)
        texts = {key: value for key, value in values.items() if key not in CONTACT_FIELDS}
        check(check_lengths, Organisation, texts)
        name = values.get("name", current.name if current else "")
        city = values.get("city", current.city if current else "") or ""
        moved = current is None or (name, city) != (current.name, current.city)
        if name and moved and not check.failed("name"):
            exclude_pk = current.pk if current else None
            check(check_unique_organisation, network, name, city, exclude_pk=exclude_pk)
    return values
