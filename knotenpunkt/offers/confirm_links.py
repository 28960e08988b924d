"""The one-click "still correct" link of a reminder mail (docs/decisions/0031-*.md).

The link carries a signed value naming the network, the offer and the day it was last
confirmed. Confirming moves that day, so a link works once: after it was used, or after the
owners confirmed the offer in the workspace, it names a day the offer no longer has.
Links also expire, so that an old mail found in an archive changes nothing.
"""

import datetime

from django.core import signing

from .models import Service

SALT = "knotenpunkt.offers.confirm"
# Long enough to come back from holidays, shorter than the time until an offer is hidden.
VALID_FOR = datetime.timedelta(days=60)


def confirm_token_make(service: Service) -> str:
    value = {"n": service.network_id, "s": service.pk, "a": service.assured_date.isoformat()}
    return signing.dumps(value, salt=SALT, compress=True)


def confirm_token_read(network, token: str) -> Service | None:
    """The offer a link may still confirm, or None for a forged, expired, used or foreign one."""
    try:
        value = signing.loads(token, salt=SALT, max_age=VALID_FOR)
    except signing.BadSignature:  # SignatureExpired is one
        return None
    if not isinstance(value, dict) or value.get("n") != network.pk:
        return None
    service_id = value.get("s")
    if not isinstance(service_id, int):
        return None
    service = (
        Service.objects.filter(network=network, pk=service_id)
        .select_related("organization")
        .first()
    )
    if service is None or service.assured_date.isoformat() != value.get("a"):
        return None
    return service
