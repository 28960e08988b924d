"""Fictional offers of the demo's organisations (names as in data.py), for offers.py.

Language courses come from several competing providers, each with its own levels, times,
costs and childcare; the other offers are kinds that members of such a network typically
run, each written in the language of those it is for, some with translations.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    name: str
    street: str
    postal_code: str
    district: str
    step_free: bool


PLACES = {
    "vhs": Place("Volkshochschule, Haus am Markt", "Am Markt 3", "12345", "Altstadt", True),
    "lingua": Place("Sprachschule Lingua", "Bahnhofstraße 8", "12345", "Altstadt", False),
    "sprachbruecke": Place("Sprachbrücke Lernzentrum", "Nordring 12", "12346", "Nordstadt", True),
    "bildungswerk": Place("Bildungswerk Mitte", "Goethestraße 20", "12345", "Mitte", True),
    "fbs": Place("Familienbildungsstätte", "Lindenhofer Weg 18", "12347", "Lindenhof", True),
    "brueckenwerk": Place("Interkulturelles Zentrum", "Anger 12", "12345", "Mitte", True),
    "buergerhaus": Place("Bürgerhaus Oststadt", "Lindenstraße 4", "12349", "Oststadt", True),
    "stadtteilzentrum": Place(
        "Stadtteilzentrum Weststadt", "Westring 2", "12348", "Weststadt", True
    ),
    "kulturhaus": Place("Kulturhaus Brückenschlag", "Mühlgasse 7", "12345", "Altstadt", False),
    "sporthalle": Place("Sporthalle Oststadt", "Am Sportpark 2", "12349", "Oststadt", True),
    "jugendzentrum": Place("Jugendzentrum Kompass", "Nordring 55", "12346", "Nordstadt", True),
    "gemeindehaus": Place("Gemeindehaus St. Petri", "Kirchgasse 2", "12345", "Altstadt", False),
    "beratung": Place("Beratungsstelle Lindenhof", "Lindenhofer Weg 3", "12347", "Lindenhof", True),
    "rathaus": Place("Rathaus, Bürgerbüro", "Marktplatz 1", "12345", "Altstadt", True),
}

LEVELS = ["A1", "A2", "B1", "B2", "C1"]


@dataclass(frozen=True)
class Provider:
    """A language-course provider: where, what it costs, whether it has childcare."""

    organisation: str
    place: str
    fees: str
    free: bool
    childcare: bool
    slots: tuple  # (weekdays, opens, closes): the times its courses run at
    integration: bool = False  # runs integration courses (with the BAMF voucher)


PROVIDERS = [
    Provider(
        "Volkshochschule Musterstadt",
        "vhs",
        "120 € für 10 Wochen, ermäßigt 60 €",
        False,
        False,
        ((("MO", "WE"), "18:00", "20:15"), (("TU", "TH"), "09:00", "12:15")),
        True,
    ),
    Provider(
        "Sprachschule Lingua Musterstadt GmbH",
        "lingua",
        "290 € im Monat",
        False,
        False,
        ((("MO", "TU", "WE", "TH"), "08:30", "12:30"), (("SA",), "10:00", "14:00")),
    ),
    Provider(
        "Integrationskursträger Sprachbrücke GmbH",
        "sprachbruecke",
        "Kostenlos mit Berechtigungsschein, sonst 2,29 € je Stunde",
        False,
        True,
        ((("MO", "TU", "WE", "TH", "FR"), "08:30", "11:45"),),
        True,
    ),
    Provider(
        "Bildungswerk Mitte gGmbH",
        "bildungswerk",
        "Kostenlos",
        True,
        True,
        ((("TU", "TH"), "13:00", "15:30"),),
    ),
    Provider(
        "Familienbildungsstätte Musterstadt",
        "fbs",
        "30 € im Halbjahr",
        False,
        True,
        ((("WE",), "09:30", "11:30"), (("FR",), "15:00", "17:00")),
    ),
]

COURSE_TRANSLATIONS = {
    "en": ("German course {level}", "German for adults at level {level}."),
    "uk": ("Курс німецької мови {level}", "Німецька мова для дорослих, рівень {level}."),
    "ar": ("دورة اللغة الألمانية {level}", "اللغة الألمانية للكبار، المستوى {level}."),
    "tr": ("Almanca kursu {level}", "Yetişkinler için Almanca, seviye {level}."),
}


@dataclass(frozen=True)
class Kind:
    """An offer that several organisations may run, in the language it is written in."""

    category: str
    name: str
    description: str
    language: str = "de"
    languages: tuple = ("de",)
    places: tuple = ("brueckenwerk",)
    free: bool = True
    fees: str = ""
    min_age: int | None = None
    max_age: int | None = None
    childcare: bool = False
    slots: tuple = ((("TU",), "10:00", "12:00"),)
    translations: dict = field(default_factory=dict)
    by: tuple = ()  # organisations that run it (each one offer)


KINDS = [
    Kind(
        "counselling",
        "Migrationsberatung für Erwachsene",
        "Beratung zu Aufenthalt, Arbeit, Familie und Behörden. Termine nach Absprache, "
        "offene Sprechstunde dienstags.",
        languages=("de", "ar", "fa", "en"),
        places=("beratung", "brueckenwerk"),
        slots=((("TU",), "09:00", "12:00"), (("TH",), "14:00", "17:00")),
        translations={
            "ar": ("استشارة الهجرة للبالغين", "استشارة حول الإقامة والعمل والأسرة."),
            "uk": ("Міграційна консультація", "Консультації щодо перебування та роботи."),
            "en": ("Migration counselling for adults", "Advice on residence and work."),
        },
        by=(
            "Migrationsberatung Lindenhof",
            "Sozialwerk Musterstadt e.V.",
            "Diakonisches Hilfswerk Musterstadt",
            "Katholischer Beratungsdienst Musterstadt",
            "Arbeiterhilfe Kreisverband Musterstadt e.V.",
        ),
    ),
    Kind(
        "counselling",
        "Asylverfahrensberatung",
        "Unabhängige Beratung vor und während des Asylverfahrens, auf Wunsch mit Dolmetschung.",
        languages=("de", "ar", "fa", "ti", "en"),
        places=("beratung",),
        by=("Diakonisches Hilfswerk Musterstadt", "Paritätisches Sozialzentrum Nordviertel"),
    ),
    Kind(
        "counselling",
        "Jugendmigrationsberatung",
        "Für junge Menschen von 12 bis 27: Schule, Ausbildung, Aufenthalt, Alltag.",
        min_age=12,
        max_age=27,
        languages=("de", "en", "ru", "uk"),
        places=("jugendzentrum",),
        slots=((("WE",), "14:00", "18:00"),),
        by=("Jugendmigrationsdienst Musterstadt",),
    ),
    Kind(
        "counselling",
        "Türkçe sosyal danışmanlık",
        "Resmi yazışmalar, başvurular ve aile konularında Türkçe danışmanlık.",
        language="tr",
        languages=("tr", "de"),
        places=("kulturhaus",),
        slots=((("MO",), "17:00", "19:00"),),
        translations={"de": ("Sozialberatung auf Türkisch", "Beratung zu Briefen und Anträgen.")},
        by=("Deutsch-Türkischer Kulturverein Musterstadt e.V.",),
    ),
    Kind(
        "counselling",
        "Консультації для українців",
        "Допомога з документами, житлом, школою та роботою.",
        language="uk",
        languages=("uk", "ru", "de"),
        places=("buergerhaus",),
        slots=((("SA",), "11:00", "14:00"),),
        translations={
            "de": (
                "Beratung für Ukrainerinnen und Ukrainer",
                "Hilfe bei Dokumenten, Wohnung, Schule und Arbeit.",
            )
        },
        by=("Ukrainische Gemeinde Musterstadt e.V.",),
    ),
    Kind(
        "counselling",
        "Mieterberatung",
        "Beratung bei Fragen zu Miete, Nebenkosten und Kündigung.",
        free=False,
        fees="Mitgliedsbeitrag 5 € im Monat",
        places=("rathaus",),
        by=("Mieterverein Musterstadt e.V.",),
    ),
    Kind(
        "counselling",
        "Psychosoziale Beratung für Geflüchtete",
        "Gespräche bei Belastung und Trauma, mit Sprachmittlung in vielen Sprachen.",
        languages=("de", "ar", "fa", "ku", "ti", "uk"),
        places=("beratung",),
        by=("Psychosoziales Zentrum für Geflüchtete Musterstadt",),
    ),
    Kind(
        "work-and-training",
        "Bewerbungswerkstatt",
        "Lebenslauf, Anschreiben und Vorstellungsgespräch üben – mit Computer und Drucker.",
        languages=("de", "en", "ar"),
        places=("stadtteilzentrum", "brueckenwerk"),
        slots=((("WE",), "15:00", "18:00"),),
        translations={
            "en": ("Job application workshop", "CV, cover letter and interviews."),
            "ar": ("ورشة طلبات العمل", "السيرة الذاتية ورسالة التقديم والمقابلة."),
        },
        by=(
            "Jobcenter Musterstadt",
            "Brückenwerk gGmbH",
            "Bildungswerk Mitte gGmbH",
            "Stadtteilzentrum Weststadt",
        ),
    ),
    Kind(
        "work-and-training",
        "Anerkennungsberatung für ausländische Abschlüsse",
        "Wir prüfen mit Ihnen, wie Ihr Berufs- oder Studienabschluss anerkannt wird.",
        languages=("de", "en", "ru", "uk", "ar"),
        places=("rathaus",),
        by=("Agentur für Arbeit Musterstadt", "Hochschule Musterstadt – International Office"),
    ),
    Kind(
        "work-and-training",
        "Ausbildung im Handwerk: Schnuppertage",
        "Zwei Tage im Betrieb mitarbeiten und den Beruf kennenlernen.",
        min_age=15,
        max_age=25,
        places=("bildungswerk",),
        slots=((("FR",), "08:00", "14:00"),),
        by=(
            "Metallbau Krüger GmbH",
            "Bäckerei Sonnenkorn GmbH",
            "Pflegedienst Lebensfreude GmbH",
            "Stadtwerke Musterstadt GmbH",
            "Hotel Zum Stadttor GmbH",
        ),
    ),
    Kind(
        "work-and-training",
        "Job café for English speakers",
        "Meet employers and other newcomers, get tips on the local job market.",
        language="en",
        languages=("en", "de"),
        places=("brueckenwerk",),
        slots=((("TH",), "18:00", "20:00"),),
        translations={"de": ("Jobcafé auf Englisch", "Arbeitgeber und Neuzugewanderte treffen.")},
        by=("Softwarehaus Nordlicht GmbH", "Hochschule Musterstadt – International Office"),
    ),
    Kind(
        "health",
        "Gesundheitssprechstunde ohne Krankenversicherung",
        "Anonyme ärztliche Beratung für Menschen ohne Krankenversicherung.",
        languages=("de", "en", "ar", "ru"),
        places=("beratung",),
        slots=((("MO",), "16:00", "18:00"),),
        by=("Gesundheitsamt Musterstadt", "Sozialwerk Musterstadt e.V."),
    ),
    Kind(
        "health",
        "Gesundheitslotsinnen: Wegweiser im Gesundheitssystem",
        "Ehrenamtliche Lotsinnen begleiten zu Ärztinnen und erklären die Versicherung.",
        languages=("de", "ar", "tr", "fa", "uk"),
        places=("buergerhaus",),
        translations={"fa": ("راهنمای سلامت", "همراهی به پزشک و توضیح بیمه.")},
        by=(
            "Gesundheitsamt Musterstadt",
            "Afghanischer Frauenverein Musterstadt e.V.",
            "Arabischer Elternverein Al-Amal e.V.",
        ),
    ),
    Kind(
        "health",
        "Психологічна підтримка українською",
        "Групи підтримки для дорослих, які пережили війну.",
        language="uk",
        languages=("uk", "ru"),
        places=("buergerhaus",),
        slots=((("TH",), "18:00", "19:30"),),
        by=(
            "Ukrainische Gemeinde Musterstadt e.V.",
            "Psychosoziales Zentrum für Geflüchtete Musterstadt",
        ),
    ),
    Kind(
        "children-and-family",
        "Hausaufgabenhilfe",
        "Ehrenamtliche helfen bei den Hausaufgaben, Mathe, Deutsch und Englisch.",
        min_age=6,
        max_age=16,
        places=("stadtteilzentrum", "jugendzentrum"),
        slots=((("MO", "WE"), "14:30", "16:30"),),
        by=(
            "Hausaufgabenhilfe Weststadt",
            "Lesepaten Musterstadt",
            "Jugendzentrum Kompass",
            "Grundschule Lindenhof",
            "Gemeinschaftsschule Oststadt",
        ),
    ),
    Kind(
        "children-and-family",
        "Eltern-Kind-Gruppe",
        "Spielen, singen und andere Eltern kennenlernen, für Kinder bis drei Jahre.",
        max_age=3,
        languages=("de", "ar", "tr"),
        places=("fbs",),
        slots=((("TU",), "09:30", "11:00"),),
        translations={"ar": ("مجموعة الأهل والأطفال", "اللعب والغناء والتعرف على الأهل.")},
        by=(
            "Familienbildungsstätte Musterstadt",
            "Kita Sonnenschein",
            "Elternverein Regenbogen e.V.",
            "Arabischer Elternverein Al-Amal e.V.",
        ),
    ),
    Kind(
        "children-and-family",
        "Русскоязычная группа для родителей",
        "Встречи родителей: школа, детский сад, воспитание двуязычных детей.",
        language="ru",
        languages=("ru", "de"),
        places=("fbs",),
        slots=((("SA",), "10:00", "12:00"),),
        by=("Russischsprachige Elterninitiative Musterstadt e.V.",),
    ),
    Kind(
        "women",
        "Frauencafé",
        "Ein offener Treff nur für Frauen, mit Kinderbetreuung. Tee, Gespräche, Beratung.",
        languages=("de", "ar", "fa", "tr", "uk"),
        childcare=True,
        places=("buergerhaus", "stadtteilzentrum"),
        slots=((("FR",), "10:00", "12:00"),),
        translations={
            "fa": ("کافه زنان", "دیدار باز فقط برای زنان، با مراقبت از کودک."),
            "ar": ("مقهى النساء", "لقاء مفتوح للنساء فقط مع رعاية الأطفال."),
        },
        by=(
            "Afghanischer Frauenverein Musterstadt e.V.",
            "Frauenhaus Musterstadt e.V.",
            "Gleichstellungsbüro Musterstadt",
            "Begegnungscafé Oststadt",
            "Moscheegemeinde Musterstadt e.V.",
        ),
    ),
    Kind(
        "women",
        "Schwimmkurs für Frauen",
        "Schwimmen lernen in einer Frauengruppe, mit Schwimmlehrerin.",
        free=False,
        fees="25 € für 8 Termine",
        places=("sporthalle",),
        slots=((("SU",), "08:00", "09:30"),),
        by=("Sportverein Grün-Weiß Musterstadt e.V.",),
    ),
    Kind(
        "women",
        "کلاس خیاطی برای زنان",
        "خیاطی و گفتگو به زبان فارسی و دری.",
        language="fa",
        languages=("fa", "prs", "de"),
        places=("kulturhaus",),
        slots=((("WE",), "10:00", "12:00"),),
        by=("Persischer Kulturverein Simorgh e.V.",),
    ),
    Kind(
        "leisure-and-sport",
        "Fußball für alle",
        "Offenes Fußballtraining, keine Anmeldung nötig, Sportschuhe mitbringen.",
        min_age=14,
        places=("sporthalle",),
        slots=((("TU", "TH"), "18:00", "19:30"),),
        by=(
            "Sportverein Grün-Weiß Musterstadt e.V.",
            "Jugendzentrum Kompass",
            "Stadtjugendring Musterstadt e.V.",
        ),
    ),
    Kind(
        "leisure-and-sport",
        "Interkulturelle Theatergruppe",
        "Wir spielen Theater in vielen Sprachen; keine Vorkenntnisse nötig.",
        min_age=16,
        languages=("de", "en", "ar", "fa"),
        places=("kulturhaus",),
        slots=((("MO",), "19:00", "21:30"),),
        by=("Theaterwerkstatt Vielfalt e.V.",),
    ),
    Kind(
        "leisure-and-sport",
        "Gemeinschaftsgarten",
        "Gärtnern, ernten und zusammen kochen.",
        places=("buergerhaus",),
        slots=((("SA",), "10:00", "13:00"),),
        by=("Gartenfreunde Am Mühlbach e.V.", "Nachbarschaftsverein Oststadt e.V."),
    ),
    Kind(
        "leisure-and-sport",
        "Türk halk dansları",
        "Her yaştan herkes için halk dansı kursu.",
        language="tr",
        languages=("tr", "de"),
        places=("kulturhaus",),
        slots=((("FR",), "18:30", "20:00"),),
        translations={"de": ("Türkische Volkstänze", "Volkstanz für alle Altersgruppen.")},
        by=("Deutsch-Türkischer Kulturverein Musterstadt e.V.",),
    ),
    Kind(
        "leisure-and-sport",
        "Fahrradwerkstatt zum Selbermachen",
        "Räder reparieren mit Anleitung, Werkzeug ist da; gespendete Räder für Neuzugewanderte.",
        places=("stadtteilzentrum",),
        slots=((("SA",), "11:00", "15:00"),),
        by=("Fahrradwerkstatt Rückenwind",),
    ),
    Kind(
        "volunteering",
        "Ehrenamtlich dolmetschen",
        "Wir suchen Menschen, die Arabisch, Dari, Tigrinya oder Ukrainisch sprechen und bei "
        "Terminen begleiten.",
        languages=("de", "ar", "prs", "ti", "uk"),
        places=("brueckenwerk",),
        by=("Ehrenamtliche Dolmetscher Musterstadt",),
    ),
    Kind(
        "volunteering",
        "Patenschaften für Familien",
        "Ehrenamtliche Patinnen und Paten begleiten neu angekommene Familien im Alltag.",
        places=("brueckenwerk",),
        by=("Patenschaftsprojekt Hand in Hand", "Willkommensinitiative Nordviertel"),
    ),
    Kind(
        "volunteering",
        "Lesepatenschaft in der Stadtbibliothek",
        "Einmal in der Woche mit Kindern lesen.",
        places=("stadtteilzentrum",),
        by=("Lesepaten Musterstadt", "Stadtbibliothek Musterstadt"),
    ),
    Kind(
        "education",
        "Computerkurs für Einsteigerinnen",
        "E-Mail, Internet, Online-Termine: Schritt für Schritt am eigenen Handy oder Laptop.",
        free=False,
        fees="20 € für 6 Termine",
        languages=("de", "ar", "tr"),
        places=("vhs", "stadtteilzentrum"),
        by=("Volkshochschule Musterstadt", "Stadtbibliothek Musterstadt"),
    ),
    Kind(
        "education",
        "Deutsch-Stammtisch",
        "Deutsch sprechen üben in lockerer Runde, alle Niveaus.",
        languages=("de",),
        places=("stadtteilzentrum",),
        slots=((("TH",), "18:00", "20:00"),),
        by=("Deutsch-Stammtisch im Stadtteilzentrum", "Begegnungscafé Oststadt"),
    ),
    Kind(
        "education",
        "Alphabetisierungskurs",
        "Lesen und Schreiben lernen, für Erwachsene.",
        languages=("de", "ar", "ti"),
        childcare=True,
        places=("bildungswerk",),
        by=("Bildungswerk Mitte gGmbH", "Volkshochschule Musterstadt"),
    ),
    Kind(
        "housing",
        "Wohnungssuche: Hilfe und Beratung",
        "Wie finde ich eine Wohnung? Hilfe bei Anzeigen, Wohnberechtigungsschein und Besichtigung.",
        languages=("de", "ar", "uk", "en"),
        places=("rathaus", "beratung"),
        by=(
            "Sozialamt Musterstadt",
            "Musterstädter Wohnungsbaugesellschaft mbH",
            "Mieterverein Musterstadt e.V.",
        ),
    ),
    Kind(
        "education",
        "Sprachcafé",
        "Bei Kaffee und Tee Deutsch sprechen, Menschen aus der Nachbarschaft treffen; "
        "ohne Anmeldung, für alle Niveaus.",
        languages=("de", "en", "ar", "uk"),
        places=("buergerhaus",),
        slots=((("WE",), "16:00", "18:00"),),
        translations={"uk": ("Мовне кафе", "Практика німецької за кавою, без реєстрації.")},
        by=(
            "Begegnungscafé Oststadt",
            "Willkommensinitiative Nordviertel",
            "Stadtbibliothek Musterstadt",
            "Evangelische Kirchengemeinde St. Petri Musterstadt",
            "Kulturverein Brückenschlag e.V.",
            "Nachbarschaftsverein Oststadt e.V.",
            "Syrisch-Deutscher Freundeskreis e.V.",
            "Verband der Migrantenorganisationen Musterstadt",
        ),
    ),
]
