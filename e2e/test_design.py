"""The design system in the browser: the phone header and its buttons (with and without a
script), filters folded on phones, and the style guide in both directions."""

import pytest

from .helpers import assert_accessible, assert_no_horizontal_scroll, login

PHONE = {"width": 360, "height": 760}


def _header_height(page) -> float:
    return page.evaluate("() => document.querySelector('.site-header').offsetHeight")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_phone_header_is_one_row_and_its_menu_button_opens_and_closes(demo, page, language):
    login(page, "coordinator@musterstadt.example", "demo")
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/musterstadt/workspace/")
    assert _header_height(page) <= 0.15 * PHONE["height"]
    workspace_link = page.locator("nav.main-nav a[href$='/workspace/']")
    assert not workspace_link.is_visible()
    menu = page.locator("button[aria-controls=site-menu]")
    assert menu.get_attribute("aria-expanded") == "false"
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    assert workspace_link.is_visible()
    assert page.locator("#header-search-q").is_visible()
    assert_accessible(page)
    page.keyboard.press("Escape")
    assert not workspace_link.is_visible()
    assert (
        page.evaluate("() => document.activeElement.getAttribute('aria-controls')") == "site-menu"
    )


def test_phone_language_button_lists_every_language_in_its_own_name(demo, page):
    page.set_viewport_size(PHONE)
    page.goto("/de/musterstadt/")
    languages = page.locator("button[aria-controls=site-languages]")
    arabic = page.locator("#site-languages a[hreflang=ar]")
    assert not arabic.is_visible()
    languages.click()
    menu = page.locator("button[aria-controls=site-menu]")
    assert arabic.inner_text() == "العربيّة" and arabic.get_attribute("lang") == "ar"
    assert menu.get_attribute("aria-expanded") == "false"
    arabic.click()
    page.wait_for_url("**/ar/musterstadt/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert _header_height(page) <= 0.15 * PHONE["height"]


def test_phone_menu_works_without_javascript(demo, browser, base_url):
    context = browser.new_context(base_url=base_url, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/de/musterstadt/")
        members = page.locator("nav.main-nav a[href$='/members/']")
        assert not members.is_visible()
        page.locator("a[href='#site-menu']").click()
        assert members.is_visible()
        page.locator("a[href='#site-languages']").click()
        assert page.locator("#site-languages a[hreflang=uk]").is_visible()
    finally:
        context.close()


def test_filters_fold_behind_a_button_on_phones_and_stay_open_on_wide_screens(db, page, settings):
    settings.DEBUG = True  # the style guide's filters, as every filter form uses them
    page.goto("/styleguide/")
    fields = page.locator("details.filter-panel form.filters").first
    summary = page.locator("details.filter-panel > summary").first
    assert fields.is_visible() and not summary.is_visible()
    page.set_viewport_size(PHONE)
    page.goto("/styleguide/")
    assert summary.is_visible() and not fields.is_visible()
    summary.click()
    assert fields.is_visible()


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}])
def test_style_guide_is_accessible_in_both_directions(db, page, settings, viewport):
    settings.DEBUG = True
    page.set_viewport_size(viewport)
    response = page.goto("/styleguide/")
    assert response.status == 200
    assert page.locator("section[dir=rtl] .error-summary").is_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
