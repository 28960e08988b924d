"""Reminders to confirm offers, run by the periodic task across all networks.

An offer past the network's first period ("may be outdated") whose owners were not reminded
since its last confirmation is claimed with a conditional UPDATE of `reminded_at` before its
mail is queued, so a second run (or a second worker) never reminds twice; confirming the offer
clears `reminded_at`, so the next reminder comes after the next period. The current contacts
of the offer's organisation get one mail listing its due offers, each with its own link.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from knotenpunkt.core.dates import network_today
from knotenpunkt.core.mail import mail_send_later
from knotenpunkt.core.models import Network
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse
from knotenpunkt.members.models import ContactPosition

from .audit import OffersAuditKind
from .confirm_links import confirm_token_make
from .freshness import outdated_q, periods_of
from .models import Service


def contact_language(person, network) -> str:
    """The contact's own language if the network offers it, else the network's default."""
    user = person.user if person.user_id else None
    for code in [user.preferred_language if user else None, *(person.languages or [])]:
        if code in network.languages:
            return code
    return network.default_language


def _due(network, now):
    periods = periods_of(network)
    return (
        Service.objects.filter(network=network, reminded_at__isnull=True)
        .filter(outdated_q(periods, network_today(network)))
        .exclude(status=Service.Status.DEFUNCT)
        .select_related("organization")
        .order_by("organization_id", "name", "pk")
    )


def _contacts(organisation):
    return (
        ContactPosition.objects.filter(
            organisation=organisation, ended_on__isnull=True, person__erased_at__isnull=True
        )
        .exclude(person__email="")
        .select_related("person__user")
        .order_by("pk")
    )


def _claim(service: Service, now) -> bool:
    return bool(
        Service.objects.filter(pk=service.pk, reminded_at__isnull=True).update(reminded_at=now)
    )


def _confirm_url(network, service, language: str) -> str:
    token = confirm_token_make(service)
    return absolute_url(
        network_reverse(network, "offers:confirm", lang=language, offer_token=token)
    )


def _mail(network, organisation, services) -> None:
    addresses = set()
    for position in _contacts(organisation):
        person = position.person
        if person.email.lower() in addresses:
            continue  # one mail per address, whatever positions it holds
        addresses.add(person.email.lower())
        language = contact_language(person, network)
        offers = [(service, _confirm_url(network, service, language)) for service in services]
        context = {
            "network": network,
            "person": person,
            "organisation": organisation,
            "offers": offers,
            "manage_url": absolute_url(network_reverse(network, "offers:manage", lang=language)),
        }
        with timezone.override(network.tz):
            mail_send_later(
                to=person.email, template="offers/mail/reminder", context=context, language=language
            )


def send_offer_reminders(*, now=None) -> int:
    """Remind the owners of each offer once per period; the number of offers reminded."""
    now = now or timezone.now()
    reminded = 0
    with scopes_disabled():
        for network in Network.objects.filter(is_active=True).order_by("pk"):
            by_organisation = defaultdict(list)
            for service in _due(network, now):
                by_organisation[service.organization].append(service)
            for organisation, services in by_organisation.items():
                with transaction.atomic():
                    claimed = [service for service in services if _claim(service, now)]
                    for service in claimed:
                        audit_record(
                            network=network,
                            actor=None,
                            action=OffersAuditKind.OFFER_REMIND,
                            target=service,
                            context=organisation,
                        )
                    if claimed:
                        _mail(network, organisation, claimed)
                reminded += len(claimed)
    return reminded
