"""An issue of the info mail as its readers get it: subject, plain text and HTML.

Both parts come from the same content (the version's subject and intro, the blocks the
coordinator chose), so that a reader whose mail program shows only text misses nothing.
The HTML has its styles inlined (`css_inline`): mail programs drop a page's <style> or
ignore parts of it, so every element carries its own. Links that differ per reader (the
preference page, leaving) are left as the literal marks below, replaced for each recipient
by `message.message_build`; the rendered issue is therefore the same for everyone and is
frozen once when the mailing is sent (`MailingVersion.sent_text`/`sent_html`).
"""

import datetime
import html
from dataclasses import dataclass

import css_inline
import nh3
from django.template.loader import render_to_string
from django.utils import timezone, translation

from knotenpunkt.core.colours import readable_accent, soft_tint
from knotenpunkt.core.dates import network_today
from knotenpunkt.core.mail import render_plain_text
from knotenpunkt.core.text import render_markdown
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse

from .models import Mailing

PREFERENCES_MARK = "__knotenpunkt_preferences_link__"
UNSUBSCRIBE_MARK = "__knotenpunkt_unsubscribe_link__"

# A block lists at most this many entries; a mail is not the calendar.
BLOCK_LIMIT = 12

_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class Entry:
    """One line of a block: what, when, where to read more (may be empty)."""

    title: str
    when: str = ""
    detail: str = ""
    link: str = ""


@dataclass(frozen=True)
class Block:
    key: str
    title: str
    entries: tuple[Entry, ...]


def month_after(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first day of the month after `today`'s and the first day of the one after that."""
    first = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return first, (first + datetime.timedelta(days=32)).replace(day=1)


def _month_before(today: datetime.date) -> datetime.date:
    """The same day a month earlier (the last day of that month when it is shorter)."""
    last_of_previous = today.replace(day=1) - datetime.timedelta(days=1)
    return last_of_previous.replace(day=min(today.day, last_of_previous.day))


def _bounds(network, first: datetime.date, last: datetime.date):
    def start_of(day):
        return datetime.datetime.combine(day, datetime.time(), tzinfo=network.tz)

    return start_of(first), start_of(last)


def _events_block(network, language: str, today: datetime.date) -> list[Entry]:
    from knotenpunkt.core.formatting import format_local_datetime
    from knotenpunkt.eventcalendar.models import Event
    from knotenpunkt.eventcalendar.selectors import localised, published_occurrences

    start, end = _bounds(network, *month_after(today))
    entries = []
    for item in published_occurrences(network=network, start=start, end=end):
        if item.event.status != Event.Status.PUBLISHED:
            continue
        texts = localised(item.event, language, network)
        path = network_reverse(
            network, "eventcalendar:event", lang=language, event_id=item.event.pk
        )
        entries.append(
            Entry(
                title=texts.title,
                when=format_local_datetime(item.starts_at, tz=network.tz),
                detail=item.event.place_name,
                link=absolute_url(path),
            )
        )
    return entries[:BLOCK_LIMIT]


def _members_block(network, today: datetime.date) -> list[Entry]:
    """Organisations that joined in the last month and agreed to be listed publicly."""
    from knotenpunkt.members.selectors import public_directory

    since = _month_before(today)
    organisations = (
        public_directory(network=network)
        .filter(memberships__joined_on__gte=since, memberships__joined_on__lte=today)
        .distinct()
    )
    return [
        Entry(title=organisation.name, detail=organisation.city)
        for organisation in organisations[:BLOCK_LIMIT]
    ]


def _groups_block(network, today: datetime.date) -> list[Entry]:
    """The working groups' meetings of next month (cancelled ones left out)."""
    from knotenpunkt.core.formatting import format_local_datetime
    from knotenpunkt.meetings.models import Meeting
    from knotenpunkt.meetings.selectors import meetings_list

    start, end = _bounds(network, *month_after(today))
    meetings = meetings_list(network=network, kind=Meeting.Kind.WORKING_GROUP, now=start).filter(
        starts_at__lt=end, status=Meeting.Status.SCHEDULED
    )
    return [
        Entry(
            title=meeting.title,
            when=format_local_datetime(meeting.starts_at, tz=network.tz),
            detail=meeting.group.name if meeting.group else "",
        )
        for meeting in meetings[:BLOCK_LIMIT]
    ]


def blocks_for(mailing, language: str, today: datetime.date) -> list[Block]:
    """The blocks the mailing asks for, in the order of `Mailing.Block`; empty ones left out."""
    network = mailing.network
    makers = {
        Mailing.Block.EVENTS: lambda: _events_block(network, language, today),
        Mailing.Block.MEMBERS: lambda: _members_block(network, today),
        Mailing.Block.GROUPS: lambda: _groups_block(network, today),
    }
    chosen = set(mailing.blocks or [])
    blocks = []
    for key in Mailing.Block:
        if key.value in chosen and (entries := makers[key]()):
            blocks.append(Block(key=key.value, title=str(key.label), entries=tuple(entries)))
    return blocks


def intro_as_text(intro: str) -> str:
    """The intro for the plain-text part: Markdown reads well as it is; HTML tags written
    into it are dropped (as the HTML part's sanitiser drops them)."""
    return html.unescape(nh3.clean(intro or "", tags=set())).strip()


def mailing_render(version, *, today: datetime.date | None = None) -> Rendered:
    """The version's issue: subject, plain text and HTML with the preference and leave marks.

    Rendered in the version's language and the network's time zone, whoever calls it (a
    coordinator's page in another language, the worker without a request).
    """
    mailing = version.mailing
    network = mailing.network
    language = version.language
    with translation.override(language), timezone.override(network.tz):
        today = today or network_today(network)
        accent = readable_accent(network.accent_colour)
        context = {
            "subject": version.subject,
            "intro_html": render_markdown(version.intro or ""),
            "intro_text": intro_as_text(version.intro),
            "blocks": blocks_for(mailing, language, today),
            "network": network,
            "network_url": absolute_url(network_reverse(network, "core:home", lang=language)),
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
            "start": "right" if translation.get_language_bidi() else "left",
            "accent": accent,
            "accent_soft": soft_tint(accent),
            "preferences_link": PREFERENCES_MARK,
            "unsubscribe_link": UNSUBSCRIBE_MARK,
        }
        text = render_plain_text("infomail/mailing/mail.txt", context)
        page = render_to_string("infomail/mailing/mail.html", context)
    subject = " ".join(version.subject.split())
    return Rendered(subject=subject, text=_tidy_text(text), html=_inliner.inline(page))


def _tidy_text(text: str) -> str:
    """At most one empty line in a row, none at the ends (template tags leave some); the
    signature line "-- " keeps its space, by which mail programs recognise it."""
    lines = [line if line == "-- " else line.rstrip() for line in text.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip() + "\n"
