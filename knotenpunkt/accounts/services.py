"""Writes of the accounts app: roles, invitations and the user's own account."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knotenpunkt.core.audit import field_changes
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.mail import mail_send_later
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.urls_helpers import absolute_url
from knotenpunkt.core.validation import check_email, check_lengths

from .audit import AccountsAuditKind
from .models import Invitation, NetworkRole, Role, User
from .signals import invitation_accepted


@transaction.atomic
def role_grant(*, network, user, role: str, actor) -> NetworkRole:
    """Give a user a role in a network (idempotent: an existing role is returned)."""
    require_actor(actor, network, "roles.manage")
    return _role_grant(network=network, user=user, role=role, actor=actor)


def _role_grant(*, network, user, role: str, actor) -> NetworkRole:
    if role not in Role.values:
        raise DomainError(_("Unknown role."), field="role")
    network_role, created = NetworkRole.objects.get_or_create(network=network, user=user, role=role)
    if created:
        audit_record(network=network, actor=actor, action="role.grant", target=user, summary=role)
    return network_role


@transaction.atomic
def role_revoke(*, network, user, role: str, actor) -> None:
    """Take a role away; the last coordinator stays, or nobody could manage the network."""
    require_actor(actor, network, "roles.manage")
    roles = NetworkRole.objects.filter(network=network, role=role)
    if (
        role == Role.COORDINATOR
        and roles.filter(user=user).exists()
        and not roles.exclude(user=user).exists()
    ):
        raise DomainError(
            _("A network needs at least one coordinator. Give the role to someone else first."),
            field="role",
        )
    deleted, _details = roles.filter(user=user).delete()
    if deleted:
        audit_record(network=network, actor=actor, action="role.revoke", target=user, summary=role)


@transaction.atomic
def invitation_create(
    *,
    network,
    email: str,
    role: str,
    actor,
    language: str | None = None,
    person=None,
    organisation=None,
    note: str = "",
) -> Invitation:
    """Invite someone by mail to take a role; the link expires after the configured days.

    `note` is the predecessor's handover note, so a successor reads it before logging in.
    `organisation` is the one a member contact will speak for once they accept.
    """
    require_actor(actor, network, "roles.manage")
    from django.urls import reverse

    if role not in Role.values:
        raise DomainError(_("Unknown role."), field="role")
    email = User.objects.normalize_email(check_email(email, field="email")).lower()
    if not email:
        raise DomainError(_("This field is required."), field="email")
    language = language or network.default_language
    if organisation is not None and (
        role != Role.MEMBER_CONTACT or organisation.network_id != network.pk
    ):
        raise DomainError(
            _("Only a member contact speaks for an organisation of this network."),
            field="organisation",
        )
    invitation = Invitation.objects.create(
        network=network,
        email=email,
        role=role,
        person=person,
        organisation=organisation,
        invited_by=actor if getattr(actor, "is_authenticated", False) else None,
        language=language,
        expires_at=timezone.now() + timedelta(days=settings.KNOTENPUNKT_INVITATION_DAYS),
    )
    audit_record(
        network=network,
        actor=actor,
        action="invitation.create",
        target=invitation,
        context=person or organisation,
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
            "note": note,
        },
        language=language,
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> NetworkRole:
    """The invited user takes the role; a linked contact person becomes theirs."""
    if invitation.accepted_at is not None:
        raise DomainError(_("This invitation has already been used."))
    if invitation.cancelled_at is not None:
        raise DomainError(_("This invitation was withdrawn by the network's coordination."))
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
    # The invitation is the coordination's consent; the invited user takes the role.
    network_role = _role_grant(
        network=invitation.network, user=user, role=invitation.role, actor=user
    )
    invitation_accepted.send(sender=Invitation, invitation=invitation, user=user)
    audit_record(
        network=invitation.network,
        actor=user,
        action="invitation.accept",
        target=invitation,
        context=invitation.person,
    )
    return network_role


@transaction.atomic
def team_member_invite(
    *, network, email: str, role: str, actor, language: str | None = None, organisation=None
):
    """Invite from the team page: refuses what would only confuse (role held, invitation open).

    A member contact is invited for an organisation, or they would arrive speaking for none;
    for the other roles a chosen organisation is ignored.
    """
    email = User.objects.normalize_email(email).lower()
    if NetworkRole.objects.filter(network=network, role=role, user__email__iexact=email).exists():
        raise DomainError(
            _("%(email)s already has this role in this network.") % {"email": email},
            field="email",
        )
    open_invitations = Invitation.objects.filter(
        network=network,
        email__iexact=email,
        role=role,
        accepted_at__isnull=True,
        cancelled_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if open_invitations.exists():
        raise DomainError(
            _(
                "An invitation for this e-mail address and role is still open. "
                "Cancel it first if you want to send a new one."
            ),
            field="email",
        )
    if role != Role.MEMBER_CONTACT:
        organisation = None
    elif organisation is None:
        raise DomainError(
            _("Choose the organisation the member contact speaks for."), field="organisation"
        )
    return invitation_create(
        network=network,
        email=email,
        role=role,
        actor=actor,
        language=language,
        organisation=organisation,
    )


@transaction.atomic
def invitation_cancel(*, invitation: Invitation, actor) -> Invitation:
    """Withdraw an invitation that was not accepted yet; its link stops working."""
    require_actor(actor, invitation.network, "roles.manage")
    if invitation.accepted_at is not None:
        raise DomainError(_("This invitation has already been accepted; remove the role instead."))
    if invitation.cancelled_at is None:
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at"])
        audit_record(
            network=invitation.network,
            actor=actor,
            action="invitation.cancel",
            target=invitation,
            context=invitation.person,
            summary=f"{invitation.email} → {invitation.role}",
        )
    return invitation


@transaction.atomic
def account_create_from_invitation(
    *, invitation: Invitation, full_name: str, password: str
) -> User:
    """Someone invited without an account gets one and takes the role in one step."""
    full_name = check_lengths(User, {"full_name": full_name.strip()})["full_name"]
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise DomainError(
            _("An account with this e-mail address exists already. Log in to accept."),
            field="email",
        )
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        full_name=full_name,
        preferred_language=invitation.language,
    )
    invitation_accept(invitation=invitation, user=user)
    return user


@transaction.atomic
def account_update(*, user: User, full_name: str, preferred_language: str) -> User:
    """The user's own settings, recorded in the trail of every network where they hold a role.

    An account belongs to no network, but the networks it works in show its name.
    """
    if preferred_language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose one of the offered languages."), field="preferred_language")
    values = {"full_name": full_name.strip(), "preferred_language": preferred_language}
    changes = field_changes(user, check_lengths(User, values))
    if not changes:
        return user
    for name, (_before, after) in changes.items():
        setattr(user, name, after)
    user.save(update_fields=list(changes))
    roles = NetworkRole.objects.with_scopes_disabled().filter(user=user).select_related("network")
    for network in {role.network_id: role.network for role in roles}.values():
        audit_record(
            network=network,
            actor=user,
            action=AccountsAuditKind.ACCOUNT_UPDATE,
            target=user,
            summary=", ".join(changes),
            changes=changes,
        )
    return user
