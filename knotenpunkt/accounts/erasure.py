"""Erasure on the account side: roles end, the account is disabled and anonymised.

An account may serve several networks. Erasing a person in one network ends the account's
roles there; the account itself is disabled and anonymised once nothing ties it to any
network any more (members.erasure decides that, since it knows the contact persons).
See docs/decisions/0017-personal-data-registry-and-erasure.md.
"""

import re

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from knotenpunkt.core import personal_data
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.mail import mail_send_later
from knotenpunkt.core.models import AuditEntry, Network
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse

from .models import ErasureRequest, Invitation, NetworkRole, Role, User
from .services import role_revoke

ERASED_DOMAIN = "erased.invalid"  # RFC 2606: never delivered


def former_contact(network) -> str:
    """What the network's audit trail says instead of an erased name."""
    with translation.override(network.default_language):
        return _("Former contact")


def audit_scrub(*, network, texts, about=None, edits_of=None) -> int:
    """Replace the texts (names, addresses) in the network's audit entries with "former contact".

    `about` (a Q) adds entries that concern the erased person although their labels do not
    quote the texts. `edits_of` (an object) names the erased record itself: of its edits,
    which fields changed stays, their values (a phone number …) go. Returns how many entries
    were rewritten.
    """
    texts = [text for text in texts if text]
    if not texts:
        return 0
    placeholder = former_contact(network)
    mention = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(text) for text in texts) + r")(?!\w)", re.IGNORECASE
    )
    query = about or Q(pk__in=[])
    for text in texts:
        for field in ("actor_label", "target_label", "summary"):
            query |= Q(**{f"{field}__icontains": text})
    entries = list(AuditEntry.objects.filter(network=network).filter(query))
    erased_target = (edits_of._meta.label_lower, str(edits_of.pk)) if edits_of is not None else None
    for entry in entries:
        for field in ("actor_label", "target_label", "summary"):
            setattr(entry, field, mention.sub(placeholder, getattr(entry, field)))
        if (entry.target_type, entry.target_id) == erased_target:
            entry.changes = {name: [None, None] for name in entry.changes}
        else:
            entry.changes = _scrub_changes(entry.changes, mention, placeholder)
    AuditEntry.objects.bulk_update(entries, ["actor_label", "target_label", "summary", "changes"])
    return len(entries)


def _scrub_changes(value, mention, placeholder):
    """The before/after values of an edit with every mention of the person replaced."""
    if isinstance(value, str):
        return mention.sub(placeholder, value)
    if isinstance(value, list):
        return [_scrub_changes(item, mention, placeholder) for item in value]
    if isinstance(value, dict):
        return {key: _scrub_changes(item, mention, placeholder) for key, item in value.items()}
    return value


@transaction.atomic
def roles_end(*, network, user, actor) -> list[str]:
    """End every role of the user in the network; refused for the network's last coordinator."""
    roles = list(
        NetworkRole.objects.filter(network=network, user=user).values_list("role", flat=True)
    )
    # The coordinator role first: if it is the last one, nothing else has changed yet.
    for role in sorted(roles, key=lambda role: role != Role.COORDINATOR):
        role_revoke(network=network, user=user, role=role, actor=actor)
    return roles


def has_roles_anywhere(user) -> bool:
    with scopes_disabled():  # across networks on purpose
        return NetworkRole.objects.filter(user=user).exists()


def _sessions_end(user) -> None:
    """Log the account out everywhere (database sessions are the installation's engine)."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return  # the new unusable password already invalidates every session's hash
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()


@transaction.atomic
def account_erase(*, user: User, actor) -> User:
    """Disable the account and remove what identifies it; the row stays for the history.

    The user can no longer log in (inactive, unusable password, sessions ended), the address
    is replaced, login records and invitations to the address go, and the audit trails name
    them as a former contact.
    """
    if user.erased_at is not None:
        raise DomainError(_("This account has been erased already."))
    if user.is_superuser or user.is_staff:
        raise DomainError(_("An operator's account is erased in the operator admin."))
    old_email = user.email
    with scopes_disabled():  # the account spans every network
        if NetworkRole.objects.filter(user=user).exists():
            raise DomainError(_("The account still holds a role in a network."))
        by_address = Q(email__iexact=old_email) | Q(accepted_by=user)
        Invitation.objects.filter(by_address).update(email="", expires_at=timezone.now())
        about = Q(actor=user) | Q(target_type="accounts.user", target_id=str(user.pk))
        for network in Network.objects.filter(
            pk__in=AuditEntry.objects.filter(about).values("network")
        ):
            audit_scrub(network=network, texts=[user.full_name, old_email], about=about)
            AuditEntry.objects.filter(network=network, actor=user).update(
                actor_label=former_contact(network)
            )
        ErasureRequest.objects.filter(user=user, done_at__isnull=True).update(
            done_at=timezone.now()
        )
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        model.objects.filter(username__iexact=old_email).delete()
    user.email = f"erased-{user.pk}@{ERASED_DOMAIN}"
    user.full_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.erased_at = timezone.now()
    user.save()
    _sessions_end(user)
    return user


def erasure_requests_open(*, user):
    """The user's requests that no coordination has carried out yet (across networks)."""
    return (
        ErasureRequest.objects.with_scopes_disabled()
        .filter(user=user, done_at__isnull=True)
        .select_related("network")
        .order_by("network__name")
    )


def _coordinators(network):
    return User.objects.filter(
        network_roles__network=network, network_roles__role=Role.COORDINATOR, is_active=True
    ).order_by("pk")


def _tell_coordinators(request: ErasureRequest) -> None:
    network = request.network
    for coordinator in _coordinators(network):
        language = coordinator.preferred_language
        if language not in network.languages:
            language = network.default_language
        link = network_reverse(network, "members:erasure_requests", lang=language)
        mail_send_later(
            to=coordinator.email,
            template="accounts/mail/erasure_request",
            context={"network": network, "name": str(request.user), "link": absolute_url(link)},
            language=language,
        )


@transaction.atomic
def erasure_request_create(*, user: User) -> list[ErasureRequest]:
    """Ask every network that holds data about the user to erase it; its coordinators are told.

    Asking again while a request is open changes nothing there. Returns the open requests.
    """
    with scopes_disabled():  # one request per network, from outside any network
        networks = Network.objects.filter(pk__in=personal_data.networks_of(user))
        for network in networks.order_by("name"):
            request, created = ErasureRequest.objects.get_or_create(
                network=network, user=user, done_at=None
            )
            if created:
                audit_record(
                    network=network, actor=user, action="erasure_request.create", target=request
                )
                _tell_coordinators(request)
    return list(erasure_requests_open(user=user))


@transaction.atomic
def erasure_request_done(*, request: ErasureRequest, actor) -> ErasureRequest:
    """Record that the coordination carried the request out, and tell the requester."""
    if request.done_at is not None:
        raise DomainError(_("This request has been carried out already."))
    user = request.user
    if user.erased_at is None:
        # Sent before anything else changes: the address may be gone after erasure.
        mail_send_later(
            to=user.email,
            template="accounts/mail/erasure_done",
            context={"network": request.network},
            language=user.preferred_language,
        )
    request.done_at = timezone.now()
    request.done_by = actor
    request.save(update_fields=["done_at", "done_by"])
    audit_record(
        network=request.network, actor=actor, action="erasure_request.done", target=request
    )
    return request
