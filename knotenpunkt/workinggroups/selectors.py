"""Reads of the working groups: lists and the group page.

The meetings of a group, and the cadence of meetings against the targets, are read by the
meetings app (meetings/cadence.py), which sits above this one
(docs/decisions/0014-layers-and-registries.md).

List selectors annotate everything a row shows, so that a page makes the same number
of queries for 3 groups as for 300.
"""

import datetime

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from knotenpunkt.members.models import Organisation

from .models import Goal, GroupMembership, WorkingGroup


def _active_on(day: datetime.date) -> Q:
    return Q(active_from__lte=day) & (Q(active_until__isnull=True) | Q(active_until__gte=day))


def _count(queryset: QuerySet) -> Coalesce:
    """A correlated COUNT subquery (several of them do not multiply each other like joins)."""
    counted = queryset.order_by().values("group_id").annotate(total=Count("pk")).values("total")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _leads() -> Prefetch:
    return Prefetch(
        "memberships",
        queryset=GroupMembership.objects.filter(is_lead=True, left_on__isnull=True)
        .select_related("person", "organisation")
        .order_by("person__full_name", "pk"),
        to_attr="current_leads",
    )


# Lists -----------------------------------------------------------------------------------


def groups_list(*, network, active_only: bool = True, now=None) -> QuerySet:
    """Groups with their leads and member counts (the meetings app adds its own columns)."""
    now = now or timezone.now()
    today = now.astimezone(network.tz).date()
    open_members = GroupMembership.objects.filter(group=OuterRef("pk"), left_on__isnull=True)
    organisations = (
        open_members.exclude(organisation__isnull=True)
        .order_by()
        .values("group_id")
        .annotate(total=Count("organisation_id", distinct=True))
        .values("total")[:1]
    )
    groups = WorkingGroup.objects.filter(network=network)
    if active_only:
        groups = groups.filter(_active_on(today))
    return (
        groups.annotate(
            member_count=_count(open_members),
            organisation_count=Coalesce(
                Subquery(organisations, output_field=IntegerField()), Value(0)
            ),
        )
        .prefetch_related(_leads())
        .order_by("name", "pk")
    )


def groups_active_on(*, network, day: datetime.date) -> QuerySet:
    """The groups founded on or before `day` and not ended before it."""
    return WorkingGroup.objects.filter(network=network).filter(_active_on(day))


def groups_of_user(*, user, network) -> QuerySet:
    """The groups the user currently belongs to through one of their person records."""
    if not getattr(user, "is_authenticated", False):
        return WorkingGroup.objects.none()
    mine = GroupMembership.objects.filter(network=network, person__user=user, left_on__isnull=True)
    return (
        WorkingGroup.objects.filter(network=network, pk__in=mine.values("group_id"))
        .annotate(leads_it=Exists(mine.filter(group=OuterRef("pk"), is_lead=True)))
        .order_by("name", "pk")
    )


def group_detail(*, network, group_slug: str) -> WorkingGroup:
    """A group with its members (current and former, with organisation) and its goals."""
    memberships = GroupMembership.objects.select_related("person", "organisation").order_by(
        "-is_lead", "person__full_name", "pk"
    )
    group = get_object_or_404(
        WorkingGroup.objects.select_related("network").prefetch_related(
            Prefetch("memberships", queryset=memberships, to_attr="all_memberships"),
            Prefetch("goals", queryset=Goal.objects.order_by("due_on", "pk"), to_attr="all_goals"),
        ),
        network=network,
        slug=group_slug,
    )
    group.current_memberships = [m for m in group.all_memberships if m.left_on is None]
    group.former_memberships = [m for m in group.all_memberships if m.left_on is not None]
    group.current_leads = [m for m in group.current_memberships if m.is_lead]
    return group


def group_get(*, network, group_slug: str) -> WorkingGroup:
    return get_object_or_404(
        WorkingGroup.objects.select_related("network"), network=network, slug=group_slug
    )


def membership_get(*, network, membership_id) -> GroupMembership:
    return get_object_or_404(
        GroupMembership.objects.select_related("group__network", "person", "organisation"),
        network=network,
        pk=membership_id,
    )


def goal_get(*, network, goal_id) -> Goal:
    return get_object_or_404(
        Goal.objects.select_related("group__network"), network=network, pk=goal_id
    )


def organisations_for_choice(*, network) -> QuerySet:
    """Organisations a group member may speak for (any organisation of the network)."""
    return Organisation.objects.filter(network=network).order_by("name", "pk")


def groups_for_choice(*, network) -> QuerySet:
    """All groups of the network, plainly, for a select box (no counts)."""
    return WorkingGroup.objects.filter(network=network).order_by("name", "pk")
