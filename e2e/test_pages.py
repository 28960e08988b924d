"""The pages that exist today, in a real browser: axe-core, 320 px, keyboard, RTL, login."""

import re

import pytest

from .helpers import assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser

# (path, expected HTTP status): every kind of page the foundation serves.
PAGES = [
    ("/", 200),
    ("/de/musterstadt/", 200),
    ("/ar/musterstadt/", 200),
    ("/fa/musterstadt/", 200),
    ("/de/musterstadt/pages/imprint/", 200),
    ("/de/musterstadt/knowledge/", 200),
    ("/ar/musterstadt/knowledge/", 200),
    ("/accounts/login/", 200),
    ("/de/no-such-network/", 404),
]
PAGE_IDS = [path for path, _status in PAGES]


@pytest.mark.parametrize(("path", "status"), PAGES, ids=PAGE_IDS)
def test_page_has_no_accessibility_violations(demo, page, path, status):
    response = page.goto(path)
    assert response.status == status
    assert_accessible(page)


@pytest.mark.parametrize(("path", "status"), PAGES, ids=PAGE_IDS)
def test_page_does_not_scroll_sideways_at_320px(demo, page, path, status):
    page.goto(path)
    assert_no_horizontal_scroll(page)


def test_unknown_network_gets_the_styled_not_found_page(demo, page):
    response = page.goto("/de/no-such-network/")
    assert response.status == 404
    assert page.locator("h1").count() == 1
    # The site's stylesheet applies: the skip link is moved off screen, not shown at the top.
    assert page.locator(".skip-link").bounding_box()["y"] < 0
    page.click("main a")
    assert page.url.endswith("/") and page.locator("h1").count() == 1


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(demo, page):
    page.goto("/de/musterstadt/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.hash]")
    assert focused == ["skip-link", "#main"]
    assert page.locator(".skip-link").bounding_box()["y"] >= 0, "focused skip link is visible"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_language_switcher_to_arabic_gives_right_to_left(demo, page):
    page.goto("/de/musterstadt/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.click("nav.lang-switch a[hreflang=ar]")
    page.wait_for_url(re.compile(r"/ar/musterstadt/$"))
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    assert page.locator("nav.lang-switch [aria-current=true]").get_attribute("hreflang") == "ar"
    assert_accessible(page)


def test_coordinator_logs_in_and_reaches_the_management(demo, page):
    login(page, "coordinator@musterstadt.example", "demo")
    assert page.locator("main").inner_text().count("coordinator@musterstadt.example") == 1
    assert_accessible(page)
    page.goto("/de/musterstadt/")
    manage = page.locator("nav.main-nav a[href='/de/musterstadt/manage/members/']")
    assert manage.is_visible()
    with page.expect_navigation() as navigation:
        manage.click()
    assert navigation.value.status == 200
    assert_accessible(page)


def test_wrong_password_is_reported_accessibly(demo, page):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", "coordinator@musterstadt.example")
    page.fill("input[name=password]", "not the password")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/accounts/login/" in page.url
    assert page.locator(".error-summary[role=alert]").is_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
