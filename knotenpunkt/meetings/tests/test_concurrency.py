"""The last seat taken twice at the same moment: one confirmed, one waiting, never over capacity.

Real threads with their own database connections, released together by a barrier; the
service's lock (row lock on PostgreSQL, IMMEDIATE transaction on SQLite) must serialise them.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django_scopes import scope

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.meetings import services
from knotenpunkt.meetings.models import Registration
from knotenpunkt.members.tests.factories import PersonFactory

from .factories import CafeSessionFactory, MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(calls):
    """Run each call in its own thread, all starting at once; return results or errors."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def work(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # reported to the test thread
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def register_in_thread(network, meeting, person, actor, session=None):
    def call():
        with scope(network=network):
            if session is not None:
                return services.session_register(session=session, person=person, actor=actor)
            return services.meeting_register(meeting=meeting, person=person, actor=actor)

    return call


def test_two_people_taking_the_last_seat_at_once(network, coordinator):
    meeting = MeetingFactory(network=network, capacity=2)
    RegistrationFactory(meeting=meeting)
    first, second = PersonFactory(network=network), PersonFactory(network=network)
    results = run_together(
        [
            register_in_thread(network, meeting, first, coordinator),
            register_in_thread(network, meeting, second, coordinator),
        ]
    )
    assert all(isinstance(result, Registration) for result in results), results
    assert sorted(result.status for result in results) == ["confirmed", "waitlisted"]
    assert Registration.objects.filter(meeting=meeting, status="confirmed").count() == 2


def test_many_at_once_never_exceed_the_capacity_of_a_session(network, coordinator):
    meeting = MeetingFactory(network=network)
    session = CafeSessionFactory(meeting=meeting, capacity=3)
    persons = [PersonFactory(network=network) for _ in range(6)]
    results = run_together(
        [register_in_thread(network, meeting, p, coordinator, session) for p in persons]
    )
    assert all(isinstance(result, Registration) for result in results), results
    statuses = sorted(result.status for result in results)
    assert statuses == ["confirmed"] * 3 + ["waitlisted"] * 3
    assert Registration.objects.filter(session=session, status="confirmed").count() == 3


def test_concurrent_requests_through_the_register_page(network, coordinator):
    """Two coordinators post the register form for the last seat at the same moment."""
    meeting = MeetingFactory(network=network, capacity=1)
    persons = [PersonFactory(network=network) for _ in range(2)]
    clients = []
    for _ in persons:
        user = UserFactory()
        grant_role(user, network, "coordinator")
        client = Client()
        client.force_login(user)
        clients.append(client)
    url = f"/en/{network.slug}/workspace/meetings/{meeting.pk}/register/"

    def post(client, person):
        return lambda: client.post(url, {"person": person.pk}).status_code

    results = run_together([post(c, p) for c, p in zip(clients, persons, strict=True)])
    assert results == [302, 302]
    statuses = sorted(Registration.objects.filter(meeting=meeting).values_list("status", flat=True))
    assert statuses == ["confirmed", "waitlisted"]
