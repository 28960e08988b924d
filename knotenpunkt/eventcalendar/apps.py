from django.apps import AppConfig


class EventCalendarConfig(AppConfig):
    name = "knotenpunkt.eventcalendar"
    label = "eventcalendar"
    verbose_name = "Event calendar"

    def ready(self):
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import search  # noqa: F401  (events in the network's search)
        from .audit import CalendarAuditKind

        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(CalendarAuditKind)
