from django.apps import AppConfig
from django.utils.translation import gettext_noop


class WorkingGroupsConfig(AppConfig):
    name = "knotenpunkt.workinggroups"
    label = "workinggroups"
    verbose_name = "Working groups"

    def ready(self):
        from knotenpunkt.core import blocks, navigation
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import (
            personal_data,  # noqa: F401  (own-data export)
            rules,  # noqa: F401  (group membership and leads in the policy)
            search,  # noqa: F401  (groups in the network's search)
        )
        from .audit import GroupsAuditKind

        blocks.register(blocks.WORKSPACE, "workinggroups/_workspace_groups.html", order=20)
        navigation.register_main(
            "workinggroups:list",
            gettext_noop("Working groups"),
            order=50,
            action=navigation.ANY_ROLE,
        )
        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(GroupsAuditKind)
