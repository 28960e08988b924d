"""The coordinator arranges the home page per network: which blocks show, in which order, and
an introduction per language (docs/decisions/0035)."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core import blocks
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import translated
from knotenpunkt.publishing.models import StaticPage
from knotenpunkt.publishing.services import static_page_text_save
from knotenpunkt.publishing.services_home import home_block_move, home_block_show

pytestmark = pytest.mark.django_db

INTRO = "publishing/_home_intro.html"
NEWS = "publishing/_home_news.html"
MEMBERS = "members/_home_members.html"


def home(client, network, lang="en") -> str:
    url = reverse("core:home", kwargs={"lang": lang, "network": network.slug})
    return re.sub(r"\s+", " ", client.get(url).text)


def order_on_page(html: str) -> list[str]:
    return re.findall(r'<li class="card home-([a-z]+)">', html)


def test_every_block_shows_in_the_registered_order_until_arranged(client, network):
    assert order_on_page(home(client, network)) == [
        "intro",
        "events",
        "offers",
        "plenary",
        "members",
        "news",
        "knowledge",
        "voices",
        "infomail",
    ]


def test_a_hidden_block_is_gone_and_a_moved_one_changes_place(client, network, coordinator):
    home_block_show(network=network, actor=coordinator, template=MEMBERS, shown=False)
    for _step in range(3):
        home_block_move(network=network, actor=coordinator, template=NEWS, direction="up")
    shown = order_on_page(home(client, network))
    assert "members" not in shown
    assert shown[:3] == ["intro", "events", "news"]

    home_block_show(network=network, actor=coordinator, template=MEMBERS, shown=True)
    assert order_on_page(home(client, network))[:6] == [
        "intro",
        "events",
        "news",
        "offers",
        "plenary",
        "members",
    ]
    kinds = list(AuditEntry.objects.filter(network=network).values_list("action", flat=True))
    assert kinds.count("home.arrange") == 5


def test_moving_the_top_block_up_changes_nothing(network, coordinator):
    home_block_move(network=network, actor=coordinator, template=INTRO, direction="up")
    assert not AuditEntry.objects.filter(action="home.arrange").exists()


def test_an_unknown_block_or_direction_is_refused(network, coordinator):
    with pytest.raises(DomainError):
        home_block_show(network=network, actor=coordinator, template="x/evil.html", shown=True)
    with pytest.raises(DomainError):
        home_block_move(network=network, actor=coordinator, template=INTRO, direction="left")


def test_a_block_an_app_registers_later_shows_after_the_arranged_ones(client, network, coordinator):
    home_block_show(network=network, actor=coordinator, template=MEMBERS, shown=False)
    probe = "knowledge/_workspace_knowledge.html"
    blocks.register(blocks.HOME, probe, order=5)
    try:
        html = home(client, network)
    finally:
        blocks.unregister(blocks.HOME, probe)
    assert "members" not in order_on_page(html)
    assert html.index("home-infomail") < html.index("/workspace/knowledge/")


def test_the_arrangement_of_one_network_leaves_the_others_alone(
    client, network, other_network, coordinator
):
    home_block_show(network=network, actor=coordinator, template=NEWS, shown=False)
    assert "news" not in order_on_page(home(client, network))
    assert "news" in order_on_page(home(client, other_network))


def test_a_member_contact_may_not_arrange(network):
    member_contact = UserFactory()
    grant_role(member_contact, network, "member_contact")
    with pytest.raises(PermissionDenied):
        home_block_show(network=network, actor=member_contact, template=NEWS, shown=False)


def test_the_arrangement_page_works_with_plain_buttons(coordinator_client, network):
    url = reverse("publishing:home_arrange", kwargs={"lang": "en", "network": network.slug})
    page = coordinator_client.get(url).text
    assert translated("Latest news", "en") in page and 'name="move" value="down"' in page
    response = coordinator_client.post(url, {"block": NEWS, "show": "0"})
    assert response.status_code == 302
    assert "home-news" not in home(coordinator_client, network)
    assert coordinator_client.post(url, {"block": "../../etc", "move": "up"}).status_code == 200


def test_the_introduction_in_the_readers_language_or_the_default(client, network, coordinator):
    network.enabled_languages = ["de", "en", "ar"]
    network.save()
    page = StaticPage(network=network, slug="introduction", in_footer=False)
    static_page_text_save(
        page=page, language="de", title="Willkommen", body="Wir sind *da*.", actor=coordinator
    )
    static_page_text_save(
        page=page, language="ar", title="أهلاً", body="نحن هنا.", actor=coordinator
    )
    assert '<h2 lang="ar" dir="auto">أهلاً</h2>' in home(client, network, "ar")
    english = home(client, network, "en")
    assert '<h2 lang="de" dir="auto">Willkommen</h2>' in english
    assert "<em>da</em>" in english
    # The introduction has a place of its own: no page of its own under pages/.
    url = reverse(
        "publishing:page", kwargs={"lang": "de", "network": network.slug, "slug": "introduction"}
    )
    assert client.get(url).status_code == 404


def test_markup_in_the_introduction_never_runs(client, network, coordinator):
    page = StaticPage(network=network, slug="introduction", in_footer=False)
    static_page_text_save(
        page=page,
        language="de",
        title="<script>alert(1)</script>",
        body='<img src=x onerror="alert(1)"> [x](javascript:alert(1)) <script>alert(2)</script>',
        actor=coordinator,
    )
    html = home(client, network, "de")
    assert "<script>alert" not in html and "onerror" not in html and "javascript:" not in html
