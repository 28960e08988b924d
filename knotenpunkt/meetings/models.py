"""Plenary, working-group and training meetings, and everything they produce."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.models import NetworkScopedModel


class Meeting(NetworkScopedModel):
    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary meeting")
        WORKING_GROUP = "working_group", _("Working-group meeting")
        TRAINING = "training", _("Training")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        CANCELLED = "cancelled", _("cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    group = models.ForeignKey(
        "workinggroups.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="meetings",
        verbose_name=_("working group"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description (Markdown)"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    # iCalendar identity: invitations, updates and cancellations of one meeting share the
    # UID, and every change that calendars must apply raises the SEQUENCE (RFC 5546).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["network", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def has_ended(self) -> bool:
        """Over: it can no longer be cancelled or registered for."""
        return self.ends_at <= timezone.now()


class AgendaItem(NetworkScopedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class CafeSession(NetworkScopedModel):
    """A part of a plenary's network café: its own slot, room, host and seats."""

    class Kind(models.TextChoices):
        TOPIC_PANEL = "topic_panel", _("Topic panel")
        DISCUSSION_GROUP = "discussion_group", _("Discussion group")
        INFORMATION_TABLE = "information_table", _("Information table")
        TALK = "talk", _("Talk")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    host_organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_cafe_sessions",
        verbose_name=_("host organisation"),
    )
    room = models.CharField(_("room"), max_length=100, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Meeting.Status.choices,
        default=Meeting.Status.SCHEDULED,
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="cafe_session_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.status == Meeting.Status.CANCELLED

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()


class Registration(NetworkScopedModel):
    """A person's seat (or place on the waiting list) for a meeting or one of its café sessions.

    `meeting` is always set; `session` only for café registrations, so that one index
    answers "who comes to this meeting" for both.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    session = models.ForeignKey(
        CafeSession,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    person = models.ForeignKey(
        "members.Person", on_delete=models.CASCADE, related_name="meeting_registrations"
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_registrations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # The waiting list is served in this order (first come, first served).
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["network", "meeting", "status"], name="registration_meeting"),
            models.Index(fields=["network", "person", "status"], name="registration_person"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=models.Q(session__isnull=True) & ~models.Q(status="cancelled"),
                name="one_active_meeting_registration",
            ),
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=models.Q(session__isnull=False) & ~models.Q(status="cancelled"),
                name="one_active_session_registration",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.session or self.meeting} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED


class Attendance(NetworkScopedModel):
    """Who was there; the organisation is the one the person came for (for the figures)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        "members.Person", on_delete=models.CASCADE, related_name="attendances"
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendances",
    )
    checked_in_at = models.DateTimeField()
    checked_out_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["checked_in_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.meeting}"


class MinutesVersion(NetworkScopedModel):
    """Every save of a meeting's minutes; the highest number is the current text."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes_versions")
    number = models.PositiveIntegerField()
    text = models.TextField(_("minutes (Markdown)"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    restored_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="unique_minutes_number")
        ]

    def __str__(self) -> str:
        return f"{self.meeting} v{self.number}"


class Decision(NetworkScopedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    group = models.ForeignKey(
        "workinggroups.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        verbose_name=_("working group"),
    )
    text = models.TextField(_("decision"))
    decided_on = models.DateField(_("decided on"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-id"]
        indexes = [models.Index(fields=["network", "decided_on"], name="decision_network_date")]

    def __str__(self) -> str:
        return self.text[:80]


class ActionItem(NetworkScopedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    text = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(
        "members.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    done_at = models.DateTimeField(null=True, blank=True)
    # The overdue reminder goes out once per item; this remembers that it went.
    overdue_reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = [models.F("due_on").asc(nulls_last=True), "id"]
        indexes = [models.Index(fields=["network", "status", "due_on"], name="action_open_due")]

    def __str__(self) -> str:
        return self.text


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class PersonalFeedToken(NetworkScopedModel):
    """The secret in a person's calendar feed address; revoking it kills the address."""

    person = models.ForeignKey(
        "members.Person", on_delete=models.CASCADE, related_name="feed_tokens"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"feed of {self.person}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
