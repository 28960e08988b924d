"""Published events in bulk for the calendar benchmarks: one-off and recurring, some translated.

Every 10th event repeats weekly (eight times, one date excluded), every 5th has an English
translation, every 50th is cancelled, every 7th is online only; the others have a place.
"""

import datetime
import uuid
import zoneinfo

from knotenpunkt.eventcalendar.models import Event, EventTranslation
from knotenpunkt.members.models import Organisation

from .data import populate

BATCH = 2000
ZONE = "Europe/Berlin"
TOPICS = ["Sprachcafé", "Beratung", "Infoabend", "Workshop", "Elterntreff", "Kulturabend"]
AUDIENCES = ["women", "families", "youth", "refugees", "professionals", "volunteers"]
DESCRIPTION = (
    "Ein Treffen im Netzwerk, offen für alle.\n\n"
    "- Austausch und Beratung\n- Dolmetschen nach Absprache\n- Tee und Gebäck"
)


def organisers(network, count: int = 20) -> list[Organisation]:
    """The network's organisations, made with the member benchmark's data if there are none."""
    if not Organisation.objects.filter(network=network).exists():
        populate(network, start=0, count=count)
    return list(Organisation.objects.filter(network=network).order_by("pk"))


def populate_events(
    network,
    *,
    start: int,
    count: int,
    first_day: datetime.date,
    days: int,
    recurring: bool = True,
) -> list[Event]:
    """Events number start … start+count-1, spread over `days` days from `first_day`
    (without `recurring`, every event has exactly one date)."""
    zone = zoneinfo.ZoneInfo(ZONE)
    hosts = organisers(network)
    events, translations = [], []
    for n in range(start, start + count):
        day = first_day + datetime.timedelta(days=n % days)
        begins = datetime.datetime.combine(day, datetime.time(9 + n % 10, 0), tzinfo=zone)
        online = n % 7 == 3
        event = Event(
            network=network,
            uid=uuid.UUID(int=n + 1, version=4),
            title=f"{TOPICS[n % len(TOPICS)]} Nr. {n:05d}",
            description=DESCRIPTION,
            starts_at=begins,
            ends_at=begins + datetime.timedelta(minutes=90 + 30 * (n % 3)),
            time_zone=ZONE,
            place_name="" if online else f"Bürgerhaus {n % 12 + 1}",
            address="" if online else f"Hauptstraße {n % 200 + 1}, 12345 Musterstadt",
            online_link=f"https://konferenz.bench.example/{n}" if online else "",
            organiser=hosts[n % len(hosts)],
            audiences=[AUDIENCES[n % len(AUDIENCES)], AUDIENCES[(n + 2) % len(AUDIENCES)]],
            languages=["de", "en"] if n % 2 else ["de", "ar", "uk"],
            is_free=n % 4 != 0,
            cost="" if n % 4 != 0 else "5 €",
            step_free=n % 3 != 0,
            childcare=n % 9 == 0,
            status=Event.Status.CANCELLED if n % 50 == 49 else Event.Status.PUBLISHED,
            sequence=1 if n % 50 == 49 else 0,
        )
        if recurring and n % 10 == 0:
            event.rrule = "FREQ=WEEKLY;COUNT=8"
            event.exdates = [(begins + datetime.timedelta(weeks=2)).isoformat()]
        events.append(event)
        if n % 5 == 0:
            translations.append(
                EventTranslation(
                    network=network,
                    event=event,
                    language="en",
                    title=f"Event no. {n:05d}",
                    description="A meeting of the network, open to everyone.",
                )
            )
    Event.objects.bulk_create(events, batch_size=BATCH)
    EventTranslation.objects.bulk_create(translations, batch_size=BATCH)
    return events
