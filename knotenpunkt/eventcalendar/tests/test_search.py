"""Events in the network's search: public once published, translations included, imports too."""

from pathlib import Path

import pytest
from django.utils import translation

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core import search
from knotenpunkt.core.models import SearchEntry
from knotenpunkt.eventcalendar import services
from knotenpunkt.eventcalendar.ical_import import source_import
from knotenpunkt.eventcalendar.models import Event
from knotenpunkt.eventcalendar.tests.factories import EventFactory, EventSourceFactory
from knotenpunkt.eventcalendar.tests.test_services import data_for
from knotenpunkt.members import services as members_services
from knotenpunkt.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

VISITOR = search.Viewer(has_role=False)
COORDINATION = search.Viewer(has_role=True, sees_everything=True)
FIXTURES = Path(__file__).parent / "fixtures"


def found(network, query, viewer=VISITOR):
    """(kind, url) of every result, with the URLs of German pages; the kind as its msgid."""
    with translation.override("de"):
        page = search.search(network=network, viewer=viewer, query=query, per_page=100)
        event_label = translation.gettext("Event")
    kinds = {event_label: "Event"}
    return sorted(
        (kinds.get(str(result.kind), str(result.kind)), result.url) for result in page.results
    )


def public_url(network, event):
    return f"/de/{network.slug}/calendar/events/{event.pk}/"


def moderation_url(network, event):
    return f"/de/{network.slug}/manage/calendar/{event.pk}/"


@pytest.mark.parametrize(
    "query", ["strassenfest", "Müllerstraße", "mullerstr", "kinderschminken", "nachbarschaft"]
)
def test_a_published_event_is_found_by_anyone_in_german(network, query):
    event = EventFactory(
        network=network,
        title="Straßenfest in der Müllerstraße",
        description="Mit **Kinderschminken** und Musik.",
        organiser__name="Nachbarschaftshaus Süd",
    )
    assert found(network, query) == [("Event", public_url(network, event))]


def test_the_result_opens_the_public_event_page(client, network):
    event = EventFactory(network=network, title="Frauenfrühstück im Stadtteilzentrum")
    [(_kind, url)] = found(network, "frauenfruhstuck")
    page = client.get(url)
    assert page.status_code == 200
    assert "Frauenfrühstück im Stadtteilzentrum" in page.content.decode()
    assert url == public_url(network, event)


def test_a_turkish_translation_makes_the_event_findable_in_turkish(network, coordinator):
    event = EventFactory(network=network, title="Elterncafé")
    assert found(network, "isik") == []
    services.translation_save(
        event=event,
        actor=coordinator,
        language="tr",
        title="Veli kafesi: Işık Derneği",
        description="Çocuklar için **ücretsiz** bakım.",
    )
    expected = [("Event", public_url(network, event))]
    assert found(network, "ışık derneği") == expected
    assert found(network, "isik dernegi") == expected
    assert found(network, "ucretsiz cocuklar") == expected
    # Removing the translation (both texts empty) takes its words out of the index.
    services.translation_save(
        event=event, actor=coordinator, language="tr", title="", description=""
    )
    assert found(network, "isik") == []
    assert found(network, "elterncafe") == expected


def test_translations_given_with_the_submission_are_found(network, coordinator):
    event = services.event_submit(
        network=network,
        actor=coordinator,
        data=data_for(OrganisationFactory(network=network)),
        translations={"tr": {"title": "Dil kafesi", "description": "Şiir ve sohbet"}},
    )
    assert found(network, "siir sohbet") == [("Event", public_url(network, event))]


def test_unmoderated_and_rejected_events_are_found_only_by_the_coordination(network, coordinator):
    waiting = EventFactory(
        network=network, title="Wartet Sprachkurs", status=Event.Status.SUBMITTED
    )
    refused = EventFactory(network=network, title="Abgelehnt Sprachkurs", status="rejected")
    member = UserFactory()
    grant_role(member, network, "member_contact")

    assert found(network, "sprachkurs") == []
    assert found(network, "sprachkurs", search.viewer_for(member, network)) == []
    assert found(network, "sprachkurs", COORDINATION) == sorted(
        [("Event", moderation_url(network, waiting)), ("Event", moderation_url(network, refused))]
    )

    services.event_approve(event=waiting, actor=coordinator)
    assert found(network, "sprachkurs") == [("Event", public_url(network, waiting))]


def test_a_cancelled_event_stays_findable_and_a_deleted_one_is_gone(network, coordinator):
    event = EventFactory(network=network, title="Nähkurs für Anfängerinnen")
    services.event_cancel(event=event, actor=coordinator)
    assert found(network, "nahkurs") == [("Event", public_url(network, event))]
    event.delete()
    assert found(network, "nahkurs", COORDINATION) == []


def test_events_of_another_network_are_not_found(network, other_network):
    EventFactory(network=other_network, title="Anderswo Sommerfest")
    assert found(network, "sommerfest", COORDINATION) == []


def _entries(network):
    return sorted(
        SearchEntry.objects.filter(network=network, target_type="eventcalendar.event").values_list(
            "target_id", "title", "body", "url", "visibility"
        )
    )


def test_imported_events_are_indexed_like_a_reindex_would(network):
    trusted = EventSourceFactory(network=network, organisation__trusted=True)
    untrusted = EventSourceFactory(network=network, organisation__name="Verein Kaya")
    source_import(source=trusted, raw=(FIXTURES / "verein.ics").read_bytes())
    source_import(source=untrusted, raw=(FIXTURES / "verein.ics").read_bytes())

    public = Event.objects.get(source=trusted, title="Sprachcafé")
    assert found(network, "sprachcafe") == [("Event", public_url(network, public))]
    waiting = Event.objects.get(source=untrusted, title="Sprachcafé")
    assert ("Event", moderation_url(network, waiting)) in found(network, "kaya", COORDINATION)

    indexed = _entries(network)
    assert len(indexed) == Event.objects.filter(network=network).count() == 6
    search.search_reindex(network)
    assert _entries(network) == indexed


def test_events_are_found_under_their_organisers_new_name(network):
    organiser = OrganisationFactory(network=network, name="Elternverein Sonnenblume")
    event = EventFactory(network=network, organiser=organiser, status=Event.Status.PUBLISHED)
    assert found(network, "Sonnenblume") == [("Event", public_url(network, event))]

    members_services.organisation_update(
        organisation=organiser, actor=None, name="Familienzentrum Regenbogen"
    )

    assert found(network, "Regenbogen") == [("Event", public_url(network, event))]
    assert found(network, "Sonnenblume") == []
