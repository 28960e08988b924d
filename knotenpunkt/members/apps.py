from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "knotenpunkt.members"
    label = "members"
    verbose_name = "Members"

    def ready(self):
        from knotenpunkt.core import periodic
        from knotenpunkt.core.memo import memo_invalidated_by

        from . import (
            receivers,  # noqa: F401  (starter content for new networks)
            search,  # noqa: F401  (organisations in the network's search)
            tasks,
        )
        from .models import AgreementVersion, OrganisationKind

        periodic.register(tasks.import_jobs_tidy_task)

        # Memoised for the member list and the directory (selectors.*_memoised).
        memo_invalidated_by(OrganisationKind, AgreementVersion)
