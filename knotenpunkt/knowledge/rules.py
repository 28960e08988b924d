"""Who may read and edit which pages and documents of the knowledge base (core/policy.py).

Public pages are read by anyone; network pages by everyone with a role here; a group's
pages by its current members, the coordinator and the city liaison. Members of a group
write its pages, the coordinator writes every page.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from knotenpunkt.accounts.models import Role
from knotenpunkt.core import policy

from .models import Visibility

C, L, M = Role.COORDINATOR, Role.CITY_LIAISON, Role.MEMBER_CONTACT


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
    if not policy.roles_of(user, network):
        return Access()
    return Access(
        has_role=policy.can(user, network, "knowledge.view"),
        reads_all_groups=policy.can(user, network, "knowledge.view_all_groups"),
        edits_all=policy.can(user, network, "knowledge.edit_all"),
        group_ids=policy.groups_of(user, network),
    )


def _edits(user, network, item) -> bool:
    """A page or document of a group they belong to (None: any page they could create)."""
    access = access_for(user=user, network=network)
    return access.can_create if item is None else access.can_edit(item)


policy.declare("knowledge.view", roles={C, L, M})
policy.declare("knowledge.view_all_groups", roles={C, L})
policy.declare("knowledge.edit_all", roles={C})
policy.declare("knowledge.edit", roles={C}, rule=_edits)
# New pages and documents of a group (None: the network's own, for the coordinator).
policy.declare(
    "knowledge.write_in",
    roles={C},
    rule=lambda user, network, group: (
        group is not None and access_for(user=user, network=network).can_edit_in(group.pk)
    ),
)
