"""News: written in the default language, translated, with a described image, published and
withdrawn by the coordinator, read by everyone in their language."""

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused, translated
from knotenpunkt.publishing import services_news as news
from knotenpunkt.publishing.models import NewsItem

pytestmark = pytest.mark.django_db

NOW = "2026-12-07T09:00"


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("bild.png", buffer.getvalue(), content_type="image/png")


def url(network, name, lang="en", **kwargs):
    return reverse(f"publishing:{name}", kwargs={"lang": lang, "network": network.slug, **kwargs})


def written(network, actor, title="Neues Projekt", **kwargs):
    return news.news_create(network=network, actor=actor, title=title, body="Text", **kwargs)


def test_a_draft_is_seen_by_nobody_until_published(client, network, coordinator, clock):
    clock.move_to(NOW)
    item = written(network, coordinator)
    assert "Neues Projekt" not in client.get(url(network, "news")).text
    assert client.get(url(network, "news_item", news_id=item.pk)).status_code == 404

    news.news_publish(item=item, actor=coordinator)
    assert "Neues Projekt" in client.get(url(network, "news")).text
    assert client.get(url(network, "news_item", news_id=item.pk)).status_code == 200
    assert "Neues Projekt" in client.get(f"/en/{network.slug}/").text  # latest news block

    news.news_unpublish(item=item, actor=coordinator)
    assert client.get(url(network, "news_item", news_id=item.pk)).status_code == 404
    entries = AuditEntry.objects.filter(action__startswith="news.", target_id=str(item.pk))
    kinds = list(entries.values_list("action", flat=True))
    assert sorted(kinds) == ["news.create", "news.publish", "news.unpublish"]


def test_the_reader_gets_their_language_or_the_default_with_a_note(
    client, network, coordinator, clock
):
    clock.move_to(NOW)
    network.enabled_languages = ["de", "en", "ar", "uk"]
    network.save()
    item = written(network, coordinator, title="Sommerfest")
    news.news_text_save(item=item, actor=coordinator, language="ar", title="حفلة", body="نص")
    news.news_publish(item=item, actor=coordinator)
    arabic = client.get(url(network, "news_item", "ar", news_id=item.pk)).text
    assert "حفلة" in arabic and "Sommerfest" not in arabic
    ukrainian = client.get(url(network, "news_item", "uk", news_id=item.pk)).text
    assert "Sommerfest" in ukrainian
    note = translated(
        "This news is not yet available in your language; it is shown in %(language)s.", "uk"
    )
    assert note.split("%")[0][:20] in ukrainian


def test_an_image_without_a_description_is_refused(network, coordinator):
    with refused("Describe the image for people who cannot see it.", field="image_alt"):
        written(network, coordinator, image=png(), image_alt="  ")
    assert not NewsItem.objects.exists()
    item = written(network, coordinator, image=png(), image_alt="Kinder beim Malen")
    assert item.image and item.image_alt == "Kinder beim Malen"
    with refused("Describe the image for people who cannot see it.", field="image_alt"):
        news.news_image_set(item=item, actor=coordinator, image_alt="")
    news.news_image_set(item=item, actor=coordinator, image=False)
    item.refresh_from_db()
    assert not item.image and item.image_alt == ""


def test_a_file_that_is_no_image_is_refused(network, coordinator):
    fake = SimpleUploadedFile("bild.png", b"<svg onload=alert(1)>", content_type="image/png")
    with refused("The file is not an image we can show.", field="image"):
        written(network, coordinator, image=fake, image_alt="Bild")


def test_the_form_refuses_an_image_without_a_description(coordinator_client, network):
    response = coordinator_client.post(
        url(network, "news_create"),
        {"title": "Neu", "body": "Text", "image": png(), "image_alt": ""},
    )
    assert response.status_code == 200
    assert translated("Describe the image for people who cannot see it.", "en") in response.text
    assert not NewsItem.objects.exists()


def test_the_coordinator_writes_publishes_and_translates_through_the_pages(
    client, coordinator, network, clock
):
    clock.move_to(NOW)
    # Signed in at the moment the test plays in: a session from weeks before has expired.
    client.force_login(coordinator)
    coordinator_client = client
    response = coordinator_client.post(
        url(network, "news_create"),
        {"title": "Neu", "body": "Text", "image": png(), "image_alt": "Ein Bild"},
    )
    item = NewsItem.objects.get()
    assert response.status_code == 302 and response.url == url(
        network, "news_edit", news_id=item.pk
    )
    coordinator_client.post(url(network, "news_publish", news_id=item.pk))
    item.refresh_from_db()
    assert item.published_at is not None
    coordinator_client.post(
        url(network, "news_text", news_id=item.pk, language="en"), {"title": "New", "body": "Hi"}
    )
    page = coordinator_client.get(url(network, "news_item", news_id=item.pk)).text
    assert "New" in page and 'alt="Ein Bild"' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:image:alt" content="Ein Bild">' in page


def test_markup_payloads_never_run(client, network, coordinator, clock):
    clock.move_to(NOW)
    item = news.news_create(
        network=network,
        actor=coordinator,
        title='<img src=x onerror="alert(1)">',
        body="<script>alert(1)</script> [klick](javascript:alert(2)) <iframe src=//x>",
        image=png(),
        image_alt='"><script>alert(3)</script>',
    )
    news.news_publish(item=item, actor=coordinator)
    for page in (url(network, "news"), url(network, "news_item", news_id=item.pk)):
        html = client.get(page).text
        assert "<script>alert" not in html and "javascript:" not in html
        assert "<iframe" not in html and "<img src=x" not in html


def test_the_default_languages_text_cannot_be_removed(network, coordinator):
    item = written(network, coordinator)
    with pytest.raises(DomainError):
        news.news_text_save(item=item, actor=coordinator, language="de", title="", body="")


def test_the_public_list_costs_the_same_few_queries_for_many_items(
    client, network, coordinator, clock, django_assert_max_num_queries
):
    clock.move_to(NOW)
    for number in range(12):
        item = written(network, coordinator, title=f"Nachricht {number}")
        news.news_publish(
            item=item,
            actor=coordinator,
            at=datetime.datetime(2026, 1, number + 1, tzinfo=datetime.UTC),
        )
    with django_assert_max_num_queries(6):
        html = client.get(url(network, "news")).text
    assert len(re.findall(r"Nachricht \d+", html)) >= 10


def test_another_networks_news_is_not_found(client, network, other_network, coordinator):
    item = written(network, coordinator)
    news.news_publish(item=item, actor=coordinator)
    assert client.get(url(other_network, "news_item", news_id=item.pk)).status_code == 404


def test_the_audit_trail_marks_a_translations_text_with_its_language(
    coordinator_client, network, coordinator
):
    item = written(network, coordinator)
    news.news_text_save(
        item=item, actor=coordinator, language="ar", title="مقهى لغوي جديد", body="نص"
    )
    page = coordinator_client.get(
        reverse("audit:log", kwargs={"lang": "de", "network": network.slug})
    ).text
    marked = re.findall(r'<dd lang="ar">(.*?)</dd>', page, flags=re.S)
    assert any("مقهى لغوي جديد" in values for values in marked)
