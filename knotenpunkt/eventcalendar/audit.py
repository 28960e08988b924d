"""Kinds of audit entries this app records (declared in `apps.py`, see core/audit.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarAuditKind(models.TextChoices):
    """Events, editions and imported calendars."""

    EVENT_SUBMIT = "event.submit", _("Event submitted")
    EVENT_PUBLISH = "event.publish", _("Event published")
    EVENT_UPDATE = "event.update", _("Event changed")
    EVENT_APPROVE = "event.approve", _("Event approved")
    EVENT_REJECT = "event.reject", _("Event rejected")
    EVENT_CANCEL = "event.cancel", _("Event cancelled")
    EVENT_TRANSLATION_CREATE = "event.translation_create", _("Event translation added")
    EVENT_TRANSLATION_UPDATE = "event.translation_update", _("Event translation changed")
    EVENT_TRANSLATION_DELETE = "event.translation_delete", _("Event translation removed")
    EDITION_PREPARE = "edition.prepare", _("Calendar edition prepared")
    EDITION_RENDER_PDF = "edition.render_pdf", _("Calendar edition PDF requested")
    EDITION_PUBLISH = "edition.publish", _("Calendar edition published")
    EVENT_SOURCE_CREATE = "event_source.create", _("Calendar to import added")
    EVENT_SOURCE_IMPORT = "event_source.import", _("Calendar imported")
