"""Reads of the core: networks and audit trails."""

from django.db.models import Q

from .models import AuditEntry, Network


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
