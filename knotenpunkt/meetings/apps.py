from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "knotenpunkt.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import search  # noqa: F401  (meetings, minutes and decisions in the search)
        from .audit import MeetingsAuditKind

        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(MeetingsAuditKind)
