"""Factories of the event calendar; the other calendar tests import them.

`EventFactory(network=...)` makes a published one-off event two weeks ahead, organised by a
member organisation of the same network.
"""

import datetime
import zoneinfo

import factory
from django.utils import timezone

from knotenpunkt.core.tests.factories import NetworkFactory
from knotenpunkt.eventcalendar.models import Event, EventSource, EventTranslation
from knotenpunkt.members.tests.factories import OrganisationFactory


def _in_two_weeks_at_six():
    """18:00 Berlin time, 14 days from now (aware, stored as UTC)."""
    day = timezone.localdate() + datetime.timedelta(days=14)
    local = datetime.datetime.combine(day, datetime.time(18, 0))
    return local.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    network = factory.SubFactory(NetworkFactory)
    organiser = factory.SubFactory(OrganisationFactory, network=factory.SelfAttribute("..network"))
    title = factory.Sequence(lambda n: f"Sprachcafé {n}")
    description = "Wir sprechen **Deutsch** bei Tee und Kuchen."
    original_language = "de"
    starts_at = factory.LazyFunction(_in_two_weeks_at_six)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    time_zone = "Europe/Berlin"
    place_name = "Stadtteilzentrum"
    address = "Hauptstraße 1, 12345 Musterstadt"
    audiences = factory.LazyFunction(lambda: ["everyone"])
    languages = factory.LazyFunction(lambda: ["de"])
    status = Event.Status.PUBLISHED


class EventTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventTranslation

    event = factory.SubFactory(EventFactory)
    network = factory.LazyAttribute(lambda o: o.event.network)
    language = "tr"
    title = factory.LazyAttribute(lambda o: f"{o.event.title} [{o.language}]")
    description = "Çay ve kek eşliğinde **Almanca** konuşuyoruz."


class EventSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSource

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, network=factory.SelfAttribute("..network")
    )
    name = factory.Sequence(lambda n: f"Kalender {n}")
    url = ""


def member_contact_for(organisation, *, email: str = "kontakt@example.org", language="de"):
    """A user with the member-contact role who speaks for `organisation` (an open position)."""
    from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
    from knotenpunkt.members.tests.factories import ContactPositionFactory, PersonFactory

    user = UserFactory(email=email, preferred_language=language)
    grant_role(user, organisation.network, "member_contact")
    person = PersonFactory(network=organisation.network, user=user, email=email)
    ContactPositionFactory(organisation=organisation, person=person)
    return user
