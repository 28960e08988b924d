"""The monthly info mail: its subscribers and their consent, the issues sent, every delivery.

A subscriber is an e-mail address with a language and topics, nothing more (data
minimisation): no name, no organisation. Every step of consent is a `ConsentEvent`, the
record that shows when and how a person agreed or left. A mailing is written once with a
version per language; sending creates one `Delivery` per recipient, whose state the sending
task moves forward one committed step at a time, so that a killed worker leaves at most one
delivery whose fate is unknown (docs/decisions/0027-crash-safe-sending.md).
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.models import NetworkScopedModel


def new_token() -> str:
    """An unguessable token for links that act without a login (preferences, leave)."""
    return secrets.token_urlsafe(24)


def new_short_token() -> str:
    """A delivery's token in its return path: short, as an address's local part must be."""
    return secrets.token_hex(10)


class Topic(NetworkScopedModel):
    """What a subscriber wants to hear about; a mailing can go to the subscribers of some."""

    name = models.CharField(_("name"), max_length=100)
    # {language: name} for the languages the coordinator translated the name into.
    translations = models.JSONField(_("name in other languages"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="unique_topic_name")
        ]

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        return self.translations.get(language) or self.name


class Subscriber(NetworkScopedModel):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        ACTIVE = "active", _("subscribed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        SUSPENDED = "suspended", _("suspended after bounces")

    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    topics = models.ManyToManyField(Topic, blank=True, related_name="subscribers")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    # For the preference page and leaving: in every mail, acts without a login.
    token = models.CharField(max_length=64, unique=True, default=new_token)
    # The account of a member contact who subscribed from the workspace (their own consent).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    suspended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(fields=["network", "email"], name="unique_subscriber_email")
        ]
        indexes = [models.Index(fields=["network", "status"])]

    def __str__(self) -> str:
        return self.email


class ConsentEvent(NetworkScopedModel):
    """One step of a person's consent: what happened, when, how, and what proves it.

    `proof` holds what shows the step was the person's own (the confirmation link that was
    followed, the wording they agreed to); `client` is a keyed hash of the address the request
    came from, never the address itself, so that repeated requests can be recognised without
    storing an IP address.
    """

    class Action(models.TextChoices):
        REQUESTED = "requested", _("sign-up requested")
        CONFIRMED = "confirmed", _("subscription confirmed")
        CHANGED = "changed", _("preferences changed")
        LEFT = "left", _("unsubscribed")
        SUSPENDED = "suspended", _("suspended after bounces")
        REACTIVATED = "reactivated", _("reactivated")

    class Method(models.TextChoices):
        FORM = "form", _("sign-up form")
        LINK = "link", _("confirmation link")
        PREFERENCES = "preferences", _("preference page")
        ONE_CLICK = "one_click", _("one-click unsubscribe")
        MAIL = "mail", _("unsubscribe mail")
        ACCOUNT = "account", _("signed in to the workspace")
        COORDINATOR = "coordinator", _("by the coordinator")
        BOUNCE = "bounce", _("bounced mails")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consent_events"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    method = models.CharField(max_length=20, choices=Method.choices)
    at = models.DateTimeField(default=timezone.now)
    email = models.EmailField()  # the address as it was at this step
    language = models.CharField(max_length=8, blank=True)
    topics = models.JSONField(default=list, blank=True)  # topic names agreed to
    proof = models.JSONField(default=dict, blank=True)
    client = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.email}: {self.action} ({self.method})"


class Mailing(NetworkScopedModel):
    """One issue of the info mail, with a version per language (`MailingVersion`)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SCHEDULED = "scheduled", _("scheduled")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    class Block(models.TextChoices):
        EVENTS = "events", _("Next month's events")
        MEMBERS = "members", _("New members")
        GROUPS = "groups", _("From the working groups")

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    blocks = models.JSONField(_("blocks"), default=list, blank=True)
    # Segments: empty means everyone.
    languages = models.JSONField(_("only subscribers with these languages"), default=list)
    topics = models.ManyToManyField(Topic, blank=True, related_name="mailings")
    scheduled_for = models.DateTimeField(_("send at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sending_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The sending task holds the mailing until then and renews it as it goes; a task finding
    # it held by another, living task leaves; after a kill, the lease runs out and the
    # periodic sweep starts a new task (tasks.mailings_resume).
    lease_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"mailing {self.pk}"


class MailingVersion(NetworkScopedModel):
    """A mailing in one language: the subject and the intro (Markdown)."""

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction (Markdown)"), blank=True)
    # The issue as it was sent (compose.mailing_render, frozen by mailing_send): every
    # recipient gets the same content, whenever the worker reaches them, and the archive
    # shows what was sent. The per-recipient links are left as compose's marks.
    sent_text = models.TextField(blank=True)
    sent_html = models.TextField(blank=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "language"], name="unique_mailing_version_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} [{self.language}]"


class Delivery(NetworkScopedModel):
    """A mailing to one recipient; its state moves queued → sending → sent, or on to
    retry (a 4xx answer), failed (a 5xx answer or too many retries), or unknown (the worker
    died while this one was on the wire: it may or may not have arrived, and is not resent)."""

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        RETRY = "retry", _("to be retried")
        FAILED = "failed", _("failed")
        UNKNOWN = "unknown", _("unknown (interrupted while sending)")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    email = models.EmailField()
    language = models.CharField(max_length=8)
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    token = models.CharField(max_length=32, unique=True, default=new_short_token)
    message_id = models.CharField(max_length=250, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscriber"], name="unique_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["mailing", "state"])]

    def __str__(self) -> str:
        return f"{self.email}: {self.state}"


class Bounce(NetworkScopedModel):
    """A returned mail: hard (the address does not exist) or soft (a full mailbox, …)."""

    class Kind(models.TextChoices):
        HARD = "hard", _("permanent")
        SOFT = "soft", _("temporary")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="bounces")
    delivery = models.ForeignKey(
        Delivery, null=True, blank=True, on_delete=models.SET_NULL, related_name="bounces"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    received_at = models.DateTimeField(default=timezone.now)
    detail = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subscriber}: {self.kind}"
