"""The eight working groups of Musterstadt: mandates, leads, goals and what they talk about.

Fictional. Organisations are named as in data.py; one that is no longer a member is skipped.
Days are counted back from the day the demo is loaded, so the demo stays current.
"""

import datetime
from dataclasses import dataclass

OPEN, IN_PROGRESS, ACHIEVED, DROPPED = "open", "in_progress", "achieved", "dropped"


@dataclass(frozen=True)
class Topic:
    """An agenda item, what the minutes say about it, and what came out of it."""

    title: str
    minutes: str
    decision: str = ""
    actions: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupSpec:
    name: str
    slug: str
    mandate: str
    target: int  # meetings per year
    active_from: datetime.date
    leads: tuple[str, ...]  # organisations whose main contact leads the group
    members: tuple[str, ...]  # organisations whose main contact belongs to it
    extra_members: int  # further organisations, drawn at random
    place: str
    start: tuple[int, int]  # local wall-clock time of its meetings
    past_days: tuple[int, ...]  # meetings held, in days before today (fewer: behind target)
    upcoming_in: int  # the next meeting, in days from today
    goals: tuple[tuple[str, int, str], ...]  # text, due in months from today, status
    topics: tuple[Topic, ...]
    cancelled_days: tuple[int, ...] = ()
    online_link: str = ""


SPRACHE = GroupSpec(
    name="Sprache und Bildung",
    slug="sprache-und-bildung",
    mandate="""Die Arbeitsgruppe bündelt, was in Musterstadt rund um **Sprache und Bildung**
angeboten wird: Integrations- und Berufssprachkurse, Sprachcafés, Lernpatenschaften und die
Zusammenarbeit mit Kitas und Schulen.

## Aufgaben

- den Überblick über Kursangebote und Wartezeiten halten
- Lücken benennen und mit Kursträgern und Stadt gemeinsam schließen
- Eltern ohne Deutschkenntnisse den Weg in Kita und Schule erleichtern
""",
    target=6,
    active_from=datetime.date(2005, 3, 1),
    leads=("Kulturverein Brückenschlag e.V.", "Volkshochschule Musterstadt"),
    members=(
        "Integrationskursträger Sprachbrücke GmbH",
        "Sprachschule Lingua Musterstadt GmbH",
        "Staatliches Schulamt Musterstadt",
        "Stadtbibliothek Musterstadt",
        "Lesepaten Musterstadt",
        "Deutsch-Stammtisch im Stadtteilzentrum",
    ),
    extra_members=2,
    place="Volkshochschule Musterstadt, Raum 2.14, Schillerstraße 12",
    start=(16, 0),
    past_days=(350, 290, 230, 170, 110, 50),
    upcoming_in=20,
    goals=(
        (
            "Alle Sprachcafés der Stadt mit Zeiten und Orten in einer Übersicht veröffentlichen",
            -4,
            ACHIEVED,
        ),
        (
            "Wartezeit auf Integrationskurse mit Kinderbetreuung unter drei Monate senken",
            8,
            IN_PROGRESS,
        ),
        ("Ein Lesefest in der Stadtbibliothek mit Büchern in zehn Sprachen ausrichten", 5, OPEN),
    ),
    topics=(
        Topic(
            "Wartezeiten der Integrationskurse",
            "Die Kursträger berichten von Wartezeiten zwischen drei und fünf Monaten, besonders "
            "für Kurse mit Kinderbetreuung. Das Jobcenter zählt Zuweisungen mit dem Vermerk "
            "„Kinderbetreuung nötig“ künftig gesondert.",
            "Die Koordination fragt die Wartezeiten halbjährlich bei allen Kursträgern ab und "
            "stellt sie im Netzwerktreffen vor.",
            ("Abfrage der Wartezeiten bei den Kursträgern vorbereiten",),
        ),
        Topic(
            "Sprachcafés in den Stadtteilen",
            "In der Oststadt und im Lindenhof gibt es wöchentliche Sprachcafés; in der Weststadt "
            "fehlt ein Angebot am Abend. Die Stadtbibliothek bietet ihren Lesesaal dienstags ab "
            "18 Uhr an.",
            "Die AG veröffentlicht eine gemeinsame Übersicht aller Sprachcafés im Wiki.",
            (
                "Übersicht der Sprachcafés im Wiki ergänzen",
                "Mit der Stadtbibliothek über ein Abendangebot sprechen",
            ),
        ),
        Topic(
            "Lesefest in der Stadtbibliothek",
            "Die Lesepaten schlagen ein Lesefest mit Vorlesestationen in zehn Sprachen vor. "
            "Migrantenorganisationen stellen Vorleserinnen und Vorleser, die Bibliothek "
            "übernimmt Raum und Werbung.",
            "",
            ("Vorleserinnen und Vorleser in den Migrantenorganisationen anfragen",),
        ),
        Topic(
            "Elternabende mit Dolmetschung",
            "Die Grundschulen berichten, dass Elternabende mit Dolmetschung deutlich besser "
            "besucht werden. Der Dolmetscherpool reicht für Türkisch, Arabisch und Ukrainisch, "
            "nicht aber für Dari und Tigrinya.",
            "Die AG wirbt gemeinsam mit der AG Ehrenamt um Dolmetscherinnen für Dari und Tigrinya.",
            ("Aufruf für ehrenamtliche Dolmetscherinnen formulieren",),
        ),
        Topic(
            "Übergang in die Berufssprachkurse",
            "Viele Teilnehmende hören nach dem Integrationskurs auf, weil der Berufssprachkurs "
            "erst Monate später beginnt. Die Volkshochschule prüft einen Brückenkurs mit "
            "Bewerbungstraining für die Wartezeit.",
            "",
            ("Bedarf für einen Brückenkurs bei den Kursträgern abfragen",),
        ),
        Topic(
            "Hausaufgabenhilfe und Lernpatenschaften",
            "Die Hausaufgabenhilfe Weststadt sucht Räume für zwei weitere Nachmittage. Die "
            "Gemeinschaftsschule Oststadt stellt Räume, wenn sich eine Aufsicht findet.",
            "Die AG unterstützt den Antrag der Hausaufgabenhilfe an den städtischen "
            "Integrationsfonds.",
            ("Stellungnahme für den Förderantrag schreiben",),
        ),
    ),
)

ARBEIT = GroupSpec(
    name="Arbeit und Ausbildung",
    slug="arbeit-und-ausbildung",
    mandate="""Die Arbeitsgruppe verbindet Jobcenter, Agentur für Arbeit, Berufsschulen,
Bildungsträger und **Betriebe**, damit Zugewanderte schneller in Ausbildung und Arbeit kommen.

## Schwerpunkte

- Anerkennung ausländischer Berufsabschlüsse
- Praktika und Ausbildungsplätze bei Mitgliedsbetrieben
- Begleitung während der Ausbildung, damit niemand abbricht
""",
    target=4,
    active_from=datetime.date(2006, 9, 1),
    leads=("Jobcenter Musterstadt", "Berufsbildende Schule Am Ring"),
    members=(
        "Agentur für Arbeit Musterstadt",
        "Bildungswerk Mitte gGmbH",
        "Metallbau Krüger GmbH",
        "Pflegedienst Lebensfreude GmbH",
        "Hotel Zum Stadttor GmbH",
        "Jugendmigrationsdienst Musterstadt",
    ),
    extra_members=2,
    place="Jobcenter Musterstadt, Besprechungsraum 1, Bahnhofstraße 40",
    start=(14, 0),
    past_days=(320, 230, 140, 45),
    upcoming_in=35,
    goals=(
        ("Zwanzig Ausbildungsplätze für junge Geflüchtete bei Mitgliedsbetrieben", 4, IN_PROGRESS),
        ("Eine Ausbildungsmesse mit Dolmetschung ausrichten", -6, ACHIEVED),
        ("Anerkennungsberatung an einem festen Wochentag im Jobcenter anbieten", 10, OPEN),
    ),
    topics=(
        Topic(
            "Anerkennung ausländischer Berufsabschlüsse",
            "Auf einen Anerkennungsbescheid wartet man etwa vier Monate. Das Jobcenter bereitet "
            "Anträge gemeinsam mit den Ratsuchenden vor, damit die Unterlagen vollständig sind.",
            "Die AG erstellt eine Checkliste der Unterlagen für die Anerkennung in einfacher "
            "Sprache.",
            ("Checkliste Anerkennung in einfacher Sprache entwerfen",),
        ),
        Topic(
            "Ausbildungsmesse",
            "Zwölf Betriebe haben ihre Teilnahme zugesagt. Die Berufsbildende Schule stellt die "
            "Aula; gebraucht werden Dolmetscherinnen für Arabisch, Dari und Ukrainisch.",
            "Die Ausbildungsmesse findet in der Aula der Berufsbildenden Schule Am Ring statt.",
            (
                "Betriebe für die Ausbildungsmesse anschreiben",
                "Dolmetscherinnen für die Messe anfragen",
            ),
        ),
        Topic(
            "Praktika in Pflege und Handwerk",
            "Der Pflegedienst Lebensfreude und Metallbau Krüger haben gute Erfahrungen mit "
            "vierwöchigen Praktika gemacht. Schwierig bleiben Arbeitszeiten, die nicht zu den "
            "Sprachkursen passen.",
            "",
            ("Praktikumsplätze der Mitglieder in einer Liste sammeln",),
        ),
        Topic(
            "Ausbildungsbegleitung gegen Abbrüche",
            "Ein Drittel der Auszubildenden mit Fluchtgeschichte bricht im ersten Jahr ab, meist "
            "wegen der Berufsschule. Der Jugendmigrationsdienst schlägt Lerngruppen mit "
            "Ehrenamtlichen vor.",
            "Die AG beantragt mit dem Jugendmigrationsdienst ausbildungsbegleitende Lerngruppen.",
            ("Antrag für ausbildungsbegleitende Lerngruppen vorbereiten",),
        ),
        Topic(
            "Beschäftigungsduldung und Arbeitserlaubnis",
            "Die Ausländerbehörde erläutert die Voraussetzungen der Beschäftigungsduldung. "
            "Betriebe wünschen sich eine feste Ansprechperson für Fragen zur Arbeitserlaubnis.",
            "",
            ("Ansprechperson der Ausländerbehörde für Betriebe im Wiki eintragen",),
        ),
    ),
)

GESUNDHEIT = GroupSpec(
    name="Gesundheit",
    slug="gesundheit",
    mandate="""Die Arbeitsgruppe sorgt dafür, dass Zugewanderte die **Gesundheitsversorgung**
in Musterstadt erreichen: mit Dolmetschung beim Arztbesuch, verständlichen Informationen und
Angeboten für die psychische Gesundheit.
""",
    target=4,
    active_from=datetime.date(2008, 1, 15),
    leads=("Gesundheitsamt Musterstadt", "Psychosoziales Zentrum für Geflüchtete Musterstadt"),
    members=(
        "Pflegedienst Lebensfreude GmbH",
        "Ehrenamtliche Dolmetscher Musterstadt",
        "Afghanischer Frauenverein Musterstadt e.V.",
        "Sozialamt Musterstadt",
    ),
    extra_members=2,
    place="Gesundheitsamt Musterstadt, Sitzungsraum 3, Lindenallee 5",
    start=(15, 0),
    # Behind its target: two meetings in a year, the next one is meant to catch up.
    past_days=(300, 200),
    upcoming_in=10,
    goals=(
        ("Einen Dolmetscherpool für Arztbesuche mit festen Vermittlungszeiten", 3, IN_PROGRESS),
        ("Informationsblatt zur Gesundheitskarte in sieben Sprachen", -3, ACHIEVED),
        ("Die Wartezeit auf einen Therapieplatz im Psychosozialen Zentrum halbieren", 12, OPEN),
    ),
    topics=(
        Topic(
            "Dolmetscherpool für Arztbesuche",
            "Arztpraxen lehnen Termine ohne Dolmetschung zunehmend ab. Die Ehrenamtlichen "
            "Dolmetscher können Einsätze nur vermitteln, wenn Anfragen drei Tage vorher eingehen.",
            "Der Dolmetscherpool hat feste Vermittlungszeiten: dienstags und donnerstags von 9 "
            "bis 11 Uhr.",
            ("Ablauf der Vermittlung im Wiki beschreiben", "Arztpraxen über den Pool informieren"),
        ),
        Topic(
            "Psychosoziale Versorgung",
            "Das Psychosoziale Zentrum hat eine Warteliste von über sechzig Personen. "
            "Niedrigschwellige Gruppenangebote sollen die Wartezeit überbrücken.",
            "",
            ("Gruppenangebote zur Stabilisierung in die Angebotsübersicht eintragen",),
        ),
        Topic(
            "Gesundheitskarte und Anspruch",
            "Viele Neuzugewanderte wissen nicht, ab wann sie die Gesundheitskarte bekommen. Das "
            "Sozialamt stellt den Ablauf vor; ein Informationsblatt in sieben Sprachen ist in "
            "Arbeit.",
            "Das Informationsblatt zur Gesundheitskarte wird in sieben Sprachen gedruckt und an "
            "alle Beratungsstellen verteilt.",
            ("Übersetzungen des Informationsblatts einholen",),
        ),
        Topic(
            "Impfsprechstunden in Gemeinschaftsunterkünften",
            "Das Gesundheitsamt plant offene Impfsprechstunden in zwei Gemeinschaftsunterkünften. "
            "Die Migrantenorganisationen machen die Termine in ihren Gemeinden bekannt.",
            "",
            ("Termine der Impfsprechstunden in den Gemeinden bekannt machen",),
        ),
    ),
)

WOHNEN = GroupSpec(
    name="Wohnen",
    slug="wohnen",
    mandate="""Die Arbeitsgruppe hilft beim **Auszug aus Gemeinschaftsunterkünften** und bei
der Wohnungssuche, tritt Diskriminierung auf dem Wohnungsmarkt entgegen und stärkt gute
Nachbarschaft.
""",
    target=3,
    active_from=datetime.date(2016, 2, 1),
    leads=("Mieterverein Musterstadt e.V.", "Musterstädter Wohnungsbaugesellschaft mbH"),
    members=(
        "Sozialamt Musterstadt",
        "Migrationsberatung Lindenhof",
        "Willkommensinitiative Nordviertel",
        "Nachbarschaftsverein Oststadt e.V.",
    ),
    extra_members=2,
    place="Mieterverein Musterstadt, Beratungsraum, Marktplatz 7",
    start=(17, 0),
    past_days=(300, 180, 70),
    upcoming_in=60,
    cancelled_days=(125,),
    goals=(
        ("Den Wohnungsführerschein als Kurs der Volkshochschule anbieten", -2, ACHIEVED),
        ("Dreißig Wohnungen für Auszüge aus Gemeinschaftsunterkünften vermitteln", 6, IN_PROGRESS),
        ("Einen Leitfaden gegen Diskriminierung bei der Wohnungssuche veröffentlichen", 9, OPEN),
    ),
    topics=(
        Topic(
            "Wohnungsführerschein",
            "Der Kurs erklärt Rechte und Pflichten von Mieterinnen und Mietern, Mülltrennung und "
            "Nebenkosten. Die Wohnungsbaugesellschaft erkennt das Zertifikat bei der Vergabe an.",
            "Der Wohnungsführerschein wird zweimal im Jahr angeboten.",
            ("Termine für den nächsten Wohnungsführerschein abstimmen",),
        ),
        Topic(
            "Auszug aus Gemeinschaftsunterkünften",
            "Rund 180 Menschen könnten ausziehen, finden aber keine Wohnung. Die "
            "Wohnungsbaugesellschaft meldet freie Wohnungen künftig zuerst der Migrationsberatung.",
            "",
            ("Meldeweg für freie Wohnungen mit der Migrationsberatung abstimmen",),
        ),
        Topic(
            "Diskriminierung bei der Wohnungssuche",
            "Mehrere Beratungsstellen berichten von Absagen gleich nach dem ersten Telefonat. Der "
            "Mieterverein dokumentiert Fälle und stellt sie dem Gleichstellungsbüro vor.",
            "Die AG sammelt Fälle anonymisiert und macht daraus einen Leitfaden.",
            ("Vorlage für die anonyme Fallsammlung erstellen",),
        ),
        Topic(
            "Nachbarschaft im Nordviertel",
            "Im Nordviertel gibt es Streit um Lärm und Müll. Die Willkommensinitiative und der "
            "Nachbarschaftsverein laden gemeinsam zu einem Hoffest ein.",
            "",
            ("Hoffest im Nordviertel vorbereiten",),
        ),
    ),
)

FAMILIE = GroupSpec(
    name="Kinder, Jugend und Familie",
    slug="kinder-jugend-familie",
    mandate="""Die Arbeitsgruppe kümmert sich um **Kinder, Jugendliche und Familien**: Kita-
und Schulplätze, Elternarbeit, Ferienangebote und den Übergang von der Schule in den Beruf.
""",
    target=4,
    active_from=datetime.date(2009, 5, 1),
    leads=("Jugendamt Musterstadt", "Jugendmigrationsdienst Musterstadt"),
    members=(
        "Kita Sonnenschein",
        "Familienbildungsstätte Musterstadt",
        "Grundschule Lindenhof",
        "Jugendzentrum Kompass",
        "Elternverein Regenbogen e.V.",
        "Russischsprachige Elterninitiative Musterstadt e.V.",
    ),
    extra_members=1,
    place="Familienbildungsstätte Musterstadt, Gruppenraum, Rosenweg 9",
    start=(9, 30),
    past_days=(340, 250, 160, 65),
    upcoming_in=28,
    goals=(
        ("Kita-Anmeldung mit Dolmetschung für neu zugewanderte Familien", 4, IN_PROGRESS),
        ("Ferienprogramm mit dem Stadtjugendring für hundert Kinder", -4, ACHIEVED),
        ("Elterncafés an drei Grundschulen", 7, OPEN),
    ),
    topics=(
        Topic(
            "Kita-Anmeldung für neu zugewanderte Familien",
            "Das Anmeldeportal der Stadt gibt es nur auf Deutsch. Die Familienbildungsstätte "
            "bietet offene Anmeldesprechstunden mit Dolmetschung an.",
            "Die AG bittet das Jugendamt, die Anleitung zum Anmeldeportal in mehreren Sprachen "
            "zu veröffentlichen.",
            ("Anleitung zum Kita-Portal übersetzen lassen",),
        ),
        Topic(
            "Ferienprogramm im Sommer",
            "Hundert Plätze, ein Drittel davon für Kinder aus Gemeinschaftsunterkünften. Der "
            "Stadtjugendring organisiert, die Migrantenorganisationen werben in ihren Gemeinden.",
            "",
            ("Flyer zum Ferienprogramm in fünf Sprachen verteilen",),
        ),
        Topic(
            "Elterncafés an Grundschulen",
            "An der Grundschule Lindenhof gibt es seit einem Jahr ein Elterncafé. Seitdem kommen "
            "Eltern häufiger in die Sprechstunden der Lehrkräfte.",
            "Die AG empfiehlt Elterncafés an allen Grundschulen mit vielen neu zugewanderten "
            "Familien.",
            ("Erfahrungsbericht des Elterncafés für andere Schulen aufschreiben",),
        ),
        Topic(
            "Jugendliche ohne Schulplatz",
            "Neu zugewanderte Jugendliche über 16 warten teils monatelang auf einen Platz an "
            "einer Berufsschule. Der Jugendmigrationsdienst bietet Überbrückungskurse an.",
            "",
            ("Zahl der wartenden Jugendlichen beim Schulamt erfragen",),
        ),
    ),
)

FRAUEN = GroupSpec(
    name="Frauen",
    slug="frauen",
    mandate="""Die Arbeitsgruppe stärkt **zugewanderte Frauen**: mit Treffpunkten, Beratung zum
Gewaltschutz, Wegen in Bildung und Beruf und Angeboten, die Kinderbetreuung mitdenken.
""",
    target=4,
    active_from=datetime.date(2012, 3, 8),
    leads=("Afghanischer Frauenverein Musterstadt e.V.", "Gleichstellungsbüro Musterstadt"),
    members=(
        "Frauenhaus Musterstadt e.V.",
        "Syrisch-Deutscher Freundeskreis e.V.",
        "Arabischer Elternverein Al-Amal e.V.",
        "Eritreische Gemeinschaft Musterstadt e.V.",
        "Familienbildungsstätte Musterstadt",
    ),
    extra_members=1,
    place="Gleichstellungsbüro Musterstadt, Raum 104, Rathausplatz 1",
    start=(10, 0),
    past_days=(330, 240, 150, 60),
    upcoming_in=42,
    online_link="https://meet.example/ag-frauen",
    goals=(
        ("Einen Schwimmkurs für Frauen mit Kinderbetreuung einrichten", -5, ACHIEVED),
        ("Die Gewaltschutzberatung in fünf Sprachen bekannt machen", 2, IN_PROGRESS),
        ("Ein Mentoring-Programm für den Berufseinstieg starten", 10, OPEN),
        ("Eine eigene Frauensprechstunde im Bürgerbüro", -1, DROPPED),
    ),
    topics=(
        Topic(
            "Schwimmkurs für Frauen",
            "Das Hallenbad stellt sonntags eine Stunde nur für Frauen zur Verfügung. Die "
            "Kinderbetreuung übernimmt der Frauenverein; zwei Schwimmlehrerinnen sind gefunden.",
            "Der Schwimmkurs für Frauen beginnt nach den Herbstferien.",
            ("Anmeldungen für den Schwimmkurs sammeln",),
        ),
        Topic(
            "Gewaltschutz und Beratung",
            "Das Frauenhaus berichtet, dass Frauen ohne Deutschkenntnisse die Beratung kaum "
            "finden. Notrufkarten in fünf Sprachen sollen in Arztpraxen und Apotheken ausliegen.",
            "Die AG lässt Notrufkarten in fünf Sprachen drucken.",
            (
                "Texte der Notrufkarten übersetzen lassen",
                "Auslagestellen für die Notrufkarten gewinnen",
            ),
        ),
        Topic(
            "Mentoring für den Berufseinstieg",
            "Berufstätige Frauen aus den Mitgliedsorganisationen wollen Mentorinnen werden. Das "
            "Gleichstellungsbüro prüft eine Förderung aus dem Landesprogramm.",
            "",
            ("Förderbedingungen des Landesprogramms prüfen",),
        ),
        Topic(
            "Frauenfrühstück im Stadtteilzentrum",
            "Zum monatlichen Frauenfrühstück kommen im Schnitt zwanzig Frauen. Gewünschte "
            "Themen: Schule, Rente und Führerschein.",
            "",
            ("Referentin zum Thema Rente anfragen",),
        ),
    ),
)

EHRENAMT = GroupSpec(
    name="Ehrenamt",
    slug="ehrenamt",
    mandate="""Die Arbeitsgruppe vernetzt die **ehrenamtlichen Initiativen**, vermittelt
Patenschaften, organisiert Fortbildungen und sorgt dafür, dass Engagement anerkannt wird.
""",
    target=3,
    active_from=datetime.date(2015, 10, 1),
    leads=("Patenschaftsprojekt Hand in Hand", "Willkommensinitiative Nordviertel"),
    members=(
        "Begegnungscafé Oststadt",
        "Fahrradwerkstatt Rückenwind",
        "Kleiderkammer Lindenhof",
        "Ehrenamtliche Dolmetscher Musterstadt",
        "Evangelische Kirchengemeinde St. Petri Musterstadt",
    ),
    extra_members=1,
    place="Begegnungscafé Oststadt, Oststraße 21",
    start=(18, 30),
    # Behind its target: one meeting in a year.
    past_days=(270,),
    upcoming_in=75,
    goals=(
        ("Zwanzig neue Patenschaften vermitteln", 2, IN_PROGRESS),
        ("Ein Dankeschön-Fest für Ehrenamtliche ausrichten", -8, ACHIEVED),
        ("Eine Fortbildungsreihe „Grenzen im Ehrenamt“ anbieten", 6, OPEN),
    ),
    topics=(
        Topic(
            "Neue Patenschaften",
            "Es melden sich mehr Familien als Patinnen und Paten. Geplant ist eine Werbeaktion in "
            "der Stadtbibliothek und in den Kirchengemeinden.",
            "",
            ("Werbeaktion für Patenschaften vorbereiten",),
        ),
        Topic(
            "Fortbildung für Ehrenamtliche",
            "Ehrenamtliche wünschen sich Fortbildungen zu Asylrecht, Grenzen im Ehrenamt und "
            "interkultureller Kommunikation. Die Volkshochschule stellt Räume.",
            "Die AG organisiert eine Fortbildungsreihe mit drei Abenden.",
            ("Referentinnen für die Fortbildungsreihe anfragen",),
        ),
        Topic(
            "Nachwuchs in den Initiativen",
            "Viele Initiativen aus dem Jahr 2015 verlieren Aktive. Jüngere Menschen engagieren "
            "sich lieber für einzelne Projekte.",
            "Die AG richtet eine Börse für kurze, projektbezogene Einsätze ein.",
            ("Einsatzbörse im Wiki anlegen",),
        ),
    ),
)

VERWALTUNG = GroupSpec(
    name="Interkulturelle Öffnung der Verwaltung",
    slug="interkulturelle-oeffnung",
    mandate="""Die Arbeitsgruppe begleitet die **interkulturelle Öffnung der Stadtverwaltung**:
verständliche Bescheide, Fortbildungen für Mitarbeitende, mehrsprachige Wegweiser und mehr
Vielfalt beim Personal.
""",
    target=2,
    active_from=datetime.date(2019, 1, 15),
    leads=(
        "Stadtverwaltung Musterstadt – Amt für Integration und Migration",
        "Integrationsbeirat der Stadt Musterstadt",
    ),
    members=(
        "Ausländerbehörde Musterstadt",
        "Jobcenter Musterstadt",
        "Sozialamt Musterstadt",
        "Verband der Migrantenorganisationen Musterstadt",
        "Deutsch-Türkischer Kulturverein Musterstadt e.V.",
    ),
    extra_members=0,
    place="Rathaus Musterstadt, Sitzungssaal 2, Rathausplatz 1",
    start=(13, 30),
    past_days=(250, 80),
    upcoming_in=100,
    goals=(
        ("Bescheide der Ausländerbehörde mit Begleitblättern in einfacher Sprache", 5, IN_PROGRESS),
        ("Fortbildung interkulturelle Kompetenz für alle Ämter mit Publikumsverkehr", -2, ACHIEVED),
        ("Mehrsprachige Wegweiser im Bürgerbüro", 9, OPEN),
    ),
    topics=(
        Topic(
            "Bescheide in einfacher Sprache",
            "Die Ausländerbehörde legt drei Musterbescheide vor. Der Integrationsbeirat schlägt "
            "ein Begleitblatt in einfacher Sprache vor, das erklärt, was als Nächstes zu tun ist.",
            "Zu den drei häufigsten Bescheiden gibt es ab dem nächsten Quartal ein Begleitblatt "
            "in einfacher Sprache.",
            ("Begleitblätter mit dem Integrationsbeirat abstimmen",),
        ),
        Topic(
            "Fortbildung interkulturelle Kompetenz",
            "Achtzig Mitarbeitende aus Bürgerbüro, Sozialamt und Jobcenter haben die Fortbildung "
            "besucht. Gewünscht wird ein Aufbaumodul zu Konfliktsituationen am Schalter.",
            "",
            ("Aufbaumodul bei der Personalentwicklung beantragen",),
        ),
        Topic(
            "Mehrsprachige Wegweiser",
            "Im Bürgerbüro finden sich Menschen ohne Deutschkenntnisse schwer zurecht. Geplant "
            "sind Piktogramme und Beschriftungen in sechs Sprachen.",
            "Die Wegweiser im Bürgerbüro werden in sechs Sprachen und mit Piktogrammen gestaltet.",
            ("Angebote für die Beschilderung einholen",),
        ),
        Topic(
            "Vielfalt in der Personalgewinnung",
            "Zwölf Prozent der Auszubildenden der Stadtverwaltung haben eine Migrationsgeschichte. "
            "Die Migrantenorganisationen verbreiten Stellenausschreibungen in ihren Gemeinden.",
            "",
            ("Verteiler der Migrantenorganisationen für Ausschreibungen zusammenstellen",),
        ),
    ),
)

GROUPS = (SPRACHE, ARBEIT, GESUNDHEIT, WOHNEN, FAMILIE, FRAUEN, EHRENAMT, VERWALTUNG)

# The agenda items every working-group meeting opens and closes with.
OPENING = "Begrüßung und Protokoll der letzten Sitzung"
CLOSING = "Verschiedenes und nächster Termin"
