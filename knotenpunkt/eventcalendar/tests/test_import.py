"""Importing iCal files: created, updated, removed; the same file twice; bad files write nothing."""

import datetime
import zoneinfo
from pathlib import Path

import pytest
from django.utils import translation

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.errors import ImportRejected
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.eventcalendar.ical_import import source_import
from knotenpunkt.eventcalendar.models import Event, EventSource
from knotenpunkt.eventcalendar.recurrence import occurrences
from knotenpunkt.members.tests.factories import (
    ContactPositionFactory,
    OrganisationFactory,
    PersonFactory,
)

FIXTURES = Path(__file__).parent / "fixtures"
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def ics(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(autouse=True)
def _english():
    """Reports are compared with the English msgids."""
    with translation.override("en"):
        yield


def make_member_contact(network):
    """A member contact who speaks for "Eigener Verein" (`.own_organisation`)."""
    user = UserFactory(email="member@example.org")
    grant_role(user, network, "member_contact")
    person = PersonFactory(network=network, user=user, email=user.email)
    organisation = OrganisationFactory(network=network, name="Eigener Verein")
    ContactPositionFactory(organisation=organisation, person=person)
    user.own_organisation = organisation
    return user


@pytest.fixture
def source(network):
    organisation = OrganisationFactory(network=network, name="Verein")
    return EventSource.objects.create(
        network=network, organisation=organisation, name="Vereinskalender"
    )


def snapshot(source):
    """Everything an import may change, to compare two runs."""
    return list(
        Event.objects.filter(source=source)
        .order_by("source_uid")
        .values("pk", "source_uid", "title", "status", "sequence", "starts_at", "exdates", "rrule")
    )


def by_uid(source, uid_start: str) -> Event:
    return Event.objects.get(source=source, source_uid__startswith=uid_start)


def test_import_creates_events_with_recurrence_time_zone_and_all_day(source):
    report = source_import(source=source, raw=ics("verein.ics"))

    assert report["created"] == 3 and report["problems"] == []
    cafe = by_uid(source, "sprachcafe")
    assert cafe.time_zone == "Europe/Berlin"
    assert cafe.place_name == "Stadtteilzentrum"
    assert cafe.organiser == source.organisation
    # Weekly at 18:00 local time on both sides of the change to summer time (31 March 2030),
    # without the excluded 15 April and up to the last Monday of April.
    starts = [o.starts_at.astimezone(BERLIN) for o in occurrences(cafe)]
    assert {s.time() for s in starts} == {datetime.time(18, 0)}
    assert [s.date() for s in starts][-3:] == [
        datetime.date(2030, 4, 8),
        datetime.date(2030, 4, 22),
        datetime.date(2030, 4, 29),
    ]
    assert len(starts) == 8
    counselling = by_uid(source, "beratung")
    assert counselling.ends_at - counselling.starts_at == datetime.timedelta(hours=2)
    assert counselling.online_link == "https://meet.example.org/beratung"
    assert counselling.registration_url == "https://verein.example/anmeldung"
    festival = by_uid(source, "fest")
    assert festival.all_day
    assert festival.starts_at.astimezone(BERLIN) == datetime.datetime(2030, 6, 1, tzinfo=BERLIN)
    assert festival.ends_at.astimezone(BERLIN) == datetime.datetime(2030, 6, 3, tzinfo=BERLIN)


def test_events_of_an_untrusted_organisation_wait_for_moderation(source):
    source_import(source=source, raw=ics("verein.ics"))

    assert set(Event.objects.filter(source=source).values_list("status", flat=True)) == {
        Event.Status.SUBMITTED
    }


def test_events_of_a_trusted_organisation_are_published_directly(source):
    source.organisation.trusted = True
    source.organisation.save()

    source_import(source=source, raw=ics("verein.ics"))

    assert set(Event.objects.filter(source=source).values_list("status", flat=True)) == {
        Event.Status.PUBLISHED
    }


def test_importing_the_same_file_twice_changes_nothing(source):
    source_import(source=source, raw=ics("verein.ics"))
    before = snapshot(source)
    audits = AuditEntry.objects.filter(network=source.network).count()

    report = source_import(source=source, raw=ics("verein.ics"))

    assert snapshot(source) == before
    assert (report["created"], report["updated"], report["removed"]) == (0, 0, 0)
    assert report["unchanged"] == 3
    # One summary entry per run, nothing per event.
    assert AuditEntry.objects.filter(network=source.network).count() == audits + 1


def test_a_changed_file_updates_adds_and_marks_removed_events(source):
    source.organisation.trusted = False
    source.organisation.save()
    source_import(source=source, raw=ics("verein.ics"))
    Event.objects.filter(source=source).update(status=Event.Status.PUBLISHED)
    counselling_pk = by_uid(source, "beratung").pk

    report = source_import(source=source, raw=ics("verein_changed.ics"))

    assert (report["created"], report["updated"], report["removed"]) == (1, 2, 1)
    cafe = by_uid(source, "sprachcafe")
    assert cafe.title == "Sprachcafé am Montag"
    assert cafe.sequence == 1
    assert cafe.status == Event.Status.SUBMITTED  # a new title goes back to moderation
    counselling = Event.objects.get(pk=counselling_pk)  # kept, not deleted
    assert counselling.removed_at_source and counselling.status == Event.Status.CANCELLED
    assert by_uid(source, "fest").status == Event.Status.CANCELLED
    assert by_uid(source, "lesung").status == Event.Status.SUBMITTED

    again = source_import(source=source, raw=ics("verein_changed.ics"))
    assert (again["created"], again["updated"], again["removed"]) == (0, 0, 0)


def test_an_event_back_in_the_file_is_restored(source):
    source_import(source=source, raw=ics("verein.ics"))
    source_import(source=source, raw=ics("verein_changed.ics"))

    source_import(source=source, raw=ics("verein.ics"))

    counselling = by_uid(source, "beratung")
    assert not counselling.removed_at_source
    assert counselling.status == Event.Status.SUBMITTED


def test_sources_are_separate_even_with_the_same_uids(source, network):
    other = EventSource.objects.create(
        network=network, organisation=source.organisation, name="Zweiter Kalender"
    )
    source_import(source=source, raw=ics("verein.ics"))
    source_import(source=other, raw=ics("verein.ics"))

    assert Event.objects.filter(network=network).count() == 6


def rejected(source, raw: bytes) -> list[dict]:
    with pytest.raises(ImportRejected) as caught:
        source_import(source=source, raw=raw)
    assert not Event.objects.filter(source=source).exists()
    return caught.value.problems


def test_a_file_with_broken_events_writes_nothing_and_names_each_problem(source):
    problems = rejected(source, ics("broken.ics"))

    found = {(p["uid"], p["message"]) for p in problems}
    assert ("", "The event has no UID.") in found
    assert ("no-start@kaputt.example", "The event has no start (DTSTART).") in found
    assert ("backwards@kaputt.example", "The event ends before it starts.") in found
    assert (
        "endless@kaputt.example",
        "A repetition needs an end: a last date or a number of times.",
    ) in found
    assert (
        "too-often@kaputt.example",
        "The repetition produces more than 500 dates. Choose an earlier end.",
    ) in found
    assert ("bad-date@kaputt.example", "The property DTSTART is not valid.") in found
    assert len(problems) == 6  # the valid event is not a problem
    backwards = next(p for p in problems if p["uid"] == "backwards@kaputt.example")
    assert backwards["summary"] == "Rückwärts" and backwards["line"] == 18  # its BEGIN:VEVENT


def test_a_malformed_file_writes_nothing(source):
    problems = rejected(source, ics("malformed.ics"))

    assert problems[0]["message"].startswith("The file is not a valid iCal calendar")


def test_deep_nesting_is_refused_before_parsing(source):
    problems = rejected(source, ics("nested.ics"))

    assert problems == [
        {"uid": "", "summary": "", "line": 8, "message": "The file is nested too deeply."}
    ]


def test_a_file_above_the_size_limit_is_refused(source, settings):
    settings.KNOTENPUNKT_ICAL_MAX_BYTES = 1000

    problems = rejected(source, ics("verein.ics"))

    assert problems[0]["message"] == "The file is larger than 1000 bytes."


def test_too_many_events_are_refused(source, settings):
    settings.KNOTENPUNKT_ICAL_MAX_EVENTS = 2

    problems = rejected(source, ics("verein.ics"))

    assert problems[0]["message"] == "The file has more than 2 events."


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xff\xfeBEGIN", "The file is not UTF-8 text."),
        (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", None),
        (b"BEGIN:VCALENDAR\nVERSION:2.0\n", "The file ends before VCALENDAR is closed."),
    ],
)
def test_files_that_are_no_calendars_are_refused(source, raw, message):
    problems = rejected(source, raw)

    if message:
        assert problems[0]["message"] == message
    else:
        assert problems[0]["line"] == 3


def test_a_repetition_rule_longer_than_its_column_is_refused(source):
    days = ",".join(str(day) for day in range(1, 200))
    raw = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\n"
        "UID:lange-regel@verein.example\nSUMMARY:Lange Regel\n"
        "DTSTART:20300304T170000Z\nDTEND:20300304T190000Z\n"
        f"RRULE:FREQ=YEARLY;COUNT=2;BYYEARDAY={days}\nEND:VEVENT\nEND:VCALENDAR\n"
    ).encode()

    problems = rejected(source, raw)

    assert [p["uid"] for p in problems] == ["lange-regel@verein.example"]
    assert problems[0]["message"].startswith("Ensure this value has at most 500 characters")


def test_a_failed_import_keeps_what_the_last_good_one_wrote(source):
    source_import(source=source, raw=ics("verein.ics"))
    before = snapshot(source)

    with pytest.raises(ImportRejected):
        source_import(source=source, raw=ics("broken.ics"))

    assert snapshot(source) == before


MOVED = (
    "BEGIN:VEVENT\nUID:sprachcafe-2030@verein.example\n"
    "RECURRENCE-ID;TZID=Europe/Berlin:20300311T180000\nSUMMARY:Sprachcafé (verlegt)\n"
    "DTSTART;TZID=Europe/Berlin:20300312T183000\nDTEND;TZID=Europe/Berlin:20300312T203000\n"
    "END:VEVENT\n"
)
CANCELLED_DATE = (
    "BEGIN:VEVENT\nUID:sprachcafe-2030@verein.example\n"
    "RECURRENCE-ID;TZID=Europe/Berlin:20300318T180000\nSUMMARY:Sprachcafé\nSTATUS:CANCELLED\n"
    "DTSTART;TZID=Europe/Berlin:20300318T180000\nDTEND;TZID=Europe/Berlin:20300318T200000\n"
    "END:VEVENT\n"
)


def _with(*components: str) -> bytes:
    return (
        ics("verein.ics")
        .decode()
        .replace("END:VCALENDAR\n", "".join(components) + "END:VCALENDAR\n")
        .encode()
    )


def _dates(source) -> list[tuple[str, str, str]]:
    """(local start, title, status) of every imported date in March 2030."""
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    march = (
        datetime.datetime(2030, 3, 1, tzinfo=berlin),
        datetime.datetime(2030, 4, 1, tzinfo=berlin),
    )
    return sorted(
        (f"{item.starts_at.astimezone(berlin):%m-%d %H:%M}", item.event.title, item.event.status)
        for event in Event.objects.filter(source=source, title__startswith="Sprachcafé")
        for item in occurrences(event, start=march[0], end=march[1])
    )


def test_a_moved_single_date_of_a_series_shows_once_at_its_new_time(source):
    report = source_import(source=source, raw=_with(MOVED, CANCELLED_DATE))

    assert report["created"] == 5  # the three events of the file and two changed dates
    series = Event.objects.get(source=source, source_uid="sprachcafe-2030@verein.example")
    assert _dates(source) == [  # 11 March moved to the 12th, 18 March cancelled
        ("03-04 18:00", "Sprachcafé", series.status),
        ("03-12 18:30", "Sprachcafé (verlegt)", series.status),
        ("03-18 18:00", "Sprachcafé", Event.Status.CANCELLED),
        ("03-25 18:00", "Sprachcafé", series.status),
    ]


def test_importing_the_changed_dates_again_changes_nothing(source):
    source_import(source=source, raw=_with(MOVED, CANCELLED_DATE))
    before = snapshot(source)

    report = source_import(source=source, raw=_with(MOVED, CANCELLED_DATE))

    assert (report["created"], report["updated"]) == (0, 0)
    assert snapshot(source) == before


def test_a_changed_date_that_is_taken_back_returns_to_the_series(source):
    source_import(source=source, raw=_with(MOVED))

    source_import(source=source, raw=ics("verein.ics"))

    titles = [title for _start, title, status in _dates(source) if status != Event.Status.CANCELLED]
    assert titles.count("Sprachcafé") == 4 and "Sprachcafé (verlegt)" not in titles
