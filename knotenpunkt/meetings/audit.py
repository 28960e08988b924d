"""Kinds of audit entries this app records (declared in `apps.py`, see core/audit.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingsAuditKind(models.TextChoices):
    """Meetings, registrations and records."""

    MEETING_CREATE = "meeting.create", _("Meeting planned")
    MEETING_UPDATE = "meeting.update", _("Meeting changed")
    MEETING_CANCEL = "meeting.cancel", _("Meeting cancelled")
    CAFE_SESSION_CREATE = "cafe_session.create", _("Session added")
    CAFE_SESSION_UPDATE = "cafe_session.update", _("Session changed")
    CAFE_SESSION_CANCEL = "cafe_session.cancel", _("Session cancelled")
    AGENDA_ADD = "agenda.add", _("Agenda item added")
    AGENDA_UPDATE = "agenda.update", _("Agenda item changed")
    AGENDA_DELETE = "agenda.delete", _("Agenda item removed")
    REGISTRATION_CONFIRM = "registration.confirm", _("Registration confirmed")
    REGISTRATION_WAITLIST = "registration.waitlist", _("Registration on the waiting list")
    REGISTRATION_PROMOTE = "registration.promote", _("Moved up from the waiting list")
    REGISTRATION_CANCEL = "registration.cancel", _("Registration cancelled")
    REGISTRATION_REMIND = "registration.remind", _("Meeting reminder sent")
    ATTENDANCE_CHECK_IN = "attendance.check_in", _("Checked in")
    ATTENDANCE_CHECK_OUT = "attendance.check_out", _("Checked out")
    MINUTES_SAVE = "minutes.save", _("Minutes saved")
    MINUTES_RESTORE = "minutes.restore", _("Earlier minutes restored")
    DECISION_RECORD = "decision.record", _("Decision recorded")
    ACTION_ITEM_CREATE = "action_item.create", _("Action item assigned")
    ACTION_ITEM_COMPLETE = "action_item.complete", _("Action item done")
    ACTION_ITEM_REMIND = "action_item.remind", _("Action item reminder sent")
    FEED_CREATE = "feed.create", _("Personal calendar link created")
    FEED_REVOKE = "feed.revoke", _("Personal calendar link revoked")
