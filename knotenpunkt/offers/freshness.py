"""When an offer counts as fresh, possibly outdated or hidden: the one place that says so.

An owner confirms an offer by setting its `assured_date` (on the offer's page in the workspace
or through the reminder mail's link). The network decides after how many days without a
confirmation an offer is shown as "may be outdated" and after how many it leaves the public
directory (`DirectorySettings`, defaults 180 and 365). The directory, the offer page, the API,
the reminders and the coordinator's share of fresh offers all ask this module.
"""

import datetime
from dataclasses import dataclass
from enum import Enum

from django.db.models import Q, QuerySet

from knotenpunkt.core.dates import network_today

from .models import HIDDEN_AFTER_DAYS, OUTDATED_AFTER_DAYS, DirectorySettings, Service


class Freshness(Enum):
    FRESH = "fresh"
    OUTDATED = "outdated"  # still listed, marked "may be outdated"
    HIDDEN = "hidden"  # no longer in the public directory


@dataclass(frozen=True)
class Periods:
    outdated_after_days: int = OUTDATED_AFTER_DAYS
    hidden_after_days: int = HIDDEN_AFTER_DAYS

    def outdated_before(self, today: datetime.date) -> datetime.date:
        """An offer confirmed before this day is possibly outdated."""
        return today - datetime.timedelta(days=self.outdated_after_days)

    def hidden_before(self, today: datetime.date) -> datetime.date:
        """An offer confirmed before this day is hidden from the public."""
        return today - datetime.timedelta(days=self.hidden_after_days)


def periods_of(network) -> Periods:
    """The network's periods; the defaults while it has not set its own."""
    row = DirectorySettings.objects.filter(network=network).first()
    if row is None:
        return Periods()
    return Periods(row.outdated_after_days, row.hidden_after_days)


def freshness_of(service: Service, periods: Periods, today: datetime.date) -> Freshness:
    if service.assured_date < periods.hidden_before(today):
        return Freshness.HIDDEN
    if service.assured_date < periods.outdated_before(today):
        return Freshness.OUTDATED
    return Freshness.FRESH


def publicly_listed(network, *, today: datetime.date | None = None) -> QuerySet[Service]:
    """The offers a visitor may find: active or temporarily closed, confirmed recently enough."""
    today = today or network_today(network)
    periods = periods_of(network)
    return Service.objects.filter(
        network=network,
        status__in=[Service.Status.ACTIVE, Service.Status.TEMPORARILY_CLOSED],
        assured_date__gte=periods.hidden_before(today),
    )


def outdated_q(periods: Periods, today: datetime.date) -> Q:
    """Filter for offers past the first period (outdated or hidden)."""
    return Q(assured_date__lt=periods.outdated_before(today))
