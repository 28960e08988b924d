"""The demo's working groups: leads and members from the member organisations, goals, and a
year of meetings with agenda, attendance, minutes, decisions and action items."""

import datetime
from dataclasses import dataclass

from knotenpunkt.meetings.models import Meeting
from knotenpunkt.workinggroups.models import Goal, GroupMembership, WorkingGroup

from .groups_data import CLOSING, GROUPS, OPENING, GroupSpec, Topic
from .records import (
    Section,
    action_add,
    agenda_add,
    attendance_add,
    decision_add,
    minutes_add,
    minutes_text,
)
from .rows import Contact, Demo, back_to_meeting_day, end_of_month, on_to_meeting_day

DAY = datetime.timedelta(days=1)
YEAR = datetime.timedelta(days=365)
MEETING_LENGTH = datetime.timedelta(hours=2)
ATTENDANCE_SHARE = 0.75
TOPICS_PER_MEETING = 2


@dataclass
class GroupPlan:
    spec: GroupSpec
    group: WorkingGroup
    memberships: list[GroupMembership]

    def members_on(self, day: datetime.date) -> list[GroupMembership]:
        return [
            m
            for m in self.memberships
            if m.joined_on <= day and (m.left_on is None or day < m.left_on)
        ]

    def chair_on(self, day: datetime.date) -> GroupMembership | None:
        members = self.members_on(day)
        return next((m for m in members if m.is_lead), members[0] if members else None)


# Groups, members, goals ------------------------------------------------------------------------


def groups_add(demo: Demo, specs=GROUPS, *, copy: int = 0) -> list[GroupPlan]:
    """The groups of `specs`; a copy number > 0 makes numbered twins (for the benchmark)."""
    return [_group(demo, spec, copy) for spec in specs]


def group_plan_load(group: WorkingGroup) -> GroupPlan:
    """The plan of a group that is saved already, to give it more history."""
    spec = next(spec for spec in GROUPS if group.slug.startswith(spec.slug))
    memberships = list(group.memberships.select_related("person", "organisation").order_by("pk"))
    return GroupPlan(spec=spec, group=group, memberships=memberships)


def _group(demo: Demo, spec: GroupSpec, copy: int) -> GroupPlan:
    group = demo.rows.add(
        WorkingGroup(
            network=demo.network,
            name=f"{spec.name} {copy + 1}" if copy else spec.name,
            slug=f"{spec.slug}-{copy + 1}" if copy else spec.slug,
            mandate=spec.mandate,
            meetings_per_year_target=spec.target,
            active_from=spec.active_from,
            created_at=demo.at(spec.active_from, 9),
        )
    )
    plan = GroupPlan(spec=spec, group=group, memberships=[])
    directory = demo.directory
    leads = [c for c in map(directory.main, spec.leads) if c is not None]
    for contact in leads[:2]:
        _join(demo, plan, contact, is_lead=True)
    for contact in filter(None, map(directory.main, spec.members)):
        _join(demo, plan, contact)
    # Organisations whose contacts have a demo login keep to the groups named for them.
    taken = {m.organisation.name for m in plan.memberships}
    free = [
        name
        for name, contacts in directory.by_organisation.items()
        if name not in taken and not any(c.person.user_id for c in contacts)
    ]
    for name in demo.rng.sample(free, k=min(spec.extra_members, len(free))):
        _join(demo, plan, demo.rng.choice(directory.by_organisation[name]))
    if not any(m.is_lead for m in plan.memberships) and plan.memberships:
        plan.memberships[0].is_lead = True
    for text, months, status in spec.goals:
        due = end_of_month(demo.today, months)
        created = max(spec.active_from, min(demo.today - 30 * DAY, due - YEAR))
        demo.rows.add(
            Goal(
                network=demo.network,
                group=group,
                text=text,
                due_on=due,
                status=status,
                created_at=demo.at(created, 11),
            )
        )
    return plan


def _join(demo: Demo, plan: GroupPlan, contact: Contact, *, is_lead: bool = False) -> None:
    """A member since the group (or their position) began; a handover shows as two periods."""
    if any(m.person.pk == contact.person.pk for m in plan.memberships):
        return
    group = plan.group
    joined = max(group.active_from, contact.since)
    if joined > group.active_from:
        joined = min(joined + demo.rng.randint(0, 60) * DAY, demo.today - 30 * DAY)
    before = contact.predecessor
    if contact.is_main and before is not None and before.ended_on > group.active_from + 60 * DAY:
        # The predecessor sat in the group until the handover; the successor took the seat.
        _membership(demo, plan, before.person, contact, is_lead, before.started_on, before.ended_on)
        joined = before.ended_on
    _membership(demo, plan, contact.person, contact, is_lead, joined, None)


def _membership(demo, plan, person, contact, is_lead, joined, left) -> None:
    plan.memberships.append(
        demo.rows.add(
            GroupMembership(
                network=demo.network,
                group=plan.group,
                person=person,
                organisation=contact.organisation,
                is_lead=is_lead,
                joined_on=max(joined, plan.group.active_from),
                left_on=left,
            )
        )
    )


# Meetings --------------------------------------------------------------------------------------


def group_year(demo: Demo, plan: GroupPlan, *, years_back: int = 0) -> None:
    """A year of the group's meetings up to today (or up to `years_back` years ago)."""
    spec = plan.spec
    shift = years_back * YEAR
    held = [
        back_to_meeting_day(demo.today - days * DAY - shift)
        for days in sorted(spec.past_days, reverse=True)
    ]
    upcoming = on_to_meeting_day(demo.today + spec.upcoming_in * DAY) if not years_back else None
    first_topic = years_back * len(held)
    for index, day in enumerate(held):
        topics = _topics(spec, first_topic + index)
        following = held[index + 1] if index + 1 < len(held) else upcoming
        meeting = _meeting(demo, plan, day, topics)
        # A chair with a demo login still has the task from the meeting before last open:
        # "my open actions" shows an overdue one next to those due for the next meeting.
        chair_keeps_open = not years_back and index == len(held) - 2
        _records(demo, plan, meeting, day, topics, following, chair_keeps_open=chair_keeps_open)
    if upcoming is not None:
        _meeting(demo, plan, upcoming, _topics(spec, first_topic + len(held)))
    for days in spec.cancelled_days if not years_back else ():
        day = back_to_meeting_day(demo.today - days * DAY)
        _meeting(demo, plan, day, _topics(spec, days), status=Meeting.Status.CANCELLED)


def _topics(spec: GroupSpec, number: int) -> list[Topic]:
    count = len(spec.topics)
    indexes = {(number * TOPICS_PER_MEETING + n) % count for n in range(TOPICS_PER_MEETING)}
    return [spec.topics[i] for i in sorted(indexes)]


def _meeting(demo: Demo, plan: GroupPlan, day, topics, *, status=Meeting.Status.SCHEDULED):
    group, spec = plan.group, plan.spec
    starts_at = demo.at(day, *spec.start)
    cancelled = status == Meeting.Status.CANCELLED
    planned = demo.until_now(starts_at - 42 * DAY)
    meeting = demo.rows.add(
        Meeting(
            network=demo.network,
            kind=Meeting.Kind.WORKING_GROUP,
            group=group,
            title=f"AG {group.name}: {topics[0].title}",
            description=f"Sitzung der Arbeitsgruppe {group.name}. Gäste melden sich bitte bei "
            "der Leitung.",
            starts_at=starts_at,
            ends_at=starts_at + MEETING_LENGTH,
            place=spec.place,
            online_link=spec.online_link,
            status=status,
            sequence=1 if cancelled else 0,
            uid=demo.uid(),
            created_at=planned,
            updated_at=demo.until_now(starts_at - 7 * DAY) if cancelled else planned,
        )
    )
    agenda_add(demo, meeting, [OPENING, *(topic.title for topic in topics), CLOSING])
    return meeting


def _records(demo, plan, meeting, day, topics, following, *, chair_keeps_open) -> None:
    chair = plan.chair_on(day)
    present = [
        m for m in plan.members_on(day) if m is chair or demo.rng.random() < ATTENDANCE_SHARE
    ]
    attendance_add(demo, meeting, [(m.person, m.organisation) for m in present])
    due = (following - 3 * DAY) if following else day + 42 * DAY
    sections = [Section(OPENING, "Das Protokoll der letzten Sitzung wird angenommen.")]
    for number, topic in enumerate(topics):
        section = Section(topic.title, topic.minutes)
        if topic.decision:
            decision_add(demo, meeting, topic.decision, day)
            section.decisions.append(topic.decision)
        for action_number, text in enumerate(topic.actions):
            by_chair = chair is not None and number == 0 and action_number == 0
            if by_chair or not present:
                owner = chair.person if chair else None
            else:
                owner = demo.rng.choice(present).person
            keep_open = by_chair and chair_keeps_open and bool(owner and owner.user_id)
            action_add(demo, meeting, text, owner=owner, due_on=due, keep_open=keep_open)
            section.actions.append((text, owner, due))
        sections.append(section)
    text = minutes_text(
        demo,
        meeting,
        present=len(present),
        organisations=len({m.organisation.pk for m in present if m.organisation}),
        chair=chair.person if chair else None,
        sections=sections,
        next_meeting=following,
    )
    author = demo.author(chair.person if chair else None)
    minutes_add(demo, meeting, text, author=author, draft_first=demo.rng.random() < 0.5)
