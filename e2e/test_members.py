"""The coordinator's member management in a real browser: add an organisation, hand over.

Written against the member pages as they are; selectors use form field names and URLs
rather than wording, so that translations do not break them.
"""

import re

import pytest

from knotenpunkt.accounts.models import Invitation
from knotenpunkt.members.models import ContactPosition, Organisation, Person

from .helpers import assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser

MANAGE = "/en/musterstadt/manage/members/"


def submit(page) -> None:
    with page.expect_navigation():
        page.click("main form[method=post] button[type=submit]")


def test_coordinator_adds_an_organisation(demo, page):
    login(page, "coordinator@musterstadt.example", "demo")
    page.goto(MANAGE)
    page.click(f"main a[href='{MANAGE}add/']")
    assert_accessible(page)

    submit(page)  # nothing filled in: the form names the missing field
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.locator("a[href='#id_name']").count() == 1
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.fill("input[name=name]", "Nachbarschaftsgarten Südviertel e.V.")
    page.select_option("select[name=kind]", index=6)
    page.fill("input[name=joined_on]", "2025-01-15")
    page.fill("input[name=city]", "Musterstadt")
    submit(page)
    assert re.search(r"/manage/members/\d+/$", page.url), page.url
    assert page.locator("h1").inner_text() == "Nachbarschaftsgarten Südviertel e.V."
    assert page.locator(".messages").is_visible()
    assert_accessible(page)

    page.goto(f"{MANAGE}?q=S%C3%BCdviertel")
    rows = page.locator("main tbody th[scope=row]")
    assert rows.all_inner_texts() == ["Nachbarschaftsgarten Südviertel e.V."]


def test_coordinator_hands_over_a_contact(musterstadt, page):
    organisation = Organisation.objects.get(name="Kulturverein Brückenschlag e.V.")
    leaving = ContactPosition.objects.get(
        organisation=organisation, person__email="member@musterstadt.example", ended_on=None
    )
    login(page, "coordinator@musterstadt.example", "demo")
    page.goto(f"{MANAGE}{organisation.pk}/")
    assert_accessible(page)
    page.click(f"main a[href='{MANAGE}contacts/{leaving.pk}/handover/']")
    page.wait_for_url(f"**{MANAGE}contacts/{leaving.pk}/handover/")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.fill("input[name=full_name]", "Olha Hnatiuk")
    page.fill("input[name=email]", "olha.hnatiuk@brueckenschlag.example")
    page.fill("textarea[name=note]", "Die Anmeldungen für das Sommerfest liegen im Ordner.")
    submit(page)
    assert page.url.endswith(f"{MANAGE}{organisation.pk}/")
    assert_accessible(page)
    main = page.locator("main").inner_text()
    assert "Olha Hnatiuk" in main and "Aylin Demir" in main

    successor = ContactPosition.objects.get(
        organisation=organisation, person=Person.objects.get(full_name="Olha Hnatiuk")
    )
    leaving.refresh_from_db()
    assert successor.predecessor_id == leaving.pk and successor.ended_on is None
    assert leaving.ended_on == successor.started_on
    assert Invitation.objects.filter(email="olha.hnatiuk@brueckenschlag.example").exists()
