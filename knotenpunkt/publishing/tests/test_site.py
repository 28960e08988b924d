"""What makes the public site findable and usable by all: sitemap.xml, robots.txt, OpenGraph
tags, the easy-read and sign-language pages in every header, and the ready legal texts."""

import pytest
from django.urls import reverse

from knotenpunkt.core.services import network_active_set
from knotenpunkt.core.testing import translated
from knotenpunkt.knowledge.models import Visibility
from knotenpunkt.knowledge.tests.factories import make_page
from knotenpunkt.publishing import services_news as news
from knotenpunkt.publishing.models import StaticPage
from knotenpunkt.publishing.services import sign_language_video_set

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_public_pages_of_active_networks_only(
    client, network, other_network, coordinator
):
    network.enabled_languages = ["de", "ar"]
    network.save()
    make_page(network, title="Willkommen", visibility=Visibility.PUBLIC)
    make_page(network, title="Geheim", visibility=Visibility.NETWORK)
    item = news.news_create(network=network, actor=coordinator, title="Neu", body="Text")
    news.news_publish(item=item, actor=coordinator)
    draft = news.news_create(network=network, actor=coordinator, title="Entwurf", body="Text")
    network_active_set(network=other_network, active=False, actor=None)

    xml = client.get("/sitemap.xml").text
    for lang in ("de", "ar"):
        base = f"http://testserver/{lang}/{network.slug}/"
        for path in (
            "",
            "news/",
            f"news/{item.pk}/",
            "pages/imprint/",
            "pages/privacy/",
            "pages/accessibility/",
            "easy-read/",
            "sign-language/",
            "calendar/",
            "members/",
            "knowledge/willkommen/",
            "mail/archive/",
        ):
            assert f"<loc>{base}{path}</loc>" in xml, path
    assert f"news/{draft.pk}/" not in xml
    assert "geheim" not in xml
    assert "/manage/" not in xml and "/workspace/" not in xml
    assert other_network.slug not in xml
    assert "/en/musterstadt/" not in xml  # a language the network does not offer


def test_robots_txt_keeps_robots_out_of_the_workspace_and_names_the_sitemap(client, network):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Disallow: /*/*/manage/" in lines and "Disallow: /accounts/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_public_pages_carry_opengraph_tags(client, network):
    html = client.get(f"/ar/{network.slug}/news/").text
    assert f'<meta property="og:title" content="{network.name}">' in html
    assert '<meta property="og:type" content="website">' in html
    assert f'<meta property="og:url" content="http://testserver/ar/{network.slug}/news/">' in html
    assert '<meta property="og:locale" content="ar_AR">' in html
    assert '<meta property="og:description"' in html
    assert "og:image" not in html  # no logo


def test_every_page_links_the_easy_read_and_sign_language_pages(client, network):
    for path in ("", "news/", "calendar/", "members/", "pages/imprint/"):
        html = client.get(f"/en/{network.slug}/{path}").text
        header = html.split('class="site-header"')[1].split("</header>")[0]
        assert f'href="/en/{network.slug}/easy-read/"' in header
        assert f'href="/en/{network.slug}/sign-language/"' in header


def test_the_easy_read_page_starts_from_the_ready_text(client, network):
    german = client.get(f"/de/{network.slug}/easy-read/").text
    assert "Leichte Sprache" in german and "Wir helfen Menschen, die neu in" in german
    english = client.get(f"/en/{network.slug}/easy-read/").text
    assert "This page explains our website in simple words." in english


def test_the_sign_language_page_says_the_video_is_coming_until_there_is_one(
    client, network, coordinator
):
    url = f"/en/{network.slug}/sign-language/"
    page = client.get(url).text
    assert (
        translated("A video explaining this site in German Sign Language is coming.", "en") in page
    )
    assert "mailto:kontakt@example.org" in page
    sign_language_video_set(
        page=StaticPage(network=network, slug="sign-language"),
        video_url="https://video.example.org/dgs.mp4",
        actor=coordinator,
    )
    page = client.get(url).text
    assert (
        '<video class="sign-video" controls preload="metadata" src="https://video.example.org/dgs.mp4">'
        in page
    )


def test_a_video_address_must_be_a_web_address(network, coordinator):
    from knotenpunkt.core.errors import DomainError

    with pytest.raises(DomainError):
        sign_language_video_set(
            page=StaticPage(network=network, slug="sign-language"),
            video_url="javascript:alert(1)",
            actor=coordinator,
        )


def test_the_coordinator_fills_a_legal_page_from_its_ready_text(coordinator_client, network):
    network.imprint_responsible = "Erika Muster"
    network.address = "Rathausplatz 1, 12345 Musterstadt"
    network.save()
    url = reverse(
        "publishing:page_text",
        kwargs={"lang": "en", "network": network.slug, "slug": "accessibility", "language": "de"},
    )
    page = coordinator_client.get(f"{url}?template=1").text
    assert "BITV 2.0" in page and "schlichtungsstelle-bgg.de" in page
    assert "kontakt@example.org" in page
    imprint = coordinator_client.get(url.replace("accessibility", "imprint") + "?template=1").text
    assert "Erika Muster" in imprint and "Rathausplatz 1" in imprint
    # An easy-read page the network did not have yet is created with its first text.
    easy = url.replace("accessibility", "easy-read")
    response = coordinator_client.post(easy, {"title": "Leichte Sprache", "body": "Wir sind da."})
    assert response.status_code == 302
    assert StaticPage.objects.filter(network=network, slug="easy-read", in_footer=False).exists()
    assert "Wir sind da." in coordinator_client.get(f"/de/{network.slug}/easy-read/").text
