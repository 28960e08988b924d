"""Offers as the API tests need them, written to the tables directly (no services involved).

`offer_make` builds an offer with everything the HSDS service object can show: a place with
address and accessibility, a weekly time, languages and categories. The offer is fresh and
its organisation publicly listed unless told otherwise.
"""

import datetime

from knotenpunkt.core.dates import network_today
from knotenpunkt.members.tests.factories import OrganisationFactory
from knotenpunkt.offers.models import (
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)


def organisation_make(network, *, listed: bool = True, **fields):
    return OrganisationFactory(network=network, public_listing=listed, **fields)


def term_of(network, code: str) -> TaxonomyTerm:
    """A term of the network's starter taxonomy, by its code."""
    return TaxonomyTerm.objects.get(network=network, code=code)


def offer_make(
    network,
    *,
    organisation=None,
    name: str = "Deutschkurs",
    description: str = "Ein Kurs für Erwachsene.",
    status: str = Service.Status.ACTIVE,
    assured_days_ago: int = 0,
    terms: tuple[str, ...] = ("language-course-a1",),
    languages: tuple[str, ...] = ("de", "uk"),
    place: bool = True,
    **fields,
) -> Service:
    organisation = organisation or organisation_make(network)
    service = Service.objects.create(
        network=network,
        organization=organisation,
        language="de",
        name=name,
        description=description,
        url="https://example.org/kurs",
        email="kurs@example.org",
        status=status,
        fees_description="10 € im Monat",
        assured_date=network_today(network) - datetime.timedelta(days=assured_days_ago),
        **fields,
    )
    service.terms.set([term_of(network, code) for code in terms])
    for code in languages:
        Language.objects.create(network=network, service=service, code=code)
    if place:
        location = Location.objects.create(
            network=network,
            organization=organisation,
            name=f"Haus von {organisation.name}",
            address_1="Marktplatz 3",
            postal_code="12345",
            city="Musterstadt",
            district="Altstadt",
            wheelchair_accessible=True,
            accessibility_description="Rampe am Seiteneingang",
        )
        link = ServiceAtLocation.objects.create(network=network, service=service, location=location)
        Schedule.objects.create(
            network=network,
            service_at_location=link,
            byday=Schedule.Weekday.TU,
            opens_at=datetime.time(18, 0),
            closes_at=datetime.time(19, 30),
        )
    return service
