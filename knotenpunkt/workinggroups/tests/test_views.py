"""The group pages: who may see and change what, what the pages show, and their query counts."""

import datetime

import pytest
from django.utils import timezone

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory
from knotenpunkt.workinggroups.models import Goal, GroupMembership, WorkingGroup

from .factories import GoalFactory, GroupMembershipFactory, WorkingGroupFactory, lead_user
from .helpers import meeting, url

pytestmark = pytest.mark.django_db

D = datetime.date


def today(network):
    return timezone.now().astimezone(network.tz).date()


# Access ----------------------------------------------------------------------------------


@pytest.fixture
def group(network):
    return WorkingGroupFactory(network=network, name="Gesundheit", slug="gesundheit")


def _pages(group, membership, goal):
    """Every page of the app with the role that may use it: all, coordinator, liaison, lead."""
    return [
        ("list", {}, "all"),
        ("detail", {"group_slug": group.slug}, "all"),
        ("cadence", {}, "cadence"),
        ("create", {}, "coordinator"),
        ("edit", {"group_slug": group.slug}, "coordinator"),
        ("member_add", {"group_slug": group.slug}, "lead"),
        ("goal_create", {"group_slug": group.slug}, "lead"),
        ("member_remove", {"membership_id": membership.pk}, "lead"),
        ("lead_set", {"membership_id": membership.pk}, "lead"),
        ("lead_unset", {"membership_id": membership.pk}, "lead"),
        ("goal_edit", {"goal_id": goal.pk}, "lead"),
        ("goal_status", {"goal_id": goal.pk}, "lead"),
    ]


EXPECTED = {
    # who → which kinds of pages they may open
    "coordinator": {"all", "cadence", "coordinator", "lead"},
    "city_liaison": {"all", "cadence"},
    "member_contact": {"all"},
    "lead": {"all", "lead"},
}


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_each_role_opens_exactly_its_pages_and_gets_403_elsewhere(client, network, group, who):
    membership = GroupMembershipFactory(group=group)
    goal = GoalFactory(group=group)
    if who == "lead":
        user = lead_user(group)
    else:
        user = UserFactory()
        grant_role(user, network, who)
    client.force_login(user)
    for name, kwargs, kind in _pages(group, membership, goal):
        status = client.get(url(network, name, **kwargs)).status_code
        expected = 200 if kind in EXPECTED[who] else 403
        assert status == expected, f"{who} on {name}: {status}"


def test_anonymous_visitors_are_sent_to_log_in(client, network, group):
    membership = GroupMembershipFactory(group=group)
    goal = GoalFactory(group=group)
    for name, kwargs, _kind in _pages(group, membership, goal):
        response = client.get(url(network, name, **kwargs))
        assert response.status_code == 302, name
        assert response["Location"].startswith("/accounts/login/")


def test_a_lead_of_another_group_cannot_change_this_one(client, network, group):
    client.force_login(lead_user(WorkingGroupFactory(network=network)))
    membership = GroupMembershipFactory(group=group)
    response = client.post(url(network, "lead_set", membership_id=membership.pk))
    assert response.status_code == 403
    membership.refresh_from_db()
    assert not membership.is_lead


# Coordinator: found and edit -------------------------------------------------------------


def test_the_coordinator_founds_a_group(coordinator_client, network):
    response = coordinator_client.post(
        url(network, "create"),
        {
            "name": "Kinder, Jugend und Familie",
            "slug": "",
            "mandate": "Gute **Kitaplätze**.",
            "meetings_per_year_target": "5",
            "active_from": "2025-01-15",
        },
    )
    group = WorkingGroup.objects.get(network=network)
    assert response.status_code == 302
    assert response["Location"] == url(network, "detail", group_slug="kinder-jugend-und-familie")
    assert (group.meetings_per_year_target, group.active_from) == (5, D(2025, 1, 15))


def test_a_broken_rule_comes_back_as_a_message_on_the_field(coordinator_client, network):
    WorkingGroupFactory(network=network, slug="frauen")
    data = {"name": "Frauen", "meetings_per_year_target": "4", "active_from": "2025-01-15"}
    response = coordinator_client.post(url(network, "create"), {**data, "slug": "frauen"})
    assert response.status_code == 200
    assert "Another group uses the short name “frauen” already." in response.text
    assert 'href="#id_slug"' in response.text  # the error summary links to the field
    response = coordinator_client.post(
        url(network, "create"), {**data, "slug": "frauen-2", "meetings_per_year_target": "9"}
    )
    assert "A group meets between 2 and 6 times a year." in response.text
    assert WorkingGroup.objects.filter(network=network).count() == 1


def test_the_coordinator_edits_a_group_and_its_address_follows(coordinator_client, network, group):
    response = coordinator_client.post(
        url(network, "edit", group_slug=group.slug),
        {
            "name": "Gesundheit und Pflege",
            "slug": "gesundheit-pflege",
            "mandate": "",
            "meetings_per_year_target": "3",
            "active_from": "2020-01-01",
            "active_until": "",
        },
    )
    assert response["Location"] == url(network, "detail", group_slug="gesundheit-pflege")
    group.refresh_from_db()
    assert (group.name, group.meetings_per_year_target) == ("Gesundheit und Pflege", 3)
    page = coordinator_client.get(url(network, "edit", group_slug=group.slug))
    assert 'value="Gesundheit und Pflege"' in page.text


# Leads: members, leads, goals ------------------------------------------------------------


def test_a_lead_adds_a_member_for_an_organisation(client, network, group):
    client.force_login(lead_user(group))
    person = PersonFactory(network=network, full_name="Ayşe Yılmaz")
    organisation = OrganisationFactory(network=network, name="Elternverein")
    response = client.post(
        url(network, "member_add", group_slug=group.slug),
        {"person": person.pk, "organisation": organisation.pk, "joined_on": "2025-02-01"},
    )
    assert response.status_code == 302
    membership = GroupMembership.objects.get(group=group, person=person)
    assert (membership.organisation, membership.is_lead) == (organisation, False)
    page = client.get(response["Location"])
    assert "Ayşe Yılmaz joined Gesundheit." in page.text
    assert "Elternverein" in page.text


def test_adding_someone_twice_shows_why(client, network, group):
    client.force_login(lead_user(group))
    membership = GroupMembershipFactory(group=group)
    response = client.post(
        url(network, "member_add", group_slug=group.slug), {"person": membership.person.pk}
    )
    assert response.status_code == 200
    assert "belongs to this group already" in response.text


def test_a_person_of_another_network_is_no_choice(client, network, other_network, group):
    client.force_login(lead_user(group))
    stranger = PersonFactory(network=other_network)
    response = client.post(
        url(network, "member_add", group_slug=group.slug), {"person": stranger.pk}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not GroupMembership.objects.filter(person=stranger).exists()


def test_a_lead_makes_another_member_a_lead_and_removes_a_member(client, network, group):
    client.force_login(lead_user(group))
    other = GroupMembershipFactory(group=group, joined_on=D(2021, 1, 1))
    client.post(url(network, "lead_set", membership_id=other.pk))
    other.refresh_from_db()
    assert other.is_lead
    client.post(url(network, "lead_unset", membership_id=other.pk))
    other.refresh_from_db()
    assert not other.is_lead

    confirm = client.get(url(network, "member_remove", membership_id=other.pk))
    assert other.person.full_name in confirm.text
    client.post(url(network, "member_remove", membership_id=other.pk), {"left_on": "2025-03-31"})
    other.refresh_from_db()
    assert other.left_on == D(2025, 3, 31)
    page = client.get(url(network, "detail", group_slug=group.slug))
    assert "1 former member" in page.text


def test_a_lead_who_ends_their_own_lead_role_loses_the_lead_pages(client, network, group):
    user = lead_user(group)
    client.force_login(user)
    own = GroupMembership.objects.get(group=group, person__user=user)
    response = client.post(url(network, "lead_unset", membership_id=own.pk))
    assert response.status_code == 302
    assert client.get(url(network, "member_add", group_slug=group.slug)).status_code == 403


def test_a_lead_sets_goals_and_moves_them_along(client, network, group):
    client.force_login(lead_user(group))
    client.post(
        url(network, "goal_create", group_slug=group.slug),
        {"text": "Gesundheitslotsen ausbilden", "due_on": "2026-06-30", "status": "open"},
    )
    goal = Goal.objects.get(group=group)
    client.post(url(network, "goal_status", goal_id=goal.pk), {"status": "in_progress"})
    goal.refresh_from_db()
    assert goal.status == Goal.Status.IN_PROGRESS
    client.post(
        url(network, "goal_edit", goal_id=goal.pk),
        {"text": "Zwölf Gesundheitslotsen ausbilden", "due_on": "", "status": "achieved"},
    )
    goal.refresh_from_db()
    assert (goal.text, goal.due_on, goal.status) == (
        "Zwölf Gesundheitslotsen ausbilden",
        None,
        Goal.Status.ACHIEVED,
    )
    page = client.get(url(network, "detail", group_slug=group.slug))
    assert "Zwölf Gesundheitslotsen ausbilden" in page.text and "achieved" in page.text
    actions = AuditEntry.objects.filter(target_type="workinggroups.goal").values_list(
        "action", flat=True
    )
    assert sorted(actions) == ["goal.create", "goal.status", "goal.update"]


def test_an_unknown_status_is_refused_with_a_message(client, network, group):
    client.force_login(lead_user(group))
    goal = GoalFactory(group=group)
    response = client.post(url(network, "goal_status", goal_id=goal.pk), {"status": "forgotten"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    goal.refresh_from_db()
    assert goal.status == Goal.Status.OPEN


# What the pages show ---------------------------------------------------------------------


def test_the_mandate_is_rendered_and_script_is_removed(client, network, member_contact):
    WorkingGroupFactory(
        network=network,
        slug="bildung",
        mandate="## Auftrag\n\n**Sprache** zuerst.\n\n<script>alert(1)</script>"
        '<img src=x onerror="alert(2)">',
    )
    client.force_login(member_contact)
    page = client.get(url(network, "detail", group_slug="bildung")).text
    assert "<h2>Auftrag</h2>" in page and "<strong>Sprache</strong>" in page
    assert "<script>alert" not in page and "onerror" not in page


def test_the_group_page_shows_leads_members_goals_and_meetings(client, network, member_contact):
    group = WorkingGroupFactory(network=network, name="Wohnen", slug="wohnen")
    GroupMembershipFactory(
        group=group, is_lead=True, person=PersonFactory(network=network, full_name="Lena Lead")
    )
    GroupMembershipFactory(group=group, person=PersonFactory(network=network, full_name="Max M"))
    GoalFactory(group=group, text="Wohnungsbörse starten")
    day = today(network)
    meeting(network, group=group, on=day + datetime.timedelta(days=10), title="Sitzung Zukunft")
    meeting(network, group=group, on=day - datetime.timedelta(days=10), title="Sitzung Vorher")
    meeting(network, on=day + datetime.timedelta(days=5), title="Plenum")  # not the group's
    client.force_login(member_contact)
    page = client.get(url(network, "detail", group_slug="wohnen")).text
    for text in ("Lena Lead", "Max M", "Wohnungsbörse starten", "Sitzung Zukunft"):
        assert text in page
    assert page.index("Upcoming meetings") < page.index("Sitzung Zukunft")
    assert page.index("Past meetings") < page.index("Sitzung Vorher")
    assert "Plenum" not in page
    # Plain members see no change controls.
    assert url(network, "member_add", group_slug="wohnen") not in page


def test_the_list_shows_leads_counts_and_the_next_meeting(client, network, member_contact):
    group = WorkingGroupFactory(network=network, name="Frauen", slug="frauen")
    GroupMembershipFactory(
        group=group, is_lead=True, person=PersonFactory(network=network, full_name="Fatma F")
    )
    GroupMembershipFactory(group=group)
    meeting(network, group=group, on=today(network) + datetime.timedelta(days=3), title="Frühstück")
    person = PersonFactory(network=network, user=member_contact)
    GroupMembershipFactory(group=group, person=person)
    client.force_login(member_contact)
    page = client.get(url(network, "list")).text
    assert "Fatma F" in page and "3 people" in page and "Frühstück" in page
    assert "Your groups" in page


def test_the_cadence_page_flags_groups_behind_in_words(client, network, city_liaison):
    last_year = today(network).year - 1
    behind = WorkingGroupFactory(network=network, name="Ehrenamt", meetings_per_year_target=2)
    on_track = WorkingGroupFactory(network=network, name="Arbeit", meetings_per_year_target=2)
    for month in (3, 9):
        meeting(network, group=on_track, on=D(last_year, month, 1))
        meeting(network, on=D(last_year, month, 1))  # plenaries: 2 of 5
    meeting(network, group=behind, on=D(last_year, 5, 1))
    client.force_login(city_liaison)
    page = client.get(url(network, "cadence") + f"?year={last_year}").text
    assert f"Meeting cadence {last_year}" in page
    rows = {row.split("</th>")[0]: row for row in page.split('<th scope="row">')[1:]}
    [plenary] = [row for name, row in rows.items() if "Plenary meetings" in name]
    [ehrenamt] = [row for name, row in rows.items() if "Ehrenamt" in name]
    [arbeit] = [row for name, row in rows.items() if "Arbeit" in name]
    assert "Behind: 3 meetings missing" in plenary
    assert "Behind: 1 meeting missing" in ehrenamt
    assert "On track" in arbeit
    assert "2 rows are behind their target." in page


def test_the_cadence_page_ignores_a_year_it_cannot_read(client, network, city_liaison):
    client.force_login(city_liaison)
    page = client.get(url(network, "cadence") + "?year=zwanzig").text
    assert f"Meeting cadence {today(network).year}" in page


# Query counts ----------------------------------------------------------------------------


def _groups(network, count):
    day = today(network)
    for number in range(count):
        group = WorkingGroupFactory(network=network)
        organisation = OrganisationFactory(network=network)
        GroupMembershipFactory(group=group, is_lead=True, organisation=organisation)
        GroupMembershipFactory(group=group, organisation=organisation)
        GroupMembershipFactory(group=group, left_on=D(2022, 1, 1))
        GoalFactory(group=group)
        meeting(network, group=group, on=day + datetime.timedelta(days=number + 1))
        meeting(network, group=group, on=day - datetime.timedelta(days=number + 1))


@pytest.mark.parametrize("name", ["list", "cadence"])
def test_list_pages_make_as_many_queries_for_20_groups_as_for_3(
    coordinator_client, network, count_queries, django_assert_max_num_queries, name
):
    _groups(network, 3)
    page = url(network, name)
    few = count_queries(coordinator_client, page)
    _groups(network, 17)
    with django_assert_max_num_queries(few):
        response = coordinator_client.get(page)
    assert response.text.count("ag-") >= 20


def test_the_group_page_query_count_does_not_grow_with_the_group(
    coordinator_client, network, count_queries, django_assert_max_num_queries
):
    group = WorkingGroupFactory(network=network, slug="gross")
    page = url(network, "detail", group_slug="gross")
    day = today(network)

    def grow(count):
        for number in range(count):
            GroupMembershipFactory(group=group, organisation=OrganisationFactory(network=network))
            GroupMembershipFactory(group=group, left_on=D(2022, 1, 1))
            GoalFactory(group=group)
            meeting(network, group=group, on=day + datetime.timedelta(days=number + 1))
            meeting(network, group=group, on=day - datetime.timedelta(days=number + 1))

    grow(2)
    few = count_queries(coordinator_client, page)
    grow(20)
    with django_assert_max_num_queries(few):
        coordinator_client.get(page)
