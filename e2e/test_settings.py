"""The coordinator's settings page and audit log in a real browser: axe-core, 320 px, RTL."""

import pytest

from .helpers import assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser

COORDINATOR_PAGES = [
    "/de/musterstadt/manage/settings/",
    "/ar/musterstadt/manage/settings/pages/imprint/ar/",
    "/de/musterstadt/manage/audit/",
    "/fa/musterstadt/manage/audit/?kind=network.create",
]


@pytest.mark.parametrize("path", COORDINATOR_PAGES)
def test_coordinator_pages_are_accessible_and_reflow(demo, page, path):
    login(page, "coordinator@musterstadt.example", "demo")
    response = page.goto(path)
    assert response.status == 200
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_the_coordinator_renames_the_network_and_finds_it_in_the_audit_log(demo, page):
    login(page, "coordinator@musterstadt.example", "demo")
    page.goto("/de/musterstadt/")
    page.click("nav.main-nav a[href='/de/musterstadt/manage/settings/']")
    page.fill("input[name=name]", "Integrationsnetz Musterstadt")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator("[role=status], .messages").first.is_visible()
    page.goto("/de/musterstadt/manage/audit/?kind=network.update")
    changes = page.locator("main table dl.changes").first.inner_text()
    assert "Integrationsnetz Musterstadt" in changes
