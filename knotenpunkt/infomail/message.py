"""One recipient's copy of an issue: the personal links filled in, the list headers set.

The headers follow what large mail providers require of bulk mail: a Message-ID, a
`List-Unsubscribe` with an https link and a mailto address, `List-Unsubscribe-Post:
List-Unsubscribe=One-Click` (RFC 8058: the provider POSTs to the link, no login, no page).
The envelope sender (return path) is `bounces+<delivery token>@<bounce domain>` (VERP): a
bounce comes back to an address that names the delivery, so it is known whose mail failed
without parsing the bounce's text. Django's SMTP backend uses `from_email` as the envelope
sender, so the return path goes there and the visible sender into the From header.
"""

from dataclasses import dataclass
from email.utils import formataddr, formatdate, make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import NoReverseMatch

from knotenpunkt.core.urls_helpers import absolute_url, network_reverse

from .compose import PREFERENCES_MARK, UNSUBSCRIBE_MARK, Rendered


def bounce_domain() -> str:
    """The domain of the return paths and of the mailto unsubscribe address; its MX (or the
    MTA's pipe) hands those mails to `manage.py ingest_bounce`."""
    configured = getattr(settings, "KNOTENPUNKT_BOUNCE_DOMAIN", "")
    if configured:
        return configured
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"


def return_path(delivery) -> str:
    return f"bounces+{delivery.token}@{bounce_domain()}"


def unsubscribe_address(subscriber) -> str:
    return f"unsubscribe+{subscriber.token}@{bounce_domain()}"


def delivery_message_id(delivery) -> str:
    """A delivery's Message-ID, known before it is sent: stored with the delivery when it
    goes on the wire, so that a delivery whose fate is unknown can be looked up at the
    receiving end, and the same delivery never gets two identities."""
    return f"<infomail.{delivery.mailing_id}.{delivery.token}@{bounce_domain()}>"


def _page(network, name: str, language: str, token: str) -> str:
    """The absolute link to a token page of the subscriber (preferences, leaving)."""
    try:
        path = network_reverse(network, f"infomail:{name}", lang=language, subscriber_token=token)
    except NoReverseMatch:
        # The paths are fixed by the info mail's URL contract; until the public pages are
        # mounted (they are another module's), the link is built from that contract.
        path = f"/{language}/{network.slug}/mail/{name}/{token}/"
    return absolute_url(path)


def personal_links(network, *, language: str, subscriber=None) -> tuple[str, str]:
    """(preferences, unsubscribe) links; without a subscriber (a test send) both lead to the
    sign-up page, since there is nobody's subscription to change."""
    if subscriber is None:
        try:
            path = network_reverse(network, "infomail:subscribe", lang=language)
        except NoReverseMatch:
            path = f"/{language}/{network.slug}/mail/subscribe/"
        link = absolute_url(path)
        return link, link
    return (
        _page(network, "preferences", language, subscriber.token),
        _page(network, "unsubscribe", language, subscriber.token),
    )


def archive_copy(body: str, *, network, language: str) -> str:
    """A frozen issue (`sent_html`/`sent_text`) for everyone to read: the personal links
    lead to the sign-up page, as in a test send."""
    preferences, unsubscribe = personal_links(network, language=language)
    return body.replace(PREFERENCES_MARK, preferences).replace(UNSUBSCRIBE_MARK, unsubscribe)


def sender(network) -> str:
    """The visible From: the network's name with the configured address."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    return formataddr((network.name, address))


def message_build(
    rendered: Rendered,
    *,
    to: str,
    subscriber=None,
    delivery=None,
    network=None,
    language=None,
    date: str | None = None,
) -> EmailMultiAlternatives:
    """The multipart/alternative message (text, then HTML) for one recipient.

    `network` and `language` default to the subscriber's or the delivery's; a test send
    without either passes them.
    """
    owner = delivery or subscriber
    network = network or owner.network
    language = language or (
        delivery.language if delivery else subscriber.language if subscriber else None
    )
    language = language or network.default_language
    preferences, unsubscribe = personal_links(network, language=language, subscriber=subscriber)

    def fill(body: str) -> str:
        return body.replace(PREFERENCES_MARK, preferences).replace(UNSUBSCRIBE_MARK, unsubscribe)

    headers = {
        "From": sender(network),
        "Message-ID": delivery_message_id(delivery)
        if delivery
        else make_msgid("infomail", domain=bounce_domain()),
        "Content-Language": language,
    }
    if date is not None:
        headers["Date"] = date
    if subscriber is not None:
        headers["List-Unsubscribe"] = f"<{unsubscribe}>, <mailto:{unsubscribe_address(subscriber)}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        headers["List-Id"] = f"<infomail.{network.slug}.{bounce_domain()}>"
        headers["Precedence"] = "bulk"
        headers["Auto-Submitted"] = "auto-generated"
    envelope_sender = return_path(delivery) if delivery else settings.DEFAULT_FROM_EMAIL
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=fill(rendered.text),
        from_email=envelope_sender,
        to=[to],
        headers=headers,
    )
    message.attach_alternative(fill(rendered.html), "text/html")
    message.encoding = "utf-8"
    return message


# Stand-ins for what differs per recipient in a `MessageTemplate`: letters only, so that no
# encoding or folding of the message can change or split them.
_TO = "qqinfomailrecipientqq@slot.invalid"
_SUBSCRIBER = "qqinfomailsubscribertokenqq"
_DELIVERY = "qqinfomaildeliverytokenqq"
_DATE = "qqinfomaildateqq"


@dataclass(frozen=True)
class _Slot:
    token: str
    mailing_id: int = 0
    language: str = ""


@dataclass(frozen=True)
class MessageTemplate:
    """One language's message as bytes, with stand-ins for the recipient's values.

    Building a MIME message costs more than handing it to the server; a mailing's messages
    differ only in the recipient, the tokens and the date, so the worker builds each
    language's once and fills in the rest (`message_bytes`). The result is byte for byte what
    `message_build` gives, except for the MIME boundary.
    """

    data: bytes
    sender: str  # the envelope sender with the delivery's stand-in

    @classmethod
    def build(cls, rendered: Rendered, *, mailing_id: int, network, language: str):
        """None when the message could not be filled in safely (a body encoded as
        quoted-printable, which may break a stand-in over two lines)."""
        message = message_build(
            rendered,
            to=_TO,
            subscriber=_Slot(_SUBSCRIBER),
            delivery=_Slot(_DELIVERY, mailing_id, language),
            network=network,
            language=language,
            date=_DATE,
        )
        data = message.message().as_bytes(linesep="\r\n")
        encodings = (
            b"Content-Transfer-Encoding: quoted-printable",
            b"Content-Transfer-Encoding: base64",
        )
        whole = all(slot.encode() in data for slot in (_TO, _SUBSCRIBER, _DELIVERY, _DATE))
        if not whole or any(encoding in data for encoding in encodings):
            return None
        return cls(data=data, sender=message.from_email)

    def fill(self, *, to: str, subscriber, delivery) -> tuple[str, bytes] | None:
        """(envelope sender, message) for one recipient; None when the address needs an
        encoding (not ASCII), which only `message_build` gives it."""
        if not to.isascii():
            return None
        data = (
            self.data.replace(_TO.encode(), to.encode())
            .replace(_SUBSCRIBER.encode(), subscriber.token.encode())
            .replace(_DELIVERY.encode(), delivery.token.encode())
            .replace(_DATE.encode(), formatdate(localtime=settings.EMAIL_USE_LOCALTIME).encode())
        )
        return self.sender.replace(_DELIVERY, delivery.token), data
