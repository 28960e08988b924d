"""The demo's plenaries: five network meetings around today, each with its network café,
registrations (a full session with a waiting list among them), and the records of those held."""

import datetime

from knotenpunkt.meetings.models import CafeSession, Meeting, Registration
from knotenpunkt.members.models import Person

from .plenaries_data import OFFSETS, PLENARIES, PLENARY_AGENDA, ROOMS, Plenary, Session
from .records import (
    Section,
    action_add,
    agenda_add,
    attendance_add,
    decision_add,
    minutes_add,
    minutes_text,
)
from .rows import Demo, back_to_meeting_day, on_to_meeting_day

DAY = datetime.timedelta(days=1)
START, END = 15, 19  # local hours of a plenary
ROUNDS = ((16, 0), (17, 0))  # the café's two rounds
ROUND_LENGTH = datetime.timedelta(minutes=45)
WAITING = 3  # people on the waiting list of a full session
WALK_INS = 3
ATTENDANCE_SHARE = 0.85
CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def plenaries_add(demo: Demo, *, years_back: int = 0) -> list[Meeting]:
    """The five plenaries around today (or around the same day `years_back` years ago)."""
    days = []
    for offset in OFFSETS:
        day = demo.today + (offset - 365 * years_back) * DAY
        days.append(on_to_meeting_day(day) if offset > 0 else back_to_meeting_day(day))
    member = demo.directory.person_of(demo.authors.get("member"))
    meetings = []
    for index, (plenary, day) in enumerate(zip(PLENARIES, days, strict=True)):
        following = days[index + 1] if index + 1 < len(days) else None
        # The demo member comes to most plenaries, not to every one.
        comes = member if index % 3 != 2 else None
        meetings.append(_plenary(demo, plenary, day, following, member=comes))
    return meetings


def _plenary(demo: Demo, plenary: Plenary, day, following, *, member: Person | None) -> Meeting:
    starts_at = demo.at(day, START)
    planned = demo.until_now(min(starts_at - 70 * DAY, demo.now - 21 * DAY))
    meeting = demo.rows.add(
        Meeting(
            network=demo.network,
            kind=Meeting.Kind.PLENARY,
            title=f"Netzwerktreffen: {plenary.theme}",
            description=plenary.description,
            starts_at=starts_at,
            ends_at=demo.at(day, END),
            place=plenary.place,
            capacity=plenary.capacity,
            registration_deadline=demo.at(day - 3 * DAY, 23, 59),
            uid=demo.uid(),
            created_at=planned,
            updated_at=planned,
        )
    )
    agenda_add(demo, meeting, PLENARY_AGENDA)
    sessions = [_session(demo, meeting, day, n, spec) for n, spec in enumerate(plenary.sessions)]
    held = meeting.ends_at < demo.now
    seated = _register_for_meeting(demo, meeting, plenary, member=member, held=held)
    for session, spec in zip(sessions, plenary.sessions, strict=True):
        _register_for_session(demo, meeting, session, spec, seated, member=member)
        if member is not None and not spec.full and spec.capacity:
            member = None  # one session is enough for her
    if held:
        _records(demo, meeting, plenary, day, following, seated)
    return meeting


def _session(demo: Demo, meeting: Meeting, day, number: int, spec: Session) -> CafeSession:
    host = demo.directory.main(spec.host)
    if host is None:  # the host left the network; another member takes the table
        host = demo.directory.main(demo.rng.choice(sorted(demo.directory.by_organisation)))
    starts_at = demo.at(day, *ROUNDS[number % len(ROUNDS)])
    return demo.rows.add(
        CafeSession(
            network=demo.network,
            meeting=meeting,
            kind=spec.kind,
            title=spec.title,
            description=spec.description,
            host_organisation=host.organisation,
            room=ROOMS[number % len(ROOMS)],
            starts_at=starts_at,
            ends_at=starts_at + ROUND_LENGTH,
            capacity=spec.capacity,
            uid=demo.uid(),
            created_at=meeting.created_at + 7 * DAY,
        )
    )


def _registration(demo, meeting, person, *, session=None, status=CONFIRMED, at) -> Registration:
    held = meeting.ends_at < demo.now
    return demo.rows.add(
        Registration(
            network=demo.network,
            meeting=meeting,
            session=session,
            person=person,
            organisation=demo.directory.organisation_of.get(person.pk),
            registered_by_id=person.user_id,
            status=status,
            created_at=at,
            cancelled_at=at + DAY if status == CANCELLED else None,
            # The reminder went out the day before (reminders.py sends it once).
            reminded_at=meeting.starts_at - DAY if held and status == CONFIRMED else None,
        )
    )


def _signing_up(demo: Demo, meeting: Meeting, count: int) -> list[datetime.datetime]:
    """When `count` people registered: between the invitation and the deadline (or now)."""
    opened = meeting.created_at + DAY
    closes = demo.until_now(meeting.registration_deadline) - datetime.timedelta(hours=1)
    return sorted(demo.between(opened, closes) for _ in range(count))


def _register_for_meeting(demo, meeting, plenary, *, member, held) -> list[Person]:
    """Most seats taken for the plenaries held and the next one, fewer for the one after."""
    soon = meeting.starts_at - demo.now < 30 * DAY
    share = demo.rng.uniform(0.6, 0.85) if held or soon else 0.3
    people = [person for person in demo.directory.people if person != member]
    count = round(plenary.capacity * share)
    chosen = ([member] if member else []) + demo.rng.sample(people, k=count - bool(member))
    cancelled = set(demo.rng.sample(chosen[1:], k=2)) if held else set()
    seated = []
    for person, at in zip(chosen, _signing_up(demo, meeting, len(chosen)), strict=True):
        status = CANCELLED if person in cancelled else CONFIRMED
        _registration(demo, meeting, person, status=status, at=at)
        if status == CONFIRMED:
            seated.append(person)
    return seated


def _register_for_session(demo, meeting, session, spec: Session, seated, *, member) -> None:
    """A full session has every seat taken and WAITING people waiting; the others have room."""
    if spec.full:
        seats, waiting = spec.capacity, WAITING
    elif spec.capacity:
        seats, waiting = demo.rng.randint(spec.capacity // 3, spec.capacity - 2), 0
    else:
        seats, waiting = demo.rng.randint(4, 12), 0
    pool = [person for person in seated if person != member]
    wanted = seats + waiting
    chosen = demo.rng.sample(pool, k=min(len(pool), wanted))
    if member is not None and not spec.full and spec.capacity:
        chosen = [member, *chosen[: wanted - 1]]
    # First come, first served: the last to sign up wait.
    times = _signing_up(demo, meeting, len(chosen))
    for number, (person, at) in enumerate(zip(chosen, times, strict=True)):
        status = CONFIRMED if number < seats else WAITLISTED
        _registration(demo, meeting, person, session=session, status=status, at=at)


def _records(demo: Demo, meeting, plenary: Plenary, day, following, seated) -> None:
    """Who came, the minutes, the decisions and the actions of a plenary that took place."""
    organisation_of = demo.directory.organisation_of
    came = [person for person in seated if demo.rng.random() < ATTENDANCE_SHARE]
    others = [person for person in demo.directory.people if person not in seated]
    came += demo.rng.sample(others, k=min(WALK_INS, len(others)))
    attendance_add(demo, meeting, [(person, organisation_of.get(person.pk)) for person in came])
    chair = demo.directory.person_of(demo.authors.get("coordinator"))
    due = following - 7 * DAY if following else day + 60 * DAY
    sections = [Section(title, text) for title, text in plenary.minutes]
    cafe = ", ".join(f"„{session.title}“" for session in plenary.sessions)
    sections.append(Section("Netzwerkcafé", f"Im Netzwerkcafé gab es: {cafe}."))
    for text in plenary.decisions:
        decision_add(demo, meeting, text, day)
        sections[-1].decisions.append(text)
    for text in plenary.actions:
        action_add(demo, meeting, text, owner=chair, due_on=due)
        sections[-1].actions.append((text, chair, due))
    text = minutes_text(
        demo,
        meeting,
        present=len(came),
        organisations=len({organisation_of[p.pk].pk for p in came if p.pk in organisation_of}),
        chair=chair,
        sections=sections,
        next_meeting=following,
    )
    minutes_add(demo, meeting, text, author=demo.author(chair), draft_first=False)
