from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "knotenpunkt.core"
    label = "core"
    verbose_name = "Knotenpunkt core"

    def ready(self):
        from django.urls import register_converter

        from .params import IdConverter

        # `<id:...>` in every urls.py: ids no row can have are a 404, not an overflow.
        register_converter(IdConverter, "id")
