"""The year's five network meetings of Musterstadt, each with its network café (fictional).

Host organisations are named as in data.py; a host that is no longer a member is replaced.
"""

from dataclasses import dataclass

TOPIC_PANEL, DISCUSSION_GROUP, INFORMATION_TABLE, TALK = (
    "topic_panel",
    "discussion_group",
    "information_table",
    "talk",
)


@dataclass(frozen=True)
class Session:
    kind: str
    title: str
    description: str
    host: str
    capacity: int | None
    full: bool = False  # booked out, with people on the waiting list


@dataclass(frozen=True)
class Plenary:
    theme: str
    description: str
    place: str
    capacity: int
    minutes: tuple[tuple[str, str], ...]  # agenda item, what the minutes say about it
    decisions: tuple[str, ...]
    actions: tuple[str, ...]
    sessions: tuple[Session, ...]


# Days from the day the demo is loaded: three meetings held, two to come.
OFFSETS = (-205, -132, -59, 14, 87)

PLENARIES = (
    Plenary(
        theme="Ankommen in Ausbildung und Arbeit",
        description="""Das Netzwerktreffen fragt, wie Zugewanderte schneller in **Ausbildung und
Arbeit** kommen. Im Netzwerkcafé stellen Betriebe, Kammern und Beratungsstellen ihre Angebote
vor.""",
        place="Bürgerhaus Mitte, Großer Saal, Marktplatz 3",
        capacity=80,
        minutes=(
            (
                "Impuls: Arbeitsmarkt in Musterstadt",
                "Die Agentur für Arbeit stellt die Zahlen vor: Die Zahl der Beschäftigten mit "
                "ausländischem Pass ist in fünf Jahren um ein Drittel gestiegen, vor allem in "
                "Pflege, Logistik und Gastronomie.",
            ),
            (
                "Berichte aus den Arbeitsgruppen",
                "Die AG Arbeit und Ausbildung berichtet von der Ausbildungsmesse; die AG Sprache "
                "und Bildung von den Wartezeiten der Integrationskurse.",
            ),
        ),
        decisions=(
            "Das Netzwerk richtet jedes Jahr im Frühjahr eine gemeinsame Ausbildungsmesse aus.",
        ),
        actions=("Termin und Ort der nächsten Ausbildungsmesse klären",),
        sessions=(
            Session(
                TALK,
                "Anerkennung ausländischer Abschlüsse in fünf Schritten",
                "Ein kurzer Vortrag mit Fragen: welche Unterlagen, welche Stelle, welche Kosten.",
                "Agentur für Arbeit Musterstadt",
                40,
            ),
            Session(
                DISCUSSION_GROUP,
                "Ausbildung trotz Sprachhürden",
                "Erfahrungen aus Schule und Betrieb: Was hilft Auszubildenden im ersten Jahr?",
                "Berufsbildende Schule Am Ring",
                15,
            ),
            Session(
                INFORMATION_TABLE,
                "Praktikumsplätze der Mitgliedsbetriebe",
                "Betriebe aus dem Netzwerk stellen ihre Praktikumsplätze vor.",
                "Metallbau Krüger GmbH",
                None,
            ),
            Session(
                TOPIC_PANEL,
                "Pflegeberufe für Quereinsteigende",
                "Wege in die Pflege: Anerkennung, Helferausbildung, Sprachkurse im Beruf.",
                "Pflegedienst Lebensfreude GmbH",
                20,
            ),
        ),
    ),
    Plenary(
        theme="Wissen sichern, wenn Menschen wechseln",
        description="""Wenn eine Ansprechperson geht, geht oft ihr Wissen mit. Das
Netzwerktreffen sammelt, wie **Übergaben** gelingen und wie Protokolle, Beschlüsse und
Kontakte auffindbar bleiben.""",
        place="Zentrum für Integration und Migration, Anger 12",
        capacity=70,
        minutes=(
            (
                "Impuls: Was geht verloren, wenn jemand geht?",
                "Die Koordination zeigt an Beispielen aus zwanzig Jahren Netzwerk, wie Kontakte "
                "und Absprachen bei Personalwechseln verloren gingen, und stellt die "
                "Übergabenotiz auf der Plattform vor.",
            ),
            (
                "Die Wissensplattform des Netzwerks",
                "Protokolle, Beschlüsse und Aufgaben aller Arbeitsgruppen stehen jetzt an einem "
                "Ort und sind durchsuchbar. Die Mitglieder bitten um eine kurze Anleitung.",
            ),
        ),
        decisions=(
            "Jede Mitgliedsorganisation hinterlegt bei einem Wechsel der Ansprechperson eine "
            "Übergabenotiz auf der Plattform.",
            "Protokolle der Arbeitsgruppen stehen spätestens zwei Wochen nach der Sitzung auf der "
            "Plattform.",
        ),
        actions=(
            "Kurzanleitung zur Plattform für die Mitglieder schreiben",
            "Übergabenotizen der letzten Wechsel nachtragen lassen",
        ),
        sessions=(
            Session(
                TALK,
                "Was geht verloren, wenn jemand geht?",
                "Beispiele aus zwanzig Jahren Netzwerkarbeit.",
                "Brückenwerk gGmbH",
                40,
            ),
            Session(
                DISCUSSION_GROUP,
                "Übergaben gut vorbereiten",
                "Was muss die Nachfolgerin wissen? Wir schreiben gemeinsam eine Checkliste.",
                "Sozialwerk Musterstadt e.V.",
                12,
            ),
            Session(
                INFORMATION_TABLE,
                "Die Wissensplattform zum Ausprobieren",
                "Suchen, Protokolle lesen, Aufgaben abhaken: am Laptop ausprobieren.",
                "Brückenwerk gGmbH",
                None,
            ),
            Session(
                TOPIC_PANEL,
                "Protokolle, die man wiederfindet",
                "Wie schreiben wir Protokolle, die auch in drei Jahren noch verständlich sind?",
                "Verband der Migrantenorganisationen Musterstadt",
                20,
            ),
            Session(
                DISCUSSION_GROUP,
                "Ehrenamtliche einbinden, ohne sie zu überfordern",
                "Wie bleiben Ehrenamtliche informiert, die nicht zu jeder Sitzung kommen können?",
                "Patenschaftsprojekt Hand in Hand",
                15,
            ),
        ),
    ),
    Plenary(
        theme="Beteiligung von Migrantinnen und Migranten stärken",
        description="""Wie kommen die Stimmen von Zugewanderten und Ehrenamtlichen ins Netzwerk?
Das Netzwerktreffen stellt Beispiele aus den **Migrantenorganisationen** vor.""",
        place="Kulturverein Brückenschlag, Saal, Brückenstraße 8",
        capacity=60,
        minutes=(
            (
                "Impuls: Migrantenorganisationen als Brücke",
                "Der Verband der Migrantenorganisationen berichtet, wie Informationen über "
                "Vereine und Gemeinden Menschen erreichen, die keine Beratungsstelle aufsuchen.",
            ),
            (
                "Beteiligung ohne Konto",
                "Das Netzwerk will Rückmeldungen auch ohne Anmeldung ermöglichen. Die "
                "Migrantenorganisationen bieten an, Fragebögen in ihren Sprachen zu verteilen.",
            ),
        ),
        decisions=(
            "Migrantenorganisationen können Themen für die Tagesordnung der Netzwerktreffen "
            "direkt einreichen.",
        ),
        actions=("Verfahren für Themenvorschläge der Migrantenorganisationen beschreiben",),
        sessions=(
            Session(
                TOPIC_PANEL,
                "Vereinsgründung leicht gemacht",
                "Satzung, Gemeinnützigkeit, Konto: Erfahrungen junger Migrantenorganisationen.",
                "Verband der Migrantenorganisationen Musterstadt",
                25,
            ),
            Session(
                DISCUSSION_GROUP,
                "Gemeinsam Fördermittel beantragen",
                "Kleine Vereine und große Träger: Wie gelingen gemeinsame Anträge?",
                "Sozialwerk Musterstadt e.V.",
                15,
            ),
            Session(
                INFORMATION_TABLE,
                "Der Integrationsbeirat stellt sich vor",
                "Wahlen, Sitzungen, Anträge: wie der Beirat arbeitet.",
                "Integrationsbeirat der Stadt Musterstadt",
                None,
            ),
        ),
    ),
    Plenary(
        theme="Wohnen und Nachbarschaft",
        description="""Wohnungssuche, Auszug aus Gemeinschaftsunterkünften und gute
Nachbarschaft: Das Netzwerktreffen bringt Wohnungswirtschaft, Beratung und Initiativen an einen
Tisch. Im **Netzwerkcafé** gibt es sechs Angebote in zwei Runden; bitte melden Sie sich für die
Sessions an, die Plätze sind begrenzt.""",
        place="Rathaus Musterstadt, Festsaal, Rathausplatz 1",
        capacity=80,
        minutes=(
            (
                "Impuls: Wohnungsmarkt in Musterstadt",
                "Die Wohnungsbaugesellschaft berichtet von langen Wartelisten für kleine "
                "Wohnungen und großen Familien ohne passende Angebote.",
            ),
        ),
        decisions=("Das Netzwerk unterstützt den Leitfaden der AG Wohnen gegen Diskriminierung.",),
        actions=("Leitfaden der AG Wohnen an alle Mitglieder versenden",),
        sessions=(
            Session(
                TALK,
                "Wohnungsmarkt in Musterstadt: Zahlen und Wege",
                "Kurzvortrag der Wohnungsbaugesellschaft mit anschließenden Fragen.",
                "Musterstädter Wohnungsbaugesellschaft mbH",
                40,
            ),
            Session(
                DISCUSSION_GROUP,
                "Diskriminierung bei der Wohnungssuche",
                "Fälle aus der Beratung und was dagegen hilft. Kleine Runde, vertraulich.",
                "Mieterverein Musterstadt e.V.",
                12,
                full=True,
            ),
            Session(
                INFORMATION_TABLE,
                "Der Wohnungsführerschein",
                "Kursinhalte, Termine und Anmeldung.",
                "Volkshochschule Musterstadt",
                None,
            ),
            Session(
                TOPIC_PANEL,
                "Auszug aus der Gemeinschaftsunterkunft begleiten",
                "Was Ehrenamtliche, Beratung und Vermieter beim Umzug beitragen können.",
                "Migrationsberatung Lindenhof",
                20,
            ),
            Session(
                DISCUSSION_GROUP,
                "Nachbarschaftsfeste organisieren",
                "Erfahrungen aus dem Nordviertel und der Oststadt.",
                "Nachbarschaftsverein Oststadt e.V.",
                15,
            ),
            Session(
                TOPIC_PANEL,
                "Energie sparen und Nebenkosten verstehen",
                "Die Stadtwerke erklären die Nebenkostenabrechnung, mit Beispielen in einfacher "
                "Sprache.",
                "Stadtwerke Musterstadt GmbH",
                25,
            ),
        ),
    ),
    Plenary(
        theme="Jahresbericht und Ziele für das kommende Jahr",
        description="""Die Koordination stellt den **Jahresbericht** vor; gemeinsam legen wir die
Ziele und Zielzahlen für das kommende Jahr fest. Im Netzwerkcafé stellen sich die
Arbeitsgruppen vor.""",
        place="Volkshochschule Musterstadt, Aula, Schillerstraße 12",
        capacity=70,
        minutes=(
            (
                "Jahresbericht",
                "Die Koordination stellt Zahlen und Ergebnisse des Jahres vor.",
            ),
        ),
        decisions=("Die Zielzahlen für das kommende Jahr werden einstimmig beschlossen.",),
        actions=("Jahresbericht auf der Website veröffentlichen",),
        sessions=(
            Session(
                TOPIC_PANEL,
                "Die Arbeitsgruppen stellen sich vor",
                "Alle acht Arbeitsgruppen an Stehtischen: Mitmachen ist jederzeit möglich.",
                "Brückenwerk gGmbH",
                None,
            ),
            Session(
                DISCUSSION_GROUP,
                "Ziele für das kommende Jahr",
                "Welche Ziele setzen wir uns? Vorschläge für die Abstimmung im Plenum.",
                "Integrationsbeirat der Stadt Musterstadt",
                20,
            ),
            Session(
                TALK,
                "Ergebnisse der Mitgliederbefragung",
                "Was die Mitglieder sich vom Netzwerk wünschen.",
                "Hochschule Musterstadt – International Office",
                40,
            ),
            Session(
                INFORMATION_TABLE,
                "Der Veranstaltungskalender des Netzwerks",
                "Wie Mitglieder ihre Termine eintragen.",
                "Stadtbibliothek Musterstadt",
                None,
            ),
        ),
    ),
)

PLENARY_AGENDA = (
    "Begrüßung und Neues aus dem Netzwerk",
    "Impuls zum Thema",
    "Netzwerkcafé",
    "Berichte aus den Arbeitsgruppen",
    "Verschiedenes",
)
ROOMS = ("Saal", "Raum 1", "Raum 2", "Foyer", "Galerie", "Raum 3")
