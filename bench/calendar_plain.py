"""The baseline of the feed benchmark: the same events as `events.ics`, written the plain way.

One query for the rows, icalendar's documented API (`Component.add`) for every property the
feed has (UID, SEQUENCE, DTSTAMP, LAST-MODIFIED, CREATED, DTSTART/DTEND with TZID,
RRULE/EXDATE, SUMMARY, DESCRIPTION, LOCATION, URL, CATEGORIES, STATUS) and one VTIMEZONE
from tzdata. No translations (the demo texts are in the default language), no filters.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django_scopes import scopes_disabled
from icalendar import Calendar, Event, Timezone, vRecur

from knotenpunkt.eventcalendar.models import AUDIENCE_LABELS
from knotenpunkt.eventcalendar.models import Event as EventModel

PAST_DAYS = 90  # what views_feeds.ICS_PAST_DAYS keeps too
FIELDS = (
    "pk",
    "uid",
    "sequence",
    "created_at",
    "updated_at",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "time_zone",
    "rrule",
    "exdates",
    "place_name",
    "address",
    "online_link",
    "audiences",
    "status",
)


def _rows(network) -> list[dict]:
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    with scopes_disabled():
        return list(
            EventModel.objects.filter(
                network=network,
                status__in=(EventModel.Status.PUBLISHED, EventModel.Status.CANCELLED),
            )
            .filter(Q(rrule="", ends_at__gte=since) | ~Q(rrule=""))
            .order_by("starts_at", "pk")
            .values(*FIELDS)
        )


def _vevent(row: dict, *, slug: str, base: str, labels: dict) -> Event:
    zone = zoneinfo.ZoneInfo(row["time_zone"])
    item = Event()
    item.add("uid", f"{row['uid']}@{slug}")
    item.add("sequence", row["sequence"])
    item.add("dtstamp", row["updated_at"])
    item.add("last-modified", row["updated_at"])
    item.add("created", row["created_at"])
    item.add("dtstart", row["starts_at"].astimezone(zone))
    item.add("dtend", row["ends_at"].astimezone(zone))
    if row["rrule"]:
        item.add("rrule", vRecur.from_ical(row["rrule"]))
        if row["exdates"]:
            item.add(
                "exdate",
                [datetime.datetime.fromisoformat(v).astimezone(zone) for v in row["exdates"]],
            )
    item.add("summary", row["title"])
    item.add("description", "\n\n".join(p for p in (row["description"], row["online_link"]) if p))
    place = ", ".join(p for p in (row["place_name"], row["address"]) if p)
    item.add("location", place or row["online_link"])
    item.add("url", f"{base}/de/{slug}/calendar/events/{row['pk']}/")
    if row["audiences"]:
        item.add("categories", [labels.get(key, key) for key in row["audiences"]])
    cancelled = row["status"] == EventModel.Status.CANCELLED
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return item


def plain_ics(network) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Knotenpunkt//Benchmark//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", network.name)
    calendar.add("x-wr-timezone", network.time_zone)
    calendar.add_component(Timezone.from_tzid(network.time_zone))
    base = settings.KNOTENPUNKT_BASE_URL.rstrip("/")
    with translation.override(network.default_language):
        labels = {key: str(label) for key, label in AUDIENCE_LABELS.items()}
    for row in _rows(network):
        calendar.add_component(_vevent(row, slug=network.slug, base=base, labels=labels))
    return calendar.to_ical()
