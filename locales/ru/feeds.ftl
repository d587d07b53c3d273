# Лента освобождений (templates/feeds/releases.atom)

feed-releases-heading = освобождения политзаключённых и волны освобождений
feed-releases-subtitle = Каждое задокументированное освобождение человека и каждая волна освобождений, сначала новые.
feed-rights = Лицензия CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.ru)
feed-wave-title = Волна освобождений: { $name }
feed-reported = сообщалось об освобождении
feed-person-released = { $name }: освобождение
feed-person-released-on = { $name }: освобождение ({ $date })
feed-in-wave = в волне освобождений «{ $wave }»

## Лента изменений одного человека (templates/feeds/person.atom)

feed-person-title = изменения в записи «{ $name }»
feed-change-none = Сохранено без изменений.
feed-change-fields = Поля: { $fields }.
feed-change-person = { $action ->
    [create] Запись добавлена
    [restore] Запись: восстановлена прежняя версия
    [delete] Запись удалена
   *[other] Запись изменена
}
feed-change-detention = { $action ->
    [create] Задержание добавлено
    [restore] Задержание: восстановлена прежняя версия
    [delete] Задержание удалено
   *[other] Задержание изменено
}
feed-change-event = { $action ->
    [create] Событие добавлено
    [restore] Событие: восстановлена прежняя версия
    [delete] Событие удалено
   *[other] Событие изменено
}
feed-change-recognition = { $action ->
    [create] Признание добавлено
    [restore] Признание: восстановлена прежняя версия
    [delete] Признание удалено
   *[other] Признание изменено
}
feed-change-citation = { $action ->
    [create] Источник добавлен
    [restore] Источник: восстановлена прежняя версия
    [delete] Источник удалён
   *[other] Источник изменён
}
feed-change-photo = { $action ->
    [create] Фото добавлено
    [restore] Фото: восстановлена прежняя версия
    [delete] Фото удалено
   *[other] Фото изменено
}

## Лента поиска (templates/feeds/search.atom)

feed-search-everyone = люди
feed-search-matching = люди по запросу «{ $q }»
feed-search-filtered = (с фильтрами)
