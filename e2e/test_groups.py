"""Working-group pages and the cadence page in a real browser, in German and in Arabic (RTL).

A full group (leads, members, goals, meetings with minutes, decisions and actions, a wiki
page) is built through factories, so every part of the pages renders.
"""

import datetime

import pytest

from knotenpunkt.knowledge.models import Visibility
from knotenpunkt.knowledge.tests.factories import make_page
from knotenpunkt.meetings.models import Meeting
from knotenpunkt.meetings.tests.factories import (
    ActionItemFactory,
    DecisionFactory,
    MeetingFactory,
    MinutesVersionFactory,
    in_days,
)
from knotenpunkt.members.tests.factories import OrganisationFactory
from knotenpunkt.workinggroups.models import Goal
from knotenpunkt.workinggroups.tests.factories import (
    GoalFactory,
    GroupMembershipFactory,
    WorkingGroupFactory,
    lead_user,
)

from .helpers import assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"  # UserFactory's
GROUP_NAME = "Interkulturelle Öffnung der Verwaltung"


@pytest.fixture
def groups(network):
    """One group with everything its page can show, and one that has not met this year."""
    group = WorkingGroupFactory(
        network=network,
        name=GROUP_NAME,
        slug="interkulturelle-oeffnung",
        mandate="Die AG begleitet die **Ausländerbehörde** und das Bürgeramt bei der "
        "mehrsprachigen Information. Ansprechpartnerin: Integrationsbeauftragte.",
    )
    organisation = OrganisationFactory(
        network=network, name="Migrantinnenselbstorganisation Brückenbauerinnen e.V."
    )
    lead_user(group, email="lead@example.org", full_name="Dragana Petrović")
    for name in ("Maximilian Müller-Lüdenscheidt", "Nour Al-Hassan"):
        GroupMembershipFactory(group=group, person__full_name=name, organisation=organisation)
    GoalFactory(group=group, text="Mehrsprachige Formulare im Bürgeramt einführen")
    GoalFactory(group=group, text="Schulung Interkulturelle Kompetenz", status=Goal.Status.ACHIEVED)
    past = MeetingFactory(
        network=network,
        kind=Meeting.Kind.WORKING_GROUP,
        group=group,
        title="AG-Sitzung Herbst",
        starts_at=in_days(-30),
    )
    MinutesVersionFactory(meeting=past)
    DecisionFactory(meeting=past, text="Die Willkommensmappe wird ins Ukrainische übersetzt.")
    ActionItemFactory(meeting=past, text="Übersetzungsbüro anfragen", owner=None)
    MeetingFactory(
        network=network,
        kind=Meeting.Kind.WORKING_GROUP,
        group=group,
        title="AG-Sitzung Winter",
        starts_at=in_days(20),
    )
    MeetingFactory(network=network, title="Plenum im Herbst", starts_at=in_days(-40))
    make_page(
        network,
        title="Glossar Verwaltungsdeutsch",
        body="## Aufenthaltstitel\n\nErklärt in einfacher Sprache.",
        visibility=Visibility.GROUP,
        group=group,
    )
    WorkingGroupFactory(
        network=network,
        name="Gesundheit und Pflege",
        slug="gesundheit",
        meetings_per_year_target=6,
        active_from=datetime.date(2020, 1, 1),
    )
    return group


GROUP_PAGE_SHOWS = (
    "Maximilian Müller-Lüdenscheidt",
    "Mehrsprachige Formulare im Bürgeramt einführen",
    "AG-Sitzung Winter",
    "AG-Sitzung Herbst",
    "Die Willkommensmappe wird ins Ukrainische übersetzt.",
    "Übersetzungsbüro anfragen",
    "Glossar Verwaltungsdeutsch",
)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_group_pages_and_cadence_are_accessible_and_reflow(
    network, coordinator, groups, page, language
):
    base = f"/{language}/musterstadt/workspace/groups/"
    group_page = f"{base}{groups.slug}/"
    login(page, coordinator.email, PASSWORD)
    for path in (base, group_page, f"{base}cadence/"):
        response = page.goto(path)
        assert response.status == 200, path
        html = page.locator("html")
        assert html.get_attribute("lang") == language
        assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        main = page.locator("main").inner_text()
        assert GROUP_NAME in main
        if path == group_page:
            # Everything other apps add to the group page is there, so axe checks it too.
            for text in GROUP_PAGE_SHOWS:
                assert text in main, text
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
