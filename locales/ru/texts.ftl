# Record content in several languages: notes on public pages and the admin page for translations.

## A text shown in another language than the page's. $lang is its language code.
text-only-in = { $lang ->
    [be] Этот текст есть только на белорусском языке.
    [ru] Этот текст есть только на русском языке.
   *[en] Этот текст есть только на английском языке.
}
text-not-translated = { $lang ->
    [be] Этот текст ещё не переведён на русский язык; он показан на белорусском.
    [en] Этот текст ещё не переведён на русский язык; он показан на английском.
   *[ru] Этот текст ещё не переведён на русский язык.
}

## The admin page of a record's texts in other languages.
texts-link = Тексты на других языках
texts-admin = Управление
texts-title = Тексты на других языках: { $name }
texts-back = Назад к записи
texts-public-page = Публичная страница
texts-intro = Собственный текст записи, набранный в её форме, — оригинал. Укажите здесь, на каком языке он написан, и добавьте тот же текст на других языках. Переводите только то, что сказано в оригинале. Страница на языке, на котором текста нет, показывает оригинал или другой перевод с пометкой об этом. Оставьте поле пустым, если перевода нет.
texts-saved = Сохранено.
texts-conflict-heading = Пока вы редактировали, эти тексты сохранил кто-то другой
texts-conflict-intro = Ничего из вашего не потеряно: ваша версия в форме ниже. Где версии различаются:
texts-conflict-again = Сохраните ещё раз, чтобы ваша версия заменила их версию.
texts-col-field = Поле
texts-col-theirs = Сохранено тем временем
texts-col-yours = Ваша
texts-col-before = Было
texts-col-after = Стало
texts-original-heading = Оригинальный текст
texts-original-empty = (пусто)
texts-original-lang = Язык оригинального текста
texts-in-en = По-английски
texts-in-be = По-белорусски
texts-in-ru = По-русски
texts-is-original = Оригинальный текст написан на этом языке: он редактируется в собственной форме записи.
texts-field-occupation = Род занятий
texts-field-region = Регион
texts-field-biography = Биография
texts-field-wave_name = Название
texts-field-notes = Примечания
texts-field-description = Описание
texts-save = Сохранить
texts-save-mine = Сохранить мою версию
texts-history-heading = Изменения этих текстов
texts-history-none = Здесь ещё ничего не сохраняли.
texts-deleted-account = удалённая учётная запись
texts-unchanged = Сохранено без изменений.
texts-error-language = Выберите английский, белорусский или русский язык.
texts-error-original-language = Оригинальный текст написан на этом языке; меняйте его в собственной форме записи или выберите для оригинала другой язык.
texts-error-characters = Удалите из этого текста управляющие символы.
texts-error-too-long = Не больше { $max } знаков (здесь { $count }).
texts-form-incomplete = В форме нет версий, с которыми она была открыта; перезагрузите её.

## Fields of these texts in revisions and in the public change log.
field-text_lang = Язык оригинального текста
field-occupation_en = Род занятий по-английски
field-occupation_be = Род занятий по-белорусски
field-occupation_ru = Род занятий по-русски
field-region_en = Регион по-английски
field-region_be = Регион по-белорусски
field-region_ru = Регион по-русски
field-biography_en = Биография по-английски
field-biography_be = Биография по-белорусски
field-biography_ru = Биография по-русски
field-wave_name_en = Название по-английски
field-wave_name_be = Название по-белорусски
field-wave_name_ru = Название по-русски
field-notes_en = Примечания по-английски
field-notes_be = Примечания по-белорусски
field-notes_ru = Примечания по-русски
field-description_en = Описание по-английски
field-description_be = Описание по-белорусски
field-description_ru = Описание по-русски
