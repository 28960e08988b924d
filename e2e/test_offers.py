"""The directory of offers in a real browser: a visitor searches in Ukrainian, opens an offer
and compares two language courses; the pages pass axe and reflow at 320 px, also in Arabic.

The demo's offers are used (the e2e fixtures load the demo); texts are compared in translation.
"""

import pytest

from knotenpunkt.core.testing import translated

from .helpers import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.browser

OFFERS_UK = "/uk/musterstadt/offers/"


def check_page(page) -> None:
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_a_visitor_searches_in_ukrainian_opens_an_offer_and_compares_two_courses(musterstadt, page):
    page.goto(OFFERS_UK)
    check_page(page)
    page.fill("input[name=q]", "курс німецької")
    with page.expect_navigation():
        page.click("form.offer-filters button[type=submit]")
    titles = page.locator(".offer-list .item-title a")
    assert titles.count() >= 2
    assert "Курс німецької мови" in titles.first.inner_text()
    check_page(page)

    with page.expect_navigation():
        titles.first.click()
    assert "/offers/" in page.url
    assert "Курс німецької мови" in page.locator("h1").inner_text()
    assert page.locator(".offer-facts").is_visible()
    check_page(page)

    page.go_back()
    boxes = page.locator(".offer-list input[name=id]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    with page.expect_navigation():
        page.click(".compare-submit button[type=submit]")
    assert "/offers/compare/?id=" in page.url
    assert page.locator(".offer-compare thead th").count() == 2
    assert translated("Childcare", "uk") in page.locator(".offer-compare").inner_text()
    check_page(page)


def test_the_directory_and_an_offer_read_right_to_left_in_arabic(musterstadt, page):
    page.goto("/ar/musterstadt/offers/?q=استشارة")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".offer-list .item-title a").count() >= 1
    check_page(page)
    with page.expect_navigation():
        page.locator(".offer-list .item-title a").first.click()
    check_page(page)
