"""Writing issues: versions per language, segments, what can no longer change, the trail."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused

from ..models import Mailing, MailingVersion
from ..services_mailings import mailing_create, mailing_delete, mailing_update
from .factories import mailing_make, topic_make

pytestmark = pytest.mark.django_db

VERSIONS = {
    "de": {"subject": "Infobrief Januar", "intro": "Liebe **Leserinnen**,"},
    "ar": {"subject": "النشرة الإخبارية", "intro": "مرحبا"},
}


def _create(network, coordinator, **values):
    values.setdefault("versions", VERSIONS)
    return mailing_create(network=network, actor=coordinator, **values)


def test_a_draft_has_a_version_per_language_and_its_segments(network, coordinator):
    topic = topic_make(network)
    mailing = _create(
        network,
        coordinator,
        blocks=["events", "members"],
        languages=["de", "ar"],
        topics=[topic],
    )
    assert mailing.status == Mailing.Status.DRAFT
    assert mailing.created_by == coordinator
    assert mailing.blocks == ["events", "members"]
    assert mailing.languages == ["de", "ar"]
    assert list(mailing.topics.all()) == [topic]
    versions = {v.language: (v.subject, v.intro) for v in mailing.versions.all()}
    assert versions == {
        "ar": ("النشرة الإخبارية", "مرحبا"),
        "de": ("Infobrief Januar", "Liebe **Leserinnen**,"),
    }
    entry = AuditEntry.objects.get(action="mailing.create")
    assert entry.target_id == str(mailing.pk)
    assert entry.changes["subject (de)"] == [None, "Infobrief Januar"]


def test_a_language_left_empty_gets_no_version(network, coordinator):
    versions = {"de": {"subject": "Januar", "intro": ""}, "tr": {"subject": " ", "intro": ""}}
    mailing = _create(network, coordinator, versions=versions)
    assert [v.language for v in mailing.versions.all()] == ["de"]


def test_at_least_one_version_is_needed(network, coordinator):
    with refused("Write the subject of at least one language version.", field=None):
        _create(network, coordinator, versions={"de": {"subject": "", "intro": ""}})
    assert not Mailing.objects.exists()


def test_an_intro_without_a_subject_is_refused_on_that_language(network, coordinator):
    versions = {"de": {"subject": "Januar", "intro": ""}, "tr": {"subject": "", "intro": "Merhaba"}}
    with refused("A version with an introduction needs a subject.", field="subject_tr"):
        _create(network, coordinator, versions=versions)


def test_unknown_blocks_and_languages_are_refused_together(network, coordinator):
    with refused("Unknown blocks: %(values)s", field="blocks") as raised:
        _create(network, coordinator, blocks=["events", "weather"], languages=["xx"])
    assert {field for field, _message in raised.value.errors} == {"blocks", "languages"}


def test_another_networks_topic_is_refused(network, other_network, coordinator):
    from django_scopes import scope

    with scope(network=other_network):
        foreign = topic_make(other_network, name="Fremd")
    with refused("Choose topics of this network.", field="topics"):
        _create(network, coordinator, topics=[foreign.pk])


def test_only_the_coordinator_writes(network):
    liaison = UserFactory()
    grant_role(liaison, network, "city_liaison")
    with pytest.raises(PermissionDenied):
        _create(network, liaison)


def test_an_update_changes_versions_and_records_before_and_after(network, coordinator):
    mailing = _create(network, coordinator)
    mailing_update(
        mailing=mailing,
        actor=coordinator,
        blocks=["groups"],
        versions={"de": {"subject": "Infobrief Februar", "intro": "Hallo"}, "ar": {}},
    )
    mailing.refresh_from_db()
    assert mailing.blocks == ["groups"]
    assert [(v.language, v.subject) for v in mailing.versions.all()] == [
        ("de", "Infobrief Februar")
    ]
    entry = AuditEntry.objects.get(action="mailing.update")
    assert entry.changes["subject (de)"] == ["Infobrief Januar", "Infobrief Februar"]
    assert entry.changes["subject (ar)"] == ["النشرة الإخبارية", None]
    assert entry.changes["blocks"] == [[], ["groups"]]


def test_an_update_without_changes_records_nothing(network, coordinator):
    mailing = _create(network, coordinator)
    mailing_update(mailing=mailing, actor=coordinator, versions=VERSIONS)
    assert not AuditEntry.objects.filter(action="mailing.update").exists()


def test_a_scheduled_issue_can_be_changed_and_stays_scheduled(network, coordinator, clock):
    at = clock.now() + datetime.timedelta(days=3)
    mailing = mailing_make(network, status=Mailing.Status.SCHEDULED, scheduled_for=at)
    mailing_update(
        mailing=mailing, actor=coordinator, versions={"de": {"subject": "Neu", "intro": ""}}
    )
    mailing.refresh_from_db()
    assert (mailing.status, mailing.scheduled_for) == (Mailing.Status.SCHEDULED, at)
    assert mailing.versions.get().subject == "Neu"


@pytest.mark.parametrize(
    ("status", "rule"),
    [
        ("sending", "This info mail is being sent and can no longer be changed."),
        ("sent", "This info mail has been sent and can no longer be changed."),
    ],
)
def test_an_issue_being_sent_or_sent_cannot_be_changed(network, coordinator, status, rule):
    mailing = mailing_make(network, subject="Alt", status=status)
    with refused(rule, field=None):
        mailing_update(
            mailing=mailing, actor=coordinator, versions={"de": {"subject": "Neu", "intro": ""}}
        )
    assert MailingVersion.objects.get(mailing=mailing).subject == "Alt"


def test_the_status_is_read_afresh_when_changing(network, coordinator):
    """A page loaded while it was a draft cannot change it after the sending began."""
    mailing = mailing_make(network)
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.SENDING)
    with refused("This info mail is being sent and can no longer be changed.", field=None):
        mailing_update(mailing=mailing, actor=coordinator, versions=VERSIONS)


def test_a_draft_can_be_deleted_with_an_entry(network, coordinator):
    mailing = mailing_make(network, subject="Weg damit")
    mailing_delete(mailing=mailing, actor=coordinator)
    assert not Mailing.objects.exists()
    entry = AuditEntry.objects.get(action="mailing.delete")
    assert entry.summary == "Weg damit"


@pytest.mark.parametrize(
    ("status", "rule"),
    [
        ("scheduled", "This info mail is scheduled: withdraw the schedule to delete it."),
        ("sending", "This info mail is being sent and can no longer be changed."),
        ("sent", "This info mail has been sent and can no longer be changed."),
    ],
)
def test_only_drafts_can_be_deleted(network, coordinator, status, rule):
    mailing = mailing_make(network, status=status)
    with refused(rule, field=None):
        mailing_delete(mailing=mailing, actor=coordinator)
    assert Mailing.objects.filter(pk=mailing.pk).exists()
