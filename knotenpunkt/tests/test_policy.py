"""What the permission policy answers, told as the people of a network meet it.

Each test states a rule someone relies on (core/policy.py and the apps' rules.py); the
generated walk over every route is in test_policy_routes.py.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django_scopes import scope

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core import policy
from knotenpunkt.core.policy import can
from knotenpunkt.eventcalendar.tests.factories import EventFactory, member_contact_for
from knotenpunkt.meetings.models import Meeting
from knotenpunkt.meetings.tests.factories import (
    ActionItemFactory,
    MeetingFactory,
    RegistrationFactory,
)
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory, lead_user

pytestmark = pytest.mark.django_db


def _user(network, role):
    user = UserFactory()
    grant_role(user, network, role)
    return user


def _group_meeting(group):
    return MeetingFactory(network=group.network, group=group, kind=Meeting.Kind.WORKING_GROUP)


def test_a_member_contact_cannot_moderate_events_but_the_coordinator_can(network, coordinator):
    with scope(network=network):
        organisation = OrganisationFactory(network=network)
        member = member_contact_for(organisation)
        assert not can(member, network, "events.moderate")
        assert can(coordinator, network, "events.moderate")


def test_a_member_contact_writes_the_events_of_their_own_organisation_only(network):
    with scope(network=network):
        own, other = OrganisationFactory(network=network), OrganisationFactory(network=network)
        member = member_contact_for(own)
        assert can(member, network, "events.write", EventFactory(network=network, organiser=own))
        assert not can(
            member, network, "events.write", EventFactory(network=network, organiser=other)
        )


def test_a_lead_plans_their_groups_meetings_but_not_another_groups(network):
    with scope(network=network):
        led, other = WorkingGroupFactory(network=network), WorkingGroupFactory(network=network)
        lead = lead_user(led)
        assert can(lead, network, "meetings.plan")
        assert can(lead, network, "meetings.manage", _group_meeting(led))
        assert not can(lead, network, "meetings.manage", _group_meeting(other))
        # Plenaries belong to the coordination.
        assert not can(lead, network, "meetings.manage", MeetingFactory(network=network))


def test_a_member_without_a_group_plans_no_meeting(network):
    with scope(network=network):
        member = member_contact_for(OrganisationFactory(network=network))
        assert not can(member, network, "meetings.plan")


def test_the_city_liaison_reads_the_internal_member_list_but_changes_nothing(network, city_liaison):
    assert can(city_liaison, network, "members.view_internal")
    for action in ("members.manage", "roles.manage", "events.moderate", "people.erase"):
        assert not can(city_liaison, network, action), action


def test_a_role_counts_in_its_own_network_only(network, other_network, coordinator):
    assert can(coordinator, network, "roles.manage")
    assert not can(coordinator, other_network, "roles.manage")
    assert not can(coordinator, other_network, "workspace.view")


def test_nobody_without_a_role_here_may_do_anything_even_where_a_rule_would_grant_it(network):
    with scope(network=network):
        group = WorkingGroupFactory(network=network)
        lead = lead_user(group)
        lead.network_roles.all().delete()
        lead = type(lead).objects.get(pk=lead.pk)  # as the next request loads it
        assert not can(lead, network, "groups.lead", group)
    for user in (AnonymousUser(), UserFactory()):
        assert not any(can(user, network, action) for action in policy.actions())


def test_a_registration_is_cancelled_by_its_organisations_contact_not_by_other_members(network):
    with scope(network=network):
        own = OrganisationFactory(network=network)
        contact = member_contact_for(own, email="own@example.org")
        stranger = member_contact_for(
            OrganisationFactory(network=network), email="other@example.org"
        )
        registration = RegistrationFactory(
            meeting=MeetingFactory(network=network), organisation=own
        )
        assert can(contact, network, "meetings.cancel_registration", registration)
        assert not can(stranger, network, "meetings.cancel_registration", registration)


def test_an_action_item_is_completed_by_its_owner(network):
    with scope(network=network):
        owner_user = _user(network, "member_contact")
        owner = PersonFactory(network=network, user=owner_user)
        item = ActionItemFactory(meeting=MeetingFactory(network=network), owner=owner)
        assert can(owner_user, network, "meetings.complete_item", item)
        assert not can(_user(network, "member_contact"), network, "meetings.complete_item", item)


def test_a_former_lead_no_longer_leads(network):
    with scope(network=network):
        group = WorkingGroupFactory(network=network)
        lead = lead_user(group)
        lead.persons.get().group_memberships.update(left_on=datetime.date(2024, 1, 1))
        assert not can(lead, network, "groups.lead", group)


def test_require_refuses_with_403_and_an_unknown_action_is_a_programming_error(network):
    member = _user(network, "member_contact")
    policy.require(member, network, "workspace.view")
    with pytest.raises(PermissionDenied):
        policy.require(member, network, "members.manage")
    with pytest.raises(policy.UnknownAction):
        can(member, network, "members.teleport")
