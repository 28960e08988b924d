"""The feeds' cost and freshness: constant queries, one VTIMEZONE per zone in use, and new
validators (ETag, Last-Modified) when a translation is saved or removed."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from knotenpunkt.eventcalendar import services
from knotenpunkt.eventcalendar.models import Event
from knotenpunkt.eventcalendar.tests.factories import EventFactory, EventTranslationFactory

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _varied_events(network, count: int, *, offset: int = 0):
    """Single, recurring, all-day and translated events in several zones and organisations."""
    for number in range(offset, offset + count):
        event = EventFactory(
            network=network,
            title=f"Treffen {number}",
            time_zone=("Europe/Berlin", "Europe/Istanbul")[number % 2],
            rrule="FREQ=WEEKLY;COUNT=4" if number % 3 == 0 else "",
            exdates=[],
            all_day=number % 4 == 1,
        )
        if number % 2:
            EventTranslationFactory(event=event, language="tr")


@pytest.mark.parametrize("feed", ["events.ics", "events.ics?lang=tr", "events.rss"])
def test_a_feed_costs_the_same_queries_for_few_and_many_events(client, network, feed):
    url = f"/feeds/{network.slug}/{feed}"
    _varied_events(network, 2)
    few = _queries(client, url)
    _varied_events(network, 20, offset=2)
    assert _queries(client, url) == few


def test_each_time_zone_in_use_gets_one_vtimezone_and_all_day_events_need_none(client, network):
    EventFactory(network=network, time_zone="Europe/Istanbul")
    EventFactory(network=network, time_zone="Europe/Berlin", rrule="FREQ=DAILY;COUNT=3")
    EventFactory(network=network, time_zone="Europe/Berlin")
    EventFactory(network=network, time_zone="America/New_York", all_day=True)

    response = client.get(f"/feeds/{network.slug}/events.ics")
    calendar = Calendar.from_ical(response.content)

    zones = [str(component["TZID"]) for component in calendar.walk("VTIMEZONE")]
    assert zones == ["Europe/Berlin", "Europe/Istanbul"]
    used = {
        vevent["DTSTART"].params.get("TZID")
        for vevent in calendar.walk("VEVENT")
        if vevent.get("DTSTART") is not None
    }
    assert used - {None} == set(zones)
    # The zones come before the events that name them.
    body = response.content
    assert body.rindex(b"END:VTIMEZONE") < body.index(b"BEGIN:VEVENT")


def _age(event):
    """Pretend the event was last changed yesterday (no signal, no auto_now)."""
    Event.objects.filter(pk=event.pk).update(updated_at=timezone.now() - datetime.timedelta(days=1))


@pytest.mark.parametrize("feed", ["events.ics", "events.rss"])
def test_saving_or_removing_a_translation_renews_the_validators(client, network, coordinator, feed):
    event = EventFactory(network=network, title="Sprachcafé")
    url = f"/feeds/{network.slug}/{feed}?lang=tr"

    def changed_since(response):
        """Whether the feed answers in full to a subscriber holding `response`."""
        by_etag = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
        return by_etag.status_code, by_date.status_code

    _age(event)
    before = client.get(url)
    assert changed_since(before) == (304, 304)

    services.translation_save(
        event=event, actor=coordinator, language="tr", title="Dil kafesi", description=""
    )
    translated = client.get(url)
    assert changed_since(before) == (200, 200)
    assert "Dil kafesi" in translated.content.decode()

    _age(event)
    before = client.get(url)
    services.translation_save(
        event=event, actor=coordinator, language="tr", title="", description=""
    )
    assert changed_since(before) == (200, 200)
    assert "Dil kafesi" not in client.get(url).content.decode()
