"""Meetings in a real browser: planning a plenary with its café, registering, the waiting list,
and finding the minutes through the search box in the header.

The data is built here through factories (the demo loader changes independently); selectors
use form field names and URLs, and texts the user reads are compared in their translation.
"""

import datetime
import re

import pytest
from django.utils import timezone

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.testing import translated
from knotenpunkt.core.text import isolate
from knotenpunkt.meetings.models import CafeSession, Meeting, MinutesVersion, Registration
from knotenpunkt.meetings.tests.factories import CafeSessionFactory, MeetingFactory, in_days
from knotenpunkt.members.tests.factories import ContactPositionFactory, OrganisationFactory

from .helpers import assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"  # UserFactory's
NET = "/de/musterstadt/"
MEETINGS = f"{NET}workspace/meetings/"


def submit(page, form: str = "main form[method=post]") -> None:
    """Send a form and wait for the page the server answers with."""
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")


def registration_row(page, name: str):
    return page.locator("main table tbody tr", has=page.locator("th[scope=row]", has_text=name))


@pytest.fixture
def organisation(network):
    return OrganisationFactory(
        network=network, name="Kulturverein Brückenschlag e.V.", joined_on=datetime.date(2020, 1, 1)
    )


@pytest.fixture
def member_contact(network, organisation):
    """A member contact who speaks for the organisation (their own person holds a position)."""
    user = UserFactory(email="kontakt@brueckenschlag.example", full_name="Selin Kaya")
    grant_role(user, network, "member_contact")
    ContactPositionFactory(
        organisation=organisation,
        person__user=user,
        person__full_name="Selin Kaya",
        person__email=user.email,
    )
    return user


# (1) Planning --------------------------------------------------------------------------------


def _local_input(day: datetime.date, hour: int, minute: int = 0) -> str:
    """What a datetime-local field takes; the form reads it in the network's time zone."""
    return f"{day:%Y-%m-%d}T{hour:02d}:{minute:02d}"


SESSIONS = [
    # kind, title, start, end, capacity
    ("topic_panel", "Ausbildung für Geflüchtete", (17, 0), (18, 0), ""),
    ("discussion_group", "Sprachcafé am Abend", (17, 30), (18, 30), "1"),
    ("information_table", "Beratungsstellen stellen sich vor", (18, 0), (19, 0), "12"),
]


def test_coordinator_plans_a_plenary_with_three_cafe_sessions(
    network, coordinator, organisation, page
):
    day = timezone.localdate(timezone.now(), network.tz) + datetime.timedelta(days=40)
    login(page, coordinator.email, PASSWORD)
    page.goto(MEETINGS)
    assert_accessible(page)
    page.click(f"main a[href='{MEETINGS}add/']")
    assert_accessible(page)

    page.select_option("select[name=kind]", Meeting.Kind.PLENARY)
    page.fill("input[name=title]", "Plenum im Frühjahr")
    page.fill("input[name=starts_at]", _local_input(day, 17))
    page.fill("input[name=ends_at]", _local_input(day, 16))  # ends before it starts
    page.fill("input[name=place]", "Rathaus Musterstadt, Großer Saal")
    page.fill("input[name=capacity]", "60")
    submit(page)
    assert page.locator(".error-summary a[href='#id_ends_at']").count() == 1
    assert not Meeting.objects.exists(), "nothing is saved while the form has errors"
    assert_accessible(page)

    page.fill("input[name=ends_at]", _local_input(day, 20))
    submit(page)
    match = re.search(r"/workspace/meetings/(\d+)/$", page.url)
    assert match, page.url
    meeting = Meeting.objects.get(pk=match[1])
    assert page.locator("h1").inner_text() == "Plenum im Frühjahr"
    starts = datetime.datetime.combine(day, datetime.time(17), tzinfo=network.tz)
    assert (meeting.kind, meeting.starts_at, meeting.capacity) == ("plenary", starts, 60)
    assert_accessible(page)

    detail = f"{MEETINGS}{meeting.pk}/"
    for number, (kind, title, start, end, capacity) in enumerate(SESSIONS):
        page.click(f"main a[href='{detail}sessions/add/']")
        page.select_option("select[name=kind]", kind)
        page.fill("input[name=title]", title)
        page.select_option("select[name=host_organisation]", str(organisation.pk))
        page.fill("input[name=room]", f"Raum {number + 1}")
        page.fill("input[name=capacity]", capacity)
        if number == 0:
            # A slot after the meeting has ended is refused, with the field named.
            page.fill("input[name=starts_at]", _local_input(day, 21))
            page.fill("input[name=ends_at]", _local_input(day, 22))
            submit(page)
            assert page.locator(".error-summary a[href='#id_starts_at']").count() == 1
            assert_accessible(page)
        page.fill("input[name=starts_at]", _local_input(day, *start))
        page.fill("input[name=ends_at]", _local_input(day, *end))
        submit(page)
        assert page.url.endswith(detail), page.url

    titles = page.locator("main table tbody th[scope=row] a").all_inner_texts()
    assert titles == [title for _kind, title, *_rest in SESSIONS]
    sessions = CafeSession.objects.filter(meeting=meeting).order_by("starts_at")
    assert [s.capacity for s in sessions] == [None, 1, 12]
    assert {s.host_organisation_id for s in sessions} == {organisation.pk}
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_the_planning_form_shows_every_error_at_once_and_a_past_date_needs_confirmation(
    network, coordinator, page
):
    login(page, coordinator.email, PASSWORD)
    page.goto(f"{MEETINGS}add/")
    page.select_option("select[name=kind]", Meeting.Kind.PLENARY)
    page.fill("input[name=starts_at]", "2019-05-14T17:00")  # in the past, and no title
    page.fill("input[name=ends_at]", "2019-05-14T16:00")  # ends before it starts
    submit(page)
    links = page.locator(".error-summary a").evaluate_all("links => links.map(a => a.hash)")
    assert links == ["#id_title", "#id_starts_at", "#id_ends_at"]
    assert (
        translated("Add a past meeting (for the records)", "de")
        in page.locator("#id_starts_at_error").inner_text()
    )
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.fill("input[name=title]", "Plenum 2019 (nachgetragen)")
    page.fill("input[name=ends_at]", "2019-05-14T20:00")
    page.check("input[name=past_confirmed]")
    submit(page)
    meeting = Meeting.objects.get()
    assert page.url.endswith(f"{MEETINGS}{meeting.pk}/"), page.url
    assert meeting.starts_at.year == 2019
    # A meeting that is over offers neither cancelling nor registering.
    assert page.locator(f"main a[href='{MEETINGS}{meeting.pk}/cancel/']").count() == 0
    assert page.locator(f"main form[action='{MEETINGS}{meeting.pk}/register/']").count() == 0


# (2) Registration and the waiting list ----------------------------------------------------------


@pytest.fixture
def plenary(network, organisation):
    meeting = MeetingFactory(
        network=network, title="Plenum im Mai", starts_at=in_days(30, 15), capacity=40
    )
    CafeSessionFactory(meeting=meeting, title="Thementisch Wohnen", capacity=None)
    CafeSessionFactory(meeting=meeting, title="Sprachcafé", capacity=1)
    CafeSessionFactory(meeting=meeting, title="Infotisch Ehrenamt", capacity=8)
    return meeting


def test_member_registers_people_and_the_waiting_list_moves_up(
    network, organisation, member_contact, plenary, page, mailbox, run_tasks
):
    aylin, jonas = (
        ContactPositionFactory(organisation=organisation, person__full_name=name).person
        for name in ("Aylin Demir", "Jonas Weber")
    )
    outsider = ContactPositionFactory(
        organisation=OrganisationFactory(network=network), person__full_name="Fremde Person"
    ).person
    session = plenary.sessions.get(capacity=1)
    detail = f"{MEETINGS}{plenary.pk}/"
    session_page = f"{MEETINGS}sessions/{session.pk}/"
    confirmed = translated("confirmed", "de")

    login(page, member_contact.email, PASSWORD)
    page.goto(detail)
    assert_accessible(page)
    register = f"main form[action='{detail}register/']"
    offered = page.locator(f"{register} select[name=person] option").evaluate_all(
        "options => options.map(option => option.value)"
    )
    assert str(aylin.pk) in offered and str(outsider.pk) not in offered
    page.select_option(f"{register} select[name=person]", str(aylin.pk))
    submit(page, register)
    assert page.url.endswith(detail)
    assert registration_row(page, "Aylin Demir").locator("td").nth(1).inner_text() == confirmed

    page.click(f"main a[href='{session_page}']")
    register = f"main form[action='{session_page}register/']"
    for person in (aylin, jonas):
        page.select_option(f"{register} select[name=person]", str(person.pk))
        submit(page, register)
        assert page.url.endswith(session_page)
    assert registration_row(page, "Aylin Demir").locator("td").nth(1).inner_text() == confirmed
    waiting = translated("waiting list, position %(position)s", "de", position=1)
    assert registration_row(page, "Jonas Weber").locator("td").nth(1).inner_text() == waiting
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    first = Registration.objects.get(session=session, person=aylin)
    registration_row(page, "Aylin Demir").locator(
        f"a[href='{MEETINGS}registrations/{first.pk}/cancel/']"
    ).click()
    page.wait_for_url(f"**{MEETINGS}registrations/{first.pk}/cancel/")
    assert_accessible(page)
    submit(page)
    assert page.url.endswith(session_page)
    assert registration_row(page, "Aylin Demir").count() == 0
    assert registration_row(page, "Jonas Weber").locator("td").nth(1).inner_text() == confirmed
    assert_accessible(page)

    promoted = Registration.objects.get(session=session, person=jonas)
    assert promoted.status == Registration.Status.CONFIRMED and promoted.promoted_at
    run_tasks()
    subjects = [message["Subject"].strip() for message in mailbox.to(jonas.email)]
    expected = translated("A seat is free for you: %(title)s", "de", title=isolate("Sprachcafé"))
    assert expected in subjects


# (3) Minutes found by search ----------------------------------------------------------------------


def test_minutes_saved_by_the_coordinator_are_found_through_the_search_box(
    network, coordinator, member_contact, page
):
    meeting = MeetingFactory(network=network, title="Plenum im Februar", starts_at=in_days(-20))
    minutes = f"{MEETINGS}{meeting.pk}/minutes/"
    login(page, coordinator.email, PASSWORD)
    page.goto(minutes)
    page.fill(
        "textarea[name=text]",
        "## Ergebnisse\n\nDie Sprachkurse im **Stadtteilzentrum Südstadt** werden verdoppelt.",
    )
    submit(page)
    assert page.url.endswith(minutes)
    assert MinutesVersion.objects.filter(meeting=meeting).count() == 1
    assert_accessible(page)

    # A member contact, not the author, finds them: minutes are network-internal.
    page.context.clear_cookies()
    login(page, member_contact.email, PASSWORD)
    page.goto(MEETINGS)
    page.fill("header form[role=search] input[name=q]", "stadtteilzent")
    with page.expect_navigation():
        page.press("header form[role=search] input[name=q]", "Enter")
    assert re.search(r"/workspace/search/\?q=stadtteilzent$", page.url), page.url
    results = page.locator("ol.search-results > li")
    assert results.count() == 1
    assert results.locator("p.snippet mark").first.inner_text() == "Stadtteilzentrum"
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    with page.expect_navigation():
        results.locator(f"h2 a[href='{minutes}']").click()
    assert page.url.endswith(minutes)
    assert "Stadtteilzentrum Südstadt" in page.locator("main .minutes").inner_text()
    assert page.locator("main textarea[name=text]").count() == 0, "a member reads, not edits"
