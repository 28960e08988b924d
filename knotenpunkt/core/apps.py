from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "knotenpunkt.core"
    label = "core"
    verbose_name = "Knotenpunkt core"

    def ready(self):
        from .audit import CoreAuditKind, audit_kinds_declare

        audit_kinds_declare(CoreAuditKind)
