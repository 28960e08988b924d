"""The consent log: every step of a subscriber's consent, written in one place.

The request's client address is kept only as a keyed hash (HMAC with the installation's
secret), so that the log can show that two steps came from the same place without holding an
IP address; the hash cannot be turned back into the address without the secret.
"""

from knotenpunkt.core.spam import client_fingerprint

from .models import ConsentEvent, Subscriber

# The consent log's own key: its hashes cannot be joined with the rate limit's.
CLIENT_PURPOSE = "infomail.client"


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
        client=client_fingerprint(request, CLIENT_PURPOSE),
    )
