"""The directory of offers, modelled on Open Referral HSDS 3.0 and named as it names things.

HSDS is the standard that directories of social services exchange (docs/decisions/0030): a
`Service` is what an organisation offers, a `Location` where, `ServiceAtLocation` the pairing,
`Schedule` when, `Language` in which languages, and `TaxonomyTerm` what kind of offer it is.
The organisation is the member organisation of `members` (HSDS `organization`). Every row the
API shows carries a UUID (`uuid`), the integer key stays the network's own.

A service is written in one language (`language`); `ServiceTranslation` holds its name and
description in others. A page shows the reader's language if there is one, else the original
with a visible note (selectors decide that, the model only stores).

Freshness: `assured_date` is the day an owner last confirmed the offer is still right. The
periods after which it counts as outdated or is hidden are the network's (`DirectorySettings`).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.models import NetworkScopedModel
from knotenpunkt.members.models import Organisation

OUTDATED_AFTER_DAYS = 180
HIDDEN_AFTER_DAYS = 365


class DirectorySettings(NetworkScopedModel):
    """The network's freshness periods (one row per network, made when first needed)."""

    outdated_after_days = models.PositiveSmallIntegerField(
        _("shown as possibly outdated after (days)"), default=OUTDATED_AFTER_DAYS
    )
    hidden_after_days = models.PositiveSmallIntegerField(
        _("hidden from the public directory after (days)"), default=HIDDEN_AFTER_DAYS
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["network"], name="unique_directory_settings")
        ]

    def __str__(self) -> str:
        return f"{self.outdated_after_days}/{self.hidden_after_days}"


class Taxonomy(NetworkScopedModel):
    """HSDS `taxonomy`: the vocabulary the terms come from (the starter one, or a network's)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    uri = models.URLField(_("address of its definition"), blank=True)
    version = models.CharField(_("version"), max_length=20, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(NetworkScopedModel):
    """HSDS `taxonomy_term`: a category (counselling) or a sub-category (a CEFR level).

    `code` is stable across networks and languages (`language-course`, `language-course-b1`):
    the starter terms are shown under translated names looked up by code, a network's own
    terms keep the name it gave them.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.CASCADE, related_name="terms")
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["network", "code"], name="unique_term_code")]

    def __str__(self) -> str:
        return self.name


class Service(NetworkScopedModel):
    """HSDS `service`: one offer of one member organisation."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        INACTIVE = "inactive", _("inactive")
        DEFUNCT = "defunct", _("ended")
        TEMPORARILY_CLOSED = "temporarily closed", _("temporarily closed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("organisation"),
    )
    language = models.CharField(
        _("language it is written in"), max_length=8, choices=settings.LANGUAGES
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("web address"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    free_of_charge = models.BooleanField(_("free of charge"), default=False)
    fees_description = models.CharField(_("costs"), max_length=300, blank=True)
    eligibility_description = models.TextField(_("who it is for"), blank=True)
    application_process = models.TextField(_("how to take part"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    childcare = models.BooleanField(_("childcare during the offer"), default=False)
    assured_date = models.DateField(_("last confirmed as correct"))
    reminded_at = models.DateTimeField(null=True, blank=True)
    terms = models.ManyToManyField(
        TaxonomyTerm, blank=True, related_name="services", verbose_name=_("categories")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["network", "status", "assured_date"], name="service_fresh"),
            models.Index(fields=["network", "organization"], name="service_organization"),
            models.Index(fields=["network", "last_modified"], name="service_modified"),
        ]

    def __str__(self) -> str:
        return self.name


class ServiceTranslation(NetworkScopedModel):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "language"], name="unique_service_translation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} [{self.language}]"


class Language(NetworkScopedModel):
    """HSDS `language`: a language the offer is held in (ISO 639 code, e.g. `uk`, `ti`)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language code"), max_length=12)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["service", "code"], name="unique_service_language")
        ]
        indexes = [models.Index(fields=["network", "code"], name="service_language_code")]

    def __str__(self) -> str:
        return self.code


class Location(NetworkScopedModel):
    """HSDS `location` with its `address` and `accessibility` folded in (one place, one row)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(_("name of the place"), max_length=200)
    address_1 = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    district = models.CharField(_("district"), max_length=120, blank=True)
    wheelchair_accessible = models.BooleanField(_("step-free access"), default=False)
    accessibility_description = models.TextField(_("accessibility"), blank=True)
    transportation = models.CharField(_("how to get there"), max_length=300, blank=True)
    last_modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["network", "district"], name="location_district")]

    def __str__(self) -> str:
        return self.name


class ServiceAtLocation(NetworkScopedModel):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    description = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "location"], name="unique_service_at_location"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_id}@{self.location_id}"


class Schedule(NetworkScopedModel):
    """HSDS `schedule`: a weekly opening time of an offer at a place (RFC 5545 terms)."""

    class Weekday(models.TextChoices):
        MO = "MO", _("Monday")
        TU = "TU", _("Tuesday")
        WE = "WE", _("Wednesday")
        TH = "TH", _("Thursday")
        FR = "FR", _("Friday")
        SA = "SA", _("Saturday")
        SU = "SU", _("Sunday")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service_at_location = models.ForeignKey(
        ServiceAtLocation, on_delete=models.CASCADE, related_name="schedules"
    )
    byday = models.CharField(_("weekday"), max_length=2, choices=Weekday.choices)
    opens_at = models.TimeField(_("from"))
    closes_at = models.TimeField(_("until"))
    valid_from = models.DateField(_("first day"), null=True, blank=True)
    valid_to = models.DateField(_("last day"), null=True, blank=True)
    description = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["byday", "opens_at"]

    def __str__(self) -> str:
        return f"{self.byday} {self.opens_at}-{self.closes_at}"
