from django.apps import AppConfig
from django.utils.translation import gettext_noop


class OffersConfig(AppConfig):
    name = "knotenpunkt.offers"
    label = "offers"
    verbose_name = "Offers"

    def ready(self):
        from knotenpunkt.core import blocks, navigation

        from . import (
            receivers,  # noqa: F401  (the starter taxonomy of a new network)
            search,  # noqa: F401  (offers in the network's search)
        )

        blocks.register(blocks.HOME, "offers/_home_offers.html", order=15)
        navigation.register_main("offers:directory", gettext_noop("Offers"), order=35)
