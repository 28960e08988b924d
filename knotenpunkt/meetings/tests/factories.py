"""Factories of the meetings app. Children take the network from their parent.

The `isolation_*` makers give test_isolation.py one object per URL keyword of this app.
"""

import datetime

import factory
from django.utils import timezone

from knotenpunkt.core.tests.factories import NetworkFactory
from knotenpunkt.meetings.models import (
    ActionItem,
    AgendaItem,
    CafeSession,
    Decision,
    Meeting,
    MinutesVersion,
    PersonalFeedToken,
    Registration,
)
from knotenpunkt.members.tests.factories import PersonFactory


def in_days(days: int, hour: int = 17) -> datetime.datetime:
    """An aware time some days from now, at a fixed hour (UTC)."""
    day = timezone.now().date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    network = factory.SubFactory(NetworkFactory)
    kind = Meeting.Kind.PLENARY
    group = None
    title = factory.Sequence(lambda n: f"Plenum Nummer {n}")
    starts_at = factory.LazyFunction(lambda: in_days(30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))
    place = "Rathaus, Saal 1"
    capacity = None
    registration_deadline = None


class CafeSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CafeSession

    meeting = factory.SubFactory(MeetingFactory)
    network = factory.LazyAttribute(lambda o: o.meeting.network)
    kind = CafeSession.Kind.TOPIC_PANEL
    title = factory.Sequence(lambda n: f"Thementisch {n}")
    room = "Raum 2"
    starts_at = factory.LazyAttribute(lambda o: o.meeting.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.meeting.starts_at + datetime.timedelta(hours=1))
    capacity = None


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    network = factory.LazyAttribute(lambda o: o.meeting.network)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Tagesordnungspunkt {n}")


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    network = factory.LazyAttribute(lambda o: o.meeting.network)
    session = None
    person = factory.SubFactory(PersonFactory, network=factory.SelfAttribute("..network"))
    status = Registration.Status.CONFIRMED


class MinutesVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MinutesVersion

    meeting = factory.SubFactory(MeetingFactory)
    network = factory.LazyAttribute(lambda o: o.meeting.network)
    number = 1
    text = "## Protokoll\n\nAlle waren **da**."


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    network = factory.LazyAttribute(lambda o: o.meeting.network)
    group = factory.LazyAttribute(lambda o: o.meeting.group)
    text = factory.Sequence(lambda n: f"Beschluss Nummer {n}")
    decided_on = datetime.date(2026, 3, 1)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    network = factory.LazyAttribute(lambda o: o.meeting.network)
    text = factory.Sequence(lambda n: f"Aufgabe Nummer {n}")
    owner = factory.SubFactory(PersonFactory, network=factory.SelfAttribute("..network"))
    due_on = datetime.date(2026, 12, 31)


class PersonalFeedTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonalFeedToken

    person = factory.SubFactory(PersonFactory)
    network = factory.LazyAttribute(lambda o: o.person.network)


# For knotenpunkt/tests/test_isolation.py: URL keyword → an object of that kind in a network.


def isolation_meeting_id(network) -> int:
    return MeetingFactory(network=network, capacity=10).pk


def isolation_session_id(network) -> int:
    return CafeSessionFactory(meeting=MeetingFactory(network=network)).pk


def isolation_agenda_item_id(network) -> int:
    return AgendaItemFactory(meeting=MeetingFactory(network=network)).pk


def isolation_registration_id(network) -> int:
    return RegistrationFactory(meeting=MeetingFactory(network=network)).pk


def isolation_version_id(network) -> int:
    return MinutesVersionFactory(meeting=MeetingFactory(network=network)).pk


def isolation_action_item_id(network) -> int:
    return ActionItemFactory(meeting=MeetingFactory(network=network)).pk
