"""Small builders of offers for the public directory's tests (models written directly)."""

import datetime
import itertools

from knotenpunkt.members.models import Organisation
from knotenpunkt.members.tests.factories import OrganisationFactory
from knotenpunkt.offers.models import (
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
    TaxonomyTerm,
)

_numbers = itertools.count(1)


def organisation(network, name=None) -> Organisation:
    return OrganisationFactory(network=network, name=name or f"Verein {next(_numbers)}")


def term(network, code) -> TaxonomyTerm:
    return TaxonomyTerm.objects.get(network=network, code=code)


def offer(
    network,
    name="Beratung",
    *,
    organization=None,
    assured=None,
    terms=(),
    languages=("de",),
    district="",
    step_free=False,
    translations=None,
    schedule=None,
    **fields,
) -> Service:
    """An offer confirmed `assured` (default: today), with categories by code, languages,
    one place in `district`, translations {lang: (name, description)} and a weekly time."""
    fields.setdefault("language", "de")
    service = Service.objects.create(
        network=network,
        organization=organization or organisation(network),
        name=name,
        assured_date=assured or datetime.date.today(),
        **fields,
    )
    if terms:
        service.terms.set([term(network, code) for code in terms])
    for code in languages:
        Language.objects.create(network=network, service=service, code=code)
    if district or step_free or schedule:
        location = Location.objects.create(
            network=network,
            organization=service.organization,
            name=f"Haus {service.pk}",
            district=district,
            wheelchair_accessible=step_free,
        )
        place = ServiceAtLocation.objects.create(
            network=network, service=service, location=location
        )
        if schedule:
            byday, opens, closes = schedule
            Schedule.objects.create(
                network=network,
                service_at_location=place,
                byday=byday,
                opens_at=opens,
                closes_at=closes,
            )
    for code, (title, text) in (translations or {}).items():
        ServiceTranslation.objects.create(
            network=network, service=service, language=code, name=title, description=text
        )
    return service
