"""Search across a network's content: one `SearchEntry` per object, kept current by its app.

An app makes a model searchable with one call, in its own `search.py` imported from its
AppConfig.ready()::

    from knotenpunkt.core import search

    def meeting_document(meeting) -> search.Document | None:
        return search.Document(
            title=meeting.title,
            body=search.markdown_to_text(meeting.description),
            url=search.network_path("meetings:detail", meeting_id=meeting.pk),
            visibility=search.GROUP if meeting.group_id else search.NETWORK,
            group_id=meeting.group_id,
            starts_at=meeting.starts_at,  # or day=… for a date; shown with the result
            place=meeting.place,
        )

    search.register(Meeting, meeting_document, label=_("Meeting"))

The document function returns None for an object that must not be found (a draft, say).
Registering connects post_save/post_delete receivers, so every save indexes the object
and every delete removes it, inside the same transaction. Writes that send no signals
(bulk_create, queryset.update) call `search_index_many(objects)` or `search_index(obj)`;
an entry that depends on another object (minutes on their meeting's group) is refreshed by
the service that changes that object. `search_reindex(network)` (or `manage.py
search_reindex`) rebuilds everything from the registered providers.

Visibility: PUBLIC and NETWORK entries are found by anyone with a role in the network,
GROUP entries by the group's current members, the coordinator and the city liaison,
COORDINATOR entries by the coordinator and the city liaison only.

Text is normalised in Python (core.search_text) before it is stored and before it is
queried, so that "strasse" finds "Straße" and "isik" finds "ışık" on SQLite (FTS5) and
PostgreSQL (GIN) alike. See docs/decisions/0007-search-index.md.
"""

import datetime
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django_scopes import scope

from . import policy
from .models import SearchEntry
from .search_text import (  # noqa: F401  (providers and views use them from here)
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    fold,
    highlight,
    markdown_to_text,
    query_terms,
    search_text,
    snippet,
    words,
)
from .urls_helpers import network_reverse

PUBLIC = SearchEntry.Visibility.PUBLIC
NETWORK = SearchEntry.Visibility.NETWORK
GROUP = SearchEntry.Visibility.GROUP
COORDINATOR = SearchEntry.Visibility.COORDINATOR
# The policy's action of those who see every entry (declared by the app that owns the roles).
SEES_EVERYTHING = "search.all_entries"

COUNT_CAP = 1000  # beyond this the page says "more than 1,000 results" instead of counting
PER_PAGE = 20
BATCH = 1000

# The index expression of migration 0003 on PostgreSQL; queries must use exactly this one.
PG_VECTOR = (
    "(setweight(to_tsvector('simple'::regconfig, search_title), 'A')"
    " || setweight(to_tsvector('simple'::regconfig, search_body), 'B'))"
)
FTS_TABLE = "core_searchentry_fts"


# Registry ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """What the index stores about an object; `url` is relative to the network's root.

    `starts_at` (a moment) or `day` (a date), and `place`, are shown with the result so that
    objects with the same title (a group's meetings, a monthly event) can be told apart.
    """

    title: str
    body: str
    url: str
    visibility: str
    group_id: int | None = None
    starts_at: datetime.datetime | None = None
    day: datetime.date | None = None
    place: str = ""

    def __post_init__(self):
        if self.starts_at is not None and self.day is not None:
            raise ValueError("a document has a moment or a day, not both")
        if self.starts_at is not None and timezone.is_naive(self.starts_at):
            raise ValueError("starts_at must be an aware datetime")
        if self.visibility not in SearchEntry.Visibility.values:
            raise ValueError(f"unknown visibility {self.visibility!r}")
        if (self.visibility == GROUP) != (self.group_id is not None):
            raise ValueError("group visibility needs a group_id, and only it")
        if self.url.startswith("/"):
            raise ValueError("the url is relative to the network's root (see network_path)")


@dataclass(frozen=True)
class Provider:
    model: type
    document: Callable[[object], Document | None]
    queryset: Callable[[object], Iterable]
    label: object


_providers: dict[str, Provider] = {}


def register(model, document, *, queryset=None, label=None, signals: bool = True) -> None:
    """Make `model` searchable; `queryset(network)` lists its objects for a reindex."""
    key = model._meta.label_lower
    _providers[key] = Provider(
        model=model,
        document=document,
        queryset=queryset or (lambda network: model.objects.filter(network=network)),
        label=label or model._meta.verbose_name,
    )
    if signals:
        post_save.connect(_saved, sender=model, weak=False, dispatch_uid=f"search:{key}")
        post_delete.connect(_deleted, sender=model, weak=False, dispatch_uid=f"search:{key}")


def unregister(model) -> None:
    """Undo `register` (tests that register a provider of their own clean up with this)."""
    key = model._meta.label_lower
    _providers.pop(key, None)
    post_save.disconnect(sender=model, dispatch_uid=f"search:{key}")
    post_delete.disconnect(sender=model, dispatch_uid=f"search:{key}")


def registered() -> dict[str, Provider]:
    return dict(_providers)


def network_path(name: str, **kwargs) -> str:
    """A network page's path below `/<lang>/<network>/`, e.g. "manage/members/12/"."""
    path = reverse(name, kwargs={"lang": "xx", "network": "x", **kwargs})
    prefix = "/xx/x/"
    if not path.startswith(prefix):
        raise ValueError(f"{name} is not a network page")
    return path[len(prefix) :]


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures load raw rows; a reindex covers them
        search_index(instance)


def _deleted(sender, instance, **kwargs):
    search_remove(instance)


def _entries(network_id):
    return SearchEntry.objects.with_scope(network=network_id)


ENTRY_FIELDS = (
    "title",
    "body",
    "url",
    "visibility",
    "group_id",
    "search_title",
    "search_body",
    "starts_at",
    "day",
    "place",
    "updated_at",
)


def entry_fields(document: Document) -> dict:
    title = document.title[:300]
    return {
        "title": title,
        "body": document.body,
        "url": document.url,
        "visibility": document.visibility,
        "group_id": document.group_id,
        "search_title": search_text(title),
        "search_body": search_text(document.body),
        "starts_at": document.starts_at,
        "day": document.day,
        "place": document.place[:300],
    }


def _target(obj) -> tuple[str, str]:
    return obj._meta.label_lower, str(obj.pk)


def _document(obj) -> Document | None:
    # Providers may follow relations; their queries belong to the object's network.
    with scope(network=obj.network_id):
        return _providers[obj._meta.label_lower].document(obj)


@transaction.atomic
def search_index(obj) -> SearchEntry | None:
    """Write (or remove) the entry of one object; returns it, or None if it is not searchable."""
    document = _document(obj)
    if document is None:
        search_remove(obj)
        return None
    target_type, target_id = _target(obj)
    entry, _created = _entries(obj.network_id).update_or_create(
        network_id=obj.network_id,
        target_type=target_type,
        target_id=target_id,
        defaults=entry_fields(document),
    )
    return entry


def search_remove(obj) -> None:
    target_type, target_id = _target(obj)
    _entries(obj.network_id).filter(
        network_id=obj.network_id, target_type=target_type, target_id=target_id
    ).delete()


def _new_entries(objects) -> tuple[list[SearchEntry], list]:
    """Entries for the searchable objects, and the objects that must not be found."""
    entries, hidden = [], []
    for obj in objects:
        document = _document(obj)
        if document is None:
            hidden.append(obj)
            continue
        target_type, target_id = _target(obj)
        entries.append(
            SearchEntry(
                network_id=obj.network_id,
                target_type=target_type,
                target_id=target_id,
                **entry_fields(document),
            )
        )
    return entries, hidden


@transaction.atomic
def search_index_many(objects: Iterable) -> int:
    """Index objects written in bulk (which sends no signals) in a few queries."""
    entries, hidden = _new_entries(objects)
    for obj in hidden:
        search_remove(obj)
    SearchEntry.objects.with_scopes_disabled().bulk_create(
        entries,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["network", "target_type", "target_id"],
        update_fields=ENTRY_FIELDS,
    )
    return len(entries)


@transaction.atomic
def search_reindex(network) -> int:
    """Rebuild the network's entries from every registered provider; returns how many."""
    _entries(network.pk).filter(network=network).delete()
    count = 0
    for provider in _providers.values():
        batch = []
        with scope(network=network):
            objects = provider.queryset(network).iterator(chunk_size=BATCH)
            for obj in objects:
                batch.append(obj)
                if len(batch) == BATCH:
                    count += _insert(batch)
                    batch = []
        count += _insert(batch)
    return count


def _insert(objects) -> int:
    entries, _hidden = _new_entries(objects)
    SearchEntry.objects.with_scopes_disabled().bulk_create(entries, batch_size=BATCH)
    return len(entries)


# Who is searching --------------------------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    """Whether a user has a role in one network, sees all of it, and their working groups."""

    has_role: bool
    sees_everything: bool = False
    group_ids: frozenset[int] = frozenset()


def viewer_for(user, network) -> Viewer:
    """Asked of the policy, which the apps fill (core imports none of them)."""
    if not policy.roles_of(user, network):
        return Viewer(has_role=False)
    if policy.can(user, network, SEES_EVERYTHING):
        return Viewer(has_role=True, sees_everything=True)
    return Viewer(has_role=True, group_ids=policy.groups_of(user, network))


# Queries -----------------------------------------------------------------------------------


def fts_query(terms: list[str]) -> str:
    """SQLite FTS5: every term as a quoted prefix phrase (quoting disarms AND, NEAR, *, …)."""
    return " ".join(f'"{term}"*' for term in terms)


def tsquery(terms: list[str]) -> str:
    """PostgreSQL: every term as a quoted prefix lexeme, all of them required."""
    return " & ".join(f"'{term}':*" for term in terms)


def _visibility_sql(viewer: Viewer) -> tuple[str, list]:
    """The viewer's permissions (see the module docstring) as a condition on the entry `e`."""
    if viewer.sees_everything:
        return "", []
    if not viewer.has_role:
        return " AND e.visibility = %s", [PUBLIC]
    sql, params = "e.visibility IN (%s, %s)", [PUBLIC, NETWORK]
    if viewer.group_ids:
        groups = sorted(viewer.group_ids)
        placeholders = ", ".join(["%s"] * len(groups))
        sql = f"({sql} OR (e.visibility = %s AND e.group_id IN ({placeholders})))"
        params += [GROUP, *groups]
    return f" AND {sql}", params


@dataclass(frozen=True)
class _Matching:
    """SQL of the entries that contain every term and that the viewer may see."""

    rank: str  # a score, best first when sorted by `order`
    rank_params: list
    source: str  # FROM … WHERE …, the entry aliased `e`
    params: list
    order: str


def _matching(network, viewer: Viewer, terms: list[str]) -> _Matching:
    visible, visible_params = _visibility_sql(viewer)
    if connection.vendor == "sqlite":
        # CROSS JOIN fixes the order: walk the index's matches, then fetch each entry by
        # rowid. Left to itself, the planner may scan the network's entries instead.
        return _Matching(
            rank=f"bm25({FTS_TABLE}, 10.0, 1.0)",
            rank_params=[],
            source=(
                f"FROM {FTS_TABLE} CROSS JOIN core_searchentry e ON e.id = {FTS_TABLE}.rowid"
                f" WHERE {FTS_TABLE} MATCH %s AND e.network_id = %s{visible}"
            ),
            params=[fts_query(terms), network.pk, *visible_params],
            order="rank, e.id",
        )
    if connection.vendor == "postgresql":
        query = tsquery(terms)
        return _Matching(
            rank=f"ts_rank({PG_VECTOR}, to_tsquery('simple'::regconfig, %s))",
            rank_params=[query],
            source=(
                f"FROM core_searchentry e WHERE {PG_VECTOR} @@ to_tsquery('simple'::regconfig, %s)"
                f" AND e.network_id = %s{visible}"
            ),
            params=[query, network.pk, *visible_params],
            order="rank DESC, e.id",
        )
    raise NotImplementedError(f"search needs SQLite or PostgreSQL, not {connection.vendor}")


def _count(matching: _Matching) -> int:
    """How many entries match, counted up to COUNT_CAP + 1 (counting all would cost more)."""
    sql = f"SELECT COUNT(*) FROM (SELECT e.id {matching.source} LIMIT {COUNT_CAP + 1}) capped"
    with connection.cursor() as cursor:
        cursor.execute(sql, matching.params)
        return cursor.fetchone()[0]


def _rows(network, matching: _Matching, *, offset: int, limit: int) -> list[SearchEntry]:
    sql = (
        f"SELECT e.*, {matching.rank} AS rank {matching.source}"
        f" ORDER BY {matching.order} LIMIT %s OFFSET %s"
    )
    params = [*matching.rank_params, *matching.params, limit, offset]
    return list(SearchEntry.objects.with_scope(network=network).raw(sql, params))


@dataclass(frozen=True)
class SearchResult:
    """One object as the results page lists it: its kind, when and where, the words marked."""

    entry: SearchEntry
    title: SafeString
    snippet: SafeString
    url: str
    kind: object
    place: SafeString = SafeString("")

    @property
    def starts_at(self) -> datetime.datetime | None:
        return self.entry.starts_at

    @property
    def day(self) -> datetime.date | None:
        return self.entry.day


@dataclass(frozen=True)
class SearchPage:
    query: str
    results: list[SearchResult]
    number: int
    per_page: int
    total: int  # capped at COUNT_CAP + 1
    has_next: bool

    count_cap = COUNT_CAP

    @property
    def total_is_capped(self) -> bool:
        return self.total > COUNT_CAP

    @property
    def num_pages(self) -> int | None:
        """None when there are more results than the page counts."""
        return None if self.total_is_capped else max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1


def search(
    *, network, viewer: Viewer, query: str, page: int = 1, per_page: int = PER_PAGE
) -> SearchPage:
    """One page of the entries of `network` that contain every word of `query` (as a prefix)
    and that `viewer` may see, best first, with highlighted title and snippet."""
    terms = query_terms(query)
    # Nobody reads past the first thousand results; refining the query is the way on.
    last_page = max(1, COUNT_CAP // per_page)
    number = min(max(1, page), last_page)
    if not terms:
        return SearchPage(query, [], number, per_page, 0, False)
    matching = _matching(network, viewer, terms)
    total = _count(matching)
    offset = (number - 1) * per_page
    rows = _rows(network, matching, offset=offset, limit=per_page + 1) if offset < total else []
    root = network_reverse(network, "core:home")
    results = [
        SearchResult(
            entry=entry,
            title=highlight(entry.title, terms),
            snippet=snippet(entry.body, terms),
            url=root + entry.url,
            kind=_label(entry.target_type),
            place=highlight(entry.place, terms),
        )
        for entry in rows[:per_page]
    ]
    has_next = len(rows) > per_page and number < last_page
    return SearchPage(query, results, number, per_page, total, has_next)


def _label(target_type: str):
    provider = _providers.get(target_type)
    return provider.label if provider else target_type
