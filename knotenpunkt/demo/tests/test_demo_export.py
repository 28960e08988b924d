"""The demo member's own-data export holds everything the platform stores about them."""

import json

from django.urls import reverse
from django_scopes import scope

from knotenpunkt.accounts.models import User
from knotenpunkt.demo.loader import DEMO_PASSWORD
from knotenpunkt.meetings.models import Registration

MEMBER = "member@musterstadt.example"


def test_the_demo_member_finds_all_their_data_in_the_export(musterstadt, client):
    response = client.post(
        reverse("accounts:login"), {"username": MEMBER, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    feed_page = reverse("meetings:feed", kwargs={"lang": "de", "network": "musterstadt"})
    assert client.post(feed_page, {"action": "create"}).status_code == 302

    response = client.get("/accounts/export/")

    assert response.status_code == 200
    data = json.loads(response.content)
    user = User.objects.get(email=MEMBER)
    with scope(network=musterstadt):
        registrations = Registration.objects.filter(person__user=user)
        meetings = set(registrations.values_list("meeting__title", flat=True))
        registration_count = registrations.count()
    assert data["account"]["email"] == MEMBER
    assert [role["role"] for role in data["roles"]] == ["member_contact"]
    assert [person["name"] for person in data["contact_persons"]] == ["Aylin Demir"]
    assert data["contact_persons"][0]["positions"][0]["organisation"] == (
        "Kulturverein Brückenschlag e.V."
    )
    assert [m["group"] for m in data["group_memberships"]]
    # Every registration, however many the demo made around today's date (ten on most days).
    assert registration_count >= 10
    assert len(data["meeting_registrations"]) == registration_count
    assert {r["meeting"]["title"] for r in data["meeting_registrations"]} == meetings
    assert data["attendance"] and data["action_items"] and data["minutes_written"]
    assert all(item["text"] for item in data["action_items"])
    assert [token["revoked_at"] for token in data["calendar_feed_tokens"]] == [None]
    assert data["events_submitted"] and data["wiki_versions"]
    # Creating the feed address was the member's own act, recorded in the audit trail.
    assert "feed" in " ".join(entry["action"] for entry in data["audit_entries"])
    assert [login["path_info"] for login in data["login_records"]["logins"]] == ["/accounts/login/"]
    # Nobody else's account data comes along.
    assert "coordinator@musterstadt.example" not in response.content.decode()
