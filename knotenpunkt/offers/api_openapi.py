"""The OpenAPI 3 document served beside the HSDS API (`openapi.json`).

It follows the document Open Referral publishes for HSDS 3.0: the same paths, parameters and
page envelope, with the object schemas referenced from the HSDS 3.0 specification rather than
copied, so a reader validates against the standard itself.
"""

from .api import HSDS_VERSION, PER_PAGE_DEFAULT, PER_PAGE_MAX

HSDS_SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

_PARAMETERS = {
    "search": {"type": "string", "maxLength": 200, "description": "Text to search for."},
    "page": {"type": "integer", "minimum": 1, "default": 1, "description": "Page number."},
    "per_page": {
        "type": "integer",
        "minimum": 1,
        "maximum": PER_PAGE_MAX,
        "default": PER_PAGE_DEFAULT,
        "description": "Results per page.",
    },
    "modified_after": {
        "type": "string",
        "description": "Only results changed on or after this ISO 8601 date or date and time "
        "(without an offset: the network's time zone).",
    },
    "taxonomy_term_id": {
        "type": "string",
        "format": "uuid",
        "description": "Only results with this taxonomy term or one of its children.",
    },
    "organization_id": {
        "type": "string",
        "format": "uuid",
        "description": "Only services of this organization.",
    },
}

_PAGE = {
    "type": "object",
    "required": [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ],
    "properties": {
        "total_items": {"type": "integer"},
        "total_pages": {"type": "integer"},
        "page_number": {"type": "integer"},
        "size": {"type": "integer"},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array"},
    },
}

_ERROR = {
    "type": "object",
    "required": ["status", "error"],
    "properties": {
        "status": {"type": "integer"},
        "error": {"type": "string"},
        "parameter": {"type": "string", "description": "The parameter that was refused."},
    },
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/{name}"}


def _json_content(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def _errors(*statuses: int) -> dict:
    text = {400: "A parameter is out of range.", 404: "No such object."}
    return {
        str(status): {
            "description": text[status],
            "content": _json_content(_ref("schemas/Error")),
        }
        for status in statuses
    }


def _list(summary: str, item_schema: str, parameters: list[str]) -> dict:
    page = {
        "allOf": [_ref("schemas/Page")],
        "properties": {"contents": {"type": "array", "items": {"$ref": item_schema}}},
    }
    return {
        "get": {
            "summary": summary,
            "parameters": [_ref(f"parameters/{name}") for name in parameters],
            "responses": {
                "200": {"description": summary, "content": _json_content(page)},
                **_errors(400),
            },
        }
    }


def _detail(summary: str, schema: str) -> dict:
    return {
        "parameters": [
            {"in": "path", "name": "id", "required": True, "schema": {"type": "string"}}
        ],
        "get": {
            "summary": summary,
            "responses": {
                "200": {"description": summary, "content": _json_content({"$ref": schema})},
                **_errors(400, 404),
            },
        },
    }


def openapi_document(network, root_url: str) -> dict:
    """The document for one network's API (`root_url` ends with a slash)."""
    paging = ["search", "page", "per_page"]
    filters = [*paging, "modified_after", "taxonomy_term_id", "organization_id"]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"HSDS API – {network.name}",
            "version": HSDS_VERSION,
            "description": "Offers of the network's member organisations, read-only, as Open "
            "Referral HSDS 3.0 objects. Only publicly listed offers appear.",
        },
        "servers": [{"url": root_url.rstrip("/")}],
        "paths": {
            "/": {
                "get": {
                    "summary": "Information about this API and its HSDS version.",
                    "responses": {"200": {"description": "Version and publisher."}},
                }
            },
            "/services": _list("Services", HSDS_SCHEMAS + "compiled/service_list.json", filters),
            "/services/{id}": _detail(
                "A fully nested service", HSDS_SCHEMAS + "compiled/service.json"
            ),
            "/organizations": _list(
                "Organizations",
                HSDS_SCHEMAS + "compiled/organization_list.json",
                [*paging, "taxonomy_term_id"],
            ),
            "/organizations/{id}": _detail(
                "An organization with its services", HSDS_SCHEMAS + "compiled/organization.json"
            ),
            "/service_at_locations": _list(
                "Services at locations",
                HSDS_SCHEMAS + "compiled/service_at_location_list.json",
                filters,
            ),
            "/taxonomies": _list("Taxonomies", HSDS_SCHEMAS + "taxonomy.json", paging),
            "/taxonomy_terms": _list("Taxonomy terms", HSDS_SCHEMAS + "taxonomy_term.json", paging),
        },
        "components": {
            "schemas": {"Page": _PAGE, "Error": _ERROR},
            "parameters": {
                name: {"name": name, "in": "query", "required": False, "schema": schema}
                for name, schema in _PARAMETERS.items()
            },
        },
    }
