from django.apps import AppConfig
from django.utils.translation import gettext_noop


class CoreConfig(AppConfig):
    name = "knotenpunkt.core"
    label = "core"
    verbose_name = "Knotenpunkt core"

    def ready(self):
        from django.urls import register_converter

        from . import navigation, periodic, public_pages, tasks
        from .audit import CoreAuditKind, audit_kinds_declare
        from .params import IdConverter

        # `<id:...>` in every urls.py: ids no row can have are a 404, not an overflow.
        register_converter(IdConverter, "id")

        periodic.register(tasks.worker_heartbeat)  # /healthz tells a living worker by it
        navigation.register_main("core:home", gettext_noop("Home"), order=10)
        public_pages.register(public_pages.home_pages)  # sitemap.xml (core/sitemaps.py)
        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(CoreAuditKind)
