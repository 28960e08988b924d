"""Makers of offers, places and opening times for the workspace's tests (rows built through
the models; the network's scope must be active)."""

import datetime

from knotenpunkt.core.dates import network_today
from knotenpunkt.members.tests.factories import OrganisationFactory

from ..confirm_links import confirm_token_make
from ..models import Location, Schedule, Service, ServiceAtLocation


def service_make(network, *, organization=None, name="Deutschkurs A1", **values) -> Service:
    """An active offer written in the network's language, confirmed today unless told."""
    values.setdefault("language", network.default_language)
    values.setdefault("assured_date", network_today(network))
    return Service.objects.create(
        network=network,
        organization=organization or OrganisationFactory(network=network),
        name=name,
        **values,
    )


def location_make(network, *, organization=None, name="Stadtteilzentrum", **values) -> Location:
    return Location.objects.create(
        network=network,
        organization=organization or OrganisationFactory(network=network),
        name=name,
        **values,
    )


def schedule_make(service: Service, location: Location | None = None, **values) -> Schedule:
    """A Monday opening from 9 to 12 of the offer at a place of its organisation."""
    location = location or location_make(service.network, organization=service.organization)
    link, _created = ServiceAtLocation.objects.get_or_create(
        network=service.network, service=service, location=location
    )
    values.setdefault("byday", Schedule.Weekday.MO)
    values.setdefault("opens_at", datetime.time(9))
    values.setdefault("closes_at", datetime.time(12))
    return Schedule.objects.create(network=service.network, service_at_location=link, **values)


# Makers of the URL keywords of the offers' pages (knotenpunkt/tests/objects.py).


def isolation_service_id(network) -> int:
    return service_make(network).pk


def isolation_location_id(network) -> int:
    return location_make(network).pk


def isolation_schedule_id(network) -> int:
    return schedule_make(service_make(network)).pk


def isolation_service_at_location_id(network) -> int:
    return schedule_make(service_make(network)).service_at_location_id


def isolation_offer_token(network) -> str:
    return confirm_token_make(service_make(network))
