"""The public calendar: what a visitor sees in the list, the month grid and an event's page."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from knotenpunkt.core.formatting import format_local_datetime
from knotenpunkt.core.testing import translated
from knotenpunkt.eventcalendar import selectors
from knotenpunkt.eventcalendar.models import Event
from knotenpunkt.eventcalendar.tests.factories import EventFactory, EventTranslationFactory
from knotenpunkt.members.tests.factories import OrganisationFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
# What is listed depends on "now": it stands still while a test runs (docs/decisions/0012).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def _url(network, path="calendar/", lang="en"):
    return f"/{lang}/{network.slug}/{path}"


def _days_ahead(days, hour=18):
    day = timezone.localdate(timezone=BERLIN) + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=BERLIN)


def test_list_shows_published_and_cancelled_but_not_unmoderated_events(client, network):
    EventFactory(network=network, title="Sprachcafé am Markt")
    EventFactory(network=network, title="Sommerfest", status=Event.Status.CANCELLED)
    EventFactory(network=network, title="Noch nicht geprüft", status=Event.Status.SUBMITTED)
    EventFactory(network=network, title="Abgelehnt", status=Event.Status.REJECTED)

    page = client.get(_url(network)).content.decode()

    assert "Sprachcafé am Markt" in page
    assert "Sommerfest" in page
    assert re.search(r"Cancelled</strong>\s*<a [^>]*>Sommerfest", page)
    assert "Noch nicht geprüft" not in page
    assert "Abgelehnt" not in page


def test_list_groups_dates_by_day_in_order_and_skips_past_events(client, network):
    EventFactory(network=network, title="Später", starts_at=_days_ahead(5))
    EventFactory(network=network, title="Früher", starts_at=_days_ahead(2))
    EventFactory(
        network=network,
        title="Vorbei",
        starts_at=_days_ahead(-3),
        ends_at=_days_ahead(-3) + datetime.timedelta(hours=1),
    )

    page = client.get(_url(network)).content.decode()

    assert page.index("Früher") < page.index("Später")
    assert "Vorbei" not in page
    assert page.count('class="calendar-day"') == 2


def test_recurring_event_appears_on_every_date_and_the_list_pages(client, network):
    EventFactory(
        network=network,
        title="Wöchentliches Sprachcafé",
        starts_at=_days_ahead(1),
        rrule="FREQ=WEEKLY;COUNT=30",
    )

    first = client.get(_url(network)).content.decode()
    second = client.get(_url(network) + "?page=2").content.decode()

    assert first.count("Wöchentliches Sprachcafé") == 25
    assert second.count("Wöchentliches Sprachcafé") == 5
    assert "30 dates" in first


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("audience=women", {"Frauentreff"}),
        ("language=ar", {"Frauentreff"}),
        ("free=on", {"Frauentreff", "Stadtführung"}),
        ("step_free=on", {"Stadtführung"}),
        ("sign_language=on", {"Elternabend"}),
        ("childcare=on", {"Frauentreff"}),
        ("q=kaffee", {"Elternabend"}),
        ("q=gezi", {"Stadtführung"}),  # found through its Turkish translation
        ("audience=women&step_free=on", set()),
    ],
)
def test_filters_narrow_the_list(client, network, query, expected):
    EventFactory(
        network=network,
        title="Frauentreff",
        audiences=["women"],
        languages=["de", "ar"],
        childcare=True,
    )
    tour = EventFactory(network=network, title="Stadtführung", step_free=True, description="")
    EventTranslationFactory(event=tour, language="tr", title="Şehir gezisi", description="")
    EventFactory(
        network=network,
        title="Elternabend",
        is_free=False,
        cost="5 €",
        sign_language=True,
        description="Mit Kaffee und Kuchen",
    )

    page = client.get(_url(network) + "?" + query).content.decode()

    shown = {title for title in ("Frauentreff", "Stadtführung", "Elternabend") if title in page}
    assert shown == expected


def test_organiser_filter_offers_only_organisers_with_public_events(client, network):
    mine = OrganisationFactory(network=network, name="Haus der Kulturen")
    OrganisationFactory(network=network, name="Ohne Termine")
    EventFactory(network=network, organiser=mine, title="Konzert")
    EventFactory(network=network, title="Lesung")

    page = client.get(_url(network) + f"?organiser={mine.pk}").content.decode()

    assert "Konzert" in page
    assert "Lesung" not in page
    assert "Haus der Kulturen" in page
    assert "Ohne Termine" not in page


def test_list_query_count_does_not_grow_with_events(client, network, django_assert_max_num_queries):
    def count_for(number):
        Event.objects.filter(network=network).delete()
        for index in range(number):
            event = EventFactory(network=network, starts_at=_days_ahead(1 + index % 60))
            if index % 3 == 0:
                EventTranslationFactory(event=event, language="tr")
        client.get(_url(network, lang="tr"))  # fills the per-process memo (core/memo.py)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url(network, lang="tr")).status_code == 200
        return len(queries)

    assert count_for(10) == count_for(100)
    with django_assert_max_num_queries(12):
        client.get(_url(network, lang="tr"))


def test_month_view_puts_events_on_their_day(client, network):
    starts = _days_ahead(20)
    EventFactory(network=network, title="Nachbarschaftsfest", starts_at=starts)
    EventFactory(network=network, title="Später im Jahr", starts_at=_days_ahead(80))
    month = starts.strftime("%Y-%m")

    page = client.get(_url(network) + f"?view=month&month={month}").content.decode()

    assert '<th scope="col"><abbr title="Monday">Mon</abbr></th>' in page
    cell = page[page.index(f'datetime="{starts:%Y-%m-%d}">{starts:%A}, ') :]
    assert cell.index("Nachbarschaftsfest") < cell.index("</td>")
    assert "Später im Jahr" not in page


def _month_cell(page: str, day: datetime.date) -> str:
    start = page.index(f'<time class="day-label" datetime="{day:%Y-%m-%d}">')
    return page[start : page.index("</td>", start)]


def test_a_multi_day_event_shows_on_each_of_its_days_in_the_month_grid(client, network):
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    EventFactory(
        network=network,
        title="Kulturfestival",
        all_day=True,
        starts_at=datetime.datetime(2031, 3, 30, tzinfo=berlin),
        ends_at=datetime.datetime(2031, 4, 2, tzinfo=berlin),  # the day after the last
    )

    march = client.get(_url(network) + "?view=month&month=2031-03").content.decode()
    april = client.get(_url(network) + "?view=month&month=2031-04").content.decode()

    first = _month_cell(march, datetime.date(2031, 3, 30))
    assert "Kulturfestival" in first and "continues from the day before" not in first
    assert "until April 1, 2031" in first
    for page, day in [(march, datetime.date(2031, 3, 31)), (april, datetime.date(2031, 4, 1))]:
        cell = _month_cell(page, day)
        assert "Kulturfestival" in cell and "continues from the day before" in cell
    assert "Kulturfestival" not in _month_cell(april, datetime.date(2031, 4, 2))
    assert "Kulturfestival" not in _month_cell(march, datetime.date(2031, 3, 29))


def test_a_timed_event_over_several_days_names_its_last_day(client, network):
    starts = _days_ahead(10, hour=9)
    EventFactory(
        network=network,
        title="Sprachcamp",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(days=2, hours=8),
    )
    page = client.get(_url(network)).content.decode()
    ends = timezone.localtime(starts + datetime.timedelta(days=2, hours=8), network.tz)
    title = page.index("Sprachcamp")
    entry = page[page.rindex('class="event-entry', 0, title) : page.index("</ul>", title)]
    assert f">{format_local_datetime(ends, 'long', language='en', tz=network.tz)}</time>" in entry


def test_month_view_with_a_malformed_month_shows_the_current_month(client, network):
    response = client.get(_url(network) + "?view=month&month=2025-13")

    assert response.status_code == 200
    assert timezone.localdate(timezone=BERLIN).strftime("%B %Y") in response.content.decode()


def test_event_page_shows_all_facts_and_json_ld(client, network):
    organiser = OrganisationFactory(network=network, name="Interkultureller Verein")
    event = EventFactory(
        network=network,
        organiser=organiser,
        title='Café "International" </script><script>alert(1)</script>',
        languages=["de", "tr"],
        is_free=False,
        cost="3 € für Kaffee",
        step_free=True,
        registration_url="https://example.org/anmelden",
    )

    response = client.get(_url(network, f"calendar/events/{event.pk}/"))

    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "Interkultureller Verein" in page
    assert "3 € für Kaffee" in page
    assert "German and Turkish" in page  # joined as English joins a list
    assert "Step-free access" in page
    assert 'href="https://example.org/anmelden"' in page
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["startDate"] == event.starts_at.astimezone(BERLIN).isoformat()
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["organizer"]["name"] == "Interkultureller Verein"


def test_cancelled_event_page_says_so_and_json_ld_marks_it(client, network):
    event = EventFactory(network=network, status=Event.Status.CANCELLED)

    page = client.get(_url(network, f"calendar/events/{event.pk}/", lang="de")).content.decode()

    assert translated("This event is cancelled.", "de") in page
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert json.loads(raw)["eventStatus"] == "https://schema.org/EventCancelled"


@pytest.mark.parametrize("status", [Event.Status.SUBMITTED, Event.Status.REJECTED])
def test_unmoderated_event_pages_are_404(client, network, status):
    event = EventFactory(network=network, status=status)

    assert client.get(_url(network, f"calendar/events/{event.pk}/")).status_code == 404
    assert client.get(_url(network, f"calendar/events/{event.pk}/event.ics")).status_code == 404


def test_another_networks_events_are_neither_listed_nor_reachable(client, network, other_network):
    foreign = EventFactory(network=other_network, title="Anderswo")

    assert "Anderswo" not in client.get(_url(network)).content.decode()
    assert client.get(_url(network, f"calendar/events/{foreign.pk}/")).status_code == 404
    assert client.get(_url(network, f"calendar/events/{foreign.pk}/event.ics")).status_code == 404


def test_translation_is_shown_in_the_visitors_language(client, network):
    event = EventFactory(network=network, title="Sprachcafé")
    EventTranslationFactory(event=event, language="tr", title="Dil kafesi")

    page = client.get(_url(network, f"calendar/events/{event.pk}/", lang="tr")).content.decode()

    assert "Dil kafesi" in page
    assert 'class="note"' not in page


def test_missing_translation_falls_back_with_a_visible_note(client, network):
    event = EventFactory(network=network, title="Sprachcafé", original_language="de")
    EventTranslationFactory(event=event, language="tr", title="Dil kafesi")

    page = client.get(_url(network, f"calendar/events/{event.pk}/", lang="en")).content.decode()

    assert '<h1 lang="de">Sprachcafé</h1>' in page
    assert "This event is not yet available in your language; it is shown in German." in page


def test_localised_prefers_network_default_language_over_another_translation(network):
    event = EventFactory(network=network, title="Original English", original_language="en")
    EventTranslationFactory(event=event, language="de", title="Deutsch")
    EventTranslationFactory(event=event, language="tr", title="Türkçe")

    text = selectors.localised(event, "uk", network)

    assert (text.title, text.language, text.is_fallback) == ("Deutsch", "de", True)
    assert selectors.localised(event, "en", network).is_fallback is False


@pytest.mark.parametrize(
    ("now", "next_dates"),
    [
        ("2026-05-13T12:00", 4),  # today's 18:00 is still to come
        ("2026-05-13T23:50", 3),  # today's is over, late in the evening (21:50 UTC)
    ],
)
def test_recurring_event_page_lists_next_dates(client, network, clock, now, next_dates):
    clock.move_to(now)
    event = EventFactory(
        network=network,
        starts_at=datetime.datetime(2026, 4, 29, 18, 0, tzinfo=BERLIN),  # 29.4. … 3.6., weekly
        rrule="FREQ=WEEKLY;COUNT=6",
    )

    page = client.get(_url(network, f"calendar/events/{event.pk}/")).content.decode()

    section = page[page.index("Next dates") :]
    assert section.count("<li><time") == next_dates


def test_add_to_calendar_downloads_the_event(client, network):
    event = EventFactory(network=network, title="Sprachcafé", rrule="FREQ=WEEKLY;COUNT=3")

    response = client.get(_url(network, f"calendar/events/{event.pk}/event.ics"))

    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"{event.uid}@{network.slug}"
    assert str(vevent["SUMMARY"]) == "Sprachcafé"
    assert vevent["RRULE"]["COUNT"] == [3]


def test_published_occurrences_include_a_running_recurrence_started_before_the_period(network):
    event = EventFactory(
        network=network, starts_at=_days_ahead(-30), rrule="FREQ=DAILY;INTERVAL=7;COUNT=10"
    )
    start = _days_ahead(0, hour=0)

    found = selectors.published_occurrences(
        network=network, start=start, end=start + datetime.timedelta(days=14)
    )

    assert [item.event for item in found] == [event, event]
    assert all(start <= item.starts_at for item in found)
