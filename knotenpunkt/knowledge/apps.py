from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knotenpunkt.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge base"

    def ready(self):
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import search  # noqa: F401  (pages and documents in the network's search)
        from .audit import KnowledgeAuditKind

        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(KnowledgeAuditKind)
