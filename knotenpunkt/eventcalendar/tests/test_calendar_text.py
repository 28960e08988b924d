"""Long addresses on the calendar's pages wrap between their parts, not inside a word."""

from knotenpunkt.eventcalendar.templatetags.calendar_text import url_breaks


def test_a_link_may_break_after_each_separator_and_stays_escaped():
    shown = url_breaks("https://example.org/anerkennung-studieren?a=1&b=<x>")

    assert shown == (
        "https://<wbr>example.<wbr>org/<wbr>anerkennung-<wbr>studieren?<wbr>a=<wbr>1&amp;<wbr>"
        "b=<wbr>&lt;x&gt;"
    )


def test_nothing_stays_nothing():
    assert url_breaks("") == "" and url_breaks(None) == ""
