"""The event calendar: its iCal feed, its edition PDF and its list page (issue 4, Benchmark).

- `/feeds/<net>/events.ics` with 5,000 events (the real view, test client) against plain
  icalendar serialisation of the same rows with the same properties (target ≤ 1.5×);
- the edition PDF with 300 events (the task's work: entries, HTML, WeasyPrint, storing)
  against WeasyPrint alone on the same HTML (target ≤ 1.3×);
- `…/calendar/` query count at 150 and at 15,000 events (must be equal).
"""

import argparse
import datetime
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled
from icalendar import Calendar

from knotenpunkt.core.services import network_create
from knotenpunkt.eventcalendar.editions import edition_page, edition_prepare, periods_upcoming
from knotenpunkt.eventcalendar.tasks import edition_pdf_html, edition_pdf_render

from .calendar_data import populate_events
from .calendar_plain import plain_ics

ICS_TARGET = 1.5
PDF_TARGET = 1.3
LIST_SMALL = 150


def _median_ms(function, runs: int) -> float:
    samples = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _verdict(ratio: float, target: float) -> str:
    return f"target ≤ {target}×, {ratio:.2f}× ({'met' if ratio <= target else 'missed'})"


def _network(slug: str, name: str):
    with scopes_disabled():
        return network_create(slug=slug, name=name, city="Musterstadt")


def _vevents(body: bytes) -> dict[str, set[str]]:
    """UID → property names of every VEVENT (what "the same properties" is checked on)."""
    return {str(item["UID"]): set(item.keys()) for item in Calendar.from_ical(body).walk("VEVENT")}


def bench_ics(client: Client, *, events: int, runs: int) -> bool:
    network = _network("bench-ics", "Netzwerk Feed-Benchmark")
    today = timezone.localdate()
    with scopes_disabled():
        populate_events(network, start=0, count=events, first_day=today, days=180)
    url = f"/feeds/{network.slug}/events.ics"
    response = client.get(url)  # warm-up: templates, URL resolver, VTIMEZONE
    if response.status_code != 200:
        raise SystemExit(f"bench: {url} answered HTTP {response.status_code}")
    plain = plain_ics(network)
    view_events, plain_events = _vevents(response.content), _vevents(plain)
    same = view_events == plain_events and len(view_events) == events

    view_ms = _median_ms(lambda: client.get(url), runs)
    plain_ms = _median_ms(lambda: plain_ics(network), runs)
    ratio = view_ms / plain_ms
    print(f"events.ics with {events:,} events (median of {runs}; test client vs plain icalendar)")
    print(f"  view {view_ms:8.1f} ms, {len(response.content):,} bytes")
    print(f"  plain icalendar {plain_ms:8.1f} ms, {len(plain):,} bytes")
    print(f"  same events and properties in both: {'yes' if same else 'NO'}")
    print(f"  ratio: {_verdict(ratio, ICS_TARGET)}")
    return same


def bench_pdf(*, events: int, runs: int) -> bool:
    from weasyprint import HTML

    network = _network("bench-pdf", "Netzwerk PDF-Benchmark")
    period = periods_upcoming(network=network, today=timezone.localdate(), count=2)[-1]
    with scopes_disabled():
        populate_events(
            network,
            start=0,
            count=events,
            first_day=period.starts_on,
            days=59,
            recurring=False,
        )
        edition = edition_prepare(network=network, actor=None, period=period)
    with scope(network=network):
        page = edition_page(network=network, period=period, language="de", with_changes=False)
        html = edition_pdf_html(network=network, page=page)
    dates = len(page.entries)

    def ours():
        if edition_pdf_render(network_id=network.pk, edition_id=edition.pk) != "done":
            raise SystemExit("bench: the edition PDF was not rendered")

    def weasyprint_alone():
        HTML(string=html).write_pdf()

    ours()  # warm-up: fonts and pango
    ours_ms = _median_ms(ours, runs)
    plain_ms = _median_ms(weasyprint_alone, runs)
    ratio = ours_ms / plain_ms
    print(f"edition PDF with {events:,} events, {dates:,} dates (median of {runs})")
    print(f"  edition task (entries, HTML, PDF, storing) {ours_ms:8.1f} ms")
    print(f"  WeasyPrint alone on the same HTML {plain_ms:8.1f} ms")
    print(f"  ratio: {_verdict(ratio, PDF_TARGET)}")
    return dates == events


def _list_queries(client: Client, url: str) -> tuple[int, float]:
    client.get(url)  # warm-up
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(url)
        ms = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"bench: {url} answered HTTP {response.status_code}")
    return len(captured), ms


def bench_list(client: Client, *, large: int) -> bool:
    network = _network("bench-list", "Netzwerk Kalender-Benchmark")
    url = f"/de/{network.slug}/calendar/"
    first_day = timezone.localdate() + datetime.timedelta(days=1)
    sizes = []
    for start, count in ((0, LIST_SMALL), (LIST_SMALL, large - LIST_SMALL)):
        with scopes_disabled():
            populate_events(network, start=start, count=count, first_day=first_day, days=360)
        sizes.append((start + count, *_list_queries(client, url)))
    print("calendar list page …/calendar/ (anonymous visitor, one request each)")
    for events, queries, ms in sizes:
        print(f"  {events:>7,} events: {queries} queries, {ms:8.1f} ms")
    same = len({queries for _events, queries, _ms in sizes}) == 1
    print(
        f"calendar list query count the same for {LIST_SMALL} and {large:,} events: "
        f"{'yes' if same else 'NO'}"
    )
    return same


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--ics-events", type=int, default=5000)
    parser.add_argument("--pdf-events", type=int, default=300)
    parser.add_argument("--list-events", type=int, default=15_000)
    parser.add_argument("--calendar-runs", type=int, default=3, help="timed runs of each")
    args, _others = parser.parse_known_args(argv)  # the other benchmarks' options

    client = Client()
    results = [
        bench_ics(client, events=args.ics_events, runs=args.calendar_runs),
        bench_pdf(events=args.pdf_events, runs=args.calendar_runs),
        bench_list(client, large=args.list_events),
    ]
    return 0 if all(results) else 1
