"""Reads of the core: networks and audit trails."""

from django.db.models import Q

from .models import AuditEntry, Network

# The filter value for entries written by the system (periodic jobs, commands) rather than a person.
SYSTEM_ACTOR = "system"


def networks_list():
    """The networks listed on the start page: the active ones."""
    return Network.objects.filter(is_active=True).order_by("name")


def audit_trail(*, network, target_type: str, target_id) -> "list[AuditEntry]":
    """Entries about an object and about everything hanging off it (its context)."""
    target_id = str(target_id)
    return (
        AuditEntry.objects.filter(network=network)
        .filter(
            Q(target_type=target_type, target_id=target_id)
            | Q(context_type=target_type, context_id=target_id)
        )
        .select_related("actor")
    )


def audit_log(*, network, actor: str = "", kind: str = "", target_type: str = "", text: str = ""):
    """The network's trail, newest first, narrowed by who (an account id or "system"), kind,
    type of object and a text in the object's name."""
    entries = AuditEntry.objects.filter(network=network).select_related("actor")
    if actor == SYSTEM_ACTOR:
        entries = entries.filter(actor__isnull=True)
    elif actor:
        entries = entries.filter(actor_id=actor)
    if kind:
        entries = entries.filter(action=kind)
    if target_type:
        entries = entries.filter(target_type=target_type)
    if text:
        entries = entries.filter(Q(target_label__icontains=text) | Q(target_id=text))
    return entries.order_by("-created_at", "-id")


def audit_actor_ids(*, network) -> set[int]:
    """The accounts that appear in the network's trail (for the filter's choices)."""
    return set(
        AuditEntry.objects.filter(network=network, actor__isnull=False)
        .values_list("actor_id", flat=True)
        .distinct()
    )


def audit_target_types(*, network) -> list[str]:
    return list(
        AuditEntry.objects.filter(network=network)
        .order_by("target_type")
        .values_list("target_type", flat=True)
        .distinct()
    )
