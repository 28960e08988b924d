"""Password reset by mail (through the task worker) and password change."""

import pytest
from django.conf import settings

from knotenpunkt.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Kastanienallee-1987"


@pytest.fixture
def user():
    return UserFactory(email="anna@example.org")


def request_reset(client, email, capture):
    with capture(execute=True):
        return client.post("/accounts/password-reset/", {"email": email})


def can_log_in(client, email, password) -> bool:
    response = client.post("/accounts/login/", {"username": email, "password": password})
    client.logout()
    return response.status_code == 302


def test_the_reset_mail_arrives_and_its_link_sets_a_new_password(
    client, user, mailbox, run_tasks, link_path, django_capture_on_commit_callbacks
):
    response = request_reset(client, "Anna@Example.org", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert run_tasks() == 1
    [mail] = mailbox.to(user.email)
    link = link_path(mailbox.body(mail), "/accounts/password-reset/")

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert 'name="new_password1"' in form_page.text
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == "/accounts/password-reset/complete/"

    assert can_log_in(client, user.email, NEW_PASSWORD)
    assert not can_log_in(client, user.email, "correct horse battery")
    # The link works once.
    again = client.get(link, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "This link does not work any more" in again.text


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    client, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    response = request_reset(client, "nobody@example.org", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert run_tasks() == 0
    assert mailbox.messages == []


def test_a_weak_new_password_is_refused_at_its_field(
    client, user, mailbox, run_tasks, link_path, django_capture_on_commit_callbacks
):
    request_reset(client, user.email, django_capture_on_commit_callbacks)
    run_tasks()
    link = link_path(mailbox.body(mailbox.to(user.email)[0]), "/accounts/password-reset/")
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(
        set_password_url,
        {"new_password1": "12345678", "new_password2": "12345678"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "This password is too short." in response.text
    assert 'href="#id_new_password2"' in response.text  # the error summary names the field


def test_setting_a_new_password_lifts_a_login_lockout(
    client, user, mailbox, run_tasks, link_path, django_capture_on_commit_callbacks
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": user.email, "password": "wrong"})
    assert not can_log_in(client, user.email, "correct horse battery")

    request_reset(client, user.email, django_capture_on_commit_callbacks)
    run_tasks()
    link = link_path(mailbox.body(mailbox.to(user.email)[0]), "/accounts/password-reset/")
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert can_log_in(client, user.email, NEW_PASSWORD)


def test_a_logged_in_user_changes_their_password(client, user):
    client.force_login(user)
    assert client.get("/accounts/password-change/").status_code == 200
    wrong_old = client.post(
        "/accounts/password-change/",
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "Your old password was entered incorrectly" in wrong_old.text
    response = client.post(
        "/accounts/password-change/",
        {
            "old_password": "correct horse battery",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response["Location"] == "/accounts/password-change/done/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert user.password.startswith("argon2")


def test_password_change_needs_a_login(client):
    response = client.get("/accounts/password-change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
