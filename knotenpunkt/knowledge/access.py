"""Who may read and edit which pages and documents of the knowledge base.

Network roles come from the role table (accounts.permissions); membership of a
working group is not a role, so it is read from the group memberships here.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from knotenpunkt.accounts.permissions import can
from knotenpunkt.workinggroups.models import GroupMembership

from .models import Visibility


def _group_ids(user, network) -> frozenset[int]:
    """Groups the user belongs to now (an open membership of their contact person)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    return frozenset(
        GroupMembership.objects.filter(
            network=network,
            left_on__isnull=True,
            person__user=user,
            person__erased_at__isnull=True,
        ).values_list("group_id", flat=True)
    )


@dataclass(frozen=True)
class Access:
    """What one user may do in one network's knowledge base (computed once per request)."""

    has_role: bool = False
    reads_all_groups: bool = False
    edits_all: bool = False
    group_ids: frozenset[int] = field(default_factory=frozenset)

    def can_read(self, item) -> bool:
        """`item` is a page or a document: anything with `visibility` and `group_id`."""
        if item.visibility == Visibility.PUBLIC or self.reads_all_groups:
            return True
        in_group = item.group_id is not None and item.group_id in self.group_ids
        if item.visibility == Visibility.NETWORK:
            return self.has_role or in_group
        return in_group

    def can_edit_in(self, group_id: int | None) -> bool:
        """May write pages and upload documents of this group (None: the network's own)."""
        return self.edits_all or (group_id is not None and group_id in self.group_ids)

    def can_edit(self, item) -> bool:
        return self.can_read(item) and self.can_edit_in(item.group_id)

    @property
    def can_create(self) -> bool:
        return self.edits_all or bool(self.group_ids)

    def readable(self) -> Q:
        """The same rule as `can_read`, as a filter for pages and documents."""
        if self.reads_all_groups:
            return Q()
        readable = Q(visibility=Visibility.PUBLIC)
        if self.has_role:
            readable |= Q(visibility=Visibility.NETWORK)
        if self.group_ids:
            readable |= Q(group_id__in=self.group_ids)
        return readable


def access_for(*, user, network) -> Access:
    if not getattr(user, "is_authenticated", False):
        return Access()
    return Access(
        has_role=can(user, network, "knowledge.view"),
        reads_all_groups=can(user, network, "knowledge.view_all_groups"),
        edits_all=can(user, network, "knowledge.edit_all"),
        group_ids=_group_ids(user, network),
    )
