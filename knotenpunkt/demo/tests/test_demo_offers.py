"""The demo's directory of offers: competing course providers, many languages, freshness."""

import collections

import pytest

from knotenpunkt.core.dates import network_today
from knotenpunkt.offers import search
from knotenpunkt.offers.freshness import Freshness, freshness_of, periods_of, publicly_listed
from knotenpunkt.offers.models import Service, ServiceTranslation

pytestmark = pytest.mark.django_db


def test_about_250_offers_with_competing_course_providers_and_freshness(musterstadt, client):
    services = list(Service.objects.filter(network=musterstadt).select_related("organization"))
    assert 220 <= len(services) <= 280
    courses = collections.Counter(
        s.organization.name for s in services if s.name.startswith("Deutsch")
    )
    assert len(courses) >= 4
    assert {s.language for s in services} >= {"de", "tr", "uk", "ru", "fa", "en"}
    assert ServiceTranslation.objects.filter(language="ar").exists()
    periods, today = periods_of(musterstadt), network_today(musterstadt)
    kinds = collections.Counter(freshness_of(s, periods, today) for s in services)
    assert kinds[Freshness.OUTDATED] >= 15
    assert 1 <= kinds[Freshness.HIDDEN] <= 25
    assert publicly_listed(musterstadt).count() == len(services) - kinds[Freshness.HIDDEN]


def test_the_demo_offers_are_found_in_several_languages(musterstadt, client):
    assert search.search_services(musterstadt, "Deutschkurs B1").exists()
    assert search.search_services(musterstadt, "Курс німецької").exists()
    assert search.search_services(musterstadt, "Turk halk danslari").exists()  # "Türk … dansları"
    assert search.search_services(musterstadt, "danismanlik").exists()  # "danışmanlık"
    page = client.get("/uk/musterstadt/offers/?q=курс").text
    assert "Курс німецької мови" in page
