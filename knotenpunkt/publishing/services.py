"""Writes of published content: the text of a static page in one language, its video."""

from django.db import transaction
from django.utils.translation import gettext as _

from knotenpunkt.core.audit import field_changes
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import check_lengths

from .audit import PublishingAuditKind
from .models import StaticPage, StaticPageTranslation
from .validation import check_body, check_language, check_video_url


def translation_save(
    *, owner, model, owner_field: str, language: str, title: str, body: str, refusals: dict
):
    """Write, change or (both empty) remove `owner`'s text in one language.

    Shared by pages and news: the network's default language keeps its text, since readers
    of every other language fall back to it. `refusals` words the refusals ("keep", "title",
    "body") for the kind of text. Returns (text or None, changes) for the audit.
    """
    network = owner.network
    check_language(network, language)
    title, body = (title or "").strip(), check_body(body)
    check_lengths(model, {"title": title})
    existing = model.objects.filter(**{owner_field: owner}, language=language).first()
    if not title and not body:
        if language == network.default_language:
            raise DomainError(refusals["keep"], field="title")
        if existing is None:
            return None, {}
        changes = {"title": (existing.title, ""), "body": (existing.body, "")}
        existing.delete()
        return None, changes
    if not title:
        raise DomainError(refusals["title"], field="title")
    if not body:
        raise DomainError(refusals["body"], field="body")
    if existing is None:
        existing = model(network=network, language=language, **{owner_field: owner})
        changes = {"title": ("", title), "body": ("", body)}
    else:
        changes = field_changes(existing, {"title": title, "body": body})
        if not changes:
            return existing, {}
    existing.title, existing.body = title, body
    existing.save()
    return existing, changes


@transaction.atomic
def static_page_text_save(
    *, page: StaticPage, language: str, title: str, body: str, actor
) -> StaticPageTranslation | None:
    """Write, change or (both fields empty) remove the page's text in one language.

    A standard page the network does not have yet (the easy-read page of a network made
    before it existed) is created with its first text. Saving renews the memo token, so
    footers show the new title at once.
    """
    require_actor(actor, page.network, "network.settings")
    if page.pk is None:
        check_language(page.network, language)
        page.save()
    text, changes = translation_save(
        owner=page,
        model=StaticPageTranslation,
        owner_field="page",
        language=language,
        title=title,
        body=body,
        refusals={
            "keep": _("The page needs a text in the network's default language."),
            "title": _("Give the page a title."),
            "body": _("Write the text of the page."),
        },
    )
    if changes:
        page.save(update_fields=["updated_at"])
        _record(page, actor=actor, language=language, changes=changes)
    return text


@transaction.atomic
def sign_language_video_set(*, page: StaticPage, video_url: str, actor) -> StaticPage:
    """The address of the sign-language page's video (empty: the page says it is coming)."""
    require_actor(actor, page.network, "network.settings")
    video_url = check_video_url(video_url)
    if page.pk is not None and page.video_url == video_url:
        return page
    changes = {"video_url": (page.video_url, video_url)}
    page.video_url = video_url
    page.save()
    audit_record(
        network=page.network,
        actor=actor,
        action=PublishingAuditKind.STATIC_PAGE_VIDEO,
        target=page,
        changes=changes,
    )
    return page


def _record(page: StaticPage, *, actor, language: str, changes: dict) -> None:
    audit_record(
        network=page.network,
        actor=actor,
        action=PublishingAuditKind.STATIC_PAGE_UPDATE,
        target=page,
        summary=language,
        changes=changes,
    )
