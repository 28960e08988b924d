"""Writes of the network's news: write, describe its image, translate, publish, withdraw."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record

from .audit import PublishingAuditKind
from .models import NewsItem, NewsTranslation
from .services import translation_save
from .validation import check_body, check_described_image, check_news_title

ACTION = "publishing.news"


def _refusals() -> dict:
    return {
        "keep": _("The news needs a text in the network's default language."),
        "title": _("Give the news a title."),
        "body": _("Write the text of the news."),
    }


def _record(item, *, actor, kind, changes=None, summary="") -> None:
    audit_record(
        network=item.network,
        actor=actor,
        action=kind,
        target=item,
        summary=summary,
        changes=changes or {},
    )


@transaction.atomic
def news_create(
    *, network, actor, title: str, body: str, image=None, image_alt: str = ""
) -> NewsItem:
    """A draft in the network's default language; visitors see it once it is published."""
    require_actor(actor, network, ACTION)
    if not check_news_title(title):
        raise DomainError(_("Give the news a title."), field="title")
    if not check_body(body):
        raise DomainError(_("Write the text of the news."), field="body")
    image_alt = check_described_image(image, image_alt, has_image=False)
    item = NewsItem.objects.create(network=network, image=image or "", image_alt=image_alt)
    text, changes = translation_save(
        owner=item,
        model=NewsTranslation,
        owner_field="item",
        language=network.default_language,
        title=title,
        body=body,
        refusals=_refusals(),
    )
    _record(item, actor=actor, kind=PublishingAuditKind.NEWS_CREATE, changes=changes)
    return item


@transaction.atomic
def news_image_set(*, item: NewsItem, actor, image=None, image_alt: str = "") -> NewsItem:
    """A new image (`image`), none (`False`) or the same (`None`), always with its description."""
    require_actor(actor, item.network, ACTION)
    keeps = bool(item.image) and image is None
    image_alt = check_described_image(image or None, image_alt, has_image=keeps)
    before = (item.image.name if item.image else "", item.image_alt)
    if image is False:
        item.image, image_alt = "", ""
    elif image:
        item.image = image
    item.image_alt = image_alt
    after = (item.image.name if item.image else "", item.image_alt)
    if image is None and before == after:
        return item
    item.save()
    changes = {"image": (before[0], after[0]), "image_alt": (before[1], after[1])}
    _record(item, actor=actor, kind=PublishingAuditKind.NEWS_UPDATE, changes=changes)
    return item


@transaction.atomic
def news_text_save(*, item: NewsItem, actor, language: str, title: str, body: str):
    """The news in one language; both fields empty removes that language's text."""
    require_actor(actor, item.network, ACTION)
    text, changes = translation_save(
        owner=item,
        model=NewsTranslation,
        owner_field="item",
        language=language,
        title=title,
        body=body,
        refusals=_refusals(),
    )
    if changes:
        item.save(update_fields=["updated_at"])
        _record(
            item,
            actor=actor,
            kind=PublishingAuditKind.NEWS_UPDATE,
            changes=changes,
            summary=language,
        )
    return text


@transaction.atomic
def news_publish(*, item: NewsItem, actor, at=None) -> NewsItem:
    """Visible to everyone from `at` (now by default)."""
    require_actor(actor, item.network, ACTION)
    at = at or timezone.now()
    changes = {"published_at": (item.published_at, at)}
    item.published_at = at
    item.save(update_fields=["published_at", "updated_at"])
    _record(item, actor=actor, kind=PublishingAuditKind.NEWS_PUBLISH, changes=changes)
    return item


@transaction.atomic
def news_unpublish(*, item: NewsItem, actor) -> NewsItem:
    """Back to a draft: gone from the public pages, kept for the coordinator."""
    require_actor(actor, item.network, ACTION)
    if item.published_at is None:
        return item
    changes = {"published_at": (item.published_at, None)}
    item.published_at = None
    item.save(update_fields=["published_at", "updated_at"])
    _record(item, actor=actor, kind=PublishingAuditKind.NEWS_UNPUBLISH, changes=changes)
    return item
