"""The clock of the tests: moments in the network's zone, seen by processes a test starts."""

import datetime
import os
import subprocess
import sys

from django.conf import settings

from knotenpunkt.core.testing import NETWORK_ZONE, TEST_NOW_VARIABLE, moment


def test_named_moments_are_wall_clock_times_of_the_networks_zone():
    new_year = moment("new-year")
    assert new_year.astimezone(datetime.UTC) == datetime.datetime(
        2026, 12, 31, 22, 30, tzinfo=datetime.UTC
    )
    # Still 31 December in UTC, but the network has entered the new year.
    assert moment("new-year-in-utc").astimezone(NETWORK_ZONE).date() == datetime.date(2027, 1, 1)
    # The night the clocks go back has 02:30 twice; the first one is meant (summer time).
    assert moment("dst-autumn").astimezone(datetime.UTC).hour == 0
    assert moment("2026-03-29T01:30") == moment("dst-spring")
    assert moment("2026-06-01T12:00+00:00").utcoffset() == datetime.timedelta(0)


def test_the_clock_stands_still_where_the_test_puts_it(clock):
    clock.move_to("2026-03-29T01:30")
    before = clock.now()
    assert datetime.datetime.now(datetime.UTC) == before
    clock.shift(hours=1)
    # One hour later the wall clock has jumped from 02:00 to 03:00: 03:30, not 02:30.
    assert clock.local().replace(tzinfo=None) == datetime.datetime(2026, 3, 29, 3, 30)
    assert clock.today() == datetime.date(2026, 3, 29)


def test_a_process_the_test_starts_sees_the_moved_clock(clock):
    clock.move_to("new-year")
    assert os.environ[TEST_NOW_VARIABLE] == clock.now().isoformat()

    shown = subprocess.run(
        [
            sys.executable,
            str(settings.BASE_DIR / "manage.py"),
            "shell",
            "-c",
            "from django.utils import timezone; print(timezone.now().isoformat())",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
    ).stdout
    seen = datetime.datetime.fromisoformat(shown.splitlines()[-1])
    # The process keeps its clock ticking from the moment it was given.
    assert datetime.timedelta(0) <= seen - clock.now() < datetime.timedelta(minutes=5)
    assert seen.astimezone(NETWORK_ZONE).date() == datetime.date(2026, 12, 31)
