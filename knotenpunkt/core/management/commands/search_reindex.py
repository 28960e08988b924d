"""`manage.py search_reindex [slug …]`: rebuild the search entries from the registered apps.

Needed after data was written without signals (bulk loads, SQL) or after a provider changed
what it indexes; the services keep the index current otherwise.
"""

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scopes_disabled

from knotenpunkt.core.models import Network
from knotenpunkt.core.search import search_reindex


class Command(BaseCommand):
    help = "Rebuild the search index of the given networks (default: every network)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="short names of networks (default: all)")

    def handle(self, *args, **options):
        slugs = options["slugs"]
        networks = Network.objects.order_by("slug")
        if slugs:
            networks = networks.filter(slug__in=slugs)
            missing = sorted(set(slugs) - {network.slug for network in networks})
            if missing:
                raise CommandError(f"unknown networks: {', '.join(missing)}")
        with scopes_disabled():
            for network in networks:
                count = search_reindex(network)
                self.stdout.write(f"{network.slug}: {count} entries")
