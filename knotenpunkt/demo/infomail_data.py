"""The demo's info mail: topics in every language and the texts of four issues."""

# (name in German, {language: name})
TOPICS = [
    (
        "Veranstaltungen",
        {
            "en": "Events",
            "tr": "Etkinlikler",
            "ar": "الفعاليات",
            "uk": "Заходи",
            "ru": "Мероприятия",
            "fa": "رویدادها",
        },
    ),
    (
        "Sprachkurse",
        {
            "en": "Language courses",
            "tr": "Dil kursları",
            "ar": "دورات اللغة",
            "uk": "Мовні курси",
            "ru": "Языковые курсы",
            "fa": "کلاس‌های زبان",
        },
    ),
    (
        "Arbeit und Ausbildung",
        {
            "en": "Work and training",
            "tr": "İş ve meslek eğitimi",
            "ar": "العمل والتدريب المهني",
            "uk": "Робота й навчання",
            "ru": "Работа и обучение",
            "fa": "کار و آموزش حرفه‌ای",
        },
    ),
    (
        "Ehrenamt",
        {
            "en": "Volunteering",
            "tr": "Gönüllülük",
            "ar": "العمل التطوعي",
            "uk": "Волонтерство",
            "ru": "Волонтёрство",
            "fa": "کار داوطلبانه",
        },
    ),
    (
        "Familie und Kinder",
        {
            "en": "Family and children",
            "tr": "Aile ve çocuklar",
            "ar": "الأسرة والأطفال",
            "uk": "Сім'я та діти",
            "ru": "Семья и дети",
            "fa": "خانواده و کودکان",
        },
    ),
    (
        "Aus dem Netzwerk",
        {
            "en": "News from the network",
            "tr": "Ağdan haberler",
            "ar": "أخبار الشبكة",
            "uk": "Новини мережі",
            "ru": "Новости сети",
            "fa": "اخبار شبکه",
        },
    ),
]

# How many subscribers read in which language (about 300 in all), and the share per state.
LANGUAGE_WEIGHTS = {"de": 52, "tr": 12, "ar": 12, "uk": 10, "ru": 6, "fa": 5, "en": 3}
STATUS_WEIGHTS = {"active": 88, "pending": 4, "unsubscribed": 6, "suspended": 2}
SUBSCRIBERS = 300
MAIL_DOMAINS = ["post.example", "mail.example", "web.example", "posteo.example", "gmx.example"]

# Four issues: three sent in the past months, one draft for next month. Each: {language:
# (subject, intro)}; the blocks come from the network's data.
ISSUES = [
    {
        "de": (
            "Infobrief: Herbst im Netzwerk",
            "Liebe Mitglieder, liebe Interessierte,\n\nder Herbst bringt neue **Sprachcafés**"
            " und die Vollversammlung. Alle Termine des nächsten Monats finden Sie unten.",
        ),
        "en": (
            "Info mail: autumn in the network",
            "Dear members and friends,\n\nautumn brings new **language cafés** and the plenary"
            " meeting. You find all dates of the coming month below.",
        ),
        "tr": (
            "Bilgi bülteni: Ağda sonbahar",
            "Sevgili üyeler ve ilgilenenler,\n\nsonbahar yeni **dil kafeleri** ve genel kurul"
            " toplantısını getiriyor. Gelecek ayın tüm tarihlerini aşağıda bulabilirsiniz.",
        ),
        "ar": (
            "النشرة الإخبارية: الخريف في الشبكة",
            "أعزاءنا الأعضاء والمهتمين،\n\nيأتي الخريف بـ**مقاهٍ لغوية** جديدة وبالاجتماع العام."
            " تجدون جميع مواعيد الشهر القادم أدناه.",
        ),
        "uk": (
            "Інформаційний лист: осінь у мережі",
            "Шановні учасники та всі зацікавлені,\n\nосінь приносить нові **мовні кафе** та"
            " загальні збори. Усі дати наступного місяця — нижче.",
        ),
    },
    {
        "de": (
            "Infobrief: Neue Mitglieder und Ehrenamt",
            "Liebe Mitglieder, liebe Interessierte,\n\nwir begrüßen neue Mitglieder im Netzwerk"
            " und suchen **Ehrenamtliche** für die Lernpatenschaften.",
        ),
        "en": (
            "Info mail: new members and volunteering",
            "Dear members and friends,\n\nwe welcome new members to the network and are looking"
            " for **volunteers** to mentor learners.",
        ),
        "tr": (
            "Bilgi bülteni: Yeni üyeler ve gönüllülük",
            "Sevgili üyeler ve ilgilenenler,\n\nağa katılan yeni üyeleri selamlıyoruz ve öğrenme"
            " destekçiliği için **gönüllüler** arıyoruz.",
        ),
        "ar": (
            "النشرة الإخبارية: أعضاء جدد وعمل تطوعي",
            "أعزاءنا الأعضاء والمهتمين،\n\nنرحّب بالأعضاء الجدد في الشبكة ونبحث عن **متطوعين**"
            " لمرافقة المتعلمين.",
        ),
    },
    {
        "de": (
            "Infobrief: Jahresrückblick und Termine",
            "Liebe Mitglieder, liebe Interessierte,\n\ndas Jahr geht zu Ende. Danke für Ihr"
            " Engagement! Die Arbeitsgruppen berichten, was sie erreicht haben.",
        ),
        "en": (
            "Info mail: the year in review and dates",
            "Dear members and friends,\n\nthe year comes to an end. Thank you for your"
            " commitment! The working groups report what they achieved.",
        ),
        "uk": (
            "Інформаційний лист: підсумки року та дати",
            "Шановні учасники та всі зацікавлені,\n\nрік добігає кінця. Дякуємо за вашу участь!"
            " Робочі групи розповідають, чого вони досягли.",
        ),
        "ar": (
            "النشرة الإخبارية: حصاد العام والمواعيد",
            "أعزاءنا الأعضاء والمهتمين،\n\nيقترب العام من نهايته. شكرًا لالتزامكم! تعرض مجموعات"
            " العمل ما حققته.",
        ),
    },
    {
        "de": (
            "Infobrief: Ausblick auf das neue Jahr",
            "Liebe Mitglieder, liebe Interessierte,\n\nim neuen Jahr beginnen neue Kurse. Die"
            " nächste Vollversammlung …",
        ),
    },
]
