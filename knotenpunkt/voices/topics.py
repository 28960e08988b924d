"""The starter topics every network's voice form begins with; names looked up by key so each
reader sees them in their language (a topic a network adds itself keeps the name it was given)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_scopes import scope

STARTER_TOPICS = [
    ("language", _("Learning German")),
    ("counselling", _("Advice and counselling")),
    ("work", _("Work and training")),
    ("housing", _("Housing")),
    ("children-school", _("Children and school")),
    ("women", _("Women")),
    ("health", _("Health")),
    ("authorities", _("Offices and authorities")),
    ("discrimination", _("Discrimination")),
    ("volunteering", _("Volunteering")),
    ("network", _("This network")),
    ("other", _("Something else")),
]
STARTER_LABELS = dict(STARTER_TOPICS)


def topic_label(topic) -> str:
    """A topic's name in the active language: translated for starter topics, else its own."""
    label = STARTER_LABELS.get(topic.key)
    return str(label) if label is not None else topic.name


def starter_topics_create(network) -> None:
    """Create the starter topics for `network` (idempotent: existing keys are kept)."""
    from .models import VoiceTopic

    # Called where a network is created, before any request put a scope in place.
    with scope(network=network):
        existing = set(VoiceTopic.objects.filter(network=network).values_list("key", flat=True))
    with translation.override(network.default_language):
        VoiceTopic.objects.bulk_create(
            VoiceTopic(network=network, key=key, name=str(label), position=position)
            for position, (key, label) in enumerate(STARTER_TOPICS)
            if key not in existing
        )
