"""Networks are isolated: every network URL that names an object 404s for another network's object.

The test is generated from the URL conf, so a new view is covered without anyone remembering:
a URL keyword it does not know makes it fail until a maker is added to OBJECT_MAKERS.
"""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django_scopes import scope

from knotenpunkt.accounts.models import Invitation
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.eventcalendar.models import Edition, EventSource
from knotenpunkt.eventcalendar.tests.factories import EventFactory
from knotenpunkt.knowledge.tests import factories as knowledge
from knotenpunkt.meetings.tests import factories as meetings
from knotenpunkt.members.models import ImportJob
from knotenpunkt.members.tests.factories import (
    AgreementVersionFactory,
    ContactPositionFactory,
    OrganisationFactory,
    PersonFactory,
)
from knotenpunkt.publishing.models import StaticPage, StaticPageTranslation
from knotenpunkt.workinggroups.tests.factories import (
    GoalFactory,
    GroupMembershipFactory,
    WorkingGroupFactory,
)

NETWORK_MARKER = "(?P<network>"  # the resolver that mounts /<lang>/<network>/


def _static_page(network):
    page = StaticPage.objects.create(network=network, slug=f"only-{network.slug}")
    StaticPageTranslation.objects.create(
        network=network, page=page, language="de", title="Nur hier", body="Text"
    )
    return page.slug


def _invitation(network):
    return Invitation.objects.create(
        network=network,
        email=f"invited@{network.slug}.example",
        role="member_contact",
        expires_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
    ).pk


# URL keyword → how to make an object of that kind in a given network (returns the value).
OBJECT_MAKERS = {
    "organisation_id": lambda n: (
        OrganisationFactory(network=n, joined_on=datetime.date(2020, 1, 1)).pk
    ),
    "person_id": lambda n: PersonFactory(network=n).pk,
    "position_id": lambda n: ContactPositionFactory(organisation=OrganisationFactory(network=n)).pk,
    "agreement_id": lambda n: AgreementVersionFactory(network=n).pk,
    "network_role_id": lambda n: grant_role(UserFactory(), n, "member_contact").pk,
    "invitation_id": _invitation,
    "slug": _static_page,
    "page_path": knowledge.isolation_page_path,
    "page_id": knowledge.isolation_page_id,
    "revision_id": knowledge.isolation_revision_id,
    "document_id": knowledge.isolation_document_id,
    "group_slug": lambda n: WorkingGroupFactory(network=n).slug,
    "membership_id": lambda n: GroupMembershipFactory(group=WorkingGroupFactory(network=n)).pk,
    "goal_id": lambda n: GoalFactory(group=WorkingGroupFactory(network=n)).pk,
    "meeting_id": meetings.isolation_meeting_id,
    "session_id": meetings.isolation_session_id,
    "agenda_item_id": meetings.isolation_agenda_item_id,
    "registration_id": meetings.isolation_registration_id,
    "version_id": meetings.isolation_version_id,
    "action_item_id": meetings.isolation_action_item_id,
    "event_id": lambda n: EventFactory(network=n).pk,
    "language": lambda n: "tr",  # not an object: the event_id next to it is
    "edition_id": lambda n: (
        Edition.objects.create(
            network=n, starts_on=datetime.date(2030, 1, 1), ends_on=datetime.date(2030, 2, 28)
        ).pk
    ),
    "source_id": lambda n: (
        EventSource.objects.create(
            network=n, organisation=OrganisationFactory(network=n), name="Kalender"
        ).pk
    ),
    "job_id": lambda n: (
        ImportJob.objects.create(
            network=n, kind="organisations", upload_token=f"isolation-{n.slug}", language="de"
        ).pk
    ),
}


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
