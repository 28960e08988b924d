"""Offers in the network's search index, and the directory's own search over it.

Every offer has one public `SearchEntry` (core.search): its name is the title; the body holds
the description, the translations, the organisation's name and the names of its categories in
every language of the site, so "Sprachkurs", "Language course" and "Мовний курс" all find a
language course whoever wrote it. The site search finds offers that way too.

The directory asks the same index (`search`), with two additions (docs/decisions/0032):

- Compounds: a hyphenated word is stored joined as well ("Deutsch-Kurs" also as
  "deutschkurs"), so "Deutschkurs" finds it; every word matches as a prefix, so "Deutsch"
  finds "Deutschkurs".
- Word forms: a query word loses a common ending before it is matched as a prefix
  ("Kurse" → "kurs", "Beratungen" → "beratung", "курси" → "курс").

Relevance has two grades: all words in the offer's name, or elsewhere. Within a grade the
order is fair (`fair_order`): a seeded shuffle of the network's offers that rotates one place
a day, so each offer of the same grade is first equally often and no one can buy a place.

The index entry is written on save; whether an offer is listed (status, freshness) is asked at
query time (`freshness.publicly_listed`), because an offer goes stale without being saved.
"""

import datetime
import hashlib
import random
import re

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    IntegerField,
    QuerySet,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_scopes import scope

from knotenpunkt.core import search
from knotenpunkt.core.dates import network_today
from knotenpunkt.members.models import Organisation

from .freshness import publicly_listed
from .models import Service, ServiceTranslation
from .taxonomy import term_label

TARGET_TYPE = "offers.service"
NAME_MATCH = 2  # every word of the query is in the offer's name
TEXT_MATCH = 1  # found elsewhere (description, translation, organisation, category)

# Word endings a query word loses before it is matched as a prefix (German, English, and the
# commonest Ukrainian and Russian plural and case endings). The stem keeps four letters.
_ENDINGS = (
    "ungen", "innen", "en", "er", "es", "e", "n", "s",
    "ами", "ями", "ів", "ах", "ям", "ы", "и", "і", "а", "у", "ю", "я", "ї",
)  # fmt: skip
_STEM_MIN = 4
_HYPHENATED = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)+")


# The index entry ------------------------------------------------------------------------------


def joined_compounds(text: str) -> str:
    """ "Deutsch-Kurs, Erste-Hilfe" → "DeutschKurs ErsteHilfe": the forms written as one word."""
    return " ".join(re.sub(r"[-‐‑]", "", match) for match in _HYPHENATED.findall(text or ""))


def _term_names(service: Service) -> list[str]:
    terms = list(service.terms.all())
    names = [term.name for term in terms]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names += [term_label(term) for term in terms]
    return list(dict.fromkeys(names))


def service_document(service: Service) -> search.Document:
    texts = [search.markdown_to_text(service.description)]
    for item in service.translations.all():
        texts += [item.name, search.markdown_to_text(item.description)]
    texts += [service.organization.name, *_term_names(service)]
    body = "\n".join(text for text in texts if text)
    compounds = joined_compounds(f"{service.name}\n{body}")
    return search.Document(
        title=service.name,
        body=f"{body}\n{compounds}" if compounds else body,
        url=search.network_path("offers:detail", service_id=service.pk),
        visibility=search.PUBLIC,
    )


def searchable_services(network) -> QuerySet[Service]:
    return (
        Service.objects.filter(network=network)
        .select_related("organization")
        .prefetch_related("translations", "terms")
    )


def services_index(services: list[Service], *, network) -> int:
    """Index offers written with bulk_create (no post_save), in a few queries."""
    if not services:
        return 0
    with scope(network=network):
        prefetch_related_objects(services, "organization", "translations", "terms")
    return search.search_index_many(services)


search.register(Service, service_document, queryset=searchable_services, label=_("Offer"))


def _reindex(service_id, network_id) -> None:
    with scope(network=network_id):
        service = Service.objects.filter(pk=service_id).first()
        if service is not None:
            search.search_index(service)


@receiver(post_save, sender=ServiceTranslation, dispatch_uid="search:offers-translation")
@receiver(post_delete, sender=ServiceTranslation, dispatch_uid="search:offers-translation-del")
def translation_changed(sender, instance, raw=False, **kwargs):
    """A translation is part of its offer's entry."""
    if not raw:
        _reindex(instance.service_id, instance.network_id)


@receiver(m2m_changed, sender=Service.terms.through, dispatch_uid="search:offers-terms")
def terms_changed(sender, instance, action, reverse=False, **kwargs):
    """The category names are part of the entry (a term's own changes need a reindex)."""
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        _reindex(instance.pk, instance.network_id)


@receiver(post_save, sender=Organisation, dispatch_uid="search:offers-of-organisation")
def organisation_services_reindex(sender, instance, raw=False, created=False, **kwargs):
    """The entry reads the organisation's name: a renamed organisation is found under it."""
    if raw or created:
        return
    with scope(network=instance.network_id):
        services = list(searchable_services(instance.network_id).filter(organization=instance))
    search.search_index_many(services)


# Querying -------------------------------------------------------------------------------------


def _stem(term: str) -> str:
    for ending in _ENDINGS:
        if term.endswith(ending) and len(term) - len(ending) >= _STEM_MIN:
            return term[: -len(ending)]
    return term


def search_terms(text: str) -> list[str]:
    """The query's words, normalised as the index is, each cut to its stem."""
    return list(dict.fromkeys(_stem(term) for term in search.query_terms(text)))


def matching_sql(network, terms: list[str], *, in_name: bool = False) -> tuple[str, list]:
    """SQL selecting the ids of the network's offers whose entry holds every term (as a
    prefix), or, with `in_name`, whose name does. Terms are quoted, never query syntax."""
    if connection.vendor == "sqlite":
        query = search.fts_query(terms)
        if in_name:
            # Names that hold every word are few (a tenth of the matches or less): read them
            # from the full-text index first and look up only their entries by rowid, instead
            # of walking all the network's entries a second time.
            return (
                "SELECT CAST(e.target_id AS INTEGER)"
                f" FROM {search.FTS_TABLE} f CROSS JOIN core_searchentry e ON e.id = f.rowid"
                f" WHERE f.{search.FTS_TABLE} MATCH %s AND e.network_id = %s"
                " AND e.target_type = %s",
                [f"search_title : ({query})", network.pk, TARGET_TYPE],
            )
        # The network's offer entries are read from the narrow unique index (network, type,
        # target id; the rowid comes with it) and kept if the FTS index matched their rowid.
        # `+e.id` stops SQLite fetching each match's wide row by rowid instead, which took
        # twice as long as the full-text match itself.
        return (
            "SELECT CAST(e.target_id AS INTEGER) FROM core_searchentry e"
            " WHERE e.network_id = %s AND e.target_type = %s AND +e.id IN"
            f" (SELECT rowid FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH %s)",
            [network.pk, TARGET_TYPE, query],
        )
    if connection.vendor == "postgresql":
        weight = "A" if in_name else ""
        query = " & ".join(f"'{term}':*{weight}" for term in terms)
        return (
            f"SELECT CAST(e.target_id AS BIGINT) FROM core_searchentry e"
            f" WHERE {search.PG_VECTOR} @@ to_tsquery('simple'::regconfig, %s)"
            f" AND e.network_id = %s AND e.target_type = %s",
            [query, network.pk, TARGET_TYPE],
        )
    raise NotImplementedError(f"search needs SQLite or PostgreSQL, not {connection.vendor}")


def matching(network, text: str, queryset: QuerySet[Service]) -> QuerySet[Service]:
    """`queryset` narrowed to the offers matching `text`, annotated with their `relevance`."""
    terms = search_terms(text)
    if not terms:
        return queryset.annotate(relevance=Value(TEXT_MATCH, output_field=IntegerField()))
    found, found_params = matching_sql(network, terms)
    named, named_params = matching_sql(network, terms, in_name=True)
    return queryset.filter(pk__in=RawSQL(found, found_params)).annotate(
        relevance=Case(
            When(pk__in=RawSQL(named, named_params), then=Value(NAME_MATCH)),
            default=Value(TEXT_MATCH),
            output_field=IntegerField(),
        )
    )


# Fair order -----------------------------------------------------------------------------------

PRIME = 2_147_483_647  # 2**31 - 1: products of two residues stay within 64-bit integers


def day_seed(network, day: datetime.date) -> int:
    digest = hashlib.sha256(f"{network.pk}:{day.isoformat()}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _lot_sql(seed: int, column: str) -> tuple[str, list]:
    """A pseudo-random number per offer: a random cubic polynomial of its id modulo a prime
    (4-wise independent, so every offer is as likely as any other to draw a low lot)."""
    rng = random.Random(seed)
    sql, params = "%s", [rng.randrange(1, PRIME)]
    for _degree in range(3):
        sql = f"(({sql}) * ({column} %% {PRIME}) + %s) %% {PRIME}"
        params.append(rng.randrange(0, PRIME))
    return sql, params


class FairOrder:
    """The offers of a queryset annotated with `relevance`, best grade first; within a grade
    a shuffle of the network's offers (drawn each year) rotated one place a day, so that over
    n days each of n offers of one grade is first once. Seeded by the network and its date:
    the same all day for everyone, changing at the network's midnight.

    A sequence the paginator can count and slice: a slice is one query for the ids in order
    and the total (window functions over ids only) and one for the offers; `page_size` is the
    slice that the count fetches along, so that a first page costs two queries.
    """

    def __init__(self, queryset: QuerySet[Service], network, today: datetime.date, page_size=20):
        self.queryset, self.network, self.today = queryset, network, today
        self.page_size = page_size
        self._count = None
        self._pages: dict[tuple[int, int], list[int]] = {}

    def count(self) -> int:
        """Counted with the first page, in the same query (most visitors look at no other)."""
        if self._count is None:
            self.ids(0, self.page_size)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def ids(self, offset: int, limit: int) -> list[int]:
        if (offset, limit) in self._pages:
            return self._pages[(offset, limit)]
        inner, params = self.queryset.values("pk", "relevance").order_by().query.sql_with_params()
        seed = day_seed(self.network, self.today.replace(month=1, day=1))
        lot, lot_params = _lot_sql(seed, "m.id")
        # The matches are evaluated once (`m`, materialised: the sizes and the numbering both
        # read it). A grade holds the places [0, best) or [best, total), so only a grade that
        # the slice reaches is numbered: a first page of name matches neither draws lots for
        # nor sorts the tens of thousands of offers that mention the words elsewhere. An
        # offer's place in the list is its grade's start plus its rotated number, so the slice
        # is a range of places, and only its rows are sorted.
        sql = (
            f"WITH m AS MATERIALIZED (SELECT i.pk AS id, i.relevance FROM ({inner}) i),"
            " sizes AS (SELECT COUNT(*) AS total,"
            f" COUNT(*) FILTER (WHERE m.relevance = {NAME_MATCH}) AS best FROM m),"
            " numbered AS (SELECT m.id, m.relevance,"
            f" ROW_NUMBER() OVER (PARTITION BY m.relevance ORDER BY {lot}, m.id) AS number"
            f" FROM m CROSS JOIN sizes s WHERE (m.relevance = {NAME_MATCH} AND %s < s.best)"
            f" OR (m.relevance <> {NAME_MATCH} AND %s > s.best)),"
            " placed AS (SELECT n.id, s.total, CASE"
            f" WHEN n.relevance = {NAME_MATCH} THEN (n.number + %s) %% s.best"
            " ELSE s.best + (n.number + %s) %% (s.total - s.best) END AS place"
            " FROM numbered n CROSS JOIN sizes s)"
            " SELECT p.id, p.total FROM placed p WHERE p.place >= %s AND p.place < %s"
            " ORDER BY p.place"
        )
        day, end = self.today.toordinal(), offset + limit
        params = [*params, *lot_params, offset, end, day, day, offset, end]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if rows:
            self._count = rows[0][1]
        elif offset == 0:
            self._count = 0
        elif self._count is None:
            self.ids(0, 1)
        self._pages[(offset, limit)] = [row[0] for row in rows]
        return self._pages[(offset, limit)]

    def __getitem__(self, key):
        if isinstance(key, int):
            found = self[key : key + 1]
            if not found:
                raise IndexError(key)
            return found[0]
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        ids = self.ids(start, max(0, stop - start))
        services = Service.objects.filter(network=self.network).in_bulk(ids)
        return [services[pk] for pk in ids if pk in services]

    def __iter__(self):
        return iter(self[:])

    def first(self) -> Service | None:
        found = self[:1]
        return found[0] if found else None

    def exists(self) -> bool:
        return bool(self.ids(0, 1))


def fair_order(queryset: QuerySet[Service], network, *, today: datetime.date | None = None):
    today = today or network_today(network)
    if "relevance" not in queryset.query.annotations:
        queryset = queryset.annotate(relevance=Value(TEXT_MATCH, output_field=IntegerField()))
    return FairOrder(queryset, network, today)


def search_services(network, text: str, *, today: datetime.date | None = None) -> FairOrder:
    """The publicly listed offers matching `text`, best first, fairly ordered within a grade
    (for the directory's page and the API): count it, slice it."""
    today = today or network_today(network)
    found = matching(network, text, publicly_listed(network, today=today))
    return fair_order(found, network, today=today)
