"""Kinds of audit entries this app records (declared in `apps.py`, see core/audit.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KnowledgeAuditKind(models.TextChoices):
    """Knowledge base pages and documents."""

    PAGE_CREATE = "page.create", _("Page created")
    PAGE_UPDATE = "page.update", _("Page edited")
    PAGE_RESTORE = "page.restore", _("Earlier page version restored")
    DOCUMENT_UPLOAD = "document.upload", _("Document uploaded")
