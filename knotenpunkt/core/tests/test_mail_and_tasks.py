import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from knotenpunkt.core.mail import mail_send_later
from knotenpunkt.core.testing import TaskFailed, free_port

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


@pytest.fixture
def unreachable_smtp(settings):
    """Mail settings pointing at a port where no server listens: sending fails in the worker."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False


def _queue_a_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail_send_later(to="x@example.org", template="core/mail/test", context={}, language="de")


def test_a_task_that_fails_in_the_worker_fails_the_test(
    unreachable_smtp, run_tasks, django_capture_on_commit_callbacks
):
    _queue_a_mail(django_capture_on_commit_callbacks)
    with pytest.raises(TaskFailed) as failed:
        run_tasks()
    # The report names the task and carries the worker's traceback.
    assert "knotenpunkt.core.tasks.send_mail_task" in str(failed.value)
    assert "ConnectionRefusedError" in str(failed.value)


def test_a_test_about_failure_says_which_task_it_expects_to_fail(
    unreachable_smtp, run_tasks, django_capture_on_commit_callbacks
):
    _queue_a_mail(django_capture_on_commit_callbacks)
    assert run_tasks(expect_failed={"send_mail_task"}) == 1
    [result] = DBTaskResult.objects.all()
    assert result.status == TaskResultStatus.FAILED


def test_an_expected_failure_that_does_not_happen_fails_the_test(
    mailbox, run_tasks, django_capture_on_commit_callbacks
):
    _queue_a_mail(django_capture_on_commit_callbacks)
    with pytest.raises(TaskFailed, match="expected to fail, but did not: send_mail_task"):
        run_tasks(expect_failed={"send_mail_task"})
    assert len(mailbox.messages) == 1
