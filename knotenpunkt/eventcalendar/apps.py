from django.apps import AppConfig
from django.utils.translation import gettext_noop


class EventCalendarConfig(AppConfig):
    name = "knotenpunkt.eventcalendar"
    label = "eventcalendar"
    verbose_name = "Event calendar"

    def ready(self):
        from knotenpunkt.core import blocks, navigation, periodic
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import (
            import_tasks,
            personal_data,  # noqa: F401  (own-data export)
            queues,  # noqa: F401  (what waits, counted on the workspace)
            rules,  # noqa: F401  (who writes and moderates events)
            search,  # noqa: F401  (events in the network's search)
            tasks,
        )
        from .audit import CalendarAuditKind

        periodic.register(import_tasks.import_sources_due)
        periodic.register(tasks.interrupted_work_fail)
        blocks.register(blocks.WORKSPACE, "eventcalendar/_workspace_calendar.html", order=40)
        blocks.register(
            blocks.HOME,
            "eventcalendar/_home_events.html",
            order=10,
            label=gettext_noop("Upcoming events"),
        )
        from knotenpunkt.core import public_pages as core_public_pages

        from .public_pages import calendar_pages

        core_public_pages.register(calendar_pages)  # sitemap.xml
        navigation.register_main("eventcalendar:calendar", gettext_noop("Events"), order=20)
        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(CalendarAuditKind)
