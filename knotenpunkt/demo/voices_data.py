"""The demo's voices: what volunteers and migrants wrote to Musterstadt, in their languages.

Each entry: (language, topic key, text, group it is passed on to or None, state, answer or None).
The states are spread so that the triage list shows every one of them.
"""

SPRACHE = "Sprache und Bildung"
ARBEIT = "Arbeit und Ausbildung"
GESUNDHEIT = "Gesundheit"
WOHNEN = "Wohnen"
FAMILIE = "Kinder, Jugend und Familie"
FRAUEN = "Frauen"
EHRENAMT = "Ehrenamt"
VERWALTUNG = "Interkulturelle Öffnung der Verwaltung"

VOICES = [
    # Arabic
    (
        "ar",
        "language",
        "أعمل في النهار. هل يوجد دورة لغة ألمانية في المساء؟",
        SPRACHE,
        "answered",
        "نعم. يوجد دورة مسائية في مركز الحي، يومي الثلاثاء والخميس. "
        "اكتب لنا إذا احتجت مساعدة في التسجيل.",
    ),
    ("ar", "housing", "نبحث عن شقة منذ سنة. لا أحد يرد على رسائلنا.", WOHNEN, "routed", None),
    (
        "ar",
        "children-school",
        "ابنتي لا تجد مكانًا في الروضة. ماذا نفعل؟",
        FAMILIE,
        "answered",
        "نأسف لذلك. مجموعة العائلة تقدم استشارة كل يوم أربعاء. سنرسل لك العنوان.",
    ),
    ("ar", "authorities", "المواعيد في مكتب الأجانب بعيدة جدًا.", None, "new", None),
    ("ar", "network", "شكرًا لمقهى اللغة. أشعر أنني لست وحدي.", None, "closed", None),
    (
        "ar",
        "health",
        "أحتاج طبيبًا يتكلم العربية.",
        GESUNDHEIT,
        "answered",
        "توجد قائمة بالأطباء الذين يتكلمون العربية لدى مكتب الاستشارة الصحية. سنرسلها لك.",
    ),
    # Persian
    ("fa", "work", "من مهندس هستم. مدرک من هنوز به رسمیت شناخته نشده است.", ARBEIT, "routed", None),
    (
        "fa",
        "language",
        "کلاس زبان برای مادران با بچه کوچک لازم است.",
        SPRACHE,
        "answered",
        "ممنون از پیشنهاد شما. از ماه آینده یک کلاس با مراقبت از کودک شروع می‌شود.",
    ),
    (
        "fa",
        "discrimination",
        "در اتوبوس با من بد رفتار کردند. کجا می‌توانم گزارش بدهم؟",
        None,
        "new",
        None,
    ),
    (
        "fa",
        "volunteering",
        "می‌خواهم داوطلب باشم و ترجمه کنم.",
        EHRENAMT,
        "answered",
        "عالی است! گروه داوطلبان هر ماه یک جلسه آشنایی دارد. خوش آمدید.",
    ),
    ("fa", "other", "یک جای آرام برای درس خواندن در شب لازم داریم.", None, "new", None),
    ("fa", "housing", "خانه ما کپک دارد و صاحبخانه کاری نمی‌کند.", WOHNEN, "closed", None),
    # Ukrainian
    (
        "uk",
        "children-school",
        "Моєму синові потрібна допомога з німецькою в школі.",
        FAMILIE,
        "answered",
        "Дякуємо. У школі є група підтримки після уроків. Ми надішлемо вам контакт.",
    ),
    ("uk", "work", "Я медсестра. Як мені працювати тут за професією?", ARBEIT, "routed", None),
    (
        "uk",
        "language",
        "Курси B2 завжди заповнені. Потрібно більше місць.",
        SPRACHE,
        "answered",
        "Ви маєте рацію. Ми передали це місту, і восени буде ще один курс B2.",
    ),
    (
        "uk",
        "authorities",
        "Листи з Jobcenter дуже складні. Хто може пояснити?",
        VERWALTUNG,
        "routed",
        None,
    ),
    ("uk", "network", "Дякую волонтерам за допомогу з переїздом!", None, "closed", None),
    ("uk", "health", "Де можна знайти психолога українською мовою?", None, "new", None),
    # Turkish
    (
        "tr",
        "volunteering",
        "Gönüllü olarak Türkçe okuma saati yapmak istiyorum.",
        EHRENAMT,
        "answered",
        "Çok güzel bir fikir! Kütüphane ile görüşüyoruz, size yazacağız.",
    ),
    (
        "tr",
        "authorities",
        "Belediyede randevu almak çok zor, internet sitesi sadece Almanca.",
        VERWALTUNG,
        "answered",
        "Haklısınız. Çalışma grubu belediyeyle çok dilli randevu sayfası üzerine konuşuyor.",
    ),
    ("tr", "women", "Kadınlar için akşam bisiklet kursu olabilir mi?", FRAUEN, "routed", None),
    (
        "tr",
        "work",
        "Yaşlılar için iş fırsatları hakkında bilgi almak istiyorum.",
        None,
        "new",
        None,
    ),
    ("tr", "other", "Parkta daha fazla bank olsun lütfen.", None, "closed", None),
    (
        "tr",
        "children-school",
        "Okul tatillerinde çocuklar için program var mı?",
        FAMILIE,
        "answered",
        "Evet, yaz tatilinde iki haftalık bir program var. Kayıt Mayıs ayında başlıyor.",
    ),
    # Russian
    (
        "ru",
        "health",
        "Врачи не понимают меня. Нужен переводчик при приёме.",
        GESUNDHEIT,
        "routed",
        None,
    ),
    (
        "ru",
        "language",
        "Хочу говорить по-немецки с соседями. Есть разговорный клуб?",
        SPRACHE,
        "answered",
        "Да, языковое кафе каждую среду в 18 часов. Приходите!",
    ),
    ("ru", "housing", "Нам нужна квартира рядом со школой детей.", None, "new", None),
    ("ru", "discrimination", "На работе надо мной смеются из-за акцента.", None, "new", None),
    ("ru", "network", "Спасибо за информационную рассылку на русском.", None, "closed", None),
    # German
    (
        "de",
        "volunteering",
        "Ich bin Rentnerin und möchte Hausaufgabenhilfe geben. An wen wende ich mich?",
        EHRENAMT,
        "answered",
        "Danke für Ihr Angebot! Die AG Ehrenamt meldet sich bei Ihnen mit den Terminen.",
    ),
    (
        "de",
        "authorities",
        "Warum gibt es die Formulare der Ausländerbehörde nicht in einfacher Sprache?",
        VERWALTUNG,
        "routed",
        None,
    ),
    ("de", "network", "Das Sommerfest war toll! Bitte nächstes Jahr wieder.", None, "closed", None),
    (
        "de",
        "language",
        "Die Kursträger sollten ihre Zeiten besser abstimmen, "
        "sonst liegen alle Kurse gleichzeitig.",
        SPRACHE,
        "routed",
        None,
    ),
    (
        "de",
        "other",
        "Im Stadtteil fehlt ein Treffpunkt für Jugendliche am Abend.",
        None,
        "new",
        None,
    ),
    (
        "de",
        "work",
        "Als Betrieb suchen wir Auszubildende. Wie erreichen wir geflüchtete junge Menschen?",
        ARBEIT,
        "answered",
        "Wir laden Sie gern zur nächsten Sitzung der AG Arbeit und Ausbildung ein.",
    ),
    # English
    (
        "en",
        "language",
        "Are there German courses online for people who work shifts?",
        SPRACHE,
        "answered",
        "Yes: two providers offer online courses with flexible times. "
        "We have sent you their links.",
    ),
    (
        "en",
        "housing",
        "Landlords ask for a SCHUFA record that newcomers cannot have.",
        WOHNEN,
        "routed",
        None,
    ),
    ("en", "counselling", "I need advice about bringing my family here.", None, "new", None),
    (
        "en",
        "women",
        "A safe place for women to meet in the evening would help a lot.",
        FRAUEN,
        "answered",
        "Thank you. The women's group opens an evening café from next month.",
    ),
    ("en", "network", "Please publish the plenary minutes in English too.", None, "new", None),
    ("en", "discrimination", "A club refused me because of my name.", None, "closed", None),
]
