"""Every page, as each role sees it, in a real browser: 0 axe violations, no sideways scroll at
320 px, and on a phone a header of at most 15 % of the screen.

The pages come from the URL conf (knotenpunkt/tests/routes.py), filled with objects of the demo
network, so a new page is checked without anyone remembering. Each role walks every page in
German at 1280 px and in Arabic (right-to-left) at 360 px, and the first three pages of each
app in German at 360 px and Arabic at 1280 px; a page the role may not see (403,
404, the login page) or that is not HTML (feeds, downloads) is passed over. All findings of a
walk are reported together, page by page.
"""

from collections import Counter

import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from knotenpunkt.core.dates import network_today
from knotenpunkt.tests.objects import OBJECT_MAKERS
from knotenpunkt.tests.routes import routes

from .helpers import NARROW_WIDTH, axe_violations, login, sideways_overflow

PHONE = {"width": 360, "height": 760}
DESKTOP = {"width": 1280, "height": 800}
HEADER_SHARE = 0.15
# Role → (demo login, how many pages it sees at least: a broken login walks almost none).
ROLES = {
    "anonymous": (None, 5),
    "member_contact": ("member@musterstadt.example", 30),
    "coordinator": ("coordinator@musterstadt.example", 60),
}
# What the design system asks of every page (docs/decisions/0020-design-system.md).
_DESIGN_SCRIPT = r"""
() => {
  const found = [];
  if (document.querySelectorAll("main h1").length !== 1) found.push("not exactly one h1 in main");
  const unlabelled = [...document.querySelectorAll(
    ".table-wrap table:not(.keep-table) > tbody > tr > td:not([data-label]):not([colspan])")];
  if (unlabelled.length) found.push(`${unlabelled.length} table cell(s) without data-label, `
    + `stacked on a phone they lose their column: ${unlabelled[0].outerHTML.slice(0, 60)}`);
  const bare = [...document.querySelectorAll("main table")].filter(t => !t.closest(".table-wrap"));
  if (bare.length) found.push(`${bare.length} table(s) outside .table-wrap`);
  const filters = [...document.querySelectorAll("form.filters")].filter(
    f => !f.closest("details.filter-panel"));
  if (filters.length) found.push("a filter form not folded in details.filter-panel");
  const spilling = [...document.querySelectorAll(".card")].filter(
    card => card.scrollWidth > card.clientWidth + 1);
  if (spilling.length) found.push(`${spilling.length} card(s) whose content spills out sideways`);
  // A short word broken across two lines ("Migra ntisch e") means a box too narrow for it.
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node && broken.length < 3; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (match[0].length < 4 || match[0].length > 16) continue;
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
      if (tops.size > 1) { broken.push(match[0]); break; }
    }
  }
  if (broken.length) found.push(`words broken across lines: ${broken.join(", ")}`);
  return found;
}
"""
# Pages with a token in their address answer "not found" to a made-up one; their own tests
# (accounts, meetings feed) open them with a real token.
WITHOUT_PAGE = {"accounts:logout", "set_language"}


def _demo_values(network) -> dict:
    """URL keyword → an object of the demo network (its real, long texts), else a made one."""
    from knotenpunkt.accounts.models import NetworkRole
    from knotenpunkt.eventcalendar.models import Event
    from knotenpunkt.knowledge.models import Page
    from knotenpunkt.meetings.models import (
        ActionItem,
        AgendaItem,
        CafeSession,
        Meeting,
        MinutesVersion,
        Registration,
    )
    from knotenpunkt.members.models import AgreementVersion, ContactPosition, Organisation, Person
    from knotenpunkt.offers.freshness import publicly_listed
    from knotenpunkt.voices.models import Voice
    from knotenpunkt.workinggroups.models import Goal, GroupMembership, WorkingGroup

    plenary = (
        Meeting.objects.filter(network=network, kind="plenary", sessions__isnull=False)
        .order_by("-starts_at")
        .first()
    )
    picks = {
        "organisation_id": Organisation.objects.filter(network=network).order_by("pk").first(),
        "person_id": Person.objects.filter(network=network).order_by("pk").first(),
        "position_id": ContactPosition.objects.filter(network=network).order_by("pk").first(),
        "group_slug": WorkingGroup.objects.filter(network=network).order_by("pk").first(),
        "membership_id": GroupMembership.objects.filter(network=network).order_by("pk").first(),
        "goal_id": Goal.objects.filter(network=network).order_by("pk").first(),
        "meeting_id": plenary,
        "session_id": CafeSession.objects.filter(network=network).order_by("pk").first(),
        "agenda_item_id": AgendaItem.objects.filter(network=network).order_by("pk").first(),
        "action_item_id": ActionItem.objects.filter(network=network).order_by("pk").first(),
        # Published and public, so that visitors without a login see them too.
        "event_id": Event.objects.filter(network=network, status="published")
        .order_by("-pk")
        .first(),
        "agreement_id": AgreementVersion.objects.filter(network=network).order_by("pk").first(),
        "network_role_id": NetworkRole.objects.filter(network=network).order_by("pk").first(),
        "registration_id": Registration.objects.filter(network=network).order_by("pk").first(),
        "version_id": MinutesVersion.objects.filter(network=network).order_by("pk").first(),
        "service_id": publicly_listed(network).order_by("pk").first(),
        # Routed and answered: the page with the most on it.
        "voice_id": Voice.objects.filter(network=network, status="answered").order_by("pk").first(),
    }
    wiki_page = Page.objects.filter(network=network, visibility="public").order_by("pk").first()
    values = {}
    for keyword, make in OBJECT_MAKERS.items():
        picked = picks.get(keyword)
        if picked is None:
            values[keyword] = make(network)
        else:
            values[keyword] = picked.slug if keyword == "group_slug" else picked.pk
    if wiki_page is not None:
        values.update(
            page_path=wiki_page.path,
            page_id=wiki_page.pk,
            revision_id=wiki_page.current_revision_id,
        )
    values["slug"] = "imprint"
    values["period"] = network_today(network).strftime("%Y-%m")
    return values


def _page_paths(network, language: str) -> list[tuple[str, str]]:
    """Every page of the network with its family (the app whose templates it shows)."""
    values = _demo_values(network)
    paths = []
    for route in routes():
        if not route.in_network or route.name in WITHOUT_PAGE:
            continue
        kwargs = {keyword: values[keyword] for keyword in route.keywords}
        kwargs.update(lang=language, network=network.slug)
        paths.append((route.name.split(":")[0], reverse(route.name, kwargs=kwargs)))
    return paths


def _settle(page) -> None:
    """After a failed navigation Chromium still moves to its error page; without waiting for
    that, it interrupts the next page's navigation, and every following page is passed over."""
    try:
        page.goto("about:blank")
    except PlaywrightError:
        page.wait_for_timeout(500)
        page.goto("about:blank")


def _header_share(page) -> float:
    height = page.evaluate("() => document.querySelector('.site-header').offsetHeight")
    return height / page.viewport_size["height"]


# Every page in German on a desktop and in Arabic on a phone; the other two pairings for the
# first pages of each family (an app's pages share their templates), to keep the walk short.
WALKS = [
    ("de", DESKTOP, None),
    ("ar", PHONE, None),
    ("de", PHONE, 3),
    ("ar", DESKTOP, 3),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("language", "viewport", "per_family"), WALKS)
def test_every_page_as_each_role(musterstadt, page, role, language, viewport, per_family):
    email, fewest_pages = ROLES[role]
    if email:
        login(page, email, "demo")
    page.set_viewport_size(viewport)
    findings, walked, walked_in_family = [], 0, Counter()
    for family, path in _page_paths(musterstadt, language):
        if per_family is not None and walked_in_family[family] >= per_family:
            continue
        try:
            response = page.goto(path)
        except PlaywrightError:  # an empty error answer (405 to a POST-only address), a download
            _settle(page)
            continue
        html = "text/html" in (response.headers.get("content-type") or "")
        if response.status != 200 or not html or "/accounts/login/" in page.url:
            continue
        if not page.locator("main").count():  # a fragment for a script (a picker's options)
            continue
        walked += 1
        walked_in_family[family] += 1
        problems = [f"axe: {violation}" for violation in axe_violations(page)]
        problems += [f"design: {finding}" for finding in page.evaluate(_DESIGN_SCRIPT)]
        if viewport is PHONE and _header_share(page) > HEADER_SHARE:
            problems.append(f"the header takes {_header_share(page):.0%} of a phone's screen")
        overflow = sideways_overflow(page)
        if overflow:
            problems.append(f"scrolls sideways at {NARROW_WIDTH}px: {overflow}")
        findings += [f"{path}\n    {problem}" for problem in problems]
    fewest_pages = fewest_pages if per_family is None else min(fewest_pages, 3)
    assert walked >= fewest_pages, f"only {walked} pages walked: the role's login or pages broke"
    assert not findings, f"{len(findings)} finding(s) as {role}:\n" + "\n".join(findings)
