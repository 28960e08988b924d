"""Meetings, their current minutes and decisions are found in the network's search."""

import pytest

from knotenpunkt.core import search
from knotenpunkt.meetings import services

from .factories import MeetingFactory
from .helpers import url

pytestmark = pytest.mark.django_db


def found(network, user, query):
    page = search.search(network=network, viewer=search.viewer_for(user, network), query=query)
    return [(str(result.kind), result.url) for result in page.results]


def test_a_meeting_is_found_by_title_and_description(network, other_network, member_contact):
    meeting = MeetingFactory(
        network=network, title="Plenum Gesundheit", description="Mit **Dolmetschern** für Türkçe"
    )
    detail = url(network, "detail", meeting_id=meeting.pk)
    assert found(network, member_contact, "gesundheit") == [("Meeting", detail)]
    assert found(network, member_contact, "dolmetsch") == [("Meeting", detail)]
    assert found(other_network, member_contact, "gesundheit") == []


def test_only_the_current_minutes_are_found_and_follow_the_meetings_title(
    network, coordinator, member_contact
):
    meeting = MeetingFactory(network=network, title="AG Wohnen")
    minutes = url(network, "minutes", meeting_id=meeting.pk)
    first = services.minutes_save(meeting=meeting, actor=coordinator, text="Die Mietpreisbremse")
    assert found(network, member_contact, "mietpreis") == [("Minutes", minutes)]
    services.minutes_save(meeting=meeting, actor=coordinator, text="Der Straßenbau kommt")
    assert found(network, member_contact, "mietpreis") == []
    assert found(network, member_contact, "strassenbau") == [("Minutes", minutes)]
    services.minutes_restore(version=first, actor=coordinator)
    assert found(network, member_contact, "mietpreis") == [("Minutes", minutes)]
    assert found(network, member_contact, "strassenbau") == []
    services.meeting_update(meeting=meeting, actor=coordinator, title="AG Wohnen und Quartier")
    assert ("Minutes", minutes) in found(network, member_contact, "quartier")


def test_decisions_are_found(network, coordinator, member_contact):
    meeting = MeetingFactory(network=network)
    services.decision_record(meeting=meeting, actor=coordinator, text="Sprachcafé jeden Freitag")
    assert found(network, member_contact, "sprachcafe") == [
        ("Decision", url(network, "detail", meeting_id=meeting.pk))
    ]


def test_a_reindex_rebuilds_the_same_entries(network, coordinator, member_contact):
    meeting = MeetingFactory(network=network, title="Plenum")
    services.minutes_save(meeting=meeting, actor=coordinator, text="Altes Protokoll")
    services.minutes_save(meeting=meeting, actor=coordinator, text="Neues Protokoll")
    search.search_reindex(network)
    assert [kind for kind, _url in found(network, member_contact, "protokoll")] == ["Minutes"]
    assert found(network, member_contact, "altes") == []
