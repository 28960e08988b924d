"""Public events of the members, their translations, iCal sources and the bimonthly editions.

Times are stored in UTC; `time_zone` keeps the zone the event was planned in, so that a
weekly event stays at 18:00 local time across daylight-saving changes when expanded.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.models import NetworkScopedModel

AUDIENCES = [
    ("women", _("Women")),
    ("families", _("Families")),
    ("children", _("Children")),
    ("youth", _("Young people")),
    ("seniors", _("Older people")),
    ("refugees", _("Refugees")),
    ("newcomers", _("Newcomers")),
    ("professionals", _("Professionals")),
    ("volunteers", _("Volunteers")),
    ("everyone", _("Everyone")),
]
AUDIENCE_LABELS = dict(AUDIENCES)


class EventSource(NetworkScopedModel):
    """An iCal calendar of a member organisation, fetched from a URL or uploaded as a file."""

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="event_sources"
    )
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("iCal address (URL)"), blank=True, max_length=1000)
    active = models.BooleanField(_("import regularly"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=20, blank=True)  # ok / failed / running / queued
    last_started_at = models.DateTimeField(null=True, blank=True)  # when the worker began
    last_report = models.JSONField(default=dict, blank=True)  # counts and problems of the last run

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Event(NetworkScopedModel):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("waiting for moderation")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")
        CANCELLED = "cancelled", _("cancelled")

    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    original_language = models.CharField(
        _("language of the text"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description (Markdown)"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    all_day = models.BooleanField(_("all day"), default=False)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Berlin")
    # RFC 5545 recurrence: the RRULE value without "RRULE:", and excluded start times.
    rrule = models.CharField(_("recurrence rule"), max_length=500, blank=True)
    exdates = models.JSONField(_("excluded dates"), default=list, blank=True)
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), blank=True, max_length=1000)
    organiser = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("organiser"),
    )
    audiences = models.JSONField(_("for whom"), default=list, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    cost = models.CharField(_("cost"), max_length=100, blank=True)
    step_free = models.BooleanField(_("step-free access"), default=False)
    sign_language = models.BooleanField(_("sign language interpreting"), default=False)
    childcare = models.BooleanField(_("childcare"), default=False)
    registration_url = models.URLField(_("registration link"), blank=True, max_length=1000)
    image = models.ImageField(_("image"), upload_to="events/%Y/", blank=True)
    image_alt = models.CharField(_("image description (alt text)"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    source = models.ForeignKey(
        EventSource, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    source_uid = models.CharField(max_length=500, blank=True)
    removed_at_source = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["network", "status", "starts_at"], name="event_public_list"),
            models.Index(fields=["network", "source", "source_uid"], name="event_source_uid"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["source", "source_uid"],
                condition=~models.Q(source_uid=""),
                name="one_event_per_source_uid",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class EventTranslation(NetworkScopedModel):
    """The title and description of an event in another language than its original."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description (Markdown)"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "language"], name="one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"


class Edition(NetworkScopedModel):
    """The printed calendar of a two-month period; publishing freezes its list of occurrences."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The occurrences as they were when the edition was published (JSON-serialisable dicts).
    frozen = models.JSONField(default=list, blank=True)
    pdf = models.FileField(upload_to="editions/", blank=True)
    pdf_status = models.CharField(max_length=20, blank=True)  # queued / running / done / failed
    pdf_progress = models.PositiveSmallIntegerField(default=0)  # percent
    pdf_started_at = models.DateTimeField(null=True, blank=True)  # when the worker began
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)
    pdf_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["network", "starts_on"], name="one_edition_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.starts_on:%Y-%m}"
