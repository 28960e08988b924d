"""Login by e-mail, throttling of failed logins (django-axes) and logout."""

import pytest
from django.conf import settings

from knotenpunkt.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PASSWORD = "correct horse battery"


@pytest.fixture
def user():
    return UserFactory(email="anna@example.org", preferred_language="en")


def attempt(client, email, password):
    return client.post(LOGIN, {"username": email, "password": password}, HTTP_ACCEPT_LANGUAGE="en")


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_login_page_is_a_full_page_with_the_email_field(client):
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert 'class="skip-link"' in response.text
    assert "E-mail address" in response.text
    assert 'href="/accounts/password-reset/"' in response.text


def test_login_with_the_email_in_any_case_goes_to_the_account(client, user):
    response = attempt(client, "  Anna@Example.ORG ", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/"
    assert logged_in(client)
    # Account pages follow the preferred language from now on.
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_login_goes_back_to_the_page_that_asked_for_it(client, user, network):
    response = client.post(
        LOGIN, {"username": user.email, "password": PASSWORD, "next": "/de/musterstadt/"}
    )
    assert response["Location"] == "/de/musterstadt/"


def test_a_wrong_password_is_refused_without_saying_which_field_is_wrong(client, user):
    response = attempt(client, user.email, "wrong password")
    assert response.status_code == 200
    assert "The e-mail address or the password is not correct." in response.text
    assert not logged_in(client)


def test_an_address_longer_than_any_account_is_a_wrong_login_not_an_error(client, user):
    # django-axes records failures by address in a shorter column (PostgreSQL refused the row).
    response = attempt(client, "a" * 2000 + "@example.org", "wrong password")
    assert response.status_code == 200
    assert "The e-mail address or the password is not correct." in response.text
    assert not logged_in(client)


def test_five_failures_lock_the_account_even_for_the_right_password(client, user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, user.email, "wrong password").status_code == 200
    locked = attempt(client, user.email, "wrong password")
    assert locked.status_code == 429
    assert "Too many failed attempts" in locked.text
    assert "Please try again in 15 minutes." in locked.text
    assert 'class="skip-link"' in locked.text  # the lockout page is a normal page

    right = attempt(client, user.email, PASSWORD)
    assert right.status_code == 429
    assert not logged_in(client)


def test_spelling_the_address_differently_does_not_buy_more_attempts(client, user):
    for spelling in [
        "anna@example.org",
        "ANNA@example.org",
        "Anna@Example.org",
        "anna@EXAMPLE.org",
    ]:
        attempt(client, spelling, "wrong password")
    assert attempt(client, "aNNa@example.org", "wrong password").status_code == 429


def test_a_success_before_the_limit_resets_the_count(client, user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, user.email, "wrong password")
    assert attempt(client, user.email, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, user.email, "wrong password").status_code == 200
    assert attempt(client, user.email, PASSWORD).status_code == 302
    assert logged_in(client)


def test_a_lockout_concerns_only_that_account(client, user):
    other = UserFactory(email="ben@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, user.email, "wrong password")
    assert attempt(client, other.email, PASSWORD).status_code == 302


def test_logout_needs_a_post_and_ends_the_session(client, user):
    client.force_login(user)
    assert client.get("/accounts/logout/").status_code == 405
    assert logged_in(client)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not logged_in(client)
