"""A member asks for erasure on their account page; the coordinator carries it out.

Selectors use URLs and form structure rather than wording, so translations do not break them.
"""

import pytest

from knotenpunkt.accounts.models import User

from .helpers import assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser

PEOPLE = "/en/musterstadt/manage/members/people/"


def submit(page) -> None:
    with page.expect_navigation():
        page.click("main form[method=post] button[type=submit]")


def test_a_member_asks_and_the_coordinator_carries_out_the_erasure(demo, page):
    login(page, "member@musterstadt.example", "demo")
    page.goto("/accounts/")
    with page.expect_navigation():
        page.click("main a[href='/accounts/erasure/']")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    submit(page)
    assert page.url.endswith("/accounts/")
    assert page.locator(".messages").is_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    login(page, "coordinator@musterstadt.example", "demo")
    page.goto(PEOPLE)
    with page.expect_navigation():
        page.click(f"main a[href='{PEOPLE}erasure-requests/']")
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_horizontal_scroll(page)
    submit(page)

    assert "/manage/members/people/" in page.url
    assert page.locator("#mentions-heading").is_visible()
    assert page.locator("section[aria-labelledby=mentions-heading] li a").count() > 0
    assert "Aylin" not in page.locator("main").inner_text()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    # The member held no other network: the account is closed.
    assert not User.objects.get(erased_at__isnull=False).is_active
