"""Kinds of audit entries this app records (declared in `apps.py`, see core/audit.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.audit import audit_summary_reader

from .models import Role


class AccountsAuditKind(models.TextChoices):
    """Roles, invitations and accounts."""

    ROLE_GRANT = "role.grant", _("Role given")
    ROLE_REVOKE = "role.revoke", _("Role taken away")
    INVITATION_CREATE = "invitation.create", _("Invitation sent")
    INVITATION_ACCEPT = "invitation.accept", _("Invitation accepted")
    INVITATION_CANCEL = "invitation.cancel", _("Invitation withdrawn")
    ACCOUNT_UPDATE = "account.update", _("Account settings changed")
    ERASURE_REQUEST_CREATE = "erasure_request.create", _("Erasure of personal data requested")
    ERASURE_REQUEST_DONE = "erasure_request.done", _("Erasure request carried out")


@audit_summary_reader("role.grant", "role.revoke", "invitation.create", "invitation.cancel")
def role_in_words(summary: str) -> str:
    """The stored role key ("member_contact", "anna@example.org → member_contact") in words."""
    before, arrow, key = summary.rpartition(" → ")
    label = Role(key).label if key in Role.values else key
    return f"{before}{arrow}{label}"
