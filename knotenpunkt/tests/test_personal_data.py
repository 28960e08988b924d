"""The own-data export covers every model that refers to an account or a contact person."""

import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test.utils import isolate_apps

from knotenpunkt.core import personal_data


def test_every_reference_to_a_person_or_an_account_is_exported_or_excluded_with_a_reason():
    """A new model pointing at a user or a contact person fails here until its app registers
    what the export shows of it (or why it shows nothing): core/personal_data.py."""
    assert personal_data.unaccounted(apps.get_models()) == []


@isolate_apps("knotenpunkt.members")
def test_a_new_reference_that_nobody_declared_is_found():
    person_model, user_model = apps.get_model("members.Person"), get_user_model()

    class Nickname(models.Model):
        person = models.ForeignKey(person_model, on_delete=models.CASCADE, related_name="+")
        account = models.OneToOneField(user_model, on_delete=models.CASCADE, related_name="+")
        friends = models.ManyToManyField(person_model, related_name="+")
        note = models.TextField()

        class Meta:
            app_label = "members"

        def __str__(self) -> str:
            return self.note

    found = personal_data.unaccounted([*apps.get_models(), Nickname])
    assert found == [
        "members.Nickname.person",
        "members.Nickname.account",
        "members.Nickname.friends",
    ]


def test_every_declared_reference_exists():
    """A renamed field cannot leave a stale declaration that covers nothing."""
    existing = set(personal_data.references_to_people(apps.get_models()))
    assert set(personal_data.accounted_for()) - existing == set()


def test_exclusions_say_why():
    reasons = {
        ref: text.removeprefix("excluded: ")
        for ref, text in personal_data.accounted_for().items()
        if text.startswith("excluded: ")
    }
    assert reasons, "the export excludes nothing on purpose?"
    assert all(len(reason) > 40 for reason in reasons.values()), reasons


def test_a_reference_without_a_reason_cannot_be_excluded():
    with pytest.raises(ValueError, match="needs a reason"):
        personal_data.exclude("members.Person.user", reason="  ")


@pytest.mark.django_db
def test_the_export_of_an_account_without_data_is_complete_and_serialisable():
    from knotenpunkt.accounts.tests.factories import UserFactory

    user = UserFactory(email="leer@example.org")
    data = personal_data.export_for(user)
    json.dumps(data, default=str)
    assert data["account"]["email"] == "leer@example.org"
    assert data["contact_persons"] == [] and data["meeting_registrations"] == []
