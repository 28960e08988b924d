"""The coordinator's returned mails and caught mails in a real browser: axe-core, 320 px, RTL."""

import mailbox
from email.message import EmailMessage

import pytest

from .helpers import assert_accessible, assert_no_horizontal_scroll, login

pytestmark = pytest.mark.browser


@pytest.fixture
def bounced(musterstadt, settings, tmp_path):
    """Two demo subscribers with returned mails (one suspended), and a caught mail."""
    from knotenpunkt.infomail.models import Subscriber
    from knotenpunkt.infomail.services_bounces import bounce_record
    from knotenpunkt.infomail.tests.factories import delivery_make, mailing_make

    first, second = Subscriber.objects.filter(status=Subscriber.Status.ACTIVE)[:2]
    delivery = delivery_make(mailing_make(musterstadt), first, state="sent")
    detail = "550 5.1.1 <k.mueller@stadtwerke-example.de>: Recipient address rejected: User unknown"
    bounce_record(kind="hard", delivery_token=delivery.token, detail=detail)
    bounce_record(kind="soft", network=musterstadt, address=second.email, detail="452 4.2.2 Full")
    message = EmailMessage()
    message["From"], message["To"] = "knotenpunkt@localhost", second.email
    message["Subject"] = (
        "Bitte bestätigen Sie Ihr Abonnement – ein sehr langer Betreff, der umbricht"
    )
    message["Date"] = "Mon, 07 Dec 2026 10:00:00 +0100"
    message.set_content("Hallo,\n" + "https://knotenpunkt.example/" + "x" * 120 + "\n")
    box = mailbox.Maildir(tmp_path / "sink", create=True)
    key = box.add(message)
    settings.DEBUG = True
    settings.KNOTENPUNKT_MAIL_SINK_DIR = tmp_path / "sink"
    return key


def test_the_pages_are_accessible_and_reflow(bounced, page):
    login(page, "coordinator@musterstadt.example", "demo")
    for path in (
        "/de/musterstadt/manage/mail/bounces/",
        "/ar/musterstadt/manage/mail/bounces/",
        "/de/musterstadt/manage/mail/bounces/caught/",
        f"/ar/musterstadt/manage/mail/bounces/caught/?mail={bounced}",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page)
        assert_no_horizontal_scroll(page)


def test_the_coordinator_reactivates_a_suspended_address(bounced, page):
    login(page, "coordinator@musterstadt.example", "demo")
    page.goto("/de/musterstadt/manage/mail/bounces/")
    buttons = page.locator("main form button[type=submit]")
    before = buttons.count()
    with page.expect_navigation():
        buttons.first.click()
    assert page.locator(".messages").first.is_visible()
    assert buttons.count() == before - 1
