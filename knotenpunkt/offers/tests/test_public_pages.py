"""The public directory: list, filters, freshness, an offer's page, the comparison, isolation."""

import datetime
import re

import pytest
from django_scopes import scope

from knotenpunkt.core.testing import translated
from knotenpunkt.offers.models import DirectorySettings, Service, TaxonomyTerm
from knotenpunkt.offers.tests.factories_public import offer, organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def url(network, path="", lang="en"):
    return f"/{lang}/{network.slug}/offers/{path}"


def listed(client, network, query="", lang="en"):
    page = client.get(url(network, lang=lang) + ("?" + query if query else ""))
    assert page.status_code == 200
    return re.findall(r'<p class="item-title"><a href="[^"]+"[^>]*>([^<]+)</a>', page.text)


def days_ago(days):
    return datetime.date.today() - datetime.timedelta(days=days)


def test_the_list_shows_offers_and_says_how_the_order_is_made(client, network):
    offer(network, "Deutschkurs A1", free_of_charge=True, district="Nordstadt")
    page = client.get(url(network)).text
    assert "Deutschkurs A1" in page
    assert translated("free of charge", "en") in page
    assert "Nordstadt" in page
    fair = (
        "The order changes every day, so that no organisation is always at the top;"
        " nobody can pay for a place."
    )
    assert translated(fair, "en") in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=turkce", ["Türkçe Sohbet"]),
        ("free=on", ["Türkçe Sohbet"]),
        ("step_free=on", ["Deutschkurs B1"]),
        ("district=S%C3%BCdstadt", ["Deutschkurs B1"]),
        ("language=tr", ["Türkçe Sohbet"]),
        ("age=10", ["Hausaufgabenhilfe"]),
        ("age=40", ["Deutschkurs B1", "Türkçe Sohbet"]),
    ],
)
def test_filters_narrow_the_list(client, network, query, expected):
    offer(network, "Deutschkurs B1", terms=["language-course-b1"], district="Südstadt",
          step_free=True, minimum_age=18)  # fmt: skip
    offer(network, "Türkçe Sohbet", languages=["tr"], free_of_charge=True, minimum_age=16)
    offer(network, "Hausaufgabenhilfe", minimum_age=6, maximum_age=14)
    assert sorted(listed(client, network, query)) == expected


def test_a_category_includes_its_levels(client, network):
    offer(network, "Deutschkurs B1", terms=["language-course-b1"])
    offer(network, "Beratung", terms=["counselling"])
    course = TaxonomyTerm.objects.get(network=network, code="language-course")
    assert listed(client, network, f"category={course.pk}") == ["Deutschkurs B1"]


def test_outdated_offers_are_marked_and_hidden_ones_never_listed_or_opened(client, network):
    offer(network, "Frisch")
    stale = offer(network, "Alt", assured=days_ago(200))
    hidden = offer(network, "Versteckt", assured=days_ago(400))
    ended = offer(network, "Beendet", status=Service.Status.DEFUNCT)
    page = client.get(url(network)).text
    assert sorted(listed(client, network)) == ["Alt", "Frisch"]
    assert page.count(translated("may be outdated", "en")) == 1
    assert client.get(url(network, f"{stale.pk}/")).status_code == 200
    assert client.get(url(network, f"{hidden.pk}/")).status_code == 404
    assert client.get(url(network, f"{ended.pk}/")).status_code == 404
    assert listed(client, network, "q=Versteckt") == []


def test_the_networks_own_periods_decide(client, network):
    DirectorySettings.objects.create(network=network, outdated_after_days=30, hidden_after_days=60)
    offer(network, "Alt", assured=days_ago(40))
    offer(network, "Versteckt", assured=days_ago(70))
    assert listed(client, network) == ["Alt"]
    assert translated("may be outdated", "en") in client.get(url(network)).text


@pytest.mark.cross_network("another network's offer must stay out of this network's pages")
def test_another_networks_offer_is_neither_listed_nor_reachable(client, network, other_network):
    with scope(network=network):
        offer(network, "Unser Kurs")
    with scope(network=other_network):
        theirs = offer(other_network, "Deutschkurs Fremd")
    assert listed(client, network) == ["Unser Kurs"]
    assert listed(client, network, "q=Fremd") == []
    assert client.get(url(network, f"{theirs.pk}/")).status_code == 404
    compare = client.get(url(network, f"compare/?id={theirs.pk}&id={theirs.pk}")).text
    assert "Deutschkurs Fremd" not in compare


def test_the_offer_page_shows_schedule_places_contact_and_freshness(client, network):
    service = offer(
        network,
        "Deutschkurs B1",
        terms=["language-course-b1"],
        languages=["de", "uk"],
        district="Südstadt",
        step_free=True,
        schedule=("TU", datetime.time(18, 0), datetime.time(19, 30)),
        email="kurs@example.org",
        fees_description="40 € im Monat",
        application_process="Anmeldung im Büro",
        minimum_age=16,
        childcare=True,
    )
    page = client.get(url(network, f"{service.pk}/")).text
    for text in ["Deutschkurs B1", "Südstadt", "kurs@example.org", "40 € im Monat",
                 "Anmeldung im Büro", "B1", "Ukrainian", translated("Tuesday", "en"),
                 translated("Step-free access", "en"), "6:00", "7:30"]:  # fmt: skip
        assert text in page, text
    assert translated("Last confirmed as correct by the organisation on %(day)s.", "en",
                      day="").split(" on")[0] in page  # fmt: skip


def test_the_readers_language_is_shown_or_the_original_with_a_note(client, network):
    service = offer(
        network, "Elterncafé", description="Für Eltern",
        translations={"uk": ("Кафе для батьків", "Для батьків")},
    )  # fmt: skip
    ukrainian = client.get(url(network, f"{service.pk}/", lang="uk")).text
    assert "Кафе для батьків" in ukrainian
    arabic = client.get(url(network, f"{service.pk}/", lang="ar")).text
    assert "Elterncafé" in arabic
    assert 'lang="de"' in arabic
    assert listed(client, network, lang="uk") == ["Кафе для батьків"]


def test_the_comparison_shows_courses_side_by_side(client, network):
    a1 = offer(network, "Kurs A1", terms=["language-course-a1"], childcare=True,
               fees_description="Kostenlos mit BAMF-Schein", district="Nordstadt",
               schedule=("MO", datetime.time(9), datetime.time(12)))  # fmt: skip
    b2 = offer(network, "Kurs B2", terms=["language-course-b2"], free_of_charge=True)
    listing = client.get(url(network)).text
    assert f'name="id" value="{a1.pk}"' in listing
    page = client.get(url(network, f"compare/?id={a1.pk}&id={b2.pk}")).text
    for text in ["Kurs A1", "Kurs B2", "A1", "B2", "Nordstadt", "Kostenlos mit BAMF-Schein",
                 translated("Monday", "en"), translated("yes", "en")]:  # fmt: skip
        assert text in page, text
    assert "<table>" in page


def test_the_comparison_needs_two_and_takes_at_most_four(client, network):
    courses = [offer(network, f"Kurs {n}", terms=["language-course-a1"]) for n in range(5)]
    one = client.get(url(network, f"compare/?id={courses[0].pk}")).text
    assert "<table>" not in one
    query = "&".join(f"id={course.pk}" for course in courses)
    many = client.get(url(network, f"compare/?{query}")).text
    assert many.count('<th scope="col">') == 4
    assert "Kurs 4" not in many


def test_list_query_count_does_not_grow_with_offers(client, network, django_assert_max_num_queries):
    def make(count):
        org = organisation(network)
        for n in range(count):
            offer(network, f"Kurs {n}", organization=org, terms=["language-course-a1"],
                  district="Nordstadt", languages=["de", "ar"],
                  schedule=("MO", datetime.time(9), datetime.time(12)),
                  translations={"uk": (f"Курс {n}", "")})  # fmt: skip

    make(2)
    with django_assert_max_num_queries(20) as few:
        client.get(url(network, "?q=kurs&free=&step_free=&district=Nordstadt"))
    make(25)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url(network, "?q=kurs&free=&step_free=&district=Nordstadt"))


def test_the_home_page_has_an_offer_search_box(client, network):
    page = client.get(f"/en/{network.slug}/").text
    assert f'action="/en/{network.slug}/offers/"' in page


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=" + "x" * 5000,
        'q="*NEAR(a b)',
        "q=):*%26|!",
        "category=abc",
        "category=99999999999999999999999",
        "age=-1",
        "age=%C2%B2",
        "district=%00",
        "language=%3Cscript%3E",
        "page=99999999999",
        "page=-3",
        "free=maybe",
    ],
)
def test_hostile_values_on_the_list_give_a_page(client, network, query):
    offer(network, "Beratung")
    assert client.get(url(network) + "?" + query).status_code == 200


@pytest.mark.parametrize(
    "query", ["id=abc", "id=%00", "id=99999999999999999999999", "id=-1", "id=1e3&id=²", ""]
)
def test_hostile_values_on_the_comparison_give_a_page(client, network, query):
    assert client.get(url(network, "compare/?" + query)).status_code == 200


def test_markup_in_an_offer_never_executes(client, network):
    service = offer(
        network, "<script>alert(1)</script>", description="<img src=x onerror=alert(1)>"
    )
    page = client.get(url(network, f"{service.pk}/")).text
    assert "<script>alert(1)" not in page
    assert "onerror" not in page
    assert "<script>alert(1)" not in client.get(url(network)).text
