"""Kinds of audit entries this app records (declared in `apps.py`, see core/audit.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VoicesAuditKind(models.TextChoices):
    VOICE_RECEIVE = "voice.receive", _("Voice received")
    VOICE_ROUTE = "voice.route", _("Voice passed on to a working group")
    VOICE_ANSWER = "voice.answer", _("Voice answered")
    VOICE_CLOSE = "voice.close", _("Voice closed")
    VOICE_CONTACT_ERASE = "voice.contact_erase", _("Contact of a voice's sender erased")
