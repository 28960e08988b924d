"""What the platform stores about a person: the own-data export and the free-text mentions.

Every app says in its own `personal_data.py` (imported from its AppConfig.ready()) what it
holds about an account or a contact person::

    from knotenpunkt.core import personal_data

    personal_data.register(
        "meeting_registrations",
        registrations_of,  # user -> JSON-ready data
        covers=["meetings.Registration.person"],
    )
    personal_data.exclude("meetings.Registration.registered_by", reason="…")
    personal_data.register_mentions("meetings.minutes", _("Minutes"), minutes_mentioning)

`covers` and `exclude` name every reference ("app_label.Model.field") from a model to the
user model or to a contact person; a test walks all installed models and fails on a
reference that is neither, so a new model cannot leave the export unnoticed. Mention
finders list where an erased person's name is still written in free text, which only a
person can edit. See docs/decisions/0017-personal-data-registry-and-erasure.md.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q
from django_scopes import scopes_disabled

from .search import network_path  # noqa: F401  (finders give their pages' paths with it)

# Models besides the account whose rows are each about one person (the members app's contact
# persons), registered by their apps: core names no app.
_person_models: list[type] = []


def register_person_model(model: type) -> None:
    """References to `model` count as references to a person, like those to an account."""
    if model not in _person_models:
        _person_models.append(model)


@dataclass(frozen=True)
class Section:
    key: str
    export: Callable  # user -> JSON-ready data
    covers: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """One place in free text where a name appears: a page the coordinator can open and edit.

    `url` is relative to the network's root (`network_path`), so a stored list of mentions
    works in every language.
    """

    kind: str
    title: str
    url: str

    def as_dict(self) -> dict:
        return {"kind": self.kind, "title": self.title, "url": self.url}


_sections: dict[str, Section] = {}
_excluded: dict[str, str] = {}
_mention_kinds: dict[str, tuple[object, Callable]] = {}
_ties: list[Callable] = []


def register(key: str, export: Callable, *, covers: Iterable[str]) -> None:
    """Add a section `key` to the export; `covers` are the references its data comes through."""
    if key in _sections:
        raise ValueError(f"the export has a section {key!r} already")
    _sections[key] = Section(key=key, export=export, covers=tuple(covers))


def exclude(reference: str, *, reason: str) -> None:
    """Leave a reference out of the export on purpose; the reason is part of the record."""
    if not reason.strip():
        raise ValueError(f"{reference} needs a reason to stay out of the export")
    _excluded[reference] = reason


def register_mentions(kind: str, label, finder: Callable) -> None:
    """`finder(network, needles)` yields (title, network_path) of each object whose free text
    holds one of the needles; `label` names that kind of place for the coordinator."""
    _mention_kinds[kind] = (label, finder)


def text_contains_any(fields: Iterable[str], needles: Iterable[str]) -> Q:
    """Rows where any of the text fields contains any of the needles (case-insensitive)."""
    query = Q(pk__in=[])
    for field in fields:
        for needle in needles:
            query |= Q(**{f"{field}__icontains": needle})
    return query


def register_ties(networks: Callable) -> None:
    """`networks(user)` gives the ids of the networks where the app holds data about the user;
    a request for erasure goes to each of them."""
    _ties.append(networks)


def networks_of(user) -> set[int]:
    with scopes_disabled():
        return {network_id for networks in _ties for network_id in networks(user)}


def accounted_for() -> dict[str, str]:
    """Every declared reference with the section that exports it, or the reason it does not."""
    declared = {ref: f"excluded: {reason}" for ref, reason in _excluded.items()}
    for section in _sections.values():
        for reference in section.covers:
            declared[reference] = f"exported in {section.key}"
    return declared


def references_to_people(models: Iterable[type]) -> list[str]:
    """Every field ("app_label.Model.field") by which one of the models points at an account
    or a contact person: foreign keys, one-to-one and many-to-many fields."""
    from django.contrib.auth import get_user_model

    targets = {get_user_model(), *_person_models}
    return [
        f"{model._meta.label}.{field.name}"
        for model in models
        for field in model._meta.get_fields()
        if field.is_relation and not field.auto_created and field.related_model in targets
    ]


def unaccounted(models: Iterable[type]) -> list[str]:
    """References to people that the export neither covers nor excludes with a reason."""
    declared = accounted_for()
    return [ref for ref in references_to_people(models) if ref not in declared]


def export_for(user) -> dict:
    """Everything every app holds about the user, in every network (hence without a scope)."""
    with scopes_disabled():
        return {key: section.export(user) for key, section in _sections.items()}


def mentions_of(*, network, needles: Iterable[str]) -> list[Mention]:
    """Where any of the needles (a name, an address) is written in the network's free text."""
    needles = [needle for needle in needles if needle and len(needle.strip()) >= 3]
    if not needles:
        return []
    # A title may quote the name itself ("Reading with …"); the list must not keep it.
    mask = re.compile("|".join(re.escape(needle) for needle in needles), re.IGNORECASE)
    found = []
    for kind, (_label, finder) in _mention_kinds.items():
        found.extend(
            Mention(kind=kind, title=mask.sub("…", title), url=url)
            for title, url in finder(network, needles)
        )
    return found


def mention_label(kind: str) -> str:
    """The readable name of a kind of place ("Minutes", "Wiki page"), in the active language."""
    label, _finder = _mention_kinds.get(kind, (kind, None))
    return str(label)
