"""The shared factories build valid, network-consistent objects."""

from knotenpunkt.eventcalendar.tests.factories import EventFactory, EventTranslationFactory


def test_event_factory_keeps_the_organiser_in_the_events_network(network):
    translation = EventTranslationFactory(event=EventFactory(network=network))
    assert translation.event.organiser.network == network
    assert translation.network == network
    assert translation.event.status == "published"
    assert translation.event.ends_at > translation.event.starts_at
