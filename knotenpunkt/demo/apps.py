from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "knotenpunkt.demo"
    label = "demo"
    verbose_name = "Demo data"
