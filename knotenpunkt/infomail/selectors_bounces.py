"""Reads for the coordinator's bounce page: who is suspended, what came back lately."""

from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404

from .models import Bounce, Subscriber

RECENT_BOUNCES = 50


def suspended_subscribers(*, network):
    """Suspended subscribers, most recent first, each with its last bounce's kind and detail."""
    last = Bounce.objects.filter(subscriber=OuterRef("pk")).order_by("-received_at", "-pk")
    return (
        Subscriber.objects.filter(network=network, status=Subscriber.Status.SUSPENDED)
        .annotate(
            last_bounce_kind=Subquery(last.values("kind")[:1]),
            last_bounce_detail=Subquery(last.values("detail")[:1]),
        )
        .order_by("-suspended_at", "email")
    )


def bounces_recent(*, network, limit: int = RECENT_BOUNCES) -> list[Bounce]:
    return list(
        Bounce.objects.filter(network=network)
        .select_related("subscriber")
        .order_by("-received_at", "-pk")[:limit]
    )


def subscriber_get(*, network, subscriber_id: int) -> Subscriber:
    return get_object_or_404(Subscriber, network=network, pk=subscriber_id)
