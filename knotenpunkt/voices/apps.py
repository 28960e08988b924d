from django.apps import AppConfig
from django.utils.translation import gettext_noop


class VoicesConfig(AppConfig):
    name = "knotenpunkt.voices"
    label = "voices"
    verbose_name = "Voices"

    def ready(self):
        from knotenpunkt.core import blocks, navigation, public_pages
        from knotenpunkt.core.audit import audit_kinds_declare

        from . import (
            personal_data,  # noqa: F401  (a sender's contact)
            queues,  # noqa: F401  (new voices wait for the coordinator)
            receivers,  # noqa: F401  (the starter topics of a new network)
            rules,  # noqa: F401  (who triages and answers voices)
        )
        from .audit import VoicesAuditKind
        from .selectors import form_pages

        audit_kinds_declare(VoicesAuditKind)
        navigation.register_main(
            "voices:manage", gettext_noop("Voices"), order=75, action="voices.read"
        )
        # "Give your input" on the home page, for visitors without an account.
        # The form is a public page of the sitemap; status pages are not (they are private).
        public_pages.register(form_pages)
        blocks.register(
            blocks.HOME, "voices/_home_voices.html", order=45, label=gettext_noop("Give your input")
        )
