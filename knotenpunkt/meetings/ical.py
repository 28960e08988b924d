"""iCalendar (RFC 5545/5546) for meetings and café sessions: invitations, cancellations, feeds.

A meeting and each café session are one calendar event each; the UID stays the same for
their whole life and SEQUENCE grows with every change, so that calendar programs update
or remove the event they already hold instead of adding a second one.
"""

import datetime

from django.conf import settings
from icalendar import Calendar, Event, vCalAddress, vText

from knotenpunkt.core.urls_helpers import absolute_url, network_reverse

from .models import CafeSession, Meeting

PRODID = "-//Knotenpunkt//Meetings//EN"
REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"


def event_uid(item: Meeting | CafeSession) -> str:
    kind = "session" if isinstance(item, CafeSession) else "meeting"
    return f"{kind}-{item.uid}@knotenpunkt"


def _meeting_of(item: Meeting | CafeSession) -> Meeting:
    return item.meeting if isinstance(item, CafeSession) else item


def item_url(item: Meeting | CafeSession, *, language: str | None = None) -> str:
    meeting = _meeting_of(item)
    if isinstance(item, CafeSession):
        path = network_reverse(
            meeting.network, "meetings:session", lang=language, session_id=item.pk
        )
    else:
        path = network_reverse(
            meeting.network, "meetings:detail", lang=language, meeting_id=item.pk
        )
    return absolute_url(path)


def _location(item: Meeting | CafeSession) -> str:
    meeting = _meeting_of(item)
    parts = [getattr(item, "room", ""), meeting.place]
    return ", ".join(part for part in parts if part)


def _summary(item: Meeting | CafeSession) -> str:
    if isinstance(item, CafeSession):
        return f"{item.title} ({item.meeting.title})"
    return item.title


def _organizer(network) -> vCalAddress:
    organizer = vCalAddress(f"mailto:{network.contact_email or settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText(network.name)
    return organizer


def _utc(value: datetime.datetime) -> datetime.datetime:
    return value.astimezone(datetime.UTC)


def event(
    item: Meeting | CafeSession, *, attendee=None, cancelled: bool = False, language=None
) -> Event:
    """One VEVENT in UTC; `attendee` (a Person) makes it an invitation for that person."""
    meeting = _meeting_of(item)
    url = item_url(item, language=language)
    vevent = Event()
    vevent.add("uid", event_uid(item))
    vevent.add("sequence", item.sequence)
    vevent.add("dtstamp", _utc(datetime.datetime.now(datetime.UTC)))
    vevent.add("dtstart", _utc(item.starts_at))
    vevent.add("dtend", _utc(item.ends_at))
    vevent.add("summary", _summary(item))
    location = _location(item)
    if location:
        vevent.add("location", location)
    description = [line for line in (meeting.online_link, url) if line]
    vevent.add("description", "\n".join(description))
    vevent.add("url", url)
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    vevent.add("organizer", _organizer(meeting.network))
    if attendee is not None and attendee.email:
        address = vCalAddress(f"mailto:{attendee.email}")
        address.params["cn"] = vText(attendee.full_name)
        address.params["role"] = "REQ-PARTICIPANT"
        address.params["partstat"] = "DECLINED" if cancelled else "ACCEPTED"
        address.params["rsvp"] = "FALSE"
        vevent.add("attendee", address)
    return vevent


def _calendar(method: str | None, name: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def invitation(item: Meeting | CafeSession, *, person, method: str, language=None) -> str:
    """An iTIP message (METHOD:REQUEST or CANCEL) about one meeting or session for one person."""
    calendar = _calendar(method)
    calendar.add_component(
        event(item, attendee=person, cancelled=method == CANCEL, language=language)
    )
    return calendar.to_ical().decode()


def feed(items, *, name: str, language=None) -> bytes:
    """A subscribable calendar of meetings and sessions (cancelled ones stay, marked cancelled)."""
    calendar = _calendar(PUBLISH, name)
    for item in items:
        cancelled = _meeting_of(item).is_cancelled or item.is_cancelled
        calendar.add_component(event(item, cancelled=cancelled, language=language))
    return calendar.to_ical()
