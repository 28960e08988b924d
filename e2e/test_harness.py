"""The harness itself must be able to fail: a check that never fails protects nothing."""

import pytest

from .helpers import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.browser

INACCESSIBLE = """<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>
<main><h1>Form</h1><input type="text" name="nameless"><img src="data:," ></main></body></html>"""
TOO_WIDE = """<!DOCTYPE html><html lang="en"><head><title>t</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Wide</h1><div id="wide" style="width: 600px">x</div></main></body></html>"""


def test_axe_reports_violations_with_their_targets(page):
    page.set_content(INACCESSIBLE)
    with pytest.raises(pytest.fail.Exception) as failure:
        assert_accessible(page)
    message = str(failure.value)
    assert "label" in message and "image-alt" in message
    assert "input" in message


def test_sideways_scrolling_at_320px_is_reported_with_the_culprit(page):
    page.set_content(TOO_WIDE)
    with pytest.raises(pytest.fail.Exception, match="div#wide"):
        assert_no_horizontal_scroll(page)
