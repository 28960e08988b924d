"""Voices in a real browser: a migrant sends a voice in Arabic (right to left) and later reads
the answer on the status page; axe-core finds nothing, nothing scrolls sideways at 320 px."""

import pytest

from .helpers import NARROW_WIDTH, assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 760}
MESSAGE = "أحتاج إلى مكان في دورة اللغة الألمانية في المساء، لأنني أعمل في النهار."
ANSWER = "شكرًا لرسالتك. توجد دورة مسائية في مركز الحي يومي الثلاثاء والخميس."


def _checked(page) -> None:
    assert_accessible(page)
    size = page.viewport_size
    page.set_viewport_size({"width": NARROW_WIDTH, "height": 760})
    assert_no_horizontal_scroll(page)
    page.set_viewport_size(size)


def _answer_through_the_service(status_path: str) -> None:
    from django_scopes import scope

    from knotenpunkt.accounts.models import User
    from knotenpunkt.core.models import Network
    from knotenpunkt.voices.models import Voice
    from knotenpunkt.voices.selectors import voice_by_token
    from knotenpunkt.voices.services import voice_answer

    network = Network.objects.get(slug="musterstadt")
    token = status_path.rstrip("/").rsplit("/", 1)[1]
    with scope(network=network):
        voice = voice_by_token(network=network, token=token)
        assert voice.text == MESSAGE and voice.language == "ar"
        coordinator = User.objects.get(email="coordinator@musterstadt.example")
        voice_answer(voice=Voice.objects.get(pk=voice.pk), text=ANSWER, actor=coordinator)


def test_a_migrant_sends_a_voice_in_arabic_and_later_reads_the_answer(demo, page):
    page.set_viewport_size(PHONE)
    page.goto("/ar/musterstadt/")
    with page.expect_navigation():
        page.click("main .home-voices h2 a")
    assert page.url.endswith("/ar/musterstadt/voice/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    _checked(page)

    page.locator("input[name=topic]").nth(0).check()
    page.fill("#id_text", MESSAGE)
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "/ar/musterstadt/voice/" in page.url and page.url.rstrip("/") != "/ar/musterstadt/voice"
    assert MESSAGE in page.locator("main").inner_text()
    assert page.locator("#voice-link").input_value() == page.url
    _checked(page)
    status_path = "/" + page.url.split("://", 1)[1].split("/", 1)[1]

    # Days later the network answers; the migrant opens the link they kept.
    _answer_through_the_service(status_path)
    page.context.clear_cookies()
    page.goto(status_path)
    assert ANSWER in page.locator(".voice-answers").inner_text()
    _checked(page)


def test_a_voice_without_consent_leads_back_to_the_checkbox(demo, page):
    page.goto("/ar/musterstadt/voice/")
    page.locator("input[name=topic]").nth(1).check()
    page.fill("#id_text", "Ohne Zustimmung")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator(".error-summary a[href='#id_consent']").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_triage_pages_have_no_violations(demo, page, lang):
    from django_scopes import scopes_disabled

    from knotenpunkt.voices.models import Voice

    with scopes_disabled():
        voice = Voice.objects.filter(status="new").order_by("pk").first()
    login(page, "coordinator@musterstadt.example", "demo")
    page.set_viewport_size(PHONE)
    for path in ("manage/voices/", f"manage/voices/{voice.pk}/", "manage/voices/?status=new"):
        response = page.goto(f"/{lang}/musterstadt/{path}")
        assert response.status == 200
        _checked(page)
