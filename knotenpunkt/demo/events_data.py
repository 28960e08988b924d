"""The demo calendar's places, its recurring events and their translations (German first).

The one-off events are in events_data_singles.py and events_data_community.py. Organisers
are named as in data.py; places by key (PLACES), or "own" for the organiser's own address.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    name: str
    address: str
    step_free: bool


PLACES = {
    "buergerhaus": Place("Bürgerhaus Oststadt", "Lindenstraße 4, 12349 Musterstadt", True),
    "vhs": Place("Volkshochschule, Raum 1.12", "Am Markt 3, 12345 Musterstadt", True),
    "brueckenwerk": Place(
        "Interkulturelles Zentrum im Brückenwerk", "Anger 12, 12345 Musterstadt", True
    ),
    "bibliothek": Place("Stadtbibliothek Musterstadt", "Schillerplatz 1, 12345 Musterstadt", True),
    "familienzentrum": Place(
        "Familienzentrum Lindenhof", "Lindenhofer Weg 18, 12347 Musterstadt", True
    ),
    "rathaus": Place("Rathaus, Ratssaal", "Marktplatz 1, 12345 Musterstadt", True),
    "kulturhaus": Place(
        "Kulturhaus Brückenschlag (1. Stock)", "Mühlgasse 7, 12345 Musterstadt", False
    ),
    "sporthalle": Place("Sporthalle Oststadt", "Am Sportpark 2, 12349 Musterstadt", True),
    "hallenbad": Place("Hallenbad Musterstadt", "Badstraße 10, 12345 Musterstadt", True),
    "garten": Place("Gemeinschaftsgarten Am Mühlbach", "Mühlbachweg 30, 12347 Musterstadt", False),
    "jugendzentrum": Place("Jugendzentrum Nordlicht", "Nordring 55, 12346 Musterstadt", True),
    "gemeindesaal": Place("Gemeindesaal St. Martin", "Kirchgasse 2, 12345 Musterstadt", False),
    "werkstatt": Place(
        "Fahrradwerkstatt Rückenwind (Hinterhof)", "Bahnhofstraße 21, 12345 Musterstadt", False
    ),
    "stadtpark": Place("Stadtpark, Musikpavillon", "Parkallee, 12345 Musterstadt", True),
    "kita": Place("Kita Sonnenschein", "Sonnenweg 9, 12347 Musterstadt", True),
    "bbs": Place("Berufsbildende Schule Am Ring, Aula", "Am Ring 40, 12346 Musterstadt", True),
    "theater": Place("Probebühne in der Alten Weberei", "Webergasse 5, 12345 Musterstadt", True),
}
# Series pause on these (month, day): the offices and clubs close over the holidays.
HOLIDAYS = {(12, 24), (12, 25), (12, 26), (12, 31), (1, 1)}
ONLINE_BASE = "https://konferenz.musterstadt.example/raum/"
# Organisations whose events appear without moderation (issue 4, point 2).
TRUSTED = (
    "Volkshochschule Musterstadt",
    "Stadtverwaltung Musterstadt – Amt für Integration und Migration",
    "Familienbildungsstätte Musterstadt",
)


@dataclass(frozen=True)
class Series:
    """A recurring event: `rule` without its end; `end` is ("count", n) or ("until", days).

    `probe` finds the first date (a rule that matches it) when `rule` alone cannot, as for
    "every 14 days from a Saturday". `skip` is the index of the occurrence that is excluded.
    """

    key: str
    organiser: str
    title: str
    description: str
    place: str | None
    at: str
    minutes: int
    rule: str
    end: tuple[str, int]
    audiences: tuple[str, ...]
    languages: tuple[str, ...]
    probe: str = ""
    skip: int | None = None
    skip_note: str = ""
    cost: str = ""
    step_free: bool | None = None
    sign_language: bool = False
    childcare: bool = False
    registration: bool = False
    original_language: str = "de"
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)


SERIES = [
    Series(
        key="sprachcafe",
        organiser="Volkshochschule Musterstadt",
        title="Sprachcafé: Deutsch sprechen bei Tee und Kuchen",
        description=(
            "Jeden Mittwoch üben wir Deutsch im Gespräch – ohne Noten, ohne Anmeldung.\n\n"
            "- für alle Sprachniveaus, auch für Anfängerinnen und Anfänger\n"
            "- Ehrenamtliche begleiten die Tische\n"
            "- Tee und Kuchen gibt es kostenlos"
        ),
        place="vhs",
        at="17:00",
        minutes=120,
        rule="FREQ=WEEKLY;BYDAY=WE",
        end=("count", 16),
        skip=6,
        skip_note="Am {day} fällt das Sprachcafé wegen einer Fortbildung aus.",
        audiences=("newcomers", "refugees", "volunteers"),
        languages=("de", "en", "tr", "ar", "uk"),
        childcare=True,
        translations={
            "en": (
                "Language café: speak German over tea and cake",
                "Every Wednesday we practise German in conversation – no marks, no sign-up. "
                "All levels are welcome; volunteers host the tables.",
            ),
            "tr": (
                "Dil kafesi: Çay ve kek eşliğinde Almanca konuşun",
                "Her çarşamba sohbet ederek Almanca pratik yapıyoruz – not yok, kayıt yok. "
                "Her seviyeden katılımcıya açıktır.",
            ),
            "ar": (
                "مقهى اللغة: تحدّث الألمانية مع الشاي والكعك",
                "كل يوم أربعاء نتدرّب على الألمانية من خلال الحديث – بلا درجات وبلا تسجيل. "
                "اللقاء مفتوح لجميع المستويات.",
            ),
            "uk": (
                "Мовне кафе: розмовляємо німецькою за чаєм і тістечком",
                "Щосереди ми практикуємо німецьку в розмові – без оцінок і без реєстрації. "
                "Запрошуємо людей з будь-яким рівнем мови.",
            ),
            "ru": (
                "Языковое кафе: говорим по-немецки за чаем и пирогом",
                "Каждую среду практикуем немецкий в разговоре – без оценок и без записи.",
            ),
            "fa": (
                "کافه زبان: آلمانی صحبت کنیم با چای و کیک",
                "هر چهارشنبه آلمانی را در گفت‌وگو تمرین می‌کنیم – بدون نمره و بدون ثبت‌نام.",
            ),
        },
    ),
    Series(
        key="deutsch-nachbarschaft",
        organiser="Nachbarschaftsverein Oststadt e.V.",
        title="Deutsch üben im Nachbarschaftstreff",
        description=(
            "Kleine Gruppe, viel Gelegenheit zum Sprechen: Wir lesen die Zeitung, "
            "schreiben Briefe und üben Alltagssituationen wie Arzttermin oder Elterngespräch."
        ),
        place="buergerhaus",
        at="10:00",
        minutes=90,
        rule="FREQ=WEEKLY;BYDAY=TU",
        end=("until", 110),
        audiences=("newcomers", "women", "seniors"),
        languages=("de",),
    ),
    Series(
        key="migrationsberatung",
        organiser="Migrationsberatung Lindenhof",
        title="Sprechstunde der Migrationsberatung",
        description=(
            "Offene Sprechstunde am ersten Donnerstag im Monat: Fragen zu Aufenthalt, "
            "Familiennachzug, Integrationskurs, Jobcenter und Wohnen.\n\n"
            "**Bitte bringen Sie** Ihren Ausweis und Ihre Briefe von Ämtern mit. "
            "Dolmetschen nach Absprache möglich."
        ),
        place="familienzentrum",
        at="14:00",
        minutes=180,
        rule="FREQ=MONTHLY;BYDAY=1TH",
        end=("count", 5),
        audiences=("newcomers", "refugees", "families"),
        languages=("de", "ar", "fa", "en"),
        translations={
            "en": (
                "Counselling hour of the migration advice service",
                "Drop-in advice on the first Thursday of the month: residence, family "
                "reunification, integration course, job centre and housing. "
                "**Please bring** your ID and letters from the authorities.",
            ),
            "tr": (
                "Göç danışmanlığı görüşme saati",
                "Her ayın ilk perşembesi randevusuz danışmanlık: oturum, aile birleşimi, "
                "uyum kursu, iş bulma kurumu ve konut. **Lütfen** kimliğinizi ve resmî "
                "mektuplarınızı getirin.",
            ),
            "ar": (
                "ساعة استشارات خدمة الهجرة",
                "استشارة مفتوحة في أول خميس من كل شهر: الإقامة ولمّ الشمل ودورة الاندماج "
                "ومركز العمل والسكن. **يرجى إحضار** الهوية والرسائل الرسمية.",
            ),
            "uk": (
                "Консультаційна година міграційної служби",
                "Відкрита консультація в перший четвер місяця: перебування, возз'єднання "
                "сім'ї, інтеграційний курс, джобцентр і житло. **Будь ласка, візьміть** "
                "документ, що посвідчує особу, та листи від установ.",
            ),
        },
    ),
    Series(
        key="fahrradwerkstatt",
        organiser="Fahrradwerkstatt Rückenwind",
        title="Offene Fahrradwerkstatt",
        description=(
            "Alle 14 Tage reparieren wir gemeinsam Fahrräder. Werkzeug und Ersatzteile sind "
            "da, Ehrenamtliche zeigen, wie es geht. Gespendete Räder geben wir gegen eine "
            "kleine Spende an Neuangekommene weiter."
        ),
        place="werkstatt",
        at="10:00",
        minutes=240,
        rule="FREQ=DAILY;INTERVAL=14",
        probe="FREQ=WEEKLY;BYDAY=SA",
        end=("count", 9),
        skip=3,
        skip_note="Am {day} bleibt die Werkstatt geschlossen.",
        audiences=("everyone", "refugees", "volunteers"),
        languages=("de", "en", "ar"),
        translations={
            "en": (
                "Open bicycle workshop",
                "Every other Saturday we repair bicycles together. Tools and spare parts "
                "are there, and volunteers show you how.",
            ),
            "tr": (
                "Açık bisiklet atölyesi",
                "İki haftada bir cumartesi birlikte bisiklet tamir ediyoruz. Aletler ve "
                "yedek parçalar hazır, gönüllüler yardımcı oluyor.",
            ),
            "ar": (
                "ورشة الدراجات المفتوحة",
                "كل أسبوعين يوم السبت نصلح الدراجات معًا. الأدوات وقطع الغيار متوفرة "
                "والمتطوعون يشرحون الطريقة.",
            ),
            "uk": (
                "Відкрита велосипедна майстерня",
                "Раз на два тижні в суботу ми разом ремонтуємо велосипеди. Інструменти та "
                "запчастини є, волонтери покажуть, як це робити.",
            ),
        },
    ),
    Series(
        key="hausaufgaben",
        organiser="Lesepaten Musterstadt",
        title="Hausaufgabenhilfe in der Bibliothek",
        description=(
            "Montags und donnerstags helfen Lesepatinnen und Lesepaten bei Hausaufgaben, "
            "Lesen und Rechnen. Für Kinder der Klassen 1 bis 6, ohne Anmeldung."
        ),
        place="bibliothek",
        at="15:00",
        minutes=90,
        rule="FREQ=WEEKLY;BYDAY=MO,TH",
        end=("until", 100),
        audiences=("children", "families"),
        languages=("de", "en"),
    ),
    Series(
        key="frauenfruehstueck",
        organiser="Afghanischer Frauenverein Musterstadt e.V.",
        title="Frauenfrühstück",
        description=(
            "Am letzten Freitag im Monat frühstücken wir zusammen und sprechen über das, "
            "was uns bewegt: Schule der Kinder, Arbeit, Gesundheit.\n\n"
            "Nur für Frauen. Kinderbetreuung im Nebenraum."
        ),
        place="brueckenwerk",
        at="09:30",
        minutes=150,
        rule="FREQ=MONTHLY;BYDAY=-1FR",
        end=("count", 4),
        audiences=("women", "families"),
        languages=("fa", "prs", "de"),
        childcare=True,
        translations={
            "en": (
                "Women's breakfast",
                "On the last Friday of the month we have breakfast together and talk about "
                "what matters to us. Women only; childcare next door.",
            ),
            "tr": (
                "Kadınlar kahvaltısı",
                "Her ayın son cuması birlikte kahvaltı yapıp bizi ilgilendiren konuları "
                "konuşuyoruz. Sadece kadınlar için; yan odada çocuk bakımı var.",
            ),
            "ar": (
                "فطور النساء",
                "في آخر يوم جمعة من كل شهر نتناول الفطور معًا ونتحدث عمّا يهمّنا. "
                "للنساء فقط، مع رعاية للأطفال في الغرفة المجاورة.",
            ),
            "uk": (
                "Жіночий сніданок",
                "В останню п'ятницю місяця ми снідаємо разом і говоримо про те, що нас "
                "хвилює. Лише для жінок; догляд за дітьми в сусідній кімнаті.",
            ),
            "fa": (
                "صبحانه زنان",
                "آخرین جمعه هر ماه با هم صبحانه می‌خوریم و درباره آنچه برایمان مهم است "
                "گفت‌وگو می‌کنیم. فقط برای زنان؛ نگهداری از کودکان در اتاق کناری.",
            ),
        },
    ),
    Series(
        key="anerkennung-online",
        organiser="Stadtverwaltung Musterstadt – Amt für Integration und Migration",
        title="Online-Sprechstunde: Anerkennung ausländischer Berufsabschlüsse",
        description=(
            "Am dritten Mittwoch im Monat beantworten Beraterinnen des Anerkennungsteams "
            "Ihre Fragen: Welche Stelle ist zuständig? Welche Unterlagen brauche ich? "
            "Was kostet das Verfahren?\n\nDer Link zum Videoraum steht unten."
        ),
        place=None,
        at="16:00",
        minutes=90,
        rule="FREQ=MONTHLY;BYDAY=3WE",
        end=("count", 4),
        audiences=("professionals", "newcomers"),
        languages=("de", "en", "uk"),
        translations={
            "en": (
                "Online advice: recognition of foreign professional qualifications",
                "On the third Wednesday of the month advisers answer your questions: who is "
                "responsible, which documents you need, what the procedure costs.",
            ),
            "tr": (
                "Çevrimiçi danışma: Yurt dışında alınan meslek diplomalarının tanınması",
                "Her ayın üçüncü çarşambası danışmanlar sorularınızı yanıtlıyor: Hangi kurum "
                "yetkili, hangi belgeler gerekli, işlem ne kadar tutar?",
            ),
            "ar": (
                "استشارة عبر الإنترنت: الاعتراف بالمؤهلات المهنية الأجنبية",
                "في ثالث أربعاء من كل شهر يجيب المستشارون عن أسئلتكم: ما الجهة المختصة؟ "
                "ما الوثائق المطلوبة؟ وما تكلفة الإجراء؟",
            ),
            "uk": (
                "Онлайн-консультація: визнання іноземних професійних кваліфікацій",
                "У третю середу місяця консультанти відповідають на ваші запитання: яка "
                "установа відповідальна, які документи потрібні, скільки коштує процедура.",
            ),
        },
    ),
    Series(
        key="elterncafe",
        organiser="Kita Sonnenschein",
        title="Elterncafé in der Kita",
        description=(
            "Freitags nach dem Bringen: Kaffee, Austausch und jede Woche ein kurzes Thema "
            "(Sprache, Schlaf, Ernährung, Einschulung). Geschwisterkinder sind willkommen."
        ),
        place="kita",
        at="08:30",
        minutes=90,
        rule="FREQ=WEEKLY;BYDAY=FR",
        end=("count", 12),
        audiences=("families",),
        languages=("de", "tr", "ar", "ru"),
        translations={
            "en": (
                "Parents' café at the nursery",
                "On Fridays after drop-off: coffee, conversation and a short topic every "
                "week. Siblings are welcome.",
            ),
            "tr": (
                "Kreşte veli kafesi",
                "Cuma günleri çocukları bıraktıktan sonra: kahve, sohbet ve her hafta kısa "
                "bir konu. Kardeşler de gelebilir.",
            ),
            "ar": (
                "مقهى الأهل في الروضة",
                "أيام الجمعة بعد إيصال الأطفال: قهوة وتبادل للآراء وموضوع قصير كل أسبوع. "
                "الإخوة والأخوات مرحَّب بهم.",
            ),
            "uk": (
                "Батьківське кафе в дитсадку",
                "По п'ятницях після того, як ви привели дітей: кава, спілкування і щотижня "
                "коротка тема. Братики й сестрички теж запрошені.",
            ),
        },
    ),
    Series(
        key="sozialberatung-tuerkisch",
        organiser="Deutsch-Türkischer Kulturverein Musterstadt e.V.",
        title="Sozialberatung auf Türkisch und Deutsch",
        description=(
            "Am zweiten Dienstag im Monat: Hilfe bei Anträgen, Briefen vom Amt und "
            "Fragen zur Rente. Ehrenamtliche Beraterinnen mit langjähriger Erfahrung."
        ),
        place="own",
        at="17:30",
        minutes=120,
        rule="FREQ=MONTHLY;BYDAY=2TU",
        end=("count", 4),
        audiences=("seniors", "families"),
        languages=("tr", "de"),
        step_free=False,
    ),
]


# One-off events ------------------------------------------------------------------------------

WEEKDAYS = (0, 1, 2, 3, 4)
WEEKEND = (5,)
SUNDAY = (6,)


@dataclass(frozen=True)
class Single:
    """A one-off event, held `times` times over the horizon on one of `days` (weekdays)."""

    key: str
    organiser: str
    title: str
    description: str
    place: str | None  # a key of events_data.PLACES, "own", or None (online only)
    at: str = "18:00"
    minutes: int = 120
    times: int = 1
    days: tuple[int, ...] = WEEKDAYS
    audiences: tuple[str, ...] = ("everyone",)
    languages: tuple[str, ...] = ("de",)
    cost: str = ""
    all_day: bool = False
    step_free: bool | None = None  # None: as the place is
    sign_language: bool = False
    childcare: bool = False
    registration: bool = False
    status: str = "published"
    rejection_reason: str = ""
    cancel: bool = False
    original_language: str = "de"
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)
