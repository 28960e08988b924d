"""`make bench` must keep working: its data, its one-query baseline view, and a tiny full run.

No timings are asserted here; the benchmark only prints them.
"""

import datetime
import os
import subprocess
import sys
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from bench.bare import ROWS
from bench.calendar_data import populate_events
from bench.calendar_plain import plain_ics
from bench.data import populate
from knotenpunkt.eventcalendar.models import Event, EventTranslation
from knotenpunkt.eventcalendar.recurrence import check_recurrence
from knotenpunkt.members.models import (
    AgreementSignature,
    ContactPosition,
    Membership,
    Organisation,
    Person,
)

BASE_DIR = Path(__file__).resolve().parents[3]


def test_populate_adds_organisations_with_their_history(network):
    populate(network, start=0, count=40)
    populate(network, start=40, count=40)
    assert Organisation.objects.filter(network=network).count() == 80
    # Numbers 0 and 40 left and re-joined; 10, 20, 30, 50, 60, 70 left.
    assert Membership.objects.filter(network=network).count() == 82
    assert Membership.objects.filter(network=network, left_on__isnull=True).count() == 74
    assert Person.objects.filter(network=network).count() == 80 + 27
    assert ContactPosition.objects.filter(network=network, ended_on__isnull=False).count() == 8
    assert AgreementSignature.objects.filter(network=network).count() == 40


def test_bare_view_renders_the_first_rows_with_one_query(network, client, settings):
    settings.ROOT_URLCONF = "bench.urls"
    populate(network, start=0, count=30)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/bench/bare/{network.pk}/{network.slug}/")
    assert response.status_code == 200
    assert len(captured) == 1
    html = response.content.decode()
    assert html.count('<th scope="row">') == ROWS
    first = Organisation.objects.filter(network=network).order_by("name").first()
    assert first.name in html


def test_populate_events_adds_published_events_some_recurring_and_translated(network):
    first_day = datetime.date.today() + datetime.timedelta(days=1)
    populate_events(network, start=0, count=100, first_day=first_day, days=30)
    events = Event.objects.filter(network=network)
    assert events.count() == 100
    recurring = events.exclude(rrule="")
    assert recurring.count() == 10
    assert all(check_recurrence(event) == 7 for event in recurring)  # 8 less 1 excluded
    assert events.filter(status=Event.Status.CANCELLED).count() == 2
    assert EventTranslation.objects.filter(event__network=network).count() == 20
    assert events.exclude(online_link="").filter(place_name="").count() == 14


def test_plain_baseline_writes_the_feeds_events(network, client):
    """The baseline the feed is compared with serialises the same events."""
    populate_events(network, start=0, count=40, first_day=datetime.date.today(), days=30)
    response = client.get(f"/feeds/{network.slug}/events.ics")
    uids = [
        {str(item["UID"]) for item in Calendar.from_ical(body).walk("VEVENT")}
        for body in (response.content, plain_ics(network))
    ]
    assert uids[0] == uids[1]
    assert len(uids[0]) == 40


def test_full_benchmark_run_prints_its_figures():
    """Small sizes (bench/member_list.py, search.py, meetings.py, calendar.py read these)."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    small = ["--small", "5", "--large", "30", "--runs", "1", "--entries", "500", "--scale", "3"]
    small += ["--ics-events", "200", "--pdf-events", "20", "--list-events", "400"]
    small += ["--calendar-runs", "1", "--offers", "600", "--offer-runs", "1"]
    result = subprocess.run(
        [sys.executable, "-m", "bench", *small],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "query count the same for 5 and 30 organisations: yes" in result.stdout
    assert "ratio to the bare view" in result.stdout
    assert "indexed 500 entries" in result.stdout
    assert "demo size: 8 groups" in result.stdout
    assert "3× demo size: 24 groups" in result.stdout
    assert "query counts unchanged at 3× demo size: yes" in result.stdout
    assert "events.ics with 200 events" in result.stdout
    assert "same events and properties in both: yes" in result.stdout
    assert "edition PDF with 20 events, 20 dates" in result.stdout
    assert "calendar list query count the same for 150 and 400 events: yes" in result.stdout
    assert "offer search p95 ratio to the raw FTS query" in result.stdout
    assert "offer list query count the same for 250 and 600 offers: yes" in result.stdout
