from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "knotenpunkt.core"
    label = "core"
    verbose_name = "Knotenpunkt core"

    def ready(self):
        from . import periodic, tasks

        periodic.register(tasks.worker_heartbeat)  # /healthz tells a living worker by it
