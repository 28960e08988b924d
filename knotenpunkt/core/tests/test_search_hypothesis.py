"""Whatever a user types, the search answers: no query syntax error, no exception, no raw markup."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knotenpunkt.core import search
from knotenpunkt.core.models import SearchEntry

pytestmark = pytest.mark.django_db

# Query-language characters of FTS5 and tsquery, mixed into arbitrary text.
SYNTAX = st.sampled_from(
    ['"', "'", "*", ":", "^", "(", ")", "&", "|", "!", "<->", "-", "+", "\\", "\x00", "NEAR"]
)
QUERIES = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(SYNTAX, st.text(max_size=8)), max_size=20).map(" ".join),
)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def indexed(network):
    """A few entries in several scripts, so that some arbitrary queries do match."""
    for title in ("Straßenfest", "Işık Derneği", "مدرسة الأمل", "Sprachcafé 2024", "Ελληνικά"):
        document = search.Document(title=title, body=title * 3, url="x/", visibility=search.PUBLIC)
        SearchEntry.objects.create(
            network=network,
            target_type="tests.thing",
            target_id=title,
            **search.entry_fields(document),
        )
    return network


@FUZZ
@given(query=QUERIES)
def test_any_query_runs_and_returns_a_page(indexed, query):
    viewer = search.Viewer(has_role=True)
    page = search.search(network=indexed, viewer=viewer, query=query)
    assert page.total == len(page.results)
    for result in page.results:
        assert str(result.title).replace("<mark>", "").replace("</mark>", "").count("<") == 0


@FUZZ
@given(text=st.text(max_size=400), query=QUERIES)
def test_highlighting_any_text_escapes_everything_but_the_marks(text, query):
    terms = search.query_terms(query)
    for html in (search.highlight(text, terms), search.snippet(text, terms)):
        assert "<" not in html.replace("<mark>", "").replace("</mark>", "")
        assert html.count("<mark>") == html.count("</mark>")


@given(query=st.text(max_size=1000))
def test_terms_are_plain_words_that_need_no_quoting(query):
    terms = search.query_terms(query)
    assert len(terms) <= search.MAX_TERMS
    for term in terms:
        assert term and term.isalnum() and term == search.fold(term)


# What objects can hold: no NUL (PostgreSQL and Django's forms refuse it), no lone surrogates.
STORABLE = st.text(
    alphabet=st.characters(exclude_characters="\x00", exclude_categories=("Cs",)),
    min_size=1,
    max_size=80,
)


@FUZZ
@given(text=STORABLE)
def test_every_word_of_a_stored_text_finds_it(network, text):
    """Python's words, the FTS5 tokenizer and PostgreSQL's parser agree on what a word is."""
    document = search.Document(title=text, body="", url="x/", visibility=search.NETWORK)
    stored = SearchEntry.objects.create(
        network=network, target_type="tests.thing", target_id="1", **search.entry_fields(document)
    )
    try:
        viewer = search.Viewer(has_role=True)
        for term in search.query_terms(text)[:3]:
            found = search.search(network=network, viewer=viewer, query=term)
            assert [result.entry.pk for result in found.results] == [stored.pk], term
    finally:
        stored.delete()
