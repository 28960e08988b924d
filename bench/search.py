"""Search over 50,000 entries of one network: the selector against the raw FTS5 query.

The selector (`core.search.search`: permissions of a member contact in two working groups,
capped count, page of 20, highlighted titles and snippets) and the raw query on the same
index (`SELECT rowid … MATCH … ORDER BY bm25 LIMIT 20`) run the same queries, interleaved.
Printed: p50 and p95 of each and their ratios (target p95 ≤ 3×).
"""

import argparse
import platform
import random
import sqlite3
import statistics
import time
from datetime import date

import django
from django.db import connection
from django_scopes import scopes_disabled

from knotenpunkt.accounts.models import Role, User
from knotenpunkt.accounts.services import role_grant
from knotenpunkt.core import search
from knotenpunkt.core.models import SearchEntry
from knotenpunkt.core.services import network_create
from knotenpunkt.members.models import Person
from knotenpunkt.workinggroups.models import GroupMembership, WorkingGroup

TARGET_P95_RATIO = 3.0
WARM_UP = 2
PAGE = 20
GROUPS = ["Sprache und Bildung", "Arbeit und Ausbildung", "Gesundheit", "Wohnen"]
VOCABULARY = (
    "Sitzung Protokoll Beschluss Arbeitsgruppe Netzwerkcafé Integrationskurs Sprachcafé "
    "Beratung Wohnungssuche Ausbildung Praktikum Anerkennung Berufsabschluss Kita Schule "
    "Elternabend Frauenfrühstück Ehrenamt Patenschaft Dolmetscher Übersetzung Gesundheit "
    "Impfung Straßenfest Nachbarschaft Begegnung Müllerstraße Bürgerhaus Rathaus Jobcenter "
    "Ausländerbehörde Aufenthalt Förderung Antrag Frist Haushalt Bericht Zielvereinbarung "
    "Derneği Kültür Dayanışma Işık Gençlik Müdür Ayşe Yılmaz Öğretmen Çocuk "
    "مدرسة الأمل جمعية الصداقة العربية لغة تعليم عمل صحة سكن "
    "Veranstaltung Anmeldung Warteliste Raum Themen Tisch Vortrag Diskussion Ergebnis Aufgabe"
)
WORDS = VOCABULARY.split()
KINDS = ["members.organisation", "meetings.minutes", "meetings.decision", "knowledge.page"]
QUERIES = [
    "protokoll",  # very common
    "sitzung beschluss",
    "sprach",  # prefix
    "strasse",  # ß
    "mullerstrasse burgerhaus",
    "isik genclik",  # Turkish
    "dayanisma",
    "مدرسة",  # Arabic
    "الامل جمعيه",
    "anerkennung berufsabschluss frist",
    "kita eltern",
    "warteliste",
    "integrationskurs dolmetscher",
    "zielvereinbarung bericht haushalt",
    "xylophon",  # no match
]


def _text(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def populate(network, group_ids: list[int], *, entries: int, seed: int = 20240301) -> None:
    """Entries with 4–8 word titles and 30–90 word bodies; 1 in 5 for a group, 1 in 5 internal."""
    rng = random.Random(seed)
    batch = []
    for number in range(entries):
        kind = KINDS[number % len(KINDS)]
        visibility, group_id = search.NETWORK, None
        if number % 5 == 1:
            visibility, group_id = search.GROUP, rng.choice(group_ids)
        elif number % 5 == 2:
            visibility = search.COORDINATOR
        elif number % 10 == 3:
            visibility = search.PUBLIC
        document = search.Document(
            title=_text(rng, rng.randint(4, 8)),
            body=_text(rng, rng.randint(30, 90)),
            url=f"bench/{number}/",
            visibility=visibility,
            group_id=group_id,
        )
        batch.append(
            SearchEntry(
                network=network,
                target_type=kind,
                target_id=str(number),
                **search.entry_fields(document),
            )
        )
        if len(batch) == 2000:
            SearchEntry.objects.bulk_create(batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)


def _member_in_groups(network, groups: list[WorkingGroup]) -> User:
    user = User.objects.create_user("member@search-bench.example")
    role_grant(network=network, user=user, role=Role.MEMBER_CONTACT, actor=None)
    person = Person.objects.create(network=network, full_name="Mitglied", user=user)
    for group in groups[:2]:
        GroupMembership.objects.create(
            network=network, group=group, person=person, joined_on=date(2020, 1, 1)
        )
    return user


RAW = (
    f"SELECT rowid FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH %s"
    f" ORDER BY bm25({search.FTS_TABLE}, 10.0, 1.0), rowid LIMIT {PAGE}"
)


def raw_search(query: str) -> list[int]:
    """The floor: the FTS index alone, no join, no permissions, no count, no snippets."""
    with connection.cursor() as cursor:
        cursor.execute(RAW, [search.fts_query(search.query_terms(query))])
        return [row[0] for row in cursor.fetchall()]


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(network, viewer, runs: int) -> tuple[list[float], list[float], dict]:
    selector_ms, raw_ms, per_query = [], [], {}
    for query in QUERIES:
        for _run in range(WARM_UP):
            search.search(network=network, viewer=viewer, query=query)
            raw_search(query)
    for _run in range(runs):
        for query in QUERIES:  # interleaved, so that drift affects both alike
            started = time.perf_counter()
            page = search.search(network=network, viewer=viewer, query=query)
            middle = time.perf_counter()
            raw_search(query)
            ended = time.perf_counter()
            selector_ms.append((middle - started) * 1000)
            raw_ms.append((ended - middle) * 1000)
            per_query.setdefault(query, ([], [], page.total))
            per_query[query][0].append((middle - started) * 1000)
            per_query[query][1].append((ended - middle) * 1000)
    return selector_ms, raw_ms, per_query


def agrees(network) -> bool:
    """For the coordinator (who sees all), the selector's first page is the raw query's."""
    viewer = search.Viewer(has_role=True, sees_everything=True)
    for query in QUERIES:
        page = search.search(network=network, viewer=viewer, query=query, per_page=PAGE)
        if [result.entry.pk for result in page.results] != raw_search(query):
            return False
    return True


def report(entries: int, runs: int, selector_ms, raw_ms, per_query) -> None:
    print(
        f"Search benchmark: Python {platform.python_version()}, Django {django.get_version()}, "
        f"SQLite {sqlite3.sqlite_version}; {entries:,} entries in one network, "
        f"{len(QUERIES)} queries × {runs} runs"
    )
    print(f"{'query':<36}  {'results':>8}  {'selector ms':>11}  {'raw ms':>7}  {'ratio':>6}")
    for query, (mine, raw, total) in per_query.items():
        shown = f">{search.COUNT_CAP}" if total > search.COUNT_CAP else str(total)
        p50_mine, p50_raw = statistics.median(mine), statistics.median(raw)
        print(
            f"{query:<36}  {shown:>8}  {p50_mine:>11.2f}  {p50_raw:>7.2f}  "
            f"{p50_mine / p50_raw:>5.2f}×"
        )
    for name, share in (("p50", 0.5), ("p95", 0.95)):
        mine, raw = _percentile(selector_ms, share), _percentile(raw_ms, share)
        print(f"{name}: selector {mine:.2f} ms, raw FTS {raw:.2f} ms, ratio {mine / raw:.2f}×")
    ratio = _percentile(selector_ms, 0.95) / _percentile(raw_ms, 0.95)
    verdict = "met" if ratio <= TARGET_P95_RATIO else "missed"
    print(f"p95 ratio to the raw FTS query: target ≤ {TARGET_P95_RATIO}×, {ratio:.2f}× ({verdict})")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=30, help="timed runs of every query")
    parser.add_argument("--entries", type=int, default=50_000)
    args, _others = parser.parse_known_args(argv)

    with scopes_disabled():
        network = network_create(slug="bench-search", name="Netzwerk Suche", city="Musterstadt")
        groups = [
            WorkingGroup.objects.create(
                network=network, name=name, slug=f"ag-{n}", active_from=date(2020, 1, 1)
            )
            for n, name in enumerate(GROUPS)
        ]
        member = _member_in_groups(network, groups)
        started = time.perf_counter()
        populate(network, [group.pk for group in groups], entries=args.entries)
        print(f"indexed {args.entries:,} entries in {time.perf_counter() - started:.1f} s")
        viewer = search.viewer_for(member, network)
        selector_ms, raw_ms, per_query = measure(network, viewer, args.runs)
        same = agrees(network)
    report(args.entries, args.runs, selector_ms, raw_ms, per_query)
    print(f"selector and raw query find the same first page: {'yes' if same else 'NO'}")
    return 0 if same else 1
