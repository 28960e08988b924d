"""Writes of the working groups: the rules they enforce and the trail they leave."""

import datetime

import pytest
from django.utils import timezone

from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory
from knotenpunkt.workinggroups import services
from knotenpunkt.workinggroups.models import Goal, GroupMembership, WorkingGroup

from .factories import GoalFactory, GroupMembershipFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def trail(group):
    return list(
        AuditEntry.objects.filter(context_type="workinggroups.workinggroup", context_id=group.pk)
        .order_by("id")
        .values_list("action", flat=True)
    )


# Groups ----------------------------------------------------------------------------------


def test_a_group_is_founded_with_a_short_name_made_from_its_name(network, coordinator):
    group = services.group_create(
        network=network,
        actor=coordinator,
        name="  Arbeit und Ausbildung ",
        mandate="Wege in **Arbeit**.",
        meetings_per_year_target=6,
        active_from=D(2024, 3, 1),
    )
    assert (group.name, group.slug, group.meetings_per_year_target) == (
        "Arbeit und Ausbildung",
        "arbeit-und-ausbildung",
        6,
    )
    assert trail(group) == ["group.create"]
    entry = AuditEntry.objects.get(target_id=group.pk, action="group.create")
    assert entry.actor == coordinator


def test_short_names_are_unique_per_network_only(network, other_network, coordinator):
    WorkingGroupFactory(network=network, slug="frauen")
    with refused("Another group uses the short name “%(slug)s” already.", field="slug") as error:
        services.group_create(
            network=network, actor=coordinator, name="Frauen", active_from=D(2024, 1, 1)
        )
    assert "frauen" in str(error.value.message)
    other = services.group_create(
        network=other_network, actor=None, name="Frauen", active_from=D(2024, 1, 1)
    )
    assert other.slug == "frauen"


@pytest.mark.parametrize("slug", ["cadence", "add", "Goals"])
def test_short_names_of_pages_are_refused(network, slug):
    with refused("“%(slug)s” is the name of a page; choose another short name.", field="slug"):
        services.group_create(
            network=network, actor=None, name="Gruppe", slug=slug, active_from=D(2024, 1, 1)
        )


def test_a_name_without_latin_letters_needs_a_short_name(network):
    with refused("Give a short name of letters, digits and hyphens for the address.", field="slug"):
        services.group_create(network=network, actor=None, name="صحة", active_from=D(2024, 1, 1))
    group = services.group_create(
        network=network, actor=None, name="صحة", slug="gesundheit", active_from=D(2024, 1, 1)
    )
    assert group.slug == "gesundheit"


@pytest.mark.parametrize(("target", "accepted"), [(1, False), (2, True), (6, True), (7, False)])
def test_the_cadence_target_is_two_to_six_meetings_a_year(network, target, accepted):
    def create():
        return services.group_create(
            network=network,
            actor=None,
            name="Gesundheit",
            meetings_per_year_target=target,
            active_from=D(2024, 1, 1),
        )

    if accepted:
        assert create().meetings_per_year_target == target
    else:
        with refused(
            "A group meets between %(min)s and %(max)s times a year.",
            field="meetings_per_year_target",
        ):
            create()
        assert not WorkingGroup.objects.filter(network=network).exists()


def test_a_group_cannot_end_before_it_starts(network):
    with refused("A group cannot end before it starts (%(date)s).", field="active_until") as error:
        services.group_create(
            network=network,
            actor=None,
            name="Wohnen",
            active_from=D(2024, 5, 1),
            active_until=D(2024, 4, 30),
        )
    assert error.value.field == "active_until"
    group = WorkingGroupFactory(network=network, active_from=D(2024, 5, 1))
    with refused("A group cannot end before it starts (%(date)s).", field="active_until"):
        services.group_update(group=group, actor=None, active_until=D(2024, 1, 1))


def test_an_update_names_what_changed_and_saves_nothing_when_nothing_did(network, coordinator):
    group = WorkingGroupFactory(network=network, name="Wohnen", slug="wohnen")
    services.group_update(group=group, actor=coordinator, name="Wohnen", slug="wohnen")
    assert trail(group) == []
    services.group_update(
        group=group, actor=coordinator, name="Wohnen und Quartier", meetings_per_year_target=3
    )
    group.refresh_from_db()
    assert (group.name, group.meetings_per_year_target) == ("Wohnen und Quartier", 3)
    entry = AuditEntry.objects.get(target_id=group.pk, action="group.update")
    assert entry.summary == "name, meetings_per_year_target"


def test_an_update_keeps_its_own_short_name_but_cannot_take_anothers(network):
    WorkingGroupFactory(network=network, slug="frauen")
    group = WorkingGroupFactory(network=network, slug="wohnen")
    services.group_update(group=group, actor=None, slug="wohnen", name="Neu")
    with refused("Another group uses the short name “%(slug)s” already.", field="slug") as error:
        services.group_update(group=group, actor=None, slug="frauen")
    assert error.value.field == "slug"
    with pytest.raises(TypeError):
        services.group_update(group=group, actor=None, network=None)


# Members and leads -----------------------------------------------------------------------


def test_people_join_for_their_organisation_or_on_their_own(network, coordinator):
    group = WorkingGroupFactory(network=network)
    organisation = OrganisationFactory(network=network)
    with_org = services.group_member_add(
        group=group,
        actor=coordinator,
        person=PersonFactory(network=network),
        organisation=organisation,
        joined_on=D(2024, 2, 1),
    )
    alone = services.group_member_add(
        group=group, actor=coordinator, person=PersonFactory(network=network), is_lead=True
    )
    assert with_org.organisation == organisation and not with_org.is_lead
    assert alone.organisation is None and alone.is_lead
    assert alone.joined_on is not None
    assert trail(group) == ["group.member_add", "group.member_add"]


def test_a_person_belongs_to_a_group_once_at_a_time(network):
    membership = GroupMembershipFactory(group=WorkingGroupFactory(network=network))
    with refused("%(name)s belongs to this group already.", field="person") as error:
        services.group_member_add(group=membership.group, actor=None, person=membership.person)
    assert error.value.field == "person"
    services.group_member_remove(membership=membership, actor=None, left_on=D(2024, 1, 1))
    again = services.group_member_add(group=membership.group, actor=None, person=membership.person)
    assert again.pk != membership.pk
    assert GroupMembership.objects.filter(person=membership.person).count() == 2


def test_people_and_organisations_of_another_network_are_refused(network, other_network):
    group = WorkingGroupFactory(network=network)
    with refused("Choose a person of this network.", field="person"):
        services.group_member_add(
            group=group, actor=None, person=PersonFactory(network=other_network)
        )
    with refused("Choose an organisation of this network.", field="organisation"):
        services.group_member_add(
            group=group,
            actor=None,
            person=PersonFactory(network=network),
            organisation=OrganisationFactory(network=other_network),
        )
    assert not GroupMembership.objects.exists()


def test_an_erased_person_cannot_join(network):
    person = PersonFactory(network=network, erased_at=timezone.now())
    with refused("Choose a person of this network.", field="person"):
        services.group_member_add(
            group=WorkingGroupFactory(network=network), actor=None, person=person
        )


def test_leaving_closes_the_membership_and_the_lead_role_with_it(network, coordinator):
    membership = GroupMembershipFactory(
        group=WorkingGroupFactory(network=network), is_lead=True, joined_on=D(2022, 1, 1)
    )
    with refused("Nobody can leave before they joined (%(date)s).", field="left_on") as error:
        services.group_member_remove(membership=membership, actor=None, left_on=D(2021, 12, 31))
    assert error.value.field == "left_on"
    services.group_member_remove(membership=membership, actor=coordinator, left_on=D(2024, 6, 30))
    membership.refresh_from_db()
    assert membership.left_on == D(2024, 6, 30)
    with refused("%(name)s left the group on %(date)s.", field=None):
        services.group_member_remove(membership=membership, actor=None)
    with refused("%(name)s left the group on %(date)s.", field=None):
        services.group_lead_set(membership=membership, actor=None)
    assert trail(membership.group) == ["group.member_remove"]


def test_leads_are_set_and_unset_on_current_members(network, coordinator):
    membership = GroupMembershipFactory(group=WorkingGroupFactory(network=network))
    services.group_lead_set(membership=membership, actor=coordinator)
    membership.refresh_from_db()
    assert membership.is_lead
    with refused("%(name)s leads the group already.", field=None):
        services.group_lead_set(membership=membership, actor=coordinator)
    services.group_lead_unset(membership=membership, actor=coordinator)
    membership.refresh_from_db()
    assert not membership.is_lead
    with refused("%(name)s does not lead the group.", field=None):
        services.group_lead_unset(membership=membership, actor=coordinator)
    assert trail(membership.group) == ["group.lead_set", "group.lead_unset"]


# Goals -----------------------------------------------------------------------------------


def test_goals_are_created_edited_and_moved_along(network, coordinator):
    group = WorkingGroupFactory(network=network)
    goal = services.goal_create(
        group=group, actor=coordinator, text=" Sprachkurse kartieren ", due_on=D(2025, 6, 30)
    )
    assert (goal.text, goal.status) == ("Sprachkurse kartieren", Goal.Status.OPEN)
    services.goal_update(goal=goal, actor=coordinator, text="Sprachkurse kartieren", due_on=None)
    services.goal_status_set(goal=goal, actor=coordinator, status=Goal.Status.ACHIEVED)
    services.goal_status_set(goal=goal, actor=coordinator, status=Goal.Status.ACHIEVED)
    goal.refresh_from_db()
    assert (goal.due_on, goal.status) == (None, Goal.Status.ACHIEVED)
    assert trail(group) == ["goal.create", "goal.update", "goal.status"]
    status_entry = AuditEntry.objects.get(action="goal.status")
    assert status_entry.summary == "open → achieved"


def test_a_goal_needs_a_text_and_a_known_status(network):
    group = WorkingGroupFactory(network=network)
    with refused("This field is required.", field="text") as error:
        services.goal_create(group=group, actor=None, text="   ")
    assert error.value.field == "text"
    with refused("Choose one of the statuses offered.", field="status") as error:
        services.goal_create(group=group, actor=None, text="Ziel", status="forgotten")
    assert error.value.field == "status"
    goal = GoalFactory(group=group)
    with refused("Choose one of the statuses offered.", field="status"):
        services.goal_status_set(goal=goal, actor=None, status="forgotten")
    with refused("This field is required.", field="text"):
        services.goal_update(goal=goal, actor=None, text="")
    assert Goal.objects.get().text == goal.text
