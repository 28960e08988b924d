"""A voice's path from the public form to an answer, and the public form's defences."""

import re

import pytest
from django.test import TestCase
from django.urls import reverse

from knotenpunkt.accounts.tests.factories import UserFactory
from knotenpunkt.core.testing import SmtpSink, translated
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory, lead_user

from ..models import Voice
from ..selectors import voice_figures
from ..services import voice_answer, voice_route
from .factories import topic_of, voice_make

pytestmark = pytest.mark.django_db

STATUS_LINK = re.compile(r"https?://\S+/voice/([A-Za-z0-9_-]{20,})/")
ARABIC = "نحتاج إلى دورات لغة في المساء، لأن الناس يعملون في النهار."


def send_url(network, lang="de"):
    return reverse("voices:send", kwargs={"lang": lang, "network": network.slug})


def status_url(network, token, lang="de"):
    return reverse(
        "voices:status", kwargs={"lang": lang, "network": network.slug, "voice_token": token}
    )


def detail_url(network, voice, name="detail"):
    kwargs = {"lang": "en", "network": network.slug, "voice_id": voice.pk}
    return reverse(f"voices:{name}", kwargs=kwargs)


def send(client, network, lang="de", remote="127.0.0.1", **data):
    data = {
        "topic": topic_of(network).pk,
        "text": "Wir brauchen mehr Deutschkurse am Abend.",
        "consent": "on",
        **data,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(send_url(network, lang), data, REMOTE_ADDR=remote)


def test_a_voice_goes_from_the_arabic_form_to_a_group_and_back_with_an_answer(
    client, network, coordinator, mailbox, run_tasks, clock
):
    # The sender writes in Arabic and leaves an address.
    form = client.get(send_url(network, "ar"))
    assert 'dir="rtl"' in form.text
    response = send(client, network, "ar", text=ARABIC, contact_email="sender@example.org")
    assert response.status_code == 302
    voice = Voice.objects.get()
    assert (voice.language, voice.status, voice.text) == ("ar", "new", ARABIC)
    assert voice.consent_text and voice.contact_email == "sender@example.org"
    run_tasks()
    (received,) = mailbox.to("sender@example.org")
    # A non-ASCII subject is folded after "Subject:"; mail programs drop the fold's space.
    assert received["Subject"].strip() == translated("Your message to %(network)s", "ar") % {
        "network": "\u2068Netzwerk Musterstadt\u2069"
    }
    token = STATUS_LINK.search(SmtpSink.body(received))[1]
    assert response["Location"] == status_url(network, token, "ar")
    assert "/ar/musterstadt/voice/" in SmtpSink.body(received)
    assert token not in str(Voice.objects.values_list().get())  # only its hash is kept
    page = client.get(status_url(network, token, "ar")).text
    assert ARABIC in page
    assert translated("We have your message. Nobody has answered yet.", "ar") in page

    # The coordinator passes it on; the group's lead is told in their language.
    group = WorkingGroupFactory(network=network, name="AG Sprache")
    lead = lead_user(group, email="lead@example.org", preferred_language="tr")
    with TestCase.captureOnCommitCallbacks(execute=True):
        voice_route(voice=voice, group=group, actor=coordinator)
    run_tasks()
    (routed,) = mailbox.to("lead@example.org")
    assert routed["Subject"] == translated("A voice for %(group)s", "tr") % {
        "group": "\u2068AG Sprache\u2069"
    }
    assert f"/tr/musterstadt/manage/voices/{voice.pk}/" in SmtpSink.body(routed)
    page = client.get(status_url(network, token, "ar")).text
    assert (
        translated("We passed your message on to a working group. They will read it.", "ar") in page
    )

    # The lead reads and answers it from the workspace.
    client.force_login(lead)
    assert ARABIC in client.get(detail_url(network, voice)).text
    with TestCase.captureOnCommitCallbacks(execute=True):
        answered = client.post(detail_url(network, voice, "answer"), {"text": "شكرا! سنرى."})
    assert answered.status_code == 302
    run_tasks()
    voice.refresh_from_db()
    assert voice.status == "answered" and voice.first_answered_at is not None
    client.logout()
    page = client.get(status_url(network, token, "ar")).text
    assert "شكرا! سنرى." in page
    assert translated("We have answered. You find the answer below.", "ar") in page
    mails = mailbox.to("sender@example.org")
    assert len(mails) == 2
    assert "شكرا! سنرى." in SmtpSink.body(mails[1])


def test_a_voice_without_an_address_mails_nobody_and_shows_the_link_to_keep(
    client, network, mailbox, run_tasks
):
    response = send(client, network)
    run_tasks()
    assert mailbox.messages == []
    page = client.get(response["Location"]).text
    assert translated("Keep this link", "de") in page
    assert response["Location"] in page


def test_a_bot_filling_the_honeypot_gets_no_success(client, network):
    response = send(client, network, homepage="https://spam.example")
    assert response.status_code == 200
    assert translated("This form could not be sent. Please try again.", "de") in response.text
    assert not Voice.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, network):
    page = client.get(send_url(network)).text
    trap = page.split('class="spam-trap"', 1)[1].split("</div>", 1)[0]
    assert 'aria-hidden="true"' in trap and 'tabindex="-1"' in trap


def test_too_many_voices_from_one_address_get_429_until_the_hour_is_over(client, network, clock):
    clock.move_to("2030-05-06T10:00")
    for _ in range(10):
        assert send(client, network).status_code == 302
    refused = send(client, network, "uk")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert translated("Too many attempts", "uk") in refused.text
    assert 'lang="uk"' in refused.text
    assert Voice.objects.count() == 10
    # Another address is counted on its own.
    assert send(client, network, remote="203.0.113.9").status_code == 302
    clock.shift(hours=1)
    assert send(client, network).status_code == 302


def test_the_rate_limit_stores_no_address(client, network, clock):
    from knotenpunkt.core.models import RateCount

    send(client, network)
    (row,) = RateCount.objects.values_list("client", flat=True)
    assert "127.0.0.1" not in row and len(row) == 32


def test_a_voice_without_consent_is_refused_with_a_clear_message(client, network):
    response = send(client, network, consent="")
    assert response.status_code == 200
    message = "Please agree that we may use your message. Without it we cannot take it."
    assert translated(message, "de") in response.text
    assert not Voice.objects.exists()


def test_an_oversized_text_is_refused_at_its_field(client, network):
    response = send(client, network, text="x" * 5001)
    assert response.status_code == 200
    assert 'id="id_text_error"' in response.text
    assert "5000" in response.text
    assert not Voice.objects.exists()


def test_a_phone_number_longer_than_its_column_is_refused_by_the_service(network):
    from knotenpunkt.core.errors import DomainError

    from ..services import voice_submit

    with pytest.raises(DomainError) as refused:
        voice_submit(
            network=network,
            topic=topic_of(network),
            text="Text",
            language="de",
            consent=True,
            contact_phone="1" * 41,
        )
    assert refused.value.errors[0][0] == "contact_phone"
    assert {"40", "41"} <= set(re.findall(r"[0-9]+", str(refused.value.errors[0][1])))
    assert not Voice.objects.exists()


def test_a_bad_phone_number_is_refused(client, network):
    response = send(client, network, contact_phone="call me maybe")
    assert 'id="id_contact_phone_error"' in response.text
    assert not Voice.objects.exists()


MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_markup_never_executes_on_any_page_and_reads_as_written_in_mail(
    client, network, coordinator, mailbox, run_tasks
):
    voice, token = voice_make(network, text=MARKUP, contact_email="s@example.org")
    with TestCase.captureOnCommitCallbacks(execute=True):
        voice_answer(voice=voice, text=MARKUP, actor=coordinator)
    run_tasks()
    pages = [client.get(status_url(network, token)).text]
    client.force_login(coordinator)
    pages += [client.get(detail_url(network, voice)).text]
    pages += [client.get(f"/en/{network.slug}/manage/voices/").text]
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page
    assert MARKUP in SmtpSink.body(mailbox.to("s@example.org")[-1])  # plain text, as written


def test_an_unknown_or_guessed_token_is_a_plain_404(client, network):
    voice_make(network)
    for token in ["A" * 43, "x", "a" * 100]:
        response = client.get(status_url(network, token))
        assert response.status_code == 404
        assert "Wir brauchen" not in response.text
    assert client.get(f"/de/{network.slug}/voice/{'a' * 101}/").status_code == 404


def test_another_networks_token_is_a_404_here(client, network, other_network):
    from django_scopes import scope

    with scope(network=other_network):
        _voice, token = voice_make(other_network)
    assert client.get(status_url(other_network, token)).status_code == 200
    assert client.get(status_url(network, token)).status_code == 404


def test_a_lead_reads_only_the_voices_routed_to_their_group(client, network, coordinator):
    group, other = WorkingGroupFactory(network=network), WorkingGroupFactory(network=network)
    lead = lead_user(group)
    mine, _token = voice_make(network, text="Für unsere AG")
    theirs, _token = voice_make(network, text="Für die andere AG")
    unrouted, _token = voice_make(network, text="Noch nicht weitergegeben")
    voice_route(voice=mine, group=group, actor=coordinator)
    voice_route(voice=theirs, group=other, actor=coordinator)
    client.force_login(lead)
    listing = client.get(f"/en/{network.slug}/manage/voices/").text
    assert "Für unsere AG" in listing
    assert "Für die andere AG" not in listing and "Noch nicht" not in listing
    assert client.get(detail_url(network, mine)).status_code == 200
    assert client.get(detail_url(network, theirs)).status_code == 403
    assert client.get(detail_url(network, unrouted)).status_code == 403
    # Routing and closing stay the coordinator's.
    assert client.post(detail_url(network, mine, "close")).status_code == 403
    page = client.get(detail_url(network, mine)).text
    assert "erase-contact" not in page and "/close/" not in page


def test_the_coordinator_closes_and_erases_a_contact(coordinator_client, network):
    voice, token = voice_make(network, contact_email="weg@example.org")
    coordinator_client.post(detail_url(network, voice, "contact_erase"))
    coordinator_client.post(detail_url(network, voice, "close"))
    voice.refresh_from_db()
    assert voice.contact_email == "" and voice.contact_erased_at is not None
    assert voice.status == "closed"
    page = coordinator_client.get(status_url(network, token)).text
    assert translated("We have closed this message. Thank you for writing to us.", "de") in page


def test_the_list_filters_and_counts(coordinator_client, network):
    voice_make(network, language="ar", text="Arabisch")
    voice_make(network, language="fa", text="Persisch", topic=topic_of(network, "health"))
    page = coordinator_client.get(f"/en/{network.slug}/manage/voices/?language=fa").text
    assert "Persisch" in page and "Arabisch" not in page
    health = topic_of(network, "health").pk
    page = coordinator_client.get(f"/en/{network.slug}/manage/voices/?topic={health}").text
    assert "Persisch" in page and "Arabisch" not in page
    page = coordinator_client.get(f"/en/{network.slug}/manage/voices/?status=closed").text
    assert "0 voices found." in page


def test_the_list_asks_a_constant_number_of_queries(
    coordinator_client, network, django_assert_max_num_queries
):
    url = f"/en/{network.slug}/manage/voices/"
    voice_make(network)
    coordinator_client.get(url)
    for _ in range(15):
        voice_make(network)
    with django_assert_max_num_queries(20):
        assert coordinator_client.get(url).status_code == 200


def test_the_figures_of_a_year(network, coordinator, clock):
    clock.move_to("2030-03-01T10:00")
    first, _t = voice_make(network, language="ar")
    second, _t = voice_make(network, language="de", topic=topic_of(network, "health"))
    voice_make(network, language="ar")
    clock.shift(days=2)
    voice_answer(voice=first, text="Antwort", actor=coordinator)
    clock.shift(days=2)
    voice_answer(voice=second, text="Antwort", actor=coordinator)
    voice_answer(voice=second, text="Noch eine", actor=coordinator)
    figures = voice_figures(network, 2030)
    assert figures["received"] == 3 and figures["answered"] == 2
    assert figures["by_language"] == {"ar": 2, "de": 1}
    assert sum(figures["by_topic"].values()) == 3
    assert figures["median_days_to_first_answer"] == 3.0
    assert voice_figures(network, 2029)["received"] == 0


def test_the_home_page_invites_to_give_input(client, network):
    page = client.get(f"/de/{network.slug}/").text
    assert f'href="/de/{network.slug}/voice/"' in page


def test_new_voices_wait_on_the_coordinators_workspace(coordinator_client, network):
    voice_make(network)
    page = coordinator_client.get(f"/en/{network.slug}/workspace/").text
    assert "1 new voice waits to be read" in page
    assert f"/en/{network.slug}/manage/voices/?status=new" in page


def test_an_outsider_gets_no_voice(client, network):
    voice, _token = voice_make(network)
    client.force_login(UserFactory())
    assert client.get(detail_url(network, voice)).status_code == 403


def test_every_step_is_in_the_audit_trail_under_a_label_of_no_language(network, coordinator):
    from knotenpunkt.core.models import AuditEntry

    group = WorkingGroupFactory(network=network)
    voice, _token = voice_make(network, language="ar", contact_email="a@example.org")
    voice_route(voice=voice, group=group, actor=coordinator)
    voice_answer(voice=voice, text="Antwort", actor=coordinator)
    from ..services import voice_close, voice_contact_erase

    voice_contact_erase(voice=voice, actor=coordinator)
    voice_close(voice=voice, actor=coordinator)
    entries = AuditEntry.objects.filter(target_type="voices.voice", target_id=str(voice.pk))
    assert sorted(entries.values_list("action", flat=True)) == sorted(
        ["voice.receive", "voice.route", "voice.answer", "voice.contact_erase", "voice.close"]
    )
    assert set(entries.values_list("target_label", flat=True)) == {f"#{voice.pk}"}
    assert entries.get(action="voice.receive").actor is None
    assert "a@example.org" not in str(list(entries.values_list("changes", "summary")))


def test_the_own_data_export_holds_the_voices_sent_with_ones_address(network):
    from knotenpunkt.core import personal_data

    user = UserFactory(email="Sender@Example.org")
    voice_make(network, text="Meine Stimme", contact_email="sender@example.org")
    voice_make(network, text="Fremde Stimme", contact_email="other@example.org")
    exported = personal_data.export_for(user)["voices_sent"]
    assert [row["text"] for row in exported] == ["Meine Stimme"]


def test_a_lead_cannot_answer_a_voice_of_another_group_through_the_service(network, coordinator):
    from django.core.exceptions import PermissionDenied

    group, other = WorkingGroupFactory(network=network), WorkingGroupFactory(network=network)
    lead = lead_user(group)
    voice, _token = voice_make(network)
    voice_route(voice=voice, group=other, actor=coordinator)
    with pytest.raises(PermissionDenied):
        voice_answer(voice=voice, text="Nicht meine", actor=lead)
    with pytest.raises(PermissionDenied):
        voice_route(voice=voice, group=group, actor=lead)


def test_the_form_is_in_the_sitemap_and_no_status_page_is(client, network):
    _voice, token = voice_make(network)
    sitemap = client.get("/sitemap.xml").text
    assert f"/de/{network.slug}/voice/" in sitemap
    assert token not in sitemap
