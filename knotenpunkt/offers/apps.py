from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "knotenpunkt.offers"
    label = "offers"
    verbose_name = "Offers"

    def ready(self):
        from . import receivers  # noqa: F401  (the starter taxonomy of a new network)
