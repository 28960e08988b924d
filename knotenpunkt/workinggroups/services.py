"""Writes of the working groups: the groups, who belongs to and leads them, and their goals.

Every function is one write: keyword-only, atomic, one audit entry with the group as
context, so that the group's trail tells its whole story. Leaving closes a membership
with a date; it is never deleted.
"""

import datetime

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from knotenpunkt.core.audit import field_changes
from knotenpunkt.core.dates import network_today, short_date
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import check_lengths, check_required

from .models import Goal, GroupMembership, WorkingGroup
from .validation import check_target

# The cadence a network agrees for its groups (issue 3: "2–6 meetings a year").
# Path segments under workspace/groups/ that are pages, not groups.
RESERVED_SLUGS = frozenset({"add", "cadence", "members", "goals", "edit"})
GROUP_FIELDS = (
    "name",
    "slug",
    "mandate",
    "meetings_per_year_target",
    "active_from",
    "active_until",
)
GOAL_FIELDS = ("text", "due_on", "status")


# Groups ----------------------------------------------------------------------------------


def _clean_slug(network, slug: str, name: str, *, exclude_pk=None) -> str:
    slug = slugify((slug or "").strip() or name)[:80].strip("-")
    if not slug:
        raise DomainError(
            _("Give a short name of letters, digits and hyphens for the address."), field="slug"
        )
    if slug in RESERVED_SLUGS:
        raise DomainError(
            _("“%(slug)s” is the name of a page; choose another short name.") % {"slug": slug},
            field="slug",
        )
    clash = WorkingGroup.objects.filter(network=network, slug=slug)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise DomainError(
            _("Another group uses the short name “%(slug)s” already.") % {"slug": slug},
            field="slug",
        )
    return slug


def _check_period(active_from, active_until) -> None:
    if active_from is None:
        raise DomainError(_("This field is required."), field="active_from")
    if active_until is not None and active_until < active_from:
        raise DomainError(
            _("A group cannot end before it starts (%(date)s).")
            % {"date": short_date(active_from)},
            field="active_until",
        )


@transaction.atomic
def group_create(
    *,
    network,
    actor,
    name: str,
    active_from: datetime.date,
    slug: str = "",
    mandate: str = "",
    meetings_per_year_target: int = 4,
    active_until: datetime.date | None = None,
) -> WorkingGroup:
    """Found a working group; without a short name one is made from its name."""
    require_actor(actor, network, "groups.manage")
    name = check_required(name, field="name")
    check_lengths(WorkingGroup, {"name": name})
    slug = _clean_slug(network, slug, name)
    check_target(meetings_per_year_target)
    _check_period(active_from, active_until)
    group = WorkingGroup.objects.create(
        network=network,
        name=name,
        slug=slug,
        mandate=(mandate or "").strip(),
        meetings_per_year_target=meetings_per_year_target,
        active_from=active_from,
        active_until=active_until,
    )
    audit_record(network=network, actor=actor, action="group.create", target=group, context=group)
    return group


@transaction.atomic
def group_update(*, group: WorkingGroup, actor, **changes) -> WorkingGroup:
    """Change a group's fields; the audit entry names the fields that changed."""
    require_actor(actor, group.network, "groups.manage")
    unknown = set(changes) - set(GROUP_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    if "name" in changes:
        changes["name"] = check_required(changes["name"], field="name")
    if "mandate" in changes:
        changes["mandate"] = (changes["mandate"] or "").strip()
    if "slug" in changes:
        changes["slug"] = _clean_slug(
            group.network,
            changes["slug"],
            changes.get("name", group.name),
            exclude_pk=group.pk,
        )
    check_lengths(WorkingGroup, changes)
    if "meetings_per_year_target" in changes:
        check_target(changes["meetings_per_year_target"])
    _check_period(
        changes.get("active_from", group.active_from),
        changes.get("active_until", group.active_until),
    )
    diff = field_changes(group, changes)
    changed = list(diff)
    if not changed:
        return group
    for key in changed:
        setattr(group, key, changes[key])
    group.save(update_fields=changed)
    audit_record(
        network=group.network,
        actor=actor,
        action="group.update",
        target=group,
        context=group,
        summary=", ".join(changed),
        changes=diff,
    )
    return group


# Members and leads -----------------------------------------------------------------------


def _lock(group: WorkingGroup) -> None:
    """Serialise membership changes of one group (a no-op on SQLite, which locks the file)."""
    WorkingGroup.objects.select_for_update().filter(pk=group.pk).first()


def _check_person(group: WorkingGroup, person) -> None:
    if person is None or person.network_id != group.network_id or person.is_erased:
        raise DomainError(_("Choose a person of this network."), field="person")


def _check_organisation(group: WorkingGroup, organisation) -> None:
    if organisation is not None and organisation.network_id != group.network_id:
        raise DomainError(_("Choose an organisation of this network."), field="organisation")


@transaction.atomic
def group_member_add(
    *,
    group: WorkingGroup,
    actor,
    person,
    organisation=None,
    is_lead: bool = False,
    joined_on: datetime.date | None = None,
) -> GroupMembership:
    """Add a person to a group, for an organisation or on their own, optionally as a lead."""
    require_actor(actor, group.network, "groups.lead", group)
    _check_person(group, person)
    _check_organisation(group, organisation)
    _lock(group)
    if GroupMembership.objects.filter(group=group, person=person, left_on__isnull=True).exists():
        raise DomainError(
            _("%(name)s belongs to this group already.") % {"name": person.display_name},
            field="person",
        )
    joined_on = joined_on or network_today(group.network)
    membership = GroupMembership.objects.create(
        network=group.network,
        group=group,
        person=person,
        organisation=organisation,
        is_lead=is_lead,
        joined_on=joined_on,
    )
    audit_record(
        network=group.network,
        actor=actor,
        action="group.member_add",
        target=membership,
        context=group,
        summary="lead" if is_lead else "",
    )
    return membership


def _open(membership: GroupMembership) -> GroupMembership:
    """The membership re-read under the group's lock; a closed one cannot change any more."""
    _lock(membership.group)
    membership.refresh_from_db()
    if membership.left_on is not None:
        raise DomainError(
            _("%(name)s left the group on %(date)s.")
            % {"name": membership.person.display_name, "date": short_date(membership.left_on)}
        )
    return membership


@transaction.atomic
def group_member_remove(
    *, membership: GroupMembership, actor, left_on: datetime.date | None = None
) -> GroupMembership:
    """Close a membership (and with it any lead role); the history stays."""
    require_actor(actor, membership.network, "groups.lead", membership)
    membership = _open(membership)
    left_on = left_on or network_today(membership.network)
    if left_on < membership.joined_on:
        raise DomainError(
            _("Nobody can leave before they joined (%(date)s).")
            % {"date": short_date(membership.joined_on)},
            field="left_on",
        )
    membership.left_on = left_on
    membership.save(update_fields=["left_on"])
    audit_record(
        network=membership.network,
        actor=actor,
        action="group.member_remove",
        target=membership,
        context=membership.group,
    )
    return membership


def _lead_change(membership: GroupMembership, actor, *, is_lead: bool) -> GroupMembership:
    membership = _open(membership)
    if membership.is_lead == is_lead:
        message = (
            _("%(name)s leads the group already.")
            if is_lead
            else _("%(name)s does not lead the group.")
        )
        raise DomainError(message % {"name": membership.person.display_name})
    membership.is_lead = is_lead
    membership.save(update_fields=["is_lead"])
    audit_record(
        network=membership.network,
        actor=actor,
        action="group.lead_set" if is_lead else "group.lead_unset",
        target=membership,
        context=membership.group,
    )
    return membership


@transaction.atomic
def group_lead_set(*, membership: GroupMembership, actor) -> GroupMembership:
    """Make a current member a lead of the group (a group may have several)."""
    require_actor(actor, membership.network, "groups.lead", membership)
    return _lead_change(membership, actor, is_lead=True)


@transaction.atomic
def group_lead_unset(*, membership: GroupMembership, actor) -> GroupMembership:
    """The person stays a member but no longer leads the group."""
    require_actor(actor, membership.network, "groups.lead", membership)
    return _lead_change(membership, actor, is_lead=False)


# Goals -----------------------------------------------------------------------------------


def _check_status(status) -> None:
    if status not in Goal.Status.values:
        raise DomainError(_("Choose one of the statuses offered."), field="status")


@transaction.atomic
def goal_create(
    *,
    group: WorkingGroup,
    actor,
    text: str,
    due_on: datetime.date | None = None,
    status: str = Goal.Status.OPEN,
) -> Goal:
    require_actor(actor, group.network, "groups.lead", group)
    text = check_required(text, field="text")
    check_lengths(Goal, {"text": text})
    _check_status(status)
    goal = Goal.objects.create(
        network=group.network, group=group, text=text, due_on=due_on, status=status
    )
    audit_record(
        network=group.network, actor=actor, action="goal.create", target=goal, context=group
    )
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, actor, **changes) -> Goal:
    """Change a goal's text, due date or status; the audit entry names what changed."""
    require_actor(actor, goal.network, "groups.lead", goal)
    unknown = set(changes) - set(GOAL_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    if "text" in changes:
        changes["text"] = check_required(changes["text"], field="text")
    check_lengths(Goal, changes)
    if "status" in changes:
        _check_status(changes["status"])
    diff = field_changes(goal, changes)
    changed = list(diff)
    if not changed:
        return goal
    for key in changed:
        setattr(goal, key, changes[key])
    goal.save(update_fields=changed)
    audit_record(
        network=goal.network,
        actor=actor,
        action="goal.update",
        target=goal,
        context=goal.group,
        summary=", ".join(changed),
        changes=diff,
    )
    return goal


@transaction.atomic
def goal_status_set(*, goal: Goal, actor, status: str) -> Goal:
    """Move a goal along (open → in progress → achieved, or dropped)."""
    require_actor(actor, goal.network, "groups.lead", goal)
    _check_status(status)
    if goal.status == status:
        return goal
    previous = goal.status
    goal.status = status
    goal.save(update_fields=["status"])
    audit_record(
        network=goal.network,
        actor=actor,
        action="goal.status",
        target=goal,
        context=goal.group,
        summary=f"{previous} → {status}",
    )
    return goal
