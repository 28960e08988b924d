from django.apps import AppConfig
from django.utils.translation import gettext_noop


class PublishingConfig(AppConfig):
    name = "knotenpunkt.publishing"
    label = "publishing"
    verbose_name = "Publishing"

    def ready(self):
        from knotenpunkt.core import blocks, navigation
        from knotenpunkt.core import public_pages as core_public_pages
        from knotenpunkt.core.audit import audit_kinds_declare
        from knotenpunkt.core.memo import memo_invalidated_by

        from . import (
            receivers,  # noqa: F401  (imprint, privacy, accessibility placeholders)
            rules,  # noqa: F401  (who edits the network's settings and writes news)
        )
        from .audit import PublishingAuditKind
        from .models import HomeBlock, StaticPage, StaticPageTranslation
        from .public_pages import publishing_pages
        from .selectors_home import home_blocks_shown

        # The footer links and the home page's introduction and arrangement are memoised.
        memo_invalidated_by(StaticPage, StaticPageTranslation, HomeBlock)
        navigation.register_main(
            "publishing:settings", gettext_noop("Settings"), order=100, action="network.settings"
        )
        # The public news; the coordinator writes from there (its page offers the way).
        navigation.register_main("publishing:news", gettext_noop("News"), order=35)
        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(PublishingAuditKind)
        # The home page: its introduction first, the latest news; the coordinator arranges
        # every app's blocks (docs/decisions/0035).
        blocks.register(
            blocks.HOME, "publishing/_home_intro.html", order=0, label=gettext_noop("Introduction")
        )
        blocks.register(
            blocks.HOME, "publishing/_home_news.html", order=35, label=gettext_noop("Latest news")
        )
        blocks.register_arrangement(blocks.HOME, home_blocks_shown)
        core_public_pages.register(publishing_pages)
        # The site in easy-read language and in German Sign Language, from every page's header.
        navigation.register_access(
            "publishing:easy_read", gettext_noop("Easy read"), order=10, icon="book"
        )
        navigation.register_access(
            "publishing:sign_language", gettext_noop("Sign language"), order=20, icon="hand"
        )
