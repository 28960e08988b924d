"""Ready texts for the pages every network needs, filled in with the network's own data.

The coordinator starts a page from its text (the page-text form offers it) and edits it
there; nothing here is shown to visitors unless a coordinator saved it. The texts are in the
language asked for (gettext); the easy-read page's German text is written here directly in
Leichte Sprache, a form of German with its own rules that a translation would not keep.
"""

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from knotenpunkt.core.formatting import format_local_date

# Page addresses with a ready text, in the order the settings page lists them.
IMPRINT, PRIVACY, ACCESSIBILITY = "imprint", "privacy", "accessibility"
EASY_READ, SIGN_LANGUAGE, INTRODUCTION = "easy-read", "sign-language", "introduction"
WITH_TEMPLATE = (INTRODUCTION, IMPRINT, PRIVACY, ACCESSIBILITY, EASY_READ, SIGN_LANGUAGE)
# Pages with a place of their own (the home page, the header's links), not under pages/.
OWN_PLACE = {INTRODUCTION, EASY_READ, SIGN_LANGUAGE}

EASY_READ_DE = """Auf dieser Seite erklären wir unsere Internet-Seite in Leichter Sprache.

## Wer sind wir?

Wir sind das **{name}**.
In einem Netzwerk arbeiten viele Gruppen zusammen.
Zum Beispiel:

- Vereine
- Beratungs-Stellen
- die Stadt-Verwaltung
- Menschen, die freiwillig helfen

Wir helfen Menschen, die neu in {city} sind.
Zum Beispiel Menschen aus anderen Ländern.

## Was finden Sie auf dieser Internet-Seite?

- **Termine:** Hier steht, wann etwas stattfindet.
  Zum Beispiel ein Sprach-Café.
- **Neuigkeiten:** Hier steht, was es Neues gibt.
- **Mitglieder:** Hier stehen die Gruppen im Netzwerk.
- **Info-Mail:** Sie können eine E-Mail mit Neuigkeiten bekommen.
  Die E-Mail kommt einmal im Monat.
  Die E-Mail kostet nichts.

## Wie können Sie die Seite in einer anderen Sprache lesen?

Oben auf der Seite steht ein Welt-Zeichen.
Klicken Sie auf das Welt-Zeichen.
Dann können Sie eine Sprache aussuchen.

## Haben Sie Fragen?

Schreiben Sie uns eine E-Mail:
{contact}

Wir helfen Ihnen gerne.
"""


def _network_values(network) -> dict:
    return {
        "name": network.name,
        "city": network.city,
        "body": network.coordinating_body or _("(coordinating body)"),
        "address": network.address or _("(postal address)"),
        "contact": network.contact_email or _("(contact e-mail)"),
        "phone": network.contact_phone or _("(telephone)"),
        "responsible": network.imprint_responsible or _("(person responsible for the content)"),
        "today": format_local_date(timezone.now(), "long", tz=network.tz),
    }


def _imprint(values) -> tuple[str, str]:
    return _("Imprint"), _(
        "## Provider\n\n"
        "**%(name)s**  \ncoordinated by %(body)s  \n%(address)s\n\n"
        "## Contact\n\nE-mail: %(contact)s  \nTelephone: %(phone)s\n\n"
        "## Responsible for the content\n\n"
        "%(responsible)s, address as above (section 18 (2) of the German Interstate Media "
        "Treaty, MStV).\n\n"
        "## Liability for links\n\n"
        "Our pages link to websites of others. We have no influence on their content and "
        "accept no liability for it; when we learn of unlawful content, we remove the link."
    ) % values


def _privacy(values) -> tuple[str, str]:
    return _("Privacy"), _(
        "## Who is responsible\n\n"
        "%(body)s for the %(name)s, %(address)s, e-mail: %(contact)s.\n\n"
        "## What we store and why\n\n"
        "- **Visiting the pages:** the web server keeps the address of the page asked for, "
        "the time and the browser's technical answer for at most 14 days, to keep the site "
        "running and safe (Art. 6 (1) (f) GDPR). We use no tracking and no advertising.\n"
        "- **Cookies:** only the ones the site needs to work: the language you chose, the "
        "login and protection against forged forms.\n"
        "- **Info mail:** your e-mail address, your language and the topics you chose, with "
        "your consent (Art. 6 (1) (a) GDPR), until you unsubscribe.\n"
        "- **Members and their contacts:** the data needed to work together in the network "
        "(Art. 6 (1) (b) and (f) GDPR), for as long as the membership lasts.\n\n"
        "We do not pass your data on, unless the law obliges us to.\n\n"
        "## Your rights\n\n"
        "You may ask what we store about you, have it corrected, erased or restricted, "
        "object to its use, take it with you and withdraw a consent at any time "
        "(Art. 15 to 21 GDPR). Write to %(contact)s.\n\n"
        "You may also complain to a data protection supervisory authority, for example the "
        "one of your federal state.\n\n"
        "*As of %(today)s.*"
    ) % values


def _accessibility(values) -> tuple[str, str]:
    return _("Accessibility"), _(
        "The %(name)s wants its website to be usable by everyone. This statement applies "
        "to this website and follows the German regulation on accessible information "
        "technology (BITV 2.0).\n\n"
        "## How accessible is this website?\n\n"
        "This website is **partially compliant** with BITV 2.0 and the harmonised standard "
        "EN 301 549 (WCAG 2.1 level AA).\n\n"
        "## What is not accessible yet\n\n"
        "- Some documents (PDF files) uploaded by members are not accessible.\n"
        "- Not every text is available in every language and in easy-read language.\n"
        "- The video in German Sign Language may not be available yet.\n\n"
        "We are working on it.\n\n"
        "## How this statement was made\n\n"
        "It is based on a self-assessment made on %(today)s.\n\n"
        "## Feedback and contact\n\n"
        "Have you found a barrier? Do you need information in a form you can use? Write to "
        "%(contact)s or call %(phone)s. We answer within two weeks.\n\n"
        "## Enforcement procedure\n\n"
        "If we do not answer, or our answer does not help you, you can turn to the "
        "arbitration board (Schlichtungsstelle) under section 16 of the German Disability "
        "Equality Act (BGG): www.schlichtungsstelle-bgg.de, Mauerstraße 53, 10117 Berlin, "
        "info@schlichtungsstelle-bgg.de. Bodies of a federal state or a municipality name "
        "their state's enforcement body here instead. The procedure is free of charge and "
        "you do not need a lawyer."
    ) % values


def _easy_read(values) -> tuple[str, str]:
    if translation.get_language() == "de":
        return "Leichte Sprache", EASY_READ_DE.format(**values)
    return _("Easy read"), _(
        "This page explains our website in simple words.\n\n"
        "## Who are we?\n\n"
        "We are the **%(name)s**.\n"
        "In a network, many groups work together.\n"
        "For example clubs, advice centres, the city and volunteers.\n\n"
        "We help people who are new in %(city)s.\n\n"
        "## What is on this website?\n\n"
        "- **Events:** when and where something happens.\n"
        "- **News:** what is new.\n"
        "- **Members:** the groups in the network.\n"
        "- **Info mail:** an e-mail with news, once a month, free of charge.\n\n"
        "## How can I read the website in my language?\n\n"
        "At the top of the page there is a globe.\n"
        "Click on the globe. Then choose your language.\n\n"
        "## Do you have questions?\n\n"
        "Write us an e-mail: %(contact)s\n\n"
        "We are happy to help."
    ) % values


def _sign_language(values) -> tuple[str, str]:
    return _("German Sign Language"), _(
        "In this video we explain our website in German Sign Language (DGS): who we are, "
        "what you find here and how to reach us.\n\n"
        "Questions? Write to %(contact)s."
    ) % values


def _introduction(values) -> tuple[str, str]:
    return _("Welcome"), _(
        "The %(name)s brings together the organisations, administration, associations, "
        "migrant organisations and volunteers of %(city)s. Here you find our events, our "
        "news and who takes part."
    ) % values


_TEXTS = {
    INTRODUCTION: _introduction,
    IMPRINT: _imprint,
    PRIVACY: _privacy,
    ACCESSIBILITY: _accessibility,
    EASY_READ: _easy_read,
    SIGN_LANGUAGE: _sign_language,
}


def starter_text(slug: str, *, network, language: str) -> tuple[str, str] | None:
    """(title, Markdown text) of the ready text for this page in `language`; None if none."""
    make = _TEXTS.get(slug)
    if make is None:
        return None
    with translation.override(language):
        return make(_network_values(network))
