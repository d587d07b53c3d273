# Пошук (templates/prisoners/list.html)

search-title = «{ $q }»: пошук
search-feed-title = Гэты пошук як стужка
search-description = Пошук задакументаваных палітвязняў па любым напісанні імя, статусе, краіне, спосабе вызвалення і хвалі вызваленняў.
search-label = Імя ў любым пісьме ці напісанні або словы пра чалавека
search-filters = Фільтры і парадак
search-status = Статус
search-held-now = Цяпер пад вартай (на любой стадыі)
search-held-by = Краіна, якая ўтрымлівае
search-any-country = Любая краіна
search-any = Любы
search-released-by = Спосаб вызвалення
search-any-mechanism = Любы спосаб
search-any-wave = Любая хваля
search-charge = Абвінавачанне (артыкул або словы)
search-detained = Затрыманы
search-released = Вызвалены
search-from-year = з года
search-to-year = па
search-order = Парадак
sort-relevance = Найлепшае супадзенне
sort-name = Імя
sort-detained = Нядаўна затрыманыя
sort-other = Нядаўна вызваленыя
search-apply = Ужыць
search-clear = Ачысціць усё
search-count-capped = Больш за { $n } чалавек
search-no-such-page = Старонкі { $page } у гэтых выніках няма.
search-first-page = Перайсці на першую старонку
search-none = Нікога не знойдзена
search-none-for = Па запыце «{ $q }» нікога не знойдзена
search-none-filters = з гэтымі фільтрамі
search-suggestions = Падобныя імёны:
search-help = Імёны супастаўляюцца ў любым пісьме і напісанні (Кузнечык, Кузнечик, Kuznechyk і Kuznechik знаходзяць аднаго чалавека). Паспрабуйце менш слоў, частку прозвішча або
search-help-clear = ачысціце фільтры
search-showing = Паказаны { $first }–{ $last }
search-csv = Спампаваць усе вынікі ў CSV
search-follow = Сачыць за гэтым пошукам (стужка Atom)
search-pages = Старонкі вынікаў
search-previous = Папярэдняя
search-next = Наступная
search-page = Старонка { $page }
search-page-of = Старонка { $page } з { $last }

## Чаму пошук адхілены (src/search/query.rs). $parameter — назва параметра ў адрасе (q, status,
## page…): застаецца першай і не перакладаецца. $value — уведзенае значэнне.

search-refusal-nul = { $parameter }: змяшчае сімвал NUL, па якім нельга шукаць
search-refusal-country = { $parameter }: краіна пазначаецца двухлітарным кодам ISO 3166, напрыклад BY
search-refusal-year = { $parameter }: «{ $value }» — гэта не год
search-refusal-choice = { $parameter }: «{ $value }» няма сярод варыянтаў
search-refusal-wave = { $parameter }: такой хвалі няма
search-refusal-page = { $parameter }: «{ $value }» — гэта не нумар старонкі

## Уключаныя фільтры, як спасылкі, што іх прыбіраюць
search-filters-on = Уключаныя фільтры:
search-chip = { $name }: { $value }
search-chip-from = з { $year } года
search-chip-to = па { $year } год
search-remove-filter = прыбраць гэты фільтр

# On the lists the home counts link to (issue 19): people counted but not named.
search-not-named = { $plural ->
    [one] Яшчэ { $n } чалавек улічаны, але не названы, каб абараніць яго і яго сям'ю.
    [few] Яшчэ { $n } чалавекі ўлічаныя, але не названыя, каб абараніць іх і іх сем'і.
   *[other] Яшчэ { $n } чалавек улічаныя, але не названыя, каб абараніць іх і іх сем'і.
}

# Downloads for spreadsheets (issue 20).
search-xlsx = кніга Excel
