from django.apps import AppConfig
from django.utils.translation import gettext_noop


class KnowledgeConfig(AppConfig):
    name = "knotenpunkt.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base"

    def ready(self):
        from knotenpunkt.core import blocks, navigation
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import (
            personal_data,  # noqa: F401  (own-data export)
            rules,  # noqa: F401  (who reads and edits which page)
            search,  # noqa: F401  (pages and documents in the network's search)
        )
        from .audit import KnowledgeAuditKind

        blocks.register(blocks.WORKSPACE, "knowledge/_workspace_knowledge.html", order=60)
        blocks.register(blocks.GROUP, "knowledge/_group_block.html", order=20)
        blocks.register(
            blocks.HOME,
            "knowledge/_home_pages.html",
            order=40,
            label=gettext_noop("Public knowledge pages"),
        )
        from knotenpunkt.core import public_pages as core_public_pages

        from .public_pages import knowledge_pages

        core_public_pages.register(knowledge_pages)  # sitemap.xml
        navigation.register_main(
            "knowledge:page_list", gettext_noop("Knowledge"), order=70, action=navigation.ANY_ROLE
        )
        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(KnowledgeAuditKind)
