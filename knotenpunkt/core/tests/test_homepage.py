"""The network's public home page shows what a visitor came for: the next events, the next
plenary meeting, the members and the public knowledge pages; each block comes from its app."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core import blocks
from knotenpunkt.eventcalendar.models import Event
from knotenpunkt.eventcalendar.tests.factories import EventFactory
from knotenpunkt.knowledge.models import Visibility
from knotenpunkt.knowledge.tests.factories import make_group, make_page
from knotenpunkt.meetings.models import Meeting
from knotenpunkt.meetings.tests.factories import MeetingFactory
from knotenpunkt.members.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
NOW = "2026-12-07T09:00"  # the network's zone


def at(day: int, hour: int, month: int = 12, year: int = 2026) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=BERLIN)


def home(client, network, lang="en") -> str:
    response = client.get(reverse("core:home", kwargs={"lang": lang, "network": network.slug}))
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.text)


def card(html: str, name: str) -> str:
    return html.split(f'<li class="card home-{name}">', 1)[1].split("</li> <li class=", 1)[0]


def test_every_block_is_registered_by_its_app_in_the_order_a_visitor_reads():
    assert blocks.templates(blocks.HOME) == [
        "publishing/_home_intro.html",
        "eventcalendar/_home_events.html",
        "offers/_home_offers.html",
        "meetings/_home_plenary.html",
        "members/_home_members.html",
        "publishing/_home_news.html",
        "knowledge/_home_pages.html",
        "voices/_home_voices.html",
        "infomail/_home_infomail.html",
    ]


def test_a_new_network_has_friendly_empty_blocks(client, network, clock):
    clock.move_to(NOW)
    html = home(client, network)
    assert "No upcoming events yet." in html
    assert "No plenary meeting is planned yet." in html
    assert "No organisation has joined the network yet." in html
    assert "No public pages yet." in html


def test_the_next_three_published_events_with_date_and_place(client, network, clock):
    clock.move_to(NOW)
    EventFactory(network=network, title="Gestern", starts_at=at(6, 18), ends_at=at(6, 20))
    EventFactory(
        network=network,
        title="Abgesagt",
        starts_at=at(8, 9),
        ends_at=at(8, 10),
        status=Event.Status.CANCELLED,
    )
    EventFactory(
        network=network,
        title="Entwurf",
        starts_at=at(8, 9),
        ends_at=at(8, 10),
        status=Event.Status.SUBMITTED,
    )
    EventFactory(
        network=network,
        title="Sprachcafé",
        starts_at=at(9, 17),
        ends_at=at(9, 19),
        place_name="Stadtteilzentrum Nord",
    )
    EventFactory(network=network, title="Lesefest", starts_at=at(12, 10), ends_at=at(12, 12))
    EventFactory(
        network=network,
        title="Wöchentlicher Treff",
        starts_at=at(1, 18),
        ends_at=at(1, 19),
        rrule="FREQ=WEEKLY",
    )  # next on 8 December
    EventFactory(
        network=network, title="Im Januar", starts_at=at(5, 18, 1, 2027), ends_at=at(5, 19, 1, 2027)
    )

    events = card(home(client, network), "events")
    titles = re.findall(r'dir="auto">([^<]+)</a>', events)
    assert titles == ["Wöchentlicher Treff", "Sprachcafé", "Lesefest"]
    assert '<time datetime="2026-12-09T17:00:00+01:00">' in events
    assert "<bdi>Stadtteilzentrum Nord</bdi>" in events
    calendar = reverse("eventcalendar:calendar", kwargs={"lang": "en", "network": network.slug})
    assert f'<a href="{calendar}">All events in the calendar</a>' in events


def test_the_next_plenary_with_its_time_place_and_how_to_take_part(
    client, network, clock, coordinator
):
    clock.move_to(NOW)
    network.contact_email = "netzwerk@example.org"
    network.save()
    MeetingFactory(network=network, title="Vorbei", starts_at=at(1, 17), ends_at=at(1, 20))
    MeetingFactory(
        network=network,
        title="Abgesagt",
        starts_at=at(10, 17),
        ends_at=at(10, 20),
        status=Meeting.Status.CANCELLED,
    )
    MeetingFactory(
        network=network,
        title="AG-Sitzung",
        kind=Meeting.Kind.TRAINING,
        starts_at=at(11, 17),
        ends_at=at(11, 20),
    )
    plenary = MeetingFactory(
        network=network,
        title="Netzwerktreffen",
        starts_at=at(22, 15),
        ends_at=at(22, 19),
        place="Rathaus, Festsaal",
        online_link="https://meet.example.org/geheim",
    )
    MeetingFactory(
        network=network, title="Später", starts_at=at(20, 15, 2, 2027), ends_at=at(20, 19, 2, 2027)
    )

    shown = card(home(client, network), "plenary")
    assert "Netzwerktreffen" in shown and "Später" not in shown
    assert '<time datetime="2026-12-22T15:00:00+01:00">' in shown
    assert "<bdi>Rathaus, Festsaal</bdi>" in shown
    assert 'href="mailto:netzwerk@example.org"' in shown
    assert "meet.example.org" not in shown  # the online link is for the registered
    detail = reverse(
        "meetings:detail", kwargs={"lang": "en", "network": network.slug, "meeting_id": plenary.pk}
    )
    assert detail not in shown

    client.force_login(coordinator)
    assert f'<a href="{detail}">Details and registration</a>' in card(
        home(client, network), "plenary"
    )


def test_the_member_count_and_the_way_to_the_directory(client, network):
    for _n in range(3):
        MembershipFactory(organisation=OrganisationFactory(network=network))
    MembershipFactory(
        organisation=OrganisationFactory(network=network), left_on=datetime.date(2025, 1, 1)
    )
    OrganisationFactory(network=network)  # never joined
    members = card(home(client, network), "members")
    assert "3 organisations work together in this network." in members
    directory = reverse("members:directory", kwargs={"lang": "en", "network": network.slug})
    assert f'<a href="{directory}">Find members in the directory</a>' in members


def test_the_public_knowledge_pages_and_the_way_to_all_of_them(client, network):
    make_page(network, title="Willkommen", visibility=Visibility.PUBLIC)
    make_page(network, title="Intern", visibility=Visibility.NETWORK)
    group = make_group(network, "Wohnen")
    make_page(network, title="Checkliste Wohnung", visibility=Visibility.PUBLIC, group=group)
    make_page(network, title="Nur für die AG", visibility=Visibility.GROUP, group=group)

    knowledge = card(home(client, network), "knowledge")
    assert "Willkommen" in knowledge and "Checkliste Wohnung" in knowledge
    assert "Intern" not in knowledge and "Nur für die AG" not in knowledge
    listing = reverse("knowledge:public_pages", kwargs={"lang": "en", "network": network.slug})
    assert f'<a href="{listing}">All public pages</a>' in knowledge


def test_the_home_page_costs_a_bounded_number_of_queries(
    client, network, clock, django_assert_max_num_queries
):
    clock.move_to(NOW)
    for day in range(8, 20):
        EventFactory(network=network, starts_at=at(day, 18), ends_at=at(day, 20))
        make_page(network, visibility=Visibility.PUBLIC)
    MeetingFactory(network=network, starts_at=at(22, 15), ends_at=at(22, 19))
    UserFactory()
    # network, footer, arrangement, introduction, event dates, their events, translations,
    # plenary, members, news, pages (footer, arrangement and introduction are memoised)
    with django_assert_max_num_queries(11):
        home(client, network)


def test_people_with_a_role_see_the_same_home_page_blocks(client, network, clock):
    clock.move_to(NOW)
    user = UserFactory()
    grant_role(user, network, "member_contact")
    client.force_login(user)
    html = home(client, network)
    for name in ("events", "plenary", "members", "knowledge"):
        assert f'<li class="card home-{name}">' in html
