from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "knotenpunkt.members"
    label = "members"
    verbose_name = "Members"

    def ready(self):
        from knotenpunkt.core.memo import memo_invalidated_by

        from . import (
            receivers,  # noqa: F401  (starter content for new networks)
            rules,  # noqa: F401  (who may do what with the registry)
            search,  # noqa: F401  (organisations in the network's search)
        )
        from .models import AgreementVersion, OrganisationKind

        # Memoised for the member list and the directory (selectors.*_memoised).
        memo_invalidated_by(OrganisationKind, AgreementVersion)
