"""Addresses that answered 500 with DEBUG off, each with the answer it gets now.

Out-of-range query values fall back to the page's default (a filter, a month, a year) or, where
they name the object the page is about, give a 404; ids no row can have in the path are a 404.
"""

import datetime

import pytest
import time_machine
from django_scopes import scope

from knotenpunkt.knowledge.tests.factories import make_page
from knotenpunkt.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from knotenpunkt.members.tests.factories import AgreementVersionFactory, OrganisationFactory
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory

MOMENT = datetime.datetime(2031, 5, 14, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def hostile_client(coordinator_client, settings):
    settings.DEBUG = False
    coordinator_client.raise_request_exception = False
    return coordinator_client


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(MOMENT, tick=False):
        yield


@pytest.mark.django_db
@pytest.mark.parametrize("month", ["9999-12", "0001-01", "2031-13", "²⁰³¹-05"])
def test_calendar_month_out_of_range_shows_the_current_month(hostile_client, network, month):
    response = hostile_client.get(f"/de/{network.slug}/calendar/?view=month&month={month}")
    assert response.status_code == 200
    assert response.context["month_start"] == datetime.date(2031, 5, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["ics", "rss"])
@pytest.mark.parametrize("organiser", ["9223372036854775808", "1" * 30, "-1", "²"])
def test_feed_with_an_impossible_organiser_filters_nothing(client, network, kind, organiser):
    client.raise_request_exception = False
    response = client.get(f"/feeds/{network.slug}/events.{kind}?organiser={organiser}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_new_meeting_with_a_superscript_group_starts_without_a_group(hostile_client, network):
    response = hostile_client.get(f"/de/{network.slug}/workspace/meetings/add/?group=²")
    assert response.status_code == 200
    assert response.context["form"].initial.get("group") is None


@pytest.mark.django_db
def test_new_meeting_with_a_group_id_starts_with_that_group(hostile_client, network):
    with scope(network=network):
        group = WorkingGroupFactory(network=network)
    response = hostile_client.get(f"/de/{network.slug}/workspace/meetings/add/?group={group.pk}")
    assert response.context["form"].initial["group"] == group.pk


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["²", "1" * 30, "-1", "1999", "2032"])
def test_attendance_of_an_impossible_year_shows_this_year(hostile_client, network, year):
    response = hostile_client.get(f"/de/{network.slug}/workspace/meetings/attendance/?year={year}")
    assert response.status_code == 200
    assert response.context["year"] == 2031


@pytest.mark.django_db
def test_attendance_of_a_past_year_shows_that_year(hostile_client, network):
    response = hostile_client.get(f"/de/{network.slug}/workspace/meetings/attendance/?year=2029")
    assert response.context["year"] == 2029


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["from=²", "to=²", "from=" + "9" * 30, "to=-1"])
def test_page_changes_between_impossible_versions_are_404(hostile_client, network, query):
    with scope(network=network):
        page = make_page(network)
    response = hostile_client.get(
        f"/de/{network.slug}/workspace/knowledge/pages/{page.pk}/changes/?{query}"
    )
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["²", "1" * 30])
def test_upload_to_an_impossible_page_is_404(hostile_client, network, page):
    response = hostile_client.get(
        f"/de/{network.slug}/workspace/knowledge/documents/upload/?page={page}"
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_signature_with_an_impossible_version_starts_from_the_current_one(hostile_client, network):
    with scope(network=network):
        organisation = OrganisationFactory(network=network)
        current = AgreementVersionFactory(network=network)
    response = hostile_client.get(
        f"/de/{network.slug}/manage/members/{organisation.pk}/signatures/add/?version=²"
    )
    assert response.status_code == 200
    assert response.context["form"].initial["version"] == current.pk


@pytest.mark.django_db
def test_an_agenda_position_beyond_any_list_is_a_form_error(hostile_client, network):
    with scope(network=network):
        item = AgendaItemFactory(meeting=MeetingFactory(network=network))
    response = hostile_client.post(
        f"/de/{network.slug}/workspace/meetings/agenda/{item.pk}/edit/",
        {"title": "Bericht", "position": "1" * 30},
    )
    assert response.status_code == 200
    assert "position" in response.context["form"].errors
