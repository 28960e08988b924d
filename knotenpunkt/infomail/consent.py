"""The consent log: every step of a subscriber's consent, written in one place.

The request's client address is kept only as a keyed hash (HMAC with the installation's
secret), so that the log can show that two steps came from the same place without holding an
IP address; the hash cannot be turned back into the address without the secret.
"""

import hashlib
import hmac

from django.conf import settings

from .models import ConsentEvent, Subscriber


def client_fingerprint(request) -> str:
    """A keyed hash of the client's address; empty without a request (the worker, a command)."""
    if request is None:
        return ""
    address = request.META.get("REMOTE_ADDR", "")
    if not address:
        return ""
    key = f"infomail.client:{settings.SECRET_KEY}".encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:32]


def consent_record(
    *,
    subscriber: Subscriber,
    action: str,
    method: str,
    request=None,
    proof: dict | None = None,
) -> ConsentEvent:
    """Write one step of the subscriber's consent as it stands now (address, language, topics)."""
    return ConsentEvent.objects.create(
        network_id=subscriber.network_id,
        subscriber=subscriber,
        action=action,
        method=method,
        email=subscriber.email,
        language=subscriber.language,
        topics=sorted(topic.name for topic in subscriber.topics.all()),
        proof=proof or {},
        client=client_fingerprint(request),
    )
