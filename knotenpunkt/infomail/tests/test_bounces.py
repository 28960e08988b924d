"""Returned mails of several mail servers: parsed, recorded, suspending dead addresses.

The samples in bounces/ are written after the formats real servers send (see its README).
"""

import io
import logging
import mailbox
from pathlib import Path

import pytest
from django.core.management import call_command
from django_scopes import scope

from knotenpunkt.core.models import AuditEntry

from ..bounces import UnreadableBounce, bounce_parse, unsubscribe_token, verp_token
from ..models import Bounce, ConsentEvent, Subscriber
from ..services_bounces import bounce_ingest, bounce_record
from .factories import delivery_make, mailing_make, subscriber_make

SAMPLES = Path(__file__).parent / "bounces"

# sample → (the delivery token in its return path, the address that failed, kind)
HARD = {
    "postfix_rfc3464_hard.eml": ("4f1c9a7e2b6d80c3a5e1", "k.mueller@stadtwerke-example.de"),
    "exim_hard.eml": ("9d03e5b7c1a2f4e6d8b0", "info@verein-beispiel.org"),
    "qmail_hard.eml": ("2c8e0f4a6b1d3e5f7a9c", "buero@kulturhaus-example.net"),
    "exchange_online_hard.eml": ("7b5d3f1e9c0a2b4d6e8f", "s.yilmaz@integrationsrat-example.de"),
    "gmail_hard.eml": ("e1f3a5c7d9b0e2f4a6c8", "leila.ahmadi.alt@gmail.com"),
}
SOFT = ("postfix_mailbox_full_soft.eml", "5a7c9e1b3d5f7a9c1e3b", "a.nowak@nachbarschaft-example.de")
SOFT_TOKENS = ("5a7c9e1b3d5f7a9c1e3b", "5a7c9e1b3d5f7a9c1e3c", "5a7c9e1b3d5f7a9c1e3d")


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def subscriber_with_delivery(network, email, token, mailing=None):
    subscriber = subscriber_make(network, email)
    mailing = mailing or mailing_make(network)
    delivery_make(mailing, subscriber, token=token, state="sent")
    return subscriber


# Parsing -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), HARD.items())
def test_each_server_format_yields_the_failed_address_and_the_token(name, expected):
    token, address = expected
    parsed = bounce_parse(sample(name))
    assert [(f.address, f.kind) for f in parsed.failures] == [(address, Bounce.Kind.HARD)]
    assert parsed.token == token
    assert f"bounces+{token}@lists.knotenpunkt.example" in parsed.recipients


def test_a_full_mailbox_is_a_soft_failure_with_the_servers_words():
    parsed = bounce_parse(sample(SOFT[0]))
    assert [(f.address, f.kind) for f in parsed.failures] == [(SOFT[2], Bounce.Kind.SOFT)]
    assert parsed.detail == "452 4.2.2 Mailbox full"


def test_a_full_mailbox_reported_as_failed_is_soft_still():
    # Gmail answers 552 5.2.2 with "Action: failed": the address exists, its box is full.
    parsed = bounce_parse(sample("gmail_over_quota_soft.eml"))
    assert [(f.address, f.kind) for f in parsed.failures] == [
        ("m.okafor.netz@gmail.com", Bounce.Kind.SOFT)
    ]
    assert parsed.token == "b2d4f6a8c0e1f3a5b7d9"
    assert parsed.detail.startswith("552-5.2.2 The email account that you tried to reach is over")


def test_the_dsn_diagnostic_becomes_the_detail():
    parsed = bounce_parse(sample("exchange_online_hard.eml"))
    assert parsed.detail.startswith("550 5.1.10 RESOLVER.ADR.RecipientNotFound")


def test_the_token_is_found_in_the_returned_headers_when_the_recipient_was_rewritten():
    raw = sample("postfix_rfc3464_hard.eml").replace(
        b"bounces+4f1c9a7e2b6d80c3a5e1@lists.knotenpunkt.example\nReceived",
        b"postmaster@lists.knotenpunkt.example\nReceived",
    )
    raw = raw.replace(b"To: bounces+4f1c9a7e2b6d80c3a5e1@", b"To: postmaster@")
    parsed = bounce_parse(raw)
    assert "bounces+4f1c9a7e2b6d80c3a5e1@lists.knotenpunkt.example" not in parsed.recipients
    assert parsed.token == "4f1c9a7e2b6d80c3a5e1"


def test_the_envelope_recipient_comes_first_among_the_recipients():
    parsed = bounce_parse(
        sample("out_of_office.eml"), envelope_recipient="unsubscribe+abc@lists.knotenpunkt.example"
    )
    assert parsed.recipients[0] == "unsubscribe+abc@lists.knotenpunkt.example"
    assert parsed.failures == ()


def test_unsubscribe_tokens_for_the_mailto_unsubscribe():
    token = "Ab-_0123456789abcdefghijklmnopqrstu"
    assert unsubscribe_token(f"unsubscribe+{token}@lists.knotenpunkt.example") == token
    assert unsubscribe_token(f"<unsubscribe+{token}@x.example>") == token
    assert unsubscribe_token(f"nounsubscribe+{token}@x.example") == ""
    assert unsubscribe_token("bounces+0a1b2c3d4e@x.example") == ""


def test_verp_tokens():
    assert verp_token("<bounces+0A1b2c3d4e@x.example>") == "0a1b2c3d4e"
    assert verp_token("unsubscribe+0a1b2c3d4e@x.example") == ""
    assert verp_token("bounces+not-hex@x.example") == ""


@pytest.mark.parametrize("raw", [b"", b"  \n", sample("malformed_truncated.eml")])
def test_an_unreadable_message_raises_a_known_error(raw):
    with pytest.raises(UnreadableBounce):
        bounce_parse(raw)


# Recording -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), HARD.items())
def test_a_hard_bounce_suspends_at_once(network, clock, name, expected):
    token, address = expected
    subscriber = subscriber_with_delivery(network, address, token)
    outcome = bounce_ingest(sample(name))
    assert outcome.skipped == ""
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUSPENDED
    assert subscriber.suspended_at == clock.now()
    bounce = subscriber.bounces.get()
    assert bounce.kind == Bounce.Kind.HARD and bounce.delivery.token == token
    event = subscriber.consent_events.get()
    assert (event.action, event.method) == (ConsentEvent.Action.SUSPENDED, "bounce")
    assert event.proof["kind"] == "hard" and event.proof["bounce"] == bounce.pk
    entry = AuditEntry.objects.get(action="subscriber.suspend")
    assert entry.actor is None and entry.target_id == str(subscriber.pk)
    assert outcome.summary() == f"recorded: hard bounce of {address} (musterstadt), suspended"


def _soft(network, subscriber, token):
    mailing = mailing_make(network)
    delivery_make(mailing, subscriber, token=token, state="sent")
    return bounce_ingest(sample(SOFT[0]).replace(SOFT[1].encode(), token.encode()))


def test_three_soft_bounces_within_thirty_days_suspend(network, clock):
    clock.move_to("2026-11-01T10:00")
    subscriber = subscriber_make(network, SOFT[2])
    for number, token in enumerate(SOFT_TOKENS, start=1):
        outcome = _soft(network, subscriber, token)
        subscriber.refresh_from_db()
        suspended = number == 3
        assert outcome.recorded[0].suspended is suspended
        assert (subscriber.status == Subscriber.Status.SUSPENDED) is suspended
        clock.shift(days=14)
    assert subscriber.bounces.filter(kind=Bounce.Kind.SOFT).count() == 3
    assert subscriber.consent_events.get().proof["kind"] == "repeated"


def test_three_soft_bounces_over_forty_days_do_not(network, clock):
    clock.move_to("2026-11-01T10:00")
    subscriber = subscriber_make(network, SOFT[2])
    for token in SOFT_TOKENS:
        _soft(network, subscriber, token)
        clock.shift(days=20)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.bounces.count() == 3
    assert not subscriber.consent_events.exists()


def test_soft_bounces_before_a_reactivation_do_not_count(network, clock, coordinator):
    from ..services_bounces import subscriber_reactivate

    clock.move_to("2026-11-01T10:00")
    subscriber = subscriber_make(network, SOFT[2])
    for token in SOFT_TOKENS:
        _soft(network, subscriber, token)
        clock.shift(hours=1)
    subscriber_reactivate(subscriber=subscriber, actor=coordinator)
    clock.shift(days=1)
    outcome = _soft(network, subscriber, "5a7c9e1b3d5f7a9c1e3e")
    assert outcome.recorded[0].suspended is False


def test_a_bounce_for_an_unsubscribed_address_is_kept_without_a_suspension(network):
    token, address = HARD["exim_hard.eml"]
    subscriber = subscriber_with_delivery(network, address, token)
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.save()
    bounce_ingest(sample("exim_hard.eml"))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.bounces.count() == 1
    assert not AuditEntry.objects.filter(action="subscriber.suspend").exists()


@pytest.mark.cross_network("a bounce without a token concerns the address in every network")
def test_without_a_token_the_address_counts_in_every_network_having_it(
    network, other_network, clock
):
    address = "k.mueller@stadtwerke-example.de"
    here = subscriber_make(network, address)
    there = subscriber_make(other_network, address.upper())
    stranger = subscriber_make(other_network, "someone@example.org")
    raw = sample("postfix_rfc3464_hard.eml").replace(b"bounces+4f1c9a7e2b6d80c3a5e1", b"bounces")
    for number in range(1, 4):
        outcome = bounce_ingest(raw)
        assert len(outcome.recorded) == 2
        for subscriber in (here, there, stranger):
            subscriber.refresh_from_db()
        # Anyone can send a report naming an address: one without our token never suspends
        # at once, but three within 30 days do, as soft bounces would.
        expected = Subscriber.Status.SUSPENDED if number == 3 else Subscriber.Status.ACTIVE
        assert here.status == there.status == expected
        clock.shift(days=1)
    assert stranger.status == Subscriber.Status.ACTIVE
    assert here.bounces.filter(kind=Bounce.Kind.HARD).count() == 3
    assert {
        entry.network_id for entry in AuditEntry.objects.filter(action="subscriber.suspend")
    } == {
        network.pk,
        other_network.pk,
    }


@pytest.mark.cross_network("the token is looked up in every network")
def test_a_token_finds_its_delivery_in_another_network(network, other_network):
    token, address = HARD["qmail_hard.eml"]
    subscriber = subscriber_with_delivery(other_network, address, token)
    same_address_here = subscriber_make(network, address)
    bounce_ingest(sample("qmail_hard.eml"))
    subscriber.refresh_from_db()
    same_address_here.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUSPENDED
    assert subscriber.bounces.get().network_id == other_network.pk
    # The token names one delivery: the other network's subscriber is not concerned.
    assert same_address_here.status == Subscriber.Status.ACTIVE


def test_a_given_network_limits_the_lookup(network, other_network):
    token, address = HARD["qmail_hard.eml"]
    with scope(network=other_network):
        subscriber_with_delivery(other_network, address, token)
    assert bounce_record(kind="hard", network=network, delivery_token=token) == []


def test_what_names_nobody_is_skipped_with_the_reason(network):
    assert bounce_ingest(sample("gmail_hard.eml")).skipped == (
        "no delivery with the token e1f3a5c7d9b0e2f4a6c8"
    )
    outcome = bounce_ingest(sample("out_of_office.eml"))
    assert outcome.skipped.startswith("no failed address found")
    raw = sample("exim_hard.eml").replace(b"bounces+9d03e5b7c1a2f4e6d8b0", b"bounces")
    assert bounce_ingest(raw).skipped == "no token, and no subscriber has info@verein-beispiel.org"


def test_an_unreadable_message_is_logged_and_skipped(network, caplog):
    with caplog.at_level(logging.WARNING, logger="knotenpunkt.infomail.services_bounces"):
        outcome = bounce_ingest(sample("malformed_truncated.eml"))
    assert outcome.skipped.startswith("unreadable")
    assert any("Unreadable bounce skipped" in record.message for record in caplog.records)
    assert not Bounce.objects.exists()


# The command ---------------------------------------------------------------------------


def _all_samples_subscribed(network):
    mailing = mailing_make(network)
    subscribers = {
        address: subscriber_with_delivery(network, address, token, mailing)
        for token, address in HARD.values()
    }
    subscribers[SOFT[2]] = subscriber_with_delivery(network, SOFT[2], SOFT[1], mailing)
    subscribers["m.okafor.netz@gmail.com"] = subscriber_with_delivery(
        network, "m.okafor.netz@gmail.com", "b2d4f6a8c0e1f3a5b7d9", mailing
    )
    return subscribers


def _ingest(*args, **options) -> list[str]:
    out = io.StringIO()
    call_command("ingest_bounce", *args, stdout=out, **options)
    return out.getvalue().splitlines()


def test_one_message_from_standard_input(network):
    token, address = HARD["postfix_rfc3464_hard.eml"]
    subscriber = subscriber_with_delivery(network, address, token)
    lines = _ingest(stdin=io.BytesIO(sample("postfix_rfc3464_hard.eml")))
    assert lines == [f"stdin: recorded: hard bounce of {address} (musterstadt), suspended"]
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUSPENDED


def test_a_malformed_message_on_standard_input_does_not_fail_the_pipe(network):
    lines = _ingest(stdin=io.BytesIO(sample("malformed_truncated.eml")))  # raises nothing
    assert len(lines) == 1 and lines[0].startswith("stdin: skipped: unreadable")


def test_every_message_of_a_maildir_and_seen_ones_only_once(network, tmp_path):
    subscribers = _all_samples_subscribed(network)
    box = mailbox.Maildir(tmp_path / "bounces", create=True)
    for path in sorted(SAMPLES.glob("*.eml")):
        box.add(path.read_bytes())
    lines = _ingest(str(tmp_path / "bounces"))
    assert len(lines) == 9
    assert sum("recorded: hard bounce" in line for line in lines) == 5
    assert sum("recorded: soft bounce" in line for line in lines) == 2
    assert sum("skipped: unreadable" in line for line in lines) == 1
    assert sum("skipped: no failed address" in line for line in lines) == 1
    for address, subscriber in subscribers.items():
        subscriber.refresh_from_db()
        soft = address in (SOFT[2], "m.okafor.netz@gmail.com")
        expected = Subscriber.Status.ACTIVE if soft else Subscriber.Status.SUSPENDED
        assert subscriber.status == expected
    assert _ingest(str(tmp_path / "bounces")) == []
    assert Bounce.objects.count() == 7


def test_every_message_of_an_mbox(network, tmp_path):
    _all_samples_subscribed(network)
    box = mailbox.mbox(tmp_path / "bounces.mbox", create=True)
    for path in sorted(SAMPLES.glob("*.eml")):
        box.add(path.read_bytes())
    box.close()
    lines = _ingest(str(tmp_path / "bounces.mbox"))
    assert [line.split(":")[0] for line in lines] == [f"bounces.mbox#{n}" for n in range(1, 10)]
    assert Bounce.objects.filter(kind=Bounce.Kind.HARD).count() == 5
    assert Bounce.objects.filter(kind=Bounce.Kind.SOFT).count() == 2


def test_a_path_that_is_neither_is_an_error(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        _ingest(str(tmp_path / "missing"))


def test_writing_to_the_mailto_of_list_unsubscribe_ends_the_subscription(
    network, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    """A mail client's "unsubscribe" writes to the address in List-Unsubscribe; piped in like
    a bounce, it ends the subscription as the person's own step, once however often it comes."""
    from email.message import EmailMessage
    from email.utils import getaddresses

    from ..services_sending import mailing_send

    subscriber = subscriber_make(network, "leserin@example.org")
    mailing = mailing_make(network, subject="Infobrief")
    with django_capture_on_commit_callbacks(execute=True):
        mailing_send(mailing=mailing, actor=coordinator)
    run_tasks()
    [sent] = mailbox.messages
    mailto = next(
        link[len("<mailto:") : -1]
        for link in str(sent["List-Unsubscribe"]).split(", ")
        if link.startswith("<mailto:")
    )
    request = EmailMessage()
    request["From"] = "leserin@example.org"
    request["To"] = mailto
    request["Subject"] = "unsubscribe"
    raw = request.as_bytes()

    lines = _ingest(stdin=io.BytesIO(raw)) + _ingest(stdin=io.BytesIO(raw))

    assert lines == ["stdin: unsubscribed by mail: leserin@example.org"] * 2
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    [left] = ConsentEvent.objects.filter(subscriber=subscriber, action="left")
    assert left.method == ConsentEvent.Method.MAIL
    assert getaddresses([mailto])[0][1].startswith(f"unsubscribe+{subscriber.token}@")
