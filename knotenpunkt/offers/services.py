"""Writes of the offers themselves: add, change, delete, confirm as still correct.

Member contacts write the offers of the organisations they speak for, the coordinator any
offer (rules.py). An offer is written in one of the network's languages; its name and
description may be given in the others as well (`ServiceTranslation`). A new or confirmed
offer counts as fresh from the network's today (freshness.py says for how long).
Places and opening times are in services_places.py.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knotenpunkt.core.audit import field_changes
from knotenpunkt.core.dates import network_today
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import (
    all_checks,
    check_email,
    check_length,
    check_required,
    check_web_link,
    max_length_of,
)

from .audit import OffersAuditKind as Kind
from .models import Language, Service, ServiceTranslation, TaxonomyTerm
from .validation import (
    check_age,
    check_age_range,
    check_offer_languages,
    check_platform_language,
    check_translation,
)

MANAGE = "offers.manage"
NAME_MAX = max_length_of(Service, "name")
# The texts of an offer taken as given, each bounded by its column.
TEXT_FIELDS = (
    "description",
    "phone",
    "fees_description",
    "eligibility_description",
    "application_process",
)
FLAGS = ("free_of_charge", "childcare")


def _checked(network, values: dict) -> dict:
    """The offer's values trimmed and checked: every broken rule at once, naming its field."""
    with all_checks() as check:
        values["name"] = check(check_required, values["name"], field="name")
        if values["name"]:
            check(check_length, values["name"], field="name", max_length=NAME_MAX)
        check(check_platform_language, network, values["language"], field="language")
        if values["status"] not in Service.Status.values:
            check.refuse(_("Choose one of the offered states."), field="status")
        for name in TEXT_FIELDS:
            values[name] = (values[name] or "").strip()
            limit = max_length_of(Service, name)
            check(check_length, values[name], field=name, max_length=limit)
        values["url"] = check(
            check_web_link, values["url"], field="url", max_length=max_length_of(Service, "url")
        )
        values["email"] = check(check_email, values["email"], field="email")
        for name in ("minimum_age", "maximum_age"):
            values[name] = check(check_age, values[name], field=name)
        if not check.failed("minimum_age", "maximum_age"):
            check(
                check_age_range, values["minimum_age"], values["maximum_age"], field="maximum_age"
            )
    return values


def _checked_terms(network, terms) -> list[TaxonomyTerm]:
    terms = list(terms or ())
    if any(term.network_id != network.pk for term in terms):
        raise DomainError(_("Choose categories of this network."), field="terms")
    return terms


def _checked_translations(network, language: str, translations) -> dict:
    """{language: (name, description)} of the other platform languages; an empty name and
    description mean no translation in that language."""
    cleaned = {}
    with all_checks() as check:
        for code, texts in (translations or {}).items():
            if not check(check_platform_language, network, code, field="translations"):
                continue
            if code == language:
                continue  # the original is the offer itself
            name = (texts.get("name") or "").strip()
            description = (texts.get("description") or "").strip()
            if not name and not description:
                continue
            field = f"name_{code}"
            check(check_translation, name, description, field=field)
            if not name:
                continue
            check(check_length, name, field=field, max_length=NAME_MAX)
            cleaned[code] = (name, description)
    return cleaned


def _translations_save(service: Service, translations: dict) -> list[str]:
    """Replace the offer's translations; the languages whose text changed."""
    existing = {row.language: row for row in service.translations.all()}
    changed = []
    for code, row in existing.items():
        if code not in translations:
            row.delete()
            changed.append(code)
    for code, (name, description) in translations.items():
        row = existing.get(code)
        if row is None:
            ServiceTranslation.objects.create(
                network=service.network,
                service=service,
                language=code,
                name=name,
                description=description,
            )
            changed.append(code)
        elif (row.name, row.description) != (name, description):
            row.name, row.description = name, description
            row.save(update_fields=["name", "description"])
            changed.append(code)
    return sorted(changed)


def _languages_save(service: Service, codes: list[str]) -> bool:
    """Replace the languages the offer is held in; whether they changed."""
    existing = set(service.languages.values_list("code", flat=True))
    if existing == set(codes):
        return False
    service.languages.exclude(code__in=codes).delete()
    Language.objects.bulk_create(
        Language(network=service.network, service=service, code=code)
        for code in codes
        if code not in existing
    )
    return True


def _related_checked(network, values: dict, *, terms, languages, translations):
    """The related rows' values, checked together with the offer's own (one error for all)."""
    with all_checks() as check:
        check(_checked, network, values)
        terms = check(_checked_terms, network, terms)
        languages = check(check_offer_languages, languages or [], field="languages")
        translations = check(_checked_translations, network, values["language"], translations)
    return terms, languages, translations


@transaction.atomic
def service_create(
    *,
    organization,
    actor,
    language: str,
    name: str,
    description: str = "",
    url: str = "",
    email: str = "",
    phone: str = "",
    status: str = Service.Status.ACTIVE,
    free_of_charge: bool = False,
    fees_description: str = "",
    eligibility_description: str = "",
    application_process: str = "",
    minimum_age: int | None = None,
    maximum_age: int | None = None,
    childcare: bool = False,
    terms=(),
    languages=(),
    translations=None,
) -> Service:
    """Add an offer of `organization`; it counts as confirmed today."""
    network = organization.network
    require_actor(actor, network, MANAGE, organization)
    values = dict(locals())
    for key in ("organization", "actor", "terms", "languages", "translations", "network"):
        values.pop(key)
    terms, languages, translations = _related_checked(
        network, values, terms=terms, languages=languages, translations=translations
    )
    service = Service.objects.create(
        network=network,
        organization=organization,
        assured_date=network_today(network),
        **values,
    )
    service.terms.set(terms)
    _languages_save(service, languages)
    _translations_save(service, translations)
    audit_record(
        network=network, actor=actor, action=Kind.OFFER_CREATE, target=service, context=organization
    )
    return service


@transaction.atomic
def service_update(
    *,
    service: Service,
    actor,
    language: str,
    name: str,
    description: str = "",
    url: str = "",
    email: str = "",
    phone: str = "",
    status: str = Service.Status.ACTIVE,
    free_of_charge: bool = False,
    fees_description: str = "",
    eligibility_description: str = "",
    application_process: str = "",
    minimum_age: int | None = None,
    maximum_age: int | None = None,
    childcare: bool = False,
    terms=(),
    languages=(),
    translations=None,
) -> Service:
    """Change an offer. Changing it is no confirmation: only "still correct" says so."""
    network = service.network
    require_actor(actor, network, MANAGE, service)
    values = dict(locals())
    for key in ("service", "actor", "terms", "languages", "translations", "network"):
        values.pop(key)
    terms, languages, translations = _related_checked(
        network, values, terms=terms, languages=languages, translations=translations
    )
    changes = field_changes(service, values)
    for key, (_before, after) in changes.items():
        setattr(service, key, after)
    before_terms = {term.pk for term in service.terms.all()}
    if before_terms != {term.pk for term in terms}:
        service.terms.set(terms)
        changes["terms"] = (sorted(before_terms), sorted(term.pk for term in terms))
    if _languages_save(service, languages):
        changes["languages"] = ("", ", ".join(languages))
    translated = _translations_save(service, translations)
    if translated:
        changes["translations"] = ("", ", ".join(translated))
    if not changes:
        return service
    service.save()  # also when only related rows changed: `last_modified` tells the API
    audit_record(
        network=network,
        actor=actor,
        action=Kind.OFFER_UPDATE,
        target=service,
        context=service.organization,
        summary=", ".join(changes),
        changes=changes,
    )
    return service


@transaction.atomic
def service_delete(*, service: Service, actor) -> None:
    """Delete an offer with its translations, languages, places and opening times."""
    network = service.network
    require_actor(actor, network, MANAGE, service)
    audit_record(
        network=network,
        actor=actor,
        action=Kind.OFFER_DELETE,
        target=service,
        context=service.organization,
    )
    service.delete()


@transaction.atomic
def service_confirm(*, service: Service, actor) -> Service:
    """The owners say the offer is still correct: it counts as fresh from today, and a new
    reminder is due only after the next period (`reminded_at` is cleared)."""
    network = service.network
    require_actor(actor, network, MANAGE, service)
    today = network_today(network)
    before = service.assured_date
    Service.objects.filter(pk=service.pk).update(
        assured_date=today, reminded_at=None, last_modified=timezone.now()
    )
    service.assured_date, service.reminded_at = today, None
    audit_record(
        network=network,
        actor=actor,
        action=Kind.OFFER_CONFIRM,
        target=service,
        context=service.organization,
        changes={"assured_date": (before, today)},
    )
    return service
