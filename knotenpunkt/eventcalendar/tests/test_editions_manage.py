"""Coordinators prepare, print and publish editions; the archive lists the published ones."""

import datetime

import pytest
from django.utils import timezone

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.eventcalendar import editions
from knotenpunkt.eventcalendar.models import Edition

from .test_editions import at, event


def manage_url(network, rest=""):
    return f"/en/{network.slug}/manage/calendar/editions/{rest}"


def make_edition(network, year, month, **extra):
    period = editions.Period(datetime.date(year, month, 1))
    return Edition.objects.create(
        network=network, starts_on=period.starts_on, ends_on=period.ends_on, **extra
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member_contact", "city_liaison"])
def test_only_the_coordinator_manages_editions(client, network, role):
    edition = make_edition(network, 2031, 3)
    assert client.get(manage_url(network)).status_code == 302  # to the login
    user = UserFactory()
    grant_role(user, network, role)
    client.force_login(user)
    for address in (
        manage_url(network),
        manage_url(network, "prepare/"),
        manage_url(network, f"{edition.pk}/publish/"),
    ):
        assert client.get(address).status_code == 403
    assert client.post(manage_url(network, f"{edition.pk}/render/")).status_code == 403
    assert client.post(manage_url(network, f"{edition.pk}/publish/")).status_code == 403
    edition.refresh_from_db()
    assert (edition.status, edition.pdf_status) == ("draft", "")


@pytest.mark.django_db
def test_the_coordinator_prepares_the_coming_edition_once(coordinator_client, network, clock):
    today = clock.today()  # the network's date: the current period is the network's
    current = editions.periods_upcoming(network=network, today=today)[0]
    assert current.starts_on <= today <= current.ends_on

    response = coordinator_client.post(manage_url(network, "prepare/"), {"period": current.slug})
    assert response.status_code == 302
    assert Edition.objects.filter(network=network, starts_on=current.starts_on).count() == 1

    again = coordinator_client.post(manage_url(network, "prepare/"), {"period": current.slug})
    assert again.status_code == 200
    assert "There is an edition for" in again.content.decode()
    assert Edition.objects.filter(network=network).count() == 1


@pytest.mark.django_db
def test_a_period_that_is_not_offered_cannot_be_prepared(coordinator_client, network):
    response = coordinator_client.post(manage_url(network, "prepare/"), {"period": "2031-02"})
    assert response.status_code == 200
    assert not Edition.objects.exists()


@pytest.mark.django_db
def test_publishing_through_the_page_freezes_and_queues_the_pdf(
    coordinator_client, network, coordinator, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    event(network, "Frozen event", at("2031-03-10", 18))
    edition = make_edition(network, 2031, 3)
    confirm = coordinator_client.get(manage_url(network, f"{edition.pk}/publish/"))
    assert "Publishing freezes the dates listed now" in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(manage_url(network, f"{edition.pk}/publish/"))

    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.status == "published" and edition.published_by == coordinator
    assert [item["titles"]["de"] for item in edition.frozen] == ["Frozen event"]
    assert edition.pdf_status == "queued"
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db
def test_the_archive_lists_only_published_editions(client, network, other_network):
    make_edition(network, 2031, 1, status="published", published_at=timezone.now())
    make_edition(network, 2031, 3)  # draft
    make_edition(other_network, 2031, 5, status="published", published_at=timezone.now())

    html = client.get(f"/en/{network.slug}/calendar/editions/").content.decode()

    assert f"/en/{network.slug}/calendar/2031-01/" in html
    assert "2031-03" not in html and "2031-05" not in html


@pytest.mark.django_db
def test_lists_need_the_same_queries_for_more_editions(
    client, coordinator_client, network, django_assert_max_num_queries
):
    def add(year):
        for month in (1, 3, 5):
            make_edition(network, year, month, status="published", published_at=timezone.now())

    add(2030)
    with django_assert_max_num_queries(20) as archive_few:
        client.get(f"/en/{network.slug}/calendar/editions/")
    with django_assert_max_num_queries(25) as manage_few:
        coordinator_client.get(manage_url(network))
    add(2031)
    add(2032)
    with django_assert_max_num_queries(len(archive_few.captured_queries)):
        client.get(f"/en/{network.slug}/calendar/editions/")
    with django_assert_max_num_queries(len(manage_few.captured_queries)):
        coordinator_client.get(manage_url(network))
