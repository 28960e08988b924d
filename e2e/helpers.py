"""Checks every browser test uses: axe-core (WCAG 2.1 A/AA), 320 px reflow, logging in."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NARROW_WIDTH = 320

# axe-core ships inside the package and is injected into the page: nothing is downloaded.
_axe = Axe()


def _describe_violation(violation: dict) -> str:
    nodes = [" ".join(str(part) for part in node["target"]) for node in violation.get("nodes", [])]
    listed = "\n".join(f"      - {target}" for target in nodes)
    return f"  {violation['id']} ({violation.get('impact')}): {violation['help']}\n{listed}"


def _page_was_replaced(error: PlaywrightError) -> bool:
    message = str(error)
    return "Execution context was destroyed" in message or "reading 'documentElement'" in message


def axe_violations(page) -> list[str]:
    """Every WCAG 2.1 A/AA violation axe-core finds on the current page, described.

    A click on a link returns once the navigation has started, not when the next page is there;
    axe-core run in that moment finds no document. So the check waits for the page to load, and
    when the document was being replaced under it, waits for the new one and runs again.
    """
    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "resultTypes": ["violations"],
    }
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            results = _axe.run(page, options=options)
            break
        except PlaywrightError as error:
            if attempt == 2 or not _page_was_replaced(error):
                raise
    return [_describe_violation(violation) for violation in results.response["violations"]]


def assert_accessible(page) -> None:
    """Fail listing every WCAG 2.1 A/AA violation axe-core finds on the current page."""
    violations = axe_violations(page)
    if violations:
        report = "\n".join(violations)
        pytest.fail(f"axe-core: {len(violations)} violation(s) on {page.url}:\n{report}")


_OVERFLOW_SCRIPT = """
() => {
  const root = document.documentElement;
  const limit = root.clientWidth;
  const culprits = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width && (box.right > limit + 1 || box.left < -1)) {
      const name = element.tagName.toLowerCase()
        + (element.id ? "#" + element.id : "")
        + (element.className && typeof element.className === "string"
           ? "." + element.className.trim().split(/\\s+/).join(".") : "");
      culprits.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: limit, culprits: culprits.slice(0, 10)};
}
"""


def sideways_overflow(page) -> str:
    """At 320 CSS pixels wide (WCAG 1.4.10 reflow): how the page scrolls sideways, or ""."""
    previous = page.viewport_size
    page.set_viewport_size({"width": NARROW_WIDTH, "height": 800})
    try:
        page.wait_for_function(f"document.documentElement.clientWidth === {NARROW_WIDTH}")
        state = page.evaluate(_OVERFLOW_SCRIPT)
    finally:
        if previous:
            page.set_viewport_size(previous)
    if state["scrollWidth"] <= state["clientWidth"]:
        return ""
    culprits = "\n".join(f"  - {item}" for item in state["culprits"])
    return (
        f"scrollWidth {state['scrollWidth']} > clientWidth {state['clientWidth']}; "
        f"wider elements:\n{culprits}"
    )


def assert_no_horizontal_scroll(page) -> None:
    """At 320 CSS pixels wide (WCAG 1.4.10 reflow) the page must not scroll sideways."""
    overflow = sideways_overflow(page)
    if overflow:
        pytest.fail(f"{page.url} scrolls sideways at {NARROW_WIDTH}px: {overflow}")


def login(page, email: str, password: str) -> None:
    """Log in through the real form; fails with the form's error text if that does not work."""
    page.goto("/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    if "/accounts/login/" in page.url:
        pytest.fail(f"login as {email} failed: {page.locator('main').inner_text()}")
