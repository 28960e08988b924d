"""The coordinator's day in a real browser: what waits, the searchable pickers, inviting a
member contact for an organisation."""

import pytest
from playwright.sync_api import expect

from knotenpunkt.accounts.models import Invitation
from knotenpunkt.members.models import Organisation

from .helpers import assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser

BASE = "/en/musterstadt"


def test_the_workspace_says_what_waits_and_links_to_it(musterstadt, page):
    login(page, "coordinator@musterstadt.example", "demo")
    page.goto(f"{BASE}/workspace/")
    queues = page.locator("[data-queue]").evaluate_all("els => els.map(e => e.dataset.queue)")
    assert sorted(queues) == [
        "actions.overdue",
        "agreements.unsigned",
        "events.waiting",
        "imports.attention",
        "voices.new",
    ]
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    with page.expect_navigation():
        page.click("[data-queue='agreements.unsigned'] a")
    assert page.url.endswith("/manage/members/agreements/not-signed/")


def test_typing_narrows_the_person_picker_and_the_keyboard_chooses(musterstadt, page):
    organisation = Organisation.objects.get(name="Kulturverein Brückenschlag e.V.")
    login(page, "coordinator@musterstadt.example", "demo")
    page.goto(f"{BASE}/manage/members/{organisation.pk}/contacts/add/")
    search = page.get_by_label("Search: Person")
    search.wait_for(state="visible")
    assert page.locator("select[name=person] option").count() > 100
    assert_accessible(page)
    with page.expect_response(lambda response: "/workspace/lookup/people/" in response.url):
        search.fill("Aylin Demir")
    options = page.locator("select[name=person] optgroup option")
    # The response arrives before htmx swaps the list in: wait for the narrowed list itself.
    expect(options.first).to_contain_text("Aylin Demir")
    assert options.count() < 5
    # The empty choice stays; Tab goes into the list, the arrow key chooses the match.
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    chosen = page.locator("select[name=person]").input_value()
    assert chosen == options.first.get_attribute("value")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_without_javascript_the_picker_is_the_plain_list(musterstadt, browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    try:
        login(page, "coordinator@musterstadt.example", "demo")
        page.goto(f"{BASE}/manage/team/")
        assert not page.locator("#id_organisation_search").is_visible()
        assert page.locator("select[name=organisation] option").count() > 50
        page.fill("input[name=email]", "neu@verein.example")
        page.select_option("select[name=role]", "member_contact")
        page.select_option("select[name=organisation]", label="Kulturverein Brückenschlag e.V.")
        with page.expect_navigation():
            page.click("main form[method=post] button[type=submit]")
        invitation = Invitation.objects.get(email="neu@verein.example")
        assert invitation.organisation.name == "Kulturverein Brückenschlag e.V."
    finally:
        context.close()
