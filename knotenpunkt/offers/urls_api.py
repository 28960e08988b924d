"""The HSDS API, outside /<lang>/<net>/: /api/hsds/<network>/… (docs/decisions/0033)."""

from django.urls import path, re_path, register_converter

from . import api_views


class HsdsIdConverter:
    """An id in an API path: anything up to a slash, checked by the view (a bad one is a 400,
    as HSDS clients expect, not the site's 404). A NUL is no match, so none reaches a query."""

    regex = "[^/\x00]{1,100}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(HsdsIdConverter, "hsds_id")

app_name = "offers_api"

urlpatterns = [
    path("", api_views.root, name="root"),
    path("openapi.json", api_views.openapi, name="openapi"),
    path("services", api_views.services, name="services"),
    path("services/<hsds_id:service_uuid>", api_views.service, name="service"),
    path("organizations", api_views.organizations, name="organizations"),
    path("organizations/<hsds_id:organization_uuid>", api_views.organization, name="organization"),
    path("service_at_locations", api_views.service_at_locations, name="service_at_locations"),
    path("taxonomies", api_views.taxonomies, name="taxonomies"),
    path("taxonomy_terms", api_views.taxonomy_terms, name="taxonomy_terms"),
    re_path(r"^(?P<api_path>[^\x00]*)$", api_views.not_found, name="not_found"),
]
