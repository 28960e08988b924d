"""`manage.py ingest_bounce [PATH]`: read returned mails and record their bounces.

Without PATH it reads one message from standard input, as an MTA pipes it (Postfix:
`bounces: "|/srv/knotenpunkt/.venv/bin/python /srv/knotenpunkt/manage.py ingest_bounce"` in
aliases, with `recipient_delimiter = +`); the envelope recipient comes from `--recipient` or
the MTA's $ORIGINAL_RECIPIENT / $RECIPIENT. With PATH it reads every message of a Maildir (a
folder) or an mbox (a file). One line per message says what was recorded or why it was
skipped.

The exit code is 0 even when messages are skipped or unreadable (they are logged): an MTA
that sees a pipe fail returns the message to its sender, and the sender of a bounce is the
empty return path, so the mail would only bounce again or sit in the MTA's queue.
Messages of a Maildir are marked as seen (moved to cur/ with the S flag) once read, and
seen ones are not read again, so ingesting a Maildir from cron counts each bounce once. An
mbox is read whole every time: it is for a one-off import.
"""

import logging
import mailbox
import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from knotenpunkt.infomail.services_bounces import bounce_ingest

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Record the bounces in one message on standard input, or in a Maildir or mbox."
    # The byte stream to read instead of standard input (tests, other callers).
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="a Maildir (folder) or an mbox (file)")
        parser.add_argument(
            "--recipient",
            default="",
            help="the envelope recipient of a message on standard input (default: "
            "$ORIGINAL_RECIPIENT or $RECIPIENT as the MTA sets them)",
        )

    def handle(self, *args, path=None, recipient="", **options):
        if path is None:
            stream = options.get("stdin") or sys.stdin.buffer
            envelope = (
                recipient or os.environ.get("ORIGINAL_RECIPIENT") or os.environ.get("RECIPIENT", "")
            )
            self._one("stdin", stream.read(), envelope)
            return
        source = Path(path)
        if source.is_dir():
            self._maildir(source)
        elif source.is_file():
            self._mbox(source)
        else:
            raise CommandError(f"{path}: no such Maildir or mbox")

    def _one(self, name: str, raw: bytes, envelope: str = "") -> None:
        try:
            outcome = bounce_ingest(raw, envelope_recipient=envelope).summary()
        except Exception as error:  # never stop on one message: log it, go on with the next
            log.exception("Bounce %s could not be recorded", name)
            outcome = f"skipped: failed ({error!r})"
        self.stdout.write(f"{name}: {outcome}")

    def _maildir(self, path: Path) -> None:
        if not (path / "new").is_dir() and not (path / "cur").is_dir():
            raise CommandError(f"{path}: not a Maildir (no new/ or cur/)")
        box = mailbox.Maildir(path, factory=None, create=False)
        for key in sorted(box.keys()):
            if "S" in box.get_message(key).get_flags():
                continue
            self._one(key, box.get_bytes(key))
            _mark_seen(path, key)

    def _mbox(self, path: Path) -> None:
        box = mailbox.mbox(path, factory=None, create=False)
        try:
            for number, key in enumerate(box.keys(), start=1):
                self._one(f"{path.name}#{number}", box.get_bytes(key))
        finally:
            box.close()


def _mark_seen(path: Path, key: str) -> None:
    """Move the message to cur/ with the S flag, renaming its file only (Maildir's own way):
    writing it back through the mailbox module would re-encode what may be a broken message."""
    if (path / "new" / key).exists():
        (path / "new" / key).rename(path / "cur" / f"{key}:2,S")
        return
    for file in (path / "cur").glob(f"{key}:2,*"):
        flags = file.name.split(":2,", 1)[1]
        file.rename(path / "cur" / f"{key}:2,{''.join(sorted(set(flags) | {'S'}))}")
