"""The coordinator's team page: roles, open invitations, inviting, removing, cancelling."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scope

from knotenpunkt.accounts.models import Invitation, NetworkRole, Role
from knotenpunkt.accounts.services import invitation_create
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import translated
from knotenpunkt.core.text import isolate
from knotenpunkt.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TEAM = "/en/musterstadt/manage/team/"


def invite(network, email="new@example.org", role=Role.MEMBER_CONTACT, actor=None):
    return invitation_create(network=network, email=email, role=role, actor=actor)


def test_the_team_page_lists_roles_and_open_invitations_only(coordinator_client, network):
    liaison = UserFactory(email="city@example.org", full_name="Clara Stadt")
    grant_role(liaison, network, Role.CITY_LIAISON)
    open_one = invite(network, "open@example.org")
    used = invite(network, "used@example.org")
    used.accepted_at = timezone.now()
    used.save()
    expired = invite(network, "expired@example.org")
    expired.expires_at = timezone.now() - timedelta(minutes=1)
    expired.save()

    response = coordinator_client.get(TEAM)
    assert response.status_code == 200
    assert "Clara Stadt" in response.text
    assert "City liaison" in response.text
    assert open_one.email in response.text
    assert "used@example.org" not in response.text
    assert "expired@example.org" not in response.text


def test_other_roles_and_visitors_cannot_see_the_team(client, network, city_liaison):
    response = client.get(TEAM)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(city_liaison)
    assert client.get(TEAM).status_code == 403


def test_the_team_page_needs_the_same_queries_for_a_big_team(
    coordinator_client, network, django_assert_max_num_queries
):
    for number in range(30):
        grant_role(UserFactory(), network, Role.MEMBER_CONTACT)
        invite(network, f"invitee{number}@example.org")
    # network, session, user, visitor roles, footer (2), team roles, invitations: none per row
    with django_assert_max_num_queries(8):
        response = coordinator_client.get(TEAM)
    assert response.text.count("@example.org</span></th>") == 30
    assert len(response.context["roles"]) == 31


def test_inviting_sends_a_mail_in_the_chosen_language(
    coordinator_client,
    coordinator,
    network,
    mailbox,
    run_tasks,
    link_path,
    django_capture_on_commit_callbacks,
):
    organisation = OrganisationFactory(network=network)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            TEAM,
            {
                "email": "Neu@Example.org",
                "role": "member_contact",
                "organisation": organisation.pk,
                "language": "en",
            },
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(network=network)
    assert (invitation.email, invitation.role, invitation.language) == (
        "neu@example.org",
        "member_contact",
        "en",
    )
    assert invitation.invited_by == coordinator
    assert run_tasks() == 1
    [mail] = mailbox.to("neu@example.org")
    assert f"Invitation to {isolate('Netzwerk Musterstadt')}" in mail["Subject"]
    body = mailbox.body(mail)
    assert "as Member contact" in body
    assert link_path(body) == f"/accounts/invitation/{invitation.token}/"
    assert "An invitation was sent to neu@example.org." in coordinator_client.get(TEAM).text


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"email": "not an address", "role": "coordinator", "language": "de"},
            "email",
            "Enter a valid email address.",
        ),
        (
            {"email": "a@example.org", "role": "king", "language": "de"},
            "role",
            "Select a valid choice.",
        ),
        (
            {"email": "a@example.org", "role": "coordinator", "language": "xx"},
            "language",
            "Select a valid choice.",
        ),
    ],
)
def test_a_bad_invitation_names_the_field_and_why(
    coordinator_client, network, data, field, message
):
    response = coordinator_client.post(TEAM, data)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert f'href="#id_{field}"' in response.text
    assert not Invitation.objects.exists()


def test_a_member_contact_is_invited_for_an_organisation(coordinator_client, network):
    response = coordinator_client.post(
        TEAM, {"email": "neu@example.org", "role": "member_contact", "language": "de"}
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors["organisation"]
    assert error == "Choose the organisation the member contact speaks for."
    assert 'href="#id_organisation"' in response.text
    assert not Invitation.objects.exists()
    # The picker offers the network's organisations, searchable.
    organisation = OrganisationFactory(network=network, name="Frauentreff Nord")
    page = coordinator_client.get(TEAM).text
    assert "Frauentreff Nord" in page.split('name="organisation"', 1)[1].split("</select>")[0]
    assert 'hx-get="/en/musterstadt/workspace/lookup/organisations/"' in page
    # Other roles need no organisation; one chosen for them is not kept.
    coordinator_client.post(
        TEAM,
        {
            "email": "stadt@example.org",
            "role": "city_liaison",
            "organisation": organisation.pk,
            "language": "de",
        },
    )
    assert Invitation.objects.get(email="stadt@example.org").organisation is None


def test_no_second_invitation_for_a_held_role_or_an_open_invitation(
    coordinator_client, coordinator, network
):
    response = coordinator_client.post(
        TEAM, {"email": coordinator.email.upper(), "role": "coordinator", "language": "de"}
    )
    assert "already has this role" in response.context["form"].errors["email"][0]
    invite(network, "twice@example.org")
    response = coordinator_client.post(
        TEAM, {"email": "twice@example.org", "role": "member_contact", "language": "de"}
    )
    assert "is still open" in response.context["form"].errors["email"][0]
    assert Invitation.objects.count() == 1


def test_removing_a_role_asks_first_then_removes_and_audits(
    coordinator_client, coordinator, network, city_liaison
):
    role = NetworkRole.objects.get(network=network, user=city_liaison)
    url = f"{TEAM}roles/{role.pk}/remove/"
    page = coordinator_client.get(url)
    assert page.status_code == 200
    assert "Remove the role City liaison from" in page.text
    assert NetworkRole.objects.filter(pk=role.pk).exists()

    response = coordinator_client.post(url)
    assert response["Location"] == TEAM
    assert not NetworkRole.objects.filter(pk=role.pk).exists()
    entry = AuditEntry.objects.get(network=network, action="role.revoke")
    assert entry.actor == coordinator


def test_the_last_coordinator_cannot_be_removed(coordinator_client, coordinator, network):
    role = NetworkRole.objects.get(network=network, user=coordinator)
    response = coordinator_client.post(f"{TEAM}roles/{role.pk}/remove/", follow=True)
    assert "at least one coordinator" in response.text
    assert NetworkRole.objects.filter(pk=role.pk).exists()


def test_a_coordinator_who_gives_up_the_role_goes_to_their_account(
    coordinator_client, coordinator, network
):
    grant_role(UserFactory(), network, Role.COORDINATOR)
    role = NetworkRole.objects.get(network=network, user=coordinator)
    response = coordinator_client.post(f"{TEAM}roles/{role.pk}/remove/")
    assert response["Location"] == "/accounts/"


def test_cancelling_an_invitation_stops_its_link(coordinator_client, coordinator, network):
    invitation = invite(network)
    url = f"{TEAM}invitations/{invitation.pk}/cancel/"
    assert "Cancel the invitation of new@example.org" in coordinator_client.get(url).text
    assert coordinator_client.post(url)["Location"] == TEAM
    invitation.refresh_from_db()
    assert invitation.cancelled_at is not None
    assert AuditEntry.objects.filter(network=network, action="invitation.cancel").count() == 1
    page = coordinator_client.get(f"/accounts/invitation/{invitation.token}/")
    assert page.status_code == 410
    withdrawn = translated(
        "The coordination of %(network)s has withdrawn this invitation.",
        invitation.language,  # the link's page speaks the invitation's language
        network=f"<bdi>{network.name}</bdi>",
    )
    assert withdrawn in page.text


def test_objects_of_another_network_are_404(coordinator_client, other_network):
    stranger = UserFactory()
    foreign_role = grant_role(stranger, other_network, Role.COORDINATOR)
    foreign_invitation = invite(other_network)
    for url in [
        f"{TEAM}roles/{foreign_role.pk}/remove/",
        f"{TEAM}invitations/{foreign_invitation.pk}/cancel/",
    ]:
        assert coordinator_client.get(url).status_code == 404
        assert coordinator_client.post(url).status_code == 404
    with scope(network=other_network):
        assert NetworkRole.objects.filter(pk=foreign_role.pk).exists()
    foreign_invitation.refresh_from_db()
    assert foreign_invitation.cancelled_at is None


def test_a_coordinator_of_one_network_cannot_manage_another(client, coordinator, other_network):
    client.force_login(coordinator)
    assert client.get("/de/beispielhausen/manage/team/").status_code == 403
