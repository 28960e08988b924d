"""Spam protection of the public forms: a honeypot field and a per-address rate limit.

A form without an account (a voice, the info-mail sign-up) is open to bots. Two defences that
need no JavaScript and cost people nothing:

- the honeypot: a text field hidden from people and from assistive technology
  (`core/_honeypot.html`, included inside the form); a bot that fills every field gets no
  success (`honeypot_filled`);
- the rate limit: the posts of one client address are counted per window in the database
  (several processes share the count); over the limit the visitor gets HTTP 429 with a page
  in their language (`rate_limit`).

The address itself is never stored: only a keyed hash of it (`client_fingerprint`), which
cannot be turned back into the address without the installation's secret.
See docs/decisions/0034-voices.md.
"""

import datetime
import hashlib
import hmac
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import RateCount

# The name of the honeypot field: one a bot likes to fill, no person sees it.
HONEYPOT_FIELD = "homepage"
# Counts older than this are removed when new ones are written.
KEEP_COUNTS = datetime.timedelta(days=2)


def client_fingerprint(request, purpose: str) -> str:
    """A keyed hash of the client's address for `purpose` (each purpose its own key, so two
    records cannot be joined by it); empty without a request (the worker, a command)."""
    if request is None:
        return ""
    address = request.META.get("REMOTE_ADDR", "")
    if not address:
        return ""
    key = f"{purpose}:{settings.SECRET_KEY}".encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:32]


def honeypot_filled(request) -> bool:
    """Whether the hidden field came back filled: then a bot sent the form."""
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def trapped(request, form) -> bool:
    """For a posted form: True (and an error above the form) when the honeypot was filled,
    so that the view saves nothing and shows the form again, as for any refused form."""
    if request.method != "POST" or not honeypot_filled(request):
        return False
    form.is_valid()
    form.add_error(None, _("This form could not be sent. Please try again."))
    return True


def _window_start(now: datetime.datetime, period: datetime.timedelta) -> datetime.datetime:
    seconds = int(period.total_seconds())
    epoch = int(now.timestamp())
    return datetime.datetime.fromtimestamp(epoch - epoch % seconds, tz=datetime.UTC)


@transaction.atomic
def rate_count(*, network, bucket: str, request, period: datetime.timedelta) -> int:
    """Count one post of this client to `bucket` in the current window; the window's count."""
    client = client_fingerprint(request, "rate")
    now = timezone.now()
    start = _window_start(now, period)
    RateCount.objects.filter(window_start__lt=now - max(KEEP_COUNTS, 2 * period)).delete()
    row, _created = RateCount.objects.get_or_create(
        network=network, bucket=bucket, client=client, window_start=start
    )
    RateCount.objects.filter(pk=row.pk).update(count=F("count") + 1)
    row.refresh_from_db(fields=["count"])
    return row.count


def rate_limit(bucket: str, *, limit: int, period: datetime.timedelta):
    """A public form view: more than `limit` posts of one address per `period` get HTTP 429.

    Only posts count (reading the form is free); the page says when to try again.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                count = rate_count(
                    network=request.network, bucket=bucket, request=request, period=period
                )
                if count > limit:
                    return too_many(request, period)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def too_many(request, period: datetime.timedelta):
    """The readable refusal: HTTP 429, with Retry-After for clients that read it."""
    minutes = max(1, int(period.total_seconds() // 60))
    response = render(request, "core/too_many_requests.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(int(period.total_seconds()))
    return response
