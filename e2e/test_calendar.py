"""The event calendar in a real browser: a member proposes a weekly event and translates it,
the coordinator approves it, a visitor finds it in Turkish and in Arabic (RTL); editions and
imported iCal calendars are read by the people who manage them.

The data is built here through factories and services (the demo loader changes
independently); selectors use form field names and URLs, texts are compared in translation.
"""

import datetime
import json
from pathlib import Path

import pytest
from django.utils import timezone

from knotenpunkt.core.testing import translated
from knotenpunkt.eventcalendar import services
from knotenpunkt.eventcalendar.editions import periods_upcoming
from knotenpunkt.eventcalendar.models import Edition, Event, EventSource, EventTranslation
from knotenpunkt.eventcalendar.recurrence import occurrences
from knotenpunkt.eventcalendar.tests.factories import (
    EventFactory,
    EventTranslationFactory,
    member_contact_for,
)
from knotenpunkt.members.tests.factories import OrganisationFactory

from .helpers import NARROW_WIDTH, assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"  # UserFactory's
NET = "/de/musterstadt/"
CALENDAR = f"{NET}calendar/"
MANAGE = f"{NET}manage/calendar/"
FIXTURES = Path(__file__).resolve().parent.parent / "knotenpunkt/eventcalendar/tests/fixtures"

TITLE_DE = "Frauencafé mit Kinderbetreuung"
TITLE_TR = "Çocuk bakımlı kadın kafesi"
DESCRIPTION_TR = "Her hafta **Almanca** ve Türkçe sohbet, çay ve kek."


def submit(page, form: str = "main form[method=post]") -> None:
    """Send a form and wait for the page the server answers with."""
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")


def check_page(page) -> None:
    """axe finds nothing, at desktop width and at 320 px (where wide tables start to scroll
    and must be reachable by keyboard), and nothing scrolls sideways at 320 px."""
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    wide = page.viewport_size
    page.set_viewport_size({"width": NARROW_WIDTH, "height": 800})
    try:
        page.wait_for_function(f"document.documentElement.clientWidth === {NARROW_WIDTH}")
        assert_accessible(page)
    finally:
        page.set_viewport_size(wide)


def _local_input(day: datetime.date, hour: int) -> str:
    """What a datetime-local field takes; the form reads it in the event's time zone."""
    return f"{day:%Y-%m-%d}T{hour:02d}:00"


@pytest.fixture
def organisation(network):
    return OrganisationFactory(network=network, name="Frauentreff Regenbogen e.V.")


@pytest.fixture
def member_contact(organisation):
    return member_contact_for(organisation, email="kontakt@regenbogen.example")


@pytest.fixture
def youth_event(network):
    """Another published event, translated too, that the visitor's filters must hide."""
    event = EventFactory(
        network=network, title="Jugendtreff am Nachmittag", audiences=["youth"], languages=["de"]
    )
    EventTranslationFactory(event=event, language="tr", title="Öğleden sonra gençlik buluşması")
    return event


# (1) Proposed, translated, approved, found in Turkish ------------------------------------------


def _propose_weekly_event(page, network, first_day: datetime.date) -> Event:
    """The member contact fills in the form: first end before start, then correctly."""
    page.goto(f"{NET}calendar/mine/")
    page.click(f"main a[href='{CALENDAR}submit/']")
    assert page.url.endswith(f"{CALENDAR}submit/")
    assert_accessible(page)

    page.fill("input[name=title]", TITLE_DE)
    page.fill("textarea[name=description]", "Jede Woche Gespräche auf **Deutsch** und Türkisch.")
    page.fill("input[name=starts_at]", _local_input(first_day, 18))
    page.fill("input[name=ends_at]", _local_input(first_day, 17))  # ends before it starts
    page.select_option("select[name=repeat]", "weekly")
    weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][first_day.weekday()]
    page.check(f"input[name=weekdays][value={weekday}]")
    page.fill("input[name=count]", "6")
    skipped = first_day + datetime.timedelta(days=14)  # a holiday: no café that week
    page.fill("textarea[name=exdates]", f"{skipped:%Y-%m-%d}")
    page.fill("input[name=place_name]", "Stadtteilzentrum Nord")
    page.fill("input[name=address]", "Lindenstraße 5, 12345 Musterstadt")
    page.check("input[name=audiences][value=women]")
    page.check("input[name=audiences][value=families]")
    page.fill("input[name=languages]", "de, tr")
    page.check("input[name=childcare]")
    submit(page)
    assert page.locator(".error-summary a[href='#id_ends_at']").count() == 1
    assert not Event.objects.filter(title=TITLE_DE).exists(), "nothing is saved with errors"
    check_page(page)

    page.fill("input[name=ends_at]", _local_input(first_day, 20))
    submit(page)
    assert page.url.endswith(f"{CALENDAR}mine/"), page.url
    event = Event.objects.get(title=TITLE_DE)
    waits = translated("“%(title)s” was saved and waits for moderation.", "de", title=TITLE_DE)
    assert page.locator("main .messages").inner_text() == waits
    assert event.status == Event.Status.SUBMITTED
    check_page(page)
    assert event.rrule == f"FREQ=WEEKLY;BYDAY={weekday};COUNT=6"
    assert (event.audiences, event.languages, event.childcare) == (
        ["women", "families"],
        ["de", "tr"],
        True,
    )
    starts = [item.starts_at.astimezone(network.tz) for item in occurrences(event)]
    assert len(starts) == 5 and skipped not in {moment.date() for moment in starts}
    assert {(moment.hour, moment.minute) for moment in starts} == {(18, 0)}
    return event


def _translate_into_turkish(page, event) -> None:
    translations = f"{CALENDAR}events/{event.pk}/translations/"
    page.click(f"main a[href='{translations}']")
    check_page(page)
    page.click(f"main a[href='{translations}tr/']")
    page.fill("input[name=title]", TITLE_TR)
    page.fill("textarea[name=description]", DESCRIPTION_TR)
    submit(page)
    assert page.url.endswith(translations), page.url
    assert page.locator("main td span[lang=tr]").inner_text() == TITLE_TR
    assert EventTranslation.objects.get(event=event, language="tr").title == TITLE_TR
    check_page(page)


def _approve(page, event) -> None:
    page.goto(MANAGE)
    check_page(page)
    queue = page.locator("main .moderation-queue > li")
    assert queue.count() == 1
    assert queue.locator(f"a[href='{MANAGE}{event.pk}/']").inner_text() == TITLE_DE
    submit(page, f"main form[action='{MANAGE}{event.pk}/approve/']")
    assert page.url.endswith(MANAGE), page.url
    published = translated("“%(title)s” is published.", "de", title=TITLE_DE)
    assert page.locator("main .messages").inner_text() == published
    assert page.locator("main .moderation-queue").count() == 0
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    check_page(page)


def test_member_proposes_a_weekly_event_the_coordinator_approves_a_visitor_finds_it_in_turkish(
    network, organisation, member_contact, coordinator, youth_event, page
):
    today = timezone.localdate(timezone.now(), network.tz)
    first_day = today + datetime.timedelta(days=1)

    login(page, member_contact.email, PASSWORD)
    event = _propose_weekly_event(page, network, first_day)
    _translate_into_turkish(page, event)
    response = page.goto(f"/tr/musterstadt/calendar/events/{event.pk}/")
    assert response.status == 404, "not public before it is approved"

    page.context.clear_cookies()
    login(page, coordinator.email, PASSWORD)
    _approve(page, event)

    # A visitor, not logged in, reads the calendar in Turkish and narrows it down.
    page.context.clear_cookies()
    visitor_calendar = "/tr/musterstadt/calendar/"
    page.goto(visitor_calendar)
    titles = page.locator("main .event-entry a[lang=tr]")
    assert {"Öğleden sonra gençlik buluşması", TITLE_TR} <= set(titles.all_inner_texts())
    check_page(page)
    page.select_option("main form.event-filters select[name=audience]", "women")
    page.select_option("main form.event-filters select[name=language]", "tr")
    submit(page, "main form.event-filters")
    assert "audience=women" in page.url and "language=tr" in page.url, page.url
    assert titles.all_inner_texts() == [TITLE_TR] * 5, "the youth meeting is filtered out"
    check_page(page)

    detail = f"{visitor_calendar}events/{event.pk}/"
    with page.expect_navigation():
        titles.first.click()
    assert page.url.endswith(detail), page.url
    assert page.locator("main h1[lang=tr]").inner_text() == TITLE_TR
    assert page.locator("main p.note").count() == 0, "no fallback note: the text is Turkish"
    assert page.locator("main strong", has_text="Almanca").count() == 1, "markdown is rendered"
    assert page.locator("main ul.next-dates li").count() == 5
    jsonld = json.loads(page.locator("script[type='application/ld+json']").text_content())
    assert (jsonld["@type"], jsonld["name"]) == ("Event", TITLE_TR)
    assert jsonld["startDate"].startswith(f"{first_day:%Y-%m-%d}T18:00:00")
    assert jsonld["organizer"]["name"] == organisation.name
    ics_link = page.locator(f"main a[href='{detail}event.ics']")
    assert ics_link.inner_text() == translated("Add to my calendar (.ics)", "tr")
    response = page.request.get(ics_link.get_attribute("href"))
    assert response.headers["content-type"].startswith("text/calendar")
    body = response.text()
    assert "RRULE:FREQ=WEEKLY" in body and "EXDATE" in body and f"UID:{event.uid}" in body
    check_page(page)

    # Back to the filtered list, then the month grid (filters kept).
    page.go_back()
    with page.expect_navigation():
        page.click("main nav.calendar-views a[href*='view=month']")
    assert "view=month" in page.url and "audience=women" in page.url, page.url
    if first_day.month != today.month:  # today is the last day of a month
        with page.expect_navigation():
            page.click("main nav.month-nav a[rel=next]")
    month_start = datetime.datetime.combine(first_day.replace(day=1), datetime.time(), network.tz)
    month_end = datetime.datetime.combine(
        (first_day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1),
        datetime.time(),
        network.tz,
    )
    expected = len(occurrences(event, start=month_start, end=month_end))
    in_grid = page.locator(f"main table a[href='{detail}']")
    assert in_grid.count() == expected >= 1
    assert (
        page.locator(f"main table a[href='{visitor_calendar}events/{youth_event.pk}/']").count()
        == 0
    )
    check_page(page)


# (2) Right to left, with the note that the text is in another language -------------------------


def test_arabic_visitor_reads_the_list_and_an_event_page_right_to_left(network, youth_event, page):
    cancelled = EventFactory(
        network=network, title="Elterncafé", status=Event.Status.CANCELLED, languages=["de", "ar"]
    )
    page.goto("/ar/musterstadt/calendar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    entry = page.locator("main .event-entry", has=page.locator(f"a[href$='/{cancelled.pk}/']"))
    assert entry.locator(".status-cancelled").inner_text() == translated("Cancelled", "ar")
    check_page(page)

    with page.expect_navigation():
        page.click(f"main a[href='/ar/musterstadt/calendar/events/{youth_event.pk}/']")
    assert page.locator("main h1[lang=de]").inner_text() == youth_event.title
    assert page.locator("main p.note").count() == 1, "says that the text is in German"
    check_page(page)


# (3) Editions: the coordinator prepares and publishes one, the public reads it ------------------


def test_coordinator_prepares_and_publishes_an_edition_the_public_reads_it(
    network, coordinator, page
):
    today = timezone.localdate(timezone.now(), network.tz)
    period = periods_upcoming(network=network, today=today)[0]
    day = period.starts_on + datetime.timedelta(days=9)
    at_six = datetime.datetime.combine(day, datetime.time(18), network.tz)
    festival = EventFactory(
        network=network,
        title="Interkulturelles Sommerfest mit Musik aus aller Welt und Essen zum Mitbringen",
        starts_at=at_six,
        ends_at=at_six + datetime.timedelta(hours=3),
        online_link="https://stream.example.org/sommerfest-der-kulturen-im-stadtteilzentrum-nord",
    )
    EventFactory(
        network=network,
        title="Beratung",
        starts_at=at_six.replace(hour=10),
        ends_at=at_six.replace(hour=12),
    )

    editions_url = f"{MANAGE}editions/"
    login(page, coordinator.email, PASSWORD)
    page.goto(editions_url)
    check_page(page)
    page.select_option("main form select[name=period]", period.slug)
    submit(page, f"main form[action='{editions_url}prepare/']")
    assert page.url.endswith(editions_url), page.url
    edition = Edition.objects.get(network=network, starts_on=period.starts_on)
    assert edition.status == Edition.Status.DRAFT
    check_page(page)

    publish = f"{editions_url}{edition.pk}/publish/"
    page.click(f"main a[href='{publish}']")
    assert_accessible(page)
    submit(page)
    edition.refresh_from_db()
    assert edition.status == Edition.Status.PUBLISHED and len(edition.frozen) == 2
    assert page.locator(f"main a[href='{publish}']").count() == 0
    check_page(page)

    # A change after publication is listed as a change, the edition itself stays as it was.
    services.event_cancel(event=festival, actor=coordinator)
    page.context.clear_cookies()
    page.goto(f"{CALENDAR}{period.slug}/")
    titles = page.locator("main .edition-day .edition-title a").all_inner_texts()
    assert titles == ["Beratung", festival.title], "as published, not as changed since"
    changes = page.locator("main .edition-changes li")
    assert changes.count() == 1 and festival.title in changes.inner_text()
    check_page(page)

    archive = f"{CALENDAR}editions/"
    with page.expect_navigation():
        page.click(f"main a[href='{archive}']")
    assert page.locator(f"main table a[href='{CALENDAR}{period.slug}/']").count() == 1
    check_page(page)


# (4) Imported calendars: a file with mistakes, and the report of what was wrong ----------------


def test_member_uploads_an_ical_file_and_reads_what_was_wrong(
    network, organisation, member_contact, page, run_tasks
):
    sources = f"{CALENDAR}sources/"
    login(page, member_contact.email, PASSWORD)
    page.goto(sources)
    check_page(page)
    page.click(f"main a[href='{sources}add/']")
    assert_accessible(page)
    page.fill("input[name=name]", "Kalender des Frauentreffs")
    page.set_input_files("input[name=file]", FIXTURES / "broken.ics")
    submit(page)
    source = EventSource.objects.get(network=network, name="Kalender des Frauentreffs")
    assert page.url.endswith(f"{sources}{source.pk}/"), page.url
    assert_accessible(page)

    run_tasks()
    page.reload()
    source.refresh_from_db()
    assert source.last_status == "failed" and not Event.objects.exists()
    failed = translated("The last import failed. Nothing was imported.", "de")
    assert page.locator("main .import-status").inner_text() == failed
    assert page.locator("main table tbody tr").count() == len(source.last_report["problems"]) > 1
    check_page(page)

    page.goto(sources)
    assert page.locator(f"main table a[href='{sources}{source.pk}/']").inner_text() == source.name
    check_page(page)
