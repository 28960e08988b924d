"""Working groups, who belongs to them (and who leads them), and their goals."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.models import NetworkScopedModel


class WorkingGroup(NetworkScopedModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80)
    mandate = models.TextField(_("mandate (Markdown)"), blank=True)
    meetings_per_year_target = models.PositiveSmallIntegerField(
        _("meetings per year (target)"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    active_from = models.DateField(_("active from"))
    active_until = models.DateField(_("active until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "slug"], name="unique_group_slug_per_network"
            )
        ]

    def __str__(self) -> str:
        return self.name


class GroupMembership(NetworkScopedModel):
    """A person (for an organisation, or on their own) in a group; `is_lead` makes them a lead."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "members.Person", on_delete=models.CASCADE, related_name="group_memberships"
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="group_memberships",
    )
    is_lead = models.BooleanField(_("leads the group"), default=False)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["-is_lead", "person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=models.Q(left_on__isnull=True),
                name="one_open_group_membership_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.group}"


class Goal(NetworkScopedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        ACHIEVED = "achieved", _("achieved")
        DROPPED = "dropped", _("dropped")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal"), max_length=500)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.text
