"""What the working groups hold about a user, and where names are written in their texts.

Imported from WorkingGroupsConfig.ready(); see core/personal_data.py.
"""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core import personal_data

from .models import Goal, GroupMembership, WorkingGroup


def group_memberships(user) -> list[dict]:
    rows = GroupMembership.objects.filter(person__user=user).select_related(
        "group__network", "organisation"
    )
    return [
        {
            "network": row.group.network.slug,
            "group": row.group.name,
            "organisation": row.organisation.name if row.organisation else None,
            "is_lead": row.is_lead,
            "joined_on": row.joined_on,
            "left_on": row.left_on,
        }
        for row in rows.order_by("joined_on", "pk")
    ]


def groups_mentioning(network, needles):
    rows = WorkingGroup.objects.filter(network=network).filter(
        personal_data.text_contains_any(("name", "mandate"), needles)
    )
    for group in rows.order_by("name", "pk"):
        yield group.name, personal_data.network_path("workinggroups:edit", group_slug=group.slug)


def goals_mentioning(network, needles):
    rows = Goal.objects.filter(network=network).filter(
        personal_data.text_contains_any(["text"], needles)
    )
    for goal in rows.select_related("group").order_by("group__name", "pk"):
        path = personal_data.network_path("workinggroups:goal_edit", goal_id=goal.pk)
        yield goal.group.name, path


personal_data.register(
    "group_memberships", group_memberships, covers=["workinggroups.GroupMembership.person"]
)
personal_data.register_mentions("workinggroups.group", _("Working group"), groups_mentioning)
personal_data.register_mentions("workinggroups.goal", _("Goal"), goals_mentioning)
