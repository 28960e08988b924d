"""Writes of the info mail's subscribers: signing up, confirming, preferences, leaving.

Every step a person takes about their own subscription is recorded in the consent log
(`consent.consent_record`), which is the record their consent needs; the coordinator's own
writes go to the audit trail. Signing up never tells whether an address is subscribed
already, and never mails one address more than once an hour
(docs/decisions/0028-sign-up-reveals-nothing.md).
"""

import datetime

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError, PermissionDenied
from knotenpunkt.core.mail import mail_send_later
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse
from knotenpunkt.core.validation import all_checks, check_email, check_required

from .consent import consent_record
from .models import ConsentEvent, Delivery, Subscriber, Topic

# How long a confirmation link works, and how often one address may get a mail from sign-up.
CONFIRMATION_VALID = datetime.timedelta(days=7)
MAIL_INTERVAL = datetime.timedelta(hours=1)
CONFIRMATION_SALT = "infomail.subscriber.confirm"

# What the sign-up form says the person agrees to; kept with their request as proof. The
# English text is the msgid: the consent log keeps the words in the language they were shown.
CONSENT_TEXT = gettext_lazy(
    "I would like to receive the network's info mail at this address. I can leave at any "
    "time with the link in every mail."
)

Action, Method, Status = ConsentEvent.Action, ConsentEvent.Method, Subscriber.Status


# Checks ----------------------------------------------------------------------------------


def check_language(network, language: str, *, field: str | None = "language") -> str:
    if language not in network.languages:
        raise DomainError(_("Choose one of the languages offered."), field=field)
    return language


def _topics(network, topics) -> list[Topic]:
    """The network's topics among `topics` (objects or ids); another network's are refused."""
    ids = {getattr(topic, "pk", topic) for topic in topics or ()}
    found = list(Topic.objects.filter(network=network, pk__in=ids))
    if len(found) != len(ids):
        raise DomainError(_("Choose topics from the list."), field="topics")
    return found


def _checked(network, *, email=None, language, topics):
    with all_checks() as check:
        if email is not None:
            email = check(check_required, email, field="email")
            email = email and check(check_email, email, field="email")
        check(check_language, network, language)
        chosen = check(_topics, network, topics)
    return email, chosen


# Confirmation links ----------------------------------------------------------------------


def confirmation_make(subscriber: Subscriber) -> str:
    """The signed value of a confirmation link: which subscriber, in which network, sent when."""
    value = {"n": subscriber.network_id, "s": subscriber.pk, "t": subscriber.token[:8]}
    return signing.dumps(value, salt=CONFIRMATION_SALT, compress=True)


def confirmation_read(network, confirmation: str) -> tuple[Subscriber, datetime.datetime]:
    """The subscriber a confirmation link names and when the link was made.

    An expired link and one that names nothing (forged, cut off, another network's, a removed
    subscriber's) are refused with a DomainError whose field says which (`expired`, `unknown`).
    Without a `network`, the one the link names (within the active scope).
    """
    unknown = DomainError(_("This confirmation link is not valid."), field="unknown")
    try:
        value = signing.loads(confirmation, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_VALID)
    except signing.SignatureExpired:
        raise DomainError(_("This confirmation link has expired."), field="expired") from None
    except signing.BadSignature:
        raise unknown from None
    if not isinstance(value, dict) or (network is not None and value.get("n") != network.pk):
        raise unknown
    subscriber = Subscriber.objects.filter(network_id=value.get("n"), pk=value.get("s")).first()
    if subscriber is None or subscriber.token[:8] != value.get("t"):
        raise unknown
    return subscriber, _signed_at(confirmation)


def _signed_at(confirmation: str) -> datetime.datetime:
    timestamp = signing.b62_decode(confirmation.rsplit(":", 2)[-2])
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)


def _link(network, name: str, language: str, **kwargs) -> str:
    return absolute_url(network_reverse(network, f"infomail:{name}", lang=language, **kwargs))


def _may_mail(subscriber: Subscriber, now) -> bool:
    sent = subscriber.confirmation_sent_at
    return sent is None or now - sent >= MAIL_INTERVAL


def _mail_confirmation(subscriber: Subscriber, network) -> None:
    language = subscriber.language
    link = _link(network, "confirm", language, confirmation=confirmation_make(subscriber))
    mail_send_later(
        to=subscriber.email,
        template="infomail/mail/confirm",
        context={
            "network": network,
            "link": link,
            "valid_until": timezone.now() + CONFIRMATION_VALID,
        },
        language=language,
    )


def _mail_already_subscribed(subscriber: Subscriber, network) -> None:
    language = subscriber.language
    mail_send_later(
        to=subscriber.email,
        template="infomail/mail/confirm_already",
        context={
            "network": network,
            "preferences": _link(
                network, "preferences", language, subscriber_token=subscriber.token
            ),
            "unsubscribe": _link(
                network, "unsubscribe", language, subscriber_token=subscriber.token
            ),
        },
        language=language,
    )


# Signing up and confirming ---------------------------------------------------------------


@transaction.atomic
def subscriber_request(*, network, email: str, language: str, topics=(), request=None) -> None:
    """A sign-up from the public form: the address gets a confirmation link (double opt-in).

    Returns nothing and behaves alike for every address, so the page cannot tell whether it was
    subscribed already. An active subscriber's preferences stay as they are (anyone can type
    an address) and it gets at most one "you are subscribed already" mail an hour; a pending,
    departed or suspended address becomes pending with the new choice and gets at most one
    confirmation mail an hour.
    """
    email, chosen = _checked(network, email=email, language=language, topics=topics)
    now = timezone.now()
    subscriber = (
        Subscriber.objects.select_for_update().filter(network=network, email__iexact=email).first()
    )
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(
                    network=network, email=email, language=language, status=Status.PENDING
                )
        except IntegrityError:
            return  # the same address at the same moment: the other request mails it
    elif subscriber.status == Status.ACTIVE:
        if _may_mail(subscriber, now):
            subscriber.confirmation_sent_at = now
            subscriber.save(update_fields=["confirmation_sent_at"])
            _mail_already_subscribed(subscriber, network)
        return
    subscriber.language = language
    subscriber.status = Status.PENDING
    subscriber.save(update_fields=["language", "status"])
    subscriber.topics.set(chosen)
    consent_record(
        subscriber=subscriber,
        action=Action.REQUESTED,
        method=Method.FORM,
        request=request,
        proof=_agreed(),
    )
    if _may_mail(subscriber, now):
        subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["confirmation_sent_at"])
        _mail_confirmation(subscriber, network)


def _agreed() -> dict:
    """The consent wording as the page showed it (in its language): what the person agreed to."""
    return {"consent_text": str(CONSENT_TEXT), "page_language": get_language()}


@transaction.atomic
def subscriber_confirm(*, confirmation: str, request=None, network=None) -> Subscriber:
    """Follow a confirmation link: a pending subscriber becomes active; again, nothing changes.

    An expired or unknown link raises a DomainError (field `expired` or `unknown`); so does the
    link of someone who has left since (leaving is the later wish: they sign up again).
    """
    network = network or getattr(request, "network", None)
    subscriber, signed_at = confirmation_read(network, confirmation)
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == Status.ACTIVE:
        return subscriber
    if subscriber.status != Status.PENDING:
        raise DomainError(_("This confirmation link is no longer valid."), field="unknown")
    now = timezone.now()
    subscriber.status = Status.ACTIVE
    subscriber.confirmed_at = now
    subscriber.left_at = None
    subscriber.suspended_at = None
    subscriber.save(update_fields=["status", "confirmed_at", "left_at", "suspended_at"])
    consent_record(
        subscriber=subscriber,
        action=Action.CONFIRMED,
        method=Method.LINK,
        request=request,
        proof={
            "link": "confirmation",
            "link_made_at": signed_at.isoformat(),
            "last_sent_at": _iso(subscriber.confirmation_sent_at),
        },
    )
    return subscriber


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


# Preferences and leaving -----------------------------------------------------------------


@transaction.atomic
def subscriber_preferences_change(
    *, subscriber: Subscriber, language: str, topics=(), request=None, method=Method.PREFERENCES
) -> Subscriber:
    """The subscriber's own choice of language and topics (from the preference page)."""
    network = subscriber.network
    _email, chosen = _checked(network, language=language, topics=topics)
    if subscriber.status != Status.ACTIVE:
        raise DomainError(_("This address is not subscribed."), field=None)
    before = (subscriber.language, {topic.pk for topic in subscriber.topics.all()})
    if before == (language, {topic.pk for topic in chosen}):
        return subscriber
    subscriber.language = language
    subscriber.save(update_fields=["language"])
    subscriber.topics.set(chosen)
    consent_record(subscriber=subscriber, action=Action.CHANGED, method=method, request=request)
    return subscriber


UNSUBSCRIBE_METHODS = (Method.ONE_CLICK, Method.PREFERENCES, Method.MAIL, Method.ACCOUNT)


@transaction.atomic
def subscriber_unsubscribe(
    *, subscriber: Subscriber, method: str, request=None, proof: dict | None = None
) -> Subscriber:
    """Leave the info mail at once; leaving again changes nothing and records nothing."""
    if method not in UNSUBSCRIBE_METHODS:
        raise ValueError(f"not a way to leave: {method!r}")
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == Status.UNSUBSCRIBED:
        return subscriber
    subscriber.status = Status.UNSUBSCRIBED
    subscriber.left_at = timezone.now()
    subscriber.save(update_fields=["status", "left_at"])
    consent_record(
        subscriber=subscriber, action=Action.LEFT, method=method, request=request, proof=proof
    )
    return subscriber


# A member contact's own subscription -------------------------------------------------------


def own_subscriber(*, network, user) -> Subscriber | None:
    """The subscriber of the user's account in this network (by account, else by address)."""
    found = Subscriber.objects.filter(network=network, user=user).first()
    return found or Subscriber.objects.filter(network=network, email__iexact=user.email).first()


@transaction.atomic
def subscriber_subscribe_self(
    *, network, user, language: str, topics=(), actor, request=None
) -> Subscriber:
    """Someone with a role subscribes their own account's address, with their own consent.

    The address is the account's, verified when the account was made, so no confirmation mail
    is needed: the consent is requested and confirmed in one step (method ACCOUNT). Nobody may
    do this for someone else.
    """
    if actor is None or actor.pk != user.pk:
        raise PermissionDenied("infomail.subscribe_self")
    require_actor(actor, network, "infomail.subscribe_self")
    _email, chosen = _checked(network, language=language, topics=topics)
    subscriber = own_subscriber(network=network, user=user)
    if subscriber is not None and subscriber.status == Status.ACTIVE:
        if subscriber.user_id != user.pk:
            subscriber.user = user
            subscriber.save(update_fields=["user"])
        return subscriber_preferences_change(
            subscriber=subscriber,
            language=language,
            topics=chosen,
            request=request,
            method=Method.ACCOUNT,
        )
    if subscriber is None:
        subscriber = Subscriber(network=network, email=user.email)
    now = timezone.now()
    subscriber.user = user
    subscriber.language = language
    subscriber.status = Status.ACTIVE
    subscriber.confirmed_at = now
    subscriber.left_at = subscriber.suspended_at = None
    subscriber.save()
    subscriber.topics.set(chosen)
    proof = {"account": user.pk, **_agreed()}
    for action in (Action.REQUESTED, Action.CONFIRMED):
        consent_record(
            subscriber=subscriber,
            action=action,
            method=Method.ACCOUNT,
            request=request,
            proof=proof,
        )
    return subscriber


# The coordinator --------------------------------------------------------------------------


@transaction.atomic
def subscriber_remove(*, subscriber: Subscriber, actor) -> None:
    """Erase a subscriber on their request (GDPR art. 17): the address goes everywhere.

    The subscriber and their consent log are deleted (the log proves consent for mails that
    will no longer be sent, and holds the address); the deliveries keep their counts but lose
    the address. The audit trail records the removal by number only.
    """
    network = subscriber.network
    require_actor(actor, network, "infomail.manage")
    Delivery.objects.filter(network=network, subscriber=subscriber).update(email="")
    audit_record(
        network=network,
        actor=actor,
        action="subscriber.remove",
        target=network,
        summary=f"#{subscriber.pk}",
    )
    subscriber.delete()
