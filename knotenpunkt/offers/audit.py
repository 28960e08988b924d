"""Kinds of audit entries the directory of offers records (declared in `apps.py`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OffersAuditKind(models.TextChoices):
    OFFER_CREATE = "offer.create", _("Offer added")
    OFFER_UPDATE = "offer.update", _("Offer changed")
    OFFER_DELETE = "offer.delete", _("Offer deleted")
    OFFER_CONFIRM = "offer.confirm", _("Offer confirmed as still correct")
    OFFER_REMIND = "offer.remind", _("Offer's owners reminded to confirm it")
    PLACE_CREATE = "offer_place.create", _("Place of offers added")
    PLACE_UPDATE = "offer_place.update", _("Place of offers changed")
    PLACE_DELETE = "offer_place.delete", _("Place of offers deleted")
    OFFER_PLACE_ADD = "offer.place_add", _("Offer linked to a place")
    OFFER_PLACE_REMOVE = "offer.place_remove", _("Offer no longer at a place")
    OPENING_ADD = "offer.opening_add", _("Opening time added to an offer")
    OPENING_REMOVE = "offer.opening_remove", _("Opening time removed from an offer")
    PERIODS_UPDATE = "offers.periods_update", _("Freshness periods of the offers changed")
