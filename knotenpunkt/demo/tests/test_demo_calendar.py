"""The demo's event calendar: current, varied, recurring, translated, moderated, repeatable."""

import datetime
import zoneinfo

from dateutil.rrule import rrulestr
from django.utils import timezone
from django.utils.html import escape

from knotenpunkt.accounts.models import User
from knotenpunkt.core.models import SearchEntry
from knotenpunkt.core.testing import translated
from knotenpunkt.eventcalendar import selectors
from knotenpunkt.eventcalendar.models import AUDIENCE_LABELS, Edition, Event, EventTranslation
from knotenpunkt.eventcalendar.recurrence import check_recurrence, occurrences
from knotenpunkt.members.models import Membership, Organisation

from .conftest import load

AHEAD = datetime.timedelta(days=125)
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def _events(network):
    return Event.objects.filter(network=network).select_related("organiser")


def _local_starts(event) -> list[datetime.datetime]:
    return [item.starts_at.astimezone(BERLIN) for item in occurrences(event)]


def test_about_150_events_of_many_members_in_the_coming_four_months(musterstadt):
    events = list(_events(musterstadt))
    assert 140 <= len(events) <= 160
    now = timezone.now()
    assert all(now < event.starts_at < now + AHEAD for event in events)
    current = set(
        Membership.objects.filter(
            organisation__network=musterstadt, left_on__isnull=True
        ).values_list("organisation_id", flat=True)
    )
    organisers = {event.organiser_id for event in events}
    assert len(organisers) >= 40
    assert organisers <= current  # no event of a member that left
    assert sum(event.original_language == "de" for event in events) >= 0.9 * len(events)
    for event in events:
        assert event.title and event.description, event
        assert set(event.audiences) <= set(AUDIENCE_LABELS), event
        assert event.languages, event
        assert event.place_name or event.online_link, event
        assert event.is_free == (not event.cost), event
    assert sum(bool(event.online_link) for event in events) >= 3
    assert sum(not event.is_free for event in events) >= 5
    for flag in ("step_free", "sign_language", "childcare"):
        assert any(getattr(event, flag) for event in events), flag
    assert any(event.all_day for event in events)
    assert any("\n- " in event.description for event in events)  # Markdown lists


def test_recurring_events_expand_as_their_rules_say(musterstadt):
    recurring = {event.title: event for event in _events(musterstadt).exclude(rrule="")}
    assert len(recurring) >= 6
    for event in recurring.values():
        assert check_recurrence(event) > 1
        assert ("COUNT=" in event.rrule) or ("UNTIL=" in event.rrule)
        starts = _local_starts(event)
        first = event.starts_at.astimezone(BERLIN)
        assert starts[0] == first  # DTSTART is an occurrence, as RFC 5545 subscribers read it
        assert {start.time() for start in starts} == {first.time()}  # across DST, too
        excluded = {datetime.datetime.fromisoformat(value) for value in event.exdates}
        assert not excluded & set(starts)

    cafe = recurring["Sprachcafé: Deutsch sprechen bei Tee und Kuchen"]
    assert cafe.rrule == "FREQ=WEEKLY;BYDAY=WE;COUNT=16"
    starts = _local_starts(cafe)
    assert {start.weekday() for start in starts} == {2}
    assert len(starts) == 16 - len(cafe.exdates)
    assert cafe.exdates and "fällt das Sprachcafé" in cafe.description
    skipped = datetime.datetime.fromisoformat(cafe.exdates[0])
    assert skipped.weekday() == 2 and skipped not in starts

    counselling = recurring["Sprechstunde der Migrationsberatung"]
    assert "BYDAY=1TH" in counselling.rrule
    assert all(start.weekday() == 3 and start.day <= 7 for start in _local_starts(counselling))

    workshop = recurring["Offene Fahrradwerkstatt"]
    assert "FREQ=DAILY;INTERVAL=14" in workshop.rrule
    full = list(rrulestr(workshop.rrule, dtstart=workshop.starts_at.astimezone(BERLIN)))
    assert all((b - a).days == 14 for a, b in zip(full, full[1:], strict=False))
    assert len(_local_starts(workshop)) == len(full) - len(workshop.exdates)

    until = [event for event in recurring.values() if "UNTIL=" in event.rrule]
    assert until and all(len(_local_starts(event)) > 8 for event in until)


def test_the_public_calendar_lists_the_weekly_cafe_every_week(musterstadt):
    cafe = Event.objects.get(network=musterstadt, title__startswith="Sprachcafé")
    now = timezone.now()
    found = [
        item.starts_at
        for item in selectors.published_occurrences(network=musterstadt, start=now, end=now + AHEAD)
        if item.event.pk == cafe.pk
    ]
    assert found == [item.starts_at for item in occurrences(cafe)]


def test_the_demo_member_has_events_waiting_for_moderation(musterstadt, client):
    member = User.objects.get(email="member@musterstadt.example")
    waiting = _events(musterstadt).filter(status=Event.Status.SUBMITTED)
    assert 3 <= waiting.count() <= 6
    assert {event.organiser.name for event in waiting} == {"Kulturverein Brückenschlag e.V."}
    assert all(event.submitted_by == member and event.moderated_by is None for event in waiting)
    rejected = _events(musterstadt).get(status=Event.Status.REJECTED)
    assert rejected.rejection_reason and rejected.submitted_by == member

    client.force_login(User.objects.get(email="coordinator@musterstadt.example"))
    page = client.get("/en/musterstadt/manage/calendar/").content.decode()
    for event in waiting:
        assert event.title in page


def test_trusted_members_published_directly_others_were_moderated(musterstadt):
    trusted = Organisation.objects.filter(network=musterstadt, trusted=True)
    assert 2 <= trusted.count() <= 4
    published = _events(musterstadt).filter(status=Event.Status.PUBLISHED)
    direct = published.filter(organiser__trusted=True)
    assert direct.exists() and not direct.filter(moderated_by__isnull=False).exists()
    moderated = published.filter(organiser__trusted=False)
    coordinator = User.objects.get(email="coordinator@musterstadt.example")
    assert set(moderated.values_list("moderated_by", flat=True)) == {coordinator.pk}


def test_one_event_is_cancelled_and_still_shown(musterstadt, client):
    cancelled = _events(musterstadt).get(status=Event.Status.CANCELLED)
    assert cancelled.sequence == 1
    page = client.get(f"/de/musterstadt/calendar/events/{cancelled.pk}/").content.decode()
    assert translated("This event is cancelled.", "de") in page


def test_a_dozen_events_are_translated_and_shown_in_the_visitors_language(musterstadt, client):
    languages = {"en", "tr", "ar", "uk"}
    translated_events = [
        event
        for event in _events(musterstadt).prefetch_related("translations")
        if languages <= {item.language for item in event.translations.all()}
    ]
    assert len(translated_events) >= 12
    cafe = next(event for event in translated_events if event.title.startswith("Sprachcafé"))
    for language in ("tr", "ar", "uk"):
        title = EventTranslation.objects.get(event=cafe, language=language).title
        page = client.get(f"/{language}/musterstadt/calendar/events/{cafe.pk}/").content.decode()
        assert title in page
        assert translated("This event is not yet available in your language", language) not in page
    # An event written in English reads in German for the network's default language.
    english = _events(musterstadt).filter(original_language="en").first()
    german = EventTranslation.objects.get(event=english, language="de").title
    assert german in client.get(f"/de/musterstadt/calendar/events/{english.pk}/").content.decode()


def test_a_draft_edition_of_the_current_period_shows_the_events(musterstadt, client):
    edition = Edition.objects.get(network=musterstadt)
    today = timezone.localdate(timezone=BERLIN)
    assert edition.status == Edition.Status.DRAFT
    assert edition.starts_on <= today <= edition.ends_on
    page = client.get(f"/de/musterstadt/calendar/{edition.starts_on:%Y-%m}/").content.decode()
    after = datetime.datetime.combine(edition.ends_on, datetime.time(), tzinfo=BERLIN)
    coming = selectors.published_occurrences(
        network=musterstadt, start=timezone.now(), end=after + datetime.timedelta(days=1)
    )
    for item in coming[:5]:
        assert escape(selectors.localised(item.event, "de", musterstadt).title) in page


def test_the_final_reindex_makes_every_event_searchable(musterstadt):
    """Events are bulk-created (no signals); the demo's search_reindex indexes them all."""
    indexed = SearchEntry.objects.filter(network=musterstadt, target_type="eventcalendar.event")
    assert indexed.count() == Event.objects.filter(network=musterstadt).count()
    cafe = Event.objects.get(network=musterstadt, title__startswith="Sprachcafé")
    entry = indexed.get(target_id=cafe.pk)
    assert entry.visibility == SearchEntry.Visibility.PUBLIC


def _calendar_snapshot():
    return sorted(
        map(
            repr,
            Event.objects.values_list(
                "uid",
                "title",
                "starts_at",
                "ends_at",
                "rrule",
                "exdates",
                "status",
                "organiser__name",
            ),
        )
    ) + sorted(map(repr, EventTranslation.objects.values_list("event__uid", "language", "title")))


def test_second_run_adds_no_event(musterstadt):
    before = _calendar_snapshot(), Edition.objects.count()
    assert "nothing added" in load()
    assert (_calendar_snapshot(), Edition.objects.count()) == before


def test_a_demo_loaded_before_the_calendar_gets_it_the_same_way(musterstadt):
    before = _calendar_snapshot()
    Event.objects.all().delete()
    Edition.objects.all().delete()
    output = load()
    assert "musterstadt (event calendar)" in output
    assert _calendar_snapshot() == before  # same seed, same day: the same events and UIDs
