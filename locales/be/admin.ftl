# Адміністраванне (templates/admin/*). Памылкі формаў — у forms.ftl.

## Агульнае

admin-title = Адміністраванне
admin-nav = Адміністраванне
admin-nav-home = Адміністраванне
admin-nav-people = Людзі
admin-nav-waves = Хвалі вызваленняў
admin-nav-sources = Крыніцы
admin-nav-facilities = Установы
admin-nav-figures = Лічбы
admin-nav-import = Імпарт
admin-nav-users = Уліковыя запісы
admin-nav-audit = Журнал аўдыту
admin-logout = Выйсці
role-admin = адміністратар
role-other = рэдактар
admin-save = Захаваць
admin-save-mine = Захаваць маю версію
admin-saved = Захавана.
admin-back = Назад
admin-edit = Рэдагаваць
admin-edit-link = рэдагаваць
admin-delete = Выдаліць
admin-history = Гісторыя
admin-history-link = гісторыя
admin-public-page = Публічная старонка
admin-public-page-link = публічная старонка
admin-find = Знайсці
admin-col-state = Стан
admin-col-actions = Дзеянні
admin-not-recorded = не пазначана
admin-none = няма
admin-unknown = невядома
publication-published = апублікавана
publication-other = чарнавік
publication-choice-draft = Чарнавік: бачаць толькі рэдактары
publication-choice-published = Апублікавана: на публічным сайце
publication-state-draft = Чарнавік. Публікуюць і здымаюць з публікацыі толькі адміністратары.
publication-state-published = Апублікавана. Публікуюць і здымаюць з публікацыі толькі адміністратары.
admin-qualifier-exactly = роўна
form-error-summary = { $plural ->
    [one] Не захавана: звярніце ўвагу на { $n } пункт
    [few] Не захавана: звярніце ўвагу на { $n } пункты
   *[other] Не захавана: звярніце ўвагу на { $n } пунктаў
}
error-summary-kept = Усё, што вы ўвялі, захавана ў форме ніжэй.
error-summary-conflict = Пакуль вы рэдагавалі, гэты запіс захаваў нехта іншы: параўнайце дзве версіі і захавайце зноў
error-summary-lookalikes = Магчыма, гэты чалавек ужо ёсць у базе: адкрыйце яго запіс або пацвердзіце, што гэта іншы чалавек

## Канфлікты (409): нехта тым часам захаваў запіс

conflict-person = Пакуль вы рэдагавалі, нехта захаваў гэтага чалавека
conflict-detention = Пакуль вы рэдагавалі, нехта захаваў гэтае затрыманне
conflict-event = Пакуль вы рэдагавалі, нехта захаваў гэтую падзею
conflict-wave = Пакуль вы рэдагавалі, нехта захаваў гэтую хвалю
conflict-photo = Пакуль вы рэдагавалі, нехта змяніў гэтае фота
conflict-photo-advice = Нічога не захавана. Ніжэй паказана фота, якое ёсць цяпер, а ваша апісанне і аўтарства засталіся ў форме. Каб паставіць сваё фота, выберыце файл яшчэ раз і захавайце.
conflict-saved-by = Апошнюю змену захаваў(-ла) { $editor }, { $at }.
conflict-saved-by-deleted = Апошнюю змену захаваў выдалены ўліковы запіс, { $at }.
conflict-nothing-lost = Нічога вашага не страчана: ваша версія — у форме ніжэй. Вось дзе дзве версіі адрозніваюцца:
conflict-save-again = Захавайце яшчэ раз, каб ваша версія замяніла іхнюю.
conflict-save-again-or = Захавайце яшчэ раз, каб ваша версія замяніла іхнюю, або
conflict-start-from-saved = пачніце з захаванай версіі
conflict-col-field = Поле
conflict-col-theirs = Захавана тым часам
conflict-col-yours = Ваша

## Гісторыя

history-intro = Кожнае захаванне праз формы адміністравання, ад найноўшага, з тым, што яно змяніла. Аднаўленне вяртае запіс да стану пасля таго захавання — як новая, асобная змена.
history-none = Праз формы адміністравання яшчэ нічога не змянялі.
history-of = Гісторыя: { $title }
history-by = аўтар: { $editor }, { $at }
history-by-deleted = выдалены ўліковы запіс, { $at }
history-no-changes = Захавана без змен.
history-restore = Аднавіць гэтую версію
history-col-before = Было
history-col-after = Стала
history-empty-value = пуста
restore-title = Аднавіць ранейшую версію
restore-heading = Аднавіць ранейшую версію: { $title }
restore-intro = Што зменіць аднаўленне: ад запісу, які ёсць цяпер, да таго, якім ён стане. Адрас і стан публікацыі застануцца цяперашнімі. Нічога не зменіцца, пакуль вы не пацвердзіце.
restore-nothing = Аднаўленне нічога не зменіць: запіс ужо такі, якім быў тады.
restore-changed = Пакуль была адкрыта гэтая старонка, хтосьці змяніў запіс. Вось што аднаўленне зменіць цяпер; пацвярджайце зноў, толькі калі гэта па-ранейшаму правільна.
restore-confirm = Аднавіць
revision-create = Створана
revision-restore = Адноўлена ранейшая версія
revision-delete = Выдалена
revision-other = Зменена
revision-of-detention = Затрыманне
revision-of-event = Падзея
revision-of-recognition = Прызнанне
revision-of-citation = Спасылка на крыніцу
revision-of-photo = Фота
revision-of-other = Запіс

## Галоўная, уваход, уліковыя запісы, журнал

admin-signed-in-admin = Вы ўвайшлі як { $email }, адміністратар: можаце рэдагаваць запісы, публікаваць і выдаляць іх, кіраваць уліковымі запісамі.
admin-signed-in-editor = Вы ўвайшлі як { $email }, рэдактар: можаце ствараць і рэдагаваць запісы.
admin-home-waves = дадаваць і рэдагаваць хвалі і адзначаць вызваленне адразу многіх людзей у хвалі.
admin-home-people = шукаць, дадаваць і рэдагаваць людзей, іх імёны і грамадзянства; кожнае захаванне застаецца ў гісторыі запісу, і яго можна аднавіць.
admin-home-import = дадаваць і змяняць адразу многіх людзей з файла CSV (напрыклад, адрэдагаванага экспарту) з праверкай кожнага радка, перш чым нешта запісаць.
admin-home-users = хто можа рэдагаваць і з якой роляй.
admin-home-audit = уваходы, няўдалыя ўваходы і змены ўліковых запісаў.
admin-nav-backup = Файл рэзервовай копіі
admin-home-backup = усе запісы, уключна з чарнавікамі і неназванымі людзьмі, з усімі палямі, акрамя ўнутраных (нататкі для супрацоўнікаў, інфарматары). Захоўвайце яго надзейна: у ім неапублікаваныя імёны.
login-title = Уваход
login-intro = Для рэдактараў і адміністратараў, якія вядуць запісы. Усё астатняе на сайце публічнае, і ўліковы запіс для яго не патрэбны.
login-refused = Няправільны адрас электроннай пошты або пароль.
login-slowed = { $plural ->
    [one] Пасля многіх няўдалых спроб кожная наступная спроба адсюль чакае { $n } секунду.
    [few] Пасля многіх няўдалых спроб кожная наступная спроба адсюль чакае { $n } секунды.
   *[other] Пасля многіх няўдалых спроб кожная наступная спроба адсюль чакае { $n } секунд.
}
login-expired = Ваш сеанс скончыўся. Увайдзіце яшчэ раз.
login-email = Адрас электроннай пошты
login-password = Пароль
login-submit = Увайсці
users-title = Уліковыя запісы
users-intro = Новыя ўліковыя запісы ствараюцца на серверы:
users-intro-after = , пароль падаецца на стандартны ўвод.
users-col-email = Адрас электроннай пошты
users-col-role = Роля
users-col-since = З
users-col-state = Стан
users-active = дзейнічае
users-disabled = адключаны
audit-title = Журнал аўдыту
audit-intro = Уваходы, няўдалыя ўваходы, змены ўліковых запісаў і хто адкрываў палі толькі для супрацоўнікаў, ад найноўшых (апошнія 500).
audit-col-when = Калі
audit-col-record = Запіс і палі
audit-restricted_viewed = Адкрыў палі толькі для супрацоўнікаў
audit-backup_exported = Спампаваны файл рэзервовай копіі
audit-col-what = Што
audit-col-account = Уліковы запіс
audit-col-email = Уведзены адрас
audit-login = Увайшоў
audit-login_failed = Няўдалы ўваход
audit-login_throttled = Уваход запаволены пасля многіх няўдач
audit-logout = Выйшаў
audit-user_created = Уліковы запіс створаны
audit-other = Уліковы запіс зменены

## Людзі

people-title = Людзі
people-search-label = Імя або адрас
people-search-placeholder = Імя любым пісьмом або адрас
people-none = Нікога не знойдзена.
people-col-name = Імя
people-col-changed = Апошняя змена
person-add = Дадаць чалавека
person-edit = Рэдагаваць чалавека
lookalikes-heading = Магчыма, гэты чалавек ужо ёсць у базе
lookalike-born = нар. { $date }
lookalikes-advice = Адкрыйце існы запіс або ўсё ж дадайце гэтага чалавека, адзначыўшы поле ў канцы формы.
lookalikes-confirm = Гэта іншы чалавек: усё роўна дадаць
person-names-hint = Кожнае напісанне дапамагае знайсці чалавека: імя па-беларуску і па-руску, транслітарацыі, псеўданімы. Першае асноўнае імя дае адрас. Мова і пісьмо, пакінутыя «аўтаматычна», вызначаюцца па літарах: лацінка — англійская, кірыліца з і або ў — беларуская, іншая кірыліца — руская.
person-name-n = Імя { $n }
person-name-language = Мова
person-name-script = Пісьменства
person-name-kind = Від
person-name-auto = Аўтаматычна (па літарах)
script-Cyrl = кірыліца
script-Latn = лацінка
person-slug-hint = Малыя лацінскія словы праз злучок, як у /prisoners/ihar-losik. Калі пакінуць пустым, адрас складзецца з першага імя.
person-born-hint = Як мага дакладней: 1992, 1992-06, 1992-06-14 або summer 1992.
person-last-checked-hint = Дзень, калі вы звералі факты пра гэтага чалавека з крыніцамі, напрыклад 2025-02-12. Захаванне формы яго не мяняе: гэтая дата кажа, калі правяралі факты, а не калі змянялі запіс.
person-citizenships-hint = Коды краін праз коску: BY, LT.
admin-detentions = Затрыманні
admin-detentions-none = Ніводнае затрыманне яшчэ не запісана.
person-detention-ended = Скончылася
person-detention-how-ended = Як скончылася
person-events = Падзеі
person-events-none = Ніводная падзея яшчэ не запісана.
admin-recognitions = Прызнанне палітвязнем
admin-recognitions-none = Ніводнае прызнанне яшчэ не запісана.
recognition-add = Дадаць прызнанне
citations-none = Для гэтага запісу яшчэ не пазначана ніводнай крыніцы.
citation-edit-link = рэдагаваць спасылку
citation-add-link = Спаслацца на крыніцу
cite-link = спаслацца
citation-source-search = Знайсці крыніцу па назве
citation-source-find = Знайсці
citation-source-search-hint = Знойдзеныя крыніцы стануць варыянтамі поля крыніцы ніжэй; або ўпішыце там яе адрас.
citation-source-none = Ні ў адной крыніцы няма «{ $query }» у назве, выдаўцы або адрасе.
source-add-link = Дадаць новую крыніцу

## Фота

photo-of = Фота: { $name }
photo-description = Апісанне: { $text }
photo-credit = Аўтар: { $text }
photo-size = { $width } × { $height } пікселяў
photo-remove = Выдаліць фота
photo-none = Фота яшчэ няма.
photo-alt-hint = Абавязкова. Што павінен ведаць чытач, які не бачыць фота: хто на ім і, калі гэта важна, дзе і калі. Гэта стане тэкставай альтэрнатывай выявы.
photo-credit-hint = Хто зрабіў фота або дзе яно было апублікаванае — так, як гэта трэба паказваць побач з ім.
photo-replace = Замяніць іншым фота
photo-file-hint = JPEG, PNG або WebP, да 10 МБ.
photo-file-hint-keep = Пакіньце пустым, каб змяніць толькі апісанне і аўтарства.
photo-file-hint-copy = Сайт захоўвае копію не больш за 1200 пікселяў у шырыню або вышыню, павернутую правільна, без месца здымкі, звестак пра камеру і ўсіх іншых даных з файла; сам файл не захоўваецца.
photo-file-hint-again = Выберыце файл яшчэ раз: браўзеры яго не захоўваюць.
photo-save = Захаваць фота
photo-upload = Загрузіць фота

## Затрыманні і падзеі

detention-add = Дадаць затрыманне
detention-edit = Рэдагаваць затрыманне
detention-add-of = Новае затрыманне: { $name }
detention-edit-of = Затрыманне: { $name }
detention-country-label = Хто ўтрымлівае (код краіны)
detention-country-hint = Дзяржава, якая ўтрымлівае чалавека: BY, RU …
detention-started-hint = Як мага дакладней: 2020, 2020-05, 2020-05-29 або summer 2020.
detention-ended-hint = Пуста, пакуль чалавек пад вартай.
detention-months-label = Тэрмін пакарання
detention-months-hint = У гадах і месяцах, як 3 гады або 2 гады 6 месяцаў; лік без слова — месяцы.
detention-not-ended = не скончылася або не пазначана
charges-hint = Артыкул крымінальнага кодэкса (342, 361-1), яго частка і абвінавачанне словамі.
admin-charge-article = Артыкул
charge-part = Частка
charge-description = Абвінавачанне
event-add = Дадаць падзею
event-edit = Рэдагаваць падзею
event-add-of = Новая падзея: { $name }
event-edit-of = Падзея: { $name }
event-occurred-hint = Як мага дакладней: 2021, 2021-03, 2021-03-04 або spring 2021.

## Хвалі вызваленняў

wave-add = Дадаць хвалю
wave-edit = Рэдагаваць хвалю
admin-waves-none = Ніводная хваля яшчэ не запісана.
wave-marked-released = { $plural ->
    [one] { $n } чалавек адзначаны вызваленым у гэтай хвалі.
    [few] { $n } чалавекі адзначаныя вызваленымі ў гэтай хвалі.
   *[other] { $n } чалавек адзначаныя вызваленымі ў гэтай хвалі.
}
wave-release-held = { $plural ->
    [one] Вызваленне { $n } апублікаванага чалавека чакае праверкі адміністратарам.
    [few] Вызваленні { $n } апублікаваных людзей чакаюць праверкі адміністратарам.
   *[other] Вызваленні { $n } апублікаваных людзей чакаюць праверкі адміністратарам.
}
wave-name-hint = Як яе называе прэса: «Перадача трох палітвязняў дэлегацыі ЗША».
wave-slug-hint = Калі пакінуць пустым, адрас складзецца з назвы і даты.
wave-started-hint = Як мага дакладней: 2025-02-12, 2024-07, summer 2024.
wave-ended-label = Да
wave-ended-hint = Для хвалі, якая доўжылася пэўны час.
wave-country-label = Дзяржава, якая вызваліла (код краіны)
wave-qualifier-label = Наколькі дакладны лік
release-heading = Адзначыць людзей, вызваленых у гэтай хвалі
release-intro-before = Адзначце вызваленых або ўпішыце па адным у радку: імя ў любым напісанні, адрас або нумар, напрыклад
release-intro-after = . Затрыманне кожнага, якое яшчэ доўжыцца, заканчваецца ў пазначаны дзень са спосабам вызвалення гэтай хвалі. Калі хоць адзін радок няправільны, нічога не захоўваецца, і кожны такі радок будзе названы.
release-day = Дзень вызвалення
release-day-hint = Калі пакінуць пустым — дата хвалі.
release-submit = Адзначыць вызваленне
publish-unsourced-confirm = Апублікаваць без крыніцы
release-find-label = Знайсці ўтрымліваных па імені
release-held-legend = Тыя, каго ўтрымліваюць цяпер
release-held-hint = Спачатку — тыя, чые імёны падобныя да таго, што шукалі або ўпісалі.
release-held-none = Цяпер нікога не ўтрымліваюць.
release-held-since = утрымліваецца з { $date }
release-held-more = { $plural ->
    [one] Утрымліваецца яшчэ { $n } чалавек; знайдзіце па імені, каб ён з’явіўся тут.
    [few] Утрымліваюцца яшчэ { $n } чалавекі; знайдзіце іх па імені, каб яны з’явіліся тут.
   *[other] Утрымліваюцца яшчэ { $n } чалавек; знайдзіце іх па імені, каб яны з’явіліся тут.
}
release-lines-label = Або ўпішыце іх, па адным у радку
wave-admin-people-heading = Людзі, вызваленыя ў гэтай хвалі
wave-admin-people-none = Ніхто яшчэ не запісаны як вызвалены ў гэтай хвалі.
wave-admin-people-col-name = Імя
wave-admin-people-col-released = Дата вызвалення

## Агульныя формы запісаў (крыніцы, спасылкі, прызнанні, установы, лічбы)

record-many-sources = Крыніцы
record-many-facilities = Установы
record-many-figures = Апублікаваныя лічбы
record-many-other = Запісы
record-about-sources = Кожны факт на сайце абапіраецца на крыніцу. Дадайце крыніцу адзін раз, а потым спасылайцеся на яе з формы любога запісу.
record-about-facilities = Турмы, калоніі і ізалятары, якія называюць затрыманні.
record-about-figures = Агульныя лічбы па краінах, як іх публікуюць праваабарончыя арганізацыі; паказваюцца на галоўнай старонцы з крыніцамі.
record-about-other = { "" }
record-col-sources = Крыніца
record-col-citations = Спасылка
record-col-recognitions = Прызнанне
record-col-facilities = Установа
record-col-figures = Лічба
record-add-sources = Дадаць крыніцу
record-add-citations = Дадаць спасылку
record-add-recognitions = Дадаць прызнанне
record-add-facilities = Дадаць установу
record-add-figures = Дадаць лічбу
record-edit-sources = Рэдагаваць крыніцу: { $title }
record-edit-citations = Рэдагаваць спасылку: { $title }
record-edit-recognitions = Рэдагаваць прызнанне: { $title }
record-edit-facilities = Рэдагаваць установу: { $title }
record-edit-figures = Рэдагаваць лічбу: { $title }
record-conflict-sources = Пакуль вы рэдагавалі, нехта захаваў гэтую крыніцу
record-conflict-citations = Пакуль вы рэдагавалі, нехта захаваў гэтую спасылку
record-conflict-recognitions = Пакуль вы рэдагавалі, нехта захаваў гэтае прызнанне
record-conflict-facilities = Пакуль вы рэдагавалі, нехта захаваў гэтую ўстанову
record-conflict-figures = Пакуль вы рэдагавалі, нехта захаваў гэтую лічбу
record-history-sources = Гісторыя крыніцы { $title }
record-history-citations = Гісторыя спасылкі { $title }
record-history-recognitions = Гісторыя прызнання { $title }
record-history-facilities = Гісторыя ўстановы { $title }
record-history-figures = Гісторыя лічбы { $title }
record-history-people = Гісторыя: { $title }
record-history-detentions = Гісторыя затрымання { $title }
record-history-events = Гісторыя падзеі { $title }
record-history-waves = Гісторыя хвалі вызваленняў { $title }
sources-find = Знайсці крыніцу
records-none = Пакуль нічога няма.
record-hint-slug = Пастаянны адрас крыніцы ў спісах сайта; калі пакінуць пустым, складзецца з назвы.
record-hint-url = Дзе яе можна прачытаць: https://…
record-hint-published = Як мага дакладней: 2025, 2025-02 або 2025-02-12.
record-hint-recognised = Калі чалавека прызналі, як мага дакладней: 2021, 2021-05 або 2021-05-20.
record-hint-facility_country = Код краіны, дзяржава якой кіруе ўстановай, напрыклад BY.
record-hint-figure_country = Код краіны, пра якую гэты лік, напрыклад BY.
record-hint-as_of = Дата, якую апісвае лік, як мага дакладней: 2025-02-01, 2025-02 або 2025.
record-hint-source = Адрас крыніцы, як у спісе крыніц (напрыклад, rferl-2025-02-12).
record-hint-locator = Дзе ў крыніцы: старонка, абзац або кароткая цытата.
record-hint-other = { "" }
source-kind-news_article = Навіна
source-kind-analysis = Аналітыка
source-kind-report = Даклад
source-kind-official_statement = Афіцыйная заява
source-kind-court_document = Судовы дакумент
source-kind-social_media = Допіс у сацсетках
source-kind-interview = Інтэрв’ю
source-kind-database = База даных
source-kind-other = Іншае
facility-kind-temporary_detention = Ізалятар часовага ўтрымання
facility-kind-pretrial_detention_centre = Следчы ізалятар
facility-kind-prison = Турма
facility-kind-penal_colony = Папраўчая калонія
facility-kind-psychiatric_hospital = Псіхіятрычная бальніца
facility-kind-police_station = Аддзел міліцыі
facility-kind-other = Іншае месца зняволення
figure-metric-prisoners_held = палітвязні пад вартай
figure-metric-prisoners_released = вызваленыя палітвязні
figure-metric-other = палітычна матываваныя затрыманні
option-other = { "" }

## Выдаленне запісу

record-delete-people = Выдаліць чалавека { $title }?
record-delete-detentions = Выдаліць затрыманне { $title }?
record-delete-events = Выдаліць падзею { $title }?
record-delete-waves = Выдаліць хвалю вызваленняў { $title }?
record-delete-sources = Выдаліць крыніцу { $title }?
record-delete-citations = Выдаліць спасылку { $title }?
record-delete-recognitions = Выдаліць прызнанне { $title }?
record-delete-facilities = Выдаліць установу { $title }?
record-delete-figures = Выдаліць лічбу { $title }?
record-delete-changed-people = Пасля таго як вы адкрылі гэтую старонку, нехта змяніў гэтага чалавека. Ніжэй — запіс такі, які ён цяпер; выдаляйце, толькі калі гэта ўсё яшчэ правільна.
record-delete-changed-detentions = Пасля таго як вы адкрылі гэтую старонку, нехта змяніў гэтае затрыманне. Ніжэй — запіс такі, які ён цяпер; выдаляйце, толькі калі гэта ўсё яшчэ правільна.
record-delete-changed-events = Пасля таго як вы адкрылі гэтую старонку, нехта змяніў гэтую падзею. Ніжэй — запіс такі, які ён цяпер; выдаляйце, толькі калі гэта ўсё яшчэ правільна.
record-delete-changed-waves = Пасля таго як вы адкрылі гэтую старонку, нехта змяніў гэтую хвалю вызваленняў. Ніжэй — запіс такі, які ён цяпер; выдаляйце, толькі калі гэта ўсё яшчэ правільна.
record-delete-changed-sources = Пасля таго як вы адкрылі гэтую старонку, нехта змяніў гэтую крыніцу. Ніжэй — запіс такі, які ён цяпер; выдаляйце, толькі калі гэта ўсё яшчэ правільна.
record-delete-changed-citations = Пасля таго як вы адкрылі гэтую старонку, нехта змяніў гэтую спасылку. Ніжэй — запіс такі, які ён цяпер; выдаляйце, толькі калі гэта ўсё яшчэ правільна.
record-delete-changed-recognitions = Пасля таго як вы адкрылі гэтую старонку, нехта змяніў гэтае прызнанне. Ніжэй — запіс такі, які ён цяпер; выдаляйце, толькі калі гэта ўсё яшчэ правільна.
record-delete-changed-facilities = Пасля таго як вы адкрылі гэтую старонку, нехта змяніў гэтую ўстанову. Ніжэй — запіс такі, які ён цяпер; выдаляйце, толькі калі гэта ўсё яшчэ правільна.
record-delete-changed-figures = Пасля таго як вы адкрылі гэтую старонку, нехта змяніў гэтую лічбу. Ніжэй — запіс такі, які ён цяпер; выдаляйце, толькі калі гэта ўсё яшчэ правільна.
delete-in-use-source = { $plural ->
    [one] На гэтую крыніцу спасылаецца { $n } запіс. Спачатку выдаліце гэтыя спасылкі, каб ніводзін факт незаўважна не страціў крыніцу.
    [few] На гэтую крыніцу спасылаюцца { $n } запісы. Спачатку выдаліце гэтыя спасылкі, каб ніводзін факт незаўважна не страціў крыніцу.
   *[other] На гэтую крыніцу спасылаюцца { $n } запісаў. Спачатку выдаліце гэтыя спасылкі, каб ніводзін факт незаўважна не страціў крыніцу.
}
delete-in-use-facility = { $plural ->
    [one] Гэтую ўстанову называе { $n } затрыманне. Спачатку змяніце яго.
    [few] Гэтую ўстанову называюць { $n } затрыманні. Спачатку змяніце іх.
   *[other] Гэтую ўстанову называюць { $n } затрыманняў. Спачатку змяніце іх.
}
delete-in-use-other = { $plural ->
    [one] У гэтай хвалі вызвалены { $n } чалавек. Спачатку змяніце яго затрыманне.
    [few] У гэтай хвалі вызваленыя { $n } чалавекі. Спачатку змяніце іх затрыманні.
   *[other] У гэтай хвалі вызваленыя { $n } чалавек. Спачатку змяніце іх затрыманні.
}
delete-goes-with-person = Уся яго справа (імёны, тэксты, затрыманні, падзеі, прызнанні, фота і спасылкі) перамяшчаецца ў сметніцу, а яго старонка знікае з сайта. Адміністратары могуць аднавіць яе са сметніцы на працягу 30 дзён; пасля яна знішчаецца.
delete-goes-with-detention = Разам з ім выдаляюцца яго абвінавачанні і спасылкі.
delete-goes-with-wave = Разам з ёй выдаляюцца яе спасылкі, а яе старонка знікае з сайта.
delete-goes-with-other = Разам з ім выдаляюцца яго спасылкі, калі яны ёсць.
delete-history-kept = Запіс застаецца ў гісторыі змен разам з тым, хто і калі яго выдаліў.

## Імпарт CSV

import-title = Імпарт людзей
import-heading = Імпарт людзей з CSV
import-done = Імпартавана: дададзена — { $created }, зменена — { $updated }, без змен — { $unchanged }. Кожная змена ёсць у гісторыі чалавека.
import-done-held = Са змен { $held } у апублікаваных людзях чакаюць праверкі адміністратарам.
import-check-heading = Што зробіць імпарт
import-stale-heading = Запісы змяніліся пасля вашай праверкі
import-stale = Пасля вашай праверкі нехта захаваў чалавека з гэтага файла, або файл не той, што правяраўся: нічога не запісана. Вось праверка паводле цяперашняга стану.
import-stale-valid = Пасля вашай праверкі нехта захаваў чалавека з гэтага файла, або файл не той, што правяраўся: нічога не запісана. Вось праверка паводле цяперашняга стану; прымяніце яе, калі гэта ўсё яшчэ тое, што вам трэба.
import-summary = { $plural ->
    [one] { $n } радок: дадаць — { $create }, змяніць — { $update }, без змен — { $unchanged }, з памылкамі — { $invalid }. Пакуль нічога не запісана.
    [few] { $n } радкі: дадаць — { $create }, змяніць — { $update }, без змен — { $unchanged }, з памылкамі — { $invalid }. Пакуль нічога не запісана.
   *[other] { $n } радкоў: дадаць — { $create }, змяніць — { $update }, без змен — { $unchanged }, з памылкамі — { $invalid }. Пакуль нічога не запісана.
}
import-apply = Прымяніць: дадаць — { $create }, змяніць — { $update }
import-has-mistakes = Нічога нельга запісаць, пакуль у радках ёсць памылкі: выпраўце іх у файле і праверце яго яшчэ раз. Кожная памылка паказана побач са сваім радком разам са слупком.
import-report-caption = Па радках
import-col-row = Радок
import-col-person = Чалавек
import-col-action = Што адбудзецца
import-col-details = Падрабязнасці
import-action-create = Дадаць
import-action-update = Змяніць
import-action-unchanged = Без змен
import-action-other = Памылкі
import-namesake-before = Па адрасе
import-namesake-after = ужо ёсць чалавек. Калі гэты радок пра яго, пазначце яго slug або public_id, каб змяніць яго запіс, а не дадаваць новага.
import-check-file = Праверыць файл
import-check-again = Праверыць файл яшчэ раз
import-check-intro = Праверка нічога не запісвае: яна паказвае па радках, каго дададуць, каго і як зменяць, і ўсе памылкі. Калі ўсе радкі правільныя, вы прымяняеце імпарт, і ён запісваецца цалкам або не запісваецца зусім.
import-as-admin = Як адміністратар, вы можаце радкамі публікаваць людзей і здымаць іх з публікацыі.
import-as-editor = Як рэдактар, вы дадаяце чарнавікі, а апублікаваныя людзі застаюцца апублікаванымі: публікуюць і здымаюць з публікацыі толькі адміністратары.
import-file = Файл CSV або кніга
import-file-hint = CSV (UTF-8, праз коску: «CSV UTF-8» у табліцах) або кніга (XLSX, ODS, XLS), не больш за { $kib } КіБ і { $rows } радкоў.
import-sheet = Аркуш (кнігі)
import-sheet-hint = Яго назва, як на ўкладцы; пуста: першы аркуш.
import-paste = Або ўстаўце CSV
import-paste-hint = Калі вышэй выбраны файл, ужываецца ён, а не гэты тэкст.
import-check = Праверыць
import-columns = Слупкі
import-columns-intro = Першы радок называе слупкі ў любым парадку; назва, якой няма ў спісе ніжэй, не прымаецца.
import-export-before = Файл, экспартаваны з
import-export-link = пошуку
import-export-after = можна адрэдагаваць і імпартаваць як ёсць.
import-columns-rules = Слупок, якога ў файле няма, пакідае поле як ёсць; пустая ячэйка яго ачышчае. Ячэйкі, якія экспарт абараніў ад формул апострофам ('=…), чытаюцца без яго.
import-matching = Кожны радок шукае свайго чалавека па public_id; інакш па адрасе (slug, інакш адрас у url), у тым ліку ранейшым; інакш дадае чалавека. Адзін радок на чалавека.
import-columns-caption = Слупкі і што ў іх
import-col-column = Слупок
import-col-holds = Што ў ім
import-column-public_id = Пастаянны ідэнтыфікатар чалавека, як у экспарце. Радок з ім змяняе гэтага чалавека, які павінен быць у базе; пакіньце пустым, каб дадаць чалавека.
import-column-url = Адрас публічнай старонкі чалавека, як у экспарце (https://…/prisoners/ihar-losik): знаходзіць чалавека, калі public_id пусты, і становіцца адрасам дададзенага чалавека. Адрас ён ніколі не змяняе.
import-column-slug = Адрас, напрыклад ihar-losik. Знаходзіць чалавека, калі public_id пусты; побач з public_id гэта яго новы адрас. Для новага чалавека, калі пакінуць пустым, складаецца з імя.
import-column-name = Паказанае імя. Побач з all_names павінна быць адным з іх; асобна — гэта адзінае імя дададзенага чалавека.
import-column-all_names = Усе імёны праз |, напрыклад «Ігар Лосік [be primary] | Ihar Losik [en primary] | Igor Losik». У дужках пры патрэбе: мова (be), пісьменства (Cyrl) і від (primary, transliteration, alias, former). Імя, якое ўжо ёсць у базе, захоўвае сваю мову, пісьменства і від, калі дужкі не кажуць іначай; імя, якога няма ў спісе, выдаляецца.
import-column-publication = draft або published; пустая ячэйка пакідае як ёсць, а новыя людзі — чарнавікі. Публікуюць і здымаюць з публікацыі толькі адміністратары.
import-column-sex = female, male або other.
import-column-born = Як мага дакладней: 1992, 1992-06, 1992-06-03, summer 1992.
import-column-citizenships = Коды краін праз прабел, напрыклад «BY LT».
import-column-occupation = Тэкст, не больш за 500 знакаў.
import-column-region = Тэкст, не больш за 200 знакаў.
import-column-other = Тэкст, не больш за 20 000 знакаў; пераносы радкоў унутры ячэйкі ў двукоссі захоўваюцца.
import-column-computed = Разлічваюцца экспартам з затрыманняў: прымаюцца і ігнаруюцца.

# The kinds of a name, as the person form offers them (the public page says them with the
# person's sex: name-kind-*).
admin-name-kind-primary = імя
admin-name-kind-transliteration = транслітарацыя
admin-name-kind-alias = іншае імя (таксама вядомы/вядомая як)
admin-name-kind-other = ранейшае імя
login-ended = Ваш сеанс завершаны (з іншага сеанса, адміністратарам або зменай пароля). Увайдзіце яшчэ раз.
code-title = Другі крок: ваш код
code-intro = Увядзіце шасцізначны код, які праграма-аўтэнтыфікатар цяпер паказвае для гэтага сайта.
code-refused = Код няправільны або ўжо выкарыстаны. Коды мяняюцца кожныя 30 секунд: праверце, ці правільна ідзе гадзіннік тэлефона.
code-label = Код з праграмы або код аднаўлення
code-submit = Далей
code-recovery-hint = Згубілі тэлефон? Увядзіце адзін з кодаў аднаўлення; кожны дзейнічае адзін раз. Адміністратар таксама можа скінуць ваш другі фактар.
enrol-title = Наладзьце другі фактар
enrol-intro = Кожнаму ўліковаму запісу патрэбны другі фактар, акрамя пароля: код з праграмы-аўтэнтыфікатара на тэлефоне (напрыклад, Aegis, FreeOTP або Google Authenticator). Пакуль ён не наладжаны, нічога іншага не адкрыць.
enrol-intro-replace = Новы сакрэт заменіць той, што цяпер у праграме, калі вы пацвердзіце яго кодам; старыя коды аднаўлення перастануць дзейнічаць.
enrol-refused = Код не адпавядае сакрэту. Адсканіруйце яго зноў або праверце літары і ўвядзіце код, які праграма паказвае цяпер.
enrol-step-app = Адкрыйце праграму-аўтэнтыфікатар і дадайце ўліковы запіс.
enrol-step-scan = Адсканіруйце гэты код праграмай:
enrol-qr-label = QR-код сакрэту для праграмы-аўтэнтыфікатара
enrol-step-type = або ўвядзіце сакрэт уручную (уліковы запіс { $email }):
enrol-step-code = Увядзіце шасцізначны код, які цяпер паказвае праграма
enrol-submit = Пацвердзіць і працягнуць
recovery-title = Вашы коды аднаўлення
recovery-done = Другі фактар наладжаны.
recovery-intro = Калі вы згубіце тэлефон, кожны з гэтых кодаў адзін раз упусціць вас замест кода з праграмы. Запішыце або раздрукуйце іх і захоўвайце ў надзейным месцы, асобна ад тэлефона. Яны паказваюцца толькі цяпер.
recovery-continue = Я іх захаваў(ла): далей
account-title = Ваш уліковы запіс
account-sessions-ended = { $plural ->
    [one] Завершаны { $n } сеанс.
    [few] Завершана { $n } сеансы.
   *[other] Завершана { $n } сеансаў.
}
account-second-factor = Другі фактар
account-second-factor-since = Наладжаны { $date }.
account-recovery-left = { $plural ->
    [one] Застаўся { $n } код аднаўлення.
    [few] Засталося { $n } коды аднаўлення.
   *[other] Засталося { $n } кодаў аднаўлення.
}
account-second-factor-replace = Наладзіць нанова (новы тэлефон або новыя коды аднаўлення)
account-sessions = Дзе вы ўвайшлі
account-col-started = Уваход
account-col-seen = Апошні запыт
account-col-browser = Браўзер
account-col-end = Завяршыць
account-this-session = гэты сеанс
account-end = Завяршыць
account-end-others = Завяршыць усе астатнія сеансы
users-col-second-factor = Другі фактар
users-col-actions = Змяніць
users-no-second-factor = не наладжаны (пры наступным уваходзе)
users-enable = Уключыць
users-disable = Адключыць
users-end-sessions = Завяршыць сеансы
users-reset-second-factor = Скінуць другі фактар
users-new-password = Новы пароль
users-reset-password = Задаць пароль
users-changed-disabled = { $email } адключаны; яго сеансы завершаны.
users-changed-enabled = { $email } зноў можа ўваходзіць.
users-changed-password_reset = У { $email } новы пароль; яго сеансы завершаны.
users-changed-sessions_ended = Усе сеансы { $email } завершаны.
users-changed-second_factor_reset = У { $email } больш няма другога фактару, новы наладжваецца пры наступным уваходзе; яго сеансы завершаны.
users-refused-password_too_short = Новы пароль занадта кароткі: патрэбна не менш за 12 сімвалаў. Нічога не зменена.
users-refused-password_too_long = Новы пароль занадта доўгі: не больш за 1024 сімвалы. Нічога не зменена.
audit-user_changed = Уліковы запіс зменены
account-name = Ваша імя на старонках гісторыі
account-name-label = Бачнае імя
account-name-hint = Іншыя супрацоўнікі бачаць гэтае імя побач з вашымі зменамі замест адраса электроннай пошты, які бачаць толькі адміністратары. Пакіньце пустым, каб паказвалася «Staff» і нумар уліковага запісу. Можна псеўданім.
account-name-save = Захаваць імя
account-name-saved = Бачнае імя захавана.
account-name-refused = Бачнае імя — не больш за 80 сімвалаў і без кіроўных сімвалаў. Нічога не зменена.
users-col-name = Бачнае імя
role-viewer = чытач
role-editor = рэдактар

# Асоба і падстава для публікацыі імя (задача 18)
field-identity = Асоба
field-naming_basis = Падстава для публікацыі імя
field-consent = Згода
field-consent_by = Хто даў згоду
field-consent_on = Калі дадзена згода
field-consent_purposes = На што дадзена згода
identity-named = названая: бачная на публічным сайце
identity-withheld = схаваная: улічваецца ў публічных ліках, але не паказваецца
person-identity-hint = Схавайце асобу, калі сам чалавек або ягоная сям'я не пагадзіліся на публікацыю імя: чалавек па-ранейшаму ўлічваецца ва ўсіх публічных ліках, і нічога больш пра яго не пакідае адмінку.
naming-basis-public_sources = ужо апублікавана ў пазначаных крыніцах
naming-basis-consent = згода
person-naming-basis-hint = Абавязкова для публікацыі з імем. Для згоды пазначце, хто яе даў, калі і на што.
consent-by-person = сам чалавек
consent-by-family = сям'я
consent-by-lawyer = адвакат
consent-purpose-publish = публікацыя на гэтым сайце
consent-purpose-advocacy = праваабарончая кампанія
consent-purpose-un_bodies = перадача органам ААН
admin-withheld = асоба схаваная

## Fields the public never sees (src/domain/visibility.rs)
field-internal_notes = Нататкі для супрацоўнікаў
field-medical = Медыцынскія звесткі
field-received_from = Атрымана ад (інфарматар)
visibility-public = адкрыта
visibility-restricted = толькі для супрацоўнікаў, не публікуецца
visibility-internal = толькі для супрацоўнікаў, не публікуецца і не выгружаецца
office-legend = Толькі для супрацоўнікаў
office-hint = Нічога з гэтага не паказваецца на адкрытым сайце, у API, стужках і выгрузках. Кожнае адкрыццё запісу з запоўненымі палямі запісваецца ў журнал аўдыту.

## The review queue (src/web/admin/review.rs)
admin-nav-review = Праверка
review-title = Змены, якія чакаюць праверкі
review-intro = Змены рэдактараў у апублікаваных запісах чакаюць тут, пакуль іх не ўхваліць адміністратар; да таго публіка бачыць запіс ранейшым. Пры ўхваленні змена правяраецца зноў і захоўваецца ад імя рэдактара; калі запіс з таго часу змяніўся, яе нельга прыняць: адхіліце яе і папрасіце рэдактара ўнесці нанова.
review-none = Нічога не чакае праверкі.
review-record = Адкрыць запіс
review-approve = Ухваліць і апублікаваць
review-reject = Адхіліць
review-done-approved = Ухвалена: змена захавана і апублікавана.
review-done-rejected = Адхілена: змены няма, запіс застаўся ранейшым.
review-pending = Ваша змена (захаваў { $editor }, { $at }) чакае праверкі адміністратарам: форма паказвае яе, публіка пакуль бачыць запіс ранейшым. Новае захаванне заменіць яе.
review-pending-admin = Змена ад { $editor } ({ $at }) чакае праверкі; форма паказвае запіс як ёсць.
review-open = Праверыць
revision-of-person = Чалавек
revision-of-wave = Хваля вызваленняў
revision-of-source = Крыніца
revision-of-facility = Установа
revision-of-figure = Паведамлены лік
audit-change_approved = Змена ўхвалена
audit-change_rejected = Змена адхілена
