"""What one result tells the reader: one entry per object, its kind, date and place, the words
marked; alike titles (a group's meetings, a monthly event) must be told apart at a glance."""

import datetime
import re
import zoneinfo

import pytest
from django.db import connection
from django.urls import reverse

from knotenpunkt.core import search
from knotenpunkt.core.models import SearchEntry
from knotenpunkt.eventcalendar.tests.factories import EventFactory, EventTranslationFactory
from knotenpunkt.meetings.tests.factories import (
    DecisionFactory,
    MeetingFactory,
    MinutesVersionFactory,
)

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def search_url(network, lang="en"):
    return reverse("core:search", kwargs={"lang": lang, "network": network.slug})


def results(html: str) -> list[str]:
    """The result items of a results page, whitespace collapsed."""
    listing = html.split('<ol class="search-results"', 1)[1].split("</ol>", 1)[0]
    return [re.sub(r"\s+", " ", item) for item in re.findall(r"<li>(.*?)</li>", listing, re.S)]


def test_an_object_matching_in_its_title_its_text_and_every_translation_is_listed_once(
    coordinator_client, network
):
    event = EventFactory(
        network=network,
        title="Dolmetscher-Sprechstunde",
        description="Dolmetscherinnen und Dolmetscher helfen beim Ausfüllen.",
        place_name="Dolmetscherzentrum",
    )
    for language in ("tr", "ar", "uk"):
        EventTranslationFactory(
            event=event, language=language, title=f"Dolmetscher ({language})", description="—"
        )
    event.save()  # saving a translation saves its event (services.translation_save)
    assert SearchEntry.objects.filter(target_type="eventcalendar.event").count() == 1

    page = search.search(
        network=network, viewer=search.Viewer(has_role=True, sees_everything=True), query="dolm"
    )
    assert page.total == 1 and len(page.results) == 1
    html = coordinator_client.get(search_url(network), {"q": "dolmetscher"}).text
    assert "1 result for" in html and len(results(html)) == 1


def test_a_one_line_decision_shows_its_sentence_once(coordinator_client, network):
    """The decision's first line is its title; the excerpt must not repeat it."""
    DecisionFactory(
        network=network,
        meeting=MeetingFactory(network=network),
        text="Der Dolmetscherpool hat feste Vermittlungszeiten.",
    )
    [item] = results(coordinator_client.get(search_url(network), {"q": "dolmetscherpool"}).text)
    assert item.count("Vermittlungszeiten") == 1


def test_each_result_shows_its_kind_date_and_place_in_the_readers_language(
    coordinator_client, network
):
    first = MeetingFactory(
        network=network,
        title="AG Gesundheit: Dolmetscherpool",
        starts_at=datetime.datetime(2026, 2, 10, 15, 0, tzinfo=BERLIN),
        place="Gesundheitsamt, Sitzungsraum 3",
    )
    MeetingFactory(
        network=network,
        title="AG Gesundheit: Dolmetscherpool",
        starts_at=datetime.datetime(2026, 12, 17, 15, 0, tzinfo=BERLIN),
        place="Rathaus, Saal 1",
    )
    MinutesVersionFactory(meeting=first, network=network, text="Der Dolmetscherpool startet.")
    DecisionFactory(
        network=network, meeting=first, text="Dolmetscher: zwei Termine", decided_on="2026-02-10"
    )
    EventFactory(
        network=network,
        title="Dolmetscher-Café",
        starts_at=datetime.datetime(2027, 1, 5, 16, 0, tzinfo=BERLIN),
        ends_at=datetime.datetime(2027, 1, 5, 18, 0, tzinfo=BERLIN),
        place_name="Stadtteilzentrum Nord",
    )
    items = results(coordinator_client.get(search_url(network, "de"), {"q": "dolmetscher"}).text)
    assert len(items) == 5
    text = "\n".join(items)
    # The kinds as the provider labels them, translated.
    for kind in ("Treffen", "Protokoll", "Beschluss", "Veranstaltung"):
        assert f'<span class="badge">{kind}</span>' in text
    # The two meetings of the same title differ in date and place.
    assert '<time datetime="2026-02-10T15:00:00+01:00">10. Februar 2026 15:00</time>' in text
    assert '<time datetime="2026-12-17T15:00:00+01:00">17. Dezember 2026 15:00</time>' in text
    assert "<bdi>Gesundheitsamt, Sitzungsraum 3</bdi>" in text
    assert "<bdi>Rathaus, Saal 1</bdi>" in text
    # A decision has a day, not a time; an event its time and place.
    assert '<time datetime="2026-02-10">10. Februar 2026</time>' in text
    assert '<time datetime="2027-01-05T16:00:00+01:00">5. Januar 2027 16:00</time>' in text
    assert "<bdi>Stadtteilzentrum Nord</bdi>" in text


def test_an_all_day_event_shows_its_day_in_its_own_time_zone(network):
    event = EventFactory(
        network=network,
        all_day=True,
        starts_at=datetime.datetime(2027, 3, 1, 0, 0, tzinfo=BERLIN),  # 23:00 UTC the day before
        ends_at=datetime.datetime(2027, 3, 2, 0, 0, tzinfo=BERLIN),
    )
    stored = SearchEntry.objects.get(target_type="eventcalendar.event", target_id=str(event.pk))
    assert stored.day == datetime.date(2027, 3, 1) and stored.starts_at is None


def test_a_recurring_event_shows_its_place_but_not_its_first_date(network):
    event = EventFactory(
        network=network,
        rrule="FREQ=WEEKLY",
        starts_at=datetime.datetime(2020, 1, 6, 18, 0, tzinfo=BERLIN),
        ends_at=datetime.datetime(2020, 1, 6, 20, 0, tzinfo=BERLIN),
        place_name="Bürgerhaus",
    )
    stored = SearchEntry.objects.get(target_type="eventcalendar.event", target_id=str(event.pk))
    assert stored.starts_at is None and stored.day is None and stored.place == "Bürgerhaus"


def test_rescheduling_a_meeting_moves_its_minutes_date_too(network, coordinator):
    from knotenpunkt.meetings.services import meeting_update

    meeting = MeetingFactory(
        network=network, starts_at=datetime.datetime(2030, 5, 4, 10, 0, tzinfo=BERLIN)
    )
    version = MinutesVersionFactory(meeting=meeting, network=network)
    later = datetime.datetime(2030, 6, 1, 10, 0, tzinfo=BERLIN)
    meeting_update(
        meeting=meeting,
        actor=coordinator,
        starts_at=later,
        ends_at=later + datetime.timedelta(hours=2),
    )
    minutes = SearchEntry.objects.get(
        target_type="meetings.minutesversion", target_id=str(version.pk)
    )
    assert minutes.starts_at == later


def test_the_words_are_marked_in_title_excerpt_and_place_and_markup_stays_text(
    coordinator_client, network
):
    MeetingFactory(
        network=network,
        title='Dolmetscher <b title="Dolmetscher">fett</b>',
        description='<img src=x onerror="alert(1)"> Die Dolmetscher & Co.',
        place='<script>alert("Dolmetscher")</script> Saal',
    )
    [item] = results(coordinator_client.get(search_url(network), {"q": "dolmetscher"}).text)
    assert "<script>" not in item and "<img" not in item and "<b " not in item
    # The title's would-be tag is text: escaped, and the word inside it marked as text.
    escaped_tag = "&lt;b title=&quot;<mark>Dolmetscher</mark>&quot;&gt;fett&lt;/b&gt;"
    assert f"<mark>Dolmetscher</mark> {escaped_tag}" in item
    assert (
        "<bdi>&lt;script&gt;alert(&quot;<mark>Dolmetscher</mark>&quot;)&lt;/script&gt; Saal</bdi>"
        in item
    )
    assert "Die <mark>Dolmetscher</mark> &amp; Co." in item
    # Every tag in the result is one the page writes itself.
    tags = set(re.findall(r"<\s*/?\s*([a-zA-Z0-9]+)", item))
    assert tags <= {"h2", "a", "mark", "p", "span", "time", "bdi"}


def test_a_query_for_an_entity_name_marks_no_part_of_an_escape(coordinator_client, network):
    """ "amp" or "quot" must not be found inside the escaping of & or " (marks on raw text)."""
    MeetingFactory(network=network, title="Tom & Jerry quotient amplifier", place='"Saal"')
    [item] = results(coordinator_client.get(search_url(network), {"q": "amp quot"}).text)
    assert "&amp;" in item and "&<mark>" not in item and "<mark>amp</mark>;" not in item
    assert "<mark>quotient</mark>" in item and "<mark>amplifier</mark>" in item


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 table exists on SQLite only")
def test_the_fts_index_still_follows_the_entries_after_the_columns_were_added(network):
    """Migration 0008 rebuilt the table on SQLite, which drops the FTS5 triggers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {row[0] for row in cursor.fetchall()}
    assert {
        "core_searchentry_fts_insert",
        "core_searchentry_fts_update",
        "core_searchentry_fts_delete",
    } <= triggers
