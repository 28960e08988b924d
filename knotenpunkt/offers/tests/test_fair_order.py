"""The fair order: among equally relevant offers the first place rotates daily and evenly."""

import collections
import datetime

import pytest

from knotenpunkt.offers import search
from knotenpunkt.offers.tests.factories_public import offer, organisation

pytestmark = pytest.mark.django_db


def providers(network, count):
    return [
        offer(network, f"Deutschkurs A1 {n}", organization=organisation(network, f"Schule {n}"))
        for n in range(count)
    ]


def first_provider(network, text=""):
    return search.search_services(network, text).first().organization.name


@pytest.mark.parametrize("count", [3, 5])
def test_over_30_days_every_provider_is_first_equally_often(network, clock, count):
    clock.move_to("2026-03-01T09:00")
    providers(network, count)
    firsts = collections.Counter()
    for _day in range(30):
        firsts[first_provider(network, "Deutschkurs")] += 1
        clock.shift(days=1)
    assert len(firsts) == count
    assert max(firsts.values()) - min(firsts.values()) <= 1


def test_every_place_changes_hands_not_only_the_first(network, clock):
    clock.move_to("2026-03-01T09:00")
    providers(network, 4)
    places = collections.defaultdict(set)
    for _day in range(4):
        for place, service in enumerate(search.search_services(network, "")):
            places[service.name].add(place)
        clock.shift(days=1)
    assert all(seen == {0, 1, 2, 3} for seen in places.values())


def test_the_order_is_the_same_all_day_and_changes_the_next(network, clock):
    clock.move_to("2026-03-01T00:30")
    providers(network, 6)
    morning = [s.pk for s in search.search_services(network, "")]
    clock.move_to("2026-03-01T23:30")
    assert [s.pk for s in search.search_services(network, "")] == morning
    clock.move_to("2026-03-02T00:30")
    assert [s.pk for s in search.search_services(network, "")] != morning


def test_a_better_match_stays_before_the_rotation(network, clock):
    clock.move_to("2026-03-01T09:00")
    providers(network, 3)
    mention = offer(network, "Elterncafé", description="mit Deutschkurs")
    for _day in range(5):
        found = list(search.search_services(network, "Deutschkurs"))
        assert found[-1] == mention
        clock.shift(days=1)


def test_the_seed_is_the_networks_and_its_day(network, other_network):
    day = datetime.date(2026, 3, 1)
    assert search.day_seed(network, day) == search.day_seed(network, day)
    assert search.day_seed(network, day) != search.day_seed(other_network, day)
    assert search.day_seed(network, day) != search.day_seed(network, day.replace(day=2))
