"""Kinds of audit entries this app records (declared in `apps.py`, see core/audit.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupsAuditKind(models.TextChoices):
    """Working groups and their goals."""

    GROUP_CREATE = "group.create", _("Working group created")
    GROUP_UPDATE = "group.update", _("Working group changed")
    GROUP_MEMBER_ADD = "group.member_add", _("Group member added")
    GROUP_MEMBER_REMOVE = "group.member_remove", _("Group member removed")
    GROUP_LEAD_SET = "group.lead_set", _("Group lead named")
    GROUP_LEAD_UNSET = "group.lead_unset", _("Group lead stepped down")
    GOAL_CREATE = "goal.create", _("Goal added")
    GOAL_UPDATE = "goal.update", _("Goal changed")
    GOAL_STATUS = "goal.status", _("Goal status changed")
