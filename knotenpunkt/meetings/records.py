"""Writes about who came and what a meeting produced: attendance, minutes, decisions, actions.

Also the tokens of the personal calendar feeds. Re-exported by services.py; the same rules
apply: keyword-only, atomic, one audit entry with the meeting as context.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.search import search_index
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import check_lengths

from .models import ActionItem, Attendance, Decision, Meeting, MinutesVersion, PersonalFeedToken
from .selectors import current_organisation, registration_of
from .writes import lock


def _check_person(person, network, *, field: str = "person") -> None:
    if person.network_id != network.pk or person.is_erased:
        raise DomainError(_("Choose a person of this network."), field=field)


# Attendance ------------------------------------------------------------------------------


@transaction.atomic
def attendance_check_in(*, meeting: Meeting, person, actor, organisation=None) -> Attendance:
    """Mark a person as present (registered or not); checking in again after leaving is fine."""
    require_actor(actor, meeting.network, "meetings.manage", meeting)
    network = meeting.network
    _check_person(person, network)
    meeting = lock(meeting)
    if meeting.is_cancelled:
        raise DomainError(_("This meeting has been cancelled."))
    if timezone.localdate(timezone.now(), network.tz) < timezone.localdate(
        meeting.starts_at, network.tz
    ):
        raise DomainError(_("Check-in opens on the day of the meeting."))
    attendance = Attendance.objects.filter(meeting=meeting, person=person).first()
    if attendance is not None and attendance.checked_out_at is None:
        raise DomainError(
            _("%(name)s is checked in already.") % {"name": person.display_name}, field="person"
        )
    if attendance is not None:
        attendance.checked_out_at = None
        attendance.save(update_fields=["checked_out_at"])
    else:
        if organisation is None:
            registration = registration_of(meeting=meeting, person=person)
            organisation = (
                registration.organisation
                if registration and registration.organisation_id
                else current_organisation(person=person)
            )
        attendance = Attendance.objects.create(
            network=network,
            meeting=meeting,
            person=person,
            organisation=organisation,
            checked_in_at=timezone.now(),
        )
    audit_record(
        network=network,
        actor=actor,
        action="attendance.check_in",
        target=attendance,
        context=meeting,
        summary=person.display_name,
    )
    return attendance


@transaction.atomic
def attendance_check_out(*, meeting: Meeting, person, actor) -> Attendance:
    """Record that a person left; they still count as having attended."""
    require_actor(actor, meeting.network, "meetings.manage", meeting)
    network = meeting.network
    meeting = lock(meeting)
    attendance = Attendance.objects.filter(meeting=meeting, person=person).first()
    if attendance is None or attendance.checked_out_at is not None:
        raise DomainError(
            _("%(name)s is not checked in.") % {"name": person.display_name}, field="person"
        )
    attendance.checked_out_at = timezone.now()
    attendance.save(update_fields=["checked_out_at"])
    audit_record(
        network=network,
        actor=actor,
        action="attendance.check_out",
        target=attendance,
        context=meeting,
        summary=person.display_name,
    )
    return attendance


# Minutes ---------------------------------------------------------------------------------


def _minutes_new_version(*, meeting, actor, text: str, restored_from=None) -> MinutesVersion:
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Write the minutes before saving them."), field="text")
    meeting = lock(meeting)
    current = MinutesVersion.objects.filter(meeting=meeting).order_by("-number").first()
    if current is not None and current.text == text:
        raise DomainError(_("The minutes are unchanged."), field="text")
    version = MinutesVersion.objects.create(
        network=meeting.network,
        meeting=meeting,
        number=current.number + 1 if current else 1,
        text=text,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        restored_from=restored_from,
    )
    if current is not None:
        search_index(current)  # the replaced version leaves the search
    audit_record(
        network=meeting.network,
        actor=actor,
        action="minutes.restore" if restored_from else "minutes.save",
        target=version,
        context=meeting,
        summary=_("version %(number)s") % {"number": version.number},
    )
    return version


@transaction.atomic
def minutes_save(*, meeting: Meeting, actor, text: str) -> MinutesVersion:
    """Every save is a new version (Markdown, sanitised when shown); the newest is current."""
    require_actor(actor, meeting.network, "meetings.manage", meeting)
    return _minutes_new_version(meeting=meeting, actor=actor, text=text)


@transaction.atomic
def minutes_restore(*, version: MinutesVersion, actor) -> MinutesVersion:
    """Restore an earlier text by saving it again as the newest version (history stays)."""
    require_actor(actor, version.network, "meetings.manage", version)
    return _minutes_new_version(
        meeting=version.meeting, actor=actor, text=version.text, restored_from=version
    )


# Decisions and action items --------------------------------------------------------------


@transaction.atomic
def decision_record(
    *, meeting: Meeting, actor, text: str, decided_on: datetime.date | None = None, group=None
) -> Decision:
    """A decision of the meeting; it belongs to the meeting's group unless another is named."""
    require_actor(actor, meeting.network, "meetings.manage", meeting)
    network = meeting.network
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Write down what was decided."), field="text")
    group = group if group is not None else meeting.group
    if group is not None and group.network_id != network.pk:
        raise DomainError(_("Choose a working group of this network."), field="group")
    decision = Decision.objects.create(
        network=network,
        meeting=meeting,
        group=group,
        text=text,
        decided_on=decided_on or timezone.localdate(meeting.starts_at, network.tz),
    )
    audit_record(
        network=network,
        actor=actor,
        action="decision.record",
        target=decision,
        context=meeting,
    )
    return decision


@transaction.atomic
def action_item_create(
    *, meeting: Meeting, actor, text: str, owner=None, due_on: datetime.date | None = None
) -> ActionItem:
    require_actor(actor, meeting.network, "meetings.manage", meeting)
    network = meeting.network
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Describe the action."), field="text")
    check_lengths(ActionItem, {"text": text})
    if owner is not None:
        _check_person(owner, network, field="owner")
    item = ActionItem.objects.create(
        network=network, meeting=meeting, text=text, owner=owner, due_on=due_on
    )
    audit_record(
        network=network,
        actor=actor,
        action="action_item.create",
        target=item,
        context=meeting,
        summary=owner.display_name if owner else "",
    )
    return item


@transaction.atomic
def action_item_complete(*, item: ActionItem, actor) -> ActionItem:
    require_actor(actor, item.network, "meetings.complete_item", item)
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    if item.status == ActionItem.Status.DONE:
        raise DomainError(_("This action is done already."))
    item.status = ActionItem.Status.DONE
    item.done_at = timezone.now()
    item.save(update_fields=["status", "done_at"])
    audit_record(
        network=item.network,
        actor=actor,
        action="action_item.complete",
        target=item,
        context=item.meeting,
    )
    return item


# Personal feed ---------------------------------------------------------------------------


@transaction.atomic
def feed_token_create(*, person, actor) -> PersonalFeedToken:
    """A new secret feed address for the person; any earlier address stops working."""
    now = timezone.now()
    PersonalFeedToken.objects.filter(person=person, revoked_at__isnull=True).update(revoked_at=now)
    feed_token = PersonalFeedToken.objects.create(network=person.network, person=person)
    audit_record(network=person.network, actor=actor, action="feed.create", target=feed_token)
    return feed_token


@transaction.atomic
def feed_token_revoke(*, feed_token: PersonalFeedToken, actor) -> PersonalFeedToken:
    if feed_token.revoked_at is not None:
        raise DomainError(_("This feed address is revoked already."))
    feed_token.revoked_at = timezone.now()
    feed_token.save(update_fields=["revoked_at"])
    audit_record(network=feed_token.network, actor=actor, action="feed.revoke", target=feed_token)
    return feed_token
