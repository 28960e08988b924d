"""The demo calendar's one-off events: each template is held `times` times in four months.

Advice, education and the demo member's events are here; culture, sport and neighbourhood
in events_data_community.py.

`status` is what the demo shows: most are published; the demo member's organisation has a
few waiting for moderation and one rejected; one talk is cancelled (`cancel`).
"""

from .events_data import WEEKEND, Single

MEMBER_ORGANISATION = "Kulturverein Brückenschlag e.V."

SINGLES_ADVICE = [
    Single(
        "fest-der-kulturen",
        "Förderverein Interkulturelle Woche Musterstadt e.V.",
        "Fest der Kulturen",
        "Musik, Tanz und Essen aus über zwanzig Ländern – vorbereitet von den Vereinen "
        "des Netzwerks.\n\n- Bühnenprogramm ab 14 Uhr\n- Kinderschminken und Spiele\n"
        "- Infostände der Beratungsstellen",
        "stadtpark",
        at="12:00",
        minutes=360,
        days=WEEKEND,
        audiences=("everyone", "families"),
        languages=("de", "tr", "ar", "uk", "fa"),
        sign_language=True,
        translations={
            "en": ("Festival of cultures", "Music, dance and food from over twenty countries."),
            "tr": ("Kültürler Şenliği", "Yirmiden fazla ülkeden müzik, dans ve yemekler."),
            "ar": ("مهرجان الثقافات", "موسيقى ورقص وطعام من أكثر من عشرين بلدًا."),
            "uk": ("Свято культур", "Музика, танці та їжа з понад двадцяти країн."),
        },
    ),
    Single(
        "wohnungssuche",
        "Mieterverein Musterstadt e.V.",
        "Infoabend: Wohnungssuche in Musterstadt",
        "Wie finde ich eine Wohnung? Was ist ein Wohnberechtigungsschein, was eine "
        "Mietschuldenfreiheitsbescheinigung? Der Mieterverein erklärt Schritt für Schritt.",
        "buergerhaus",
        times=2,
        audiences=("newcomers", "refugees", "families"),
        languages=("de", "ar", "uk"),
        translations={
            "en": (
                "Information evening: finding a flat in Musterstadt",
                "How do I find a flat? The tenants' association explains step by step.",
            ),
            "tr": (
                "Bilgilendirme akşamı: Musterstadt'ta ev arama",
                "Nasıl ev bulurum? Kiracılar derneği adım adım anlatıyor.",
            ),
            "ar": (
                "أمسية معلومات: البحث عن سكن في موسترشتات",
                "كيف أجد شقة؟ جمعية المستأجرين تشرح الخطوات واحدة تلو الأخرى.",
            ),
            "uk": (
                "Інформаційний вечір: пошук житла в Мустерштадті",
                "Як знайти квартиру? Спілка орендарів пояснює крок за кроком.",
            ),
        },
    ),
    Single(
        "bewerbungstraining",
        "Bildungswerk Mitte gGmbH",
        "Bewerbungstraining: Lebenslauf und Vorstellungsgespräch",
        "Wir schreiben gemeinsam einen deutschen Lebenslauf und üben das "
        "Vorstellungsgespräch.\n\n**Bitte mitbringen:** Zeugnisse und, wenn vorhanden, "
        "einen Laptop.",
        "own",
        at="09:30",
        minutes=180,
        times=3,
        audiences=("professionals", "youth", "newcomers"),
        languages=("de", "en"),
        registration=True,
        translations={
            "en": (
                "Job application training: CV and interview",
                "Together we write a German CV and practise the job interview.",
            ),
            "tr": (
                "Başvuru eğitimi: Özgeçmiş ve iş görüşmesi",
                "Birlikte Almanca özgeçmiş yazıyor ve iş görüşmesi pratiği yapıyoruz.",
            ),
            "ar": (
                "تدريب على التقدّم للوظائف: السيرة الذاتية والمقابلة",
                "نكتب معًا سيرة ذاتية بالألمانية ونتدرّب على مقابلة العمل.",
            ),
            "uk": (
                "Тренінг із працевлаштування: резюме та співбесіда",
                "Разом пишемо німецьке резюме і тренуємо співбесіду.",
            ),
        },
    ),
    Single(
        "erste-hilfe-kind",
        "Familienbildungsstätte Musterstadt",
        "Erste Hilfe am Kind",
        "Was tun bei Fieber, Verbrennung oder wenn ein Kind sich verschluckt? Ein "
        "Rettungssanitäter zeigt die wichtigsten Handgriffe.",
        "familienzentrum",
        at="10:00",
        minutes=240,
        times=2,
        days=WEEKEND,
        audiences=("families",),
        languages=("de", "ar", "tr"),
        cost="15 €, mit Familienpass frei",
        childcare=True,
        registration=True,
        translations={
            "en": ("First aid for children", "What to do with fever, burns or choking."),
            "tr": ("Çocuklarda ilk yardım", "Ateş, yanık veya boğulma durumunda ne yapmalı?"),
            "ar": ("الإسعافات الأولية للأطفال", "ماذا نفعل عند الحمّى أو الحروق أو الاختناق؟"),
            "uk": ("Перша допомога дітям", "Що робити при температурі, опіках чи вдавлюванні."),
        },
    ),
    Single(
        "schulsystem",
        "Staatliches Schulamt Musterstadt",
        "Infoabend: Das Schulsystem in Deutschland",
        "Grundschule, Gesamtschule, Gymnasium, Ausbildung: Welche Wege gibt es für mein "
        "Kind? Mit Dolmetscherinnen für Arabisch, Türkisch und Ukrainisch.",
        "bbs",
        at="18:30",
        times=2,
        audiences=("families", "newcomers"),
        languages=("de", "ar", "tr", "uk"),
        translations={
            "en": (
                "Information evening: the school system in Germany",
                "Which paths are open to my child? With interpreters.",
            ),
            "tr": (
                "Bilgilendirme akşamı: Almanya'da okul sistemi",
                "Çocuğum için hangi yollar var? Tercümanlar eşliğinde.",
            ),
            "ar": (
                "أمسية معلومات: النظام المدرسي في ألمانيا",
                "ما المسارات المتاحة لطفلي؟ مع مترجمين.",
            ),
            "uk": (
                "Інформаційний вечір: шкільна система в Німеччині",
                "Які шляхи відкриті для моєї дитини? З перекладачами.",
            ),
        },
    ),
    Single(
        "rechtsberatung",
        "Diakonisches Hilfswerk Musterstadt",
        "Rechtsberatung zum Aufenthaltsrecht",
        "Eine Fachanwältin für Migrationsrecht berät kostenlos und vertraulich. "
        "Bitte melden Sie sich vorher an, damit wir genug Zeit für Sie haben.",
        "gemeindesaal",
        at="16:00",
        minutes=180,
        times=3,
        audiences=("refugees", "newcomers"),
        languages=("de", "en", "fr"),
        registration=True,
        translations={
            "en": ("Legal advice on residence law", "Free and confidential. Please sign up."),
            "tr": (
                "Oturum hukuku hakkında hukuki danışmanlık",
                "Ücretsiz ve gizli. Lütfen önceden kayıt olun.",
            ),
            "ar": ("استشارة قانونية حول قانون الإقامة", "مجانية وسرّية. يرجى التسجيل مسبقًا."),
            "uk": (
                "Юридична консультація щодо права на перебування",
                "Безкоштовно та конфіденційно. Будь ласка, зареєструйтеся заздалегідь.",
            ),
        },
    ),
    Single(
        "international-get-together",
        "Sprachschule Lingua Musterstadt GmbH",
        "International Get-together",
        "Meet people from all over the world, practise German and English, and find "
        "out about our conversation partners programme. Snacks and drinks provided.",
        "own",
        at="19:00",
        times=2,
        audiences=("youth", "newcomers"),
        languages=("en", "de"),
        original_language="en",
        translations={
            "de": (
                "Internationales Treffen",
                "Menschen aus aller Welt kennenlernen, Deutsch und Englisch üben und "
                "unser Tandem-Programm kennenlernen. Für Snacks und Getränke ist gesorgt.",
            ),
        },
    ),
    Single(
        "schnupperstunde",
        "Sprachschule Lingua Musterstadt GmbH",
        "Integrationskurs: Schnupperstunde und Einstufung",
        "Lernen Sie unsere Lehrkräfte kennen und machen Sie den Einstufungstest. "
        "Danach beraten wir zu Kursbeginn, Kinderbetreuung und Kostenbefreiung.",
        "own",
        at="10:00",
        times=4,
        audiences=("newcomers", "refugees"),
        languages=("de", "ar", "uk", "fa"),
    ),
    Single(
        "einbuergerung",
        "Ausländerbehörde Musterstadt",
        "Einbürgerung: Was muss ich wissen?",
        "Voraussetzungen, Unterlagen, Einbürgerungstest und Dauer des Verfahrens – die "
        "Ausländerbehörde informiert und beantwortet Fragen.",
        "rathaus",
        at="17:00",
        times=2,
        audiences=("newcomers", "professionals"),
        languages=("de",),
    ),
    Single(
        "amtsworkshop",
        "Verband der Migrantenorganisationen Musterstadt",
        "Workshop: Gut vorbereitet zum Amt",
        "Welche Termine brauche ich, wie lese ich einen Bescheid, wie lege ich Widerspruch "
        "ein? Mit Musterbriefen zum Mitnehmen.",
        "brueckenwerk",
        times=3,
        audiences=("newcomers", "refugees"),
        languages=("de", "ar", "tr", "ku"),
    ),
    Single(
        "stadtfuehrung",
        "Stadtverwaltung Musterstadt – Amt für Integration und Migration",
        "Stadtführung: Musterstadt entdecken",
        "Ein Spaziergang zu Rathaus, Bibliothek, Bürgerbüro und den schönsten Ecken der "
        "Altstadt. Treffpunkt am Rathausbrunnen.",
        "rathaus",
        at="11:00",
        times=4,
        days=WEEKEND,
        audiences=("newcomers", "families"),
        languages=("de", "en", "uk"),
        step_free=True,
    ),
    Single(
        "kochabend",
        MEMBER_ORGANISATION,
        "Kochabend: Rezepte aus aller Welt",
        "Wir kochen gemeinsam ein Menü aus drei Ländern und essen zusammen. "
        "Zutaten sind bezahlt, Schürzen bitte mitbringen.",
        "kulturhaus",
        times=3,
        audiences=("everyone",),
        languages=("de", "tr", "en"),
        cost="5 € für Zutaten",
    ),
    Single(
        "tanzworkshop",
        MEMBER_ORGANISATION,
        "Tanzworkshop: Tänze aus Anatolien",
        "Halay, Horon und Zeybek zum Mitmachen – keine Vorkenntnisse nötig. "
        "Bequeme Schuhe mitbringen!",
        "kulturhaus",
        times=2,
        days=WEEKEND,
        at="15:00",
        audiences=("everyone", "youth"),
        languages=("de", "tr"),
        status="submitted",
    ),
    Single(
        "lesung",
        MEMBER_ORGANISATION,
        "Lesung: Zwei Sprachen, ein Zuhause",
        "Drei Autorinnen aus Musterstadt lesen zweisprachig aus ihren Texten über das "
        "Ankommen. Anschließend Gespräch mit dem Publikum.",
        "bibliothek",
        at="19:30",
        audiences=("everyone",),
        languages=("de", "tr"),
        status="submitted",
    ),
    Single(
        "filmabend",
        MEMBER_ORGANISATION,
        "Filmabend: Kurzfilme über das Ankommen",
        "Vier Kurzfilme junger Filmemacherinnen und Filmemacher, danach Gespräch. "
        "Filme mit deutschen Untertiteln.",
        "kulturhaus",
        at="19:00",
        audiences=("youth", "everyone"),
        languages=("de",),
        status="submitted",
    ),
    Single(
        "flohmarkt",
        MEMBER_ORGANISATION,
        "Flohmarkt im Hof",
        "Stöbern, handeln, Nachbarn treffen.",
        "kulturhaus",
        at="10:00",
        minutes=300,
        days=WEEKEND,
        status="rejected",
        rejection_reason=(
            "Bitte beschreiben Sie, was der Flohmarkt mit Integration zu tun hat (z. B. Stände "
            "von Neuangekommenen) – dann veröffentlichen wir ihn gern."
        ),
    ),
]
