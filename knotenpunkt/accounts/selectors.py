"""Reads of the accounts app: a network's team, and one user's roles across networks."""

from django.db.models import QuerySet
from django.utils import timezone

from knotenpunkt.core import personal_data
from knotenpunkt.core.models import Network

from .models import Invitation, NetworkRole, User


def team_roles(*, network) -> QuerySet[NetworkRole]:
    """Every role in the network with its user, for the coordinator's team page."""
    return (
        NetworkRole.objects.filter(network=network)
        .select_related("user")
        .order_by("user__full_name", "user__email", "role")
    )


def invitations_open(*, network) -> QuerySet[Invitation]:
    """Invitations whose link still works (not accepted, not withdrawn, not expired)."""
    return (
        Invitation.objects.filter(
            network=network,
            accepted_at__isnull=True,
            cancelled_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("invited_by", "organisation")
        .order_by("-created_at")
    )


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation behind a mailed link; /accounts/ is outside any network, so no scope."""
    return (
        Invitation.objects.with_scopes_disabled()
        .select_related("network", "person", "organisation")
        .filter(token=token)
        .first()
    )


def account_exists(*, email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def account_roles(*, user) -> QuerySet[NetworkRole]:
    """The user's roles in every network (cross-network, hence without a scope)."""
    return (
        NetworkRole.objects.with_scopes_disabled()
        .filter(user=user)
        .select_related("network")
        .order_by("network__name", "role")
    )


def networks_holding(*, user) -> list[Network]:
    """The networks that hold data about the user (roles, contact persons: core.personal_data)."""
    return list(Network.objects.filter(pk__in=personal_data.networks_of(user)).order_by("name"))
