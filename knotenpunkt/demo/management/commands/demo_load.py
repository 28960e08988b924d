"""`manage.py demo_load`: the fictional demo networks, for trying Knotenpunkt out (DEBUG only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from knotenpunkt.demo.loader import DEMO_PASSWORD, LOGINS, demo_load


class Command(BaseCommand):
    help = (
        "Load the demo networks 'musterstadt' and 'beispielhausen' with demo logins "
        "(password 'demo'). Runs only with KNOTENPUNKT_DEBUG=1; a second run adds nothing."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "demo_load refused: the demo creates accounts with the password 'demo' and is "
                "loaded only when KNOTENPUNKT_DEBUG=1."
            )
        created = demo_load()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo data added: {', '.join(created)}"))
        else:
            self.stdout.write("Demo networks exist already; nothing added.")
        base = settings.KNOTENPUNKT_BASE_URL.rstrip("/")
        self.stdout.write(f"\nDemo logins (password: {DEMO_PASSWORD}) at {base}/accounts/login/")
        width = max(len(login.email) for login in LOGINS)
        for login in LOGINS:
            role = str(login.role.label)
            home = f"{base}/de/{login.network_slug}/"
            self.stdout.write(f"  {login.email:<{width}}  {role:<15} {home}")
