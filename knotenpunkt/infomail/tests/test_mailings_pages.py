"""The coordinator's pages for an issue, from writing it to the archive, through real SMTP."""

import datetime
import html
import re

import pytest
from django_scopes import scope

from knotenpunkt.core.testing import translated
from knotenpunkt.core.urls_helpers import network_reverse

from ..models import Delivery, Mailing
from .factories import delivery_make, mailing_make, subscriber_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_sending(settings):
    settings.KNOTENPUNKT_MAIL_RATE = 1000


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def arabic(network):
    """The network offers Arabic and English next to German (English: the pages' words are
    the msgids)."""
    network.enabled_languages = ["en", "ar"]
    network.save()
    return network


def url(network, name, lang="en", **kwargs) -> str:
    """In English where the network offers it (else its default language): compare a page's
    words through `translated` with the page's Content-Language."""
    return network_reverse(network, f"infomail:{name}", lang=lang, **kwargs)


def srcdoc(response) -> str:
    """The document shown in the page's frame, as the browser reads it."""
    found = re.search(r'<iframe[^>]*\ssrcdoc="([^"]*)"', response.text)
    assert found, "no frame with a srcdoc"
    return html.unescape(found.group(1))


def pre(response) -> str:
    found = re.search(r"<pre[^>]*>(.*?)</pre>", response.text, re.DOTALL)
    assert found, "no plain text"
    return html.unescape(found.group(1))


FORM = {
    "blocks": ["events"],
    "subject_de": "Infobrief Januar",
    "intro_de": "Liebe Leserinnen,\n\nes gibt **Neues** aus dem Netzwerk.",
    "subject_ar": "النشرة الإخبارية لشهر يناير",
    "intro_ar": "أهلا وسهلا",
}


def test_write_preview_test_schedule_send_and_find_it_in_the_archive(
    coordinator_client, coordinator, arabic, mailbox, run_tasks, clock, on_commit
):
    network = arabic
    subscriber_make(network, "leserin@example.org", language="de")
    subscriber_make(network, "qari@example.org", language="ar")
    subscriber_make(network, "weg@example.org", status="unsubscribed")

    response = coordinator_client.post(url(network, "mailing_create"), FORM)
    mailing = Mailing.objects.get()
    assert response.status_code == 302
    assert response.url == url(network, "mailing", mailing_id=mailing.pk)

    preview = coordinator_client.get(url(network, "mailing_preview", mailing_id=mailing.pk))
    assert preview.status_code == 200
    for part in (srcdoc(preview), pre(preview)):
        assert "Infobrief Januar" in part
        assert "Neues" in part
        # The personal links lead to the sign-up page, as in a test send; no raw marks show.
        assert "__knotenpunkt_" not in part
        assert f"/{network.slug}/mail/subscribe/" in part
    assert "<strong" in srcdoc(preview)
    assert 'sandbox=""' in preview.text
    arabic_preview = coordinator_client.get(
        url(network, "mailing_preview", mailing_id=mailing.pk) + "?language=ar"
    )
    assert "أهلا وسهلا" in srcdoc(arabic_preview)
    assert 'dir="rtl"' in srcdoc(arabic_preview)
    assert "أهلا وسهلا" in pre(arabic_preview)

    with on_commit(execute=True):
        coordinator_client.post(
            url(network, "mailing_test", mailing_id=mailing.pk), {"language": "de"}
        )
    run_tasks()
    [test_mail] = mailbox.to(coordinator.email)
    assert test_mail["Subject"] == "Infobrief Januar"
    assert not mailbox.to("leserin@example.org")

    moment = clock.local() + datetime.timedelta(days=2)
    coordinator_client.post(
        url(network, "mailing_schedule", mailing_id=mailing.pk),
        {"at": moment.strftime("%Y-%m-%dT%H:%M")},
    )
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SCHEDULED
    assert mailing.scheduled_for == moment.replace(second=0, microsecond=0)
    detail = coordinator_client.get(url(network, "mailing", mailing_id=mailing.pk))
    assert translated("Withdraw the schedule", detail.headers["Content-Language"]) in detail.text

    confirm = coordinator_client.get(url(network, "mailing_send", mailing_id=mailing.pk))
    assert confirm.status_code == 200
    assert "goes to 2 subscribers" in confirm.text
    assert Mailing.objects.get().status == Mailing.Status.SCHEDULED  # a GET sends nothing
    with on_commit(execute=True):
        coordinator_client.post(url(network, "mailing_send", mailing_id=mailing.pk))
    sending = coordinator_client.get(url(network, "mailing", mailing_id=mailing.pk))
    assert 'hx-trigger="every 2s"' in sending.text
    assert "htmx" in sending.text  # the script is on the page only while it polls

    run_tasks()
    assert [m["Subject"] for m in mailbox.to("leserin@example.org")] == ["Infobrief Januar"]
    assert [m["Subject"].strip() for m in mailbox.to("qari@example.org")] == [
        "النشرة الإخبارية لشهر يناير"
    ]
    assert not mailbox.to("weg@example.org")
    progress = coordinator_client.get(url(network, "mailing_progress", mailing_id=mailing.pk))
    assert "hx-trigger" not in progress.text
    assert re.search(r"Finished: 2 of 2 deliveries done", progress.text)
    assert re.search(r"sent: 2", progress.text)

    archive = coordinator_client.get(url(network, "archive"))
    assert "Infobrief Januar" in archive.text
    issue = coordinator_client.get(url(network, "archive_issue", mailing_id=mailing.pk))
    assert "Neues" in srcdoc(issue)


def test_the_progress_polls_only_while_sending(coordinator_client, network):
    mailing = mailing_make(network, status=Mailing.Status.SENDING)
    for number, state in enumerate(["sent", "sent", "queued"]):
        delivery_make(mailing, subscriber_make(network, f"r{number}@example.org"), state=state)
    fragment = coordinator_client.get(url(network, "mailing_progress", mailing_id=mailing.pk))
    assert 'hx-trigger="every 2s"' in fragment.text
    assert 'hx-get="' + url(network, "mailing_progress", mailing_id=mailing.pk) in fragment.text
    assert '<progress max="3" value="2"' in fragment.text

    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.SENT)
    fragment = coordinator_client.get(url(network, "mailing_progress", mailing_id=mailing.pk))
    assert "hx-" not in fragment.text
    page = coordinator_client.get(url(network, "mailing", mailing_id=mailing.pk))
    assert "hx-trigger" not in page.text
    # The last poll of a page that was still sending shows the outcome without a reload: the
    # header (now with the archive link) and the deliveries needing attention come out of band.
    delivery_make(
        mailing, subscriber_make(network, "weg@example.org"), state="failed", last_error="550"
    )
    polled = coordinator_client.get(
        url(network, "mailing_progress", mailing_id=mailing.pk), headers={"HX-Request": "true"}
    )
    assert "HX-Refresh" not in polled.headers
    assert "hx-trigger" not in polled.text
    assert '<div class="page-header" id="mailing-header" hx-swap-oob="true">' in polled.text
    assert url(network, "archive_issue", mailing_id=mailing.pk) in polled.text
    assert '<div id="mailing-attention-region" hx-swap-oob="true">' in polled.text
    assert "weg@example.org" in polled.text


def test_failed_and_unknown_deliveries_are_listed_with_their_error(coordinator_client, network):
    mailing = mailing_make(network, status=Mailing.Status.SENT)
    delivery_make(mailing, subscriber_make(network, "gut@example.org"), state="sent")
    delivery_make(
        mailing,
        subscriber_make(network, "weg@example.org"),
        state="failed",
        last_error="550 5.1.1 mailbox unavailable",
    )
    delivery_make(mailing, subscriber_make(network, "vielleicht@example.org"), state="unknown")
    page = coordinator_client.get(url(network, "mailing", mailing_id=mailing.pk))
    assert "weg@example.org" in page.text
    assert "550 5.1.1 mailbox unavailable" in page.text
    assert "vielleicht@example.org" in page.text
    assert "may or may not have arrived" in page.text
    assert "gut@example.org" not in page.text


def test_the_issue_page_makes_as_many_queries_for_many_failures_as_for_few(
    coordinator_client, network, django_assert_max_num_queries
):
    mailing = mailing_make(network, status=Mailing.Status.SENT)

    def failures(first, last):
        for number in range(first, last):
            subscriber = subscriber_make(network, f"f{number}@example.org")
            delivery_make(mailing, subscriber, state="failed", last_error="550 no such user")

    failures(0, 2)
    page = url(network, "mailing", mailing_id=mailing.pk)
    coordinator_client.get(page)
    with django_assert_max_num_queries(100) as few:
        coordinator_client.get(page)
    failures(2, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(page)
    assert response.text.count("550 no such user") == 20


def test_a_draft_is_changed_on_its_edit_page(coordinator_client, arabic):
    mailing = mailing_make(arabic, subject="Alt")
    edit = url(arabic, "mailing_edit", mailing_id=mailing.pk)
    assert 'value="Alt"' in coordinator_client.get(edit).text
    response = coordinator_client.post(edit, {**FORM, "subject_ar": "", "intro_ar": ""})
    assert response.status_code == 302
    assert [(v.language, v.subject) for v in mailing.versions.all()] == [("de", "Infobrief Januar")]


def test_the_form_shows_the_services_refusals(coordinator_client, network):
    response = coordinator_client.post(url(network, "mailing_create"), {"intro_de": "Hallo"})
    assert response.status_code == 200
    assert "A version with an introduction needs a subject." in response.text
    assert not Mailing.objects.exists()


def test_a_sent_issue_cannot_be_edited_nor_deleted(coordinator_client, network):
    mailing = mailing_make(network, subject="Verschickt", status=Mailing.Status.SENT)
    response = coordinator_client.post(
        url(network, "mailing_edit", mailing_id=mailing.pk), {"subject_de": "Neu"}
    )
    assert response.status_code == 302
    response = coordinator_client.post(url(network, "mailing_delete", mailing_id=mailing.pk))
    assert response.status_code == 200
    assert "has been sent and can no longer be changed" in response.text
    assert mailing.versions.get().subject == "Verschickt"


def test_a_draft_is_deleted_after_a_confirmation(coordinator_client, network):
    mailing = mailing_make(network)
    page = url(network, "mailing_delete", mailing_id=mailing.pk)
    assert coordinator_client.get(page).status_code == 200
    assert Mailing.objects.exists()
    assert coordinator_client.post(page).url == url(network, "mailings")
    assert not Mailing.objects.exists()


def test_a_moment_in_the_past_is_not_scheduled(coordinator_client, network, clock):
    mailing = mailing_make(network)
    past = clock.local() - datetime.timedelta(hours=1)
    response = coordinator_client.post(
        url(network, "mailing_schedule", mailing_id=mailing.pk),
        {"at": past.strftime("%Y-%m-%dT%H:%M")},
        follow=True,
    )
    assert "Choose a moment in the future." in response.text
    assert Mailing.objects.get().status == Mailing.Status.DRAFT
    response = coordinator_client.post(
        url(network, "mailing_schedule", mailing_id=mailing.pk), {"at": ""}, follow=True
    )
    assert "Send at: This field is required." in response.text
    assert Mailing.objects.get().status == Mailing.Status.DRAFT


def test_the_coordinator_finds_the_info_mail_in_the_menu(coordinator_client, network):
    response = coordinator_client.get(url(network, "mailings"))
    assert f'href="{url(network, "mailings")}"' in response.text


def test_the_list_makes_as_many_queries_for_many_issues_as_for_few(
    coordinator_client, network, django_assert_max_num_queries
):
    def issues(first, last):
        for number in range(first, last):
            mailing = mailing_make(network, subject=f"Ausgabe {number}", versions={"tr": "Sayı"})
            delivery_make(mailing, subscriber_make(network, f"l{number}@example.org"))

    issues(0, 2)
    page = url(network, "mailings")
    coordinator_client.get(page)
    with django_assert_max_num_queries(100) as few:
        coordinator_client.get(page)
    issues(2, 17)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(page)
    assert response.text.count("Ausgabe ") == 17


# The public archive ----------------------------------------------------------------------


def sent(network, subject="Infobrief März", **values):
    mailing = mailing_make(
        network,
        subject=subject,
        status=Mailing.Status.SENT,
        sent_at=datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC),
        **values,
    )
    for version in mailing.versions.all():
        version.sent_text = f"Text: {version.subject}"
        version.sent_html = f'<html lang="{version.language}"><p>{version.subject}</p></html>'
        version.save()
    return mailing


def test_the_archive_lists_only_sent_issues_with_their_date(client, network):
    sent(network)
    mailing_make(network, subject="Entwurf")
    mailing_make(network, subject="Geplant", status=Mailing.Status.SCHEDULED)
    mailing_make(network, subject="Unterwegs", status=Mailing.Status.SENDING)
    response = client.get(url(network, "archive"))
    assert response.status_code == 200
    assert "Infobrief März" in response.text
    assert "March 2, 2026" in response.text
    for hidden in ("Entwurf", "Geplant", "Unterwegs"):
        assert hidden not in response.text


def test_the_archive_speaks_the_readers_language_and_offers_the_others(client, arabic):
    mailing = sent(arabic, versions={"ar": "النشرة"})
    listing = client.get(url(arabic, "archive", lang="ar"))
    assert '<html lang="ar" dir="rtl"' in listing.text
    assert "النشرة" in listing.text
    issue = client.get(url(arabic, "archive_issue", lang="ar", mailing_id=mailing.pk))
    assert '<html lang="ar" dir="rtl"' in issue.text
    assert "<p>النشرة</p>" in srcdoc(issue)
    assert "?language=de" in issue.text
    german = client.get(
        url(arabic, "archive_issue", lang="ar", mailing_id=mailing.pk) + "?language=de"
    )
    assert "<p>Infobrief März</p>" in srcdoc(german)


def test_a_reader_without_a_version_in_their_language_gets_the_networks(client, network):
    mailing = sent(network)
    issue = client.get(url(network, "archive_issue", lang="tr", mailing_id=mailing.pk))
    assert "<p>Infobrief März</p>" in srcdoc(issue)


def test_the_archived_issue_is_sandboxed_and_has_no_personal_links(client, network):
    from ..compose import UNSUBSCRIBE_MARK

    mailing = sent(network)
    mailing.versions.update(
        sent_html=f'<p><a href="{UNSUBSCRIBE_MARK}">Abmelden</a><script>x()</script></p>'
    )
    issue = client.get(url(network, "archive_issue", mailing_id=mailing.pk))
    assert UNSUBSCRIBE_MARK not in issue.text
    assert "/de/musterstadt/mail/subscribe/" in srcdoc(issue)
    assert re.search(r'<iframe[^>]*sandbox="[^"]*"', issue.text)
    assert "allow-scripts" not in issue.text
    assert "<script>x()" not in issue.text  # only inside the escaped srcdoc


def test_drafts_and_other_networks_issues_are_not_in_the_archive(client, network, other_network):
    draft = mailing_make(network)
    assert client.get(url(network, "archive_issue", mailing_id=draft.pk)).status_code == 404
    with scope(network=other_network):
        foreign = sent(other_network)
    assert client.get(url(network, "archive_issue", mailing_id=foreign.pk)).status_code == 404
    assert client.get(url(network, "archive_issue", mailing_id=10**9)).status_code == 404


def test_the_archive_makes_as_many_queries_for_many_issues_as_for_few(
    client, network, django_assert_max_num_queries
):
    for number in range(2):
        sent(network, subject=f"Ausgabe {number}", versions={"tr": "Sayı"})
    page = url(network, "archive")
    client.get(page)
    with django_assert_max_num_queries(100) as few:
        client.get(page)
    for number in range(2, 17):
        sent(network, subject=f"Ausgabe {number}", versions={"tr": "Sayı"})
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(page)
    assert response.text.count("Ausgabe ") == 17


def test_the_home_page_leads_to_the_archive(client, network):
    response = client.get(network_reverse(network, "core:home"))
    assert url(network, "archive") in response.text


def test_deliveries_of_other_states_are_not_counted_as_needing_attention(network):
    from ..selectors import deliveries_needing_attention

    mailing = mailing_make(network, status=Mailing.Status.SENT)
    for number, state in enumerate(Delivery.State.values):
        delivery_make(mailing, subscriber_make(network, f"s{number}@example.org"), state=state)
    found = [d.state for d in deliveries_needing_attention(mailing=mailing)]
    assert found == ["failed", "unknown"]


def test_an_issue_sent_before_its_text_was_kept_is_rendered_as_of_its_day(client, network):
    mailing = mailing_make(
        network,
        subject="Ganz alt",
        intro="Ein **früher** Gruß",
        status=Mailing.Status.SENT,
        sent_at=datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC),
    )
    issue = client.get(url(network, "archive_issue", mailing_id=mailing.pk))
    assert "<strong" in srcdoc(issue)
    assert "früher" in srcdoc(issue)


def test_the_workspace_shows_the_coordinator_the_next_scheduled_issue(
    client, coordinator_client, city_liaison, network, clock
):
    now = clock.now()
    later = now + datetime.timedelta(days=9)
    mailing_make(network, subject="Später", status="scheduled", scheduled_for=later)
    soon = mailing_make(
        network, subject="Bald", status="scheduled", scheduled_for=now + datetime.timedelta(days=1)
    )
    workspace = network_reverse(network, "members:workspace", lang="en")
    page = coordinator_client.get(workspace)
    assert "Bald" in page.text
    assert url(network, "mailing", mailing_id=soon.pk) in page.text
    assert "Später" not in page.text
    client.force_login(city_liaison)
    assert url(network, "mailing_create") not in client.get(workspace).text
