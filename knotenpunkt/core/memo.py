"""A per-process memo for the per-network lookups that nearly every page repeats.

The footer links, the main navigation, the visitor's roles, the organisation kinds of the
filter forms and the agreement in force change a few times a year but are read on every
request. A process-local memo is only correct if every process notices a change at once:
entries are therefore keyed by `Network.memo_token`, which is renewed in the same transaction
as each change to memoised data (`network_data_changed`, called from the owning apps' model
signals), and which every request reads with the network itself (NetworkMiddleware). A change
made by any process or the worker thus makes the old entries unreachable everywhere, with no
extra query and no shared cache service.
"""

import uuid
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.db.models.signals import post_delete, post_save

from .models import Network

T = TypeVar("T")

# Entries are small (a few rows each); the memo is emptied when it grows past this many.
MAX_ENTRIES = 4096

_entries: dict[tuple, object] = {}


def network_memo(network: Network, key: Hashable, compute: Callable[[], T]) -> T:
    """The value computed by `compute()` for this network, reused until its data changes.

    `key` must name everything else the value depends on (the language, the day …).
    Values are shared between requests and threads: return tuples or other values that
    nobody modifies.
    """
    full_key = (network.pk, network.memo_token, key)
    try:
        return _entries[full_key]
    except KeyError:
        pass
    value = compute()
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()
    _entries[full_key] = value
    return value


def network_data_changed(network_id: int, *, loaded: Network | None = None) -> None:
    """Make every process recompute this network's memoised values.

    Runs inside the writer's transaction, so the new token and the new data become visible
    together. `loaded` is the writer's own Network instance, given the new token as well so
    that the rest of the same request does not read its old entries.
    """
    token = uuid.uuid4()
    Network.objects.filter(pk=network_id).update(memo_token=token)
    if loaded is not None:
        loaded.memo_token = token


def _data_changed(sender, instance, **kwargs) -> None:
    network_field = sender._meta.get_field("network")
    loaded = instance.network if network_field.is_cached(instance) else None
    network_data_changed(instance.network_id, loaded=loaded)


def memo_invalidated_by(*models) -> None:
    """Renew the network's token whenever a row of these models is saved or deleted.

    The app owning memoised data calls this from `ready()` for the models the data is read
    from. Bulk writes (`bulk_create`, `QuerySet.update`) send no signals: their callers call
    `network_data_changed` themselves.
    """
    for model in models:
        post_save.connect(
            _data_changed, sender=model, dispatch_uid=f"memo-save-{model._meta.label}"
        )
        post_delete.connect(
            _data_changed, sender=model, dispatch_uid=f"memo-delete-{model._meta.label}"
        )
