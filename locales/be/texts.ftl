# Record content in several languages: notes on public pages and the admin page for translations.

## A text shown in another language than the page's. $lang is its language code.
text-only-in = { $lang ->
    [be] Гэты тэкст ёсць толькі па-беларуску.
    [ru] Гэты тэкст ёсць толькі па-руску.
   *[en] Гэты тэкст ёсць толькі па-англійску.
}
text-not-translated = { $lang ->
    [ru] Гэты тэкст яшчэ не перакладзены на беларускую мову; ён паказаны па-руску.
    [en] Гэты тэкст яшчэ не перакладзены на беларускую мову; ён паказаны па-англійску.
   *[be] Гэты тэкст яшчэ не перакладзены на беларускую мову.
}

## The admin page of a record's texts in other languages.
texts-link = Тэксты на іншых мовах
texts-admin = Кіраванне
texts-title = Тэксты на іншых мовах: { $name }
texts-back = Назад да запісу
texts-public-page = Публічная старонка
texts-intro = Уласны тэкст запісу, набраны ў ягонай форме, — арыгінал. Пазначце тут, на якой мове ён напісаны, і дадайце той самы тэкст на іншых мовах. Перакладайце толькі тое, што сказана ў арыгінале. Старонка на мове, на якой тэксту няма, паказвае арыгінал або іншы пераклад з заўвагай пра гэта. Пакіньце поле пустым, калі перакладу няма.
texts-saved = Захавана.
texts-conflict-heading = Пакуль вы рэдагавалі, гэтыя тэксты захаваў нехта іншы
texts-conflict-intro = Нічога з вашага не страчана: ваша версія ў форме ніжэй. Дзе версіі адрозніваюцца:
texts-conflict-again = Захавайце яшчэ раз, каб ваша версія замяніла іхнюю.
texts-col-field = Поле
texts-col-theirs = Захавана тым часам
texts-col-yours = Ваша
texts-col-before = Было
texts-col-after = Стала
texts-original-heading = Арыгінальны тэкст
texts-original-empty = (пуста)
texts-original-lang = Мова арыгінальнага тэксту
texts-in-en = Па-англійску
texts-in-be = Па-беларуску
texts-in-ru = Па-руску
texts-is-original = Арыгінальны тэкст напісаны на гэтай мове: ён рэдагуецца ва ўласнай форме запісу.
texts-field-occupation = Занятак
texts-field-region = Рэгіён
texts-field-biography = Біяграфія
texts-field-wave_name = Назва
texts-field-notes = Заўвагі
texts-field-description = Апісанне
texts-save = Захаваць
texts-save-mine = Захаваць маю версію
texts-history-heading = Змены гэтых тэкстаў
texts-history-none = Тут яшчэ нічога не захоўвалі.
texts-deleted-account = выдалены ўліковы запіс
texts-unchanged = Захавана без змен.
texts-error-language = Выберыце англійскую, беларускую або рускую мову.
texts-error-original-language = Арыгінальны тэкст напісаны на гэтай мове; змяняйце яго ва ўласнай форме запісу або выберыце для арыгінала іншую мову.
texts-error-characters = Выдаліце з гэтага тэксту кіроўныя сімвалы.
texts-error-too-long = Не больш за { $max } знакаў (тут { $count }).
texts-form-incomplete = У форме няма версій, з якімі яна была адкрыта; перазагрузіце яе.

## Fields of these texts in revisions and in the public change log.
field-text_lang = Мова арыгінальнага тэксту
field-occupation_en = Занятак па-англійску
field-occupation_be = Занятак па-беларуску
field-occupation_ru = Занятак па-руску
field-region_en = Рэгіён па-англійску
field-region_be = Рэгіён па-беларуску
field-region_ru = Рэгіён па-руску
field-biography_en = Біяграфія па-англійску
field-biography_be = Біяграфія па-беларуску
field-biography_ru = Біяграфія па-руску
field-wave_name_en = Назва па-англійску
field-wave_name_be = Назва па-беларуску
field-wave_name_ru = Назва па-руску
field-notes_en = Заўвагі па-англійску
field-notes_be = Заўвагі па-беларуску
field-notes_ru = Заўвагі па-руску
field-description_en = Апісанне па-англійску
field-description_be = Апісанне па-беларуску
field-description_ru = Апісанне па-руску
