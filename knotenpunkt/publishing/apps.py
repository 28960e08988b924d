from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "knotenpunkt.publishing"
    label = "publishing"
    verbose_name = "Publishing"

    def ready(self):
        from . import receivers  # noqa: F401  (imprint, privacy, accessibility placeholders)
