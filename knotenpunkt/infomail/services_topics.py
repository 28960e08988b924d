"""Writes of the info mail's topics: what subscribers choose to hear about.

A topic has a name in the network's language and, where the coordinator wrote one, a name in
each other language (`Topic.name_in`); the sign-up form shows the reader's.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from knotenpunkt.core.audit import field_changes
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import all_checks, check_length, check_required, max_length_of

from .models import Topic
from .services_subscribers import check_language

NAME_MAX = max_length_of(Topic, "name")


def _checked(network, *, name: str, translations: dict, current: Topic | None = None):
    with all_checks() as check:
        name = check(check_required, name, field="name")
        name = name and check(check_length, name, field="name", max_length=NAME_MAX)
        others = Topic.objects.filter(network=network, name__iexact=name or "")
        if name and current is not None:
            others = others.exclude(pk=current.pk)
        if name and others.exists():
            check.refuse(_("There is a topic of this name already."), field="name")
        cleaned = {}
        for language, value in (translations or {}).items():
            value = (value or "").strip()
            if check(check_language, network, language, field=None) and value:
                field = f"name_{language}"
                cleaned[language] = check(check_length, value, field=field, max_length=NAME_MAX)
    return name, cleaned


@transaction.atomic
def topic_create(*, network, actor, name: str, translations=None, position: int = 0) -> Topic:
    require_actor(actor, network, "infomail.manage")
    name, translations = _checked(network, name=name, translations=translations)
    topic = Topic.objects.create(
        network=network, name=name, translations=translations, position=position
    )
    audit_record(network=network, actor=actor, action="topic.create", target=topic)
    return topic


@transaction.atomic
def topic_update(*, topic: Topic, actor, name: str, translations=None, position: int = 0) -> Topic:
    network = topic.network
    require_actor(actor, network, "infomail.manage")
    name, translations = _checked(network, name=name, translations=translations, current=topic)
    values = {"name": name, "translations": translations, "position": position}
    changes = field_changes(topic, values)
    if not changes:
        return topic
    for key, value in values.items():
        setattr(topic, key, value)
    topic.save(update_fields=list(changes))
    audit_record(
        network=network,
        actor=actor,
        action="topic.update",
        target=topic,
        summary=", ".join(changes),
        changes=changes,
    )
    return topic
