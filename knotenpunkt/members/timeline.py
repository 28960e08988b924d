"""An organisation's whole story: membership periods, contacts, signatures and the audit trail.

Model rows give the facts with their business dates; the audit trail adds who
recorded them and the changes that leave no row behind (profile edits).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext as _

from knotenpunkt.core.audit import audit_kind_label
from knotenpunkt.core.formatting import format_local_date
from knotenpunkt.core.selectors import audit_trail

from .models import Organisation

# Actions whose facts are model rows; their audit entry only adds "recorded by".
ROW_ACTIONS = {
    "membership.join": "members.membership",
    "membership.leave": "members.membership",
    "position.open": "members.contactposition",
    "position.close": "members.contactposition",
    "contact.handover": "members.contactposition",
    "agreement.sign": "members.agreementsignature",
}


@dataclass
class TimelineEvent:
    on: datetime.date
    kind: str
    text: str
    detail: str = ""
    recorded_by: str = ""
    recorded_at: datetime.datetime | None = None

    @property
    def sort_key(self):
        moment = self.recorded_at or datetime.datetime.min.replace(tzinfo=datetime.UTC)
        return (self.on, moment)


def _changed_fields(summary: str) -> str:
    """The audit summary of an edit lists field names; show their translated labels."""
    labels = []
    for name in filter(None, (part.strip() for part in summary.split(","))):
        try:
            labels.append(str(Organisation._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:  # an old entry may name a field that no longer exists
            labels.append(name)
    return ", ".join(labels)


def _row_events(organisation: Organisation) -> list[tuple[str, int, str, TimelineEvent]]:
    """(audit target type, row id, action, event) for every fact stored in a row."""
    events = []
    for period in organisation.memberships.all():
        events.append(
            (
                "members.membership",
                period.pk,
                "membership.join",
                TimelineEvent(period.joined_on, "join", _("Joined the network")),
            )
        )
        if period.left_on:
            events.append(
                (
                    "members.membership",
                    period.pk,
                    "membership.leave",
                    TimelineEvent(
                        period.left_on, "leave", _("Left the network"), period.leave_reason
                    ),
                )
            )
    positions = list(organisation.positions.all())
    handed_over = {position.predecessor_id for position in positions if position.predecessor_id}
    for position in positions:
        person, role = position.person.display_name, position.role_label
        if position.predecessor_id:
            text = _("%(role)s handed over from %(old)s to %(new)s") % {
                "role": role,
                "old": position.predecessor.person.display_name,
                "new": person,
            }
            events.append(
                (
                    "members.contactposition",
                    position.pk,
                    "contact.handover",
                    TimelineEvent(
                        position.started_on, "handover", text, position.predecessor.handover_note
                    ),
                )
            )
        else:
            text = _("%(person)s became %(role)s") % {"person": person, "role": role}
            events.append(
                (
                    "members.contactposition",
                    position.pk,
                    "position.open",
                    TimelineEvent(position.started_on, "position", text),
                )
            )
        if position.ended_on and position.pk not in handed_over:
            text = _("%(person)s is no longer %(role)s") % {"person": person, "role": role}
            events.append(
                (
                    "members.contactposition",
                    position.pk,
                    "position.close",
                    TimelineEvent(position.ended_on, "position", text),
                )
            )
    for signature in organisation.signatures.all():
        text = _("Signed “%(title)s” (valid from %(date)s)") % {
            "title": signature.version.title,
            "date": format_local_date(signature.version.valid_from),
        }
        detail = (
            _("signed by %(person)s") % {"person": signature.signed_by.display_name}
            if signature.signed_by
            else ""
        )
        events.append(
            (
                "members.agreementsignature",
                signature.pk,
                "agreement.sign",
                TimelineEvent(signature.signed_on, "signature", text, detail),
            )
        )
    return events


def organisation_timeline(*, organisation: Organisation, include_audit: bool = True):
    """Newest first. Expects the organisation from `organisation_get` (rows prefetched)."""
    row_events = _row_events(organisation)
    if not include_audit:
        events = [event for *_key, event in row_events]
        return sorted(events, key=lambda event: event.sort_key, reverse=True)
    entries = list(
        audit_trail(
            network=organisation.network,
            target_type="members.organisation",
            target_id=organisation.pk,
        )
    )
    by_target = {
        (entry.target_type, entry.target_id, entry.action): entry
        for entry in reversed(entries)  # the newest entry of a kind wins
    }
    tz = organisation.network.tz
    events = []
    for target_type, pk, action, event in row_events:
        entry = by_target.get((target_type, str(pk), action))
        if entry is not None:
            event.recorded_by = entry.actor_label
            event.recorded_at = entry.created_at
        events.append(event)
    for entry in entries:
        if entry.action in ROW_ACTIONS:
            continue
        detail = entry.summary
        if entry.action == "organisation.update":
            detail = _changed_fields(entry.summary)
        events.append(
            TimelineEvent(
                on=timezone.localtime(entry.created_at, tz).date(),
                kind="audit",
                text=audit_kind_label(entry.action),
                detail=detail,
                recorded_by=entry.actor_label,
                recorded_at=entry.created_at,
            )
        )
    return sorted(events, key=lambda event: event.sort_key, reverse=True)
