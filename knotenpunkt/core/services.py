"""Writes that belong to the core: the audit trail and networks themselves."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .audit import CoreAuditKind, audit_kind_declared, changes_for_trail, field_changes
from .errors import DomainError
from .images import check_image
from .memo import network_data_changed
from .models import AuditEntry, Network
from .validation import check_lengths


def _ref(obj) -> tuple[str, str]:
    return obj._meta.label_lower, str(obj.pk)


def audit_record(
    *,
    network,
    actor,
    action: str,
    target,
    context=None,
    summary: str = "",
    changes: dict | None = None,
) -> AuditEntry:
    """Append one entry to the network's audit trail (called inside the writing service).

    `action` must be a declared kind (core/audit.py); `changes` is {field: (before, after)},
    as `field_changes` returns it.
    """
    if not audit_kind_declared(action):
        raise ValueError(f"undeclared audit kind {action!r}: declare it in the app's ready()")
    target_type, target_id = _ref(target)
    context_type, context_id = _ref(context) if context is not None else ("", "")
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        network=network,
        actor=actor_obj,
        # No label for the system: pages name it in the reader's language, not the writer's.
        actor_label=actor_obj.email if actor_obj else "",
        action=action,
        target_type=target_type,
        target_id=target_id,
        target_label=str(target)[:300],
        context_type=context_type,
        context_id=context_id,
        summary=summary,
        changes=changes_for_trail(changes),
    )


@transaction.atomic
def network_create(
    *,
    slug: str,
    name: str,
    city: str,
    language: str = "de",
    languages: list[str] | None = None,
    coordinating_body: str = "",
    contact_email: str = "",
    time_zone: str = "Europe/Berlin",
    actor=None,
) -> Network:
    """Create a network; the starter content is added by the apps listening to `network_created`.

    `actor` is the operator's account, or None for a command run on the server.
    """
    from .signals import network_created

    check_lengths(
        Network,
        {
            "slug": slug,
            "name": name,
            "city": city,
            "coordinating_body": coordinating_body,
            "contact_email": contact_email,
            "time_zone": time_zone,
        },
    )
    if Network.objects.filter(slug=slug).exists():
        raise DomainError(
            _("A network with the short name “%(slug)s” exists already.") % {"slug": slug},
            field="slug",
        )
    network = Network(
        slug=slug,
        name=name,
        city=city,
        default_language=language,
        enabled_languages=languages or ["de", "en", "tr", "ar", "uk", "ru", "fa"],
        coordinating_body=coordinating_body,
        contact_email=contact_email,
        time_zone=time_zone,
    )
    network.full_clean()
    network.save()
    audit_record(network=network, actor=actor, action=CoreAuditKind.NETWORK_CREATE, target=network)
    network_created.send(sender=Network, network=network)
    # The starter content is written in bulk, which sends no model signals.
    network_data_changed(network.pk, loaded=network)
    return network


@transaction.atomic
def network_active_set(*, network: Network, active: bool, actor) -> Network:
    """Deactivate a network (its pages answer 404, its jobs skip it) or activate it again.

    Done by the installation's operator; the data stays, so activating restores everything.
    """
    if network.is_active == active:
        return network
    network.is_active = active
    network.save(update_fields=["is_active"])
    audit_record(
        network=network,
        actor=actor,
        action=CoreAuditKind.NETWORK_ACTIVATE if active else CoreAuditKind.NETWORK_DEACTIVATE,
        target=network,
        changes={"is_active": (not active, active)},
    )
    return network


# What the coordinator edits on the settings page; slug, time zone and activity stay with the
# operator, since addresses, stored local times and availability depend on them.
NETWORK_SETTINGS_FIELDS = (
    "name",
    "city",
    "description",
    "coordinating_body",
    "contact_email",
    "contact_phone",
    "address",
    "imprint_responsible",
    "logo",
    "accent_colour",
    "default_language",
    "enabled_languages",
    "edition_months",
    "plenaries_per_year_target",
)


@transaction.atomic
def network_update(*, network: Network, actor, **values) -> Network:
    """Change the network's own settings; the audit entry keeps each field before and after."""
    unknown = set(values) - set(NETWORK_SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    for name, value in values.items():
        if isinstance(value, str):
            values[name] = value.strip()
    check_lengths(Network, values)
    if "edition_months" in values:
        months = set(values["edition_months"])
        if not all(isinstance(month, int) and 1 <= month <= 12 for month in months):
            raise DomainError(_("Choose months from January to December."), field="edition_months")
        values["edition_months"] = sorted(months)
    if "enabled_languages" in values:
        default = values.get("default_language", network.default_language)
        values["enabled_languages"] = sorted({*values["enabled_languages"], default})
    if values.get("logo"):
        check_image(values["logo"], field="logo")
    changes = field_changes(network, values)
    if not changes:
        return network
    for name, (_before, after) in changes.items():
        setattr(network, name, after)
    try:
        network.full_clean(exclude=["slug"])
    except ValidationError as error:
        # The instance is the request's own network: the rest of the page must show it unchanged.
        for name, (before, _after) in changes.items():
            setattr(network, name, before)
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(messages[0], field=field) from error
    # Network.save renews the memo token: navigation, footer and languages are read anew.
    network.save(update_fields=list(changes))
    if "logo" in changes:  # the name the storage gave the file, not the uploaded one
        changes["logo"] = (changes["logo"][0], network.logo)
    audit_record(
        network=network,
        actor=actor,
        action=CoreAuditKind.NETWORK_UPDATE,
        target=network,
        summary=", ".join(changes),
        changes=changes,
    )
    return network
