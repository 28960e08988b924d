"""The public feeds: events.ics round-trips to the same dates, RSS parses, both answer 304."""

import datetime
import zoneinfo

import feedparser
import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from knotenpunkt.eventcalendar.models import Event
from knotenpunkt.eventcalendar.recurrence import occurrences
from knotenpunkt.eventcalendar.tests.factories import EventFactory, EventTranslationFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.django_db


def _ics(client, network, query=""):
    response = client.get(f"/feeds/{network.slug}/events.ics{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _by_uid(calendar):
    return {str(vevent["UID"]): vevent for vevent in calendar.walk("VEVENT")}


def _expand(vevent):
    """What a subscriber computes: DTSTART, RRULE and EXDATE expanded with dateutil."""
    start = vevent.decoded("DTSTART")
    duration = vevent.decoded("DTEND") - start
    if "RRULE" not in vevent:
        return [(start, start + duration)]
    rules = rrulestr(vevent["RRULE"].to_ical().decode(), dtstart=start, forceset=True)
    exdates = vevent.get("EXDATE", [])
    for group in exdates if isinstance(exdates, list) else [exdates]:
        for value in group.dts:
            rules.exdate(value.dt)
    return [(begin, begin + duration) for begin in rules]


def _local(year, month, day, hour=18, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def dst_events(network):
    """Recurring events across the spring and autumn clock changes of Europe/Berlin (2027)."""
    spring = EventFactory(
        network=network,
        title="Sprachcafé",
        starts_at=_local(2027, 3, 11),
        ends_at=_local(2027, 3, 11, 20),
        rrule="FREQ=WEEKLY;BYDAY=TH,SA;COUNT=12",
        exdates=[_local(2027, 3, 27).isoformat()],
    )
    autumn = EventFactory(
        network=network,
        title="Beratung",
        starts_at=_local(2027, 9, 6, 9, 30),
        ends_at=_local(2027, 9, 6, 11),
        # First Monday of each month, until a local date-time (as the submission form stores it).
        rrule="FREQ=MONTHLY;BYDAY=1MO;UNTIL=20280110T235959",
    )
    night = EventFactory(
        network=network,
        title="Nachtcafé",
        starts_at=_local(2027, 10, 20, 1, 30),
        ends_at=_local(2027, 10, 20, 3),
        rrule="FREQ=DAILY;INTERVAL=5;UNTIL=20271110",
        exdates=["2027-10-30T01:30:00"],
    )
    single = EventFactory(network=network, title="Einmalig")
    return [spring, autumn, night, single]


def test_ics_round_trip_gives_the_same_occurrences_across_daylight_saving(
    client, network, dst_events
):
    vevents = _by_uid(_ics(client, network))

    for event in dst_events:
        vevent = vevents[f"{event.uid}@{network.slug}"]
        expected = [(item.starts_at, item.ends_at) for item in occurrences(event)]
        assert _expand(vevent) == expected, event.title
    spring = occurrences(dst_events[0])
    # The same wall-clock time before and after the change, one hour apart in UTC.
    assert {item.starts_at.astimezone(BERLIN).hour for item in spring} == {18}
    assert {item.starts_at.utcoffset() for item in spring} == {
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    }
    assert _local(2027, 3, 27) not in [item.starts_at for item in spring]


def test_ics_keeps_rules_time_zones_and_identity(client, network, dst_events):
    calendar = _ics(client, network)
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Berlin"
    spring = _by_uid(calendar)[f"{dst_events[0].uid}@{network.slug}"]

    assert spring["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert spring["DTEND"].params["TZID"] == "Europe/Berlin"
    assert spring["RRULE"]["FREQ"] == ["WEEKLY"]  # kept, not expanded
    assert "EXDATE" in spring
    assert int(spring["SEQUENCE"]) == dst_events[0].sequence
    assert str(spring["STATUS"]) == "CONFIRMED"
    assert len(calendar.walk("VEVENT")) == 4


def test_ics_marks_cancelled_events_and_leaves_out_unmoderated_ones(client, network):
    cancelled = EventFactory(network=network, status=Event.Status.CANCELLED)
    submitted = EventFactory(network=network, status=Event.Status.SUBMITTED)

    vevents = _by_uid(_ics(client, network))

    assert str(vevents[f"{cancelled.uid}@{network.slug}"]["STATUS"]) == "CANCELLED"
    assert f"{submitted.uid}@{network.slug}" not in vevents


def test_ics_takes_the_filters_of_the_list(client, network):
    women = EventFactory(network=network, audiences=["women"], childcare=True)
    EventFactory(network=network, audiences=["youth"])

    only = _by_uid(_ics(client, network, "?audience=women&childcare=on"))

    assert list(only) == [f"{women.uid}@{network.slug}"]


def test_ics_uses_the_requested_language(client, network):
    event = EventFactory(network=network, title="Sprachcafé")
    EventTranslationFactory(event=event, language="tr", title="Dil kafesi")

    [vevent] = _ics(client, network, "?lang=tr").walk("VEVENT")

    assert str(vevent["SUMMARY"]) == "Dil kafesi"
    assert f"/tr/{network.slug}/calendar/events/{event.pk}/" in str(vevent["URL"])


def test_feeds_of_one_network_hold_none_of_another(client, network, other_network):
    EventFactory(network=network, title="Hier")
    EventFactory(network=other_network, title="Anderswo")

    ics = client.get(f"/feeds/{network.slug}/events.ics").content.decode()
    rss = client.get(f"/feeds/{network.slug}/events.rss").content.decode()

    assert "Hier" in ics and "Hier" in rss
    assert "Anderswo" not in ics and "Anderswo" not in rss


def test_unknown_network_feed_is_404(client, db):
    assert client.get("/feeds/nirgendwo/events.ics").status_code == 404
    assert client.get("/feeds/nirgendwo/events.rss").status_code == 404


def test_rss_is_valid_and_lists_upcoming_dates(client, network):
    EventFactory(network=network, title="Sprachcafé", rrule="FREQ=WEEKLY;COUNT=3")
    EventFactory(network=network, title="Fest", status=Event.Status.CANCELLED)
    EventFactory(network=network, title="Wartet", status=Event.Status.SUBMITTED)

    response = client.get(f"/feeds/{network.slug}/events.rss?lang=en")

    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    titles = [entry.title for entry in feed.entries]
    assert sum("Sprachcafé" in title for title in titles) == 3
    assert any(title.startswith("Cancelled: ") and "Fest" in title for title in titles)
    assert not any("Wartet" in title for title in titles)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    assert all(f"/en/{network.slug}/calendar/events/" in entry.link for entry in feed.entries)


@pytest.mark.parametrize("feed", ["events.ics", "events.rss"])
def test_feeds_answer_conditional_requests(client, network, feed):
    event = EventFactory(network=network)
    url = f"/feeds/{network.slug}/{feed}"
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]

    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    # Other filters are another document.
    assert client.get(url + "?free=on", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200

    event.title = "Geändert"
    event.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
