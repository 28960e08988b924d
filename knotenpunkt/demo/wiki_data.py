"""Wiki pages of Musterstadt's knowledge base (fictional), each with the history of its saves.

Revision n shows the page's first `sections` sections: every save added one.
"""

from dataclasses import dataclass

PUBLIC, NETWORK, GROUP = "public", "network", "group"


@dataclass(frozen=True)
class Save:
    days_ago: int
    author: str | None  # "coordinator", "member", "city" (the demo logins) or nobody
    comment: str
    sections: int


@dataclass(frozen=True)
class WikiPage:
    group: str | None  # the group's slug; None for a page of the whole network
    slug: str
    title: str
    visibility: str
    sections: tuple[str, ...]
    saves: tuple[Save, ...]


PAGES = (
    WikiPage(
        group=None,
        slug="geschaeftsordnung",
        title="Geschäftsordnung des Netzwerks",
        visibility=NETWORK,
        sections=(
            """## Netzwerktreffen

Das Netzwerk trifft sich fünfmal im Jahr. Die Koordination lädt drei Wochen vorher ein;
Themen für die Tagesordnung können alle Mitglieder bis zwei Wochen vorher einreichen.""",
            """## Arbeitsgruppen

Jede Arbeitsgruppe hat eine oder zwei Leitungen und trifft sich zwei- bis sechsmal im Jahr.
Protokolle stehen spätestens zwei Wochen nach der Sitzung auf der Plattform.""",
            """## Beschlüsse

Beschlüsse des Netzwerktreffens werden mit einfacher Mehrheit der anwesenden
Mitgliedsorganisationen gefasst. Jede Organisation hat eine Stimme.""",
        ),
        saves=(
            Save(330, "coordinator", "Erste Fassung nach dem Beschluss im Netzwerktreffen", 1),
            Save(200, "coordinator", "Abschnitt zu den Arbeitsgruppen ergänzt", 2),
            Save(40, "coordinator", "Abstimmungsregeln ergänzt", 3),
        ),
    ),
    WikiPage(
        group=None,
        slug="willkommen",
        title="Willkommen im Netzwerk für Integration",
        visibility=PUBLIC,
        sections=(
            """Das Netzwerk für Integration Musterstadt verbindet seit 2004 Stadtverwaltung,
Wohlfahrtsverbände, Vereine, Migrantenorganisationen, Bildungsträger, Betriebe und
Ehrenamtliche.""",
            """## Mitmachen

Organisationen, die in Musterstadt mit Zugewanderten arbeiten, sind willkommen. Schreiben Sie
der Koordination; wir laden Sie zum nächsten Netzwerktreffen ein.""",
        ),
        saves=(
            Save(300, "coordinator", "Erste Fassung", 1),
            Save(90, "coordinator", "Abschnitt „Mitmachen“ ergänzt", 2),
        ),
    ),
    WikiPage(
        group=None,
        slug="netzwerkcafe",
        title="So planen wir das Netzwerkcafé",
        visibility=NETWORK,
        sections=(
            """## Formate

Im Netzwerkcafé gibt es Themeninseln, Gesprächsrunden, Infotische und kurze Impulsvorträge.
Jede Session hat eine gastgebende Mitgliedsorganisation.""",
            """## Ablauf

Zwei Runden zu je 45 Minuten. Sessions mit begrenzten Plätzen brauchen eine Anmeldung; ist eine
Session voll, kommen Interessierte auf die Warteliste und rücken automatisch nach.""",
        ),
        saves=(
            Save(250, "coordinator", "Erste Fassung", 1),
            Save(150, "coordinator", "Ablauf und Warteliste beschrieben", 2),
        ),
    ),
    WikiPage(
        group="sprache-und-bildung",
        slug="sprachcafes",
        title="Sprachcafés in Musterstadt",
        visibility=PUBLIC,
        sections=(
            """## Oststadt

Begegnungscafé Oststadt, Oststraße 21: mittwochs 16 bis 18 Uhr, ohne Anmeldung.""",
            """## Lindenhof

Stadtteiltreff Lindenhof: donnerstags 10 bis 12 Uhr, mit Kinderbetreuung.""",
            """## Weststadt

Stadtbibliothek, Lesesaal: dienstags ab 18 Uhr, für Berufstätige.""",
        ),
        saves=(
            Save(280, "member", "Erste Übersicht", 1),
            Save(120, "member", "Lindenhof ergänzt", 2),
            Save(30, "member", "Abendangebot in der Weststadt ergänzt", 3),
        ),
    ),
    WikiPage(
        group="gesundheit",
        slug="dolmetscherpool",
        title="Dolmetscherpool: so läuft die Vermittlung",
        visibility=GROUP,
        sections=(
            """## Anfragen

Arztpraxen und Beratungsstellen melden Einsätze mindestens drei Tage vorher, dienstags und
donnerstags von 9 bis 11 Uhr.""",
            """## Sprachen

Türkisch, Arabisch, Ukrainisch, Russisch und Farsi sind abgedeckt; für Dari und Tigrinya suchen
wir noch Ehrenamtliche.""",
        ),
        saves=(
            Save(190, "coordinator", "Ablauf nach dem Beschluss der AG", 1),
            Save(60, "coordinator", "Sprachen ergänzt", 2),
        ),
    ),
    WikiPage(
        group="wohnen",
        slug="checkliste-besichtigung",
        title="Checkliste für die Wohnungsbesichtigung",
        visibility=PUBLIC,
        sections=(
            """- Ausweis oder Aufenthaltstitel mitnehmen
- Nachweis über Einkommen oder Kostenübernahme des Jobcenters
- Schufa-Auskunft (kostenlos als Datenkopie)""",
            """## Nach der Besichtigung

Fragen Sie nach den Nebenkosten und der Kaution. Der Mieterverein prüft Mietverträge vor der
Unterschrift kostenlos für Mitglieder.""",
        ),
        saves=(
            Save(170, None, "Erste Fassung", 1),
            Save(20, "coordinator", "Hinweise für nach der Besichtigung", 2),
        ),
    ),
    WikiPage(
        group="interkulturelle-oeffnung",
        slug="bescheide-einfache-sprache",
        title="Leitfaden: Bescheide in einfacher Sprache",
        visibility=NETWORK,
        sections=(
            """## Grundsätze

Kurze Sätze, ein Gedanke pro Satz, Fristen fett und mit Datum. Fachwörter werden erklärt.""",
            """## Begleitblatt

Zu jedem Bescheid gehört ein Begleitblatt: Was bedeutet der Bescheid? Was muss ich tun? Bis
wann? Wen kann ich fragen?""",
        ),
        saves=(
            Save(240, "city", "Erste Fassung", 1),
            Save(75, "city", "Begleitblatt beschrieben", 2),
        ),
    ),
    WikiPage(
        group="ehrenamt",
        slug="einsatzboerse",
        title="Einsatzbörse für kurze Einsätze",
        visibility=NETWORK,
        sections=(
            """Initiativen tragen hier Einsätze ein, die nur wenige Stunden dauern: Umzugshilfe,
Begleitung zu Behörden, Aufbau bei Festen.""",
            """## Aktuell gesucht

- Zwei Helferinnen für das Hoffest im Nordviertel
- Begleitung zur Ausländerbehörde (Arabisch)""",
        ),
        saves=(
            Save(260, None, "Börse angelegt", 1),
            Save(15, "coordinator", "Aktuelle Gesuche", 2),
        ),
    ),
    WikiPage(
        group="frauen",
        slug="notrufkarten",
        title="Notrufkarten: Auslagestellen",
        visibility=GROUP,
        sections=(
            """Die Notrufkarten gibt es auf Deutsch, Arabisch, Farsi, Türkisch und Ukrainisch.""",
            """## Auslagestellen

Arztpraxen am Anger, Apotheke am Marktplatz, Familienbildungsstätte, Stadtbibliothek.""",
        ),
        saves=(
            Save(140, None, "Erste Fassung", 1),
            Save(50, "coordinator", "Auslagestellen ergänzt", 2),
        ),
    ),
)
