"""Reads of the workspace's offer pages: which offers and places a person maintains, how
fresh they are, and the coordinator's share of fresh offers."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from knotenpunkt.core import policy
from knotenpunkt.core.dates import network_today
from knotenpunkt.members.models import Organisation
from knotenpunkt.members.selectors import organisations_spoken_for

from .freshness import Freshness, Periods, outdated_q, periods_of
from .models import Location, Schedule, Service, ServiceAtLocation


def maintains_all(user, network) -> bool:
    return policy.can(user, network, "offers.coordinate")


def organisations_maintained(*, user, network) -> QuerySet[Organisation]:
    """The organisations whose offers the person maintains: all for the coordinator."""
    if maintains_all(user, network):
        return Organisation.objects.filter(network=network).order_by("name", "pk")
    return organisations_spoken_for(user=user, network=network)


def freshness_q(freshness: Freshness, periods: Periods, today: datetime.date) -> Q:
    """Filter for the offers of one freshness (the day boundaries are freshness.py's)."""
    hidden = Q(assured_date__lt=periods.hidden_before(today))
    if freshness is Freshness.FRESH:
        return ~outdated_q(periods, today)
    if freshness is Freshness.HIDDEN:
        return hidden
    return outdated_q(periods, today) & ~hidden


def services_maintained(
    *,
    user,
    network,
    periods: Periods,
    today: datetime.date,
    organisation: Organisation | None = None,
    freshness: Freshness | None = None,
) -> QuerySet[Service]:
    """The offers the person maintains, oldest confirmation first (what needs a look first)."""
    services = Service.objects.filter(network=network).select_related("organization")
    if not maintains_all(user, network):
        services = services.filter(
            organization__in=organisations_spoken_for(user=user, network=network)
        )
    if organisation is not None:
        services = services.filter(organization=organisation)
    if freshness is not None:
        services = services.filter(freshness_q(freshness, periods, today))
    return services.order_by("assured_date", "name", "pk")


def services_to_confirm_count(*, user, network) -> int:
    """How many of the offers the person maintains are past the first period (for the
    workspace: the ones to look at and confirm)."""
    periods, today = periods_of(network), network_today(network)
    services = services_maintained(user=user, network=network, periods=periods, today=today)
    current = services.exclude(status=Service.Status.DEFUNCT)
    return current.filter(outdated_q(periods, today)).count()


@dataclass(frozen=True)
class FreshShare:
    fresh: int
    total: int
    days: int

    @property
    def percent(self) -> int:
        return round(100 * self.fresh / self.total) if self.total else 100


def fresh_share(*, network, periods: Periods, today: datetime.date) -> FreshShare:
    """How many of the network's current offers were confirmed within the first period.

    Ended offers are left out: nobody is asked to confirm them.
    """
    counts = (
        Service.objects.filter(network=network)
        .exclude(status=Service.Status.DEFUNCT)
        .aggregate(total=Count("pk"), fresh=Count("pk", filter=~outdated_q(periods, today)))
    )
    return FreshShare(counts["fresh"], counts["total"], periods.outdated_after_days)


def service_get(*, network, service_id: int) -> Service:
    return get_object_or_404(
        Service.objects.select_related("organization"), network=network, pk=service_id
    )


def service_for_edit(*, network, service_id: int) -> Service:
    """The offer with what its edit and detail pages show."""
    return get_object_or_404(
        Service.objects.select_related("organization").prefetch_related(
            "terms", "languages", "translations"
        ),
        network=network,
        pk=service_id,
    )


def service_places(service: Service) -> list[ServiceAtLocation]:
    """The offer's places with their opening times, in the order of the week."""
    return list(
        ServiceAtLocation.objects.filter(service=service)
        .select_related("location")
        .prefetch_related("schedules")
        .order_by("location__name", "pk")
    )


def locations_maintained(
    *, user, network, organisation: Organisation | None = None
) -> QuerySet[Location]:
    locations = Location.objects.filter(network=network).select_related("organization")
    if not maintains_all(user, network):
        locations = locations.filter(
            organization__in=organisations_spoken_for(user=user, network=network)
        )
    if organisation is not None:
        locations = locations.filter(organization=organisation)
    return locations.annotate(offers=Count("service_at_locations")).order_by(
        "organization__name", "name", "pk"
    )


def location_get(*, network, location_id: int) -> Location:
    return get_object_or_404(
        Location.objects.select_related("organization"), network=network, pk=location_id
    )


def service_at_location_get(*, network, link_id: int) -> ServiceAtLocation:
    return get_object_or_404(
        ServiceAtLocation.objects.select_related("service__organization", "location"),
        network=network,
        pk=link_id,
    )


def schedule_get(*, network, schedule_id: int) -> Schedule:
    return get_object_or_404(
        Schedule.objects.select_related(
            "service_at_location__service__organization", "service_at_location__location"
        ),
        network=network,
        pk=schedule_id,
    )
