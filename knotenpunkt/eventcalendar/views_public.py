"""The public calendar: upcoming events by day, a month grid, and the page of one event."""

import datetime
from dataclasses import dataclass, replace

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from knotenpunkt.core.formatting import weekday_names
from knotenpunkt.core.params import query_month
from knotenpunkt.core.policy import public
from knotenpunkt.core.urls_helpers import absolute_url
from knotenpunkt.core.views_helpers import paginate

from . import feeds, selectors
from .filters import EventFilterForm
from .models import AUDIENCE_LABELS, Event
from .recurrence import Occurrence

# The list shows a year ahead; further dates are in the month view and the feeds.
LIST_DAYS = 366
PAGE_SIZE = 25


@dataclass(frozen=True)
class Entry:
    """One occurrence as the visitor reads it."""

    occurrence: Occurrence
    text: selectors.LocalisedEvent
    first_day: datetime.date  # in the network's time zone
    last_day: datetime.date  # the day it ends on (an end at midnight belongs to the day before)
    continued: bool = False  # shown again on a later day of a multi-day event (month grid)

    @property
    def event(self):
        return self.occurrence.event

    @property
    def cancelled(self) -> bool:
        return self.event.status == Event.Status.CANCELLED

    @property
    def multi_day(self) -> bool:
        return self.last_day > self.first_day


def _entries(items, network) -> list[Entry]:
    language = get_language()
    zone = network.tz
    entries = []
    for item in items:
        first = timezone.localtime(item.starts_at, zone).date()
        end = max(item.ends_at - datetime.timedelta(microseconds=1), item.starts_at)
        last = timezone.localtime(end, zone).date()
        text = selectors.localised(item.event, language, network)
        entries.append(Entry(item, text, first_day=first, last_day=last))
    return entries


def _by_day(entries) -> list[tuple[datetime.date, list[Entry]]]:
    days: dict[datetime.date, list[Entry]] = {}
    for entry in entries:
        days.setdefault(entry.first_day, []).append(entry)
    return list(days.items())


def _by_covered_day(entries, *, start: datetime.date, end: datetime.date) -> dict:
    """Entries on every day in [start, end) they cover: a festival shows on each of its days."""
    days: dict[datetime.date, list[Entry]] = {}
    for entry in entries:
        day = max(entry.first_day, start)
        while day <= entry.last_day and day < end:
            shown = entry if day == entry.first_day else replace(entry, continued=True)
            days.setdefault(day, []).append(shown)
            day += datetime.timedelta(days=1)
    return days


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _feed_links(request) -> dict[str, str]:
    """The feeds with the page's filters and language, so a subscription keeps the selection."""
    params = request.GET.copy()
    for key in ("page", "view", "month"):
        params.pop(key, None)
    params["lang"] = get_language()
    query = params.urlencode()
    slug = request.network.slug
    return {
        kind: reverse(f"eventcalendar_feeds:{kind}", kwargs={"network_slug": slug}) + f"?{query}"
        for kind in ("ics", "rss")
    }


def _midnight(day: datetime.date, network) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=network.tz)


@public
@require_safe
def calendar(request):
    """`…/calendar/`: the coming events by day, or `?view=month&month=YYYY-MM` as a grid."""
    network = request.network
    form = EventFilterForm(request.GET or None, network=network)
    filters = form.filters()
    if request.GET.get("view") == "month":
        return _month(request, form, filters)
    now = timezone.now()
    items = selectors.published_timeline(
        network=network, start=now, end=now + datetime.timedelta(days=LIST_DAYS), filters=filters
    )
    page = paginate(request, items, PAGE_SIZE)
    page.object_list = selectors.with_full_events(page.object_list)
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "days": _by_day(_entries(page.object_list, network)),
        "view": "list",
        "feeds": _feed_links(request),
        "month": timezone.localdate().strftime("%Y-%m"),
    }
    return render(request, "eventcalendar/public/calendar.html", context)


def _month(request, form, filters):
    network = request.network
    first = query_month(request, "month", default=timezone.localdate().replace(day=1))
    after = _add_months(first, 1)
    items = selectors.published_occurrences(
        network=network,
        start=_midnight(first, network),
        end=_midnight(after, network),
        filters=filters,
    )
    grid_start = first - datetime.timedelta(days=first.weekday())
    by_day = _by_covered_day(_entries(items, network), start=first, end=after)
    weeks = []
    day = grid_start
    while day < after:
        week = []
        for _offset in range(7):
            inside = first <= day < after
            week.append({"date": day, "inside": inside, "entries": by_day.get(day, [])})
            day += datetime.timedelta(days=1)
        weeks.append(week)
    context = {
        "form": form,
        "filters": filters,
        "view": "month",
        "feeds": _feed_links(request),
        "month_start": first,
        "month": first.strftime("%Y-%m"),
        "previous_month": _add_months(first, -1).strftime("%Y-%m"),
        "next_month": after.strftime("%Y-%m"),
        "weekdays": weekday_names(),
        "weeks": weeks,
        "count": len(items),
    }
    return render(request, "eventcalendar/public/month.html", context)


@public
@require_safe
def event_detail(request, event_id):
    """`…/calendar/events/<id>/`: everything about one event, its next dates and JSON-LD."""
    network = request.network
    event = selectors.public_event_get(network=network, event_id=event_id)
    language = get_language()
    text = selectors.localised(event, language, network)
    upcoming = selectors.next_dates(event, now=timezone.now())
    link = absolute_url(request.path)
    shown = upcoming[0] if upcoming else Occurrence(event, event.starts_at, event.ends_at)
    context = {
        "event": event,
        "text": text,
        "cancelled": event.status == Event.Status.CANCELLED,
        "upcoming": upcoming,
        "audiences": [AUDIENCE_LABELS.get(key, key) for key in event.audiences or []],
        "jsonld": feeds.event_jsonld(shown, network=network, text=text, link=link),
    }
    return render(request, "eventcalendar/public/event.html", context)


@public
@require_safe
def event_ics(request, event_id):
    """The event as a one-event calendar file, for "add to my calendar"."""
    network = request.network
    event = selectors.public_event_get(network=network, event_id=event_id)
    body = feeds.calendar([event], network=network, language=get_language(), name=event.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response
