from django.apps import AppConfig
from django.utils.translation import gettext_noop


class MeetingsConfig(AppConfig):
    name = "knotenpunkt.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self):
        from knotenpunkt.core import blocks, navigation, periodic
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import (
            personal_data,  # noqa: F401  (own-data export)
            queues,  # noqa: F401  (what waits, counted on the workspace)
            rules,  # noqa: F401  (who runs which meeting)
            search,  # noqa: F401  (meetings, minutes and decisions in the search)
            tasks,
        )
        from .audit import MeetingsAuditKind

        periodic.register(tasks.meeting_reminders_send)
        periodic.register(tasks.action_item_reminders_send)
        blocks.register(blocks.WORKSPACE, "meetings/_workspace_actions.html", order=10)
        blocks.register(blocks.WORKSPACE, "meetings/_workspace_meetings.html", order=30)
        blocks.register(blocks.WORKSPACE, "meetings/_workspace_cadence.html", order=50)
        blocks.register(blocks.GROUP, "meetings/_group_block.html", order=10)
        blocks.register(
            blocks.HOME,
            "meetings/_home_plenary.html",
            order=20,
            label=gettext_noop("Next plenary meeting"),
        )
        navigation.register_main(
            "meetings:list", gettext_noop("Meetings"), order=60, action=navigation.ANY_ROLE
        )
        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(MeetingsAuditKind)
