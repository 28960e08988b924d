"""Factories of the working groups; the meetings app's tests import WorkingGroupFactory.

Every factory takes the network from its parent, so that `GoalFactory(group=group)`
never mixes networks.
"""

import datetime

import factory

from knotenpunkt.core.tests.factories import NetworkFactory
from knotenpunkt.members.tests.factories import PersonFactory
from knotenpunkt.workinggroups.models import Goal, GroupMembership, WorkingGroup


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"AG Nummer {n}")
    slug = factory.Sequence(lambda n: f"ag-{n}")
    mandate = "Die AG arbeitet an **gemeinsamen** Projekten."
    meetings_per_year_target = 4
    active_from = datetime.date(2020, 1, 1)
    active_until = None


class GroupMembershipFactory(factory.django.DjangoModelFactory):
    """A current member (pass `is_lead=True` for a lead, `left_on` for a former member)."""

    class Meta:
        model = GroupMembership

    group = factory.SubFactory(WorkingGroupFactory)
    network = factory.LazyAttribute(lambda o: o.group.network)
    person = factory.SubFactory(PersonFactory, network=factory.SelfAttribute("..network"))
    organisation = None
    is_lead = False
    joined_on = datetime.date(2021, 1, 1)
    left_on = None


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    group = factory.SubFactory(WorkingGroupFactory)
    network = factory.LazyAttribute(lambda o: o.group.network)
    text = factory.Sequence(lambda n: f"Ziel Nummer {n}")
    due_on = datetime.date(2026, 12, 31)
    status = Goal.Status.OPEN


def lead_user(group, **user_fields):
    """A member contact of the group's network who leads the group (person linked to the user)."""
    from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

    user = UserFactory(**user_fields)
    grant_role(user, group.network, "member_contact")
    person = PersonFactory(network=group.network, user=user, email=user.email)
    GroupMembershipFactory(group=group, person=person, is_lead=True)
    return user
