"""Meetings and working-group pages at demo size and at 10× demo size: their query counts.

The demo (`demo_load`: Musterstadt with 8 groups, a year of their meetings, 5 plenaries)
is measured first. Then it grows tenfold with the demo's own builders: 72 more groups with
a year of meetings each, 9 more years of plenaries, and 9 more years of meetings, minutes,
decisions and actions for the group whose page is measured. Every page must make as many
queries at 10× as at demo size.
"""

import argparse
import random
import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from knotenpunkt.accounts.models import User
from knotenpunkt.core.models import Network
from knotenpunkt.demo.groups import group_plan_load, group_year, groups_add
from knotenpunkt.demo.loader import demo_load
from knotenpunkt.demo.plenaries import plenaries_add
from knotenpunkt.demo.rows import Demo
from knotenpunkt.meetings.models import Meeting
from knotenpunkt.workinggroups.models import WorkingGroup

NETWORK = "musterstadt"
VIEWER = "coordinator@musterstadt.example"
GROUP = "sprache-und-bildung"  # the demo member's group; its page gets the extra years
PAGES = (
    ("meetings list, upcoming", "workspace/meetings/"),
    ("meetings list, past", "workspace/meetings/?when=past"),
    ("working groups list", "workspace/groups/"),
    ("group page", f"workspace/groups/{GROUP}/"),
)
RUNS = 5


@dataclass
class Size:
    label: str
    groups: int
    meetings: int
    group_meetings: int  # of the group whose page is measured
    queries: dict[str, int]
    ms: dict[str, float]


def grow(network: Network, scale: int) -> None:
    """Make the demo `scale` times its size with the demo's builders (a different seed)."""
    demo = Demo.start(network, random.Random(f"bench-{scale}"), authors={})
    for copy in range(1, scale):
        for plan in groups_add(demo, copy=copy):
            group_year(demo, plan)
    measured = group_plan_load(WorkingGroup.objects.get(network=network, slug=GROUP))
    for years_back in range(1, scale):
        group_year(demo, measured, years_back=years_back)
        plenaries_add(demo, years_back=years_back)
    demo.rows.save()


def measure(client: Client, network: Network, label: str) -> Size:
    queries, ms = {}, {}
    for name, path in PAGES:
        url = f"/de/{network.slug}/{path}"
        client.get(url)  # warm-up: template and translation caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"bench: {url} answered HTTP {response.status_code}")
        queries[name] = len(captured)
        samples = []
        for _run in range(RUNS):
            started = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        ms[name] = statistics.median(samples)
    with scopes_disabled():
        meetings = Meeting.objects.filter(network=network)
        return Size(
            label=label,
            groups=WorkingGroup.objects.filter(network=network).count(),
            meetings=meetings.count(),
            group_meetings=meetings.filter(group__slug=GROUP).count(),
            queries=queries,
            ms=ms,
        )


def report(sizes: list[Size]) -> bool:
    """Print both sizes; True when every page's query count is unchanged."""
    print(f"Meetings and working-group pages (test client as the coordinator, median of {RUNS})")
    for size in sizes:
        print(
            f"{size.label}: {size.groups} groups, {size.meetings} meetings, "
            f"{size.group_meetings} on the measured group's page"
        )
    small, large = sizes
    print(
        f"{'page':<26}  {small.label + ' queries':>18}  {large.label + ' queries':>18}  "
        f"{'ms':>7}  {'ms':>7}  unchanged"
    )
    same = True
    for name, _path in PAGES:
        unchanged = small.queries[name] == large.queries[name]
        same = same and unchanged
        print(
            f"{name:<26}  {small.queries[name]:>18}  {large.queries[name]:>18}  "
            f"{small.ms[name]:>7.1f}  {large.ms[name]:>7.1f}  {'yes' if unchanged else 'NO'}"
        )
    print(f"query counts unchanged at {large.label}: {'yes' if same else 'NO'}")
    return same


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scale", type=int, default=10, help="the large size, × demo size")
    args, _others = parser.parse_known_args(argv)

    with scopes_disabled():
        demo_load()
        network = Network.objects.get(slug=NETWORK)
        viewer = User.objects.get(email=VIEWER)
    client = Client()
    client.force_login(viewer)
    sizes = [measure(client, network, "demo size")]
    started = time.perf_counter()
    with scopes_disabled():
        grow(network, args.scale)
    print(f"grew the demo {args.scale}× in {time.perf_counter() - started:.1f} s")
    sizes.append(measure(client, network, f"{args.scale}× demo size"))
    return 0 if report(sizes) else 1
