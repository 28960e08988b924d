"""The info mail's issue pages and archive in a real browser, held to what every page must meet
(0 axe violations, no sideways scroll at 320 px, the design system's rules), with a draft, an
issue being sent and a sent one of the demo; and the progress updating itself while sending."""

import pytest
from django.urls import reverse

from knotenpunkt.core.testing import run_queued_tasks, translated

from .helpers import axe_violations, login, sideways_overflow
from .test_every_page import _DESIGN_SCRIPT, DESKTOP, PHONE

PAGES = ["mailing", "mailing_edit", "mailing_preview", "mailing_send", "mailing_delete"]


def _issues(network):
    from knotenpunkt.infomail.models import Mailing

    draft = Mailing.objects.filter(network=network, status=Mailing.Status.DRAFT).first()
    sent = Mailing.objects.filter(network=network, status=Mailing.Status.SENT).first()
    return draft, sent


def _paths(network, language):
    def path(name, **kwargs):
        return reverse(
            f"infomail:{name}", kwargs={"lang": language, "network": network.slug, **kwargs}
        )

    draft, sent = _issues(network)
    found = [path("mailings"), path("mailing_create"), path("archive")]
    found += [path(name, mailing_id=draft.pk) for name in PAGES]
    found += [path("mailing", mailing_id=sent.pk), path("archive_issue", mailing_id=sent.pk)]
    return found


def _problems(page) -> list[str]:
    problems = [f"axe: {violation}" for violation in axe_violations(page)]
    problems += [f"design: {finding}" for finding in page.evaluate(_DESIGN_SCRIPT)]
    overflow = sideways_overflow(page)
    if overflow:
        problems.append(f"scrolls sideways: {overflow}")
    return problems


@pytest.mark.parametrize(("language", "viewport"), [("de", DESKTOP), ("ar", PHONE)])
def test_the_issue_pages_and_the_archive_meet_the_design_system(
    musterstadt, page, language, viewport
):
    login(page, "coordinator@musterstadt.example", "demo")
    page.set_viewport_size(viewport)
    findings = []
    for path in _paths(musterstadt, language):
        response = page.goto(path)
        assert response.status == 200, path
        findings += [f"{path}\n    {problem}" for problem in _problems(page)]
    assert not findings, "\n".join(findings)


def test_the_progress_updates_itself_while_sending(musterstadt, page, settings, mailbox):
    from knotenpunkt.infomail.services_sending import mailing_send

    settings.KNOTENPUNKT_MAIL_RATE = 1000
    draft, _sent = _issues(musterstadt)
    mailing_send(mailing=draft, actor=None)
    login(page, "coordinator@musterstadt.example", "demo")
    path = reverse(
        "infomail:mailing",
        kwargs={"lang": "de", "network": musterstadt.slug, "mailing_id": draft.pk},
    )
    page.goto(path)
    status = page.locator("#mailing-progress-status")
    assert status.get_attribute("hx-trigger") == "every 2s"
    assert not _problems(page), _problems(page)
    page.evaluate("window.stillTheSamePage = true")
    run_queued_tasks()
    # The next poll sees the issue sent and swaps in the outcome, without reloading the page.
    page.wait_for_function(
        "() => !document.querySelector('#mailing-progress-status[hx-trigger]')", timeout=10_000
    )
    assert page.evaluate("window.stillTheSamePage === true")
    archive = reverse(
        "infomail:archive_issue",
        kwargs={"lang": "de", "network": musterstadt.slug, "mailing_id": draft.pk},
    )
    assert page.locator(f"#mailing-header a[href='{archive}']").count() == 1
    assert not _problems(page), _problems(page)
    finished = translated(
        "Finished: %(finished)s of %(total)s deliveries done.", "de", finished="", total=""
    ).split(":")[0]
    assert finished in page.locator("#mailing-progress-status").inner_text()
