"""The bimonthly edition of the calendar (issue 4, point 5): periods, entries, changes, writes.

An entry is a plain JSON-serialisable dict, so the live calendar and a published edition's
frozen list are rendered, printed and compared by the same code.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.formatting import format_local_month_range
from knotenpunkt.core.languages import language_name
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record

from .models import Edition, Event
from .selectors import published_occurrences
from .tasks import edition_pdf_task

PERIOD = re.compile(r"^(\d{4})-(\d{2})$")
YEARS = range(2000, 2101)
ACCESSIBILITY = ("step_free", "sign_language", "childcare")
PDF_BUSY = ("queued", "running")


# Periods ---------------------------------------------------------------------------------


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """Two calendar months from `starts_on` (the first day of a month)."""

    starts_on: datetime.date

    @property
    def next_start(self) -> datetime.date:
        return _add_months(self.starts_on, 2)

    @property
    def ends_on(self) -> datetime.date:
        return self.next_start - datetime.timedelta(days=1)

    @property
    def slug(self) -> str:
        return f"{self.starts_on:%Y-%m}"

    def label(self) -> str:
        """E.g. "March – April 2025", in the active language."""
        return format_local_month_range(self.starts_on, self.ends_on)

    def bounds(self, zone) -> tuple[datetime.datetime, datetime.datetime]:
        """[start, end) as aware datetimes at midnight in the network's time zone."""
        return (
            datetime.datetime.combine(self.starts_on, datetime.time.min, tzinfo=zone),
            datetime.datetime.combine(self.next_start, datetime.time.min, tzinfo=zone),
        )


def period_parse(*, network, value: str) -> Period | None:
    """The period named "<yyyy>-<mm>", or None unless an edition of this network starts then."""
    match = PERIOD.match(value or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if year not in YEARS or month not in network.edition_start_months:
        return None
    return Period(datetime.date(year, month, 1))


def periods_upcoming(*, network, today: datetime.date, count: int = 6) -> list[Period]:
    """The period running on `today` and the next ones, for the coordinator to prepare."""
    starts = sorted(
        datetime.date(year, month, 1)
        for year in range(today.year - 1, today.year + 3)
        for month in network.edition_start_months
    )
    periods = [Period(start) for start in starts]
    return [period for period in periods if period.ends_on >= today][:count]


# Entries ---------------------------------------------------------------------------------


def _entry(occurrence) -> dict:
    """One occurrence as it is frozen: enough to print it without the live event."""
    event = occurrence.event
    # `published_occurrences` attaches the translations (two queries in all, none per event).
    texts = getattr(event, "localised_texts", None)
    if texts is None:
        texts = {item.language: item for item in event.translations.all()}
    titles = {language: item.title for language, item in texts.items()}
    titles[event.original_language] = event.title
    return {
        "event_id": event.pk,
        "uid": str(event.uid),
        "titles": titles,
        "original_language": event.original_language,
        "starts_at": occurrence.starts_at.isoformat(),
        "ends_at": occurrence.ends_at.isoformat(),
        "all_day": event.all_day,
        "place_name": event.place_name,
        "address": event.address,
        "online_link": event.online_link,
        "organiser": event.organiser.name if event.organiser else "",
        "status": event.status,
        "languages": list(event.languages or []),
        "is_free": event.is_free,
        "cost": event.cost,
        **{flag: getattr(event, flag) for flag in ACCESSIBILITY},
    }


def live_entries(*, network, period: Period) -> list[dict]:
    """The public occurrences of the period as they are now (cancelled ones included)."""
    start, end = period.bounds(network.tz)
    return [_entry(item) for item in published_occurrences(network=network, start=start, end=end)]


def _pick_title(data: dict, *, language: str, default_language: str) -> tuple[str, str]:
    titles = data["titles"]
    for candidate in (language, default_language):
        if candidate in titles:
            return titles[candidate], candidate
    original = data["original_language"]
    return titles[original], original


@dataclass(frozen=True)
class EditionEntry:
    """One date of the edition as a reader sees it, in their language where there is a text."""

    event_id: int
    title: str
    title_language: str
    is_fallback: bool
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    all_day: bool
    place_name: str
    address: str
    online_link: str
    organiser: str
    cancelled: bool
    languages: list[str]
    is_free: bool
    cost: str
    accessibility: list[str]


def entry_view(data: dict, *, network, language: str) -> EditionEntry:
    title, title_language = _pick_title(
        data, language=language, default_language=network.default_language
    )
    zone = network.tz
    return EditionEntry(
        event_id=data["event_id"],
        title=title,
        title_language=title_language,
        is_fallback=title_language != language,
        starts_at=datetime.datetime.fromisoformat(data["starts_at"]).astimezone(zone),
        ends_at=datetime.datetime.fromisoformat(data["ends_at"]).astimezone(zone),
        all_day=data["all_day"],
        place_name=data["place_name"],
        address=data["address"],
        online_link=data["online_link"],
        organiser=data["organiser"],
        cancelled=data["status"] == Event.Status.CANCELLED,
        languages=[language_name(code) for code in data["languages"]],
        is_free=data["is_free"],
        cost=data["cost"],
        accessibility=[
            str(Event._meta.get_field(flag).verbose_name) for flag in ACCESSIBILITY if data[flag]
        ],
    )


@dataclass
class Day:
    date: datetime.date
    entries: list[EditionEntry] = field(default_factory=list)


@dataclass
class Week:
    """An ISO week, cut to the period; the PDF's table of contents lists these."""

    year: int
    number: int
    first_day: datetime.date
    last_day: datetime.date
    days: list[Day] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"week-{self.year}-{self.number:02d}"


def weeks_of(entries: list[EditionEntry], *, period: Period) -> list[Week]:
    """Entries by week and day, in order; a date begun before the period is on its first day."""
    weeks: list[Week] = []
    for entry in sorted(entries, key=lambda item: (item.starts_at, item.title)):
        day = max(entry.starts_at.date(), period.starts_on)
        year, number, weekday = day.isocalendar()
        if not weeks or (weeks[-1].year, weeks[-1].number) != (year, number):
            monday = day - datetime.timedelta(days=weekday - 1)
            weeks.append(
                Week(
                    year=year,
                    number=number,
                    first_day=max(monday, period.starts_on),
                    last_day=min(monday + datetime.timedelta(days=6), period.ends_on),
                )
            )
        days = weeks[-1].days
        if not days or days[-1].date != day:
            days.append(Day(date=day))
        days[-1].entries.append(entry)
    return weeks


# Changes since publishing ----------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """What differs for one event between the frozen list and today: added / cancelled / moved /
    removed, with the dates before and after (only those that changed)."""

    kind: str
    event_id: int
    title: str
    before: tuple[datetime.datetime, ...]
    after: tuple[datetime.datetime, ...]


def _by_uid(entries: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for data in entries:
        grouped.setdefault(data["uid"], []).append(data)
    return grouped


def _starts(entries: list[dict], zone) -> set[datetime.datetime]:
    return {datetime.datetime.fromisoformat(data["starts_at"]).astimezone(zone) for data in entries}


def _cancelled(entries: list[dict]) -> bool:
    return entries[0]["status"] == Event.Status.CANCELLED


def edition_changes(*, frozen: list[dict], live: list[dict], network, language: str) -> list:
    """The list of changes a published edition shows under its frozen content, by date."""
    zone = network.tz
    old, new = _by_uid(frozen), _by_uid(live)
    changes = []
    for uid in dict.fromkeys([*old, *new]):
        before_items, after_items = old.get(uid, []), new.get(uid, [])
        before, after = _starts(before_items, zone), _starts(after_items, zone)
        if not before_items:
            kind, before_shown, after_shown = "added", set(), after
        elif not after_items:
            kind, before_shown, after_shown = "removed", before, set()
        elif _cancelled(after_items) and not _cancelled(before_items):
            kind, before_shown, after_shown = "cancelled", before, set()
        elif before != after:
            before_shown, after_shown = before - after, after - before
            if before_shown and after_shown:
                kind = "moved"
            else:
                kind = "added" if after_shown else "removed"
        else:
            continue
        title, _language = _pick_title(
            (after_items or before_items)[0],
            language=language,
            default_language=network.default_language,
        )
        changes.append(
            Change(
                kind=kind,
                event_id=(after_items or before_items)[0]["event_id"],
                title=title,
                before=tuple(sorted(before_shown)),
                after=tuple(sorted(after_shown)),
            )
        )
    changes.sort(key=lambda change: min((*change.before, *change.after)))
    return changes


# Reads -----------------------------------------------------------------------------------


@dataclass
class EditionPage:
    period: Period
    edition: Edition | None
    weeks: list[Week]
    changes: list[Change]

    @property
    def days(self) -> list[Day]:
        return [day for week in self.weeks for day in week.days]

    @property
    def entries(self) -> list[EditionEntry]:
        return [entry for day in self.days for entry in day.entries]

    @property
    def has_fallback(self) -> bool:
        return any(entry.is_fallback for entry in self.entries)

    @property
    def is_published(self) -> bool:
        return self.edition is not None and self.edition.status == Edition.Status.PUBLISHED


def edition_for_period(*, network, period: Period) -> Edition | None:
    return Edition.objects.filter(network=network, starts_on=period.starts_on).first()


def edition_page(*, network, period: Period, language: str, with_changes: bool = True):
    """A published edition shows its frozen list (and the changes since); otherwise the live one."""
    edition = edition_for_period(network=network, period=period)
    published = edition is not None and edition.status == Edition.Status.PUBLISHED
    live = live_entries(network=network, period=period) if with_changes or not published else []
    shown = edition.frozen if published else live
    entries = [entry_view(data, network=network, language=language) for data in shown]
    changes = (
        edition_changes(frozen=edition.frozen, live=live, network=network, language=language)
        if published and with_changes
        else []
    )
    return EditionPage(
        period=period, edition=edition, weeks=weeks_of(entries, period=period), changes=changes
    )


def editions_published(*, network):
    """The archive: published editions, newest first."""
    return Edition.objects.filter(network=network, status=Edition.Status.PUBLISHED).order_by(
        "-starts_on"
    )


def editions_all(*, network):
    return Edition.objects.filter(network=network).select_related("published_by")


def edition_get(*, network, edition_id: int) -> Edition:
    return get_object_or_404(Edition, network=network, pk=edition_id)


def period_of(edition: Edition) -> Period:
    return Period(edition.starts_on)


# Writes ----------------------------------------------------------------------------------


@transaction.atomic
def edition_prepare(*, network, actor, period: Period) -> Edition:
    """A draft edition for the period; its page shows the live calendar until it is published."""
    require_actor(actor, network, "editions.manage")
    if edition_for_period(network=network, period=period) is not None:
        raise DomainError(
            _("There is an edition for %(period)s already.") % {"period": period.label()},
            field="period",
        )
    edition = Edition.objects.create(
        network=network, starts_on=period.starts_on, ends_on=period.ends_on
    )
    audit_record(
        network=network,
        actor=actor,
        action="edition.prepare",
        target=edition,
        summary=period.slug,
    )
    return edition


def _locked(network, edition: Edition) -> Edition:
    return Edition.objects.select_for_update().get(network=network, pk=edition.pk)


def _queue_pdf(edition: Edition) -> None:
    edition.pdf_status = "queued"
    edition.pdf_progress = 0
    edition.pdf_error = ""
    edition.save(update_fields=["pdf_status", "pdf_progress", "pdf_error"])
    network_id, edition_id = edition.network_id, edition.pk
    transaction.on_commit(
        lambda: edition_pdf_task.enqueue(network_id=network_id, edition_id=edition_id)
    )


@transaction.atomic
def edition_pdf_request(*, network, actor, edition: Edition) -> Edition:
    """Queue the PDF rendering (a task, never in the request)."""
    require_actor(actor, network, "editions.manage")
    edition = _locked(network, edition)
    if edition.pdf_status in PDF_BUSY:
        raise DomainError(_("The PDF is being prepared already."))
    _queue_pdf(edition)
    audit_record(
        network=network,
        actor=actor,
        action="edition.render_pdf",
        target=edition,
        summary=period_of(edition).slug,
    )
    return edition


@transaction.atomic
def edition_publish(*, network, actor, edition: Edition) -> Edition:
    """Freeze the period's dates into the edition and print them again from the frozen list."""
    require_actor(actor, network, "editions.manage")
    edition = _locked(network, edition)
    if edition.status == Edition.Status.PUBLISHED:
        raise DomainError(_("This edition is published already."))
    edition.frozen = live_entries(network=network, period=period_of(edition))
    edition.status = Edition.Status.PUBLISHED
    edition.published_at = timezone.now()
    edition.published_by = actor if getattr(actor, "is_authenticated", False) else None
    edition.save(update_fields=["frozen", "status", "published_at", "published_by"])
    _queue_pdf(edition)
    audit_record(
        network=network,
        actor=actor,
        action="edition.publish",
        target=edition,
        summary=_("%(count)s dates frozen") % {"count": len(edition.frozen)},
    )
    return edition
