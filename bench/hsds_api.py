"""The HSDS API's lists at 250 and at 100,000 offers (issue 11, Benchmark).

Each list endpoint (and one service and one organisation in full) is asked at both sizes:
its query count must be the same (it must not grow with the data); the median time of a
page is reported beside it. One offer in ten is stale, so the public filter has work to do.
"""

import argparse
import datetime
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from knotenpunkt.core.services import network_create
from knotenpunkt.members.models import Organisation, OrganisationKind
from knotenpunkt.offers.models import (
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)

SMALL = 250
ORGANISATIONS = 250
BATCH = 2000
ENDPOINTS = ["services", "organizations", "service_at_locations", "taxonomy_terms"]
LANGUAGES = ["de", "uk", "ar", "tr", "fa", "en", "ru"]


def _organisations(network) -> list[Organisation]:
    kind = OrganisationKind.objects.filter(network=network).order_by("position").first()
    organisations = Organisation.objects.bulk_create(
        Organisation(network=network, name=f"Träger Nr. {n:03d}", kind=kind, public_listing=True)
        for n in range(ORGANISATIONS)
    )
    Location.objects.bulk_create(
        Location(
            network=network,
            organization=organisation,
            name=f"Haus {n}",
            address_1=f"Marktplatz {n}",
            postal_code="12345",
            city="Musterstadt",
            district=f"Bezirk {n % 12}",
            wheelchair_accessible=n % 2 == 0,
        )
        for n, organisation in enumerate(organisations)
    )
    return organisations


def _add_offers(network, organisations, *, start: int, count: int) -> None:
    """Offers number start … start+count-1, each at its organisation's place, once a week."""
    today = datetime.date.today()
    terms = list(TaxonomyTerm.objects.filter(network=network).order_by("pk"))
    places = {row.organization_id: row for row in Location.objects.filter(network=network)}
    through = Service.terms.through
    for first in range(start, start + count, BATCH):
        numbers = range(first, min(first + BATCH, start + count))
        services = Service.objects.bulk_create(
            Service(
                network=network,
                organization=organisations[n % len(organisations)],
                language="de",
                name=f"Angebot Nr. {n:06d}",
                description="Kurs, Beratung oder Treffpunkt für Neuzugewanderte.",
                assured_date=today - datetime.timedelta(days=400 if n % 10 == 0 else n % 150),
            )
            for n in numbers
        )
        links = ServiceAtLocation.objects.bulk_create(
            ServiceAtLocation(
                network=network, service=service, location=places[service.organization_id]
            )
            for service in services
        )
        Schedule.objects.bulk_create(
            Schedule(
                network=network,
                service_at_location=link,
                byday=Schedule.Weekday.values[n % 7],
                opens_at=datetime.time(9 + n % 9),
                closes_at=datetime.time(10 + n % 9),
            )
            for n, link in zip(numbers, links, strict=True)
        )
        Language.objects.bulk_create(
            Language(network=network, service=service, code=LANGUAGES[n % len(LANGUAGES)])
            for n, service in zip(numbers, services, strict=True)
        )
        through.objects.bulk_create(
            through(service_id=service.pk, taxonomyterm_id=terms[n % len(terms)].pk)
            for n, service in zip(numbers, services, strict=True)
        )


def _measure(client: Client, url: str, runs: int) -> tuple[int, float]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = len(captured)  # now: a later request may reset the connection's log
    if response.status_code != 200:
        raise SystemExit(f"bench: {url} answered HTTP {response.status_code}")
    samples = []
    for _run in range(runs):
        started = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    return queries, statistics.median(samples)


def _urls(network) -> dict[str, str]:
    base = f"/api/hsds/{network.slug}/"
    with scopes_disabled():
        recent = datetime.date.today() - datetime.timedelta(days=300)
        service = Service.objects.filter(network=network, assured_date__gte=recent).first()
        organisation = service.organization
    urls = {name: f"{base}{name}?per_page=50" for name in ENDPOINTS}
    urls["services (page 3)"] = f"{base}services?per_page=50&page=3"
    urls["services/{id}"] = f"{base}services/{service.uuid}"
    urls["organizations/{id}"] = f"{base}organizations/{organisation.uuid}"
    return urls


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--api-offers", type=int, default=100_000)
    parser.add_argument("--api-runs", type=int, default=5, help="timed runs of each page")
    args, _others = parser.parse_known_args(argv)

    with scopes_disabled():
        network = network_create(slug="hsds-bench", name="HSDS-Bench", city="Musterstadt")
        organisations = _organisations(network)
        _add_offers(network, organisations, start=0, count=SMALL)
    client = Client()
    small = {name: _measure(client, url, args.api_runs) for name, url in _urls(network).items()}
    with scopes_disabled():
        _add_offers(network, organisations, start=SMALL, count=args.api_offers - SMALL)
    large = {name: _measure(client, url, args.api_runs) for name, url in _urls(network).items()}

    print(f"\nHSDS API: {SMALL:,} and {args.api_offers:,} offers (queries, median ms)")
    constant = True
    for name in small:
        (queries_small, ms_small), (queries_large, ms_large) = small[name], large[name]
        same = queries_small == queries_large
        constant &= same
        print(
            f"  {name:<22} {queries_small:>3} → {queries_large:>3} queries"
            f" ({'constant' if same else 'GROWS'}),  {ms_small:7.1f} → {ms_large:7.1f} ms"
        )
    return 0 if constant else 1
