"""How long login records are kept: KNOTENPUNKT_LOGIN_LOG_DAYS, then the periodic job deletes them.

django-axes writes a row for every login, logout and failed attempt (with the IP address and
the browser); they serve the lockout and a look back at suspicious logins, not the history.
"""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone


def login_records_prune() -> int:
    """Delete login records older than the retention period; returns how many went."""
    cutoff = timezone.now() - timedelta(days=settings.KNOTENPUNKT_LOGIN_LOG_DAYS)
    deleted = 0
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        count, _details = model.objects.filter(attempt_time__lt=cutoff).delete()
        deleted += count
    return deleted
