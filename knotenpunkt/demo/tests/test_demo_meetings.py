"""The demo's working groups, meetings, café and wiki: plausible, current, and usable."""

import datetime

import pytest
from django.utils import timezone

from knotenpunkt.accounts.models import User
from knotenpunkt.core import search
from knotenpunkt.core.policy import can
from knotenpunkt.knowledge.models import Page, Visibility
from knotenpunkt.meetings import services
from knotenpunkt.meetings.models import ActionItem, CafeSession, Meeting, Registration
from knotenpunkt.meetings.selectors import (
    meetings_list,
    open_actions_for_user,
    registration_is_open,
    sessions_of,
)
from knotenpunkt.members.models import Person
from knotenpunkt.workinggroups.models import Goal, WorkingGroup
from knotenpunkt.workinggroups.selectors import groups_of_user

GROUP_NAMES = {
    "Sprache und Bildung",
    "Arbeit und Ausbildung",
    "Gesundheit",
    "Wohnen",
    "Kinder, Jugend und Familie",
    "Frauen",
    "Ehrenamt",
    "Interkulturelle Öffnung der Verwaltung",
}
YEAR = datetime.timedelta(days=365)


def _user(kind: str) -> User:
    return User.objects.get(email=f"{kind}@musterstadt.example")


def test_the_eight_groups_have_leads_members_goals_and_targets(musterstadt):
    groups = list(WorkingGroup.objects.filter(network=musterstadt))
    assert {group.name for group in groups} == GROUP_NAMES
    for group in groups:
        current = group.memberships.filter(left_on__isnull=True)
        assert 1 <= current.filter(is_lead=True).count() <= 2, group
        assert 5 <= current.count() <= 12, group
        assert current.filter(organisation__isnull=False).count() == current.count()
        assert 2 <= group.meetings_per_year_target <= 6
        assert "\n" in group.mandate.strip()  # Markdown, not a one-liner
    statuses = set(Goal.objects.filter(network=musterstadt).values_list("status", flat=True))
    assert statuses == set(Goal.Status.values)


def test_the_demo_logins_lead_their_groups(musterstadt):
    member, city = _user("member"), _user("city")
    assert [(g.name, g.leads_it) for g in groups_of_user(user=member, network=musterstadt)] == [
        ("Sprache und Bildung", True)
    ]
    verwaltung = WorkingGroup.objects.get(network=musterstadt, slug="interkulturelle-oeffnung")
    assert can(city, verwaltung.network, "groups.lead", verwaltung)
    # The member took over from a predecessor, who sat in the group until the handover.
    sprache = WorkingGroup.objects.get(network=musterstadt, slug="sprache-und-bildung")
    former = sprache.memberships.filter(left_on__isnull=False, organisation__name__contains="Brü")
    assert former.count() == 1


def test_a_year_of_group_meetings_some_groups_behind_their_target(musterstadt):
    now = timezone.now()
    behind = 0
    for group in WorkingGroup.objects.filter(network=musterstadt):
        meetings = group.meetings.filter(status=Meeting.Status.SCHEDULED)
        held = meetings.filter(ends_at__lt=now)
        assert not held.filter(starts_at__lt=now - YEAR - datetime.timedelta(days=7)).exists()
        assert 1 <= held.count() <= group.meetings_per_year_target
        behind += held.count() < group.meetings_per_year_target
        assert meetings.filter(starts_at__gt=now).count() == 1  # the next one is planned
        for meeting in held:
            assert meeting.agenda_items.count() >= 3
            assert meeting.minutes_versions.exists()
            assert meeting.attendances.exists()
            assert meeting.attendances.filter(organisation__isnull=True).count() == 0
    assert behind >= 2
    cancelled = Meeting.objects.filter(network=musterstadt, status=Meeting.Status.CANCELLED)
    assert not any(meeting.minutes_versions.exists() for meeting in cancelled)


def test_actions_are_open_overdue_or_done(musterstadt):
    today = timezone.localdate(timezone.now(), musterstadt.tz)
    actions = ActionItem.objects.filter(network=musterstadt)
    done = actions.filter(status=ActionItem.Status.DONE)
    open_ = actions.filter(status=ActionItem.Status.OPEN)
    assert done.count() >= 10
    assert open_.filter(due_on__gte=today).count() >= 5
    assert 3 <= open_.filter(due_on__lt=today).count() <= actions.count() // 3
    assert all(item.done_at <= timezone.now() for item in done)
    # Nothing was done before its meeting was over.
    for item in done.select_related("meeting"):
        assert item.done_at > item.meeting.ends_at


def test_the_demo_member_sees_her_open_actions(musterstadt, client):
    member = _user("member")
    mine = list(open_actions_for_user(user=member, network=musterstadt))
    assert any(item.is_overdue for item in mine)
    assert any(not item.is_overdue for item in mine)
    client.force_login(member)
    page = client.get("/de/musterstadt/workspace/meetings/actions/").text
    section = page.split('class="my-actions"', 1)[1].split("</section>", 1)[0]
    for item in mine:
        assert item.text in section


def test_this_years_five_plenaries_with_their_cafe(musterstadt):
    now = timezone.now()
    plenaries = list(
        Meeting.objects.filter(network=musterstadt, kind=Meeting.Kind.PLENARY).order_by("starts_at")
    )
    assert len(plenaries) == 5
    assert plenaries[-1].starts_at - plenaries[0].starts_at < YEAR
    past = [meeting for meeting in plenaries if meeting.ends_at < now]
    assert 1 <= len(past) <= 4
    kinds = set()
    for meeting in plenaries:
        local = meeting.starts_at.astimezone(musterstadt.tz)
        assert (local.hour, local.minute) == (15, 0)  # Berlin wall-clock time, stored in UTC
        sessions = list(meeting.sessions.select_related("host_organisation"))
        assert 3 <= len(sessions) <= 6
        kinds |= {session.kind for session in sessions}
        for session in sessions:
            assert session.host_organisation.memberships.filter(left_on__isnull=True).exists()
            assert meeting.starts_at <= session.starts_at < session.ends_at <= meeting.ends_at
        registered = meeting.registrations.filter(session__isnull=True)
        assert registered.filter(status=Registration.Status.CONFIRMED).count() >= 10
        if meeting in past:
            assert meeting.attendances.count() >= 10
            assert meeting.minutes_versions.exists() and meeting.decisions.exists()
        else:
            assert not meeting.attendances.exists() and not meeting.minutes_versions.exists()
    assert kinds == set(CafeSession.Kind.values)


def test_no_meeting_or_session_is_over_capacity(musterstadt):
    past, upcoming = (meetings_list(network=musterstadt, when=when) for when in ("past", ""))
    meetings = [*past, *upcoming]
    assert len(meetings) == Meeting.objects.filter(network=musterstadt).count()
    for meeting in meetings:
        if meeting.capacity:
            assert meeting.confirmed_count <= meeting.capacity
        for session in sessions_of(meeting=meeting):
            if session.capacity:
                assert session.confirmed_count <= session.capacity


def _full_session(network) -> CafeSession:
    upcoming = Meeting.objects.filter(
        network=network, kind=Meeting.Kind.PLENARY, starts_at__gt=timezone.now()
    )
    full = [
        session
        for meeting in upcoming
        for session in sessions_of(meeting=meeting)
        if session.free_seats == 0 and session.waitlisted_count
    ]
    assert full, "an upcoming café session is booked out, with a waiting list"
    return full[0]


def test_a_full_session_takes_newcomers_onto_its_waiting_list(musterstadt):
    session = _full_session(musterstadt)
    assert registration_is_open(meeting=session.meeting, item=session)
    newcomer = (
        Person.objects.filter(network=musterstadt, positions__ended_on__isnull=True)
        .exclude(meeting_registrations__session=session)
        .first()
    )
    registration = services.session_register(
        session=session, person=newcomer, actor=_user("coordinator")
    )
    assert registration.status == Registration.Status.WAITLISTED
    # A cancelled seat goes to the first who waited, not to the newcomer.
    first_waiting = session.registrations.filter(status="waitlisted").order_by("created_at", "pk")
    first_waiting = first_waiting.first()
    seat = session.registrations.filter(status="confirmed").first()
    services.registration_cancel(registration=seat, actor=_user("coordinator"))
    first_waiting.refresh_from_db()
    assert first_waiting.status == Registration.Status.CONFIRMED
    registration.refresh_from_db()
    assert registration.status == Registration.Status.WAITLISTED


@pytest.mark.parametrize("kind", ["member", "coordinator"])
def test_search_finds_the_minutes_of_a_demo_meeting(musterstadt, client, kind):
    user = _user(kind)
    page = search.search(
        network=musterstadt, viewer=search.viewer_for(user, musterstadt), query="brückenkurs"
    )
    minutes = [r for r in page.results if r.entry.target_type == "meetings.minutesversion"]
    assert minutes
    client.force_login(user)
    response = client.get(minutes[0].url)
    assert response.status_code == 200
    assert "Brückenkurs" in response.text


def test_wiki_pages_have_their_history(musterstadt, client):
    pages = list(Page.objects.filter(network=musterstadt).select_related("current_revision"))
    assert len(pages) >= 5
    assert {page.group_id is None for page in pages} == {True, False}
    assert {page.visibility for page in pages} == set(Visibility.values)
    for page in pages:
        revisions = list(page.revisions.order_by("number"))
        assert 2 <= len(revisions) <= 3
        assert page.current_revision == revisions[-1]
        times = [revision.created_at for revision in revisions]
        assert times == sorted(times) and times[-1] < timezone.now()
        assert len({revision.body for revision in revisions}) == len(revisions)
    public = next(page for page in pages if page.visibility == Visibility.PUBLIC)
    assert client.get(f"/de/musterstadt/knowledge/{public.path}/").status_code == 200
