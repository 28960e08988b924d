"""Reminders run by the periodic tasks, across all networks.

Each reminder is claimed with a conditional UPDATE before its mail is queued, so a
second run (or a second worker running at the same time) never sends it twice.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_scopes import scopes_disabled

from knotenpunkt.core.services import audit_record
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse

from .mail import language_for, mail_person
from .models import ActionItem, Meeting, Registration

SCHEDULED = Meeting.Status.SCHEDULED


def reminder_hours() -> int:
    """How long before a meeting its registrants are reminded (setting, 24 hours by default)."""
    return getattr(settings, "KNOTENPUNKT_MEETING_REMINDER_HOURS", 24)


def _claim(model, pk, field: str, now) -> bool:
    return bool(model.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(**{field: now}))


def send_meeting_reminders(*, now=None) -> int:
    """Remind each confirmed registrant once when their meeting or session is near."""
    now = now or timezone.now()
    until = now + datetime.timedelta(hours=reminder_hours())
    meeting_soon = Q(
        session__isnull=True,
        meeting__starts_at__gt=now,
        meeting__starts_at__lte=until,
    )
    session_soon = Q(
        session__isnull=False,
        session__status=SCHEDULED,
        session__starts_at__gt=now,
        session__starts_at__lte=until,
    )
    sent = 0
    with scopes_disabled():
        due = (
            Registration.objects.filter(
                status=Registration.Status.CONFIRMED,
                reminded_at__isnull=True,
                meeting__status=SCHEDULED,
                network__is_active=True,
            )
            .filter(meeting_soon | session_soon)
            .select_related("network", "meeting", "session", "person__user")
            .order_by("pk")
        )
        for registration in due:
            with transaction.atomic():
                if not _claim(Registration, registration.pk, "reminded_at", now):
                    continue
                item = registration.session or registration.meeting
                audit_record(
                    network=registration.network,
                    actor=None,
                    action="registration.remind",
                    target=registration,
                    context=registration.meeting,
                )
                mail_person(
                    person=registration.person,
                    network=registration.network,
                    template="meeting_reminder",
                    context={"item": item, "meeting": registration.meeting},
                    item=item,
                )
            sent += 1
    return sent


def send_action_item_reminders(*, now=None) -> int:
    """Tell the owner once about each open action item whose due day has passed."""
    now = now or timezone.now()
    # No time zone's date is more than one day ahead of UTC's, so an item overdue anywhere
    # is due on or before UTC's today; the network's own day is checked below.
    latest_due = now.date()
    sent = 0
    with scopes_disabled():
        items = (
            ActionItem.objects.filter(
                status=ActionItem.Status.OPEN,
                overdue_reminded_at__isnull=True,
                due_on__lte=latest_due,
                owner__isnull=False,
                owner__erased_at__isnull=True,
                network__is_active=True,
            )
            .exclude(owner__email="")
            .select_related("network", "meeting", "owner__user")
            .order_by("pk")
        )
        for item in items:
            network = item.network
            if item.due_on >= timezone.localdate(now, network.tz):
                continue
            with transaction.atomic():
                if not _claim(ActionItem, item.pk, "overdue_reminded_at", now):
                    continue
                audit_record(
                    network=network,
                    actor=None,
                    action="action_item.remind",
                    target=item,
                    context=item.meeting,
                )
                language = language_for(item.owner, network)
                url = absolute_url(network_reverse(network, "meetings:actions", lang=language))
                mail_person(
                    person=item.owner,
                    network=network,
                    template="action_overdue",
                    context={"action": item, "meeting": item.meeting, "url": url},
                )
            sent += 1
    return sent
