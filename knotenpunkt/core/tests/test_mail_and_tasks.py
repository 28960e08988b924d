import pytest

from knotenpunkt.core.mail import mail_send_later

pytestmark = pytest.mark.django_db


def test_mail_is_sent_by_the_worker_after_commit_over_smtp(
    mailbox, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail_send_later(
            to="ayse@example.org",
            template="core/mail/test",
            context={"name": "Ayşe"},
            language="tr",
        )
    assert mailbox.messages == []  # nothing leaves before the worker runs
    run_tasks()
    [message] = mailbox.to("ayse@example.org")
    assert "Ayşe" in mailbox.body(message)


def test_no_mail_when_the_transaction_rolls_back(
    mailbox, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        mail_send_later(to="x@example.org", template="core/mail/test", context={}, language="de")
    # Callbacks that never run (rollback) enqueue nothing.
    assert len(callbacks) == 1
    run_tasks()
    assert mailbox.messages == []
