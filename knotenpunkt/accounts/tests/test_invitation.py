"""Accepting an invitation from its mailed link: new account, existing account, dead links."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django_scopes import scope

from knotenpunkt.accounts.models import Invitation, NetworkRole, Role, User
from knotenpunkt.accounts.services import (
    account_create_from_invitation,
    invitation_create,
)
from knotenpunkt.accounts.tests.factories import UserFactory
from knotenpunkt.core.formatting import format_local_datetime
from knotenpunkt.core.models import Network
from knotenpunkt.core.testing import refused, translated
from knotenpunkt.members.models import Person
from knotenpunkt.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Lindenstrasse-2024"


def invite(network, email="neu@example.org", role=Role.MEMBER_CONTACT, **kwargs):
    return invitation_create(network=network, email=email, role=role, actor=None, **kwargs)


def url(invitation):
    return f"/accounts/invitation/{invitation.token}/"


def signup(client, invitation, **overrides):
    data = {"full_name": "Nora Neu", "password1": PASSWORD, "password2": PASSWORD, **overrides}
    return client.post(url(invitation), data, HTTP_ACCEPT_LANGUAGE="en")


def test_the_whole_flow_from_the_team_page_to_the_workspace(
    client,
    coordinator,
    network,
    mailbox,
    run_tasks,
    link_path,
    django_capture_on_commit_callbacks,
):
    organisation = OrganisationFactory(network=network, name="Kulturverein Brückenschlag e.V.")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/de/musterstadt/manage/team/",
            {
                "email": "nora@example.org",
                "role": "member_contact",
                "organisation": organisation.pk,
                "language": "en",
            },
        )
    client.post("/accounts/logout/")
    run_tasks()
    link = link_path(mailbox.body(mailbox.to("nora@example.org")[0]))

    page = client.get(link)
    assert page.status_code == 200
    assert 'lang="en"' in page.text  # the page speaks the invitation's language
    assert "This invitation is for <bdi>nora@example.org</bdi>, as Member contact." in page.text
    assert "You will speak for <bdi>Kulturverein Brückenschlag e.V.</bdi>" in page.text
    assert 'name="password2"' in page.text

    response = client.post(
        link, {"full_name": "Nora Neu", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/musterstadt/workspace/"
    user = User.objects.get(email="nora@example.org")
    assert user.full_name == "Nora Neu"
    assert user.preferred_language == "en"
    assert NetworkRole.objects.filter(network=network, user=user, role="member_contact").exists()
    workspace = client.get(response["Location"])
    assert workspace.status_code == 200
    assert "Welcome to Netzwerk Musterstadt" in workspace.text
    # The member contact speaks for the organisation they were invited for.
    assert "do not speak for an organisation" not in workspace.text
    assert "Edit the profile of <bdi>Kulturverein Brückenschlag e.V.</bdi>" in workspace.text
    person = Person.objects.get(network=network, user=user)
    assert person.full_name == "Nora Neu"
    assert [p.organisation for p in person.positions.filter(ended_on=None)] == [organisation]
    # Used once; the link now explains itself instead of offering the form again.
    again = client.get(link)
    assert again.status_code == 410
    assert "already been accepted" in again.text


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"full_name": ""}, "full_name", "This field is required."),
        ({"password2": "something else 123"}, "password2", "didn’t match"),
        ({"password1": "kurz", "password2": "kurz"}, "password2", "too short"),
        ({"password1": "password123", "password2": "password123"}, "password2", "too common"),
        (
            {"password1": "neu@example.org", "password2": "neu@example.org"},
            "password2",
            "too similar",
        ),
    ],
)
def test_a_bad_signup_names_the_field_and_creates_nothing(
    client, network, overrides, field, message
):
    invitation = invite(network, language="en")
    response = signup(client, invitation, **overrides)
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert f'href="#id_{field}"' in response.text
    assert not User.objects.filter(email="neu@example.org").exists()


def test_an_existing_account_logs_in_first_then_accepts_with_one_post(client, network):
    user = UserFactory(email="bestand@example.org")
    invitation = invite(network, "Bestand@Example.org", role=Role.CITY_LIAISON)
    page = client.get(url(invitation), HTTP_ACCEPT_LANGUAGE="en")
    assert translated("Log in to accept", invitation.language) in page.text
    assert 'name="password1"' not in page.text
    login_url = page.context["login_url"]

    response = client.post(login_url, {"username": user.email, "password": "correct horse battery"})
    assert response["Location"] == url(invitation)
    confirm = client.get(url(invitation))
    assert confirm.status_code == 200
    assert not NetworkRole.objects.filter(user=user).exists()

    accepted = client.post(url(invitation))
    assert accepted["Location"].endswith("/musterstadt/workspace/")
    assert NetworkRole.objects.filter(network=network, user=user, role="city_liaison").exists()


def test_someone_logged_in_with_another_account_cannot_accept(client, network):
    invitation = invite(network)
    client.force_login(UserFactory(email="other@example.org"))
    explanation = translated(
        "You are logged in as %(current)s, but this invitation was sent to %(email)s. "
        "Log out and open the link again to accept it with the right account.",
        invitation.language,
        current="<bdi>other@example.org</bdi>",
        email="<bdi>neu@example.org</bdi>",
    )
    for response in (client.get(url(invitation)), client.post(url(invitation))):
        assert response.status_code == 403
        assert explanation in response.text
    assert not NetworkRole.objects.exists()


def test_an_expired_invitation_explains_itself(client, network):
    invitation = invite(network)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(hours=1)
    )
    invitation.refresh_from_db()
    response = client.get(url(invitation), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 410
    language = invitation.language
    # the date as the network's readers see it
    expired_on = format_local_datetime(
        invitation.expires_at, "long", language=language, tz=ZoneInfo(network.time_zone)
    )
    expired = translated("This invitation expired on %(date)s.", language, date=expired_on)
    assert expired in response.text
    ask_again = translated(
        "If you still want to take part, ask the coordination of %(network)s for a new invitation.",
        language,
        network="<bdi>Netzwerk Musterstadt</bdi>",
    )
    assert ask_again in response.text
    assert signup(client, invitation).status_code == 410
    assert not User.objects.filter(email=invitation.email).exists()


def test_an_unknown_token_is_404(client, network):
    invite(network)
    assert client.get("/accounts/invitation/not-a-token/").status_code == 404


def test_accepting_links_the_invited_contact_person_to_the_account(network):
    person = Person.objects.create(network=network, full_name="Nora Neu", email="neu@example.org")
    invitation = invite(network, person=person)
    user = account_create_from_invitation(
        invitation=invitation, full_name="Nora Neu", password=PASSWORD
    )
    person.refresh_from_db()
    assert person.user == user


def test_a_refused_acceptance_creates_no_account(network):
    # The account and the role are one step: when the role is refused, no account remains.
    invitation = invite(network)
    invitation.cancelled_at = timezone.now()
    invitation.save()
    # The invitation page runs in the invitation's language; so does its refusal.
    with (
        translation.override(invitation.language),
        refused("This invitation was withdrawn by the network's coordination.", field=None),
    ):
        account_create_from_invitation(invitation=invitation, full_name="Nora", password=PASSWORD)
    assert not User.objects.filter(email__iexact=invitation.email).exists()


def test_network_create_invites_the_first_coordinator():
    call_command(
        "network_create",
        "erfurt",
        name="Netzwerk Erfurt",
        city="Erfurt",
        coordinator="K@Example.org",
    )

    network = Network.objects.get(slug="erfurt")
    with scope(network=network):
        invitation = Invitation.objects.get(network=network)
    assert (invitation.email, invitation.role) == ("k@example.org", Role.COORDINATOR)


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "de"])
def test_a_too_short_password_is_refused_in_the_invitations_language(client, network, language):
    """Django's Arabic and Persian catalogues lack its newer wording of this message, which
    then fell back to German on the Arabic invitation page."""
    network.enabled_languages = ["de", "ar", "fa", "uk"]
    network.save()
    invitation = invite(network, language=language)

    response = client.post(
        url(invitation), {"full_name": "Nora Neu", "password1": "kurz", "password2": "kurz"}
    )

    text = " ".join(response.text.split())
    with translation.override("de"):
        german = _short_password_message()
    with translation.override(language):
        in_language = _short_password_message()
    assert in_language in text
    if language != "de":
        assert german not in text
        assert in_language != german


def _short_password_message() -> str:
    """The validator's message in the active language (what the page must show)."""
    from django.contrib.auth.password_validation import get_default_password_validators

    [rule] = [v for v in get_default_password_validators() if hasattr(v, "min_length")]
    return rule.get_error_message()
