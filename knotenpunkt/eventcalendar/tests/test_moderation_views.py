"""The submission and moderation pages: who may open them, what the forms store, no markup runs."""

import datetime
import zoneinfo

import pytest

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.eventcalendar.models import Event, EventTranslation
from knotenpunkt.eventcalendar.tests.factories import EventFactory, member_contact_for
from knotenpunkt.members.tests.factories import OrganisationFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
BASE = "/en/musterstadt"


@pytest.fixture
def organisation(network):
    return OrganisationFactory(network=network, name="Frauentreff Nord")


@pytest.fixture
def member(organisation):
    return member_contact_for(organisation, email="kontakt@frauentreff.example", language="en")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def form_data(organisation, **changes) -> dict:
    data = {
        "title": "Sprachcafé",
        "original_language": "de",
        "description": "Tee und Gespräche",
        "organiser": organisation.pk,
        "starts_at": "2030-03-04T18:00",
        "ends_at": "2030-03-04T20:00",
        "time_zone": "Europe/Berlin",
        "repeat": "",
        "interval": "1",
        "place_name": "Stadtteilzentrum",
        "audiences": ["women", "families"],
        "languages": "de, tr",
        "is_free": "on",
    }
    return {**data, **changes}


# Permissions ----------------------------------------------------------------------------


def test_visitors_are_sent_to_log_in(client, network):
    response = client.get(f"{BASE}/calendar/submit/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


@pytest.mark.parametrize("path", ["calendar/submit/", "calendar/mine/", "manage/calendar/"])
def test_a_city_liaison_may_not_enter_or_moderate(client, city_liaison, path):
    client.force_login(city_liaison)
    assert client.get(f"{BASE}/{path}").status_code == 403


def test_a_member_contact_may_not_moderate(member_client, organisation):
    event = EventFactory(network=organisation.network, organiser=organisation, status="submitted")
    assert member_client.get(f"{BASE}/manage/calendar/").status_code == 403
    response = member_client.post(f"{BASE}/manage/calendar/{event.pk}/approve/")
    assert response.status_code == 403
    assert Event.objects.get(pk=event.pk).status == Event.Status.SUBMITTED


def test_a_member_contact_without_organisation_is_told_why(client, network):
    user = UserFactory()
    grant_role(user, network, "member_contact")
    client.force_login(user)
    response = client.get(f"{BASE}/calendar/submit/")
    assert response.status_code == 403
    assert "do not speak for any member organisation" in response.text


def test_a_member_contact_may_not_change_another_organisations_event(member_client, network):
    event = EventFactory(network=network)
    assert member_client.get(f"{BASE}/calendar/events/{event.pk}/edit/").status_code == 403
    assert member_client.post(f"{BASE}/calendar/events/{event.pk}/cancel/").status_code == 403
    assert Event.objects.get(pk=event.pk).status == Event.Status.PUBLISHED


# Submitting and editing -----------------------------------------------------------------


def test_a_member_submits_an_event_and_finds_it_waiting_in_their_list(member_client, organisation):
    page = member_client.get(f"{BASE}/calendar/submit/")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text

    response = member_client.post(f"{BASE}/calendar/submit/", form_data(organisation))
    assert response.status_code == 302
    assert response.url == f"{BASE}/calendar/mine/"
    event = Event.objects.get()
    assert event.status == Event.Status.SUBMITTED
    assert event.starts_at == datetime.datetime(2030, 3, 4, 18, 0, tzinfo=BERLIN)
    assert event.audiences == ["women", "families"]
    assert event.languages == ["de", "tr"]

    mine = member_client.get(response.url)
    assert "Sprachcafé" in mine.text
    assert "waiting for moderation" in mine.text


def test_the_end_before_the_start_is_shown_on_the_end_field(member_client, organisation):
    response = member_client.post(
        f"{BASE}/calendar/submit/", form_data(organisation, ends_at="2030-03-04T17:00")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"] == ["The end must not be before the start."]
    assert not Event.objects.exists()


def test_an_unbounded_repetition_is_shown_on_the_repeat_field(member_client, organisation):
    response = member_client.post(
        f"{BASE}/calendar/submit/",
        form_data(organisation, repeat="weekly", weekdays=["MO"]),
    )
    assert "repeat" in response.context["form"].errors
    assert not Event.objects.exists()


def test_a_time_skipped_by_the_clock_change_is_refused(member_client, organisation):
    response = member_client.post(
        f"{BASE}/calendar/submit/",
        form_data(organisation, starts_at="2030-03-31T02:30", ends_at="2030-03-31T04:00"),
    )
    assert "starts_at" in response.context["form"].errors


def test_a_weekly_repetition_is_stored_as_rrule_and_shown_back(coordinator_client, organisation):
    response = coordinator_client.post(
        f"{BASE}/calendar/submit/",
        form_data(
            organisation,
            repeat="weekly",
            weekdays=["MO", "TH"],
            until="2030-04-30",
            exdates="2030-03-07\n14.03.2030",
        ),
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.status == Event.Status.PUBLISHED
    assert event.rrule == "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20300430T235959"
    assert event.exdates == ["2030-03-07T18:00:00+01:00", "2030-03-14T18:00:00+01:00"]

    page = coordinator_client.get(f"{BASE}/calendar/events/{event.pk}/edit/")
    form = page.context["form"]
    assert form["repeat"].value() == "weekly"
    assert form["weekdays"].value() == ["MO", "TH"]
    assert form["until"].value() == datetime.date(2030, 4, 30)
    assert "2030-03-14" in page.text
    assert 'value="2030-03-04T18:00"' in page.text


def test_all_day_events_cover_whole_local_days(coordinator_client, organisation):
    coordinator_client.post(
        f"{BASE}/calendar/submit/",
        form_data(
            organisation, all_day="on", starts_at="2030-06-01T00:00", ends_at="2030-06-02T00:00"
        ),
    )
    event = Event.objects.get()
    assert event.starts_at == datetime.datetime(2030, 6, 1, tzinfo=BERLIN)
    assert event.ends_at == datetime.datetime(2030, 6, 3, tzinfo=BERLIN)


def test_a_members_new_date_sends_the_event_back_to_moderation(member_client, organisation):
    event = EventFactory(network=organisation.network, organiser=organisation)
    data = form_data(organisation, starts_at="2030-05-05T18:00", ends_at="2030-05-05T20:00")
    response = member_client.post(f"{BASE}/calendar/events/{event.pk}/edit/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED
    assert event.sequence == 1


# Moderation -----------------------------------------------------------------------------


def test_the_coordinator_approves_from_the_queue(coordinator_client, organisation):
    event = EventFactory(
        network=organisation.network, organiser=organisation, status="submitted", title="Nähcafé"
    )
    queue = coordinator_client.get(f"{BASE}/manage/calendar/")
    assert "Nähcafé" in queue.text
    response = coordinator_client.post(f"{BASE}/manage/calendar/{event.pk}/approve/")
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).status == Event.Status.PUBLISHED
    assert coordinator_client.get(f"{BASE}/manage/calendar/").context["waiting"].count() == 0


def test_the_coordinator_rejects_with_a_reason(coordinator_client, organisation):
    event = EventFactory(network=organisation.network, organiser=organisation, status="submitted")
    empty = coordinator_client.post(f"{BASE}/manage/calendar/{event.pk}/reject/", {"reason": ""})
    assert "reason" in empty.context["form"].errors
    response = coordinator_client.post(
        f"{BASE}/manage/calendar/{event.pk}/reject/", {"reason": "Bitte den Ort angeben."}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.status, event.rejection_reason) == ("rejected", "Bitte den Ort angeben.")


def test_the_status_filter_lists_only_that_status(coordinator_client, network):
    EventFactory(network=network, title="Öffentlich")
    EventFactory(network=network, title="Abgesagt", status="cancelled")
    page = coordinator_client.get(f"{BASE}/manage/calendar/?status=cancelled")
    titles = [event.title for event in page.context["page"].object_list]
    assert titles == ["Abgesagt"]


def test_the_manage_list_needs_the_same_queries_for_many_events(
    coordinator_client, network, django_assert_max_num_queries
):
    for _ in range(3):
        EventFactory(network=network, status="submitted")
    with django_assert_max_num_queries(14) as few:
        coordinator_client.get(f"{BASE}/manage/calendar/")
    for index in range(30):
        event = EventFactory(network=network, status="submitted" if index % 2 else "published")
        EventTranslation.objects.create(network=network, event=event, language="tr", title="T")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(f"{BASE}/manage/calendar/")
    assert len(response.context["page"].object_list) == 25


@pytest.mark.parametrize(
    "payload",
    ['<script>alert("x")</script>', '<img src="x" onerror="alert(1)">', "[a](javascript:alert(1))"],
)
def test_markup_in_the_description_never_runs(coordinator_client, network, payload):
    event = EventFactory(network=network, description=f"Hallo {payload}", status="submitted")
    page = coordinator_client.get(f"{BASE}/manage/calendar/{event.pk}/").text
    assert "<script>alert" not in page
    assert "onerror" not in page
    assert "javascript:alert" not in page


def test_cancelling_from_the_page_keeps_the_event_marked(member_client, organisation):
    event = EventFactory(network=organisation.network, organiser=organisation)
    assert member_client.get(f"{BASE}/calendar/events/{event.pk}/cancel/").status_code == 200
    response = member_client.post(f"{BASE}/calendar/events/{event.pk}/cancel/")
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).status == Event.Status.CANCELLED


def test_translations_are_entered_per_language(coordinator_client, network):
    event = EventFactory(network=network, original_language="de")
    overview = coordinator_client.get(f"{BASE}/calendar/events/{event.pk}/translations/")
    assert f"/calendar/events/{event.pk}/translations/tr/" in overview.text
    assert f"/calendar/events/{event.pk}/translations/de/" not in overview.text
    response = coordinator_client.post(
        f"{BASE}/calendar/events/{event.pk}/translations/tr/",
        {"title": "Dil kafesi", "description": "Çay ve kek"},
    )
    assert response.status_code == 302
    assert EventTranslation.objects.get(event=event, language="tr").title == "Dil kafesi"
    assert (
        coordinator_client.get(f"{BASE}/calendar/events/{event.pk}/translations/xx/").status_code
        == 404
    )


def test_an_imported_rule_the_form_cannot_express_survives_an_edit(coordinator_client, network):
    organisation = OrganisationFactory(network=network)
    event = EventFactory(network=network, organiser=organisation, rrule="FREQ=YEARLY;COUNT=3")
    data = form_data(organisation, repeat="custom", title="Sommerfest")
    response = coordinator_client.post(f"{BASE}/calendar/events/{event.pk}/edit/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.rrule) == ("Sommerfest", "FREQ=YEARLY;COUNT=3")
