"""One recipient's copy of an issue: the personal links filled in, the list headers set.

The headers follow what large mail providers require of bulk mail: a Message-ID, a
`List-Unsubscribe` with an https link and a mailto address, `List-Unsubscribe-Post:
List-Unsubscribe=One-Click` (RFC 8058: the provider POSTs to the link, no login, no page).
The envelope sender (return path) is `bounces+<delivery token>@<bounce domain>` (VERP): a
bounce comes back to an address that names the delivery, so it is known whose mail failed
without parsing the bounce's text. Django's SMTP backend uses `from_email` as the envelope
sender, so the return path goes there and the visible sender into the From header.
"""

from email.utils import formataddr, make_msgid, parseaddr

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


def sender(network) -> str:
    """The visible From: the network's name with the configured address."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    return formataddr((network.name, address))


def message_build(
    rendered: Rendered, *, to: str, subscriber=None, delivery=None, network=None, language=None
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
