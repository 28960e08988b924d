"""What the public directory reads: the listed offers, filtered, searched, fairly ordered,
and each offer as its page and the comparison show it (text in the reader's language).

Every read starts from `freshness.publicly_listed`, so a hidden offer or another network's
is never listed, opened or compared.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects

from knotenpunkt.core.dates import network_today
from knotenpunkt.core.languages import language_name

from . import search
from .freshness import Freshness, freshness_of, periods_of, publicly_listed
from .models import Language, Location, Schedule, Service, ServiceAtLocation, TaxonomyTerm
from .taxonomy import LANGUAGE_COURSE, term_label

MAX_COMPARED = 4
MIN_COMPARED = 2


@dataclass(frozen=True)
class OfferFilters:
    query: str = ""
    term: TaxonomyTerm | None = None
    language: str = ""
    district: str = ""
    free: bool = False
    step_free: bool = False
    age: int | None = None


def _filtered(queryset: QuerySet[Service], network, filters: OfferFilters) -> QuerySet[Service]:
    if filters.term is not None:
        tagged = Service.terms.through.objects.filter(
            Q(taxonomyterm=filters.term) | Q(taxonomyterm__parent=filters.term)
        )
        queryset = queryset.filter(pk__in=tagged.values("service_id"))
    if filters.language:
        queryset = queryset.filter(
            pk__in=Language.objects.filter(network=network, code=filters.language).values(
                "service_id"
            )
        )
    places = ServiceAtLocation.objects.filter(network=network)
    if filters.district:
        queryset = queryset.filter(
            pk__in=places.filter(location__district=filters.district).values("service_id")
        )
    if filters.step_free:
        queryset = queryset.filter(
            pk__in=places.filter(location__wheelchair_accessible=True).values("service_id")
        )
    if filters.free:
        queryset = queryset.filter(free_of_charge=True)
    if filters.age is not None:
        queryset = queryset.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=filters.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=filters.age),
        )
    return queryset


def directory(network, filters: OfferFilters, *, today: datetime.date | None = None):
    """The listed offers that match, best first, in the day's fair order (not yet fetched)."""
    today = today or network_today(network)
    listed = publicly_listed(network, today=today)
    found = search.matching(network, filters.query, _filtered(listed, network, filters))
    return search.fair_order(found, network, today=today)


# Reading offers -------------------------------------------------------------------------------


@dataclass
class Offer:
    """An offer as a visitor reads it: the text in their language, or the original with a
    note, and what the list, the page and the comparison show."""

    service: Service
    name: str
    description: str
    language: str  # the language the text is shown in
    is_fallback: bool
    freshness: Freshness
    categories: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    places: list[ServiceAtLocation] = field(default_factory=list)

    @property
    def outdated(self) -> bool:
        return self.freshness == Freshness.OUTDATED

    @property
    def districts(self) -> list[str]:
        return list(dict.fromkeys(p.location.district for p in self.places if p.location.district))

    @property
    def schedules(self) -> list[Schedule]:
        found = [schedule for place in self.places for schedule in place.schedules.all()]
        return sorted(found, key=lambda s: (weekday_position(s.byday), s.opens_at))

    @property
    def is_language_course(self) -> bool:
        return any(
            term.code == LANGUAGE_COURSE or term.code.startswith(f"{LANGUAGE_COURSE}-")
            for term in self.service.terms.all()
        )


def _prefetched(services) -> list[Service]:
    services = list(services)
    prefetch_related_objects(
        services,
        "organization",
        "translations",
        "languages",
        Prefetch("terms", queryset=TaxonomyTerm.objects.order_by("position", "name")),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                "schedules"
            ),
        ),
    )
    return services


_WEEKDAYS = [choice.value for choice in Schedule.Weekday]


def _offer(service: Service, language: str, periods, today) -> Offer:
    name, description, shown = service.name, service.description, service.language
    if service.language != language:
        for item in service.translations.all():
            if item.language == language:
                name, description, shown = item.name, item.description or description, language
    terms = list(service.terms.all())
    places = sorted(service.service_at_locations.all(), key=lambda p: p.location.name)
    return Offer(
        service=service,
        name=name,
        description=description,
        language=shown,
        is_fallback=shown != language,
        freshness=freshness_of(service, periods, today),
        categories=[term_label(term) for term in terms if term.parent_id is None],
        levels=[term.code.rsplit("-", 1)[1].upper() for term in terms if term.parent_id],
        languages=[language_name(item.code) for item in service.languages.all()],
        places=places,
    )


def offers_of(services, network, language: str, *, today=None) -> list[Offer]:
    """The page's offers, read in a constant number of queries however many there are."""
    today = today or network_today(network)
    periods = periods_of(network)
    return [_offer(service, language, periods, today) for service in _prefetched(services)]


def offer(network, service_id: int, language: str) -> Offer | None:
    """One listed offer of the network, or None (hidden, ended or another network's)."""
    service = publicly_listed(network).filter(pk=service_id).first()
    if service is None:
        return None
    return offers_of([service], network, language)[0]


def compared(network, ids: list[int], language: str) -> list[Offer]:
    """The listed offers among `ids`, in the order asked, at most MAX_COMPARED."""
    ids = list(dict.fromkeys(ids))[:MAX_COMPARED]
    found = {s.pk: s for s in publicly_listed(network).filter(pk__in=ids)}
    return offers_of([found[pk] for pk in ids if pk in found], network, language)


# Choices of the filters -----------------------------------------------------------------------


def filter_choices(network) -> dict:
    """Categories (with CEFR levels under language courses), languages and districts that
    occur in the network's directory (three queries)."""
    terms = list(TaxonomyTerm.objects.filter(network=network).order_by("position", "name"))
    top = [term for term in terms if term.parent_id is None]
    categories = []
    for term in top:
        categories.append((term.pk, term_label(term)))
        categories += [(c.pk, f"– {term_label(c)}") for c in terms if c.parent_id == term.pk]
    codes = Language.objects.filter(network=network).values_list("code", flat=True).distinct()
    languages = sorted(((code, language_name(code)) for code in codes), key=lambda c: c[1])
    districts = (
        Location.objects.filter(network=network)
        .exclude(district="")
        .values_list("district", flat=True)
        .distinct()
        .order_by("district")
    )
    return {"categories": categories, "languages": languages, "districts": list(districts)}


def weekday_position(byday: str) -> int:
    return _WEEKDAYS.index(byday) if byday in _WEEKDAYS else 0
