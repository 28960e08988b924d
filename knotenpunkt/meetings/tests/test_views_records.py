"""Attendance (with the PDF), minutes, decisions and action items through their pages."""

import datetime
import io

import pytest
from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfReader

from knotenpunkt.meetings import services
from knotenpunkt.meetings.models import ActionItem, Attendance, Decision, MinutesVersion
from knotenpunkt.meetings.selectors import open_actions_for_user
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory

from .factories import (
    ActionItemFactory,
    DecisionFactory,
    MeetingFactory,
    MinutesVersionFactory,
    RegistrationFactory,
)
from .helpers import url

pytestmark = pytest.mark.django_db


def running_meeting(network, **fields):
    now = timezone.now()
    return MeetingFactory(
        network=network,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=2),
        **fields,
    )


# Attendance ------------------------------------------------------------------------------


def test_check_in_and_out_with_the_buttons(coordinator_client, network):
    meeting = running_meeting(network)
    registration = RegistrationFactory(meeting=meeting, person__full_name="Dara Gast")
    page = url(network, "attendance", meeting_id=meeting.pk)
    assert "Dara Gast" in coordinator_client.get(page).content.decode()
    response = coordinator_client.post(
        url(network, "check_in", meeting_id=meeting.pk), {"person": registration.person.pk}
    )
    assert response.status_code == 302 and response["Location"].startswith(page)
    assert "1 present, 1 registered." in coordinator_client.get(page).content.decode()
    coordinator_client.post(
        url(network, "check_out", meeting_id=meeting.pk), {"person": registration.person.pk}
    )
    assert Attendance.objects.get().checked_out_at is not None
    # A second check-out is refused with a message, not an error page.
    response = coordinator_client.post(
        url(network, "check_out", meeting_id=meeting.pk),
        {"person": registration.person.pk},
        follow=True,
    )
    assert "is not checked in" in response.content.decode()
    assert (
        coordinator_client.get(url(network, "check_in", meeting_id=meeting.pk)).status_code == 405
    )


def test_a_walk_in_of_another_network_cannot_be_checked_in(
    coordinator_client, network, other_network
):
    meeting = running_meeting(network)
    foreign = PersonFactory(network=other_network)
    response = coordinator_client.post(
        url(network, "check_in", meeting_id=meeting.pk), {"person": foreign.pk}, follow=True
    )
    assert "Choose a person of this network." in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_printable_attendance_list_is_a_pdf_with_the_names(coordinator_client, network):
    meeting = running_meeting(network, title="Plenum März")
    organisation = OrganisationFactory(network=network, name="Türkischer Elternverein")
    for name in ["Zeynep Şahin", "Jürgen Groß", "Олена Коваленко", "مريم الحسن"]:
        RegistrationFactory(meeting=meeting, person__full_name=name, organisation=organisation)
    response = coordinator_client.get(
        url(network, "attendance", meeting_id=meeting.pk) + "?format=pdf"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('inline; filename="plenum-marz-')
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in [
        "Plenum März",
        "Zeynep Şahin",
        "Jürgen Groß",
        "Олена Коваленко",
        "Türkischer Elternverein",
        "Signature",
    ]:
        assert expected in text


def test_attendance_figures_per_meeting_and_organisation(
    client, network, city_liaison, coordinator, django_assert_max_num_queries, clock
):
    # The overview counts this year's meetings: well inside one, not in its first hour.
    clock.move_to("2026-06-10T18:00")
    organisation = OrganisationFactory(network=network, name="Diakonie")

    def held(count):
        for _number in range(count):
            meeting = running_meeting(network)
            for _person in range(2):
                registration = RegistrationFactory(meeting=meeting, organisation=organisation)
                services.attendance_check_in(
                    meeting=meeting, person=registration.person, actor=coordinator
                )

    held(2)
    client.force_login(city_liaison)
    page = url(network, "attendance_overview")
    with django_assert_max_num_queries(12) as few:
        response = client.get(page)
    [row] = response.context["by_organisation"]
    assert row["organisation__name"] == "Diakonie"
    assert (row["people"], row["meetings"], row["attendances"]) == (4, 2, 4)
    assert [m.attended_count for m in response.context["meetings"]] == [2, 2]
    held(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(page)


def test_member_contacts_do_not_see_the_figures(client, network, member_contact):
    client.force_login(member_contact)
    assert client.get(url(network, "attendance_overview")).status_code == 403


# Minutes ---------------------------------------------------------------------------------


def test_minutes_are_saved_as_versions_and_markup_is_never_executed(coordinator_client, network):
    meeting = MeetingFactory(network=network)
    page = url(network, "minutes", meeting_id=meeting.pk)
    hostile = (
        "## Ergebnisse\n\n<script>alert('x')</script>\n\n"
        '<img src="x" onerror="alert(1)">\n\n[Link](javascript:alert(2)) und **fett**'
    )
    response = coordinator_client.post(page, {"text": hostile})
    assert response.status_code == 302
    html = coordinator_client.get(page).content.decode()
    assert "<script>alert" not in html and "<img" not in html  # the editor shows it escaped
    shown = html.split('<div class="prose minutes" dir="auto">')[1].split("</div>")[0]
    assert "<h2>Ergebnisse</h2>" in shown and "<strong>fett</strong>" in shown
    assert "script" not in shown and "onerror" not in shown and "javascript:" not in shown
    coordinator_client.post(page, {"text": "Zweite Fassung"})
    assert MinutesVersion.objects.filter(meeting=meeting).count() == 2
    unchanged = coordinator_client.post(page, {"text": "Zweite Fassung"})
    assert unchanged.status_code == 200
    assert unchanged.context["form"].errors["text"] == ["The minutes are unchanged."]


def test_an_old_version_is_shown_and_restored_by_saving_it_again(coordinator_client, network):
    meeting = MeetingFactory(network=network)
    first = MinutesVersionFactory(meeting=meeting, number=1, text="Alte Fassung")
    MinutesVersionFactory(meeting=meeting, number=2, text="Neue Fassung")
    old_page = coordinator_client.get(url(network, "minutes_version", version_id=first.pk))
    assert "Alte Fassung" in old_page.content.decode()
    assert (
        coordinator_client.get(url(network, "minutes_restore", version_id=first.pk)).status_code
        == 405
    )
    coordinator_client.post(url(network, "minutes_restore", version_id=first.pk))
    current = MinutesVersion.objects.filter(meeting=meeting).order_by("-number").first()
    assert (current.number, current.text, current.restored_from) == (3, "Alte Fassung", first)
    html = coordinator_client.get(url(network, "minutes", meeting_id=meeting.pk)).content.decode()
    assert "(restores version 1)" in html


def test_members_read_minutes_but_cannot_write_them(client, network, member_contact):
    meeting = MeetingFactory(network=network)
    MinutesVersionFactory(meeting=meeting, text="Protokolltext")
    client.force_login(member_contact)
    response = client.get(url(network, "minutes", meeting_id=meeting.pk))
    assert "Protokolltext" in response.content.decode() and response.context["form"] is None
    assert (
        client.post(url(network, "minutes", meeting_id=meeting.pk), {"text": "X"}).status_code
        == 403
    )
    version = MinutesVersion.objects.get()
    assert client.post(url(network, "minutes_restore", version_id=version.pk)).status_code == 403


# Decisions -------------------------------------------------------------------------------


def test_decisions_per_network_and_per_group(
    coordinator_client, network, django_assert_max_num_queries
):
    group = WorkingGroupFactory(network=network, name="AG Frauen")
    meeting = MeetingFactory(network=network, kind="working_group", group=group)
    coordinator_client.post(
        url(network, "decision_add", meeting_id=meeting.pk), {"text": "Beschlossen"}
    )
    decision = Decision.objects.get()
    assert decision.group == group
    DecisionFactory(meeting=MeetingFactory(network=network), text="Für alle")
    page = url(network, "decisions")
    assert [d.text for d in coordinator_client.get(f"{page}?group={group.pk}").context["page"]] == [
        "Beschlossen"
    ]
    with django_assert_max_num_queries(12) as few:
        coordinator_client.get(page)
    for _number in range(20):
        DecisionFactory(
            meeting=MeetingFactory(
                network=network, kind="working_group", group=WorkingGroupFactory(network=network)
            )
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(page)
    assert response.context["page"].paginator.count == 22


# Action items ----------------------------------------------------------------------------


def test_action_items_list_with_my_open_actions(
    client, network, member_contact, django_assert_max_num_queries
):
    meeting = MeetingFactory(network=network, title="AG Arbeit")
    mine = ActionItemFactory(meeting=meeting, owner=member_contact.person, text="Flyer verteilen")
    ActionItemFactory(meeting=meeting, text="Fremde Aufgabe")
    client.force_login(member_contact)
    page = url(network, "actions")
    with django_assert_max_num_queries(14) as few:
        response = client.get(page)
    html = response.content.decode()
    assert "My open actions" in html and "Fremde Aufgabe" in html
    assert list(response.context["my_actions"]) == [mine]
    for _number in range(20):
        ActionItemFactory(meeting=MeetingFactory(network=network), owner=member_contact.person)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(page)


def test_the_owner_marks_their_action_done_and_others_may_not(
    client, network, member_contact, colleague
):
    mine = ActionItemFactory(meeting=MeetingFactory(network=network), owner=member_contact.person)
    theirs = ActionItemFactory(meeting=MeetingFactory(network=network), owner=colleague)
    client.force_login(member_contact)
    response = client.post(
        url(network, "action_complete", action_item_id=mine.pk),
        {"next": url(network, "actions")},
    )
    assert response.status_code == 302 and response["Location"] == url(network, "actions")
    assert ActionItem.objects.get(pk=mine.pk).status == "done"
    assert client.post(url(network, "action_complete", action_item_id=theirs.pk)).status_code == 403
    # An outside address is never followed.
    other = ActionItemFactory(meeting=MeetingFactory(network=network), owner=member_contact.person)
    response = client.post(
        url(network, "action_complete", action_item_id=other.pk), {"next": "https://evil.example/"}
    )
    assert response["Location"] == url(network, "actions")


def test_the_coordinator_adds_an_action_with_owner_and_due_date(coordinator_client, network):
    meeting = MeetingFactory(network=network)
    owner = PersonFactory(network=network)
    response = coordinator_client.post(
        url(network, "action_add", meeting_id=meeting.pk),
        {"text": "Einladung schreiben", "owner": owner.pk, "due_on": "2030-02-01"},
    )
    assert response.status_code == 302
    item = ActionItem.objects.get()
    assert (item.owner, item.due_on) == (owner, datetime.date(2030, 2, 1))


def test_the_dashboard_fragment_lists_my_open_actions(rf, network, member_contact):
    overdue = ActionItemFactory(
        meeting=MeetingFactory(network=network, title="Plenum"),
        owner=member_contact.person,
        text="Bericht schreiben",
        due_on=datetime.date(2020, 1, 1),
    )
    request = rf.get("/")
    request.network, request.user = network, member_contact
    html = render_to_string(
        "meetings/_my_actions.html",
        {"my_actions": open_actions_for_user(user=member_contact, network=network)},
        request=request,
    )
    assert "Bericht schreiben" in html and "overdue" in html and "Mark as done" in html
    assert url(network, "action_complete", action_item_id=overdue.pk) in html
    empty = render_to_string("meetings/_my_actions.html", {"my_actions": []}, request=request)
    assert "You have no open actions." in empty


def test_attendance_and_minutes_pages_query_count_does_not_grow(
    coordinator_client, network, coordinator, django_assert_max_num_queries
):
    meeting = running_meeting(network)
    pages = [
        url(network, "attendance", meeting_id=meeting.pk),
        url(network, "minutes", meeting_id=meeting.pk),
    ]

    def fill(count):
        for number in range(count):
            registration = RegistrationFactory(
                meeting=meeting, organisation=OrganisationFactory(network=network)
            )
            services.attendance_check_in(
                meeting=meeting, person=registration.person, actor=coordinator
            )
            services.minutes_save(meeting=meeting, actor=coordinator, text=f"Fassung {number}")

    fill(2)
    counts = []
    for page in pages:
        with django_assert_max_num_queries(20) as captured:
            assert coordinator_client.get(page).status_code == 200
        counts.append(len(captured.captured_queries))
    fill(15)
    for page, count in zip(pages, counts, strict=True):
        with django_assert_max_num_queries(count):
            coordinator_client.get(page)
