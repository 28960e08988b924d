"""Reads of the info mail's issues: the coordinator's list, one issue, what needs attention,
and the public archive of sent issues."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from .models import Delivery, Mailing, MailingVersion

ATTENTION = (Delivery.State.FAILED, Delivery.State.UNKNOWN)


def _with_versions(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(
        Prefetch("versions", queryset=MailingVersion.objects.order_by("language"))
    )


def mailings_list(*, network) -> QuerySet:
    """Every issue, newest first, with its versions and counts of its deliveries."""
    queryset = (
        Mailing.objects.filter(network=network)
        .select_related("network")
        .annotate(
            deliveries_total=Count("deliveries"),
            deliveries_sent=Count("deliveries", filter=Q(deliveries__state=Delivery.State.SENT)),
            deliveries_attention=Count("deliveries", filter=Q(deliveries__state__in=ATTENTION)),
        )
    )
    # Ordered here: an aggregating query does not take the model's default ordering.
    return _with_versions(queryset).prefetch_related("topics").order_by("-created_at", "-pk")


def mailing_get(*, network, mailing_id: int) -> Mailing:
    """One issue of this network (404 otherwise), with its versions and topics."""
    queryset = Mailing.objects.filter(network=network).select_related("network")
    queryset = _with_versions(queryset).prefetch_related("topics")
    return get_object_or_404(queryset, pk=mailing_id)


def deliveries_needing_attention(*, mailing: Mailing) -> QuerySet:
    """Deliveries that failed or whose fate is unknown (the worker died while sending them)."""
    return Delivery.objects.filter(mailing=mailing, state__in=ATTENTION).order_by("state", "pk")


def version_in(mailing: Mailing, language: str) -> MailingVersion | None:
    """The version in `language`, else the network's language, else the first (prefetched)."""
    versions = list(mailing.versions.all())
    by_language = {version.language: version for version in versions}
    return (
        by_language.get(language)
        or by_language.get(mailing.network.default_language)
        or (versions[0] if versions else None)
    )


def archive_list(*, network) -> QuerySet:
    """The sent issues, newest first, with their versions: the public archive."""
    queryset = Mailing.objects.filter(network=network, status=Mailing.Status.SENT)
    return _with_versions(queryset.select_related("network")).order_by("-sent_at", "-pk")


def archive_issue(*, network, mailing_id: int) -> Mailing:
    """A sent issue of this network; a draft, a scheduled or another network's is a 404."""
    return get_object_or_404(archive_list(network=network), pk=mailing_id)


def next_scheduled(*, network) -> Mailing | None:
    """The scheduled issue that goes out next (for the coordinator's workspace)."""
    queryset = Mailing.objects.filter(network=network, status=Mailing.Status.SCHEDULED)
    return _with_versions(queryset.select_related("network")).order_by("scheduled_for").first()
