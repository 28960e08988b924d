from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "knotenpunkt.core"
    label = "core"
    verbose_name = "Knotenpunkt core"
