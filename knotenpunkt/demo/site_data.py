"""The demo's news: (days ago, {language: (title, Markdown text)}, image description or "")."""

NEWS = [
    (
        3,
        {
            "de": (
                "Neue Sprachcafés im Stadtteil Nord",
                "Ab Januar gibt es **zwei neue Sprachcafés** im Stadtteilzentrum Nord: "
                "dienstags und donnerstags von 17 bis 19 Uhr. Alle sind willkommen, eine "
                "Anmeldung ist nicht nötig.\n\nKinderbetreuung ist vor Ort.",
            ),
            "en": (
                "New language cafés in the north of the city",
                "From January there are **two new language cafés** at the Stadtteilzentrum "
                "Nord: Tuesdays and Thursdays from 5 to 7 pm. Everyone is welcome, no need "
                "to register.\n\nChildcare is available.",
            ),
            "ar": (
                "مقاهٍ لغوية جديدة في شمال المدينة",
                "ابتداءً من يناير يوجد **مقهيان لغويان جديدان** في مركز الحي الشمالي: يومي "
                "الثلاثاء والخميس من الساعة 5 إلى 7 مساءً. الجميع مرحب بهم، ولا حاجة للتسجيل."
                "\n\nتتوفر رعاية للأطفال.",
            ),
            "uk": (
                "Нові мовні кафе на півночі міста",
                "З січня у Stadtteilzentrum Nord працюють **два нові мовні кафе**: щовівторка "
                "та щочетверга з 17 до 19 години. Запрошуємо всіх, реєстрація не потрібна.",
            ),
        },
        "Menschen sitzen an Tischen und unterhalten sich bei Tee",
    ),
    (
        12,
        {
            "de": (
                "Rückblick auf das Netzwerktreffen im November",
                "Beim Netzwerktreffen haben 42 Menschen aus 27 Organisationen über die "
                "**Wohnungssuche** gesprochen. Die AG Wohnen sammelt jetzt Ansprechpersonen "
                "bei den Wohnungsbaugesellschaften.\n\nDas Protokoll steht im Wissensbereich.",
            ),
            "en": (
                "Looking back at the network meeting in November",
                "At the network meeting, 42 people from 27 organisations talked about "
                "**finding a flat**. The housing working group now collects contacts at the "
                "housing companies.",
            ),
            "tr": (
                "Kasım ayındaki ağ toplantısına bakış",
                "Ağ toplantısında 27 kuruluştan 42 kişi **ev arama** konusunu konuştu. Konut "
                "çalışma grubu şimdi konut şirketlerindeki irtibat kişilerini topluyor.",
            ),
        },
        "",
    ),
    (
        25,
        {
            "de": (
                "Beratung jetzt auch auf Ukrainisch und Russisch",
                "Die Migrationsberatung bietet ab sofort jeden Mittwoch eine Sprechstunde "
                "auf **Ukrainisch und Russisch** an. Termine gibt es telefonisch.",
            ),
            "uk": (
                "Консультації тепер також українською та російською",
                "Міграційна консультація відтепер щосереди проводить прийом **українською "
                "та російською мовами**. Записатися можна телефоном.",
            ),
            "ru": (
                "Консультации теперь также на украинском и русском",
                "Миграционная консультация теперь каждую среду ведёт приём **на украинском "
                "и русском языках**. Записаться можно по телефону.",
            ),
        },
        "",
    ),
    (
        40,
        {
            "de": (
                "Ehrenamtliche für die Hausaufgabenhilfe gesucht",
                "Die Hausaufgabenhilfe in der Grundschule am Park sucht **Ehrenamtliche**, "
                "die einmal in der Woche eine Stunde Zeit haben. Melden Sie sich bei der "
                "Koordination.",
            ),
            "en": (
                "Volunteers wanted for homework help",
                "The homework help at the primary school am Park is looking for "
                "**volunteers** with one hour a week. Please contact the coordination.",
            ),
        },
        "",
    ),
    (
        60,
        {
            "de": (
                "Willkommen an fünf neue Mitglieder",
                "Seit dem Sommer sind fünf Organisationen neu im Netzwerk, darunter zwei "
                "Migrantenorganisationen und ein Sportverein. Wir freuen uns auf die "
                "Zusammenarbeit!",
            ),
            "fa": (
                "به پنج عضو جدید خوش آمدید",
                "از تابستان پنج سازمان جدید به شبکه پیوسته‌اند، از جمله دو سازمان مهاجران و "
                "یک باشگاه ورزشی.",
            ),
        },
        "",
    ),
]

# The introduction of the home page, in the languages the demo shows it in.
INTRODUCTION = {
    "de": (
        "Willkommen im Netzwerk",
        "Wir sind über 60 Organisationen, Vereine, Migrantenorganisationen, die Stadt "
        "Musterstadt und viele Ehrenamtliche. Gemeinsam machen wir Musterstadt zu einem "
        "guten Ort zum Ankommen.\n\nHier finden Sie **Termine**, **Neuigkeiten** und "
        "**Angebote** – in sieben Sprachen.",
    ),
    "en": (
        "Welcome to the network",
        "We are more than 60 organisations, associations, migrant organisations, the city "
        "of Musterstadt and many volunteers. Together we make Musterstadt a good place to "
        "arrive.\n\nHere you find **events**, **news** and **offers** – in seven languages.",
    ),
    "ar": (
        "مرحباً بكم في الشبكة",
        "نحن أكثر من 60 منظمة وجمعية ومنظمات للمهاجرين ومدينة موسترشتات والعديد من "
        "المتطوعين. معاً نجعل موسترشتات مكاناً جيداً للوصول.",
    ),
    "tr": (
        "Ağa hoş geldiniz",
        "Biz 60'tan fazla kuruluş, dernek, göçmen örgütü, Musterstadt şehri ve birçok "
        "gönüllüyüz. Birlikte Musterstadt'ı yeni gelenler için iyi bir yer yapıyoruz.",
    ),
}
