"""Kinds of audit entries this app records (declared in `apps.py`, see core/audit.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MembersAuditKind(models.TextChoices):
    """Member organisations, contacts and agreements."""

    ORGANISATION_CREATE = "organisation.create", _("Organisation added")
    ORGANISATION_UPDATE = "organisation.update", _("Profile edited")
    MEMBERSHIP_JOIN = "membership.join", _("Joined the network")
    MEMBERSHIP_LEAVE = "membership.leave", _("Left the network")
    PERSON_CREATE = "person.create", _("Contact person added")
    PERSON_UPDATE = "person.update", _("Contact person changed")
    PERSON_ERASE = "person.erase", _("Personal data erased")
    POSITION_OPEN = "position.open", _("Contact role started")
    POSITION_CLOSE = "position.close", _("Contact role ended")
    POSITION_NOTE = "position.note", _("Handover note changed")
    CONTACT_HANDOVER = "contact.handover", _("Contact handed over")
    AGREEMENT_CREATE = "agreement.create", _("Agreement version added")
    AGREEMENT_SIGN = "agreement.sign", _("Agreement signed")
    IMPORT_CONFIRM = "import.confirm", _("Import from a file confirmed")
