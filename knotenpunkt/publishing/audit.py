"""Kinds of audit entries this app records (declared in `apps.py`, see core/audit.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishingAuditKind(models.TextChoices):
    """The network's static pages."""

    STATIC_PAGE_UPDATE = "static_page.update", _("Page text changed")
