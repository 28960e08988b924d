"""The local mail sink of `make run`: an SMTP server that keeps every mail in a Maildir.

Without a real mail server (EMAIL_URL unset), `manage.py devserve` starts `manage.py
mail_sink`, which listens where the settings send mail (127.0.0.1:1025) and stores each
message in KNOTENPUNKT_MAIL_SINK_DIR (var/mail-sink/), so that someone trying the demo can
read the confirmation mails and info mails the coordinator page lists (views_bounces.caught).
Nothing is delivered anywhere. The sink catches the mail of the whole installation, so its
page exists only with DEBUG on.
"""

import datetime
import email
import email.parser
import email.policy
import mailbox
import re
from dataclasses import dataclass
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from django.conf import settings

# What a Maildir key looks like (mailbox.Maildir: time.Mseconds.Pn.Qn.host, host quoted):
# anything else asked for by a page is not one of ours.
KEY = re.compile(r"^[A-Za-z0-9._\\-]{1,200}$")
TEXT_MAX = 200_000


@dataclass(frozen=True)
class CaughtMail:
    key: str
    date: datetime.datetime
    to: str
    subject: str
    sender: str


def sink_dir() -> Path:
    return Path(settings.KNOTENPUNKT_MAIL_SINK_DIR)


def sink_start(*, host: str, port: int, directory: Path) -> Controller:
    """Listen on host:port and keep every message in the Maildir `directory` (made if new).

    aiosmtpd's Mailbox handler adds the envelope as X-MailFrom and X-RcptTo headers.
    """
    for part in ("tmp", "new", "cur"):  # Maildir leaves an existing folder as it is
        (directory / part).mkdir(parents=True, exist_ok=True)
    controller = Controller(Mailbox(directory), hostname=host, port=port)
    controller.start()
    return controller


def _box(directory: Path) -> mailbox.Maildir | None:
    if not (directory / "cur").is_dir():
        return None
    return mailbox.Maildir(directory, factory=None, create=False)


def _text(value) -> str:
    return " ".join(str(value or "").split())


def _caught(key: str, message, box: mailbox.Maildir) -> CaughtMail:
    try:
        date = parsedate_to_datetime(str(message["Date"]))
        if date.tzinfo is None:
            date = date.replace(tzinfo=datetime.UTC)
    except (TypeError, ValueError, IndexError):  # no date or a broken one: when it arrived
        date = datetime.datetime.fromtimestamp(box.get_message(key).get_date(), tz=datetime.UTC)
    recipients = message.get_all("X-RcptTo") or message.get_all("To") or []
    to = ", ".join(address for _name, address in getaddresses([str(r) for r in recipients]))
    return CaughtMail(
        key=key,
        date=date,
        to=to,
        subject=_text(message["Subject"]),
        sender=_text(message["X-MailFrom"] or message["From"]),
    )


def caught_mails(directory: Path | None = None, *, limit: int = 200) -> list[CaughtMail]:
    """The caught mails, newest first (at most `limit`)."""
    box = _box(directory or sink_dir())
    if box is None:
        return []
    mails = []
    for key in box.iterkeys():  # iterating a mailbox yields messages, not keys
        with box.get_file(key) as handle:
            headers = email.parser.BytesHeaderParser(policy=email.policy.default).parse(handle)
        mails.append(_caught(key, headers, box))
    mails.sort(key=lambda mail: (mail.date, mail.key), reverse=True)
    return mails[:limit]


def caught_mail_text(key: str, directory: Path | None = None) -> tuple[CaughtMail, str] | None:
    """One caught mail and its plain-text part (the HTML source if it has none), or None."""
    box = _box(directory or sink_dir())
    if box is None or not KEY.match(key) or key not in box:
        return None
    message = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
    body = message.get_body(preferencelist=("plain", "html"))
    try:
        text = body.get_content() if body is not None else ""
    except (LookupError, ValueError):  # an unknown charset: show the raw part
        text = body.get_payload(decode=True).decode("utf-8", "replace")
    return _caught(key, message, box), text[:TEXT_MAX]
