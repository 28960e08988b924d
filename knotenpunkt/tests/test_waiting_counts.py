"""The workspace counts what waits (core/queues.py), links each count to its queue, shows it
only to those who may act on it, and asks one query per count."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core import queues
from knotenpunkt.eventcalendar.tests.factories import EventFactory
from knotenpunkt.meetings.tests.factories import ActionItemFactory, MeetingFactory
from knotenpunkt.members.models import ImportJob
from knotenpunkt.members.tests.factories import (
    AgreementSignatureFactory,
    AgreementVersionFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(network, clock):
    """Two proposals, one overdue action, one failed and one queued import, one unsigned
    member (and one of each that does not wait)."""
    clock.move_to("2030-06-15T10:00")
    organisation = OrganisationFactory(network=network, joined_on=datetime.date(2020, 1, 1))
    EventFactory.create_batch(2, network=network, organiser=organisation, status="submitted")
    EventFactory(network=network, organiser=organisation, status="published")
    meeting = MeetingFactory(network=network)
    ActionItemFactory(meeting=meeting, due_on=datetime.date(2030, 6, 14))
    ActionItemFactory(meeting=meeting, due_on=datetime.date(2030, 6, 15))
    ActionItemFactory(meeting=meeting, due_on=datetime.date(2030, 6, 1), status="done")
    for token, status in [("a" * 32, "failed"), ("b" * 32, "queued"), ("c" * 32, "done")]:
        ImportJob.objects.create(
            network=network,
            kind="people",
            upload_token=token,
            language="en",
            status=status,
            finished_at=clock.now() if status != "queued" else None,
        )
    version = AgreementVersionFactory(network=network, valid_from=datetime.date(2024, 1, 1))
    signed = OrganisationFactory(network=network, joined_on=datetime.date(2020, 1, 1))
    AgreementSignatureFactory(organisation=signed, version=version)
    return network


def _counts(page: str) -> dict:
    return {
        key: page.split(f'data-queue="{key}"', 1)[1].split("</li>", 1)[0]
        for key in ("events.waiting", "imports.attention", "actions.overdue", "agreements.unsigned")
        if f'data-queue="{key}"' in page
    }


def test_the_coordinator_sees_every_count_with_a_link_to_its_queue(waiting, coordinator_client):
    page = coordinator_client.get("/en/musterstadt/workspace/").text
    counts = _counts(page)
    assert "2 event proposals wait for moderation" in counts["events.waiting"]
    assert "/en/musterstadt/manage/calendar/?status=submitted" in counts["events.waiting"]
    assert "2 CSV imports wait or need attention" in counts["imports.attention"]
    assert "/en/musterstadt/manage/members/import/" in counts["imports.attention"]
    assert "1 action is overdue" in counts["actions.overdue"]
    assert "/en/musterstadt/workspace/meetings/actions/?status=overdue" in counts["actions.overdue"]
    assert "1 member has not signed the current agreement" in counts["agreements.unsigned"]
    assert "/en/musterstadt/manage/members/agreements/not-signed/" in counts["agreements.unsigned"]


@pytest.mark.parametrize("role", ["city_liaison", "member_contact"])
def test_other_roles_see_no_queue_they_cannot_act_on(waiting, client, role):
    user = UserFactory()
    grant_role(user, waiting, role)
    client.force_login(user)
    page = client.get("/en/musterstadt/workspace/").text
    assert _counts(page) == {}
    assert "What waits" not in page


def test_the_queues_behind_the_links_list_what_was_counted(waiting, coordinator_client):
    url = "/en/musterstadt/workspace/meetings/actions/?status=overdue"
    actions = coordinator_client.get(url).text
    assert "1 action item." in actions
    imports = coordinator_client.get("/en/musterstadt/manage/members/import/").text
    assert "Imports that wait or need attention" in imports
    assert imports.count("/manage/members/import/jobs/") == 2


def test_each_count_is_one_query(coordinator, waiting):
    with CaptureQueriesContext(connection) as queries:
        found = queues.waiting_for(coordinator, waiting)
    assert {item.key: item.count for item in found} == {
        "events.waiting": 2,
        "imports.attention": 2,
        "actions.overdue": 1,
        "agreements.unsigned": 1,
        "voices.new": 0,
    }
    # The roles are asked once (memoised), then one query per count.
    counting = [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counting) == 5
    assert len(queries.captured_queries) <= 5 + 1
