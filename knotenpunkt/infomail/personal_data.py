"""What the info mail holds about a user: their subscriptions and the consent log of each.

A subscription belongs to an account when it was made from the workspace or has the
account's address. Imported from InfomailConfig.ready(); see core/personal_data.py.
"""

from django.db.models import Q

from knotenpunkt.core import personal_data

from .models import Subscriber


def subscriptions_of(user) -> list[dict]:
    rows = (
        Subscriber.objects.filter(Q(user=user) | Q(email__iexact=user.email))
        .select_related("network")
        .prefetch_related("topics", "consent_events")
    )
    return [
        {
            "network": row.network.slug,
            "email": row.email,
            "language": row.language,
            "topics": [topic.name for topic in row.topics.all()],
            "status": row.status,
            "created_at": row.created_at,
            "confirmed_at": row.confirmed_at,
            "consent_log": [
                {"action": event.action, "method": event.method, "at": event.at}
                for event in row.consent_events.all()
            ],
        }
        for row in rows.order_by("created_at", "pk")
    ]


personal_data.register(
    "infomail_subscriptions", subscriptions_of, covers=["infomail.Subscriber.user"]
)
personal_data.exclude(
    "infomail.Mailing.created_by",
    reason="the coordinator's work on the network's mail; the act is in their audit entries",
)
