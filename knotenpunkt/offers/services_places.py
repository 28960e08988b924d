"""Writes of where and when offers take place: an organisation's places, which offer is held
at which place (`ServiceAtLocation`), its weekly opening times there (`Schedule`), and the
network's freshness periods (`DirectorySettings`).

A place belongs to one organisation and may serve several of its offers; an offer is only
linked to places of its own organisation.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from knotenpunkt.core.audit import field_changes
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import all_checks, check_length, check_lengths, check_required

from .audit import OffersAuditKind as Kind
from .models import DirectorySettings, Location, Schedule, Service, ServiceAtLocation
from .validation import check_opening_hours, check_period_days, check_periods, check_valid_range

MANAGE = "offers.manage"
LOCATION_TEXTS = (
    "name",
    "address_1",
    "postal_code",
    "city",
    "district",
    "accessibility_description",
    "transportation",
)


def _location_checked(values: dict) -> dict:
    for name in LOCATION_TEXTS:
        values[name] = (values[name] or "").strip()
    with all_checks() as check:
        check(check_required, values["name"], field="name")
        check(check_lengths, Location, {name: values[name] for name in LOCATION_TEXTS})
    values["wheelchair_accessible"] = bool(values["wheelchair_accessible"])
    return values


@transaction.atomic
def location_create(
    *,
    organization,
    actor,
    name: str,
    address_1: str = "",
    postal_code: str = "",
    city: str = "",
    district: str = "",
    wheelchair_accessible: bool = False,
    accessibility_description: str = "",
    transportation: str = "",
) -> Location:
    """Add a place where `organization` holds offers."""
    network = organization.network
    require_actor(actor, network, MANAGE, organization)
    values = _location_checked(
        {
            "name": name,
            "address_1": address_1,
            "postal_code": postal_code,
            "city": city,
            "district": district,
            "wheelchair_accessible": wheelchair_accessible,
            "accessibility_description": accessibility_description,
            "transportation": transportation,
        }
    )
    location = Location.objects.create(network=network, organization=organization, **values)
    audit_record(
        network=network,
        actor=actor,
        action=Kind.PLACE_CREATE,
        target=location,
        context=organization,
    )
    return location


@transaction.atomic
def location_update(
    *,
    location: Location,
    actor,
    name: str,
    address_1: str = "",
    postal_code: str = "",
    city: str = "",
    district: str = "",
    wheelchair_accessible: bool = False,
    accessibility_description: str = "",
    transportation: str = "",
) -> Location:
    network = location.network
    require_actor(actor, network, MANAGE, location)
    values = _location_checked(
        {
            "name": name,
            "address_1": address_1,
            "postal_code": postal_code,
            "city": city,
            "district": district,
            "wheelchair_accessible": wheelchair_accessible,
            "accessibility_description": accessibility_description,
            "transportation": transportation,
        }
    )
    changes = field_changes(location, values)
    if not changes:
        return location
    for key, (_before, after) in changes.items():
        setattr(location, key, after)
    location.save()
    audit_record(
        network=network,
        actor=actor,
        action=Kind.PLACE_UPDATE,
        target=location,
        context=location.organization,
        summary=", ".join(changes),
        changes=changes,
    )
    return location


@transaction.atomic
def location_delete(*, location: Location, actor) -> None:
    """Delete a place; its offers stay, without this place and its opening times."""
    network = location.network
    require_actor(actor, network, MANAGE, location)
    audit_record(
        network=network,
        actor=actor,
        action=Kind.PLACE_DELETE,
        target=location,
        context=location.organization,
    )
    location.delete()


def _link(service: Service, location: Location, actor) -> ServiceAtLocation:
    """The offer's pairing with the place, made on first use."""
    if location.organization_id != service.organization_id or location.network_id != (
        service.network_id
    ):
        raise DomainError(_("Choose a place of the offer's organisation."), field="location")
    link, created = ServiceAtLocation.objects.get_or_create(
        network=service.network, service=service, location=location
    )
    if created:
        audit_record(
            network=service.network,
            actor=actor,
            action=Kind.OFFER_PLACE_ADD,
            target=service,
            context=location,
        )
    return link


@transaction.atomic
def service_location_add(*, service: Service, location: Location, actor) -> ServiceAtLocation:
    """Hold the offer at one of its organisation's places (nothing changes if it is already)."""
    require_actor(actor, service.network, MANAGE, service)
    return _link(service, location, actor)


@transaction.atomic
def service_location_remove(*, service_at_location: ServiceAtLocation, actor) -> None:
    """The offer is no longer held at this place (its opening times there go with it)."""
    service = service_at_location.service
    require_actor(actor, service.network, MANAGE, service)
    audit_record(
        network=service.network,
        actor=actor,
        action=Kind.OFFER_PLACE_REMOVE,
        target=service,
        context=service_at_location.location,
    )
    service_at_location.delete()


@transaction.atomic
def schedule_add(
    *,
    service: Service,
    location: Location,
    actor,
    byday: str,
    opens_at,
    closes_at,
    valid_from=None,
    valid_to=None,
    description: str = "",
) -> Schedule:
    """A weekly opening time of the offer at a place (linking them if they were not yet)."""
    network = service.network
    require_actor(actor, network, MANAGE, service)
    description = (description or "").strip()
    with all_checks() as check:
        if byday not in Schedule.Weekday.values:
            check.refuse(_("Choose a weekday."), field="byday")
        check(check_opening_hours, opens_at, closes_at, field="closes_at")
        check(check_valid_range, valid_from, valid_to, field="valid_to")
        check(
            check_length,
            description,
            field="description",
            max_length=Schedule._meta.get_field("description").max_length,
        )
    link = _link(service, location, actor)
    schedule = Schedule.objects.create(
        network=network,
        service_at_location=link,
        byday=byday,
        opens_at=opens_at,
        closes_at=closes_at,
        valid_from=valid_from,
        valid_to=valid_to,
        description=description,
    )
    audit_record(
        network=network,
        actor=actor,
        action=Kind.OPENING_ADD,
        target=service,
        context=location,
        summary=str(schedule),
    )
    return schedule


@transaction.atomic
def schedule_delete(*, schedule: Schedule, actor) -> None:
    link = schedule.service_at_location
    require_actor(actor, schedule.network, MANAGE, link.service)
    audit_record(
        network=schedule.network,
        actor=actor,
        action=Kind.OPENING_REMOVE,
        target=link.service,
        context=link.location,
        summary=str(schedule),
    )
    schedule.delete()


@transaction.atomic
def directory_settings_update(
    *, network, actor, outdated_after_days: int, hidden_after_days: int
) -> DirectorySettings:
    """The network's freshness periods: after how many days an offer is marked as possibly
    outdated (and its owners reminded), after how many it leaves the public directory."""
    require_actor(actor, network, "offers.coordinate")
    with all_checks() as check:
        check(check_period_days, outdated_after_days, field="outdated_after_days")
        check(check_period_days, hidden_after_days, field="hidden_after_days")
        if not check.failed("outdated_after_days", "hidden_after_days"):
            check(check_periods, outdated_after_days, hidden_after_days, field="hidden_after_days")
    row, _created = DirectorySettings.objects.get_or_create(network=network)
    values = {"outdated_after_days": outdated_after_days, "hidden_after_days": hidden_after_days}
    changes = field_changes(row, values)
    if not changes:
        return row
    for key, (_before, after) in changes.items():
        setattr(row, key, after)
    row.save(update_fields=list(changes))
    audit_record(
        network=network,
        actor=actor,
        action=Kind.PERIODS_UPDATE,
        target=row,
        summary=", ".join(changes),
        changes=changes,
    )
    return row
