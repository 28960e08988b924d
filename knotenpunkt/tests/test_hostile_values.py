"""No address a browser can send answers 5xx: every route, every role, hostile values everywhere.

Generated from the URL conf like test_isolation: each route is requested (GET and POST) as an
anonymous visitor, a coordinator, a member contact and an account without a role, once with
every query parameter the project reads (and, in a POST, every field of every form) set to a
hostile value, and once with each path value replaced by one. The names are found in the code
(what views read from `request.GET` and `request.POST`, the fields of forms bound to
`request.GET`, the fields of all forms), so a new parameter or field is covered.
"""

import functools
import importlib
import pathlib
import re
from urllib.parse import quote

import pytest
from django import forms
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.models import WorkerHeartbeat
from knotenpunkt.tests.test_isolation import OBJECT_MAKERS

PACKAGE = pathlib.Path(__file__).resolve().parents[1]

# Raw query-string spellings: "%ff%fe" is invalid UTF-8, "%00" a NUL character.
HOSTILE = [
    quote("²"),
    "1" * 30,
    "9999-12",
    "0001-01",
    "-1",
    "x" * 2000,
    "%ff%fe%00",
    # Moments whose conversion to or from the network's time zone leaves the calendar.
    "0001-01-01T00:00",
    "9999-12-31T23:59",
]
# Path values: the same, as far as a path segment can carry them.
HOSTILE_PATH = [*HOSTILE[:7], "0", "0000-00", "9223372036854775808"]

# Ids in paths are checked by their converter before any view runs (`<id:...>`, core.params),
# and views look up slugs and tokens alike for every role: two roles suffice for path values,
# one that is sent to the login and one that reaches every view.
PATH_ROLES = {"anonymous", "coordinator"}

# Parameters whose only reader compares them with a fixed word: they steer to the code that
# parses the others (`view=month` reaches the month grid), so they keep that word.
STEERING = {"view": "month"}

# Besides URL keywords of objects (OBJECT_MAKERS): values of routes outside a network.
PATH_MAKERS = {
    "network_slug": lambda network: network.slug,
    "token": lambda network: "no-such-token",
    "uidb64": lambda network: "MQ",
    "period": lambda network: "2030-01",
}

# Django's own admin is for the operator's staff; it is not a page of the project.
SKIPPED_NAMESPACES = {"admin"}

_READ = re.compile(r"""request\.(?:GET|POST)(?:\.get\(|\[)\s*["']([\w-]+)["']""")
_HELPER = re.compile(r"""query_\w+\(\s*request,\s*["']([\w-]+)["']""")
_BOUND_FORM = re.compile(r"""(\w+)\(\s*request\.GET""")


@functools.cache
def parameter_names() -> list[str]:
    """Every name the views read from the query or the posted form."""
    names = set()
    for source in PACKAGE.rglob("*.py"):
        if "tests" in source.parts or "migrations" in source.parts:
            continue
        text = source.read_text()
        names.update(_READ.findall(text))
        names.update(_HELPER.findall(text))
        if _BOUND_FORM.search(text):
            module = importlib.import_module(
                ".".join(source.relative_to(PACKAGE.parent).with_suffix("").parts)
            )
            for form_name in _BOUND_FORM.findall(text):
                form = getattr(module, form_name, None)
                if isinstance(form, type) and issubclass(form, forms.BaseForm):
                    names.update(form.base_fields)
    return sorted(names)


def _routes():
    """(name, route text) of every URL pattern the browser can reach."""
    found = []

    def walk(patterns, prefix, namespace):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                inner = entry.namespace or namespace
                if inner not in SKIPPED_NAMESPACES:
                    walk(entry.url_patterns, route, inner)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                found.append(pytest.param(name, route, id=name or route))

    walk(get_resolver().url_patterns, "", None)
    return found


_KEYWORD = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def _path(route: str, values: dict) -> str:
    """The route with its keywords filled in (route texts and regular expressions alike)."""
    filled = _KEYWORD.sub(lambda match: str(values[match[1] or match[2]]), route)
    return "/" + filled.replace("^", "").replace("$", "")


def _keywords(route: str) -> list[str]:
    return [first or second for first, second in _KEYWORD.findall(route)]


def project_forms() -> list[type[forms.BaseForm]]:
    """Every form class of the project (not those that tests define)."""
    assert get_resolver().url_patterns  # loading the URL conf imports every view and form
    found, todo = [], [forms.BaseForm]
    while todo:
        form = todo.pop()
        todo.extend(form.__subclasses__())
        if form.__module__.startswith("knotenpunkt.") and ".tests." not in form.__module__:
            found.append(form)
    return found


@functools.cache
def form_field_names() -> list[str]:
    """Every field a form of the project declares: what a POST can carry."""
    return sorted({name for form in project_forms() for name in form.base_fields})


@functools.cache
def _encoded(value: str, *, with_fields: bool) -> str:
    names = set(parameter_names()) | (set(form_field_names()) if with_fields else set())
    return "&".join(f"{name}={STEERING.get(name, value)}" for name in sorted(names))


def _no_5xx(client, path: str, value: str | None) -> list[str]:
    """GET with the value in every parameter, POST with it in every parameter and form field
    as well: the answers that were 5xx. `value` None: the path alone."""
    query = _encoded(value, with_fields=False) if value is not None else ""
    form = _encoded(value, with_fields=True) if value is not None else ""
    answers = {
        "GET": client.get(f"{path}?{query}"),
        "POST": client.post(
            f"{path}?{query}", data=form, content_type="application/x-www-form-urlencoded"
        ),
    }
    return [
        f"{method} {path} with {str(value)[:20]!r} → {response.status_code}"
        for method, response in answers.items()
        if response.status_code >= 500
    ]


@pytest.fixture
def accounts(network):
    """The roles a request comes as: None is an anonymous visitor."""
    coordinator = UserFactory()
    grant_role(coordinator, network, "coordinator")
    member = UserFactory()
    grant_role(member, network, "member_contact")
    return {"anonymous": None, "coordinator": coordinator, "member": member, "none": UserFactory()}


@pytest.fixture
def hostile_client(client, settings):
    """DEBUG off as in production; a 500 comes back as an answer instead of an exception."""
    settings.DEBUG = False
    # A fresh worker heartbeat: /healthz answers 503 on purpose when the worker is stale.
    WorkerHeartbeat.objects.create(seen_at=timezone.now())
    client.raise_request_exception = False
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route"), _routes())
def test_no_route_answers_5xx_to_hostile_values(hostile_client, network, accounts, name, route):
    makers = {**OBJECT_MAKERS, **PATH_MAKERS, "lang": lambda n: "de", "network": lambda n: n.slug}
    keywords = _keywords(route)
    missing = [keyword for keyword in keywords if keyword not in makers]
    assert not missing, f"add a maker for URL keyword(s) {missing}"
    values = {keyword: makers[keyword](network) for keyword in keywords}
    objects = [keyword for keyword in keywords if keyword not in {"lang", "network"}]

    failures = []
    for role, user in accounts.items():
        hostile_client.logout()
        if user is not None:
            hostile_client.force_login(user)
        for value in HOSTILE:
            found = _no_5xx(hostile_client, _path(route, values), value)
            failures += [f"{role}: {failure}" for failure in found]
        if role not in PATH_ROLES:
            continue
        for keyword in objects:
            for value in HOSTILE_PATH:
                path = _path(route, {**values, keyword: value})
                failures += [f"{role}: {f}" for f in _no_5xx(hostile_client, path, None)]
    assert not failures, "\n".join(failures)


def test_the_parameters_include_those_of_the_filter_forms():
    names = parameter_names()
    # month (read directly), organiser (a form bound to the query), from (knowledge diff)
    assert {"month", "organiser", "from", "year", "group", "page", "q"} <= set(names)


def test_the_walk_sees_routes_outside_networks():
    names = {param.values[0] for param in _routes()}
    assert {"eventcalendar_feeds:ics", "meetings_personal_feed", "healthz"} <= names
    assert not any(name and name.startswith("admin:") for name in names)


def _keyword_converters():
    """(route, keyword, converter) of every path value a route reads."""
    found = []

    def walk(patterns, prefix):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            converters = getattr(entry.pattern, "converters", {})
            found.extend((route, keyword, converter) for keyword, converter in converters.items())
            if isinstance(entry, URLResolver) and entry.namespace not in SKIPPED_NAMESPACES:
                walk(entry.url_patterns, route)

    walk(get_resolver().url_patterns, "")
    return found


# Django's password reset decodes `uidb64` to a number and only compares `token`.
NUL_HARMLESS = {"uidb64", "token"}


def test_no_path_value_can_carry_a_nul_into_a_query():
    """PostgreSQL refuses NUL in a string parameter (a 500); SQLite, where the walk above
    runs, takes it and cannot tell. So every converter of a queried value refuses NUL."""
    carrying = [
        f"{route} <{keyword}>"
        for route, keyword, converter in _keyword_converters()
        if re.fullmatch(converter.regex, "a\x00b")
        and not (keyword in NUL_HARMLESS and "password-reset/" in route)
    ]
    assert not carrying, carrying
