"""Writes of published content: the text of a static page in one language."""

from django.db import transaction
from django.utils.translation import gettext as _

from knotenpunkt.core.audit import field_changes
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import check_lengths

from .audit import PublishingAuditKind
from .models import StaticPage, StaticPageTranslation


@transaction.atomic
def static_page_text_save(
    *, page: StaticPage, language: str, title: str, body: str, actor
) -> StaticPageTranslation | None:
    """Write, change or (both fields empty) remove the page's text in one language.

    The network's default language keeps its text: visitors of every other language fall
    back to it. Saving renews the memo token, so footers show the new title at once.
    """
    network = page.network
    if language not in network.languages:
        raise DomainError(_("Choose a language the network offers."), field="language")
    title, body = (title or "").strip(), (body or "").strip()
    check_lengths(StaticPageTranslation, {"title": title})
    existing = StaticPageTranslation.objects.filter(page=page, language=language).first()
    if not title and not body:
        if language == network.default_language:
            raise DomainError(
                _("The page needs a text in the network's default language."), field="title"
            )
        if existing is None:
            return None
        changes = {"title": (existing.title, ""), "body": (existing.body, "")}
        existing.delete()
        _record(page, actor=actor, language=language, changes=changes)
        return None
    if not title:
        raise DomainError(_("Give the page a title."), field="title")
    if not body:
        raise DomainError(_("Write the text of the page."), field="body")
    if existing is None:
        existing = StaticPageTranslation(network=network, page=page, language=language)
        changes = {"title": ("", title), "body": ("", body)}
    else:
        changes = field_changes(existing, {"title": title, "body": body})
        if not changes:
            return existing
    existing.title, existing.body = title, body
    existing.save()
    page.save(update_fields=["updated_at"])
    _record(page, actor=actor, language=language, changes=changes)
    return existing


def _record(page: StaticPage, *, actor, language: str, changes: dict) -> None:
    audit_record(
        network=page.network,
        actor=actor,
        action=PublishingAuditKind.STATIC_PAGE_UPDATE,
        target=page,
        summary=language,
        changes=changes,
    )
