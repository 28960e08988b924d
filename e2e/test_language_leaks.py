"""No language leaks: a page in one language shows no sentence of another language's catalogue.

From the compiled catalogues (ours, Django's and django-axes'), each language's translated
strings are cut at their placeholders and markup into fragments; a fragment of another
language that is long enough to be distinctive (12 characters, a space) and that is not
also text of the page's own language is a leak when it appears in the page's visible text.
German falls through wherever a catalogue lacks a message (Django's LANGUAGE_CODE fallback),
so this catches untranslated footers, language names in sentences and third-party messages.
"""

import gettext
import re
from functools import cache
from pathlib import Path

import axes
import django
import pytest
from django.conf import settings

from .helpers import login

pytestmark = pytest.mark.browser

LANGUAGES = ["de", "ar", "uk", "en"]
CATALOGUES = [
    Path(settings.BASE_DIR) / "knotenpunkt" / "locale",
    Path(django.__file__).parent / "conf" / "locale",
    Path(django.__file__).parent / "contrib" / "auth" / "locale",
    Path(axes.__file__).parent / "locale",
]
# Where a translated string is cut: %-placeholders, {{ }}, HTML tags, line breaks.
CUTS = re.compile(r"%\(\w+\)[sdf]|%[sdf]|\{\{.*?\}\}|<[^>]+>|\n")
MIN_LENGTH = 12
# Labels that templates write (header, footer, navigation, buttons, field labels, table and
# list headings) are checked whole: one word is enough there. Not in cells, row headings and
# lists, where
# a user's "Frauen" is a group's name, not a leak.
MIN_LABEL_LENGTH = 4
COORDINATOR = "coordinator@musterstadt.example"


def _fragments(text: str) -> set[str]:
    parts = (" ".join(part.split()) for part in CUTS.split(text))
    return {part.strip(" .,:;–-") for part in parts}


def _distinctive(fragment: str) -> bool:
    return len(fragment) >= MIN_LENGTH and " " in fragment


@cache
def catalogue(language: str) -> dict:
    """msgid → translation for `language`, ours first (as Django looks them up)."""
    merged: dict = {}
    for directory in reversed(CATALOGUES):
        found = gettext.find("django", directory, [language])
        if found:
            with open(found, "rb") as handle:
                merged.update(gettext.GNUTranslations(handle)._catalog)
    merged.pop("", None)  # the header
    return {key: value for key, value in merged.items() if value}


@cache
def own_text(language: str) -> frozenset[str]:
    """Every fragment the language's own catalogue can put on a page, and every msgid's."""
    texts = set()
    for key, value in catalogue(language).items():
        texts |= _fragments(value) | _fragments(key[0] if isinstance(key, tuple) else key)
    return frozenset(texts)


@cache
def foreign_sentences(language: str) -> frozenset[str]:
    """Distinctive fragments of the other languages that this language never shows."""
    foreign = set()
    for other in (code for code, _name in settings.LANGUAGES if code != language):
        for value in catalogue(other).values():
            foreign |= {f for f in _fragments(value) if _distinctive(f)}
    return frozenset(foreign - own_text(language))


@cache
def foreign_labels(language: str) -> frozenset[str]:
    """Whole translations of the other languages ("Impressum", "System") that this language
    never shows; an element whose whole text is one of them is a leak."""
    foreign = set()
    for other in (code for code, _name in settings.LANGUAGES if code != language):
        for value in catalogue(other).values():
            label = " ".join(value.split())
            if len(label) >= MIN_LABEL_LENGTH and not CUTS.search(value):
                foreign.add(label)
    return frozenset(foreign - own_text(language))


def leaks(text: str, language: str, labels: list[str] = ()) -> list[str]:
    """The other languages' sentences that `text`, shown in `language`, contains, and the
    `labels` (texts of single elements) that are wholly another language's."""
    visible = " ".join(text.split())
    found = {fragment for fragment in foreign_sentences(language) if fragment in visible}
    found |= {label for label in labels if label in foreign_labels(language)}
    return sorted(found)


def _german(msgid: str) -> str:
    return catalogue("de")[msgid]


def test_the_detector_finds_a_sentence_of_another_language_and_only_that():
    """Positive control on strings: a German sentence in Arabic text is found."""
    german = _german("Too many failed attempts")
    arabic = catalogue("ar")["Too many failed attempts"]

    assert leaks(f"{arabic} — {german}", "ar") == [german]
    assert leaks(arabic, "ar") == []
    assert leaks(german, "de") == []
    imprint = _german("Imprint")  # one word: found as the whole text of a link
    assert leaks("", "ar", labels=[imprint]) == [imprint]
    assert leaks("", "de", labels=[imprint]) == []


# Text in an element marked with another language (the switcher's "Deutsch", an event
# title shown in German with lang="de") says what it is and is no leak. Nor is what people
# wrote: it is isolated in <bdi> (a group called "Arbeit und Ausbildung" on an Arabic page is
# its name, even where a category of the catalogue reads the same in German).
_VISIBLE_SCRIPT = """
language => {
  const own = element => (element.closest("[lang]") || document.documentElement).lang === language;
  const clone = document.body.cloneNode(true);
  for (const marked of clone.querySelectorAll("[lang]")) {
    if (marked.lang !== language) marked.remove();
  }
  for (const written of clone.querySelectorAll("bdi")) written.remove();
  const labels = [];
  for (const element of document.body.querySelectorAll("*")) {
    const chrome = element.closest(
      "header, footer, nav, button, label, th:not([scope=row]), dt, legend, h1, h2");
    if (element.children.length === 0 && chrome && own(element) && element.innerText) {
      labels.push(element.innerText.trim().replace(/\\s+/g, " "));
    }
  }
  document.body.append(clone);
  clone.style.position = "absolute";
  const text = clone.innerText;
  clone.remove();
  return [text, labels];
}
"""


def _visible_text(page, language: str) -> tuple[str, list[str]]:
    text, labels = page.evaluate(_VISIBLE_SCRIPT, language)
    return text, labels


def _assert_no_leaks(page, language: str, path: str) -> None:
    text, labels = _visible_text(page, language)
    found = leaks(text, language, labels)
    assert not found, f"{path} in {language} shows other languages' text: {found[:5]}"


def _public_knowledge_path(network, language: str) -> str:
    from knotenpunkt.knowledge.models import Page, Visibility

    page = Page.objects.filter(network=network, visibility=Visibility.PUBLIC, group=None).first()
    assert page is not None, "the demo has a public knowledge page"
    return f"/{language}/musterstadt/knowledge/{page.slug}/"


def _invitation_path(network, language: str) -> str:
    from knotenpunkt.accounts.services import invitation_create

    invitation = invitation_create(
        network=network,
        email=f"neu-{language}@example.org",
        role="member_contact",
        actor=None,
        language=language,
    )
    return f"/accounts/invitation/{invitation.token}/"


def test_pages_show_no_sentence_of_another_language(browser, base_url, musterstadt):
    for language in LANGUAGES:
        context = browser.new_context(base_url=base_url, locale=language)
        context.set_default_timeout(10_000)
        page = context.new_page()
        paths = [
            f"/{language}/musterstadt/",
            f"/{language}/musterstadt/calendar/",
            _public_knowledge_path(musterstadt, language),
        ]
        for path in paths:
            assert page.goto(path).status == 200, path
            _assert_no_leaks(page, language, path)

        if language == LANGUAGES[1]:
            # Positive control in the browser: a German sentence put into the Arabic page.
            page.evaluate(
                "text => document.querySelector('main').append(text)",
                _german("Too many failed attempts"),
            )
            text, labels = _visible_text(page, language)
            assert leaks(text, language, labels) == [_german("Too many failed attempts")]

        invitation = _invitation_path(musterstadt, language)
        assert page.goto(invitation).status == 200
        _assert_no_leaks(page, language, invitation)
        # Django's own messages: a short password (its message showed in German in Arabic).
        page.fill("input[name=full_name]", "Nora Neu")
        page.fill("input[name=password1]", "kurz")
        page.fill("input[name=password2]", "kurz")
        page.click("main form button[type=submit]")
        page.wait_for_selector(".errorlist, [role=alert], .error")
        _assert_no_leaks(page, language, f"{invitation} (errors)")

        context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}]
        )
        page.goto("/accounts/login/")
        _assert_no_leaks(page, language, "/accounts/login/")
        login(page, COORDINATOR, "demo")
        for path in (
            f"/{language}/musterstadt/workspace/",
            f"/{language}/musterstadt/manage/audit/",
        ):
            assert page.goto(path).status == 200, path
            _assert_no_leaks(page, language, path)
        context.close()
