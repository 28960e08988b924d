"""The coordinator's topics: named in every language, unique, and recorded in the trail."""

import pytest
from django.urls import reverse

from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused

from ..models import Topic
from ..services_topics import topic_create, topic_update
from .factories import subscriber_make, topic_make

pytestmark = pytest.mark.django_db


def url(network, name, **kwargs):
    return reverse(f"infomail:{name}", kwargs={"lang": "de", "network": network.slug, **kwargs})


def test_the_coordinator_adds_a_topic_with_its_names_in_other_languages(
    coordinator_client, network
):
    response = coordinator_client.post(
        url(network, "topic_create"),
        {"name": "Bildung", "position": "2", "name_ar": "تعليم", "name_tr": "  "},
    )
    assert response.status_code == 302
    topic = Topic.objects.get()
    assert (topic.name, topic.position, topic.translations) == ("Bildung", 2, {"ar": "تعليم"})
    assert topic.name_in("ar") == "تعليم" and topic.name_in("tr") == "Bildung"
    assert AuditEntry.objects.filter(action="topic.create").count() == 1

    page = coordinator_client.get(url(network, "topics"))
    assert "تعليم" in page.text
    assert url(network, "topic_edit", topic_id=topic.pk) in page.text


def test_editing_a_topic_records_what_changed(coordinator_client, network):
    topic = topic_make(network, "Bildung")
    page = coordinator_client.get(url(network, "topic_edit", topic_id=topic.pk))
    assert page.context["form"]["name"].value() == "Bildung"
    coordinator_client.post(
        url(network, "topic_edit", topic_id=topic.pk),
        {"name": "Bildung und Sprache", "position": "0", "name_uk": "Освіта"},
    )
    topic.refresh_from_db()
    assert (topic.name, topic.translations) == ("Bildung und Sprache", {"uk": "Освіта"})
    entry = AuditEntry.objects.get(action="topic.update")
    assert entry.summary == "name, translations"


def test_a_topic_name_is_unique_in_the_network(network, coordinator):
    topic_make(network, "Bildung")
    with refused("There is a topic of this name already.", field="name"):
        topic_create(network=network, actor=coordinator, name="bildung")
    other = topic_make(network, "Sport")
    with refused("There is a topic of this name already.", field="name"):
        topic_update(topic=other, actor=coordinator, name="Bildung")
    with refused("This field is required.", field="name"):
        topic_create(network=network, actor=coordinator, name=" ")


def test_the_list_counts_the_active_subscribers_of_each_topic(coordinator_client, network):
    topic = topic_make(network, "Bildung")
    subscriber_make(network, "a@example.org", topics=[topic])
    subscriber_make(network, "b@example.org", topics=[topic], status="unsubscribed")
    page = coordinator_client.get(url(network, "topics"))
    assert [t.active for t in page.context["topics"]] == [1]
