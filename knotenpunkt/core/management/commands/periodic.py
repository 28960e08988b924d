"""`manage.py periodic`: enqueue recurring work (run by `make run`, and by cron in production)."""

from django.core.management.base import BaseCommand

from knotenpunkt.core.periodic import run_periodic


class Command(BaseCommand):
    help = "Enqueue periodic work (worker heartbeat, reminders) for the task worker."

    def handle(self, *args, **options):
        for name in run_periodic():
            self.stdout.write(f"enqueued {name}")
