"""Organisations, people, memberships, contact positions and cooperation agreements.

History is never overwritten: a membership or a contact position ends with a
date, and a new one starts, so that who spoke for whom stays known.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.models import NetworkScopedModel

# Contact roles offered in forms; other roles are stored as typed.
MAIN_CONTACT = "main contact"
KNOWN_CONTACT_ROLES = {
    MAIN_CONTACT: _("Main contact"),
    "deputy contact": _("Deputy contact"),
}

# The kinds a new network starts with (DESIGN.md §6); a network may add its own.
DEFAULT_ORGANISATION_KINDS = [
    ("administration", _("Administration")),
    ("welfare", _("Welfare organisation")),
    ("association", _("Association")),
    ("migrant_organisation", _("Migrant organisation")),
    ("education", _("Education provider")),
    ("company", _("Company")),
    ("volunteer_group", _("Volunteer group")),
    ("other", _("Other")),
]
DEFAULT_KIND_LABELS = dict(DEFAULT_ORGANISATION_KINDS)


class OrganisationKind(NetworkScopedModel):
    key = models.SlugField(_("key"), max_length=50)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "key"], name="unique_kind_key_per_network")
        ]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self):
        """Starter kinds are shown translated; kinds a network added keep their own name."""
        return DEFAULT_KIND_LABELS.get(self.key, self.name)


class Organisation(NetworkScopedModel):
    # The identifier other directories know it by (Open Referral HSDS ids are UUIDs); the
    # integer key stays the installation's own.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.ForeignKey(
        OrganisationKind,
        on_delete=models.RESTRICT,
        related_name="organisations",
        verbose_name=_("kind"),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    public_listing = models.BooleanField(_("may be listed publicly"), default=False)
    public_listing_changed_at = models.DateTimeField(null=True, blank=True)
    trusted = models.BooleanField(_("trusted publisher"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "network", Lower("name"), Lower("city"), name="unique_organisation_name_city"
            )
        ]
        # The member list pages through thousands of rows sorted by these columns.
        indexes = [
            models.Index(fields=["network", "name"], name="organisation_network_name"),
            models.Index(fields=["network", "city", "name"], name="organisation_network_city"),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(NetworkScopedModel):
    """One period of membership; re-joining opens a new period and keeps the old one."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    leave_reason = models.CharField(_("reason for leaving"), max_length=300, blank=True)

    class Meta:
        ordering = ["-joined_on"]
        # Every scoped query filters by network first; SQLite then needs the network in the index.
        indexes = [
            models.Index(
                fields=["network", "organisation", "joined_on"], name="membership_org_joined"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(left_on__isnull=True),
                name="one_open_membership_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.joined_on}–{self.left_on or ''}"


class Person(NetworkScopedModel):
    """A contact person; erasure blanks the personal fields and keeps the row for history."""

    full_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    contact_consent = models.BooleanField(_("agrees to be contacted"), default=False)
    contact_consent_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="persons",
    )
    erased_at = models.DateTimeField(null=True, blank=True)
    # Where the erased name was still written in free text at erasure (core.personal_data
    # Mention dicts: kind, title, path); the name itself is not kept.
    erasure_mentions = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(
                "network",
                Lower("email"),
                condition=~models.Q(email=""),
                name="unique_person_email_per_network",
            )
        ]
        indexes = [models.Index(fields=["network", "full_name"], name="person_network_name")]

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    @property
    def display_name(self) -> str:
        """An erased person stays in the history as a "former contact" in the reader's language."""
        if self.is_erased:
            return gettext("Former contact")
        return self.full_name

    def mail_language(self, network) -> str:
        """The language to write to this person in: their account's, else one they speak, if the
        network offers it; else the network's default."""
        user = self.user if self.user_id else None
        candidates = [user.preferred_language if user else None, *(self.languages or [])]
        for code in candidates:
            if code in network.languages:
                return code
        return network.default_language


class ContactPosition(NetworkScopedModel):
    """Who speaks for an organisation in which role, from when to when.

    `handover_note` is what the holder writes for whoever comes next; the successor
    reads it on their predecessor's position, so every holder's note stays in the history.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="positions"
    )
    person = models.ForeignKey(Person, on_delete=models.RESTRICT, related_name="positions")
    role = models.CharField(_("role"), max_length=100, default=MAIN_CONTACT)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    handover_note = models.TextField(_("note for the successor"), blank=True)
    handover_note_updated_at = models.DateTimeField(null=True, blank=True)
    predecessor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="successors"
    )

    class Meta:
        ordering = ["-started_on", "-id"]
        # Lists look up the open positions of a page of organisations (network first, as above).
        indexes = [
            models.Index(fields=["network", "organisation", "ended_on"], name="position_org_open")
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.organisation} ({self.role})"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    @property
    def role_label(self) -> str:
        return str(KNOWN_CONTACT_ROLES.get(self.role, self.role))


class AgreementVersion(NetworkScopedModel):
    """A version of the cooperation agreement (markdown, shown sanitised)."""

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text (Markdown)"))
    valid_from = models.DateField(_("valid from"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "valid_from"], name="unique_agreement_valid_from"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.valid_from})"


class AgreementSignature(NetworkScopedModel):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="signatures"
    )
    version = models.ForeignKey(
        AgreementVersion, on_delete=models.RESTRICT, related_name="signatures"
    )
    signed_on = models.DateField(_("signed on"))
    signed_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="signatures"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-signed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "version"], name="one_signature_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} signed {self.version}"


class ImportJob(NetworkScopedModel):
    """A confirmed import that the worker runs; its page shows the status to the coordinator.

    One job per stored upload (the token), so a second confirm finds the first job.
    """

    class Kind(models.TextChoices):
        ORGANISATIONS = "organisations", _("Organisations")
        PEOPLE = "people", _("People")

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("contains"), max_length=30, choices=Kind.choices)
    filename = models.CharField(_("file"), max_length=100, blank=True)
    upload_token = models.CharField(max_length=64)
    # The worker writes the outcome's messages in the language of whoever confirmed.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)  # [{"row", "column", "message"}]
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "upload_token"], name="one_import_job_per_upload"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.filename or '–'}"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
