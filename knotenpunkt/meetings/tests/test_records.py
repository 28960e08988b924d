"""Attendance, minutes with versions, decisions and action items."""

import datetime

import pytest
from django.utils import timezone

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused
from knotenpunkt.meetings import selectors, services
from knotenpunkt.meetings.models import ActionItem, Attendance, MinutesVersion
from knotenpunkt.members.tests.factories import (
    ContactPositionFactory,
    OrganisationFactory,
    PersonFactory,
)
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory

from .factories import ActionItemFactory, MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def today_meeting(network, **fields):
    now = timezone.now()
    return MeetingFactory(
        network=network,
        starts_at=now - datetime.timedelta(minutes=30),
        ends_at=now + datetime.timedelta(hours=2),
        **fields,
    )


def test_check_in_and_out_with_the_organisation_of_the_registration(network, coordinator):
    meeting = today_meeting(network)
    organisation = OrganisationFactory(network=network, name="Caritas")
    registration = RegistrationFactory(meeting=meeting, organisation=organisation)
    person = registration.person
    attendance = services.attendance_check_in(meeting=meeting, person=person, actor=coordinator)
    assert attendance.organisation == organisation
    with pytest.raises(DomainError, match="checked in already"):
        services.attendance_check_in(meeting=meeting, person=person, actor=coordinator)
    services.attendance_check_out(meeting=meeting, person=person, actor=coordinator)
    with pytest.raises(DomainError, match="not checked in"):
        services.attendance_check_out(meeting=meeting, person=person, actor=coordinator)
    # Coming back in keeps one attendance row.
    services.attendance_check_in(meeting=meeting, person=person, actor=coordinator)
    assert Attendance.objects.get().checked_out_at is None
    assert AuditEntry.objects.filter(action__startswith="attendance.").count() == 3


def test_walk_ins_count_for_the_organisation_they_speak_for(network, coordinator):
    meeting = today_meeting(network)
    walk_in = ContactPositionFactory(organisation=OrganisationFactory(network=network)).person
    services.attendance_check_in(meeting=meeting, person=walk_in, actor=coordinator)
    sheet = selectors.attendance_sheet(meeting=meeting)
    [row] = sheet
    assert row.person == walk_in and not row.registered and row.present
    [figures] = selectors.attendance_by_organisation(meetings=[meeting])
    assert figures["organisation_id"] == walk_in.positions.get().organisation_id
    assert figures["people"] == 1


def test_check_in_opens_on_the_day_and_not_for_cancelled_meetings(network, coordinator):
    person = PersonFactory(network=network)
    next_month = MeetingFactory(network=network)
    with pytest.raises(DomainError, match="day of the meeting"):
        services.attendance_check_in(meeting=next_month, person=person, actor=coordinator)
    cancelled = today_meeting(network)
    services.meeting_cancel(meeting=cancelled, actor=coordinator)
    with pytest.raises(DomainError, match="cancelled"):
        services.attendance_check_in(meeting=cancelled, person=person, actor=coordinator)
    assert not Attendance.objects.exists()


def test_the_sheet_lists_confirmed_registrants_and_who_came(network, coordinator):
    meeting = today_meeting(network)
    expected = RegistrationFactory(meeting=meeting, person__full_name="Bea Erwartet")
    RegistrationFactory(meeting=meeting, status="waitlisted", person__full_name="Wim Wartend")
    came = RegistrationFactory(meeting=meeting, person__full_name="Ali Anwesend")
    services.attendance_check_in(meeting=meeting, person=came.person, actor=coordinator)
    sheet = selectors.attendance_sheet(meeting=meeting)
    assert [row.person.full_name for row in sheet] == ["Ali Anwesend", "Bea Erwartet"]
    assert [row.present for row in sheet] == [True, False]
    assert expected.person in [row.person for row in sheet]


def test_every_save_of_the_minutes_is_a_version_and_restoring_saves_again(network, coordinator):
    meeting = MeetingFactory(network=network)
    first = services.minutes_save(meeting=meeting, actor=coordinator, text="Erste Fassung")
    second = services.minutes_save(meeting=meeting, actor=coordinator, text="Zweite Fassung")
    assert (first.number, second.number) == (1, 2)
    with pytest.raises(DomainError, match="unchanged"):
        services.minutes_save(meeting=meeting, actor=coordinator, text="Zweite Fassung ")
    with refused("Write the minutes before saving them.", field="text"):
        services.minutes_save(meeting=meeting, actor=coordinator, text="   ")
    restored = services.minutes_restore(version=first, actor=coordinator)
    assert restored.number == 3 and restored.text == "Erste Fassung"
    assert restored.restored_from == first and restored.author == coordinator
    current = selectors.minutes_versions(meeting=meeting).first()
    assert current == restored
    assert MinutesVersion.objects.filter(meeting=meeting).count() == 3
    actions = AuditEntry.objects.filter(target_type="meetings.minutesversion")
    assert sorted(actions.values_list("action", flat=True)) == [
        "minutes.restore",
        "minutes.save",
        "minutes.save",
    ]


def test_decisions_belong_to_the_meetings_group_by_default(network, coordinator):
    group = WorkingGroupFactory(network=network)
    meeting = MeetingFactory(network=network, kind="working_group", group=group)
    decision = services.decision_record(meeting=meeting, actor=coordinator, text="Flyer drucken")
    assert decision.group == group
    assert decision.decided_on == timezone.localdate(meeting.starts_at, network.tz)
    plenary = MeetingFactory(network=network)
    for_group = services.decision_record(
        meeting=plenary, actor=coordinator, text="AG prüft das", group=group
    )
    network_wide = services.decision_record(meeting=plenary, actor=coordinator, text="Alle")
    assert network_wide.group is None
    assert set(selectors.decisions_list(network=network, group_id=group.pk)) == {
        decision,
        for_group,
    }
    with refused("Write down what was decided.", field="text"):
        services.decision_record(meeting=plenary, actor=coordinator, text=" ")


def test_action_items_are_created_and_completed_once(network, other_network, coordinator):
    meeting = MeetingFactory(network=network)
    owner = PersonFactory(network=network)
    item = services.action_item_create(
        meeting=meeting,
        actor=coordinator,
        text="Raum buchen",
        owner=owner,
        due_on=datetime.date(2030, 1, 31),
    )
    with refused("Choose a person of this network.", field="owner"):
        services.action_item_create(
            meeting=meeting, actor=coordinator, text="X", owner=PersonFactory(network=other_network)
        )
    services.action_item_complete(item=item, actor=coordinator)
    item.refresh_from_db()
    assert item.status == ActionItem.Status.DONE and item.done_at is not None
    with refused("This action is done already.", field=None):
        services.action_item_complete(item=item, actor=coordinator)


def test_my_open_actions_are_only_mine_open_and_of_this_network(
    network, other_network, member_contact
):
    mine = ActionItemFactory(
        meeting=MeetingFactory(network=network),
        owner=member_contact.person,
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    later = ActionItemFactory(
        meeting=MeetingFactory(network=network), owner=member_contact.person, due_on=None
    )
    ActionItemFactory(
        meeting=MeetingFactory(network=network), owner=member_contact.person, status="done"
    )
    ActionItemFactory(meeting=MeetingFactory(network=network))
    foreign_person = PersonFactory(network=other_network, user=member_contact)
    ActionItemFactory(meeting=MeetingFactory(network=other_network), owner=foreign_person)
    actions = list(selectors.open_actions_for_user(user=member_contact, network=network))
    assert actions == [mine, later]
    assert actions[0].is_overdue and not actions[1].is_overdue


def test_a_groups_page_gets_its_decisions_and_open_actions(rf, network, coordinator):
    from django.template.loader import render_to_string

    group = WorkingGroupFactory(network=network)
    meeting = MeetingFactory(network=network, kind="working_group", group=group)
    services.decision_record(meeting=meeting, actor=coordinator, text="Broschüre in 5 Sprachen")
    services.decision_record(meeting=MeetingFactory(network=network), actor=coordinator, text="X")
    open_item = ActionItemFactory(meeting=meeting, text="Übersetzer finden")
    ActionItemFactory(meeting=meeting, text="Erledigt", status="done")
    records = selectors.group_records(group=group)
    assert [d.text for d in records.decisions] == ["Broschüre in 5 Sprachen"]
    assert records.open_actions == [open_item]
    request = rf.get("/")
    request.network, request.user = network, coordinator
    html = render_to_string(
        "meetings/_group_records.html", {"records": records, "group": group}, request=request
    )
    assert "Broschüre in 5 Sprachen" in html and "Übersetzer finden" in html
    assert "Erledigt" not in html
