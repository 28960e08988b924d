from django.apps import AppConfig


class WorkingGroupsConfig(AppConfig):
    name = "knotenpunkt.workinggroups"
    label = "workinggroups"
    verbose_name = "Working groups"

    def ready(self):
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import search  # noqa: F401  (groups in the network's search)
        from .audit import GroupsAuditKind

        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(GroupsAuditKind)
