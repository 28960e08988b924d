"""Networks are isolated: every network URL that names an object 404s for another network's object.

The test is generated from the URL conf, so a new view is covered without anyone remembering:
a URL keyword it does not know makes it fail until a maker is added to OBJECT_MAKERS.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django_scopes import scope

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

from .objects import NETWORK_MARKER, OBJECT_MAKERS


def _network_patterns():
    """(route, name) of every URL under /<lang>/<network>/ that takes object keywords."""
    found = []

    def walk(patterns, prefix, namespace):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                inner_ns = entry.namespace or namespace
                walk(entry.url_patterns, route, inner_ns)
            elif isinstance(entry, URLPattern) and NETWORK_MARKER in route:
                keywords = set(entry.pattern.converters) - {"lang", "network"}
                if keywords:
                    name = f"{namespace}:{entry.name}" if namespace else entry.name
                    found.append(pytest.param(name, sorted(keywords), id=name))

    walk(get_resolver().url_patterns, "", None)
    return found


def _url(name, network, values):
    from django.urls import reverse

    return reverse(name, kwargs={"lang": "de", "network": network.slug, **values})


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "keywords"), _network_patterns())
def test_objects_of_another_network_are_404(client, network, other_network, name, keywords):
    missing = [keyword for keyword in keywords if keyword not in OBJECT_MAKERS]
    assert not missing, f"add a maker for URL keyword(s) {missing} to OBJECT_MAKERS"
    user = UserFactory()
    grant_role(user, network, "coordinator")
    client.force_login(user)

    own = {keyword: OBJECT_MAKERS[keyword](network) for keyword in keywords}
    with scope(network=other_network):
        foreign = {keyword: OBJECT_MAKERS[keyword](other_network) for keyword in keywords}

    own_url = _url(name, network, own)
    own_statuses = {client.get(own_url).status_code, client.post(own_url).status_code}
    # The control: with the network's own object the page exists for its coordinator.
    assert own_statuses - {404, 405}, f"{own_url} answers {own_statuses} for its own object"

    foreign_url = _url(name, network, foreign)
    statuses = {client.get(foreign_url).status_code, client.post(foreign_url).status_code}
    assert statuses <= {404, 405} and 404 in statuses, f"{foreign_url} answered {statuses}"


def test_the_generated_test_sees_the_object_pages():
    names = {param.values[0] for param in _network_patterns()}
    assert {"members:organisation_detail", "members:person_detail", "publishing:page"} <= names
