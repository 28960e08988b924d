"""Writes about returned mails: record a bounce, suspend an address that keeps failing,
and let the coordinator take a suspended subscriber back.

Mailing dead addresses again and again ruins the sender's reputation with the big mail
providers, so an address that does not exist (a hard bounce) is suspended at once, and one
that fails for a while (a full mailbox: soft) after SOFT_LIMIT bounces within SOFT_WINDOW.

At once only when the bounce carries the token of a delivery we sent: that proves it answers
our mail. A bounce without one names just an address, and anyone can send such a message to
the bounce address; it is recorded and counts towards SOFT_LIMIT like a soft one, so a single
forged report suspends nobody. A suspension is a step of the subscriber's consent record
(they get no mail for a reason they did not choose) and an entry of the network's audit
trail, written by the system (no actor). Only the coordinator undoes it.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record

from .bounces import UnreadableBounce, bounce_parse, unsubscribe_token
from .consent import consent_record
from .models import Bounce, ConsentEvent, Delivery, Subscriber
from .services_subscribers import subscriber_unsubscribe

SOFT_LIMIT = 3
SOFT_WINDOW = datetime.timedelta(days=30)
DETAIL_MAX = Bounce._meta.get_field("detail").max_length

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recorded:
    bounce: Bounce
    suspended: bool  # this bounce suspended the subscriber


@dataclass
class Ingested:
    """What became of one returned mail: what was recorded, or why it was skipped."""

    recorded: list[Recorded] = field(default_factory=list)
    skipped: str = ""  # the reason, for the operator (not translated: a command's output)
    unsubscribed: str = ""  # the address that left by writing to its unsubscribe address

    def summary(self) -> str:
        if self.skipped:
            return f"skipped: {self.skipped}"
        if self.unsubscribed:
            return f"unsubscribed by mail: {self.unsubscribed}"
        parts = []
        for item in self.recorded:
            bounce = item.bounce
            text = f"{bounce.kind} bounce of {bounce.subscriber.email} ({bounce.network.slug})"
            parts.append(text + (", suspended" if item.suspended else ""))
        return "recorded: " + "; ".join(parts)


def bounce_ingest(raw: bytes, *, envelope_recipient: str = "") -> Ingested:
    """Read one returned mail and record what it reports; an unreadable one is logged, skipped.

    With the VERP token the delivery is known and one bounce is recorded for it (hard when any
    address failed for good); without it, each failed address is looked up.
    """
    try:
        parsed = bounce_parse(raw, envelope_recipient=envelope_recipient)
    except UnreadableBounce as error:
        log.warning("Unreadable bounce skipped: %s", error)
        return Ingested(skipped=f"unreadable ({error})")
    for address in parsed.recipients:
        if token := unsubscribe_token(address):
            return _unsubscribe_by_mail(token)
    if not parsed.failures:
        return Ingested(skipped=f"no failed address found (subject: {parsed.subject!r})")
    if parsed.token:
        kinds = {failure.kind for failure in parsed.failures}
        kind = Bounce.Kind.HARD if Bounce.Kind.HARD in kinds else Bounce.Kind.SOFT
        recorded = bounce_record(kind=kind, delivery_token=parsed.token, detail=parsed.detail)
        if not recorded:
            return Ingested(skipped=f"no delivery with the token {parsed.token}")
        return Ingested(recorded=recorded)
    recorded = []
    for failure in parsed.failures:
        recorded += bounce_record(kind=failure.kind, address=failure.address, detail=parsed.detail)
    if not recorded:
        addresses = ", ".join(failure.address for failure in parsed.failures)
        return Ingested(skipped=f"no token, and no subscriber has {addresses}")
    return Ingested(recorded=recorded)


def _unsubscribe_by_mail(token: str) -> Ingested:
    """A mail to `unsubscribe+<token>@` (the mailto of List-Unsubscribe) ends the subscription:
    writing to that address is the person's own step, like the one-click link."""
    # Across networks on purpose: the address carries the subscriber's token alone, which is
    # unique in the installation; the network is learned from the subscriber found.
    with scopes_disabled():
        subscriber = Subscriber.objects.select_related("network").filter(token=token).first()
    if subscriber is None:
        return Ingested(skipped="no subscriber with this unsubscribe address")
    with scope(network=subscriber.network):
        subscriber_unsubscribe(
            subscriber=subscriber,
            method=ConsentEvent.Method.MAIL,
            proof={"mail_to": "unsubscribe address of the subscriber"},
        )
    return Ingested(unsubscribed=subscriber.email)


def bounce_record(
    *,
    kind: str,
    network=None,
    delivery_token: str = "",
    address: str = "",
    detail: str = "",
) -> list[Recorded]:
    """Record a bounce for the delivery named by its token, else for the failed address.

    With a token, the delivery is found in whichever network sent it: the token is unique
    across the installation and is all a returned mail carries. Without one (a server that
    ignored our return path), the address is matched against the subscribers of `network`,
    or, when no network is given, of every network: an address that does not exist does not
    exist for any of them, and each network's own counts decide about a suspension there
    (such a bounce never suspends at once, see the module's docstring).
    Returns what was recorded (nothing when neither names anyone we mail).
    """
    if kind not in Bounce.Kind.values:
        raise ValueError(f"unknown bounce kind {kind!r}")
    detail = " ".join(detail.split())[:DETAIL_MAX]
    if delivery_token:
        delivery = _delivery_by_token(delivery_token, network)
        if delivery is None or delivery.subscriber_id is None:
            return []
        with scope(network=delivery.network):
            return [
                _record(subscriber=delivery.subscriber, delivery=delivery, kind=kind, detail=detail)
            ]
    if not address:
        return []
    recorded = []
    for subscriber in _subscribers_by_address(address, network):
        with scope(network=subscriber.network):
            recorded.append(_record(subscriber=subscriber, delivery=None, kind=kind, detail=detail))
    return recorded


def _delivery_by_token(token: str, network) -> Delivery | None:
    # Across networks on purpose: a returned mail names its delivery by the token alone, which
    # is unique in the installation; the network is learned from the delivery found.
    with scopes_disabled():
        deliveries = Delivery.objects.select_related("network", "subscriber")
        if network is not None:
            deliveries = deliveries.filter(network=network)
        return deliveries.filter(token=token.lower(), network__is_active=True).first()


def _subscribers_by_address(address: str, network) -> list[Subscriber]:
    # Across networks on purpose (unless one is given): a bounce without a token says only
    # which address failed, and every network mailing that address is concerned.
    with scopes_disabled():
        subscribers = Subscriber.objects.select_related("network").filter(
            email__iexact=address.strip(),
            status__in=[Subscriber.Status.ACTIVE, Subscriber.Status.SUSPENDED],
            network__is_active=True,
        )
        if network is not None:
            subscribers = subscribers.filter(network=network)
        return list(subscribers.order_by("network_id", "pk"))


@transaction.atomic
def _record(*, subscriber: Subscriber, delivery, kind: str, detail: str) -> Recorded:
    # Lock the subscriber: two bounces ingested at once count each other.
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    bounce = Bounce.objects.create(
        network_id=subscriber.network_id,
        subscriber=subscriber,
        delivery=delivery,
        kind=kind,
        detail=detail,
    )
    if subscriber.status != Subscriber.Status.ACTIVE:
        return Recorded(bounce=bounce, suspended=False)
    if kind == Bounce.Kind.HARD and delivery is not None:
        reason = "hard"
    elif _bounces_counting(subscriber) >= SOFT_LIMIT:
        reason = "repeated"
    else:
        return Recorded(bounce=bounce, suspended=False)
    _suspend(subscriber=subscriber, bounce=bounce, reason=reason)
    return Recorded(bounce=bounce, suspended=True)


def _bounces_counting(subscriber: Subscriber) -> int:
    """Bounces within the window, not counting those before a reactivation.

    Soft ones, and hard ones without a token (a proven hard bounce has suspended already).
    """
    bounces = subscriber.bounces.filter(received_at__gte=timezone.now() - SOFT_WINDOW)
    reactivated = (
        subscriber.consent_events.filter(action=ConsentEvent.Action.REACTIVATED)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    if reactivated is not None:
        bounces = bounces.filter(received_at__gt=reactivated)
    return bounces.count()


def _suspend(*, subscriber: Subscriber, bounce: Bounce, reason: str) -> None:
    subscriber.status = Subscriber.Status.SUSPENDED
    subscriber.suspended_at = timezone.now()
    subscriber.save(update_fields=["status", "suspended_at"])
    proof = {"bounce": bounce.pk, "kind": reason, "detail": bounce.detail}
    if bounce.delivery_id:
        proof["mailing"] = bounce.delivery.mailing_id
    consent_record(
        subscriber=subscriber,
        action=ConsentEvent.Action.SUSPENDED,
        method=ConsentEvent.Method.BOUNCE,
        proof=proof,
    )
    audit_record(
        network=subscriber.network,
        actor=None,
        action="subscriber.suspend",
        target=subscriber,
    )


@transaction.atomic
def subscriber_reactivate(*, subscriber: Subscriber, actor) -> Subscriber:
    """The coordinator takes a suspended address back (it works again, the person asked)."""
    network = subscriber.network
    require_actor(actor, network, "infomail.manage")
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != Subscriber.Status.SUSPENDED:
        raise DomainError(_("Only a suspended subscriber can be reactivated."))
    subscriber.status = Subscriber.Status.ACTIVE
    subscriber.suspended_at = None
    subscriber.save(update_fields=["status", "suspended_at"])
    consent_record(
        subscriber=subscriber,
        action=ConsentEvent.Action.REACTIVATED,
        method=ConsentEvent.Method.COORDINATOR,
        proof={"coordinator": actor.pk} if actor is not None else {},
    )
    audit_record(network=network, actor=actor, action="subscriber.reactivate", target=subscriber)
    return subscriber
