"""Reads of the public calendar: published occurrences of a period, in the visitor's language.

One query loads the candidate events (organiser joined), one more their translations; recurring
events are expanded in Python, so the number of queries does not grow with the number of events.
"""

import datetime
from dataclasses import dataclass, fields

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.shortcuts import get_object_or_404

from .models import Event, EventTranslation
from .recurrence import Occurrence, occurrences

PUBLIC_STATUSES = (Event.Status.PUBLISHED, Event.Status.CANCELLED)
ACCESSIBILITY = ("step_free", "sign_language", "childcare")


@dataclass(frozen=True)
class EventFilters:
    """What a visitor narrowed the calendar to; the empty value of a field means "any"."""

    audience: str = ""
    language: str = ""
    organiser: int | None = None
    free: bool = False
    step_free: bool = False
    sign_language: bool = False
    childcare: bool = False
    query: str = ""

    @classmethod
    def from_mapping(cls, values) -> "EventFilters":
        """From a form's cleaned_data (unknown keys ignored, None treated as empty)."""
        known = {field.name for field in fields(cls)}
        given = {key: value for key, value in (values or {}).items() if key in known}
        defaults = cls()
        return cls(
            **{
                key: (getattr(defaults, key) if value is None else value)
                for key, value in given.items()
            }
        )

    @property
    def active(self) -> bool:
        return self != EventFilters()


def _as_filters(filters) -> EventFilters:
    if filters is None:
        return EventFilters()
    if isinstance(filters, EventFilters):
        return filters
    return EventFilters.from_mapping(filters)


def public_events(*, network, filters=None):
    """Published and cancelled events of the network matching the filters the database can check.

    Audience and language are lists in a JSON field (no portable containment lookup on
    SQLite), so `matches_lists` checks them in Python.
    """
    filters = _as_filters(filters)
    events = Event.objects.filter(network=network, status__in=PUBLIC_STATUSES).select_related(
        "organiser"
    )
    if filters.organiser:
        events = events.filter(organiser_id=filters.organiser)
    if filters.free:
        events = events.filter(is_free=True)
    for flag in ACCESSIBILITY:
        if getattr(filters, flag):
            events = events.filter(**{flag: True})
    query = filters.query.strip()
    if query:
        translated = EventTranslation.objects.filter(event=OuterRef("pk")).filter(
            Q(title__icontains=query) | Q(description__icontains=query)
        )
        events = events.filter(
            Q(title__icontains=query) | Q(description__icontains=query) | Exists(translated)
        )
    return events


def with_translations(events) -> list[Event]:
    """The events of a queryset, with `localised_texts` (language → translation): two queries.

    prefetch_related builds a queryset per event, which dominates a feed of thousands.
    """
    items = list(events)
    texts: dict[int, dict[str, EventTranslation]] = {item.pk: {} for item in items}
    if items:
        rows = EventTranslation.objects.filter(event__in=events.values("pk"))
        for row in rows:
            texts[row.event_id][row.language] = row
    for item in items:
        item.localised_texts = texts[item.pk]
    return items


def matches_lists(event, filters: EventFilters) -> bool:
    if filters.audience and filters.audience not in (event.audiences or []):
        return False
    return not (filters.language and filters.language not in (event.languages or []))


def _overlapping(*, network, start, end, filters: EventFilters):
    # A single event must end after `start`; a recurring one may repeat into the period.
    return public_events(network=network, filters=filters).filter(
        Q(rrule="", ends_at__gt=start) | ~Q(rrule=""), starts_at__lt=end
    )


def _in_order(events, *, filters: EventFilters, start, end) -> list[Occurrence]:
    """The occurrences in [start, end) of the events that match the list filters, by start."""
    result = []
    for event in events:
        if matches_lists(event, filters):
            result.extend(occurrences(event, start=start, end=end))
    result.sort(key=lambda item: (item.starts_at, item.event.title, item.event.pk))
    return result


def published_occurrences(*, network, start, end, filters=None) -> list[Occurrence]:
    """Occurrences of public events overlapping [start, end), by start; cancelled ones included."""
    filters = _as_filters(filters)
    events = with_translations(_overlapping(network=network, start=start, end=end, filters=filters))
    return _in_order(events, filters=filters, start=start, end=end)


@dataclass(frozen=True)
class EventTiming:
    """The few columns that place an event's dates and sort them (no model instance)."""

    pk: int
    uid: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    rrule: str
    exdates: list
    audiences: list
    languages: list


TIMING_COLUMNS = [field.name for field in fields(EventTiming)]


def published_timeline(*, network, start, end, filters=None) -> list[Occurrence]:
    """As `published_occurrences`, but each occurrence carries an `EventTiming`, not the event.

    For the list, which pages through a year of dates of which it shows 25: loading every
    event whole cost most of the page. `with_full_events` then loads the shown page's events.
    """
    filters = _as_filters(filters)
    rows = _overlapping(network=network, start=start, end=end, filters=filters).values_list(
        *TIMING_COLUMNS
    )
    return _in_order((EventTiming(*row) for row in rows), filters=filters, start=start, end=end)


def with_full_events(items: list[Occurrence]) -> list[Occurrence]:
    """The occurrences with their events loaded whole (organiser, translations): two queries."""
    ids = {item.event.pk for item in items}
    events = Event.objects.filter(pk__in=ids).select_related("organiser")
    by_pk = {event.pk: event for event in with_translations(events)}
    return [Occurrence(by_pk[item.event.pk], item.starts_at, item.ends_at) for item in items]


# The network's home page looks this far ahead for its next events.
HOME_DAYS = 366


def next_public_occurrences(*, network, now: datetime.datetime, limit: int = 3):
    """The next dates of published events (cancelled ones left out), soonest first, with their
    events loaded whole: for the network's home page, in three queries."""
    rows = (
        _overlapping(
            network=network,
            start=now,
            end=now + datetime.timedelta(days=HOME_DAYS),
            filters=EventFilters(),
        )
        .filter(status=Event.Status.PUBLISHED)
        .values_list(*TIMING_COLUMNS)
    )
    items = _in_order(
        (EventTiming(*row) for row in rows),
        filters=EventFilters(),
        start=now,
        end=now + datetime.timedelta(days=HOME_DAYS),
    )
    return with_full_events(items[:limit])


def public_event_get(*, network, event_id: int) -> Event:
    """A published or cancelled event; anything else is not public (404)."""
    return get_object_or_404(
        Event.objects.select_related("organiser").prefetch_related("translations"),
        network=network,
        pk=event_id,
        status__in=PUBLIC_STATUSES,
    )


def next_dates(event, *, now: datetime.datetime, limit: int = 10) -> list[Occurrence]:
    """The coming occurrences of an event (the one running now included)."""
    return occurrences(event, start=now)[:limit]


def public_events_last_change(*, network) -> tuple[datetime.datetime | None, int]:
    """When any public event of the network last changed, and how many there are (for caching)."""
    summary = Event.objects.filter(network=network, status__in=PUBLIC_STATUSES).aggregate(
        latest=Max("updated_at"), count=Count("pk")
    )
    return summary["latest"], summary["count"]


@dataclass(frozen=True)
class LocalisedEvent:
    title: str
    description: str
    language: str
    is_fallback: bool


def localised(event, language: str, network) -> LocalisedEvent:
    """The event's text in `language`, else in the network's default language, else the original.

    Uses the translations attached by `with_translations` (else the prefetched ones);
    `is_fallback` says the page must note the other language.
    """
    texts = getattr(event, "localised_texts", None)
    if texts is None:
        texts = {item.language: item for item in event.translations.all()}
    for candidate in (language, network.default_language):
        if candidate == event.original_language:
            return LocalisedEvent(event.title, event.description, candidate, candidate != language)
        if candidate in texts:
            chosen = texts[candidate]
            return LocalisedEvent(
                chosen.title, chosen.description, candidate, candidate != language
            )
    return LocalisedEvent(
        event.title,
        event.description,
        event.original_language,
        event.original_language != language,
    )


# What feeds.vevent, localised and matches_lists read; a feed holds thousands of events, so
# the organiser join and the moderation fields are left out (test_feeds counts the queries).
FEED_FIELDS = (
    "uid",
    "sequence",
    "created_at",
    "updated_at",
    "original_language",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "all_day",
    "time_zone",
    "rrule",
    "exdates",
    "place_name",
    "address",
    "online_link",
    "audiences",
    "languages",
    "status",
)


def feed_events(*, network, since: datetime.datetime, filters=None) -> list[Event]:
    """Public events for a calendar feed: recurring ones whole, single ones ending after `since`."""
    filters = _as_filters(filters)
    events = (
        public_events(network=network, filters=filters)
        .filter(Q(rrule="", ends_at__gte=since) | ~Q(rrule=""))
        .select_related(None)
        .only(*FEED_FIELDS)
    )
    return [event for event in with_translations(events) if matches_lists(event, filters)]


def events_waiting_count(*, network) -> int:
    """How many proposals wait for moderation (the workspace's count, core/queues.py)."""
    return Event.objects.filter(network=network, status=Event.Status.SUBMITTED).count()
