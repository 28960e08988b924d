"""Events in the network's search (imported from EventCalendarConfig.ready()).

Published and cancelled events are public: anyone may open their calendar page, so anyone
who searches finds them there. Events waiting for moderation or rejected are found only by
the coordination (and the city liaison), on the moderation page. Translations are part of
the entry, so an event is found in every language it is written in; saving a translation
saves its event (services.translation_save), which re-indexes it.
"""

from zoneinfo import ZoneInfo

from django.db.models import prefetch_related_objects
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scope

from knotenpunkt.core import search
from knotenpunkt.members.models import Organisation

from .models import Event
from .selectors import PUBLIC_STATUSES


def event_document(event: Event) -> search.Document:
    texts = [
        search.markdown_to_text(event.description),
        event.place_name,
        event.address,
        event.organiser.name if event.organiser_id else "",
    ]
    for translation in event.translations.all():
        texts += [translation.title, search.markdown_to_text(translation.description)]
    body = "\n".join(text for text in texts if text)
    if event.status in PUBLIC_STATUSES:
        url = search.network_path("eventcalendar:event", event_id=event.pk)
        visibility = search.PUBLIC
    else:
        url = search.network_path("eventcalendar:manage_detail", event_id=event.pk)
        visibility = search.COORDINATOR
    return search.Document(
        title=event.title,
        body=body,
        url=url,
        visibility=visibility,
        **_when(event),
        place=event.place_name,
    )


def _when(event: Event) -> dict:
    """An all-day event has a day (in its own time zone), any other a moment. A recurring
    event has neither: its first date, perhaps long past, would read as if it were over."""
    if event.rrule:
        return {}
    if event.all_day:
        return {"day": timezone.localtime(event.starts_at, ZoneInfo(event.time_zone)).date()}
    return {"starts_at": event.starts_at}


def searchable_events(network):
    """Every event of the network with what its document reads (for a reindex)."""
    return (
        Event.objects.filter(network=network)
        .select_related("organiser")
        .prefetch_related("translations")
    )


def events_index(events: list[Event], *, network) -> int:
    """Index events written with bulk_create (which sends no post_save), in a few queries."""
    if not events:
        return 0
    with scope(network=network):
        prefetch_related_objects(events, "organiser", "translations")
    return search.search_index_many(events)


search.register(Event, event_document, queryset=searchable_events, label=_("Event"))


@receiver(post_save, sender=Organisation, dispatch_uid="search:events-of-organisation")
def organisation_events_reindex(sender, instance, raw=False, created=False, **kwargs):
    """An event's entry reads its organiser's name: a saved organisation re-indexes its events,
    so that they are found under a new name (an organisation has a few dozen at most)."""
    if raw or created:
        return
    with scope(network=instance.network_id):
        events = list(searchable_events(instance.network_id).filter(organiser=instance))
    search.search_index_many(events)
