"""The member list `/de/<net>/manage/members/` with 80 and with 8,000 organisations.

For each size: the page's query count (must not grow with the data) and its median time,
as a ratio to the bare one-query view in bench/bare.py measured in the same run.
"""

import argparse
import platform
import sqlite3
import statistics
import time
from dataclasses import dataclass

import django
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from knotenpunkt.accounts.models import Role, User
from knotenpunkt.accounts.services import role_grant
from knotenpunkt.core.services import network_create

from .bare import ROWS, bare_member_rows_queryset
from .data import populate

TARGET_RATIO = 1.5
WARM_UP = 3


@dataclass
class Figures:
    organisations: int
    page_queries: int
    page_ms: float
    bare_queries: int
    bare_ms: float
    rows_shown: int  # how many of the bare view's rows the page shows too

    @property
    def ratio(self) -> float:
        return self.page_ms / self.bare_ms


def _fetch(client: Client, url: str) -> tuple[int, str]:
    """One request with its queries counted; a page that is not 200 stops the benchmark."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"bench: {url} answered HTTP {response.status_code}")
    return len(captured), response.content.decode()


def _median_ms(client: Client, urls: list[str], runs: int) -> list[float]:
    # Interleaved, so that drift (CPU clock, caches) affects both views alike.
    samples: dict[str, list[float]] = {url: [] for url in urls}
    for _run in range(runs):
        for url in urls:
            started = time.perf_counter()
            client.get(url)
            samples[url].append((time.perf_counter() - started) * 1000)
    return [statistics.median(samples[url]) for url in urls]


def measure(client: Client, network, organisations: int, runs: int) -> Figures:
    page_url = f"/de/{network.slug}/manage/members/"
    bare_url = f"/bench/bare/{network.pk}/{network.slug}/"
    for _run in range(WARM_UP):
        _fetch(client, page_url)
        _fetch(client, bare_url)
    page_queries, page_html = _fetch(client, page_url)
    bare_queries, _bare_html = _fetch(client, bare_url)
    with scopes_disabled():
        names = [row.name for row in bare_member_rows_queryset(network.pk)]
    page_ms, bare_ms = _median_ms(client, [page_url, bare_url], runs)
    return Figures(
        organisations=organisations,
        page_queries=page_queries,
        page_ms=page_ms,
        bare_queries=bare_queries,
        bare_ms=bare_ms,
        rows_shown=sum(name in page_html for name in names),
    )


def report(figures: list[Figures], runs: int) -> bool:
    """Print the table; True when the query count is the same for every size."""
    print(
        f"Member list benchmark: Python {platform.python_version()}, Django {django.get_version()}"
        f", SQLite {sqlite3.sqlite_version}; median of {runs} requests each (test client)"
    )
    print(
        f"{'organisations':>13}  {'page queries':>12}  {'page ms':>8}  "
        f"{'bare queries':>12}  {'bare ms':>8}  {'ratio':>6}  rows"
    )
    for f in figures:
        print(
            f"{f.organisations:>13,}  {f.page_queries:>12}  {f.page_ms:>8.2f}  "
            f"{f.bare_queries:>12}  {f.bare_ms:>8.2f}  {f.ratio:>5.2f}×  {f.rows_shown}/{ROWS}"
        )
    counts = {f.page_queries for f in figures}
    sizes = " and ".join(f"{f.organisations:,}" for f in figures)
    same = len(counts) == 1
    print(f"query count the same for {sizes} organisations: {'yes' if same else 'NO'}")
    worst = max(f.ratio for f in figures)
    verdict = "met" if worst <= TARGET_RATIO else "missed"
    print(f"time ratio to the bare view: target ≤ {TARGET_RATIO}×, worst {worst:.2f}× ({verdict})")
    if any(f.rows_shown < ROWS for f in figures):
        print("note: the page does not show all of the bare view's rows (different sort?)")
    return same


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=30, help="timed requests per view and size")
    parser.add_argument("--small", type=int, default=80)
    parser.add_argument("--large", type=int, default=8000)
    args, _others = parser.parse_known_args(argv)  # the other benchmarks' options

    with scopes_disabled():
        network = network_create(slug="bench", name="Netzwerk Benchmark", city="Musterstadt")
        coordinator = User.objects.create_user("coordinator@bench.example")
        role_grant(network=network, user=coordinator, role=Role.COORDINATOR, actor=None)
        populate(network, start=0, count=args.small)
    client = Client()
    client.force_login(coordinator)

    figures = [measure(client, network, args.small, args.runs)]
    with scopes_disabled():
        populate(network, start=args.small, count=args.large - args.small)
    figures.append(measure(client, network, args.large, args.runs))
    return 0 if report(figures, args.runs) else 1
