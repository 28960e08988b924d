"""The read-only HSDS 3.0 API: what it lists, how it reads its parameters, the objects it returns.

Readers are other directories and portals, so the shapes are Open Referral's (HSDS 3.0,
docs/decisions/0030 and 0033). Only what a visitor of the public directory may see appears:
offers that `freshness.publicly_listed` lists, of organisations that agreed to be listed
publicly. No person is ever named (HSDS `contacts` are never filled), and a field HSDS has
no place for is left out. Every id is the row's UUID; links HSDS needs that have no row of
their own (a service's category, a place's address) get a UUID derived from their rows, so
they stay the same from one request to the next.

Parameters are checked here: anything out of range is an `ApiError` naming the parameter
(HTTP 400), never a server error and never silently another page.
"""

import contextlib
import datetime
import math
import uuid
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext

from knotenpunkt.core.params import PAGE_MAX, parse_int, query_text
from knotenpunkt.members.models import Organisation

from .api_search import search_services
from .freshness import publicly_listed
from .models import (
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from .taxonomy import term_label

HSDS_VERSION = "3.0"
PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 100
# modified_after: moments outside these years name no change of this directory.
YEAR_MIN, YEAR_MAX = 2000, 2100
COUNTRY = "DE"


class ApiError(Exception):
    """A parameter the API cannot answer: HTTP 400 with the parameter's name."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class Query:
    page: int = 1
    per_page: int = PER_PAGE_DEFAULT
    search: str = ""
    modified_after: datetime.datetime | None = None
    term: TaxonomyTerm | None = None
    organization: Organisation | None = None


# What is listed ---------------------------------------------------------------------------


def listed_organisations(network) -> QuerySet[Organisation]:
    return Organisation.objects.filter(network=network, public_listing=True)


def listed_services(network) -> QuerySet[Service]:
    return publicly_listed(network).filter(organization__public_listing=True)


# Parameters -------------------------------------------------------------------------------


def parse_uuid(value: str, parameter: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        raise ApiError(parameter, gettext("Not an identifier (a UUID).")) from None


def _number(value, name: str, default: int, maximum: int) -> int:
    if value is None or value == "":
        return default
    number = parse_int(value, min_value=1, max_value=maximum)
    if number is None:
        raise ApiError(name, gettext("A whole number from 1 to %(max)s.") % {"max": maximum})
    return number


def _moment(request, network) -> datetime.datetime | None:
    """`modified_after` as an ISO date or date and time; without an offset, the network's."""
    value = (request.GET.get("modified_after") or "").strip()
    if not value:
        return None
    moment = None
    with contextlib.suppress(ValueError):
        moment = datetime.datetime.fromisoformat(value)
    if moment is None or not (YEAR_MIN <= moment.year <= YEAR_MAX):
        raise ApiError("modified_after", gettext("An ISO 8601 date or date and time."))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=network.tz)
    return moment


def _term(request, network) -> TaxonomyTerm | None:
    value = request.GET.get("taxonomy_term_id")
    if not value:
        return None
    key = parse_uuid(value, "taxonomy_term_id")
    term = TaxonomyTerm.objects.filter(network=network, uuid=key).first()
    if term is None:
        raise ApiError("taxonomy_term_id", gettext("No taxonomy term has this identifier."))
    return term


def _organisation(request, network) -> Organisation | None:
    value = request.GET.get("organization_id")
    if not value:
        return None
    key = parse_uuid(value, "organization_id")
    organisation = listed_organisations(network).filter(uuid=key).first()
    if organisation is None:
        raise ApiError("organization_id", gettext("No organization has this identifier."))
    return organisation


def read_query(request, network, *, accepts: frozenset[str]) -> Query:
    """The parameters an endpoint accepts (HSDS defines which); others are ignored."""
    found = {
        "page": _number(request.GET.get("page"), "page", 1, PAGE_MAX),
        "per_page": _number(
            request.GET.get("per_page"), "per_page", PER_PAGE_DEFAULT, PER_PAGE_MAX
        ),
        "search": query_text(request, "search"),
    }
    if "modified_after" in accepts:
        found["modified_after"] = _moment(request, network)
    if "taxonomy_term_id" in accepts:
        found["term"] = _term(request, network)
    if "organization_id" in accepts:
        found["organization"] = _organisation(request, network)
    return Query(**found)


# Filters ----------------------------------------------------------------------------------


def _with_term(term: TaxonomyTerm, service_key: str = "pk") -> Exists:
    """Services in this category or one of its sub-categories (a CEFR level of a course)."""
    through = Service.terms.through
    return Exists(
        through.objects.filter(service_id=OuterRef(service_key)).filter(
            Q(taxonomyterm_id=term.pk) | Q(taxonomyterm__parent_id=term.pk)
        )
    )


def services_for(network, query: Query) -> QuerySet[Service]:
    services = listed_services(network)
    if query.search:
        services = search_services(services, query.search)
    if query.modified_after:
        services = services.filter(last_modified__gte=query.modified_after)
    if query.term:
        services = services.filter(_with_term(query.term))
    if query.organization:
        services = services.filter(organization=query.organization)
    return services.select_related("organization").order_by("pk")


def organisations_for(network, query: Query) -> QuerySet[Organisation]:
    organisations = listed_organisations(network)
    if query.search:
        organisations = organisations.filter(
            Q(name__icontains=query.search) | Q(description__icontains=query.search)
        )
    if query.term:
        offering = listed_services(network).filter(organization=OuterRef("pk"))
        organisations = organisations.filter(Exists(offering.filter(_with_term(query.term))))
    return organisations.order_by("pk")


def service_at_locations_for(network, query: Query) -> QuerySet[ServiceAtLocation]:
    links = ServiceAtLocation.objects.filter(
        network=network, service__in=services_for(network, Query(search=query.search))
    )
    if query.modified_after:
        links = links.filter(
            Q(service__last_modified__gte=query.modified_after)
            | Q(location__last_modified__gte=query.modified_after)
        )
    if query.term:
        links = links.filter(_with_term(query.term, "service_id"))
    if query.organization:
        links = links.filter(service__organization=query.organization)
    return (
        links.select_related("service", "location__organization")
        .prefetch_related("schedules")
        .order_by("pk")
    )


def taxonomies_for(network, query: Query) -> QuerySet[Taxonomy]:
    taxonomies = Taxonomy.objects.filter(network=network)
    if query.search:
        taxonomies = taxonomies.filter(name__icontains=query.search)
    return taxonomies.order_by("pk")


def terms_for(network, query: Query) -> QuerySet[TaxonomyTerm]:
    terms = TaxonomyTerm.objects.filter(network=network)
    if query.search:
        terms = terms.filter(Q(name__icontains=query.search) | Q(code__icontains=query.search))
    return terms.select_related("taxonomy", "parent").order_by("pk")


def _links_with_places() -> Prefetch:
    links = ServiceAtLocation.objects.select_related("location__organization")
    return Prefetch(
        "service_at_locations", queryset=links.prefetch_related("schedules").order_by("pk")
    )


def service_detail_queryset(network) -> QuerySet[Service]:
    """A service with everything its fully nested HSDS object shows, in a fixed few queries."""
    return (
        listed_services(network)
        .select_related("organization")
        .prefetch_related(
            _links_with_places(),
            Prefetch("languages", queryset=Language.objects.order_by("code")),
            Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy", "parent")),
        )
    )


def services_of(network, organisation: Organisation) -> list[Service]:
    """An organisation's listed services with their places (what `/organizations/{id}` shows)."""
    links = ServiceAtLocation.objects.select_related("location__organization").order_by("pk")
    return list(
        listed_services(network)
        .filter(organization=organisation)
        .select_related("organization")
        .prefetch_related(Prefetch("service_at_locations", queryset=links))
        .order_by("pk")
    )


# Pages ------------------------------------------------------------------------------------


def page_of(queryset: QuerySet, query: Query, shape) -> dict:
    """The HSDS page envelope; a page past the last one is an empty page, not an error."""
    total = queryset.count()
    pages = math.ceil(total / query.per_page)
    start = (query.page - 1) * query.per_page
    rows = list(queryset[start : start + query.per_page]) if start < total else []
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": query.page,
        "size": len(rows),
        "first_page": query.page == 1,
        "last_page": query.page >= pages,
        "empty": not rows,
        "contents": [shape(row) for row in rows],
    }


# HSDS objects -----------------------------------------------------------------------------


def _present(fields: dict) -> dict:
    """HSDS leaves a field out rather than sending it empty (an empty URL is no URL)."""
    return {key: value for key, value in fields.items() if value not in ("", None, [])}


def _derived(row_uuid: uuid.UUID, part: str) -> str:
    """A stable id for a link that has no row of its own (HSDS wants one for every object)."""
    return str(uuid.uuid5(row_uuid, part))


def language_name(code: str, language: str) -> str:
    try:
        return Locale.parse(code).get_display_name(language) or code
    except (ValueError, UnknownLocaleError):
        return code


def organization_json(organisation: Organisation) -> dict:
    # `description` is required by HSDS, so it is sent even when empty.
    return {
        **_present(
            {
                "id": str(organisation.uuid),
                "name": organisation.name,
                "website": organisation.website,
            }
        ),
        "description": organisation.description,
    }


def service_json(service: Service) -> dict:
    """A service's one-to-one fields (what lists show) with its organisation."""
    return _present(
        {
            "id": str(service.uuid),
            "organization_id": str(service.organization.uuid),
            "name": service.name,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "fees_description": service.fees_description,
            "eligibility_description": service.eligibility_description,
            "application_process": service.application_process,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.assured_date.isoformat(),
            "organization": organization_json(service.organization),
        }
    )


def taxonomy_json(taxonomy: Taxonomy) -> dict:
    return {
        **_present(
            {
                "id": str(taxonomy.uuid),
                "name": taxonomy.name,
                "uri": taxonomy.uri,
                "version": taxonomy.version,
            }
        ),
        "description": taxonomy.description,
    }


def term_json(term: TaxonomyTerm, language: str) -> dict:
    """A term under its name in `language` (starter terms are translated by their code)."""
    return {
        **_present(
            {
                "id": str(term.uuid),
                "code": term.code,
                "name": term_label(term),
                "parent_id": str(term.parent.uuid) if term.parent_id else None,
                "taxonomy": term.taxonomy.name,
                "taxonomy_id": str(term.taxonomy.uuid),
                "language": language,
            }
        ),
        "description": term.description,
    }


def attribute_json(service: Service, term: TaxonomyTerm, language: str) -> dict:
    return {
        "id": _derived(service.uuid, f"attribute:{term.uuid}"),
        "link_id": str(service.uuid),
        "link_entity": "service",
        "link_type": "service_category",
        "taxonomy_term_id": str(term.uuid),
        "taxonomy_term": term_json(term, language),
    }


def location_json(location: Location) -> dict:
    """HSDS `location` with the `address` and `accessibility` our one row folds in."""
    addresses = []
    if location.address_1 or location.postal_code or location.city:
        addresses.append(
            {
                **_present({"location_id": str(location.uuid), "region": location.district}),
                "id": _derived(location.uuid, "address"),
                "address_1": location.address_1,
                "city": location.city,
                "state_province": "",
                "postal_code": location.postal_code,
                "country": COUNTRY,
                "address_type": "physical",
            }
        )
    accessibility = []
    if location.wheelchair_accessible or location.accessibility_description:
        details = gettext("Step-free access") if location.wheelchair_accessible else ""
        accessibility.append(
            _present(
                {
                    "id": _derived(location.uuid, "accessibility"),
                    "location_id": str(location.uuid),
                    "description": location.accessibility_description,
                    "details": details,
                }
            )
        )
    return _present(
        {
            "id": str(location.uuid),
            "location_type": "physical",
            "organization_id": str(location.organization.uuid),
            "name": location.name,
            "transportation": location.transportation,
            "addresses": addresses,
            "accessibility": accessibility,
        }
    )


def schedule_json(schedule: Schedule, link: ServiceAtLocation) -> dict:
    return _present(
        {
            "id": str(schedule.uuid),
            "service_id": str(link.service.uuid),
            "location_id": str(link.location.uuid),
            "service_at_location_id": str(link.uuid),
            "freq": "WEEKLY",
            "byday": schedule.byday,
            "opens_at": schedule.opens_at.strftime("%H:%M"),
            "closes_at": schedule.closes_at.strftime("%H:%M"),
            "valid_from": schedule.valid_from.isoformat() if schedule.valid_from else None,
            "valid_to": schedule.valid_to.isoformat() if schedule.valid_to else None,
            "description": schedule.description,
        }
    )


def service_at_location_json(link: ServiceAtLocation) -> dict:
    return _present(
        {
            "id": str(link.uuid),
            "service_id": str(link.service.uuid),
            "location_id": str(link.location.uuid),
            "description": link.description,
            "location": location_json(link.location),
            "schedules": [schedule_json(row, link) for row in link.schedules.all()],
        }
    )


def service_full_json(service: Service, language: str) -> dict:
    """The fully nested service of `/services/{id}`."""
    links = list(service.service_at_locations.all())
    for link in links:
        link.service = service  # known already: no query per place
    return {
        **service_json(service),
        **_present(
            {
                "service_at_locations": [service_at_location_json(link) for link in links],
                "schedules": [
                    schedule_json(row, link) for link in links for row in link.schedules.all()
                ],
                "languages": [
                    {
                        "id": str(row.uuid),
                        "service_id": str(service.uuid),
                        "code": row.code,
                        "name": language_name(row.code, language),
                    }
                    for row in service.languages.all()
                ],
                "attributes": [
                    attribute_json(service, term, language)
                    for term in sorted(service.terms.all(), key=lambda term: term.pk)
                ],
            }
        ),
    }


def organization_full_json(organisation: Organisation, services: list[Service]) -> dict:
    """`/organizations/{id}`: the organisation with its listed services and their places."""
    places = {}
    for service in services:
        for link in service.service_at_locations.all():
            places[link.location.pk] = link.location
    locations = [location_json(row) for row in sorted(places.values(), key=lambda row: row.pk)]
    return _present(
        {
            **organization_json(organisation),
            "services": [_service_of_organisation(service) for service in services],
            "locations": locations,
        }
    ) | {"description": organisation.description}


def _service_of_organisation(service: Service) -> dict:
    shape = service_json(service)
    shape.pop("organization", None)  # the organisation is the object around it
    return shape
