"""The working-group lead role: per group, for current leads who still have a role here."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from knotenpunkt.accounts.models import NetworkRole
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.policy import can, require
from knotenpunkt.members.tests.factories import PersonFactory

from .factories import GroupMembershipFactory, WorkingGroupFactory, lead_user

pytestmark = pytest.mark.django_db


def can_lead(user, group):
    return can(user, group.network, "groups.lead", group)


def require_lead(user, group):
    require(user, group.network, "groups.lead", group)


def fresh(user):
    """The same account as a new request would load it (no cached roles)."""
    return type(user).objects.get(pk=user.pk)


def test_the_coordinator_leads_every_group_of_their_network_only(
    network, other_network, coordinator
):
    assert can_lead(coordinator, WorkingGroupFactory(network=network))
    assert not can_lead(coordinator, WorkingGroupFactory(network=other_network))


def test_a_lead_leads_their_own_group_and_no_other(network):
    group = WorkingGroupFactory(network=network)
    user = lead_user(group)
    assert can_lead(user, group)
    assert not can_lead(user, WorkingGroupFactory(network=network))
    require_lead(user, group)


def test_a_plain_member_a_city_liaison_and_visitors_do_not_lead(network, city_liaison):
    group = WorkingGroupFactory(network=network)
    member = UserFactory()
    grant_role(member, network, "member_contact")
    GroupMembershipFactory(group=group, person=PersonFactory(network=network, user=member))
    for user in (member, city_liaison, AnonymousUser()):
        assert not can_lead(user, group)
        with pytest.raises(PermissionDenied):
            require_lead(user, group)


def test_the_lead_role_ends_with_the_membership_the_role_or_erasure(network):
    group = WorkingGroupFactory(network=network)

    left = lead_user(group)
    left.persons.get().group_memberships.update(left_on=datetime.date(2024, 1, 1))
    assert not can_lead(fresh(left), group)

    unset = lead_user(group)
    unset.persons.get().group_memberships.update(is_lead=False)
    assert not can_lead(fresh(unset), group)

    no_role = lead_user(group)
    NetworkRole.objects.filter(user=no_role).delete()
    assert not can_lead(fresh(no_role), group)

    erased = lead_user(group)
    erased.persons.update(erased_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    assert not can_lead(fresh(erased), group)
