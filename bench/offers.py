"""The directory of offers at 100,000 offers of one network.

- Search: the directory's search (`offers.search.search_services`: only publicly listed offers,
  two grades of relevance, the day's fair order, the count and a page of 20) against the raw
  full-text query on the same index (`SELECT rowid … MATCH … ORDER BY bm25 LIMIT 20`), run
  interleaved. Printed: p50 and p95 of each and the ratio (target p95 ≤ 3×).
- The list page `…/offers/` (anonymous visitor, a search with a filter): its query count at 250
  and at 100,000 offers (must be equal).
"""

import argparse
import datetime
import platform
import random
import sqlite3
import statistics
import time

import django
from django.db import connection
from django.db.models import prefetch_related_objects
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from knotenpunkt.core import search as core_search
from knotenpunkt.core.models import SearchEntry
from knotenpunkt.core.services import network_create
from knotenpunkt.members.models import Organisation, OrganisationKind
from knotenpunkt.offers import search
from knotenpunkt.offers.models import (
    Language,
    Location,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
    TaxonomyTerm,
)

TARGET_P95_RATIO = 3.0
WARM_UP = 2
PAGE = 20
SMALL = 250
BATCH = 2000
ORGANISATIONS = 300
DISTRICTS = ["Altstadt", "Nordstadt", "Oststadt", "Weststadt", "Lindenhof", "Mitte"]
LANGUAGES = ["de", "ar", "tr", "uk", "ru", "fa", "en", "ti"]
VOCABULARY = (
    "Deutschkurs Deutsch-Kurs Sprachkurs Integrationskurs Beratung Migrationsberatung "
    "Sozialberatung Frauencafé Elterncafé Hausaufgabenhilfe Bewerbung Ausbildung Praktikum "
    "Anerkennung Gesundheit Sprechstunde Wohnungssuche Mieterberatung Fußball Schwimmkurs "
    "Theater Garten Nähcafé Fahrradwerkstatt Patenschaft Dolmetschen Ehrenamt Kinderbetreuung "
    "Abend Vormittag Wochenende Anfänger Fortgeschrittene Jugendliche Familien Senioren "
    "Türkçe danışmanlık kadın çocuk kurs Almanca "
    "Курс німецької мови консультація діти жінки робота "
    "دورة اللغة الألمانية استشارة نساء أطفال عمل "
    "مشاوره زنان کودکان کلاس"
)
WORDS = VOCABULARY.split()
# Words that occur in few offers each (place names, people, details), as real texts have them.
RARE = [f"{stem}{n}" for stem in ("ort", "name", "thema", "raum", "detail") for n in range(600)]
QUERIES = [
    "deutschkurs",  # common, a compound
    "beratung",  # common
    "sprach",  # prefix
    "turkce kurs",  # diacritics
    "курс німецької",  # Ukrainian
    "استشارة",  # Arabic
    "frauencafe kinderbetreuung",
    "migrationsberatung abend",
    "wohnungssuche",
    "schwimmkurse",  # a word form
    "xylophon",  # no match
]


def _text(rng: random.Random, count: int) -> str:
    """Words of the vocabulary, every third one rare."""
    return " ".join(rng.choice(RARE if n % 3 == 2 else WORDS) for n in range(count))


def _organisations(network) -> list[Organisation]:
    kind = OrganisationKind.objects.filter(network=network).first()
    return Organisation.objects.bulk_create(
        Organisation(network=network, kind=kind, name=f"Träger {n} {_text(random.Random(n), 1)}")
        for n in range(ORGANISATIONS)
    )


def populate(network, organisations, *, start: int, count: int, today, seed=20261207) -> None:
    """Offers of 4–7 word names and 20–60 word descriptions, each with a category, two
    languages and a place; one in ten translated, one in eight outdated, one in 25 hidden."""
    rng = random.Random(f"{seed}-{start}")
    terms = list(TaxonomyTerm.objects.filter(network=network))
    locations = Location.objects.bulk_create(
        Location(network=network, organization=org, name=f"Haus {org.pk}",
                 district=rng.choice(DISTRICTS), wheelchair_accessible=rng.random() < 0.6)
        for org in organisations
    )  # fmt: skip
    for first in range(start, start + count, BATCH):
        size = min(BATCH, start + count - first)
        services = []
        for _n in range(size):
            draw = rng.random()
            age = 400 if draw < 0.04 else 200 if draw < 0.16 else rng.randint(0, 170)
            services.append(
                Service(
                    network=network,
                    organization=rng.choice(organisations),
                    language=rng.choice(LANGUAGES[:4]),
                    name=_text(rng, rng.randint(4, 7)),
                    description=_text(rng, rng.randint(20, 60)),
                    free_of_charge=rng.random() < 0.4,
                    assured_date=today - datetime.timedelta(days=age),
                )
            )
        Service.objects.bulk_create(services)
        by_org = {location.organization_id: location for location in locations}
        Service.terms.through.objects.bulk_create(
            Service.terms.through(service_id=s.pk, taxonomyterm_id=rng.choice(terms).pk)
            for s in services
        )
        Language.objects.bulk_create(
            Language(network=network, service=s, code=code)
            for s in services
            for code in rng.sample(LANGUAGES, 2)
        )
        ServiceAtLocation.objects.bulk_create(
            ServiceAtLocation(network=network, service=s, location=by_org[s.organization_id])
            for s in services
        )
        ServiceTranslation.objects.bulk_create(
            ServiceTranslation(network=network, service=s, language="uk",
                               name=_text(rng, 4), description=_text(rng, 20))
            for s in services
            if rng.random() < 0.1
        )  # fmt: skip
        prefetch_related_objects(services, "organization", "translations", "terms")
        entries, _hidden = core_search._new_entries(services)
        SearchEntry.objects.bulk_create(entries)


RAW = (
    f"SELECT rowid FROM {core_search.FTS_TABLE} WHERE {core_search.FTS_TABLE} MATCH %s"
    f" ORDER BY bm25({core_search.FTS_TABLE}, 10.0, 1.0), rowid LIMIT {PAGE}"
)


def raw_search(query: str) -> list[int]:
    """The floor: the FTS index alone, no join, no freshness, no fair order, no count."""
    with connection.cursor() as cursor:
        cursor.execute(RAW, [core_search.fts_query(search.search_terms(query))])
        return [row[0] for row in cursor.fetchall()]


def directory_search(network, query: str, today) -> tuple[int, list[int]]:
    """What the directory asks for a search: how many there are, and the first page."""
    found = search.search_services(network, query, today=today)
    return found.count(), [service.pk for service in found[:PAGE]]


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(network, runs: int, today):
    mine_ms, raw_ms, per_query = [], [], {}
    for query in QUERIES:
        for _run in range(WARM_UP):
            directory_search(network, query, today)
            raw_search(query)
    for _run in range(runs):
        for query in QUERIES:  # interleaved, so that drift affects both alike
            started = time.perf_counter()
            total, _page = directory_search(network, query, today)
            middle = time.perf_counter()
            raw_search(query)
            ended = time.perf_counter()
            mine_ms.append((middle - started) * 1000)
            raw_ms.append((ended - middle) * 1000)
            per_query.setdefault(query, ([], [], total))
            per_query[query][0].append((middle - started) * 1000)
            per_query[query][1].append((ended - middle) * 1000)
    return mine_ms, raw_ms, per_query


def report(offers: int, runs: int, mine_ms, raw_ms, per_query) -> None:
    print(
        f"Offer search benchmark: Python {platform.python_version()}, Django "
        f"{django.get_version()}, SQLite {sqlite3.sqlite_version}; {offers:,} offers in one "
        f"network, {len(QUERIES)} queries × {runs} runs"
    )
    print(f"{'query':<30}  {'listed':>7}  {'directory ms':>12}  {'raw ms':>7}  {'ratio':>6}")
    for query, (mine, raw, total) in per_query.items():
        p50_mine, p50_raw = statistics.median(mine), statistics.median(raw)
        print(
            f"{query:<30}  {total:>7}  {p50_mine:>12.2f}  {p50_raw:>7.2f}  "
            f"{p50_mine / p50_raw:>5.2f}×"
        )
    for name, share in (("p50", 0.5), ("p95", 0.95)):
        mine, raw = _percentile(mine_ms, share), _percentile(raw_ms, share)
        print(f"{name}: directory {mine:.2f} ms, raw FTS {raw:.2f} ms, ratio {mine / raw:.2f}×")
    ratio = _percentile(mine_ms, 0.95) / _percentile(raw_ms, 0.95)
    verdict = "met" if ratio <= TARGET_P95_RATIO else "missed"
    print(
        f"offer search p95 ratio to the raw FTS query: target ≤ {TARGET_P95_RATIO}×, "
        f"{ratio:.2f}× ({verdict})"
    )


def list_queries(client: Client, url: str) -> tuple[int, float]:
    client.get(url)  # warm-up
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(url)
        ms = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"bench: {url} answered HTTP {response.status_code}")
    return len(captured), ms


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--offers", type=int, default=100_000)
    parser.add_argument("--offer-runs", type=int, default=10, help="timed runs of every query")
    args, _others = parser.parse_known_args(argv)

    client = Client()
    sizes = []
    with scopes_disabled():
        network = network_create(slug="bench-offers", name="Netzwerk Angebote", city="Musterstadt")
        today = datetime.date.today()
        organisations = _organisations(network)
        url = f"/de/{network.slug}/offers/?q=deutschkurs&district=Mitte"
        started = time.perf_counter()
        for first, count in ((0, SMALL), (SMALL, args.offers - SMALL)):
            populate(network, organisations, start=first, count=count, today=today)
            sizes.append((first + count, *list_queries(client, url)))
        print(
            f"{args.offers:,} offers written and indexed in {time.perf_counter() - started:.1f} s"
        )
        mine_ms, raw_ms, per_query = measure(network, args.offer_runs, today)
    report(args.offers, args.offer_runs, mine_ms, raw_ms, per_query)
    print("offer list page …/offers/?q=…&district=… (anonymous visitor, one request each)")
    for offers, queries, ms in sizes:
        print(f"  {offers:>7,} offers: {queries} queries, {ms:8.1f} ms")
    same = len({queries for _offers, queries, _ms in sizes}) == 1
    print(
        f"offer list query count the same for {SMALL} and {args.offers:,} offers: "
        f"{'yes' if same else 'NO'}"
    )
    return 0 if same else 1
