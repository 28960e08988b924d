"""The directory's search: every language, diacritics, compounds and word forms, relevance."""

import pytest

from knotenpunkt.offers import search
from knotenpunkt.offers.tests.factories_public import offer, organisation

pytestmark = pytest.mark.django_db


def names(network, text):
    return [service.name for service in search.search_services(network, text)]


def test_a_compound_finds_its_hyphenated_form(network, clock):
    offer(network, "Deutsch-Kurs am Abend")
    offer(network, "Nähcafé")
    assert names(network, "Deutschkurs") == ["Deutsch-Kurs am Abend"]
    assert names(network, "Deutsch Kurs") == ["Deutsch-Kurs am Abend"]
    assert names(network, "deutschkurse") == ["Deutsch-Kurs am Abend"]


def test_diacritics_and_letter_variants_do_not_matter(network, clock):
    offer(network, "Türkçe Sohbet Grubu", language="tr")
    offer(network, "Straßenfest")
    offer(network, "Kurs für Väter")
    assert names(network, "Turkce") == ["Türkçe Sohbet Grubu"]
    assert names(network, "TÜRKÇE sohbet") == ["Türkçe Sohbet Grubu"]
    assert names(network, "strassenfest") == ["Straßenfest"]
    assert names(network, "vater") == ["Kurs für Väter"]


def test_word_forms_find_each_other(network, clock):
    offer(network, "Beratung für Frauen")
    offer(network, "Sprachkurse für Eltern")
    assert names(network, "Beratungen") == ["Beratung für Frauen"]
    assert names(network, "Frau") == ["Beratung für Frauen"]
    assert names(network, "Sprachkurs") == ["Sprachkurse für Eltern"]


def test_translations_organisation_and_categories_are_found_in_every_language(network, clock):
    course = offer(
        network,
        "Deutschkurs B1",
        organization=organisation(network, "Sprachschule Lingua"),
        terms=["language-course-b1"],
        translations={"uk": ("Курс німецької мови B1", "Для дорослих, ввечері")},
    )
    offer(network, "Hausaufgabenhilfe", terms=["children-and-family"])
    assert names(network, "німецької") == [course.name]
    assert names(network, "курси") == [course.name]  # a word form of "курс"
    assert names(network, "Lingua") == [course.name]
    assert names(network, "Language course") == [course.name]  # the category, in English


def test_arabic_text_is_found_with_and_without_marks(network, clock):
    offer(network, "استشارة", description="اِسْتِشَارَةٌ قانونية للعائلات", language="ar")
    assert names(network, "استشارة قانونية") == ["استشارة"]


def test_offers_named_by_every_word_come_before_those_that_mention_them(network, clock):
    offer(network, "Gartenprojekt", description="Auch ein Deutschkurs für Anfänger")
    offer(network, "Deutschkurs A1")
    assert names(network, "Deutschkurs") == ["Deutschkurs A1", "Gartenprojekt"]


def test_query_syntax_is_plain_text(network, clock):
    offer(network, "Beratung")
    for text in ['"', "*", "NEAR(a b)", "a OR b", "'", "):*", "\\", "-", "AND"]:
        assert names(network, text) in ([], ["Beratung"])


def test_a_renamed_organisation_is_found_under_its_new_name(network, clock):
    org = organisation(network, "Altname")
    offer(network, "Beratung", organization=org)
    org.name = "Neuname"
    org.save()
    assert names(network, "Neuname") == ["Beratung"]
    assert names(network, "Altname") == []
