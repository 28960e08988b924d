"""Reads behind the submission and moderation pages (the public reads live in selectors.py)."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from knotenpunkt.core.policy import can
from knotenpunkt.members.models import Organisation
from knotenpunkt.members.selectors import organisations_spoken_for

from .models import Event

STATUS_FILTERS = [value for value, _label in Event.Status.choices]


def organisations_for_writer(*, actor, network) -> QuerySet:
    """The organisations the actor may enter events for (every organisation for coordinators)."""
    if can(actor, network, "events.moderate"):
        return Organisation.objects.filter(network=network).order_by("name", "pk")
    return organisations_spoken_for(user=actor, network=network)


def _with_joins(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("organiser", "submitted_by", "moderated_by").prefetch_related(
        "translations"
    )


def events_manage_list(*, network, status: str = "") -> QuerySet:
    """Every event of the network, the latest first, optionally of one status."""
    events = Event.objects.filter(network=network)
    if status in STATUS_FILTERS:
        events = events.filter(status=status)
    return _with_joins(events).order_by("-starts_at", "-pk")


def events_waiting(*, network) -> QuerySet:
    """The moderation queue: the oldest submission first."""
    events = Event.objects.filter(network=network, status=Event.Status.SUBMITTED)
    return _with_joins(events).order_by("updated_at", "pk")


def events_of_user(*, user, network) -> QuerySet:
    """Events the user entered or that belong to an organisation they speak for."""
    spoken_for = organisations_spoken_for(user=user, network=network).values("pk")
    events = Event.objects.filter(network=network).filter(
        Q(organiser__in=spoken_for) | Q(submitted_by=user)
    )
    return _with_joins(events).order_by("-starts_at", "-pk")


def event_get(*, network, event_id: int) -> Event:
    return get_object_or_404(_with_joins(Event.objects.filter(network=network)), pk=event_id)
