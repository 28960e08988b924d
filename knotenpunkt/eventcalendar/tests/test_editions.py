"""The bimonthly edition page: periods, grouping by day, languages, publishing and its changes."""

import datetime
import re
import zoneinfo

import pytest

from knotenpunkt.core.models import AuditEntry
from knotenpunkt.eventcalendar import editions
from knotenpunkt.eventcalendar.models import Edition, Event
from knotenpunkt.eventcalendar.tests.factories import EventFactory, EventTranslationFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
PERIOD = "2031-03"  # March and April 2031


def at(day: str, hour: int, minute: int = 0) -> datetime.datetime:
    date = datetime.date.fromisoformat(day)
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=BERLIN)


def event(network, title, start, hours=2, **extra):
    return EventFactory(
        network=network,
        title=title,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=hours),
        **extra,
    )


def url(network, period=PERIOD, lang="en"):
    return f"/{lang}/{network.slug}/calendar/{period}/"


def titles_in_order(html: str, titles: list[str]) -> list[str]:
    return sorted(titles, key=html.index)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "period", ["2031-02", "2031-13", "2031-00", "1999-03", "2301-03", "2031-3", "march"]
)
def test_a_month_that_starts_no_edition_or_a_malformed_period_is_404(client, network, period):
    assert client.get(url(network, period)).status_code == 404


@pytest.mark.django_db
def test_the_network_chooses_its_edition_months(client, network):
    network.edition_months = [2, 5, 8, 11]
    network.save()
    assert client.get(url(network, "2031-02")).status_code == 200
    assert client.get(url(network, "2031-03")).status_code == 404


@pytest.mark.django_db
def test_the_edition_groups_the_two_months_by_day_in_order(client, network):
    event(network, "Evening café", at("2031-03-03", 18))
    event(network, "Morning counselling", at("2031-03-03", 9))
    event(network, "Spring festival", at("2031-04-30", 14))
    event(network, "May walk", at("2031-05-01", 10))  # the next edition
    event(network, "February talk", at("2031-02-28", 10))  # the previous one
    event(network, "Not yet approved", at("2031-03-04", 10), status=Event.Status.SUBMITTED)
    event(network, "Rejected", at("2031-03-04", 11), status=Event.Status.REJECTED)
    event(network, "Called off", at("2031-03-05", 10), status=Event.Status.CANCELLED)
    # Weekly on Thursdays from 26 February, four times: the first is before the period.
    event(network, "Language table", at("2031-02-26", 17), rrule="FREQ=WEEKLY;COUNT=3")

    response = client.get(url(network))

    assert response.status_code == 200
    days = response.context["page"].days
    assert [(day.date.isoformat(), [entry.title for entry in day.entries]) for day in days] == [
        ("2031-03-03", ["Morning counselling", "Evening café"]),
        ("2031-03-05", ["Called off", "Language table"]),
        ("2031-03-12", ["Language table"]),
        ("2031-04-30", ["Spring festival"]),
    ]
    html = response.content.decode()
    assert "May walk" not in html and "February talk" not in html
    assert "Not yet approved" not in html and "Rejected" not in html
    assert html.count('<h2 id="day-') == 4
    # Cancelled dates stay in the edition and say so.
    called_off = html[html.index("Called off") - 200 : html.index("Called off")]
    assert ">cancelled<" in called_off


@pytest.mark.django_db
def test_an_edition_without_events_says_so(client, network):
    response = client.get(url(network))
    assert "There are no events in these two months." in response.content.decode()


@pytest.mark.django_db
def test_titles_are_in_the_visitors_language_and_a_fallback_is_noted(client, network):
    translated = event(network, "Sprachcafé", at("2031-03-10", 18))
    EventTranslationFactory(event=translated, language="tr", title="Dil kafesi")

    turkish = client.get(url(network, lang="tr")).content.decode()
    assert "Dil kafesi" in turkish and "Sprachcafé" not in turkish
    assert 'class="note"' not in turkish

    english = client.get(url(network, lang="en")).content.decode()
    assert re.search(
        r'<h3 class="edition-title" lang="de"><a href="[^"]+"><bdi>Sprachcafé</bdi></a>', english
    )
    assert "Some events have no text in your language yet" in english


@pytest.mark.django_db
def test_publishing_freezes_the_list_and_later_changes_are_listed_apart(
    client, network, coordinator
):
    moved = event(network, "Moved meeting", at("2031-03-10", 18))
    cancelled = event(network, "Cancelled course", at("2031-03-11", 18))
    removed = event(network, "Withdrawn talk", at("2031-03-12", 18))
    renamed = event(network, "Old title", at("2031-03-13", 18))
    edition = editions.edition_prepare(
        network=network, actor=coordinator, period=editions.Period(datetime.date(2031, 3, 1))
    )
    editions.edition_publish(network=network, actor=coordinator, edition=edition)

    moved.starts_at, moved.ends_at = at("2031-03-20", 18), at("2031-03-20", 20)
    moved.save()
    cancelled.status = Event.Status.CANCELLED
    cancelled.save()
    removed.status = Event.Status.REJECTED
    removed.save()
    renamed.title = "New title"
    renamed.save()
    event(network, "Late addition", at("2031-04-02", 10))

    response = client.get(url(network))

    page = response.context["page"]
    assert page.is_published
    # The frozen list is what was published: old dates, old titles, nothing added.
    frozen = [(entry.title, entry.starts_at.date().isoformat()) for entry in page.entries]
    assert frozen == [
        ("Moved meeting", "2031-03-10"),
        ("Cancelled course", "2031-03-11"),
        ("Withdrawn talk", "2031-03-12"),
        ("Old title", "2031-03-13"),
    ]
    assert not any(entry.cancelled for entry in page.entries)
    changes = [(change.kind, change.title) for change in page.changes]
    assert changes == [
        ("moved", "Moved meeting"),
        ("cancelled", "Cancelled course"),
        ("removed", "Withdrawn talk"),
        ("added", "Late addition"),
    ]
    assert page.changes[0].before == (at("2031-03-10", 18),)
    assert page.changes[0].after == (at("2031-03-20", 18),)
    html = response.content.decode()
    changes_html = html[html.index("Changes since publication") : html.index('class="edition-day"')]
    assert "Late addition" in changes_html and "Moved meeting" in changes_html
    assert "New title" not in html  # a new title alone is no change of the printed dates


@pytest.mark.django_db
def test_a_recurring_event_that_loses_a_date_lists_only_that_date(network, coordinator):
    weekly = event(network, "Weekly café", at("2031-03-04", 18), rrule="FREQ=WEEKLY;COUNT=3")
    edition = editions.edition_prepare(
        network=network, actor=coordinator, period=editions.Period(datetime.date(2031, 3, 1))
    )
    editions.edition_publish(network=network, actor=coordinator, edition=edition)
    weekly.exdates = [at("2031-03-11", 18).isoformat()]
    weekly.save()

    page = editions.edition_page(
        network=network, period=editions.Period(datetime.date(2031, 3, 1)), language="en"
    )

    assert [(c.kind, c.before, c.after) for c in page.changes] == [
        ("removed", (at("2031-03-11", 18),), ())
    ]


@pytest.mark.django_db
def test_publishing_twice_is_refused_and_each_write_is_audited_once(network, coordinator):
    edition = editions.edition_prepare(
        network=network, actor=coordinator, period=editions.Period(datetime.date(2031, 3, 1))
    )
    editions.edition_publish(network=network, actor=coordinator, edition=edition)
    with pytest.raises(editions.DomainError):
        editions.edition_publish(network=network, actor=coordinator, edition=edition)
    actions = list(
        AuditEntry.objects.filter(
            network=network, target_type="eventcalendar.edition", target_id=str(edition.pk)
        )
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["edition.prepare", "edition.publish"]


@pytest.mark.django_db
def test_no_event_or_edition_of_another_network_shows(client, network, other_network, coordinator):
    event(network, "Ours", at("2031-03-10", 18))
    event(other_network, "Theirs", at("2031-03-10", 18))
    theirs = Edition.objects.create(
        network=other_network,
        starts_on=datetime.date(2031, 3, 1),
        ends_on=datetime.date(2031, 4, 30),
        status=Edition.Status.PUBLISHED,
        frozen=[],
    )

    html = client.get(url(network)).content.decode()
    assert "Ours" in html and "Theirs" not in html
    assert "not published yet" in html

    client.force_login(coordinator)
    base = f"/en/{network.slug}/manage/calendar/editions/{theirs.pk}"
    assert client.post(f"{base}/publish/").status_code == 404
    assert client.post(f"{base}/render/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.pdf_status == ""


@pytest.mark.django_db
def test_the_edition_page_needs_the_same_queries_for_more_events(
    client, network, django_assert_max_num_queries
):
    for day in range(1, 4):
        event(network, f"Event {day}", at(f"2031-03-{day:02d}", 18))
    with django_assert_max_num_queries(20) as few:
        client.get(url(network))
    for day in range(4, 28):
        event(network, f"Event {day}", at(f"2031-03-{day:02d}", 18))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url(network))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "uk"])
def test_the_fallback_note_names_the_language_in_the_readers_language(client, network, language):
    """Not "Deutsch" inside an Arabic or Ukrainian sentence."""
    from django.utils.translation import get_language_info, override

    network.enabled_languages = ["de", "ar", "uk"]
    network.save()
    event(network, "Sprachcafé", at("2031-03-10", 18))

    page = client.get(url(network, lang=language)).content.decode()

    note = page[page.index('class="note"') :][:400]
    with override(language):
        german = str(get_language_info("de")["name_translated"])
    assert german in note and "Deutsch" not in note
