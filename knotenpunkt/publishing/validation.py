"""Input rules of published content, used by the services and by the forms."""

from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.images import check_image
from knotenpunkt.core.validation import check_length, check_web_link, max_length_of

from .models import NewsItem, NewsTranslation, StaticPage

BODY_MAX = 20000
VIDEO_URL_MAX = max_length_of(StaticPage, "video_url")


def check_language(network, language: str, *, field: str | None = "language") -> str:
    if language not in network.languages:
        raise DomainError(_("Choose a language the network offers."), field=field)
    return language


def check_body(value: str, *, field: str | None = "body") -> str:
    """Markdown text of a page or a news item: trimmed, of a length one reads on a page."""
    return check_length((value or "").strip(), field=field, max_length=BODY_MAX)


def check_news_title(value: str, *, field: str | None = "title") -> str:
    value = (value or "").strip()
    return check_length(value, field=field, max_length=max_length_of(NewsTranslation, "title"))


def check_described_image(new_image, image_alt: str, *, has_image: bool) -> str:
    """A real image of at most 5 MB (core/images.py), and never one without a description."""
    if new_image:
        check_image(new_image, field="image")
    image_alt = (image_alt or "").strip()
    check_length(image_alt, field="image_alt", max_length=max_length_of(NewsItem, "image_alt"))
    if (new_image or has_image) and not image_alt:
        raise DomainError(_("Describe the image for people who cannot see it."), field="image_alt")
    return image_alt


def check_video_url(value: str, *, field: str | None = "video_url") -> str:
    return check_web_link(value, field=field, max_length=VIDEO_URL_MAX)
