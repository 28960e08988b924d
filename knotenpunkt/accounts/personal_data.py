"""What the accounts hold about a user, for the own-data export (core.personal_data).

Imported from AccountsConfig.ready(). Login records are kept by django-axes under the
e-mail address rather than a foreign key; they are exported here and deleted after
KNOTENPUNKT_LOGIN_LOG_DAYS (accounts.tasks.login_records_prune_task).
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.db.models import Q

from knotenpunkt.core import personal_data
from knotenpunkt.core.models import AuditEntry

from .models import ErasureRequest, Invitation, NetworkRole


def _network(row) -> dict:
    return {"slug": row.network.slug, "name": row.network.name}


def account(user) -> dict:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
    }


def roles(user) -> list[dict]:
    rows = NetworkRole.objects.filter(user=user).select_related("network")
    return [
        {"network": _network(role), "role": role.role, "granted_at": role.granted_at}
        for role in rows.order_by("network__name", "role")
    ]


def invitations(user) -> list[dict]:
    """Invitations to the user's address, accepted by them, or for one of their contact persons."""
    rows = Invitation.objects.filter(
        Q(email__iexact=user.email) | Q(accepted_by=user) | Q(person__user=user)
    ).select_related("network")
    return [
        {
            "network": _network(invitation),
            "email": invitation.email,
            "role": invitation.role,
            "language": invitation.language,
            "created_at": invitation.created_at,
            "expires_at": invitation.expires_at,
            "accepted_at": invitation.accepted_at,
            "cancelled_at": invitation.cancelled_at,
        }
        for invitation in rows.distinct().order_by("created_at", "pk")
    ]


def erasure_requests(user) -> list[dict]:
    rows = ErasureRequest.objects.filter(user=user).select_related("network")
    return [
        {
            "network": _network(request),
            "requested_at": request.requested_at,
            "done_at": request.done_at,
        }
        for request in rows.order_by("requested_at", "pk")
    ]


def login_records(user) -> dict:
    """Logins, logouts and failed attempts under the user's address, as django-axes keeps them."""
    name = Q(username__iexact=user.email)
    common = ("attempt_time", "ip_address", "user_agent", "path_info")
    return {
        "logins": list(
            AccessLog.objects.filter(name).order_by("attempt_time").values(*common, "logout_time")
        ),
        "failed_attempts": list(
            AccessFailureLog.objects.filter(name)
            .order_by("attempt_time")
            .values(*common, "locked_out")
        ),
        "lockout_counters": list(
            AccessAttempt.objects.filter(name)
            .order_by("attempt_time")
            .values(*common, "failures_since_start")
        ),
    }


def audit_entries(user) -> list[dict]:
    """What the user did, as the networks' audit trails record it.

    The labels and summaries are left out: they describe the objects acted on, which are
    often other people (the entries about the user's contact persons come with those).
    """
    rows = AuditEntry.objects.filter(actor=user).select_related("network")
    return [
        {
            "network": _network(entry),
            "action": entry.action,
            "target_type": entry.target_type,
            "target_id": entry.target_id,
            "created_at": entry.created_at,
        }
        for entry in rows.order_by("created_at", "pk")
    ]


def admin_log(user) -> list[dict]:
    """Changes made in the operator admin (only operators have any)."""
    return list(
        LogEntry.objects.filter(user=user)
        .order_by("action_time")
        .values("action_time", "content_type__model", "object_id", "object_repr", "action_flag")
    )


personal_data.register("account", account, covers=[])
personal_data.register("roles", roles, covers=["accounts.NetworkRole.user"])
personal_data.register(
    "invitations",
    invitations,
    covers=["accounts.Invitation.accepted_by", "accounts.Invitation.person"],
)
personal_data.register(
    "erasure_requests", erasure_requests, covers=["accounts.ErasureRequest.user"]
)
personal_data.register("login_records", login_records, covers=[])
personal_data.register("audit_entries", audit_entries, covers=["core.AuditEntry.actor"])
personal_data.register("admin_log", admin_log, covers=["admin.LogEntry.user"])

personal_data.exclude(
    "accounts.Invitation.invited_by",
    reason="Invitations the user sent are about the people invited; the sending is in the "
    "user's audit entries.",
)
personal_data.exclude(
    "accounts.ErasureRequest.done_by",
    reason="The coordinator who carried out someone else's erasure request; the audit entry "
    "of that erasure is in the coordinator's export.",
)
personal_data.register_ties(
    lambda user: NetworkRole.objects.filter(user=user).values_list("network", flat=True)
)
