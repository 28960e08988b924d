"""The info mail's subscriber pages in a real browser: signing up by keyboard alone, axe-core
in German and Arabic on a phone, no sideways scroll at 320 px."""

import pytest

from .helpers import NARROW_WIDTH, assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 760}


def _subscriber_paths():
    from django_scopes import scope

    from knotenpunkt.core.models import Network
    from knotenpunkt.infomail.models import Subscriber

    network = Network.objects.get(slug="musterstadt")
    with scope(network=network):
        token = Subscriber.objects.filter(network=network, status="active").first().token
    return [f"mail/preferences/{token}/", f"mail/unsubscribe/{token}/"]


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_public_pages_have_no_violations_on_a_phone(demo, page, lang):
    page.set_viewport_size(PHONE)
    paths = ["mail/subscribe/", "mail/subscribe/sent/", "mail/confirm/no-such-link/"]
    for path in [*paths, *_subscriber_paths()]:
        page.goto(f"/{lang}/musterstadt/{path}")
        assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
        assert_accessible(page)
        page.set_viewport_size({"width": NARROW_WIDTH, "height": 760})
        assert_no_horizontal_scroll(page)
        page.set_viewport_size(PHONE)


def test_signing_up_works_with_the_keyboard_alone(demo, page):
    page.set_viewport_size(PHONE)
    page.goto("/de/musterstadt/mail/subscribe/")
    page.locator("#id_email").focus()
    page.keyboard.type("tastatur@example.org")
    page.keyboard.press("Tab")  # the language
    assert page.evaluate("() => document.activeElement.id") == "id_language"
    page.keyboard.press("Tab")  # the first topic
    page.keyboard.press("Space")
    assert page.locator("#id_topics_0").is_checked()
    # On to the button, past the other topics and the privacy link.
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type") == "submit":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/de/musterstadt/mail/subscribe/sent/")
    assert_accessible(page)


def test_an_invalid_address_leads_back_to_its_field(demo, page):
    page.goto("/ar/musterstadt/mail/subscribe/")
    page.fill("#id_email", "kein-at-zeichen")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator(".error-summary a[href='#id_email']").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_workspace_pages_have_no_violations(demo, page, lang):
    login(page, "coordinator@musterstadt.example", "demo")
    page.set_viewport_size(PHONE)
    for path in (
        "manage/mail/subscribers/",
        "manage/mail/subscribers/me/",
        "manage/mail/subscribers/topics/",
        "manage/mail/subscribers/topics/new/",
    ):
        response = page.goto(f"/{lang}/musterstadt/{path}")
        assert response.status == 200
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
