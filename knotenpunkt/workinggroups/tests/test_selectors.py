"""Reads: the group list's annotations, a user's groups, the group page, and the cadence."""

import datetime
from fractions import Fraction

import pytest
from django.utils import timezone

from knotenpunkt.accounts.tests.factories import UserFactory
from knotenpunkt.meetings.cadence import cadence, expected_by, group_meetings, with_meeting_counts
from knotenpunkt.meetings.models import Meeting
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory
from knotenpunkt.workinggroups.selectors import group_detail, groups_list, groups_of_user

from .factories import GoalFactory, GroupMembershipFactory, WorkingGroupFactory
from .helpers import meeting

pytestmark = pytest.mark.django_db

D = datetime.date


# Lists -----------------------------------------------------------------------------------


def test_the_list_counts_current_members_their_organisations_and_this_years_meetings(network):
    now = datetime.datetime(2025, 6, 15, 12, 0, tzinfo=datetime.UTC)
    group = WorkingGroupFactory(network=network, name="Gesundheit")
    organisation = OrganisationFactory(network=network)
    GroupMembershipFactory(group=group, organisation=organisation, is_lead=True)
    GroupMembershipFactory(group=group, organisation=organisation)
    GroupMembershipFactory(group=group)
    GroupMembershipFactory(group=group, left_on=D(2022, 1, 1))
    meeting(network, group=group, on=D(2025, 2, 1))  # held this year
    meeting(network, group=group, on=D(2025, 7, 1), title="Nächstes")  # planned this year
    meeting(network, group=group, on=D(2025, 6, 20), cancelled=True)
    meeting(network, group=group, on=D(2026, 1, 10), title="Übernächstes")
    meeting(network, group=group, on=D(2024, 6, 1))
    WorkingGroupFactory(network=network, name="Ohne alles")

    groups = groups_list(network=network, active_only=True, now=now)
    rows = {row.name: row for row in with_meeting_counts(groups, network=network, now=now)}

    row = rows["Gesundheit"]
    assert (row.member_count, row.organisation_count, row.meetings_this_year) == (3, 1, 2)
    assert row.next_meeting_title == "Nächstes"
    assert row.next_meeting_at.astimezone(network.tz).date() == D(2025, 7, 1)
    assert [lead.person_id for lead in row.current_leads] == [
        group.memberships.get(is_lead=True).person_id
    ]
    empty = rows["Ohne alles"]
    assert (empty.member_count, empty.meetings_this_year, empty.next_meeting_at) == (0, 0, None)
    assert empty.current_leads == []


def test_the_list_leaves_out_past_and_future_groups_unless_asked(network, other_network):
    today = timezone.now().astimezone(network.tz).date()
    WorkingGroupFactory(network=network, name="Läuft")
    WorkingGroupFactory(network=network, name="Vorbei", active_until=D(2021, 1, 1))
    WorkingGroupFactory(network=network, name="Kommt", active_from=today + datetime.timedelta(3))
    WorkingGroupFactory(network=other_network, name="Anderswo")
    assert [g.name for g in groups_list(network=network, active_only=True)] == ["Läuft"]
    assert [g.name for g in groups_list(network=network, active_only=False)] == [
        "Kommt",
        "Läuft",
        "Vorbei",
    ]


def test_a_user_sees_the_groups_they_belong_to_now_and_which_they_lead(network, other_network):
    user = UserFactory()
    person = PersonFactory(network=network, user=user)
    led = WorkingGroupFactory(network=network, name="A geleitet")
    member = WorkingGroupFactory(network=network, name="B Mitglied")
    left = WorkingGroupFactory(network=network, name="C verlassen")
    GroupMembershipFactory(group=led, person=person, is_lead=True)
    GroupMembershipFactory(group=member, person=person)
    GroupMembershipFactory(group=left, person=person, left_on=D(2023, 1, 1))
    GroupMembershipFactory(group=member)  # somebody else
    elsewhere = WorkingGroupFactory(network=other_network)
    GroupMembershipFactory(group=elsewhere, person=PersonFactory(network=other_network, user=user))

    mine = list(groups_of_user(user=user, network=network))
    assert [(g.name, g.leads_it) for g in mine] == [("A geleitet", True), ("B Mitglied", False)]


def test_the_group_page_separates_current_and_former_members_and_lists_goals(network):
    group = WorkingGroupFactory(network=network, slug="wohnen")
    lead = GroupMembershipFactory(group=group, is_lead=True)
    current = GroupMembershipFactory(group=group)
    former = GroupMembershipFactory(group=group, is_lead=True, left_on=D(2023, 5, 1))
    late, early = (
        GoalFactory(group=group, due_on=D(2027, 1, 1)),
        GoalFactory(group=group, due_on=D(2026, 1, 1)),
    )
    detail = group_detail(network=network, group_slug="wohnen")
    assert detail.current_leads == [lead]
    assert set(detail.current_memberships) == {lead, current}
    assert detail.former_memberships == [former]
    assert detail.all_goals == [early, late]


def test_the_group_page_splits_meetings_at_now(network):
    group = WorkingGroupFactory(network=network)
    now = datetime.datetime(2025, 5, 10, 11, 0, tzinfo=datetime.UTC)
    older = meeting(network, group=group, on=D(2025, 1, 1))
    past = meeting(network, group=group, on=D(2025, 3, 1), cancelled=True)
    running = meeting(network, group=group, on=D(2025, 5, 10), hour=12)  # 10–12 UTC
    future = meeting(network, group=group, on=D(2025, 9, 1))
    meeting(network, on=D(2025, 9, 1))  # a plenary is no meeting of the group
    meetings = group_meetings(group=group, now=now)
    assert meetings.upcoming == [running, future]
    assert meetings.past == [past, older]


# Cadence ---------------------------------------------------------------------------------


def test_expected_meetings_grow_with_the_share_of_the_year_elapsed():
    # 2 July 2025 is the 183rd of 365 days.
    assert expected_by(target=4, year=2025, today=D(2025, 7, 2), since=D(2020, 1, 1)) == Fraction(
        4 * 183, 365
    )
    assert expected_by(target=4, year=2025, today=D(2025, 12, 31), since=D(2020, 1, 1)) == 4
    # Counted from the founding day for a group founded during the year (1 July: 184 days left).
    assert expected_by(target=4, year=2025, today=D(2025, 12, 31), since=D(2025, 7, 1)) == Fraction(
        4 * 184, 365
    )
    # A past year is over; a year that has not begun expects nothing.
    assert expected_by(target=5, year=2024, today=D(2025, 3, 1), since=D(2020, 1, 1)) == 5
    assert expected_by(target=5, year=2026, today=D(2025, 3, 1), since=D(2020, 1, 1)) == 0
    # Leap years have 366 days.
    assert expected_by(target=6, year=2024, today=D(2024, 1, 1), since=D(2020, 1, 1)) == Fraction(
        6, 366
    )


def _rows(result):
    return {row.label: row for row in result.groups}


def test_a_group_is_behind_when_fewer_meetings_were_held_than_were_fully_due(network):
    group = WorkingGroupFactory(network=network, name="Gesundheit", meetings_per_year_target=4)
    meeting(network, group=group, on=D(2025, 3, 3))

    # On 1 July 1.99 meetings were due: one whole meeting, and one was held.
    on_track = _rows(cadence(network=network, year=2025, today=D(2025, 7, 1)))["Gesundheit"]
    assert (on_track.held, on_track.expected_whole, on_track.behind) == (1, 1, False)
    # On 2 July 2.005 were due: the second is fully due and missing.
    behind = _rows(cadence(network=network, year=2025, today=D(2025, 7, 2)))["Gesundheit"]
    assert (behind.held, behind.expected_whole, behind.behind, behind.missing) == (1, 2, True, 1)
    meeting(network, group=group, on=D(2025, 7, 2), hour=9)
    caught_up = _rows(cadence(network=network, year=2025, today=D(2025, 7, 2)))["Gesundheit"]
    assert (caught_up.held, caught_up.behind) == (2, False)


def test_only_this_groups_held_meetings_of_this_year_count(network):
    group = WorkingGroupFactory(network=network, name="Frauen", meetings_per_year_target=2)
    other = WorkingGroupFactory(network=network, name="Wohnen", meetings_per_year_target=2)
    meeting(network, group=group, on=D(2025, 2, 1))  # counts
    meeting(network, group=group, on=D(2024, 12, 31))  # last year
    meeting(network, group=group, on=D(2025, 4, 1), cancelled=True)
    meeting(network, group=group, on=D(2025, 10, 1))  # after today
    meeting(network, group=group, on=D(2025, 5, 1), kind=Meeting.Kind.TRAINING)
    meeting(network, group=other, on=D(2025, 3, 1))
    rows = _rows(cadence(network=network, year=2025, today=D(2025, 9, 30)))
    assert rows["Frauen"].held == 1
    assert rows["Wohnen"].held == 1


def test_the_year_begins_at_midnight_in_the_networks_time_zone(network):
    assert network.time_zone == "Europe/Berlin"
    group = WorkingGroupFactory(network=network, name="Bildung")
    # 00:30 on 1 January in Berlin is still 31 December in UTC.
    meeting(network, group=group, on=D(2025, 1, 1), hour=0)
    assert _rows(cadence(network=network, year=2025, today=D(2025, 1, 2)))["Bildung"].held == 1
    assert _rows(cadence(network=network, year=2024, today=D(2025, 1, 2))).get("Bildung").held == 0


def test_a_group_founded_during_the_year_is_counted_from_its_founding(network):
    WorkingGroupFactory(network=network, name="Alt", meetings_per_year_target=4)
    WorkingGroupFactory(
        network=network, name="Neu", meetings_per_year_target=4, active_from=D(2025, 7, 1)
    )
    rows = _rows(cadence(network=network, year=2025, today=D(2025, 12, 31)))
    assert (rows["Alt"].expected_whole, rows["Alt"].started_during_year) == (4, False)
    assert (rows["Neu"].expected_whole, rows["Neu"].started_during_year) == (2, True)
    assert rows["Neu"].counted_from == D(2025, 7, 1)
    assert rows["Neu"].missing == 2


def test_only_groups_active_on_the_day_are_listed(network, other_network):
    WorkingGroupFactory(network=network, name="Aktiv")
    WorkingGroupFactory(network=network, name="Beendet", active_until=D(2025, 3, 31))
    WorkingGroupFactory(network=network, name="Später", active_from=D(2025, 8, 1))
    WorkingGroupFactory(network=other_network, name="Fremd")
    assert list(_rows(cadence(network=network, year=2025, today=D(2025, 6, 1)))) == ["Aktiv"]


def test_plenary_meetings_count_against_the_networks_target(network):
    network.plenaries_per_year_target = 5
    network.save()
    for month in (2, 5, 9):
        meeting(network, on=D(2025, month, 10))
    meeting(network, on=D(2025, 11, 10), cancelled=True)
    group = WorkingGroupFactory(network=network)
    meeting(network, group=group, on=D(2025, 6, 1))  # a group meeting is no plenary

    plenary = cadence(network=network, year=2025, today=D(2025, 12, 31)).plenary
    assert (plenary.target, plenary.held, plenary.expected) == (5, 3, 5)
    assert plenary.behind and plenary.missing == 2
    in_spring = cadence(network=network, year=2025, today=D(2025, 5, 31)).plenary
    # 151 of 365 days: 2.07 plenaries due, 2 held.
    assert (in_spring.held, in_spring.expected_whole, in_spring.behind) == (2, 2, False)


def test_the_behind_count_covers_groups_and_the_plenary(network):
    WorkingGroupFactory(network=network, meetings_per_year_target=2)
    WorkingGroupFactory(network=network, meetings_per_year_target=2)
    result = cadence(network=network, year=2025, today=D(2025, 12, 31))
    assert result.behind_count == 3
