"""Importing a member's iCal file: check all of it first, then write all of it in one transaction.

Events are matched by (source, UID), so importing the same file twice changes nothing. Events no
longer in the file are cancelled and marked `removed_at_source`, never deleted: the edition and the
feeds may still name them. Imported events go to moderation unless the organisation is trusted.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

import icalendar
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar.error import BrokenCalendarProperty, IncompleteComponent, InvalidCalendar
from icalendar.prop import vRecur

from knotenpunkt.core.errors import DomainError, ImportRejected
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import check_lengths

from .models import Event
from .recurrence import check_recurrence
from .search import events_index

# VCALENDAR > VTIMEZONE > STANDARD is three deep; allow one level more, refuse anything beyond.
MAX_DEPTH = 4
# A change of these goes back to moderation (issue 4, point 2) unless the organiser is trusted.
MODERATED_FIELDS = {"title", "starts_at", "ends_at", "all_day", "rrule", "exdates"}
_ICAL_ERRORS = (ValueError, TypeError, KeyError, BrokenCalendarProperty, InvalidCalendar)


@dataclass
class ParsedEvent:
    uid: str
    line: int | None
    values: dict  # Event field -> value
    cancelled: bool  # STATUS:CANCELLED in the file


def problem(message, *, uid: str = "", summary: str = "", line: int | None = None) -> dict:
    return {"uid": uid, "summary": summary, "line": line, "message": str(message)}


def _reject(problems: list[dict]):
    raise ImportRejected(_("The calendar file was not imported."), problems=problems)


def _prescan(text: str) -> tuple[list[dict], list[int]]:
    """Nesting, balance and the number of events, before the parser sees the text.

    Returns the problems and the line number of each top-level VEVENT, in file order.
    """
    problems, event_lines, stack = [], [], []
    limit = settings.KNOTENPUNKT_ICAL_MAX_EVENTS
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.strip().upper()
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
            if len(stack) > MAX_DEPTH:
                return [problem(_("The file is nested too deeply."), line=number)], []
            if stack == ["VCALENDAR", "VEVENT"]:
                event_lines.append(number)
                if len(event_lines) > limit:
                    message = _("The file has more than %(max)s events.") % {"max": limit}
                    return [problem(message, line=number)], []
        elif line.startswith("END:"):
            if not stack or stack[-1] != line[4:]:
                message = _("%(line)s does not close what was opened.") % {"line": raw_line[:60]}
                return [problem(message, line=number)], []
            stack.pop()
    if stack:
        problems.append(
            problem(_("The file ends before %(name)s is closed.") % {"name": stack[-1]})
        )
    return problems, event_lines


def _zone_of(value, default: str) -> str:
    key = getattr(getattr(value, "tzinfo", None), "key", None)
    if key and key != "UTC":
        try:
            zoneinfo.ZoneInfo(key)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return default
        return key
    return default


def _aware(value, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    """A DATE becomes local midnight, a floating time is read in the zone, UTC/TZID stay."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(datetime.UTC)


def _rrule_value(component, zone: zoneinfo.ZoneInfo) -> str:
    """The RRULE value with UNTIL as local wall time, the form recurrence.py expands."""
    rules = component.rrules
    if not rules:
        return ""
    if len(rules) > 1:
        raise DomainError(_("Only one repetition rule per event can be imported."))
    rule = vRecur(rules[0])
    untils = rule.get("UNTIL")
    if untils:
        until = untils[0]
        if isinstance(until, datetime.datetime) and until.tzinfo is not None:
            rule["UNTIL"] = [until.astimezone(zone).replace(tzinfo=None)]
    return rule.to_ical().decode()


def _url(value) -> str:
    text = str(value or "").strip()
    if not text or len(text) > 1000:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        return ""
    return text


def _place(location: str) -> dict:
    if _url(location):
        return {"place_name": "", "address": "", "online_link": _url(location)}
    name = location.split(",", 1)[0].strip()[:200]
    return {"place_name": name, "address": location[:300] if "," in location else ""}


def _parse_event(component, *, line, default_zone: str) -> ParsedEvent:
    """One VEVENT as Event field values; DomainError names the first thing that is wrong."""
    if component.errors:
        name = component.errors[0][0]
        raise DomainError(_("The property %(name)s is not valid.") % {"name": name})
    uid = str(component.get("UID", "")).strip()
    if not uid:
        raise DomainError(_("The event has no UID."))
    if len(uid) > 500:
        raise DomainError(_("The UID is longer than 500 characters."))
    title = str(component.get("SUMMARY", "")).strip()
    if not title:
        raise DomainError(_("The event has no title (SUMMARY)."))
    if component.get("DTSTART") is None:
        raise DomainError(_("The event has no start (DTSTART)."))
    start, end = component.start, component.end
    time_zone = _zone_of(start, default_zone)
    zone = zoneinfo.ZoneInfo(time_zone)
    all_day = not isinstance(start, datetime.datetime)
    starts_at, ends_at = _aware(start, zone), _aware(end, zone)
    if ends_at < starts_at:
        raise DomainError(_("The event ends before it starts."))
    exdates = sorted(_aware(value, zone).isoformat() for value in component.exdates)
    values = {
        "title": title[:200],
        "description": str(component.get("DESCRIPTION", "")).strip(),
        "starts_at": starts_at,
        "ends_at": ends_at,
        "all_day": all_day,
        "time_zone": time_zone,
        "rrule": _rrule_value(component, zone),
        "exdates": exdates,
        "place_name": "",
        "address": "",
        "online_link": "",
        "registration_url": _url(component.get("URL")),
        **_place(str(component.get("LOCATION", "")).strip()),
    }
    # The same limits as events entered by hand: texts that fit their columns (the repetition
    # rule is not shortened), bounded and at most the configured maximum of dates.
    check_lengths(Event, values)
    check_recurrence(Event(**{k: values[k] for k in MODERATED_FIELDS | {"time_zone"}}))
    cancelled = str(component.get("STATUS", "")).upper() == "CANCELLED"
    return ParsedEvent(uid=uid, line=line, values=values, cancelled=cancelled)


def _override_of(
    component, *, line, default_zone: str
) -> tuple[str, datetime.datetime, ParsedEvent]:
    """A changed single date of a series (RECURRENCE-ID): (series UID, original start, event).

    It becomes an event of its own, identified by the series' UID and the original start, and
    the original start is excluded from the series, so the date shows once, as changed.
    """
    event = _parse_event(component, line=line, default_zone=default_zone)
    zone = zoneinfo.ZoneInfo(event.values["time_zone"])
    original = _aware(component.get("RECURRENCE-ID").dt, zone)
    key = f"{event.uid}#{original.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"
    if len(key) > 500:
        raise DomainError(_("The UID is longer than 500 characters."))
    values = {**event.values, "rrule": "", "exdates": []}
    return event.uid, original, ParsedEvent(key, line, values, event.cancelled)


def _exclude_changed_dates(parsed: list[ParsedEvent], changed: dict[str, list]) -> None:
    """Each series leaves out the dates that its changed single dates replace."""
    for event in parsed:
        originals = changed.get(event.uid)
        if originals and event.values["rrule"]:
            zone = zoneinfo.ZoneInfo(event.values["time_zone"])
            excluded = {day.astimezone(zone).isoformat() for day in originals}
            event.values["exdates"] = sorted(set(event.values["exdates"]) | excluded)


def parse_calendar(raw: bytes, *, default_zone: str) -> list[ParsedEvent]:
    """Every event of the file; ImportRejected lists all problems."""
    if len(raw) > settings.KNOTENPUNKT_ICAL_MAX_BYTES:
        message = _("The file is larger than %(max)s bytes.")
        _reject([problem(message % {"max": settings.KNOTENPUNKT_ICAL_MAX_BYTES})])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        _reject([problem(_("The file is not UTF-8 text."))])
    problems, event_lines = _prescan(text)
    if problems:
        _reject(problems)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except _ICAL_ERRORS as error:
        _reject([problem(_("The file is not a valid iCal calendar: %(error)s") % {"error": error})])
    if getattr(calendar, "name", "") != "VCALENDAR":
        _reject([problem(_("The file does not contain a calendar (VCALENDAR)."))])
    events = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    parsed, seen, changed = [], set(), {}
    for index, component in enumerate(events):
        line = event_lines[index] if index < len(event_lines) else None
        uid = str(component.get("UID", ""))
        summary = str(component.get("SUMMARY", ""))[:200]
        try:
            if component.get("RECURRENCE-ID") is not None:
                series, original, event = _override_of(
                    component, line=line, default_zone=default_zone
                )
                changed.setdefault(series, []).append(original)
            else:
                event = _parse_event(component, line=line, default_zone=default_zone)
        except DomainError as error:
            problems.append(problem(error.message, uid=uid, summary=summary, line=line))
            continue
        except (*_ICAL_ERRORS, IncompleteComponent) as error:
            message = _("The event is not valid: %(error)s") % {"error": error}
            problems.append(problem(message, uid=uid, summary=summary, line=line))
            continue
        if event.uid in seen:
            message = _("The UID appears more than once.")
            problems.append(problem(message, uid=uid, summary=summary, line=line))
        seen.add(event.uid)
        parsed.append(event)
    if problems:
        _reject(problems)
    _exclude_changed_dates(parsed, changed)
    return parsed


def _status_for(trusted: bool) -> str:
    return Event.Status.PUBLISHED if trusted else Event.Status.SUBMITTED


def _needs_moderation(changed: set, status: str, trusted: bool) -> bool:
    if status == Event.Status.PUBLISHED:
        return bool(changed & MODERATED_FIELDS) and not trusted
    return bool(changed) and status == Event.Status.REJECTED


def _update(event: Event, item: ParsedEvent, trusted: bool) -> bool:
    """Bring one existing event in line with the file; True if anything changed."""
    changed = {name for name, value in item.values.items() if getattr(event, name) != value}
    status = event.status
    if event.removed_at_source:  # it is back in the file
        status = Event.Status.CANCELLED if item.cancelled else _status_for(trusted)
    elif item.cancelled:
        status = Event.Status.CANCELLED
    elif _needs_moderation(changed, status, trusted):
        status = Event.Status.SUBMITTED
    if not changed and status == event.status and not event.removed_at_source:
        return False
    for name in changed:
        setattr(event, name, item.values[name])
    event.removed_at_source = False
    event.status = status
    event.sequence += 1
    event.save()
    return True


@transaction.atomic
def source_import_apply(*, source, items: list[ParsedEvent], actor=None) -> dict:
    """Create, update and mark removed in one transaction; returns the run's report."""
    network, organisation = source.network, source.organisation
    trusted = organisation.trusted
    existing = {e.source_uid: e for e in Event.objects.filter(network=network, source=source)}
    counts = {"created": 0, "updated": 0, "removed": 0, "unchanged": 0}
    new = []
    for item in items:
        event = existing.get(item.uid)
        if event is None:
            status = Event.Status.CANCELLED if item.cancelled else _status_for(trusted)
            new.append(
                Event(
                    network=network,
                    source=source,
                    source_uid=item.uid,
                    organiser=organisation,
                    original_language=network.default_language,
                    submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
                    status=status,
                    **item.values,
                )
            )
        else:
            counts["updated" if _update(event, item, trusted) else "unchanged"] += 1
    Event.objects.bulk_create(new)
    events_index(new, network=network)  # updates and removals below index on save
    counts["created"] = len(new)
    in_file = {item.uid for item in items}
    for uid, event in existing.items():
        if uid not in in_file and not event.removed_at_source:
            event.removed_at_source = True
            event.status = Event.Status.CANCELLED
            event.sequence += 1
            event.save(update_fields=["removed_at_source", "status", "sequence", "updated_at"])
            counts["removed"] += 1
    report = {**counts, "problems": []}
    source.last_run_at = timezone.now()
    source.last_status = "ok"
    source.last_report = report
    source.save(update_fields=["last_run_at", "last_status", "last_report"])
    audit_record(
        network=network,
        actor=actor,
        action="event_source.import",
        target=source,
        context=organisation,
        summary=_("Imported %(name)s: %(created)s new, %(updated)s changed, %(removed)s removed")
        % {"name": source.name, **counts},
    )
    return report


def source_import(*, source, raw: bytes, actor=None) -> dict:
    """Check the whole file, then import it; ImportRejected (nothing written) lists the problems."""
    items = parse_calendar(raw, default_zone=source.network.time_zone)
    return source_import_apply(source=source, items=items, actor=actor)
