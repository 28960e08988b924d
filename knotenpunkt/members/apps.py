from django.apps import AppConfig
from django.utils.translation import gettext_noop


class MembersConfig(AppConfig):
    name = "knotenpunkt.members"
    label = "members"
    verbose_name = "Members"

    def ready(self):
        from knotenpunkt.core import blocks, navigation, periodic
        from knotenpunkt.core.audit import audit_kinds_declare
        from knotenpunkt.core.memo import memo_invalidated_by

        from . import (
            lookups,  # noqa: F401  (people and organisations for the searchable pickers)
            personal_data,  # noqa: F401  (contact persons in the own-data export)
            queues,  # noqa: F401  (what waits, counted on the workspace)
            receivers,  # noqa: F401  (starter content for new networks)
            rules,  # noqa: F401  (who may do what with the registry)
            search,  # noqa: F401  (organisations in the network's search)
            tasks,
        )
        from .audit import MembersAuditKind
        from .models import AgreementVersion, OrganisationKind

        periodic.register(tasks.import_jobs_tidy_task)
        blocks.register(
            blocks.HOME, "members/_home_members.html", order=30, label=gettext_noop("Member count")
        )
        from knotenpunkt.core import public_pages as core_public_pages

        from .public_pages import directory_pages

        core_public_pages.register(directory_pages)  # sitemap.xml
        navigation.register_main("members:directory", gettext_noop("Members"), order=30)
        navigation.register_main(
            "members:workspace", gettext_noop("Workspace"), order=40, action=navigation.ANY_ROLE
        )
        navigation.register_main(
            "members:manage_list", gettext_noop("Manage"), order=80, action="members.view_internal"
        )

        # Memoised for the member list and the directory (selectors.*_memoised).
        memo_invalidated_by(OrganisationKind, AgreementVersion)
        # The kinds of entry this app writes to the audit trail (core/audit.py).
        audit_kinds_declare(MembersAuditKind)
