# Стужка вызваленняў (templates/feeds/releases.atom)

feed-releases-heading = вызваленні палітвязняў і хвалі вызваленняў
feed-releases-subtitle = Кожнае задакументаванае вызваленне чалавека і кожная хваля вызваленняў, спачатку найноўшыя.
feed-rights = Ліцэнзія CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.be)
feed-wave-title = Хваля вызваленняў: { $name }
feed-reported = паведамлялася пра вызваленне
feed-person-released = { $name }: вызваленне
feed-person-released-on = { $name }: вызваленне ({ $date })
feed-in-wave = у хвалі вызваленняў «{ $wave }»

## Стужка змен аднаго чалавека (templates/feeds/person.atom)

feed-person-title = змены ў запісе «{ $name }»
feed-change-none = Захавана без змен.
feed-change-fields = Палі: { $fields }.
feed-change-person = { $action ->
    [create] Запіс дададзены
    [restore] Запіс: адноўлена ранейшая версія
    [delete] Запіс выдалены
   *[other] Запіс зменены
}
feed-change-detention = { $action ->
    [create] Затрыманне дададзенае
    [restore] Затрыманне: адноўлена ранейшая версія
    [delete] Затрыманне выдаленае
   *[other] Затрыманне змененае
}
feed-change-event = { $action ->
    [create] Падзея дададзеная
    [restore] Падзея: адноўлена ранейшая версія
    [delete] Падзея выдаленая
   *[other] Падзея змененая
}
feed-change-recognition = { $action ->
    [create] Прызнанне дададзенае
    [restore] Прызнанне: адноўлена ранейшая версія
    [delete] Прызнанне выдаленае
   *[other] Прызнанне змененае
}
feed-change-citation = { $action ->
    [create] Крыніца дададзеная
    [restore] Крыніца: адноўлена ранейшая версія
    [delete] Крыніца выдаленая
   *[other] Крыніца змененая
}
feed-change-photo = { $action ->
    [create] Фота дададзенае
    [restore] Фота: адноўлена ранейшая версія
    [delete] Фота выдаленае
   *[other] Фота змененае
}

## Стужка пошуку (templates/feeds/search.atom)

feed-search-everyone = людзі
feed-search-matching = людзі па запыце «{ $q }»
feed-search-filtered = (з фільтрамі)
