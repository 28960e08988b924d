"""Plenary, working-group and training meetings, and everything they produce."""

from django.db import models
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
        on_delete=models.PROTECT,
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
