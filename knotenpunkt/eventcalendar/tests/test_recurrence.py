"""Repetitions as the form builds them, expanded in the event's own time zone."""

import datetime
import zoneinfo

import pytest

from knotenpunkt.core.testing import refused
from knotenpunkt.eventcalendar.forms import build_rrule, exdate_values, parse_rrule
from knotenpunkt.eventcalendar.models import Event
from knotenpunkt.eventcalendar.recurrence import check_recurrence, occurrences

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def event_at(start: datetime.datetime, rrule: str, exdates=()) -> Event:
    return Event(
        title="Sprachcafé",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        time_zone="Europe/Berlin",
        rrule=rrule,
        exdates=list(exdates),
    )


def local_starts(event) -> list[datetime.datetime]:
    return [o.starts_at.astimezone(BERLIN).replace(tzinfo=None) for o in occurrences(event)]


def test_weekly_across_the_spring_clock_change_stays_at_six_pm_local():
    # 2025-03-30 is the switch to summer time in Europe/Berlin.
    rule = build_rrule(repeat="weekly", weekdays=["TH"], until=datetime.date(2025, 4, 10))
    event = event_at(datetime.datetime(2025, 3, 20, 18, 0, tzinfo=BERLIN), rule)
    found = occurrences(event)
    assert [o.starts_at.astimezone(BERLIN).hour for o in found] == [18, 18, 18, 18]
    assert [o.starts_at.astimezone(datetime.UTC).hour for o in found] == [17, 17, 16, 16]


def test_weekly_on_several_days_until_the_last_day_inclusive():
    rule = build_rrule(repeat="weekly", weekdays=["FR", "MO"], until=datetime.date(2025, 10, 31))
    assert rule == "FREQ=WEEKLY;BYDAY=MO,FR;UNTIL=20251031T235959"
    event = event_at(datetime.datetime(2025, 10, 20, 18, 0, tzinfo=BERLIN), rule)
    starts = local_starts(event)
    # The autumn change (2025-10-26) lies between; 31 October is the last day and included.
    assert [s.date().day for s in starts] == [20, 24, 27, 31]
    assert {s.hour for s in starts} == {18}


def test_monthly_on_the_second_tuesday():
    rule = build_rrule(repeat="monthly", week_of_month="2", weekday="TU", count=3)
    event = event_at(datetime.datetime(2025, 1, 14, 10, 0, tzinfo=BERLIN), rule)
    assert [s.date() for s in local_starts(event)] == [
        datetime.date(2025, 1, 14),
        datetime.date(2025, 2, 11),
        datetime.date(2025, 3, 11),
    ]


def test_monthly_on_the_last_friday():
    rule = build_rrule(repeat="monthly", week_of_month="-1", weekday="FR", count=2)
    event = event_at(datetime.datetime(2025, 1, 31, 10, 0, tzinfo=BERLIN), rule)
    assert [s.date() for s in local_starts(event)] == [
        datetime.date(2025, 1, 31),
        datetime.date(2025, 2, 28),
    ]


def test_every_three_days():
    rule = build_rrule(repeat="daily", interval=3, count=4)
    event = event_at(datetime.datetime(2025, 3, 28, 9, 0, tzinfo=BERLIN), rule)
    assert [s.day for s in local_starts(event)] == [28, 31, 3, 6]
    assert {s.hour for s in local_starts(event)} == {9}


def test_excluded_days_are_left_out_also_after_the_clock_change():
    start = datetime.datetime(2025, 3, 20, 18, 0, tzinfo=BERLIN)
    rule = build_rrule(repeat="weekly", weekdays=["TH"], count=4)
    excluded = exdate_values(
        [datetime.date(2025, 4, 3)], starts_at=start, time_zone="Europe/Berlin"
    )
    assert excluded == ["2025-04-03T18:00:00+02:00"]
    event = event_at(start, rule, excluded)
    assert [s.day for s in local_starts(event)] == [20, 27, 10]


def test_more_than_500_occurrences_are_refused():
    rule = build_rrule(repeat="daily", count=501)
    with refused(
        "The repetition produces more than %(max)s dates. Choose an earlier end.", field="rrule"
    ):
        check_recurrence(event_at(datetime.datetime(2025, 1, 1, 9, tzinfo=BERLIN), rule))
    assert (
        check_recurrence(
            event_at(
                datetime.datetime(2025, 1, 1, 9, tzinfo=BERLIN),
                build_rrule(repeat="daily", count=500),
            )
        )
        == 500
    )


def test_a_repetition_without_end_is_refused():
    rule = build_rrule(repeat="weekly", weekdays=["MO"])
    with refused("A repetition needs an end: a last date or a number of times.", field="rrule"):
        check_recurrence(event_at(datetime.datetime(2025, 1, 6, 9, tzinfo=BERLIN), rule))


@pytest.mark.parametrize(
    "choices",
    [
        {"repeat": "weekly", "weekdays": ["MO", "WE"], "interval": 2, "count": 10},
        {
            "repeat": "monthly",
            "week_of_month": "-1",
            "weekday": "SA",
            "interval": 1,
            "until": datetime.date(2026, 6, 30),
        },
        {"repeat": "daily", "interval": 14, "count": 5},
    ],
)
def test_the_form_shows_a_stored_rule_back_as_it_was_chosen(choices):
    parsed = parse_rrule(build_rrule(**choices))
    assert {key: parsed.get(key) for key in choices} == choices


def test_a_rule_the_form_cannot_express_is_kept_as_is():
    assert parse_rrule("FREQ=YEARLY;BYMONTH=5;COUNT=3") is None
    assert parse_rrule("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3") is None
