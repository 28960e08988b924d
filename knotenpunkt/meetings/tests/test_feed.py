"""The personal calendar feed: valid iCalendar of one's seats, revocable, bound to its network."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from knotenpunkt.meetings import services
from knotenpunkt.meetings.ical import event_uid
from knotenpunkt.meetings.models import PersonalFeedToken
from knotenpunkt.members.tests.factories import PersonFactory

from .factories import (
    CafeSessionFactory,
    MeetingFactory,
    PersonalFeedTokenFactory,
    RegistrationFactory,
    in_days,
)

pytestmark = pytest.mark.django_db


def feed_path(network, token):
    return reverse(
        "meetings_personal_feed", kwargs={"network_slug": network.slug, "token": token.token}
    )


def test_the_feed_lists_the_persons_confirmed_meetings_and_sessions(client, network):
    person = PersonFactory(network=network)
    token = PersonalFeedTokenFactory(person=person)
    plenary = MeetingFactory(network=network, title="Plenum")
    session = CafeSessionFactory(meeting=plenary, title="Infotisch")
    RegistrationFactory(meeting=plenary, person=person)
    RegistrationFactory(meeting=plenary, session=session, person=person)
    waiting = MeetingFactory(network=network, title="Warteliste")
    RegistrationFactory(meeting=waiting, person=person, status="waitlisted")
    gone = MeetingFactory(network=network, title="Abgemeldet")
    RegistrationFactory(meeting=gone, person=person, status="cancelled")
    RegistrationFactory(meeting=MeetingFactory(network=network, title="Fremd"))
    long_ago = MeetingFactory(
        network=network,
        title="Alt",
        starts_at=in_days(-400),
        ends_at=in_days(-400) + datetime.timedelta(hours=2),
    )
    RegistrationFactory(meeting=long_ago, person=person)

    response = client.get(feed_path(network, token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {event_uid(plenary), event_uid(session)}
    assert str(events[event_uid(plenary)]["SUMMARY"]) == "Plenum"
    assert events[event_uid(plenary)].decoded("DTSTART") == plenary.starts_at


def test_a_cancelled_meeting_stays_in_the_feed_marked_cancelled(client, network, coordinator):
    person = PersonFactory(network=network)
    token = PersonalFeedTokenFactory(person=person)
    meeting = MeetingFactory(network=network)
    RegistrationFactory(meeting=meeting, person=person)
    services.meeting_cancel(meeting=meeting, actor=coordinator)
    [event] = Calendar.from_ical(client.get(feed_path(network, token)).content).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED" and event["SEQUENCE"] == 1


def test_a_revoked_token_is_404(client, network, coordinator):
    token = PersonalFeedTokenFactory(person=PersonFactory(network=network))
    services.feed_token_revoke(feed_token=token, actor=coordinator)
    assert client.get(feed_path(network, token)).status_code == 404


def test_another_networks_token_is_404(client, network, other_network):
    foreign = PersonalFeedTokenFactory(person=PersonFactory(network=other_network))
    assert client.get(feed_path(network, foreign)).status_code == 404
    own = client.get(feed_path(other_network, foreign))
    assert own.status_code == 200 and own["Content-Type"].startswith("text/calendar")
    assert own.content.startswith(b"BEGIN:VCALENDAR")


def test_unknown_tokens_and_networks_are_404(client, network):
    token = PersonalFeedTokenFactory(person=PersonFactory(network=network))
    assert client.get(f"/feeds/{network.slug}/me/nonsense.ics").status_code == 404
    assert client.get(f"/feeds/nowhere/me/{token.token}.ics").status_code == 404
    assert client.post(feed_path(network, token)).status_code == 405


def test_the_feed_page_creates_replaces_and_revokes_the_address(client, network, member_contact):
    client.force_login(member_contact)
    page = f"/en/{network.slug}/workspace/meetings/calendar-feed/"
    assert "Create my feed address" in client.get(page).content.decode()
    client.post(page, {"action": "create"})
    first = PersonalFeedToken.objects.get(person=member_contact.person)
    response = client.get(page)
    assert feed_path(network, first) in response.content.decode()
    client.post(page, {"action": "create"})
    first.refresh_from_db()
    second = PersonalFeedToken.objects.get(person=member_contact.person, revoked_at__isnull=True)
    assert first.revoked_at is not None and second != first
    assert client.get(feed_path(network, first)).status_code == 404
    assert client.get(feed_path(network, second)).status_code == 200
    client.post(page, {"action": "revoke"})
    assert client.get(feed_path(network, second)).status_code == 404


def test_the_feed_page_explains_when_the_account_has_no_person(client, network, coordinator):
    client.force_login(coordinator)
    response = client.get(f"/en/{network.slug}/workspace/meetings/calendar-feed/")
    assert response.status_code == 200
    assert "not linked to a contact person" in response.content.decode()
    assert (
        client.post(
            f"/en/{network.slug}/workspace/meetings/calendar-feed/", {"action": "create"}
        ).status_code
        == 200
    )
    assert not PersonalFeedToken.objects.exists()
