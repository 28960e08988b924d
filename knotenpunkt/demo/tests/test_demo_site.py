"""The demo's public website: news in several languages, one with a described image, and the
legal and easy-read pages filled from their ready texts."""

import pytest

from knotenpunkt.publishing.models import NewsItem, StaticPage

pytestmark = pytest.mark.django_db


def test_musterstadt_has_news_legal_pages_and_an_easy_read_page(musterstadt, client):
    items = NewsItem.objects.filter(network=musterstadt, published_at__isnull=False)
    assert items.count() == 5
    assert items.filter(translations__language="ar").exists()
    pictured = items.exclude(image="").get()
    assert pictured.image_alt
    for slug in ("imprint", "privacy", "accessibility", "easy-read", "introduction"):
        page = StaticPage.objects.get(network=musterstadt, slug=slug)
        assert page.translations.filter(language="de").exists()
    accessibility = StaticPage.objects.get(network=musterstadt, slug="accessibility")
    assert "BITV 2.0" in accessibility.translations.get(language="de").body
    home = client.get("/ar/musterstadt/").text
    assert "مرحباً بكم في الشبكة" in home and "مقاهٍ لغوية جديدة" in home
    assert "Leichte Sprache" in client.get("/de/musterstadt/easy-read/").text
