"""What the demo's groups, meetings and wiki are built with: the network's clock, its current
contacts, and a collector that writes each table with a few bulk queries."""

import calendar
import datetime
import random
import uuid
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils import timezone

from knotenpunkt.accounts.models import User
from knotenpunkt.core.dates import network_today
from knotenpunkt.core.models import Network
from knotenpunkt.eventcalendar.models import Event, EventTranslation
from knotenpunkt.knowledge.models import Page, Revision
from knotenpunkt.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    CafeSession,
    Decision,
    Meeting,
    MinutesVersion,
    Registration,
)
from knotenpunkt.members.models import (
    MAIN_CONTACT,
    ContactPosition,
    Membership,
    Organisation,
    Person,
)
from knotenpunkt.workinggroups.models import Goal, GroupMembership, WorkingGroup

BATCH = 500
# Parents before children, so that every row finds the keys of the rows it points to.
SAVE_ORDER = (
    WorkingGroup,
    GroupMembership,
    Goal,
    Meeting,
    AgendaItem,
    CafeSession,
    Registration,
    Attendance,
    MinutesVersion,
    Decision,
    ActionItem,
    Page,
    Revision,
    Event,
    EventTranslation,
)
MEETING_DAYS = (1, 2, 3)  # Tuesday to Thursday


# Dates and times -----------------------------------------------------------------------------


def back_to_meeting_day(day: datetime.date) -> datetime.date:
    while day.weekday() not in MEETING_DAYS:
        day -= datetime.timedelta(days=1)
    return day


def on_to_meeting_day(day: datetime.date) -> datetime.date:
    while day.weekday() not in MEETING_DAYS:
        day += datetime.timedelta(days=1)
    return day


def end_of_month(day: datetime.date, months: int) -> datetime.date:
    """The last day of the month `months` after (or before) the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def german_date(day: datetime.date) -> str:
    return f"{day:%d.%m.%Y}"


# Rows ----------------------------------------------------------------------------------------


def _automatic_dates(model) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]


class Rows:
    """New rows, written per table in SAVE_ORDER; links between new rows are set afterwards."""

    def __init__(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self.new: dict[type, list] = {model: [] for model in SAVE_ORDER}
        self.links: list[tuple[object, str, object]] = []

    def add(self, obj):
        self.new[type(obj)].append(obj)
        return obj

    def link(self, obj, name: str, target) -> None:
        """Set `obj.<name> = target` once both are saved (e.g. a page's current revision)."""
        self.links.append((obj, name, target))

    def save(self) -> None:
        for model, objects in self.new.items():
            if objects:
                _create_keeping_dates(model, objects)
        linked: dict[tuple[type, str], list] = {}
        for obj, name, target in self.links:
            setattr(obj, name, target)
            linked.setdefault((type(obj), name), []).append(obj)
        for (model, name), objects in linked.items():
            model.objects.bulk_update(objects, [name], batch_size=BATCH)
        self._clear()


def _create_keeping_dates(model, objects: list) -> None:
    """bulk_create stamps auto_now(_add) fields with now; the demo's history needs its own."""
    names = _automatic_dates(model)
    wanted = [[getattr(obj, name) for name in names] for obj in objects]
    model.objects.bulk_create(objects, batch_size=BATCH)
    if not names:
        return
    for obj, values in zip(objects, wanted, strict=True):
        for name, value in zip(names, values, strict=True):
            if value is not None:
                setattr(obj, name, value)
    model.objects.bulk_update(objects, names, batch_size=BATCH)


# Contacts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    """Someone who speaks for a member organisation now, and whom they took over from."""

    person: Person
    organisation: Organisation
    is_main: bool
    since: datetime.date
    predecessor: ContactPosition | None


class Directory:
    """The current contacts of the network's current members, in a stable order."""

    def __init__(self, network: Network) -> None:
        current_member = Membership.objects.filter(
            organisation=OuterRef("organisation"), left_on__isnull=True
        )
        positions = (
            ContactPosition.objects.filter(
                network=network, ended_on__isnull=True, person__erased_at__isnull=True
            )
            .filter(Exists(current_member))
            .select_related("person", "organisation", "predecessor__person")
            .order_by("organisation__name", "started_on", "pk")
        )
        self.by_organisation: dict[str, list[Contact]] = {}
        self.organisation_of: dict[int, Organisation] = {}
        for position in positions:
            contact = Contact(
                person=position.person,
                organisation=position.organisation,
                is_main=position.role == MAIN_CONTACT,
                since=position.started_on,
                predecessor=position.predecessor,
            )
            self.by_organisation.setdefault(position.organisation.name, []).append(contact)
            self.organisation_of.setdefault(position.person_id, position.organisation)
        for contacts in self.by_organisation.values():
            contacts.sort(key=lambda contact: not contact.is_main)
        people = {c.person.pk: c.person for cs in self.by_organisation.values() for c in cs}
        self.people: list[Person] = [people[pk] for pk in sorted(people)]

    def main(self, organisation_name: str) -> Contact | None:
        contacts = self.by_organisation.get(organisation_name)
        return contacts[0] if contacts else None

    def person_of(self, user: User | None) -> Person | None:
        if user is None:
            return None
        return next((person for person in self.people if person.user_id == user.pk), None)


# The builder's state ---------------------------------------------------------------------------


@dataclass
class Demo:
    """One network's demo under construction: its seeded chance, its day, its new rows."""

    network: Network
    rng: random.Random
    today: datetime.date
    now: datetime.datetime
    directory: Directory
    authors: dict[str, User]  # "coordinator", "member", "city": the demo logins
    rows: Rows = field(default_factory=Rows)

    @classmethod
    def start(cls, network: Network, rng: random.Random, *, authors: dict) -> "Demo":
        return cls(
            network=network,
            rng=rng,
            today=network_today(network),
            now=timezone.now(),
            directory=Directory(network),
            authors=authors,
        )

    def at(self, day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        """A wall-clock time in the network's time zone (Europe/Berlin), stored in UTC."""
        local = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=self.network.tz)
        return local.astimezone(datetime.UTC)

    def days_ago(self, days: int, hour: int = 10) -> datetime.datetime:
        return self.at(self.today - datetime.timedelta(days=days), hour)

    def until_now(self, value: datetime.datetime) -> datetime.datetime:
        """History cannot happen later than now."""
        return min(value, self.now - datetime.timedelta(minutes=5))

    def between(self, start: datetime.datetime, end: datetime.datetime) -> datetime.datetime:
        seconds = max(0, int((end - start).total_seconds()))
        return start + datetime.timedelta(seconds=self.rng.randint(0, seconds))

    def uid(self) -> uuid.UUID:
        """Calendar UIDs from the seeded chance, so that every load makes the same ones."""
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def author(self, person: Person | None) -> User | None:
        """Who typed it in: the person's own login, else the coordinator on their behalf."""
        if person is not None and person.user_id:
            return next(
                (user for user in self.authors.values() if user.pk == person.user_id),
                self.authors.get("coordinator"),
            )
        return self.authors.get("coordinator")
