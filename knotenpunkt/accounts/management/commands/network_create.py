"""`manage.py network_create <slug> --name … --city …`: the next city in one command.

It lives in accounts, not core, because it may invite the first coordinator (core imports
no domain app, docs/decisions/0014-layers-and-registries.md).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_scopes import scopes_disabled

from knotenpunkt.accounts.services import invitation_create
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.services import network_create

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class Command(BaseCommand):
    help = (
        "Create a new network with its starter content (kinds, roles, imprint and privacy pages)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="short name used in addresses, e.g. 'erfurt'")
        parser.add_argument("--name", required=True)
        parser.add_argument("--city", required=True)
        parser.add_argument("--language", default="de", choices=LANGUAGE_CODES)
        parser.add_argument(
            "--languages",
            default=",".join(LANGUAGE_CODES),
            help="comma-separated languages the network offers (default: all)",
        )
        parser.add_argument("--coordinating-body", default="")
        parser.add_argument("--contact-email", default="")
        parser.add_argument("--time-zone", default="Europe/Berlin")
        parser.add_argument(
            "--coordinator",
            default="",
            help="e-mail of the first coordinator, who gets an invitation",
        )

    def handle(self, *args, **options):
        languages = [code.strip() for code in options["languages"].split(",") if code.strip()]
        unknown = sorted(set(languages) - set(LANGUAGE_CODES))
        if unknown:
            raise CommandError(f"unknown languages: {', '.join(unknown)}")
        with scopes_disabled():
            try:
                network = network_create(
                    slug=options["slug"],
                    name=options["name"],
                    city=options["city"],
                    language=options["language"],
                    languages=languages,
                    coordinating_body=options["coordinating_body"],
                    contact_email=options["contact_email"],
                    time_zone=options["time_zone"],
                )
            except DomainError as error:
                raise CommandError(str(error.message)) from error
            except Exception as error:  # ValidationError from full_clean
                messages = getattr(error, "messages", None)
                if messages:
                    raise CommandError("; ".join(messages)) from error
                raise
            if options["coordinator"]:
                invitation_create(
                    network=network,
                    email=options["coordinator"],
                    role="coordinator",
                    actor=None,
                    language=network.default_language,
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Network '{network.slug}' created: /{network.default_language}/{network.slug}/"
            )
        )
