"""Every network starts with the starter taxonomy, its names in the reader's language."""

from django.utils import translation
from django_scopes import scope

from knotenpunkt.accounts.tests.factories import UserFactory
from knotenpunkt.core.services import network_create
from knotenpunkt.core.testing import translated
from knotenpunkt.offers.models import TaxonomyTerm
from knotenpunkt.offers.taxonomy import (
    CEFR_LEVELS,
    LANGUAGE_COURSE,
    STARTER_CATEGORIES,
    starter_taxonomy_create,
    term_label,
)


def test_a_new_network_gets_the_starter_categories_with_cefr_levels_under_language_courses(db):
    operator = UserFactory(email="operator@example.org", is_staff=True)
    network = network_create(
        slug="neustadt", name="Netzwerk Neustadt", city="Neustadt", actor=operator
    )
    with scope(network=network):
        terms = {term.code: term for term in TaxonomyTerm.objects.filter(network=network)}
        starter_taxonomy_create(network)  # running it again adds nothing
        assert TaxonomyTerm.objects.filter(network=network).count() == len(terms)
    assert [code for code, _label in STARTER_CATEGORIES] == [
        code for code in terms if terms[code].parent_id is None
    ]
    levels = [term for term in terms.values() if term.parent_id == terms[LANGUAGE_COURSE].pk]
    assert sorted(term.code.rsplit("-", 1)[1].upper() for term in levels) == CEFR_LEVELS


def test_starter_terms_are_named_in_the_readers_language_and_own_terms_keep_their_name(network):
    counselling = TaxonomyTerm.objects.get(network=network, code="counselling")
    own = TaxonomyTerm.objects.create(
        network=network, taxonomy=counselling.taxonomy, code="own", name="Nähcafé"
    )
    with translation.override("en"):
        assert term_label(counselling) == "Counselling"
        assert term_label(own) == "Nähcafé"
    level = TaxonomyTerm.objects.get(network=network, code="language-course-b1")
    with translation.override("en"):
        assert term_label(level) == "Language course, level B1"
    with translation.override("de"):
        assert term_label(counselling) != "Counselling"
        assert term_label(level) == translated("Language course, level %(level)s", "de") % {
            "level": "B1"
        }
        assert term_label(level) != "Language course, level B1"
