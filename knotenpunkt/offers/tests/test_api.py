"""The HSDS API: answers valid against the HSDS 3.0 schemas, the page envelope, every filter,
refusals as JSON, and nothing the public directory would not show."""

import datetime
import json
import pathlib
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from knotenpunkt.offers.models import Service, Taxonomy, TaxonomyTerm

from .factories_api import offer_make, organisation_make, term_of

pytestmark = pytest.mark.django_db

SCHEMAS = pathlib.Path(__file__).parent / "hsds_schema"
REGISTRY = Registry().with_resources(
    (path.name, Resource.from_contents(json.loads(path.read_text())))
    for path in SCHEMAS.glob("*.json")
)


def assert_valid(data, name: str) -> None:
    schema = REGISTRY.contents(f"{name}.json")
    validator = Draft202012Validator(
        schema, registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(data)]
    assert not errors, errors


def assert_page_of(data, name: str) -> None:
    assert_valid(data, "page")
    envelope = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page"}
    assert envelope | {"empty", "contents"} <= set(data)
    for item in data["contents"]:
        assert_valid(item, name)


def url(network, path: str = "") -> str:
    return f"/api/hsds/{network.slug}/{path}"


def get(client, network, path: str = "", **params):
    response = client.get(url(network, path), params)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response


def ids(data) -> set[str]:
    return {item["id"] for item in data["contents"]}


# Every endpoint, validated ---------------------------------------------------------------


def test_the_root_names_the_version_and_the_openapi_document(client, network):
    data = get(client, network).json()
    assert data["version"] == "3.0"
    assert data["openapi_url"].endswith(f"/api/hsds/{network.slug}/openapi.json")
    document = get(client, network, "openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {"/services", "/services/{id}", "/organizations", "/organizations/{id}"} <= set(
        document["paths"]
    )
    assert {"/service_at_locations", "/taxonomies", "/taxonomy_terms"} <= set(document["paths"])
    names = {
        p["$ref"].rsplit("/", 1)[-1] for p in document["paths"]["/services"]["get"]["parameters"]
    }
    assert {"page", "per_page", "search", "modified_after", "taxonomy_term_id"} <= names
    assert "organization_id" in names


def test_every_list_is_a_valid_page_of_hsds_objects(client, network):
    offer_make(network)
    for path, name in [
        ("services", "service"),
        ("organizations", "organization"),
        ("service_at_locations", "service_at_location"),
        ("taxonomies", "taxonomy"),
        ("taxonomy_terms", "taxonomy_term"),
    ]:
        response = get(client, network, path)
        assert response.status_code == 200, path
        data = response.json()
        assert data["total_items"] >= 1, path
        assert_page_of(data, name)


def test_a_service_is_fully_nested_and_valid(client, network):
    offer = offer_make(network, name="Türkçe-Kurs")
    response = get(client, network, f"services/{offer.uuid}")
    assert response.status_code == 200
    assert "Türkçe-Kurs".encode() in response.content  # UTF-8, not \u escapes
    data = response.json()
    assert_valid(data, "service")
    assert data["organization"]["id"] == str(offer.organization.uuid)
    [link] = data["service_at_locations"]
    assert link["location"]["addresses"][0]["region"] == "Altstadt"
    assert link["location"]["accessibility"][0]["description"] == "Rampe am Seiteneingang"
    assert (
        link["schedules"][0] | {"byday": "TU", "opens_at": "18:00", "closes_at": "19:30"}
        == (link["schedules"][0])
    )
    assert {row["code"] for row in data["languages"]} == {"de", "uk"}
    [attribute] = data["attributes"]
    assert attribute["taxonomy_term"]["code"] == "language-course-a1"
    # The same derived ids on every request.
    assert get(client, network, f"services/{offer.uuid}").json() == data


def test_no_person_is_ever_named(client, network):
    offer = offer_make(network)
    text = get(client, network, f"services/{offer.uuid}").content.decode()
    text += get(client, network, f"organizations/{offer.organization.uuid}").content.decode()
    assert '"contacts"' not in text and '"phones"' not in text


def test_an_organization_shows_its_listed_services_and_places(client, network):
    organisation = organisation_make(network, description="Beratung und Kurse")
    shown = offer_make(network, organisation=organisation)
    hidden = offer_make(network, organisation=organisation, assured_days_ago=400)
    data = get(client, network, f"organizations/{organisation.uuid}").json()
    assert_valid(data, "organization")
    assert [row["id"] for row in data["services"]] == [str(shown.uuid)]
    assert str(hidden.uuid) not in json.dumps(data)
    assert data["locations"][0]["organization_id"] == str(organisation.uuid)


def test_new_organisations_get_their_own_uuid(network):
    first, second = organisation_make(network), organisation_make(network)
    assert isinstance(first.uuid, uuid.UUID) and first.uuid != second.uuid


# What is listed -------------------------------------------------------------------------


def test_only_what_the_public_directory_lists_appears(client, network):
    fresh = offer_make(network, name="Frisch")
    outdated = offer_make(network, name="Vielleicht veraltet", assured_days_ago=200)
    stale = offer_make(network, name="Versteckt", assured_days_ago=400)
    ended = offer_make(network, name="Beendet", status=Service.Status.DEFUNCT)
    unlisted = offer_make(network, organisation=organisation_make(network, listed=False))

    listed = ids(get(client, network, "services").json())
    assert listed == {str(fresh.uuid), str(outdated.uuid)}
    for absent in (stale, ended, unlisted):
        assert get(client, network, f"services/{absent.uuid}").status_code == 404
    organisations = ids(get(client, network, "organizations").json())
    assert str(unlisted.organization.uuid) not in organisations
    assert get(client, network, f"organizations/{unlisted.organization.uuid}").status_code == 404
    links = get(client, network, "service_at_locations").json()["contents"]
    assert {link["service_id"] for link in links} == {str(fresh.uuid), str(outdated.uuid)}


def test_another_networks_objects_never_appear(client, network, other_network):
    own = offer_make(network)
    with scope(network=other_network):
        foreign = offer_make(other_network, name="Deutschkurs")
        foreign_term = term_of(other_network, "language-course")
    everything = "".join(
        get(client, network, path).content.decode()
        for path in ["services", "organizations", "service_at_locations", "taxonomy_terms"]
    )
    assert str(own.uuid) in everything
    assert str(foreign.uuid) not in everything
    assert str(foreign.organization.uuid) not in everything
    assert str(foreign_term.uuid) not in everything
    assert get(client, network, f"services/{foreign.uuid}").status_code == 404
    assert get(client, network, f"organizations/{foreign.organization.uuid}").status_code == 404
    response = get(client, network, "services", taxonomy_term_id=str(foreign_term.uuid))
    assert response.status_code == 400
    response = get(client, network, "services", organization_id=str(foreign.organization.uuid))
    assert response.status_code == 400


# Pages and filters -----------------------------------------------------------------------


def test_the_page_envelope(client, network):
    organisation = organisation_make(network)
    for number in range(5):
        offer_make(network, organisation=organisation, name=f"Kurs {number}", place=False)
    first = get(client, network, "services", per_page=2).json()
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 5,
        "total_pages": 3,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    last = get(client, network, "services", per_page=2, page=3).json()
    assert (last["size"], last["first_page"], last["last_page"]) == (1, False, True)
    beyond = get(client, network, "services", per_page=2, page=4).json()
    assert beyond["empty"] and beyond["contents"] == [] and beyond["last_page"]
    every = ids(first) | ids(get(client, network, "services", per_page=2, page=2).json())
    assert len(every | ids(last)) == 5


def test_search_matches_name_description_and_organisation_ignoring_case(client, network):
    by_name = offer_make(network, name="Nähcafé")
    by_description = offer_make(network, name="Treff", description="Wir NÄHEN zusammen")
    by_organisation = offer_make(
        network, name="Kurs", organisation=organisation_make(network, name="Frauen-Treff Süd")
    )
    offer_make(network, name="Fußball")
    assert ids(get(client, network, "services", search="nähcafé").json()) == {str(by_name.uuid)}
    assert ids(get(client, network, "services", search="zusammen").json()) == {
        str(by_description.uuid)
    }
    assert ids(get(client, network, "services", search="frauen-treff").json()) == {
        str(by_organisation.uuid)
    }
    organisations = ids(get(client, network, "organizations", search="FRAUEN").json())
    assert organisations == {str(by_organisation.organization.uuid)}


def test_modified_after(client, network, clock):
    clock.move_to("2030-03-01T10:00")
    older = offer_make(network, name="Alt")
    clock.move_to("2030-03-10T10:00")
    newer = offer_make(network, name="Neu")
    for value in ["2030-03-05", "2030-03-05T00:00:00", "2030-03-05T00:00:00+01:00"]:
        data = get(client, network, "services", modified_after=value).json()
        assert ids(data) == {str(newer.uuid)}, value
    links = get(client, network, "service_at_locations", modified_after="2030-03-05").json()
    assert {link["service_id"] for link in links["contents"]} == {str(newer.uuid)}
    assert str(older.uuid) in str(get(client, network, "services").json())


def test_taxonomy_term_filter_includes_the_sub_categories(client, network):
    course = offer_make(network, terms=("language-course-b1",))
    counselling = offer_make(network, name="Beratung", terms=("counselling",))
    parent = term_of(network, "language-course")
    data = get(client, network, "services", taxonomy_term_id=str(parent.uuid)).json()
    assert ids(data) == {str(course.uuid)}
    term = term_of(network, "counselling")
    data = get(client, network, "services", taxonomy_term_id=str(term.uuid)).json()
    assert ids(data) == {str(counselling.uuid)}
    data = get(client, network, "organizations", taxonomy_term_id=str(term.uuid)).json()
    assert ids(data) == {str(counselling.organization.uuid)}
    links = get(client, network, "service_at_locations", taxonomy_term_id=str(term.uuid)).json()
    assert {link["service_id"] for link in links["contents"]} == {str(counselling.uuid)}


def test_organization_filter(client, network):
    mine = offer_make(network)
    offer_make(network)
    organisation = str(mine.organization.uuid)
    data = get(client, network, "services", organization_id=organisation).json()
    assert ids(data) == {str(mine.uuid)}
    links = get(client, network, "service_at_locations", organization_id=organisation).json()
    assert {link["service_id"] for link in links["contents"]} == {str(mine.uuid)}


def test_terms_and_taxonomies_are_the_networks(client, network):
    data = get(client, network, "taxonomy_terms", per_page=100).json()
    assert data["total_items"] == TaxonomyTerm.objects.filter(network=network).count()
    levels = [row for row in data["contents"] if row["code"] == "language-course-b1"]
    assert levels[0]["parent_id"] == str(term_of(network, "language-course").uuid)
    taxonomies = get(client, network, "taxonomies").json()
    assert ids(taxonomies) == {str(row.uuid) for row in Taxonomy.objects.filter(network=network)}


# Refusals --------------------------------------------------------------------------------

BAD = [
    ("services", {"page": "0"}, "page"),
    ("services", {"page": "x"}, "page"),
    ("services", {"per_page": "1000000"}, "per_page"),
    ("services", {"per_page": "0"}, "per_page"),
    ("services", {"modified_after": "gestern"}, "modified_after"),
    ("services", {"modified_after": "0001-01-01"}, "modified_after"),
    ("services", {"taxonomy_term_id": "kein-uuid"}, "taxonomy_term_id"),
    ("services", {"taxonomy_term_id": str(uuid.uuid4())}, "taxonomy_term_id"),
    ("services", {"organization_id": str(uuid.uuid4())}, "organization_id"),
    ("organizations", {"taxonomy_term_id": "1"}, "taxonomy_term_id"),
    ("service_at_locations", {"modified_after": "2030-13-01"}, "modified_after"),
    ("taxonomy_terms", {"per_page": "101"}, "per_page"),
    ("services/kein-uuid", {}, "id"),
    ("organizations/12", {}, "id"),
]


@pytest.mark.parametrize(("path", "params", "parameter"), BAD)
def test_bad_parameters_are_a_json_400_naming_them(client, network, path, params, parameter):
    response = get(client, network, path, **params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert response.json()["error"]


def test_unknown_objects_networks_and_addresses_are_json_404s(client, network, other_network):
    assert get(client, network, f"services/{uuid.uuid4()}").status_code == 404
    assert get(client, network, f"organizations/{uuid.uuid4()}").status_code == 404
    assert get(client, network, "locations").status_code == 404
    response = client.get("/api/hsds/no-such-network/services")
    assert response.status_code == 404 and response.json()["status"] == 404
    other_network.is_active = False
    other_network.save()
    assert client.get(url(other_network, "services")).status_code == 404


def test_the_api_is_read_only_and_cacheable(client, network):
    response = client.post(url(network, "services"))
    assert response.status_code == 405 and response.json()["status"] == 405
    response = get(client, network, "services")
    assert "max-age" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age" not in get(client, network, "services", page="0")["Cache-Control"]


# Query counts ----------------------------------------------------------------------------


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"],
)
def test_list_query_counts_do_not_grow_with_the_rows(client, network, path):
    offer_make(network)
    few = _queries(client, url(network, path))
    for _number in range(6):
        offer_make(network)
    assert _queries(client, url(network, path)) == few


def test_detail_query_counts_do_not_grow_with_the_rows(client, network):
    organisation = organisation_make(network)
    offer = offer_make(network, organisation=organisation)
    service_few = _queries(client, url(network, f"services/{offer.uuid}"))
    organisation_few = _queries(client, url(network, f"organizations/{organisation.uuid}"))
    for _number in range(4):
        offer_make(network, organisation=organisation)
    assert _queries(client, url(network, f"services/{offer.uuid}")) == service_few
    assert _queries(client, url(network, f"organizations/{organisation.uuid}")) == organisation_few


def test_modified_after_is_read_in_the_networks_zone(network):
    from knotenpunkt.offers import api

    class Request:
        GET = {"modified_after": "2030-03-05T00:00"}

    moment = api.read_query(Request, network, accepts=frozenset({"modified_after"}))
    assert moment.modified_after == datetime.datetime(2030, 3, 5, tzinfo=network.tz)
