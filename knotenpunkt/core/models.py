"""The tenant (Network), the scoped base model and the audit trail."""

import re
import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


def validate_colour(value: str) -> None:
    if value and not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValidationError(_("Give the colour as # and six hexadecimal digits, e.g. #0b5cad."))


def validate_languages(value) -> None:
    if not isinstance(value, list) or not all(code in LANGUAGE_CODES for code in value):
        raise ValidationError(
            _("Choose languages from: %(codes)s."), params={"codes": ", ".join(LANGUAGE_CODES)}
        )


class Network(models.Model):
    """One city's integration network; every other row belongs to exactly one."""

    slug = models.SlugField(_("short name in addresses"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=120)
    default_language = models.CharField(
        _("default language"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    enabled_languages = models.JSONField(
        _("enabled languages"), default=list, validators=[validate_languages]
    )
    coordinating_body = models.CharField(_("coordinating body"), max_length=200, blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("A few sentences for the homepage. Empty: a general sentence about the city."),
    )
    logo = models.ImageField(_("logo"), upload_to="networks/", blank=True)
    accent_colour = models.CharField(
        _("colour"),
        max_length=7,
        blank=True,
        validators=[validate_colour],
        help_text=_(
            "The network's colour for links, buttons and the header. A light colour is "
            "darkened on the pages so that text stays readable. Empty: blue."
        ),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    address = models.TextField(_("address"), blank=True)
    imprint_responsible = models.CharField(
        _("responsible for the content"), max_length=200, blank=True
    )
    edition_months = models.JSONField(
        _("months in which a calendar edition starts"),
        default=list,
        blank=True,
        help_text=_("Empty: every two months from January (January, March, May, …)."),
    )
    plenaries_per_year_target = models.PositiveSmallIntegerField(
        _("plenary meetings per year (target)"), default=5
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Berlin", validators=[validate_time_zone]
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_(
            "A deactivated network's pages answer “not found”, it is not listed on the start "
            "page and its periodic jobs skip it. Its data stays."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Renewed by every change to data that pages memoise per process (core/memo.py).
    memo_token = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # A new token on every save, so that saving an instance loaded before another change
        # can never bring back a token that memoised entries were computed under.
        self.memo_token = uuid.uuid4()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "memo_token"}
        super().save(*args, **kwargs)

    @property
    def languages(self) -> list[str]:
        """Enabled languages in the installation's order, the default always first."""
        enabled = set(self.enabled_languages or []) | {self.default_language}
        ordered = [code for code in LANGUAGE_CODES if code in enabled]
        ordered.remove(self.default_language)
        return [self.default_language, *ordered]

    def logo_data_uri(self) -> str:
        """The logo inlined as a data: URI, for documents rendered without network access (PDF)."""
        if not self.logo:
            return ""
        import base64
        import mimetypes

        content_type = mimetypes.guess_type(self.logo.name)[0] or "image/png"
        with self.logo.open("rb") as handle:
            encoded = base64.b64encode(handle.read()).decode("ascii")
        return f"data:{content_type};base64,{encoded}"

    @property
    def edition_start_months(self) -> list[int]:
        """Months (1–12) in which a bimonthly calendar edition starts."""
        months = sorted(
            {int(month) for month in self.edition_months or [] if 1 <= int(month) <= 12}
        )
        return months or [1, 3, 5, 7, 9, 11]

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class NetworkScopedModel(models.Model):
    """Base of every domain model: the manager refuses to query outside a network scope."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")

    objects = ScopedManager(network="network")

    class Meta:
        abstract = True


class AuditEntry(NetworkScopedModel):
    """Who did what to which object, and when; `context` ties an entry to a parent's trail."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=80)
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    target_label = models.CharField(max_length=300, blank=True)
    context_type = models.CharField(max_length=80, blank=True)
    context_id = models.CharField(max_length=64, blank=True)
    summary = models.TextField(blank=True)
    # {field: [before, after]} of an edit, JSON-safe and without secrets (core/audit.py).
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["network", "target_type", "target_id"]),
            models.Index(fields=["network", "context_type", "context_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.target_type}:{self.target_id}"


class WorkerHeartbeat(models.Model):
    """Last time the task worker ran the heartbeat task; /healthz reports its age."""

    name = models.CharField(max_length=50, unique=True, default="default")
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} @ {self.seen_at:%Y-%m-%d %H:%M:%S}"


class SearchEntry(NetworkScopedModel):
    """One searchable object: what the result shows, who may see it, and its normalised text.

    Written only through `core.search`; the full-text index over `search_title` and
    `search_body` is created per database in migration 0003 (FTS5 on SQLite, GIN on PostgreSQL).
    """

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        NETWORK = "network", _("everyone in the network")
        GROUP = "group", _("members of the working group")
        COORDINATOR = "coordinator", _("coordination and city liaison")

    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    # The page of the object, relative to the network's root (e.g. "manage/members/12/").
    url = models.CharField(max_length=500)
    visibility = models.CharField(max_length=20, choices=Visibility.choices)
    # Core imports no domain app, so the working group is a plain number, not a foreign key.
    group_id = models.BigIntegerField(null=True, blank=True)
    search_title = models.TextField(blank=True)
    search_body = models.TextField(blank=True)
    # What tells alike results apart on the results page: when the object happens (or was
    # decided) and where. `starts_at` is a moment; `day` a date without a time; both may be empty.
    starts_at = models.DateTimeField(null=True, blank=True)
    day = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=300, blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["network", "target_type", "target_id"], name="unique_search_entry"
            )
        ]
        indexes = [models.Index(fields=["network", "visibility"], name="search_entry_visibility")]

    def __str__(self) -> str:
        return f"{self.target_type}:{self.target_id} {self.title}"


class RateCount(NetworkScopedModel):
    """How often one client (a keyed hash of its address) posted one public form in one window.

    Counted in the database, not in a process's memory, so that several web processes share
    the count (core/spam.py, docs/decisions/0034-voices.md). Rows of past windows are removed
    as new ones are counted.
    """

    bucket = models.CharField(max_length=60)
    client = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["network", "bucket", "client", "window_start"],
                name="unique_rate_count_per_window",
            )
        ]
        indexes = [models.Index(fields=["window_start"])]

    def __str__(self) -> str:
        return f"{self.bucket} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"
