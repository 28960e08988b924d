"""Reads of the subscribers: by token, the coordinator's list and its counts."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from knotenpunkt.core.languages import language_name
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.publishing.selectors import footer_pages

from .models import Subscriber, Topic

PRIVACY_SLUG = "privacy"


def subscriber_by_token(*, network, token: str) -> Subscriber:
    """The network's subscriber with this token (a 404 for any other token)."""
    return get_object_or_404(Subscriber, network=network, token=token)


def privacy_link(network) -> str:
    """The network's privacy page (as the footer links it), or "" when it has none."""
    slugs = {slug for slug, _title in footer_pages(network=network, language=get_language())}
    if PRIVACY_SLUG not in slugs:
        return ""
    return network_reverse(network, "publishing:page", slug=PRIVACY_SLUG)


def subscribers_list(*, network, status: str | None = None):
    """The network's subscribers (of one status), with their topics, by address."""
    found = Subscriber.objects.filter(network=network).prefetch_related("topics")
    if status:
        found = found.filter(status=status)
    return found.order_by("email", "pk")


def subscriber_counts(*, network) -> dict:
    """How many subscribers there are per status and, of the active ones, per language."""
    by_status = dict(
        Subscriber.objects.filter(network=network)
        .order_by()
        .values("status")
        .annotate(count=Count("pk"))
        .values_list("status", "count")
    )
    statuses = [
        (value, label, by_status.get(value, 0)) for value, label in Subscriber.Status.choices
    ]
    languages = (
        Subscriber.objects.filter(network=network, status=Subscriber.Status.ACTIVE)
        .values("language")
        .annotate(count=Count("pk"))
        .order_by("-count", "language")
    )
    return {
        "statuses": statuses,
        "total": sum(by_status.values()),
        "languages": [(language_name(row["language"]), row["count"]) for row in languages],
    }


def topics_list(*, network):
    """The network's topics in their order, each with how many active subscribers chose it."""
    active = Q(subscribers__status=Subscriber.Status.ACTIVE)
    return Topic.objects.filter(network=network).annotate(
        active=Count("subscribers", filter=active)
    )
