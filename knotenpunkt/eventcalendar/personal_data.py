"""What the calendar holds about a user, and where names are written in its events.

Imported from EventCalendarConfig.ready(); see core/personal_data.py.
"""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core import personal_data

from .models import Event, EventSource


def events_submitted(user) -> list[dict]:
    rows = Event.objects.filter(submitted_by=user).select_related("network", "organiser")
    return [
        {
            "network": row.network.slug,
            "title": row.title,
            "description": row.description,
            "starts_at": row.starts_at,
            "ends_at": row.ends_at,
            "organiser": row.organiser.name if row.organiser else None,
            "status": row.status,
            "rejection_reason": row.rejection_reason,
            "created_at": row.created_at,
        }
        for row in rows.order_by("created_at", "pk")
    ]


def event_sources_created(user) -> list[dict]:
    rows = EventSource.objects.filter(created_by=user).select_related("network")
    return [
        {
            "network": row.network.slug,
            "name": row.name,
            "url": row.url,
            "created_at": row.created_at,
        }
        for row in rows.order_by("created_at", "pk")
    ]


def events_mentioning(network, needles):
    fields = ("title", "description", "place_name", "address", "rejection_reason")
    own = personal_data.text_contains_any(fields, needles)
    translated = personal_data.text_contains_any(
        ("translations__title", "translations__description"), needles
    )
    rows = Event.objects.filter(network=network).filter(own | translated)
    for event in rows.distinct().order_by("starts_at", "pk"):
        yield event.title, personal_data.network_path("eventcalendar:edit", event_id=event.pk)


personal_data.register(
    "events_submitted", events_submitted, covers=["eventcalendar.Event.submitted_by"]
)
personal_data.register(
    "event_sources", event_sources_created, covers=["eventcalendar.EventSource.created_by"]
)
personal_data.exclude(
    "eventcalendar.Event.moderated_by",
    reason="A coordinator's moderation of someone else's event; it is in their audit entries.",
)
personal_data.exclude(
    "eventcalendar.Edition.published_by",
    reason="A coordinator's publication of a calendar edition; it is in their audit entries.",
)
personal_data.register_mentions("eventcalendar.event", _("Event"), events_mentioning)
