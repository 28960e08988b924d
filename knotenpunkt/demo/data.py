"""Fictional content of the demo networks; any likeness to real organisations is unintended.

Musterstadt is shaped like the network profile (../shared/network-profile.md):
about 80 members of every kind, coordinated by an NGO on behalf of the city.
"""

# Cultural groups of names; each organisation may name the group its contacts come from.
GERMAN, TURKISH, ARABIC, UKRAINIAN, RUSSIAN, PERSIAN, KURDISH, POLISH, VIETNAMESE, ERITREAN = (
    "german",
    "turkish",
    "arabic",
    "ukrainian",
    "russian",
    "persian",
    "kurdish",
    "polish",
    "vietnamese",
    "eritrean",
)

# (name, group of its contacts or None for a mixed team), by organisation kind.
MUSTERSTADT_ORGANISATIONS: dict[str, list[tuple[str, str | None]]] = {
    "administration": [
        ("Stadtverwaltung Musterstadt – Amt für Integration und Migration", None),
        ("Ausländerbehörde Musterstadt", GERMAN),
        ("Jobcenter Musterstadt", None),
        ("Agentur für Arbeit Musterstadt", GERMAN),
        ("Sozialamt Musterstadt", GERMAN),
        ("Jugendamt Musterstadt", None),
        ("Gesundheitsamt Musterstadt", GERMAN),
        ("Staatliches Schulamt Musterstadt", GERMAN),
        ("Integrationsbeirat der Stadt Musterstadt", None),
        ("Gleichstellungsbüro Musterstadt", GERMAN),
    ],
    "welfare": [
        ("Brückenwerk gGmbH", None),
        ("Sozialwerk Musterstadt e.V.", None),
        ("Diakonisches Hilfswerk Musterstadt", GERMAN),
        ("Katholischer Beratungsdienst Musterstadt", None),
        ("Arbeiterhilfe Kreisverband Musterstadt e.V.", GERMAN),
        ("Paritätisches Sozialzentrum Nordviertel", None),
        ("Migrationsberatung Lindenhof", None),
        ("Frauenhaus Musterstadt e.V.", None),
        ("Jugendmigrationsdienst Musterstadt", None),
        ("Psychosoziales Zentrum für Geflüchtete Musterstadt", None),
    ],
    "association": [
        ("Sportverein Grün-Weiß Musterstadt e.V.", GERMAN),
        ("Kulturverein Brückenschlag e.V.", None),
        ("Nachbarschaftsverein Oststadt e.V.", None),
        ("Mieterverein Musterstadt e.V.", GERMAN),
        ("Förderverein Interkulturelle Woche Musterstadt e.V.", None),
        ("Stadtjugendring Musterstadt e.V.", GERMAN),
        ("Theaterwerkstatt Vielfalt e.V.", None),
        ("Gartenfreunde Am Mühlbach e.V.", GERMAN),
        ("Verein für Demokratie und Teilhabe e.V.", None),
        ("Elternverein Regenbogen e.V.", None),
        ("Musikschule Klangbrücke e.V.", None),
    ],
    "migrant_organisation": [
        ("Deutsch-Türkischer Kulturverein Musterstadt e.V.", TURKISH),
        ("Ukrainische Gemeinde Musterstadt e.V.", UKRAINIAN),
        ("Syrisch-Deutscher Freundeskreis e.V.", ARABIC),
        ("Afghanischer Frauenverein Musterstadt e.V.", PERSIAN),
        ("Russischsprachige Elterninitiative Musterstadt e.V.", RUSSIAN),
        ("Persischer Kulturverein Simorgh e.V.", PERSIAN),
        ("Eritreische Gemeinschaft Musterstadt e.V.", ERITREAN),
        ("Vietnamesischer Kulturverein Musterstadt e.V.", VIETNAMESE),
        ("Kurdisches Kulturzentrum Musterstadt e.V.", KURDISH),
        ("Polnischer Verein Most e.V.", POLISH),
        ("Arabischer Elternverein Al-Amal e.V.", ARABIC),
        ("Afrikanisches Forum Musterstadt e.V.", ERITREAN),
        ("Verband der Migrantenorganisationen Musterstadt", None),
        ("Irakischer Kulturverein Dijla e.V.", ARABIC),
    ],
    "education": [
        ("Volkshochschule Musterstadt", None),
        ("Sprachschule Lingua Musterstadt GmbH", None),
        ("Berufsbildende Schule Am Ring", GERMAN),
        ("Hochschule Musterstadt – International Office", None),
        ("Bildungswerk Mitte gGmbH", None),
        ("Grundschule Lindenhof", GERMAN),
        ("Gemeinschaftsschule Oststadt", None),
        ("Kita Sonnenschein", GERMAN),
        ("Integrationskursträger Sprachbrücke GmbH", None),
        ("Familienbildungsstätte Musterstadt", GERMAN),
    ],
    "company": [
        ("Stadtwerke Musterstadt GmbH", GERMAN),
        ("Bäckerei Sonnenkorn GmbH", None),
        ("Pflegedienst Lebensfreude GmbH", None),
        ("Spedition Hoffmann & Söhne KG", GERMAN),
        ("Musterstädter Wohnungsbaugesellschaft mbH", GERMAN),
        ("Hotel Zum Stadttor GmbH", None),
        ("Metallbau Krüger GmbH", GERMAN),
        ("Softwarehaus Nordlicht GmbH", None),
    ],
    "volunteer_group": [
        ("Willkommensinitiative Nordviertel", None),
        ("Patenschaftsprojekt Hand in Hand", None),
        ("Lesepaten Musterstadt", GERMAN),
        ("Fahrradwerkstatt Rückenwind", None),
        ("Begegnungscafé Oststadt", None),
        ("Deutsch-Stammtisch im Stadtteilzentrum", GERMAN),
        ("Ehrenamtliche Dolmetscher Musterstadt", None),
        ("Kleiderkammer Lindenhof", GERMAN),
        ("Hausaufgabenhilfe Weststadt", None),
    ],
    "other": [
        ("Stadtbibliothek Musterstadt", GERMAN),
        ("Evangelische Kirchengemeinde St. Petri Musterstadt", GERMAN),
        ("Moscheegemeinde Musterstadt e.V.", ARABIC),
        ("Jugendzentrum Kompass", None),
        ("Seniorenbeirat Musterstadt", GERMAN),
        ("Stadtteilzentrum Weststadt", None),
        ("Museum für Stadtgeschichte Musterstadt", GERMAN),
        ("Verbraucherberatung Musterstadt", GERMAN),
    ],
}

KIND_DESCRIPTIONS = {
    "administration": "Öffentliche Stelle der Stadt mit Beratung und Anträgen rund um {topic}.",
    "welfare": "Beratung und Begleitung für Zugewanderte und Geflüchtete, Schwerpunkt {topic}.",
    "association": "Verein, der Menschen aller Herkunft zusammenbringt; Schwerpunkt {topic}.",
    "migrant_organisation": "Selbstorganisation von Zugewanderten; Schwerpunkt {topic}.",
    "education": "Bildungsangebote für Kinder, Jugendliche und Erwachsene, Schwerpunkt {topic}.",
    "company": "Unternehmen, das Ausbildung und Arbeit für Zugewanderte anbietet ({topic}).",
    "volunteer_group": "Ehrenamtliche Gruppe; wir helfen bei {topic}.",
    "other": "Partner im Netzwerk mit offenen Angeboten zu {topic}.",
}
TOPICS = [
    "Sprache und Bildung",
    "Arbeit und Ausbildung",
    "Wohnen",
    "Gesundheit",
    "Familie und Kinder",
    "Begegnung und Kultur",
    "Sport und Freizeit",
    "Aufenthalt und Behördengänge",
    "Frauen und Gleichstellung",
    "Jugend",
]

# Separated by "; " (street names contain spaces).
STREETS = (
    "Anger; Bahnhofstraße; Lindenallee; Marktplatz; Schillerstraße; Goethestraße; Mühlenweg; "
    "Am Stadtpark; Rosenweg; Brückenstraße; Kirchgasse; Hauptstraße; Gartenstraße; Friedensplatz; "
    "Lessingstraße; Am Ring; Oststraße; Weststraße; Nordstraße; Breiter Weg; Holzmarkt; "
    "Feldstraße; Bergstraße; Wiesenweg; Am Mühlbach"
)
POSTAL_CODES = ["12341", "12343", "12345", "12347", "12349"]

# First names, family names (or pairs, where the family name follows the gender) and the
# languages people of the group typically speak; weight is the share among the contacts.
NAME_GROUPS: dict[str, dict] = {
    GERMAN: {
        "weight": 40,
        "first": "Anna Lukas Julia Jonas Katrin Matthias Sabine Thomas Claudia Stefan Heike Frank "
        "Lena Felix Miriam Sebastian Ute Jan Birgit Tobias Greta Paul",
        "last": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch "
        "Richter Klein Wolf Neumann Schwarz Braun Zimmermann Krüger Hartmann Lange Werner Krause "
        "Lehmann",
        "languages": ["de"],
    },
    TURKISH: {
        "weight": 12,
        "first": "Ayşe Mehmet Elif Mustafa Zeynep Emre Fatma Hakan Derya Murat Selin Cem",
        "last": "Yılmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan Koç Kurt",
        "languages": ["tr", "de"],
    },
    ARABIC: {
        "weight": 13,
        "first": "Ahmad Fatima Omar Layla Youssef Rania Khaled Nour Samir Huda Tariq Amal",
        "last": "Al-Hassan Haddad Khalil Mansour Nasser Saleh Hamdan Aziz Darwish Ibrahim",
        "languages": ["ar", "de"],
    },
    UKRAINIAN: {
        "weight": 10,
        "first": "Olena Oleksandr Iryna Andrii Kateryna Dmytro Yuliia Taras Nataliia Bohdan",
        "last": "Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Boiko Lysenko "
        "Marchenko Savchenko",
        "languages": ["uk", "ru", "de"],
    },
    RUSSIAN: {
        "weight": 7,
        "pairs": "Svetlana Ivanova, Sergei Petrov, Natalia Smirnova, Alexei Volkov, "
        "Olga Kuznetsova, Dmitri Sokolov, Tatiana Popova, Igor Lebedev, Elena Morozova, "
        "Pavel Orlov, Irina Fedorova, Viktor Pavlov",
        "languages": ["ru", "de"],
    },
    PERSIAN: {
        "weight": 8,
        "first": "Maryam Reza Shirin Ali Parisa Hossein Nasrin Mehdi Leila Dariush Farzaneh Kian",
        "last": "Ahmadi Hosseini Rezaei Karimi Moradi Jafari Rahimi Tehrani Sadeghi Farahani",
        "languages": ["fa", "de"],
    },
    KURDISH: {
        "weight": 3,
        "first": "Rojin Azad Berivan Serhat Dilan Baran",
        "last": "Zana Amed Botan Rêber Hawar",
        "languages": ["tr", "ar", "de"],
    },
    POLISH: {
        "weight": 3,
        "pairs": "Agnieszka Nowak, Piotr Kowalski, Magdalena Wiśniewska, Tomasz Wójcik, "
        "Katarzyna Kamińska, Marek Lewandowski",
        "languages": ["de", "en"],
    },
    VIETNAMESE: {
        "weight": 2,
        "pairs": "Lan Nguyen, Minh Tran, Hoa Pham, Duc Le, Thu Hoang, Quang Vu",
        "languages": ["de", "en"],
    },
    ERITREAN: {
        "weight": 2,
        "first": "Semhar Yonas Helen Dawit Selam Robel",
        "last": "Tesfay Gebremedhin Haile Kidane Berhane",
        "languages": ["en", "ar", "de"],
    },
}

CONTACT_ROLES = {
    "main": "main contact",
    "deputy": "deputy contact",
}

LEAVE_REASONS = [
    "Der Verein hat sich aufgelöst.",
    "Die Projektförderung ist ausgelaufen.",
    "Keine personellen Kapazitäten mehr für die Netzwerkarbeit.",
    "Fusion mit dem Sozialwerk Musterstadt e.V.",
    "Geschäftsaufgabe.",
    "Die Arbeit geht in der Kinder- und Jugendhilfe weiter, nicht mehr im Netzwerk.",
]
REJOIN_REASON = "Umstrukturierung des Trägers; Wiedereintritt geplant."

HANDOVER_NOTES = [
    "Übergabe nach dem Wechsel in eine andere Abteilung. Protokolle der Arbeitsgruppe liegen im "
    "gemeinsamen Ordner.",
    "Ich gehe in Elternzeit. Offene Punkte: Anmeldung zur Netzwerkkonferenz und der "
    "Terminkalender für das Frühjahr.",
    "Ruhestand nach vielen Jahren im Netzwerk – danke für die gute Zusammenarbeit!",
    "Stellenwechsel. Die Kontakte zu den Sprachkursträgern sind im Adressbuch gepflegt.",
    "Übergabe innerhalb des Vorstands nach der Mitgliederversammlung.",
]

AGREEMENT_2019 = (
    "Kooperationsvereinbarung des Netzwerks für Integration Musterstadt",
    "2019-01-01",
    """## Präambel

Das Netzwerk für Integration Musterstadt ist ein Zusammenschluss von Verwaltung,
Wohlfahrtsverbänden, Vereinen, Migrantenorganisationen, Bildungsträgern,
Unternehmen und Ehrenamtlichen, die sich für das gute Zusammenleben aller
Menschen in Musterstadt einsetzen.

## Ziele

1. Angebote vor Ort miteinander verknüpfen.
2. Praxisnahe, bedarfsgerechte Integrationshilfe aufbauen.
3. Die Selbsthilfepotenziale von Migrantinnen und Migranten stärken.
4. Die Aufnahmebereitschaft der Stadtgesellschaft fördern.

## Zusammenarbeit

- Die Mitglieder nehmen nach Möglichkeit an den Netzwerktreffen teil.
- Sie benennen eine Ansprechperson und melden Wechsel der Koordination.
- Die Koordination liegt bei der **Brückenwerk gGmbH** im Auftrag der Stadt.
""",
)

AGREEMENT_2024 = (
    "Kooperationsvereinbarung des Netzwerks für Integration Musterstadt (Fassung 2024)",
    "2024-03-01",
    """## Präambel

Das Netzwerk für Integration Musterstadt verbindet seit vielen Jahren Stadt,
Träger und Zivilgesellschaft. Diese Fassung ersetzt die Vereinbarung von 2019.

## Ziele

1. Angebote vor Ort verknüpfen und im gemeinsamen Angebotsverzeichnis pflegen.
2. Praxisnahe, bedarfsgerechte Integrationshilfe aufbauen.
3. Die Selbsthilfepotenziale von Migrantinnen und Migranten stärken.
4. Ehrenamtliche und Zugewanderte aktiv an der Netzwerkarbeit beteiligen.

## Zusammenarbeit

- Die Mitglieder nehmen nach Möglichkeit an den Netzwerktreffen und mindestens
  einer Arbeitsgruppe teil.
- Sie benennen eine Ansprechperson und übergeben die Rolle bei einem Wechsel
  über die Plattform, damit kein Wissen verloren geht.
- Sie beteiligen sich an der jährlichen Mitgliederbefragung.

## Datenschutz

Personenbezogene Daten werden nur mit Einwilligung und nur für die
Netzwerkarbeit verwendet. Näheres regelt die Datenschutzerklärung.
""",
)

# (kind, name, group of its contacts)
BEISPIELHAUSEN_ORGANISATIONS = [
    ("administration", "Gemeindeverwaltung Beispielhausen – Bürgerbüro", GERMAN),
    ("welfare", "Nachbarschaftshilfe Beispielhausen e.V.", None),
    ("migrant_organisation", "Syrischer Kulturverein Beispielhausen e.V.", ARABIC),
    ("association", "Sportfreunde Beispielhausen 1921 e.V.", None),
    ("volunteer_group", "Willkommenskreis Beispielhausen", UKRAINIAN),
]
