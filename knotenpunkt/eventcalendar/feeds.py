"""The calendar as iCalendar (RFC 5545) and RSS 2.0, for other calendars and feed readers.

A recurring event stays one VEVENT with its RRULE and EXDATEs in its own time zone (with a
VTIMEZONE), so subscribers expand it themselves; UID and SEQUENCE let them update in place.
"""

import datetime
import functools
import json
import zoneinfo

from django.utils import translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone, vCategory, vDDDTypes, vInt, vRecur, vText, vUri
from icalendar import Event as VEvent

from knotenpunkt.core.formatting import format_local_date, format_local_datetime
from knotenpunkt.core.text import render_markdown
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse

from .models import AUDIENCE_LABELS, Event
from .selectors import localised

PRODID = "-//Knotenpunkt//Event calendar//EN"
# Reversing one URL per event is slow for thousands of events: reverse once, then substitute.
_ID_PLACEHOLDER = 987654321


def event_uid(event, network) -> str:
    return f"{event.uid}@{network.slug}"


class EventLinks:
    """Absolute addresses of public event pages in one language."""

    def __init__(self, network, language: str):
        path = network_reverse(
            network, "eventcalendar:event", lang=language, event_id=_ID_PLACEHOLDER
        )
        self.pattern = absolute_url(path)

    def __call__(self, event) -> str:
        return self.pattern.replace(str(_ID_PLACEHOLDER), str(event.pk), 1)


def _local(value: datetime.datetime, zone) -> datetime.datetime:
    return value.astimezone(zone)


def _exdates(event, zone) -> list[datetime.datetime]:
    result = []
    for value in event.exdates or []:
        excluded = datetime.datetime.fromisoformat(value)
        if excluded.tzinfo is None:
            excluded = excluded.replace(tzinfo=zone)
        result.append(excluded.astimezone(zone))
    return result


def _rrule(event, zone) -> vRecur:
    """The stored rule; a local UNTIL becomes UTC, as RFC 5545 requires next to a DTSTART TZID.

    dateutil reads a date-only UNTIL as local midnight, so that is what subscribers get too.
    """
    recur = vRecur.from_ical(event.rrule)
    until = recur.get("UNTIL")
    if until and not event.all_day:
        value = until[0]
        if not isinstance(value, datetime.datetime):
            value = datetime.datetime.combine(value, datetime.time(0, 0))
        if value.tzinfo is None:
            value = value.replace(tzinfo=zone)
        recur["UNTIL"] = [value.astimezone(datetime.UTC)]
    return recur


def _all_day_dates(event, zone) -> tuple[datetime.date, datetime.date]:
    """DTSTART and the exclusive DTEND of an all-day event, as local dates."""
    first = _local(event.starts_at, zone).date()
    last_moment = _local(event.ends_at, zone)
    last = last_moment.date()
    if last_moment.time() != datetime.time(0, 0) or last <= first:
        last += datetime.timedelta(days=1)
    return first, last


def _location(event) -> str:
    return ", ".join(part for part in (event.place_name, event.address) if part)


def _utc(value: datetime.datetime) -> vDDDTypes:
    return vDDDTypes(value.astimezone(datetime.UTC))


def vevent(event, *, network, language: str, link: str) -> VEvent:
    """One event (all its occurrences) as a VEVENT in its own time zone.

    Values are set as icalendar types directly: `Component.add` infers the type of every
    value again, which is a third of the cost of a feed with thousands of events.
    """
    zone = zoneinfo.ZoneInfo(event.time_zone)
    text = localised(event, language, network)
    component = VEvent()
    component["UID"] = vText(event_uid(event, network))
    component["SEQUENCE"] = vInt(event.sequence)
    component["DTSTAMP"] = _utc(event.updated_at)
    component["LAST-MODIFIED"] = _utc(event.updated_at)
    component["CREATED"] = _utc(event.created_at)
    if event.all_day:
        first, after = _all_day_dates(event, zone)
        component["DTSTART"] = vDDDTypes(first)
        component["DTEND"] = vDDDTypes(after)
    else:
        component["DTSTART"] = vDDDTypes(_local(event.starts_at, zone))
        component["DTEND"] = vDDDTypes(_local(event.ends_at, zone))
    if event.rrule:
        component["RRULE"] = _rrule(event, zone)
        excluded = _exdates(event, zone)
        if excluded:
            if event.all_day:
                excluded = [value.date() for value in excluded]
            component.add("exdate", excluded)  # add() sets VALUE=DATE for dates
    component["SUMMARY"] = vText(text.title)
    description = "\n\n".join(part for part in (text.description, event.online_link) if part)
    if description:
        component["DESCRIPTION"] = vText(description)
    location = _location(event) or event.online_link
    if location:
        component["LOCATION"] = vText(location)
    component["URL"] = vUri(link)
    if event.audiences:
        component["CATEGORIES"] = vCategory(
            [str(AUDIENCE_LABELS.get(a, a)) for a in event.audiences]
        )
    cancelled = event.status == Event.Status.CANCELLED
    component["STATUS"] = vText("CANCELLED" if cancelled else "CONFIRMED")
    return component


@functools.lru_cache(maxsize=64)
def _vtimezone(tzid: str) -> Timezone | None:
    """The VTIMEZONE of a zone, derived from tzdata once per process (None if unknown).

    Feeds only serialise it, so one component object serves every calendar.
    """
    try:
        return Timezone.from_tzid(tzid)
    except ValueError:
        return None


def calendar(events, *, network, language: str, name: str) -> bytes:
    """A subscribable calendar (METHOD:PUBLISH) with a VTIMEZONE for every zone used.

    The zones are known from the events (all-day ones use dates, rules end in UTC), so the
    calendar is not walked property by property to find them (`add_missing_timezones`).
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", network.time_zone)
    links = EventLinks(network, language)
    components, zones = [], set()
    for event in events:
        components.append(vevent(event, network=network, language=language, link=links(event)))
        if not event.all_day:
            zones.add(event.time_zone)
    for tzid in sorted(zones):
        timezone_component = _vtimezone(tzid)
        if timezone_component is not None:
            cal.add_component(timezone_component)
    cal.subcomponents.extend(components)
    return cal.to_ical()


def _when(starts_at: datetime.datetime, network, all_day: bool) -> str:
    if all_day:
        return format_local_date(starts_at, "long", tz=network.tz)
    return format_local_datetime(starts_at, "long", tz=network.tz)


def rss(items, *, network, language: str, title: str, link: str, feed_url: str) -> bytes:
    """RSS 2.0 of upcoming occurrences: one item per date, cancelled ones marked in the title."""
    with translation.override(language):
        feed = Rss201rev2Feed(
            title=title,
            link=link,
            description=_("Upcoming events of %(network)s") % {"network": network.name},
            language=language,
            feed_url=feed_url,
        )
        links = EventLinks(network, language)
        for item in items:
            event = item.event
            text = localised(event, language, network)
            heading = f"{_when(item.starts_at, network, event.all_day)}: {text.title}"
            if event.status == Event.Status.CANCELLED:
                heading = _("Cancelled: %(title)s") % {"title": heading}
            feed.add_item(
                title=heading,
                link=links(event),
                description=render_markdown(text.description),
                unique_id=item.key,
                unique_id_is_permalink=False,
                pubdate=event.updated_at,
                categories=[str(AUDIENCE_LABELS.get(a, a)) for a in event.audiences or []],
            )
        return feed.writeString("utf-8").encode()


# Inside <script>, only these characters can end the element or start markup.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _schema_date(value: datetime.datetime, event) -> str:
    local = _local(value, zoneinfo.ZoneInfo(event.time_zone))
    return local.date().isoformat() if event.all_day else local.isoformat()


def event_jsonld(occurrence, *, network, text, link: str) -> str:
    """schema.org Event of one occurrence, escaped for a <script type="application/ld+json">."""
    event = occurrence.event
    cancelled = event.status == Event.Status.CANCELLED
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": text.title,
        "description": text.description,
        "startDate": _schema_date(occurrence.starts_at, event),
        "endDate": _schema_date(occurrence.ends_at, event),
        "eventStatus": "https://schema.org/"
        + ("EventCancelled" if cancelled else "EventScheduled"),
        "url": link,
        "inLanguage": event.languages or [text.language],
        "isAccessibleForFree": event.is_free,
    }
    places = []
    if event.place_name or event.address:
        places.append({"@type": "Place", "name": event.place_name, "address": event.address})
    if event.online_link:
        places.append({"@type": "VirtualLocation", "url": event.online_link})
    if places:
        data["location"] = places[0] if len(places) == 1 else places
        mode = "Mixed" if len(places) == 2 else "Online" if event.online_link else "Offline"
        data["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
    if event.organiser:
        data["organizer"] = {"@type": "Organization", "name": event.organiser.name}
        if event.organiser.website:
            data["organizer"]["url"] = event.organiser.website
    if event.image:
        data["image"] = absolute_url(event.image.url)
    if not event.is_free and event.cost:
        data["offers"] = {"@type": "Offer", "description": event.cost, "url": link}
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
