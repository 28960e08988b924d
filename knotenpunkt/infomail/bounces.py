"""Reading a returned mail: which addresses failed, how badly, and which delivery it answers.

Every info mail leaves with its own return path, `bounces+<delivery token>@<bounce domain>`
(VERP), so a bounce names the delivery it answers by the address it was sent *to*, whatever
the reporting server writes in its body. The failed addresses and whether they failed for
good come from `flufl.bounce`, GNU Mailman's detectors for RFC 3464 reports and the many
formats real servers invent. Nothing here writes: `services_bounces` records what this finds.

A message this module cannot make sense of raises `UnreadableBounce`; the caller logs it and
goes on with the next one, so one broken message never stops an ingest.
"""

import email
import email.header
import email.policy
import re
from dataclasses import dataclass
from email.message import Message
from email.utils import getaddresses

from flufl.bounce import all_failures

from .models import Bounce

# A delivery's token is hex (models.new_short_token); the domain is whatever the MTA was
# configured with, so any is accepted: the token alone names the delivery.
VERP = re.compile(r"\bbounces\+(?P<token>[0-9a-f]{8,32})@[^\s>@]+", re.IGNORECASE)
# A subscriber's token (models.new_token, URL-safe base64) in the mailto of List-Unsubscribe.
UNSUBSCRIBE = re.compile(r"(?:^|[\s<])unsubscribe\+(?P<token>[A-Za-z0-9_-]{16,64})@[^\s>@]+")
# The headers that name the address a message was delivered to, most reliable first:
# Delivered-To and X-Original-To are written by the receiving MTA, To by the sender.
RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "To")
DETAIL_MAX = 500


class UnreadableBounce(Exception):
    """The message is not one this module can read (empty, no headers, a detector failed)."""


@dataclass(frozen=True)
class Failure:
    address: str
    kind: str  # Bounce.Kind


@dataclass(frozen=True)
class ParsedBounce:
    """What a returned mail says: the failures, the token of its delivery, where it was sent.

    `recipients` are the addresses the message itself was delivered to (envelope first), so
    that other addresses of ours (an unsubscribe address) can be recognised by the caller.
    """

    failures: tuple[Failure, ...]
    token: str
    recipients: tuple[str, ...]
    detail: str
    subject: str


def bounce_parse(raw: bytes, *, envelope_recipient: str = "") -> ParsedBounce:
    """Parse one message as it came from the MTA (bytes, headers and body).

    `envelope_recipient` is the address the MTA delivered it to when the MTA passes it
    (Postfix: $ORIGINAL_RECIPIENT); it is trusted before any header.
    """
    if not raw or not raw.strip():
        raise UnreadableBounce("empty message")
    try:
        message = email.message_from_bytes(raw, policy=email.policy.compat32)
    except Exception as error:  # the parser is lenient; anything it raises is a broken message
        raise UnreadableBounce(f"not a mail message: {error}") from error
    if not message.keys():
        raise UnreadableBounce("no headers")
    try:
        temporary, permanent = all_failures(message)
    except Exception as error:  # a detector tripped over the message's structure
        raise UnreadableBounce(f"the bounce detectors failed: {error!r}") from error
    recipients = _recipients(message, envelope_recipient)
    return ParsedBounce(
        failures=_failures(temporary, permanent, _statuses(message)),
        token=_token(message, recipients),
        recipients=recipients,
        detail=_detail(message),
        subject=_header(message, "Subject"),
    )


def verp_token(address: str) -> str:
    """The delivery token in a return-path address, or ""."""
    match = VERP.search(address or "")
    return match.group("token").lower() if match else ""


def unsubscribe_token(address: str) -> str:
    """The subscriber token of an `unsubscribe+<token>@` address (a mailto unsubscribe), or ""."""
    match = UNSUBSCRIBE.search(address or "")
    return match.group("token") if match else ""


def _decode(address) -> str:
    if isinstance(address, bytes):
        address = address.decode("utf-8", "replace")
    return address.strip().strip("<>").strip()


def _failures(temporary, permanent, statuses: dict[str, str]) -> tuple[Failure, ...]:
    """A permanent failure wins over a temporary one for the same address, unless the
    report's own status code calls it temporary (see `_is_transient`)."""
    kinds: dict[str, str] = {}
    for address in temporary:
        kinds[_decode(address)] = Bounce.Kind.SOFT
    for address in permanent:
        address = _decode(address)
        transient = _is_transient(statuses.get(address.lower(), ""))
        kinds[address] = Bounce.Kind.SOFT if transient else Bounce.Kind.HARD
    return tuple(
        Failure(address=address, kind=kind) for address, kind in sorted(kinds.items()) if address
    )


def _is_transient(status: str) -> bool:
    """Whether an RFC 3463 status means the address exists but cannot take mail now.

    Class 4 is temporary by definition; X.2.2 is a full mailbox, which many servers (Gmail,
    Exchange) report with a 5 and "Action: failed", although it clears once its owner tidies
    up: a soft bounce, so that the address is suspended only when it stays full.
    """
    return status.startswith("4.") or status.endswith(".2.2")


def _statuses(message: Message) -> dict[str, str]:
    """{failed address (lower case): RFC 3463 status} from the report's delivery-status part."""
    statuses = {}
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status" or not part.is_multipart():
            continue
        for block in part.get_payload():
            recipient = str(block.get("Final-Recipient") or block.get("Original-Recipient") or "")
            status = " ".join(str(block.get("Status") or "").split())
            if ";" in recipient and status:
                address = _decode(recipient.split(";", 1)[1]).lower()
                statuses[address] = status
    return statuses


def _header(message: Message, name: str) -> str:
    value = message.get(name)
    if value is None:
        return ""
    try:
        text = str(email.header.make_header(email.header.decode_header(str(value))))
    except Exception:  # a header in an unknown charset: keep what is readable
        text = str(value)
    return " ".join(text.split())[:DETAIL_MAX]


def _recipients(message: Message, envelope_recipient: str) -> tuple[str, ...]:
    found = [envelope_recipient] if envelope_recipient else []
    for name in RECIPIENT_HEADERS:
        values = [str(value) for value in message.get_all(name, [])]
        found.extend(address for _name, address in getaddresses(values))
    unique = []
    for address in found:
        address = _decode(address)
        if address and address.lower() not in {seen.lower() for seen in unique}:
            unique.append(address)
    return tuple(unique)


def _returned_headers(message: Message):
    """The headers of the original message, where the report includes them."""
    for part in message.walk():
        content_type = part.get_content_type()
        if content_type == "message/rfc822" and part.is_multipart():
            yield from part.get_payload()
        elif content_type == "text/rfc822-headers":
            payload = part.get_payload(decode=True) or b""
            yield email.message_from_bytes(payload, policy=email.policy.compat32)


def _token(message: Message, recipients: tuple[str, ...]) -> str:
    """The token from where the bounce was delivered, else from the returned original.

    The original's Return-Path (or Sender) is our VERP address as well; it helps when a
    forwarding MTA rewrote the bounce's own recipient.
    """
    for address in recipients:
        if token := verp_token(address):
            return token
    for original in _returned_headers(message):
        for name in ("Return-Path", "Sender", "Errors-To"):
            if token := verp_token(str(original.get(name, ""))):
                return token
    return ""


def _detail(message: Message) -> str:
    """What the reporting server said: the DSN's diagnostic or status, else the subject."""
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        for block in part.get_payload() if part.is_multipart() else []:
            for name in ("Diagnostic-Code", "Status"):
                if value := block.get(name):
                    text = " ".join(str(value).split())
                    return text.removeprefix("smtp;").strip()[:DETAIL_MAX]
    return _header(message, "Subject")
