"""What a demo meeting leaves behind: agenda, attendance, minutes, decisions and action items.

Shared by the working-group meetings and the plenaries. Rows are written as history (the
services refuse check-ins and registrations for past meetings), so the dates are set here.
"""

import datetime
from dataclasses import dataclass, field

from knotenpunkt.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MinutesVersion,
)
from knotenpunkt.members.models import Organisation, Person

from .rows import Demo, german_date

# Share of past-due actions still open (overdue); the others were done in time.
OVERDUE_SHARE = 0.2


@dataclass
class Section:
    """One agenda item in the minutes, with what was decided and who does what by when."""

    title: str
    text: str
    decisions: list[str] = field(default_factory=list)
    actions: list[tuple[str, Person | None, datetime.date]] = field(default_factory=list)


def agenda_add(demo: Demo, meeting: Meeting, titles) -> None:
    for position, title in enumerate(titles, start=1):
        demo.rows.add(
            AgendaItem(network=demo.network, meeting=meeting, position=position, title=title)
        )


def attendance_add(demo: Demo, meeting: Meeting, people: list[tuple[Person, Organisation]]):
    for person, organisation in people:
        demo.rows.add(
            Attendance(
                network=demo.network,
                meeting=meeting,
                person=person,
                organisation=organisation,
                checked_in_at=meeting.starts_at
                + datetime.timedelta(minutes=demo.rng.randint(-15, 20)),
            )
        )


def decision_add(demo: Demo, meeting: Meeting, text: str, day: datetime.date) -> None:
    demo.rows.add(
        Decision(
            network=demo.network,
            meeting=meeting,
            group=meeting.group,
            text=text,
            decided_on=day,
            created_at=demo.until_now(meeting.ends_at + datetime.timedelta(hours=1)),
        )
    )


def action_add(
    demo: Demo,
    meeting: Meeting,
    text: str,
    *,
    owner: Person | None,
    due_on: datetime.date,
    keep_open: bool = False,
) -> ActionItem:
    """Open until due; after that mostly done, some overdue (their reminder went out)."""
    item = ActionItem(
        network=demo.network,
        meeting=meeting,
        text=text,
        owner=owner,
        due_on=due_on,
        created_at=demo.until_now(meeting.ends_at + datetime.timedelta(hours=2)),
    )
    if due_on < demo.today:
        if keep_open or demo.rng.random() < OVERDUE_SHARE:
            item.overdue_reminded_at = demo.at(due_on + datetime.timedelta(days=1), 7)
        else:
            earliest = meeting.ends_at + datetime.timedelta(days=1)
            done_at = demo.at(due_on - datetime.timedelta(days=demo.rng.randint(0, 10)), 11)
            item.status = ActionItem.Status.DONE
            item.done_at = max(earliest, done_at)
    return demo.rows.add(item)


def minutes_text(
    demo: Demo,
    meeting: Meeting,
    *,
    present: int,
    organisations: int,
    chair: Person | None,
    sections: list[Section],
    next_meeting: datetime.date | None,
) -> str:
    """The minutes as a note-taker writes them (Markdown): facts, items, decisions, actions."""
    start = meeting.starts_at.astimezone(demo.network.tz)
    end = meeting.ends_at.astimezone(demo.network.tz)
    facts = [
        f"**Datum:** {german_date(start.date())}, {start:%H:%M}–{end:%H:%M} Uhr",
        f"**Ort:** {meeting.place}",
        f"**Anwesend:** {present} Personen aus {organisations} Organisationen",
    ]
    if chair is not None:
        facts.append(f"**Leitung:** {chair.full_name}")
    parts = ["  \n".join(facts)]
    for number, section in enumerate(sections, start=1):
        parts.append(f"## {number}. {section.title}\n\n{section.text}")
        parts.extend(f"**Beschluss:** {decision}" for decision in section.decisions)
        if section.actions:
            lines = [
                f"- {text} – {owner.full_name if owner else 'offen'}, bis {german_date(due)}"
                for text, owner, due in section.actions
            ]
            parts.append("**Aufgaben:**\n\n" + "\n".join(lines))
    if next_meeting is not None:
        parts.append(f"Die nächste Sitzung ist am {german_date(next_meeting)}.")
    return "\n\n".join(parts) + "\n"


def minutes_add(demo: Demo, meeting: Meeting, text: str, *, author, draft_first: bool) -> None:
    """The minutes, saved a few days after the meeting; some first as a draft, then final."""
    texts = [text]
    if draft_first:
        draft = text.rsplit("\n\n", 1)[0] if text.count("\n\n") > 2 else text
        texts.insert(0, "*Entwurf – Ergänzungen bitte an die Leitung.*\n\n" + draft)
    for number, version_text in enumerate(texts, start=1):
        saved = meeting.ends_at + datetime.timedelta(days=2 + 6 * (number - 1), hours=16)
        demo.rows.add(
            MinutesVersion(
                network=demo.network,
                meeting=meeting,
                number=number,
                text=version_text,
                author=author,
                created_at=demo.until_now(saved),
            )
        )
