"""The workspace dashboard and the group page bring together what the apps hold."""

import datetime

import pytest

from knotenpunkt.knowledge.tests.factories import make_page
from knotenpunkt.meetings.models import Meeting
from knotenpunkt.meetings.tests.factories import ActionItemFactory, DecisionFactory, MeetingFactory
from knotenpunkt.members.models import Person
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory, lead_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(network):
    return WorkingGroupFactory(
        network=network, name="Wohnen", slug="wohnen", active_from=datetime.date(2020, 1, 1)
    )


def test_the_dashboard_shows_my_open_actions_and_my_groups(client, network, group):
    user = lead_user(group)
    person = Person.objects.get(user=user)
    meeting = MeetingFactory(network=network, kind=Meeting.Kind.WORKING_GROUP, group=group)
    ActionItemFactory(meeting=meeting, owner=person, text="Mietspiegel übersetzen lassen")
    ActionItemFactory(meeting=meeting, text="Aufgabe von jemand anderem")
    client.force_login(user)

    page = client.get(f"/en/{network.slug}/workspace/").text

    assert "Mietspiegel übersetzen lassen" in page
    assert "Aufgabe von jemand anderem" not in page
    assert f"/en/{network.slug}/workspace/groups/wohnen/" in page
    # Member contacts do not see the coordinator's cadence table.
    assert "workspace/groups/cadence/" not in page


def test_the_coordinator_sees_the_cadence_of_groups_and_plenary(coordinator_client, network, group):
    page = coordinator_client.get(f"/en/{network.slug}/workspace/").text
    assert "Plenary meetings" in page
    assert "Wohnen" in page
    assert "workspace/groups/cadence/" in page


def test_the_group_page_shows_decisions_actions_and_its_pages(coordinator_client, network, group):
    meeting = MeetingFactory(network=network, kind=Meeting.Kind.WORKING_GROUP, group=group)
    DecisionFactory(meeting=meeting, text="Wir erstellen eine Wohnungsbörse.")
    ActionItemFactory(meeting=meeting, text="Vermieter ansprechen")
    make_page(network, title="Leitfaden Wohnungssuche", group=group)

    page = coordinator_client.get(f"/en/{network.slug}/workspace/groups/wohnen/").text

    assert "Wir erstellen eine Wohnungsbörse." in page
    assert "Vermieter ansprechen" in page
    assert "Leitfaden Wohnungssuche" in page


def test_the_group_page_links_its_meetings(coordinator_client, network, group):
    meeting = MeetingFactory(
        network=network, kind=Meeting.Kind.WORKING_GROUP, group=group, title="Treffen im Mai"
    )
    page = coordinator_client.get(f"/en/{network.slug}/workspace/groups/wohnen/").text
    assert f'href="/en/{network.slug}/workspace/meetings/{meeting.pk}/"' in page
