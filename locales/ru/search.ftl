# Поиск (templates/prisoners/list.html)

search-title = «{ $q }»: поиск
search-feed-title = Этот поиск как лента
search-description = Поиск задокументированных политзаключённых по любому написанию имени, статусу, стране, способу освобождения и волне освобождений.
search-label = Имя в любом алфавите или написании или слова о человеке
search-filters = Фильтры и порядок
search-status = Статус
search-held-now = Сейчас под стражей (на любой стадии)
search-held-by = Удерживающая страна
search-any-country = Любая страна
search-any = Любой
search-released-by = Способ освобождения
search-any-mechanism = Любой способ
search-any-wave = Любая волна
search-charge = Обвинение (статья или слова)
search-detained = Задержан
search-released = Освобождён
search-from-year = с года
search-to-year = по
search-order = Порядок
sort-relevance = Лучшее совпадение
sort-name = Имя
sort-detained = Недавно задержанные
sort-other = Недавно освобождённые
search-apply = Применить
search-clear = Сбросить всё
search-count-capped = Более { $n } человек
search-no-such-page = Страницы { $page } в этих результатах нет.
search-first-page = Перейти на первую страницу
search-none = Никого не найдено
search-none-for = По запросу «{ $q }» никого не найдено
search-none-filters = с этими фильтрами
search-suggestions = Похожие имена:
search-help = Имена сопоставляются в любом алфавите и написании (Кузнечык, Кузнечик, Kuznechyk и Kuznechik находят одного человека). Попробуйте меньше слов, часть фамилии или
search-help-clear = сбросьте фильтры
search-showing = Показаны { $first }–{ $last }
search-csv = Скачать все результаты в CSV
search-follow = Следить за этим поиском (лента Atom)
search-pages = Страницы результатов
search-previous = Предыдущая
search-next = Следующая
search-page = Страница { $page }
search-page-of = Страница { $page } из { $last }

## Почему поиск отклонён (src/search/query.rs). $parameter — имя параметра в адресе (q, status,
## page…): остаётся первым и не переводится. $value — введённое значение.

search-refusal-nul = { $parameter }: содержит символ NUL, по которому нельзя искать
search-refusal-country = { $parameter }: страна указывается двухбуквенным кодом ISO 3166, например BY
search-refusal-year = { $parameter }: «{ $value }» — это не год
search-refusal-choice = { $parameter }: «{ $value }» нет среди вариантов
search-refusal-wave = { $parameter }: такой волны нет
search-refusal-page = { $parameter }: «{ $value }» — это не номер страницы

## Включённые фильтры, как ссылки, которые их убирают
search-filters-on = Включённые фильтры:
search-chip = { $name }: { $value }
search-chip-from = с { $year } года
search-chip-to = по { $year } год
search-remove-filter = убрать этот фильтр

# On the lists the home counts link to (issue 19): people counted but not named.
search-not-named = { $plural ->
    [one] Ещё { $n } человек учтён, но не назван, чтобы защитить его и его семью.
    [few] Ещё { $n } человека учтены, но не названы, чтобы защитить их и их семьи.
   *[other] Ещё { $n } человек учтены, но не названы, чтобы защитить их и их семьи.
}

# Downloads for spreadsheets (issue 20).
search-xlsx = книга Excel
