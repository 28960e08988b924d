"""The demo's event calendar: about 150 events of many members over the coming four months.

Recurring series (weekly, monthly on the n-th weekday, every 14 days) with an excluded
date, translated texts, a few events of the demo member waiting for moderation, one
rejected, one cancelled, trusted organisations, and a draft edition of the current period.
Dates are placed around the day of loading; everything else comes from the seeded chance.
"""

import datetime
from dataclasses import dataclass

from dateutil.rrule import rrulestr

from knotenpunkt.eventcalendar.editions import edition_prepare, periods_upcoming
from knotenpunkt.eventcalendar.models import Edition, Event, EventTranslation
from knotenpunkt.eventcalendar.recurrence import check_recurrence
from knotenpunkt.members.models import Organisation

from .events_data import HOLIDAYS, ONLINE_BASE, PLACES, SERIES, TRUSTED, Series, Single
from .events_data_community import SINGLES_COMMUNITY
from .events_data_singles import SINGLES_ADVICE
from .rows import Demo, german_date

# The order fixes the seeded dates: the same demo on every machine.
SINGLES = SINGLES_ADVICE + SINGLES_COMMUNITY
HORIZON = 120  # days ahead: "the coming four months"
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Calendar:
    events: list[Event]
    edition: Edition


def calendar_add(demo: Demo) -> Calendar:
    """All the demo's events and their translations (bulk), trusted members, a draft edition."""
    network = demo.network
    Organisation.objects.filter(network=network, name__in=TRUSTED).update(trusted=True)
    organisations = {
        organisation.name: organisation
        for organisation in Organisation.objects.filter(network=network)
    }
    events = [_series(demo, spec, organisations[spec.organiser]) for spec in SERIES]
    for spec in SINGLES:
        organisation = organisations[spec.organiser]
        events.extend(_single(demo, spec, organisation, day) for day in _single_days(demo, spec))
    demo.rows.save()
    period = periods_upcoming(network=network, today=demo.today, count=1)[0]
    edition = edition_prepare(network=network, actor=demo.authors.get("coordinator"), period=period)
    return Calendar(events=events, edition=edition)


# Dates ---------------------------------------------------------------------------------------


def _clock(value: str) -> datetime.time:
    hours, minutes = value.split(":")
    return datetime.time(int(hours), int(minutes))


def _is_holiday(day: datetime.date) -> bool:
    return (day.month, day.day) in HOLIDAYS


def _single_days(demo: Demo, spec: Single) -> list[datetime.date]:
    """`times` days spread over the horizon, each on one of the template's weekdays."""
    segment = HORIZON / spec.times
    days = []
    for number in range(spec.times):
        offset = 1 + int(segment * number) + demo.rng.randint(0, max(0, int(segment) - 8))
        day = demo.today + offset * DAY
        while day.weekday() not in spec.days or _is_holiday(day):
            day += DAY
        if day > demo.today + HORIZON * DAY:
            day -= 7 * DAY
        days.append(day)
    return days


def _series_rule(
    demo: Demo, spec: Series
) -> tuple[datetime.datetime, str, list[datetime.datetime]]:
    """The first start and the complete rule; the excluded starts (the template's `skip`
    first, then any in the holidays), all as naive local times."""
    probe_start = datetime.datetime.combine(demo.today + DAY, _clock(spec.at))
    candidates = rrulestr(spec.probe or spec.rule, dtstart=probe_start)
    first = next(start for start in candidates if not _is_holiday(start.date()))
    kind, value = spec.end
    if kind == "count":
        rule = f"{spec.rule};COUNT={value}"
    else:
        rule = f"{spec.rule};UNTIL={first.date() + value * DAY:%Y%m%d}T235959"
    starts = list(rrulestr(rule, dtstart=first))
    excluded = [starts[spec.skip]] if spec.skip is not None else []
    excluded += [start for start in starts if _is_holiday(start.date()) and start not in excluded]
    return first, rule, excluded


# Events --------------------------------------------------------------------------------------


def _where(demo: Demo, spec, organisation: Organisation) -> dict:
    if spec.place is None:
        return {"online_link": f"{ONLINE_BASE}{spec.key}", "step_free": True}
    if spec.place == "own":
        address = f"{organisation.street}, {organisation.postal_code} {organisation.city}"
        step_free = spec.step_free if spec.step_free is not None else demo.rng.random() < 0.6
        return {"place_name": organisation.name, "address": address, "step_free": step_free}
    place = PLACES[spec.place]
    step_free = spec.step_free if spec.step_free is not None else place.step_free
    return {"place_name": place.name, "address": place.address, "step_free": step_free}


def _registration(spec, organisation: Organisation) -> str:
    if not spec.registration:
        return ""
    domain = organisation.email.rsplit("@", 1)[-1]
    return f"https://www.{domain}/anmeldung/"


def _event(demo: Demo, spec, organisation: Organisation, *, starts, all_day=False) -> Event:
    """An event as the moderation left it; a trusted organisation's was published directly."""
    zone = demo.network.tz
    starts_at = starts.replace(tzinfo=zone)
    ends_at = starts_at + (DAY if all_day else datetime.timedelta(minutes=spec.minutes))
    contact = demo.directory.main(organisation.name)
    submitted_by = demo.author(contact.person if contact else None)
    created = demo.now - datetime.timedelta(days=demo.rng.randint(10, 60), hours=3)
    event = Event(
        network=demo.network,
        uid=demo.uid(),
        original_language=spec.original_language,
        title=spec.title,
        description=spec.description,
        starts_at=starts_at.astimezone(datetime.UTC),
        ends_at=ends_at.astimezone(datetime.UTC),
        all_day=all_day,
        time_zone=demo.network.time_zone,
        organiser=organisation,
        audiences=list(spec.audiences),
        languages=list(spec.languages),
        is_free=not spec.cost,
        cost=spec.cost,
        sign_language=spec.sign_language,
        childcare=spec.childcare,
        registration_url=_registration(spec, organisation),
        status=Event.Status.PUBLISHED,
        submitted_by=submitted_by,
        created_at=created,
        updated_at=created,
        **_where(demo, spec, organisation),
    )
    if organisation.name not in TRUSTED:
        event.moderated_by = demo.authors.get("coordinator")
        event.moderated_at = created + datetime.timedelta(days=1, hours=2)
        event.updated_at = event.moderated_at
    demo.rows.add(event)
    for language, (title, description) in spec.translations.items():
        demo.rows.add(
            EventTranslation(
                network=demo.network,
                event=event,
                language=language,
                title=title,
                description=description,
            )
        )
    return event


def _series(demo: Demo, spec: Series, organisation: Organisation) -> Event:
    first, rule, excluded = _series_rule(demo, spec)
    event = _event(demo, spec, organisation, starts=first)
    zone = demo.network.tz
    event.rrule = rule
    event.exdates = [start.replace(tzinfo=zone).isoformat() for start in sorted(excluded)]
    if spec.skip is not None and spec.skip_note:
        day = german_date(excluded[0].date())
        event.description += "\n\n" + spec.skip_note.format(day=day)
    check_recurrence(event)
    return event


def _single(demo: Demo, spec: Single, organisation: Organisation, day: datetime.date) -> Event:
    starts = datetime.datetime.combine(
        day, datetime.time(0, 0) if spec.all_day else _clock(spec.at)
    )
    event = _event(demo, spec, organisation, starts=starts, all_day=spec.all_day)
    if spec.status != Event.Status.PUBLISHED:
        # The demo member proposed these recently; the coordinator has yet to look at most.
        event.status = spec.status
        event.submitted_by = demo.authors.get("member")
        event.created_at = demo.now - datetime.timedelta(days=demo.rng.randint(1, 6), hours=5)
        event.moderated_by = event.moderated_at = None
        if spec.status == Event.Status.REJECTED:
            event.rejection_reason = spec.rejection_reason
            event.moderated_by = demo.authors.get("coordinator")
            event.moderated_at = event.created_at + datetime.timedelta(hours=20)
        event.updated_at = event.moderated_at or event.created_at
    elif spec.cancel:
        event.status = Event.Status.CANCELLED
        event.sequence = 1
        event.updated_at = demo.now - datetime.timedelta(days=2)
    check_recurrence(event)
    return event
