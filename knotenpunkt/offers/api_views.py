"""`/api/hsds/<network>/`: the directory for other programs, read-only, in HSDS 3.0 shapes.

Plain views answering JSON: the network comes from the path (an unknown or deactivated one
is a JSON 404), its scope is entered here as the feeds do, and every answer is UTF-8 JSON
that others may cache for a few minutes. What is listed and how each object looks is
`api.py`; the OpenAPI document beside it is `api_openapi.py`. See docs/decisions/0033.
"""

from functools import wraps

from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext, override
from django_scopes import scope

from knotenpunkt.core.models import Network
from knotenpunkt.core.policy import public
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse

from . import api
from .api_openapi import openapi_document

CACHE_SECONDS = 300
SERVICE_FILTERS = frozenset({"modified_after", "taxonomy_term_id", "organization_id"})


def _json(data: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/json; charset=utf-8"
    # Public data without cookies: any site may read it, caches may keep good answers briefly.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}" if status == 200 else "no-cache"
    return response


def _error(status: int, message: str, parameter: str | None = None) -> JsonResponse:
    body = {"status": status, "error": message}
    if parameter:
        body["parameter"] = parameter
    return _json(body, status=status)


def _not_found() -> JsonResponse:
    return _error(404, gettext("Not found."))


def hsds(view):
    """GET only; the network's scope and language; parameter errors as JSON 400."""

    @wraps(view)
    def wrapped(request, network_slug, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = _error(405, gettext("This API is read-only."))
            response["Allow"] = "GET, HEAD"
            return response
        network = Network.objects.filter(slug=network_slug, is_active=True).first()
        if network is None:
            return _not_found()
        with scope(network=network), override(network.default_language):
            try:
                return view(request, network, **kwargs)
            except api.ApiError as error:
                return _error(400, error.message, error.parameter)

    return public(wrapped)


def _root_url(network) -> str:
    return absolute_url(reverse("offers_api:root", kwargs={"network_slug": network.slug}))


@hsds
def root(request, network):
    return _json(
        {
            "version": api.HSDS_VERSION,
            "openapi_url": absolute_url(
                reverse("offers_api:openapi", kwargs={"network_slug": network.slug})
            ),
            "description": gettext("Offers of the network %(network)s") % {"network": network.name},
            "publisher": {
                "name": network.coordinating_body or network.name,
                "website": absolute_url(
                    network_reverse(network, "core:home", lang=network.default_language)
                ),
            },
        }
    )


@hsds
def openapi(request, network):
    return _json(openapi_document(network, _root_url(network)))


def _list(request, network, queryset_for, shape, accepts=frozenset()):
    query = api.read_query(request, network, accepts=accepts)
    return _json(api.page_of(queryset_for(network, query), query, shape))


@hsds
def services(request, network):
    return _list(request, network, api.services_for, api.service_json, SERVICE_FILTERS)


@hsds
def service(request, network, service_uuid):
    key = api.parse_uuid(service_uuid, "id")
    found = api.service_detail_queryset(network).filter(uuid=key).first()
    if found is None:
        return _not_found()
    return _json(api.service_full_json(found, network.default_language))


@hsds
def organizations(request, network):
    return _list(
        request,
        network,
        api.organisations_for,
        api.organization_json,
        frozenset({"taxonomy_term_id"}),
    )


@hsds
def organization(request, network, organization_uuid):
    key = api.parse_uuid(organization_uuid, "id")
    found = api.listed_organisations(network).filter(uuid=key).first()
    if found is None:
        return _not_found()
    return _json(api.organization_full_json(found, api.services_of(network, found)))


@hsds
def service_at_locations(request, network):
    return _list(
        request,
        network,
        api.service_at_locations_for,
        api.service_at_location_json,
        SERVICE_FILTERS,
    )


@hsds
def taxonomies(request, network):
    return _list(request, network, api.taxonomies_for, api.taxonomy_json)


@hsds
def taxonomy_terms(request, network):
    language = network.default_language
    return _list(request, network, api.terms_for, lambda term: api.term_json(term, language))


@hsds
def not_found(request, network, api_path=""):
    """Any other address under the API: a JSON 404 as well, not the site's HTML page."""
    return _not_found()
