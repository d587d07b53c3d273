# Страница человека (templates/prisoners/show.html)

person-documented-by = Задокументировано с источниками: Трекер политзаключённых.
person-changes-feed-title = Изменения в этой записи
og-locale = ru_RU
person-photo-credit = Фото
person-synthetic = Синтетическая запись, созданная для тестирования. Такого человека не существует.
count-days-in-custody-about = { $plural ->
    [one] Около { $n } дня под стражей
   *[many] Около { $n } дней под стражей
}
custody-approximate = некоторые даты известны лишь с точностью до месяца, сезона или года
custody-incomplete = задержание с неизвестными датами не учитывается
person-names = Имена
person-about = Сведения
person-citizenship = Гражданство
person-sex = Пол
person-born = Дата рождения
person-occupation = Род занятий
person-region = Регион
person-detentions = Задержания
person-detentions-none = Ни одно задержание не задокументировано.
# The period of a detention is "<from> – <to>": the dates stand on their own, in the nominative.
detention-from = { "" }
detention-to = –
detention-start-unknown = Начало неизвестно
detention-still-held = до сих пор под стражей
detention-place = Место заключения
detention-charges = Обвинения
charge-article = Статья { $article }
charge-article-part = Статья { $article }, часть { $part }
detention-trial = Суд
detention-sentence = Наказание
detention-sentenced-on = приговор { $date }
detention-ended-how = Чем закончилось
detention-in-wave = в волне
detention-notes = Примечания
person-timeline = Хронология
person-recognitions = Признание политзаключённым
person-cite = Как цитировать эту страницу
citation-title = «{ $name }».
citation-accessed = Дата обращения: { $date }
record-id = Идентификатор записи { $id }
person-follow-changes = Следить за изменениями в этой записи (лента Atom)
person-last-checked = Факты последний раз сверены с источниками
person-changes = Изменения в этой записи

## Публичный список изменений

change-person-create = добавлено
change-person-restore = восстановлена прежняя версия
change-person-delete = удалено
change-person-update = изменено
change-detention-create = задержание добавлено
change-detention-restore = задержание: восстановлена прежняя версия
change-detention-delete = задержание удалено
change-detention-update = задержание изменено
change-event-create = событие добавлено
change-event-restore = событие: восстановлена прежняя версия
change-event-delete = событие удалено
change-event-update = событие изменено
change-recognition-create = признание добавлено
change-recognition-restore = признание: восстановлена прежняя версия
change-recognition-delete = признание удалено
change-recognition-update = признание изменено
change-citation-create = источник добавлен
change-citation-restore = источник: восстановлена прежняя версия
change-citation-delete = источник удалён
change-citation-update = источник изменён
change-photo-create = фото добавлено
change-photo-restore = фото: восстановлена прежняя версия
change-photo-delete = фото удалено
change-photo-update = фото изменено

## Названия полей записи

field-names = Имена
field-slug = Адрес
field-publication = Публикация
field-sex = Пол
field-born = Дата рождения
field-last_checked = Факты последний раз проверены
field-occupation = Род занятий
field-region = Регион
field-biography = Биография
field-citizenships = Гражданство
field-country = Удерживающая страна
field-started = Задержан
field-ended = Конец заключения
field-facility = Учреждение
field-trial_stage = Суд
field-sentenced = Приговор
field-sentence_kind = Наказание
field-sentence_months = Срок наказания
field-release_mechanism = Чем закончилось заключение
field-wave = Волна освобождений
field-notes = Примечания
field-wave_name = Название
field-event_kind = Что произошло
field-occurred = Когда
field-description = Описание
field-location = Где
field-counterparty = Кто принял или договорился
field-traded = Что отдано взамен
field-reported = Число освобождённых по сообщениям
field-title = Название
field-publisher = Издатель
field-url = Веб-адрес
field-published = Дата публикации
field-source_kind = Вид источника
field-source = Источник
field-locator = Место в источнике
field-organisation = Кто признал
field-recognised = Дата признания
field-facility_name = Название
field-facility_kind = Вид учреждения
field-facility_country = Страна
field-figure_country = Страна
field-metric = Что считается
field-qualifier = Насколько точно
field-value = Число
field-as_of = По состоянию на
field-alt_text = Описание фото
field-photo_credit = Автор фото
field-photo_image = Фото
field-charges = Обвинения
field-other = другое поле
