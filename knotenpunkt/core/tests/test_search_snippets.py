"""Highlighted titles and snippets: built in Python from the stored text, escaped around <mark>."""

from knotenpunkt.core.search_text import highlight, query_terms, snippet


def test_the_original_word_is_marked_when_the_query_is_normalised():
    assert highlight("Fest in der Müllerstraße", query_terms("mullerstr")) == (
        "Fest in der <mark>Müllerstraße</mark>"
    )
    assert highlight("Işık Derneği", query_terms("isik")) == "<mark>Işık</mark> Derneği"


def test_arabic_marks_stay_inside_the_highlighted_word():
    marked = highlight("مَدْرَسَةُ الأَمَل", query_terms("مدرسة"))
    assert marked == "<mark>مَدْرَسَةُ</mark> الأَمَل"


def test_every_matching_word_is_marked_and_only_at_word_starts():
    marked = highlight("Sprachkurs, Sprachcafé und Fremdsprache", query_terms("sprach"))
    assert marked == "<mark>Sprachkurs</mark>, <mark>Sprachcafé</mark> und Fremdsprache"


def test_markup_in_the_text_is_escaped_not_executed():
    text = '<script>alert("x")</script> Sprachcafé <img src=x onerror=alert(1)>'
    marked = highlight(text, query_terms("sprach script"))
    assert "<script" not in marked and "<img" not in marked
    assert "&lt;<mark>script</mark>&gt;" in marked
    assert "<mark>Sprachcafé</mark>" in marked
    assert snippet(text, query_terms("onerror")).count("<mark>") == 1
    assert "<img" not in snippet(text, query_terms("onerror"))


def test_the_snippet_is_cut_around_the_first_match_with_whole_words():
    before = " ".join(f"vorher{n}" for n in range(60))
    after = " ".join(f"danach{n}" for n in range(60))
    text = f"{before}\n\nBeschluss: Das Sprachcafé zieht ins Bürgerhaus.\n{after}"
    result = snippet(text, query_terms("burgerhaus"))
    assert result.startswith("… ") and result.endswith(" …")
    assert "<mark>Bürgerhaus</mark>" in result
    assert "\n" not in result
    words = result.strip("… ").replace("<mark>", "").replace("</mark>", "").split()
    assert all(word.startswith(("vorher", "danach")) or word in text for word in words)
    assert len(result) < 400


def test_a_short_text_is_shown_whole_and_an_empty_one_not_at_all():
    assert (
        snippet("Treffen im Rathaus", query_terms("rathaus")) == "Treffen im <mark>Rathaus</mark>"
    )
    assert snippet("", query_terms("rathaus")) == ""


def test_a_text_matched_only_in_the_title_shows_its_beginning():
    text = "Erster Satz. " + "Weiter " * 100
    result = snippet(text, query_terms("protokoll"))
    assert result.startswith("Erster Satz.") and result.endswith(" …")
    assert "<mark>" not in result
