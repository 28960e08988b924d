"""Services check the policy themselves: a task, a command or a future API that calls them
for a person gets the same answer as the pages. No actor is the system (reminders, imports)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django_scopes import scope

from knotenpunkt.accounts.models import NetworkRole
from knotenpunkt.accounts.services import role_grant
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core import errors
from knotenpunkt.eventcalendar import editions
from knotenpunkt.eventcalendar import services as events
from knotenpunkt.eventcalendar.models import Edition, Event
from knotenpunkt.knowledge import services as knowledge
from knotenpunkt.knowledge.models import Page
from knotenpunkt.meetings import services as meetings
from knotenpunkt.meetings.models import AgendaItem, Meeting
from knotenpunkt.meetings.tests.factories import MeetingFactory
from knotenpunkt.members import services as members
from knotenpunkt.members.models import Organisation
from knotenpunkt.members.tests.factories import OrganisationFactory, kind_of
from knotenpunkt.workinggroups import services as groups
from knotenpunkt.workinggroups.models import Goal, WorkingGroup
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory, lead_user

pytestmark = pytest.mark.django_db

START = datetime.datetime(2031, 5, 6, 17, tzinfo=datetime.UTC)


@pytest.fixture
def outsider(network, other_network):
    """Logged in somewhere, but without a role in `network` (another network's coordinator)."""
    user = UserFactory()
    grant_role(user, other_network, "coordinator")
    return user


def _refused(call, model, network):
    """The call is refused and nothing of `model` was written in the network."""
    with scope(network=network):
        before = model.objects.filter(network=network).count()
        with pytest.raises(PermissionDenied):
            call()
        assert model.objects.filter(network=network).count() == before


def test_accounts_roles_are_granted_by_the_coordination_only(network, outsider):
    _refused(
        lambda: role_grant(network=network, user=outsider, role="coordinator", actor=outsider),
        NetworkRole,
        network,
    )


def test_members_an_organisation_is_added_by_the_coordination_only(network, outsider):
    _refused(
        lambda: members.organisation_create(
            network=network, actor=outsider, name="Verein", kind=kind_of(network)
        ),
        Organisation,
        network,
    )


def test_workinggroups_founding_and_goals_need_the_coordination_or_the_lead(network, outsider):
    _refused(
        lambda: groups.group_create(
            network=network, actor=outsider, name="Wohnen", active_from=datetime.date(2031, 1, 1)
        ),
        WorkingGroup,
        network,
    )
    with scope(network=network):
        led, other = WorkingGroupFactory(network=network), WorkingGroupFactory(network=network)
        lead = lead_user(led)
        groups.goal_create(group=led, actor=lead, text="Treffen planen")
    _refused(lambda: groups.goal_create(group=other, actor=lead, text="Fremd"), Goal, network)


def test_meetings_are_planned_and_run_by_those_the_policy_names(network, outsider):
    _refused(
        lambda: meetings.meeting_create(
            network=network,
            actor=outsider,
            kind=Meeting.Kind.PLENARY,
            title="Plenum",
            starts_at=START,
            ends_at=START + datetime.timedelta(hours=2),
        ),
        Meeting,
        network,
    )
    with scope(network=network):
        meeting = MeetingFactory(network=network)
        member = grant_role(UserFactory(), network, "member_contact").user
    _refused(
        lambda: meetings.agenda_item_add(meeting=meeting, actor=member, title="Begrüßung"),
        AgendaItem,
        network,
    )


def test_knowledge_pages_are_written_by_those_who_may_edit(network, outsider):
    _refused(
        lambda: knowledge.page_create(network=network, actor=outsider, title="Geheim"),
        Page,
        network,
    )


def test_eventcalendar_editions_are_prepared_by_the_coordination_only(network, outsider):
    period = editions.Period(datetime.date(2031, 3, 1))
    _refused(
        lambda: editions.edition_prepare(network=network, actor=outsider, period=period),
        Edition,
        network,
    )


def test_eventcalendar_events_of_an_organisation_are_entered_by_its_contacts(network, outsider):
    with scope(network=network):
        organisation = OrganisationFactory(network=network)
        before = Event.objects.filter(network=network).count()
        with pytest.raises(errors.PermissionDenied) as refused:
            events.event_submit(
                network=network,
                actor=outsider,
                data={"organiser": organisation, "title": "Fest", "starts_at": START},
            )
        assert refused.value.field == "organiser"
        assert Event.objects.filter(network=network).count() == before


def test_the_system_acts_without_an_actor(network):
    with scope(network=network):
        page = knowledge.page_create(network=network, actor=None, title="Vom System")
    assert page.pk is not None
