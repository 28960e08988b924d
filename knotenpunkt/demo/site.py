"""The demo's public website: an introduction on the home page, five news items in several
languages (one with a described image), and the imprint, privacy, accessibility and easy-read
pages filled from their ready texts (publishing/starter_texts.py)."""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from knotenpunkt.publishing import services_news as news
from knotenpunkt.publishing.models import StaticPage
from knotenpunkt.publishing.services import static_page_text_save
from knotenpunkt.publishing.starter_texts import (
    ACCESSIBILITY,
    EASY_READ,
    IMPRINT,
    INTRODUCTION,
    PRIVACY,
    starter_text,
)

from .rows import Demo
from .site_data import INTRODUCTION as INTRODUCTION_TEXTS
from .site_data import NEWS

READY_PAGES = (IMPRINT, PRIVACY, ACCESSIBILITY, EASY_READ)


def _picture() -> ContentFile:
    """A drawn picture of a table with cups: a real image, made here, so nothing is fetched."""
    image = Image.new("RGB", (960, 540), "#e9f1f7")
    draw = ImageDraw.Draw(image)
    draw.rectangle((120, 300, 840, 330), fill="#8a5a3c")
    for x in (200, 380, 560, 740):
        draw.ellipse((x - 40, 230, x + 40, 300), fill="#0b5cad")
        draw.ellipse((x - 60, 90, x + 60, 210), fill="#f2b880")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="sprachcafe.png")


def _page(network, slug: str) -> StaticPage:
    return StaticPage.objects.filter(network=network, slug=slug).first() or StaticPage(
        network=network, slug=slug, in_footer=slug not in (EASY_READ, INTRODUCTION)
    )


def site_add(demo: Demo) -> None:
    network, actor = demo.network, demo.authors["coordinator"]
    for slug in READY_PAGES:
        for language in ("de", "en"):
            title, body = starter_text(slug, network=network, language=language)
            static_page_text_save(
                page=_page(network, slug), language=language, title=title, body=body, actor=actor
            )
    for language, (title, body) in INTRODUCTION_TEXTS.items():
        if language in network.languages:
            static_page_text_save(
                page=_page(network, INTRODUCTION),
                language=language,
                title=title,
                body=body,
                actor=actor,
            )
    for days_ago, texts, image_alt in reversed(NEWS):
        title, body = texts[network.default_language]
        item = news.news_create(
            network=network,
            actor=actor,
            title=title,
            body=body,
            image=_picture() if image_alt else None,
            image_alt=image_alt,
        )
        for language, (title, body) in texts.items():
            if language != network.default_language and language in network.languages:
                news.news_text_save(
                    item=item, actor=actor, language=language, title=title, body=body
                )
        news.news_publish(item=item, actor=actor, at=demo.now - timedelta(days=days_ago))
