"""Writes of the accounts app: roles and invitations."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.mail import mail_send_later
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.urls_helpers import absolute_url

from .models import Invitation, NetworkRole, Role, User


@transaction.atomic
def role_grant(*, network, user, role: str, actor) -> NetworkRole:
    """Give a user a role in a network (idempotent: an existing role is returned)."""
    if role not in Role.values:
        raise DomainError(_("Unknown role."), field="role")
    network_role, created = NetworkRole.objects.get_or_create(network=network, user=user, role=role)
    if created:
        audit_record(network=network, actor=actor, action="role.grant", target=user, summary=role)
    return network_role


@transaction.atomic
def role_revoke(*, network, user, role: str, actor) -> None:
    deleted, _details = NetworkRole.objects.filter(network=network, user=user, role=role).delete()
    if deleted:
        audit_record(network=network, actor=actor, action="role.revoke", target=user, summary=role)


@transaction.atomic
def invitation_create(
    *, network, email: str, role: str, actor, language: str | None = None, person=None
) -> Invitation:
    """Invite someone by mail to take a role; the link expires after the configured days."""
    from django.urls import reverse

    if role not in Role.values:
        raise DomainError(_("Unknown role."), field="role")
    email = User.objects.normalize_email(email).lower()
    language = language or network.default_language
    invitation = Invitation.objects.create(
        network=network,
        email=email,
        role=role,
        person=person,
        invited_by=actor if getattr(actor, "is_authenticated", False) else None,
        language=language,
        expires_at=timezone.now() + timedelta(days=settings.KNOTENPUNKT_INVITATION_DAYS),
    )
    audit_record(
        network=network,
        actor=actor,
        action="invitation.create",
        target=invitation,
        context=person,
        summary=f"{email} → {role}",
    )
    mail_send_later(
        to=email,
        template="accounts/mail/invitation",
        context={
            "network": network,
            "role": Role(role).label,
            "link": absolute_url(
                reverse("accounts:invitation", kwargs={"token": invitation.token})
            ),
            "expires_at": invitation.expires_at,
        },
        language=language,
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> NetworkRole:
    """The invited user takes the role; a linked contact person becomes theirs."""
    if invitation.accepted_at is not None:
        raise DomainError(_("This invitation has already been used."))
    if invitation.expires_at <= timezone.now():
        raise DomainError(_("This invitation has expired. Ask the coordinator for a new one."))
    if user.email.lower() != invitation.email.lower():
        raise DomainError(_("This invitation was sent to another e-mail address."))
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    if invitation.person_id and invitation.person.user_id is None:
        invitation.person.user = user
        invitation.person.save(update_fields=["user"])
    network_role = role_grant(
        network=invitation.network, user=user, role=invitation.role, actor=user
    )
    audit_record(
        network=invitation.network,
        actor=user,
        action="invitation.accept",
        target=invitation,
        context=invitation.person,
    )
    return network_role
