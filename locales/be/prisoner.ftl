# Старонка чалавека (templates/prisoners/show.html)

person-documented-by = Задакументавана з крыніцамі: Трэкер палітвязняў.
person-changes-feed-title = Змены ў гэтым запісе
og-locale = be_BY
person-photo-credit = Фота
person-synthetic = Сінтэтычны запіс, створаны для тэставання. Такога чалавека не існуе.
count-days-in-custody-about = { $plural ->
    [one] Каля { $n } дня пад вартай
   *[many] Каля { $n } дзён пад вартай
}
custody-approximate = некаторыя даты вядомыя толькі з дакладнасцю да месяца, сезона або года
custody-incomplete = затрыманне з невядомымі датамі не ўлічваецца
person-names = Імёны
person-about = Звесткі
person-citizenship = Грамадзянства
person-sex = Пол
person-born = Дата нараджэння
person-occupation = Род заняткаў
person-region = Рэгіён
person-detentions = Затрыманні
person-detentions-none = Ніводнае затрыманне не задакументаванае.
# The period of a detention is "<from> – <to>": the dates stand on their own, in the nominative.
detention-from = { "" }
detention-to = –
detention-start-unknown = Пачатак невядомы
detention-still-held = дагэтуль пад вартай
detention-place = Месца зняволення
detention-charges = Абвінавачанні
charge-article = Артыкул { $article }
charge-article-part = Артыкул { $article }, частка { $part }
detention-trial = Суд
detention-sentence = Пакаранне
detention-sentenced-on = прысуд { $date }
detention-ended-how = Як скончылася
detention-in-wave = у хвалі
detention-notes = Заўвагі
person-timeline = Храналогія
person-recognitions = Прызнанне палітвязнем
person-cite = Як цытаваць гэтую старонку
citation-title = «{ $name }».
citation-accessed = Дата звароту: { $date }
record-id = Ідэнтыфікатар запісу { $id }
person-follow-changes = Сачыць за зменамі ў гэтым запісе (стужка Atom)
person-last-checked = Факты апошні раз звераныя з крыніцамі
person-changes = Змены ў гэтым запісе

## Публічны спіс змен

change-person-create = дададзена
change-person-restore = адноўлена ранейшая версія
change-person-delete = выдалена
change-person-update = зменена
change-detention-create = затрыманне дададзенае
change-detention-restore = затрыманне: адноўлена ранейшая версія
change-detention-delete = затрыманне выдаленае
change-detention-update = затрыманне змененае
change-event-create = падзея дададзеная
change-event-restore = падзея: адноўлена ранейшая версія
change-event-delete = падзея выдаленая
change-event-update = падзея змененая
change-recognition-create = прызнанне дададзенае
change-recognition-restore = прызнанне: адноўлена ранейшая версія
change-recognition-delete = прызнанне выдаленае
change-recognition-update = прызнанне змененае
change-citation-create = крыніца дададзеная
change-citation-restore = крыніца: адноўлена ранейшая версія
change-citation-delete = крыніца выдаленая
change-citation-update = крыніца змененая
change-photo-create = фота дададзенае
change-photo-restore = фота: адноўлена ранейшая версія
change-photo-delete = фота выдаленае
change-photo-update = фота змененае

## Назвы палёў запісу

field-names = Імёны
field-slug = Адрас
field-publication = Публікацыя
field-sex = Пол
field-born = Дата нараджэння
field-last_checked = Факты апошні раз правераныя
field-occupation = Род заняткаў
field-region = Рэгіён
field-biography = Біяграфія
field-citizenships = Грамадзянства
field-country = Краіна, якая ўтрымлівае
field-started = Затрыманы
field-ended = Канец зняволення
field-facility = Установа
field-trial_stage = Суд
field-sentenced = Прысуд
field-sentence_kind = Пакаранне
field-sentence_months = Тэрмін пакарання
field-release_mechanism = Як скончылася зняволенне
field-wave = Хваля вызваленняў
field-notes = Заўвагі
field-wave_name = Назва
field-event_kind = Што адбылося
field-occurred = Калі
field-description = Апісанне
field-location = Дзе
field-counterparty = Хто прыняў або дамовіўся
field-traded = Што дадзена ўзамен
field-reported = Колькасць вызваленых паводле паведамленняў
field-title = Назва
field-publisher = Выдавец
field-url = Вэб-адрас
field-published = Дата публікацыі
field-source_kind = Від крыніцы
field-source = Крыніца
field-locator = Месца ў крыніцы
field-organisation = Хто прызнаў
field-recognised = Дата прызнання
field-facility_name = Назва
field-facility_kind = Від установы
field-facility_country = Краіна
field-figure_country = Краіна
field-metric = Што лічыцца
field-qualifier = Наколькі дакладна
field-value = Лік
field-as_of = Па стане на
field-alt_text = Апісанне фота
field-photo_credit = Аўтар фота
field-photo_image = Фота
field-charges = Абвінавачанні
field-other = іншае поле
