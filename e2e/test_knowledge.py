"""The knowledge base in a real browser: a group member edits a page, reads the history,
compares two versions and restores the first one; axe-core checks every page on the way."""

import pytest

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.knowledge.models import Page, Visibility
from knotenpunkt.knowledge.tests.factories import join_group, make_group, make_page

from .helpers import assert_accessible, assert_no_horizontal_scroll, login
from .test_meetings import PASSWORD, submit

pytestmark = pytest.mark.browser

WORKSPACE = "/de/musterstadt/workspace/knowledge/"
FIRST = "## Fristen\n\nAnträge bis 31. März stellen.\n\nAnsprechpartnerin: Frau Yılmaz"
SECOND = "## Fristen\n\nAnträge bis 30. April stellen.\n\nAnsprechpartnerin: Frau Yılmaz"


def test_member_edits_a_group_page_compares_versions_and_restores(network, page):
    group = make_group(network, "Arbeit und Ausbildung")
    member = UserFactory(email="ag-mitglied@example.org")
    grant_role(member, network, "member_contact")
    join_group(group, member)
    wiki = make_page(
        network,
        title="Förderanträge stellen",
        body=FIRST,
        visibility=Visibility.GROUP,
        group=group,
        actor=member,
    )
    address = f"/de/musterstadt/knowledge/{wiki.path}/"
    history = f"{WORKSPACE}pages/{wiki.pk}/history/"

    login(page, member.email, PASSWORD)
    page.goto(address)
    assert_accessible(page)
    page.click(f"main a[href='{WORKSPACE}pages/{wiki.pk}/edit/']")
    assert_accessible(page)
    page.fill("textarea[name=body]", SECOND)
    page.fill("input[name=comment]", "Frist verschoben")
    submit(page)
    assert page.url.endswith(address)
    assert "30. April" in page.locator("main .wiki-body").inner_text()
    assert_accessible(page)

    page.click(f"main a[href='{history}']")
    assert page.locator("main tbody tr").count() == 2
    assert "Frist verschoben" in page.locator("main tbody").inner_text()
    assert_accessible(page)
    submit(page, f"main form[action='{WORKSPACE}pages/{wiki.pk}/changes/']")
    assert f"{WORKSPACE}pages/{wiki.pk}/changes/?" in page.url
    assert page.locator("main table.diff del").all_inner_texts() == [
        "Anträge bis 31. März stellen."
    ]
    assert page.locator("main table.diff ins").all_inner_texts() == [
        "Anträge bis 30. April stellen."
    ]
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    first = wiki.revisions.get(number=1)
    page.goto(history)
    page.click(f"main a[href='{WORKSPACE}versions/{first.pk}/restore/']")
    assert_accessible(page)
    submit(page)
    assert page.url.endswith(address)
    assert "31. März" in page.locator("main .wiki-body").inner_text()
    wiki = Page.objects.select_related("current_revision").get(pk=wiki.pk)
    assert (wiki.current_revision.number, wiki.current_revision.restored_from) == (3, first)
