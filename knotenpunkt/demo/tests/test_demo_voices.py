"""The demo's voices: about forty in seven languages and every state, some answered."""

import pytest

from knotenpunkt.accounts.models import User
from knotenpunkt.voices.models import Voice, VoiceAnswer

from .conftest import load

pytestmark = pytest.mark.django_db


def test_about_forty_voices_in_seven_languages_and_every_state(musterstadt, client):
    voices = Voice.objects.filter(network=musterstadt)
    assert 35 <= voices.count() <= 45
    assert set(voices.values_list("language", flat=True)) == {
        "ar",
        "fa",
        "uk",
        "tr",
        "ru",
        "de",
        "en",
    }
    assert set(voices.values_list("status", flat=True)) == set(Voice.Status.values)
    assert voices.filter(group__isnull=False).count() >= 10
    answered = voices.filter(status="answered")
    assert answered.count() >= 8
    assert VoiceAnswer.objects.filter(voice__in=answered).count() == answered.count()
    for voice in answered:
        assert voice.created_at < voice.first_answered_at


def test_the_coordinator_sees_the_voices_with_their_figures(musterstadt, client):
    client.force_login(User.objects.get(email="coordinator@musterstadt.example"))
    page = client.get("/de/musterstadt/manage/voices/")
    assert page.status_code == 200
    assert "A club refused me because of my name." in page.text


def test_second_run_adds_no_voice(musterstadt):
    before = Voice.objects.count()
    load()
    assert Voice.objects.count() == before
