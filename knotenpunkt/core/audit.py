"""The declared kinds of audit entries and the before/after values they carry.

Core imports no domain app, so each app declares its own kinds (a `TextChoices` whose labels
say in words what happened) from its `ready()`; `audit_record` refuses a kind nobody declared,
so the audit log page can name and filter every entry it shows.
"""

import datetime
import decimal
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .formatting import format_local_date, format_local_datetime

# Values of these fields never enter the trail, whatever model they belong to.
SECRET_FIELDS = frozenset({"password", "token", "secret", "memo_token"})

_kinds: dict[str, object] = {}


class CoreAuditKind(models.TextChoices):
    NETWORK_CREATE = "network.create", _("Network created")
    NETWORK_UPDATE = "network.update", _("Network settings changed")
    NETWORK_DEACTIVATE = "network.deactivate", _("Network deactivated")
    NETWORK_ACTIVATE = "network.activate", _("Network activated again")


def audit_kinds_declare(kinds: type[models.TextChoices]) -> None:
    """Declare an app's kinds; called from its `AppConfig.ready()`."""
    for value, label in kinds.choices:
        _kinds[value] = label


# Kind → how its stored summary reads in the active language (a role key in words, say).
_summary_readers: dict[str, Callable[[str], str]] = {}


def audit_summary_reader(*kinds: str):
    """Decorator for `reader(summary) -> text`: how the summaries of these kinds read.

    The summary is stored once, in no language; the log shows it in the reader's.
    """

    def register(reader):
        for kind in kinds:
            _summary_readers[kind] = reader
        return reader

    return register


def readable_summary(entry) -> str:
    reader = _summary_readers.get(entry.action)
    return reader(entry.summary) if reader is not None and entry.summary else entry.summary


def audit_kind_declared(kind: str) -> bool:
    return kind in _kinds


def audit_kind_label(kind: str) -> str:
    """The kind in words, in the active language; an old undeclared kind shows as it is."""
    return str(_kinds.get(kind, kind))


def audit_kind_choices() -> list[tuple[str, str]]:
    """Every declared kind with its label, ordered by label in the active language."""
    return sorted(((kind, str(label)) for kind, label in _kinds.items()), key=lambda c: c[1])


def json_safe(value):
    """A value as JSON can hold it: dates as ISO text, objects and files by their name."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_safe(item) for item in value]
    return str(value)


def field_changes(instance, values: Mapping, *, fields: Iterable[str] | None = None) -> dict:
    """{field: (before, after)} for the values that differ from the instance's current ones.

    Called before the values are applied; the result's keys are the fields to save, and the
    result itself is what `audit_record(changes=…)` keeps (secrets are left out there).
    """
    names = values.keys() if fields is None else fields
    return {
        name: (getattr(instance, name), values[name])
        for name in names
        if getattr(instance, name) != values[name]
    }


def changes_for_trail(changes: Mapping | None) -> dict:
    """The JSON form of `field_changes`, without secret fields."""
    if not changes:
        return {}
    return {
        name: [json_safe(before), json_safe(after)]
        for name, (before, after) in changes.items()
        if name not in SECRET_FIELDS
    }


@dataclass(frozen=True)
class ReadableChange:
    field: str
    before: str
    after: str
    language: str = ""  # the language of the values, when the entry is about one language's text


# Long texts (a page's body) are shown cut; the object's own history holds them in full.
SHOWN_CHARACTERS = 300


def _field_of(target_type: str, name: str):
    try:
        return apps.get_model(target_type)._meta.get_field(name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return None  # a model or field that no longer exists: show the stored names


def object_type_label(target_type: str) -> str:
    """The name of a type of object ("members.organisation") in the active language."""
    try:
        return str(capfirst(apps.get_model(target_type)._meta.verbose_name))
    except (LookupError, ValueError):
        return target_type


def _readable_moment(value: str, field) -> str:
    """A stored ISO date or time in the reader's format (times in the active time zone)."""
    try:
        if isinstance(field, models.DateTimeField):
            return format_local_datetime(datetime.datetime.fromisoformat(value))
        return format_local_date(datetime.date.fromisoformat(value))
    except ValueError:
        return value


def _readable(value, field) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, str) and isinstance(field, models.DateField):
        return _readable_moment(value, field)
    labels = dict(field.flatchoices) if field is not None and field.choices else {}
    if isinstance(value, list):
        return ", ".join(str(labels.get(item, item)) for item in value)
    text = str(labels.get(value, value))
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + "…"


def readable_changes(entry) -> list[ReadableChange]:
    """An entry's before/after values in words: field labels and choices in the active language.

    An entry about one language's text (a news item's Arabic title) names that language as its
    summary; its values are then marked with it, so a page in another language shows them as
    quoted text of that language, read and spoken as such.
    """
    language = entry.summary if entry.summary in dict(settings.LANGUAGES) else ""
    result = []
    for name, values in (entry.changes or {}).items():
        before, after = (list(values) + [None, None])[:2]
        field = _field_of(entry.target_type, name)
        label = capfirst(field.verbose_name) if field is not None else name
        result.append(
            ReadableChange(str(label), _readable(before, field), _readable(after, field), language)
        )
    return result
