# Администрирование (templates/admin/*). Ошибки форм — в forms.ftl.

## Общее

admin-title = Администрирование
admin-nav = Администрирование
admin-nav-home = Администрирование
admin-nav-people = Люди
admin-nav-waves = Волны освобождений
admin-nav-sources = Источники
admin-nav-facilities = Учреждения
admin-nav-figures = Цифры
admin-nav-import = Импорт
admin-nav-users = Учётные записи
admin-nav-audit = Журнал аудита
admin-logout = Выйти
role-admin = администратор
role-other = редактор
admin-save = Сохранить
admin-save-mine = Сохранить мою версию
admin-saved = Сохранено.
admin-back = Назад
admin-edit = Редактировать
admin-edit-link = редактировать
admin-delete = Удалить
admin-history = История
admin-history-link = история
admin-public-page = Публичная страница
admin-public-page-link = публичная страница
admin-find = Найти
admin-col-state = Состояние
admin-col-actions = Действия
admin-not-recorded = не указано
admin-none = нет
admin-unknown = неизвестно
publication-published = опубликовано
publication-other = черновик
publication-choice-draft = Черновик: видят только редакторы
publication-choice-published = Опубликовано: на публичном сайте
publication-state-draft = Черновик. Публикуют и снимают с публикации только администраторы.
publication-state-published = Опубликовано. Публикуют и снимают с публикации только администраторы.
admin-qualifier-exactly = ровно
form-error-summary = { $plural ->
    [one] Не сохранено: обратите внимание на { $n } пункт
    [few] Не сохранено: обратите внимание на { $n } пункта
   *[other] Не сохранено: обратите внимание на { $n } пунктов
}
error-summary-kept = Всё, что вы ввели, сохранено в форме ниже.
error-summary-conflict = Пока вы редактировали, эту запись сохранил кто-то другой: сравните две версии и сохраните снова
error-summary-lookalikes = Возможно, этот человек уже есть в базе: откройте его запись или подтвердите, что это другой человек

## Конфликты (409): кто-то тем временем сохранил запись

conflict-person = Пока вы редактировали, кто-то сохранил этого человека
conflict-detention = Пока вы редактировали, кто-то сохранил это задержание
conflict-event = Пока вы редактировали, кто-то сохранил это событие
conflict-wave = Пока вы редактировали, кто-то сохранил эту волну
conflict-photo = Пока вы редактировали, кто-то изменил это фото
conflict-photo-advice = Ничего не сохранено. Ниже показано фото, которое есть сейчас, а ваше описание и авторство остались в форме. Чтобы поставить своё фото, выберите файл ещё раз и сохраните.
conflict-saved-by = Последнее изменение сохранил(а) { $editor }, { $at }.
conflict-saved-by-deleted = Последнее изменение сохранила удалённая учётная запись, { $at }.
conflict-nothing-lost = Ничего вашего не потеряно: ваша версия — в форме ниже. Вот где две версии расходятся:
conflict-save-again = Сохраните ещё раз, чтобы ваша версия заменила их версию.
conflict-save-again-or = Сохраните ещё раз, чтобы ваша версия заменила их версию, или
conflict-start-from-saved = начните с сохранённой версии
conflict-col-field = Поле
conflict-col-theirs = Сохранено тем временем
conflict-col-yours = Ваше

## История

history-intro = Каждое сохранение через формы администрирования, от новых к старым, с тем, что оно изменило. Восстановление возвращает запись к состоянию после того сохранения — как новое, отдельное изменение.
history-none = Через формы администрирования ещё ничего не меняли.
history-of = История: { $title }
history-by = автор: { $editor }, { $at }
history-by-deleted = удалённая учётная запись, { $at }
history-no-changes = Сохранено без изменений.
history-restore = Восстановить эту версию
history-col-before = Было
history-col-after = Стало
history-empty-value = пусто
restore-title = Восстановить прежнюю версию
restore-heading = Восстановить прежнюю версию: { $title }
restore-intro = Что изменит восстановление: от записи, какая она сейчас, к той, какой она станет. Адрес и состояние публикации останутся нынешними. Ничего не изменится, пока вы не подтвердите.
restore-nothing = Восстановление ничего не изменит: запись уже такая, какой была тогда.
restore-changed = Пока эта страница была открыта, кто-то изменил запись. Вот что восстановление изменит сейчас; подтверждайте снова, только если это по-прежнему верно.
restore-confirm = Восстановить
revision-create = Создано
revision-restore = Восстановлена прежняя версия
revision-delete = Удалено
revision-other = Изменено
revision-of-detention = Задержание
revision-of-event = Событие
revision-of-recognition = Признание
revision-of-citation = Ссылка на источник
revision-of-photo = Фото
revision-of-other = Запись

## Главная, вход, учётные записи, журнал

admin-signed-in-admin = Вы вошли как { $email }, администратор: можете редактировать записи, публиковать и удалять их, управлять учётными записями.
admin-signed-in-editor = Вы вошли как { $email }, редактор: можете создавать и редактировать записи.
admin-home-waves = добавлять и редактировать волны и отмечать освобождение сразу многих людей в волне.
admin-home-people = искать, добавлять и редактировать людей, их имена и гражданство; каждое сохранение остаётся в истории записи, и его можно восстановить.
admin-home-import = добавлять и изменять сразу многих людей из файла CSV (например, отредактированного экспорта) с проверкой каждой строки, прежде чем что-либо записать.
admin-home-users = кто может редактировать и с какой ролью.
admin-home-audit = входы, неудачные входы и изменения учётных записей.
admin-nav-backup = Файл резервной копии
admin-home-backup = все записи, включая черновики и неназванных людей, со всеми полями, кроме внутренних (заметки для сотрудников, информаторы). Храните его надёжно: в нём неопубликованные имена.
login-title = Вход
login-intro = Для редакторов и администраторов, которые ведут записи. Всё остальное на сайте публично, и учётная запись для него не нужна.
login-refused = Неверный адрес электронной почты или пароль.
login-slowed = { $plural ->
    [one] После многих неудачных попыток каждая следующая попытка отсюда ждёт { $n } секунду.
    [few] После многих неудачных попыток каждая следующая попытка отсюда ждёт { $n } секунды.
   *[other] После многих неудачных попыток каждая следующая попытка отсюда ждёт { $n } секунд.
}
login-expired = Ваш сеанс закончился. Войдите ещё раз.
login-email = Адрес электронной почты
login-password = Пароль
login-submit = Войти
users-title = Учётные записи
users-intro = Новые учётные записи создаются на сервере:
users-intro-after = , пароль подаётся на стандартный ввод.
users-col-email = Адрес электронной почты
users-col-role = Роль
users-col-since = С
users-col-state = Состояние
users-active = действует
users-disabled = отключена
audit-title = Журнал аудита
audit-intro = Входы, неудачные входы, изменения учётных записей и кто открывал поля только для сотрудников, от новых к старым (последние 500).
audit-col-when = Когда
audit-col-record = Запись и поля
audit-restricted_viewed = Открыл поля только для сотрудников
audit-backup_exported = Скачан файл резервной копии
audit-col-what = Что
audit-col-account = Учётная запись
audit-col-email = Введённый адрес
audit-login = Вход
audit-login_failed = Неудачный вход
audit-login_throttled = Вход замедлен после многих неудач
audit-logout = Выход
audit-user_created = Учётная запись создана
audit-other = Учётная запись изменена

## Люди

people-title = Люди
people-search-label = Имя или адрес
people-search-placeholder = Имя любым письмом или адрес
people-none = Никого не найдено.
people-col-name = Имя
people-col-changed = Последнее изменение
person-add = Добавить человека
person-edit = Редактировать человека
lookalikes-heading = Возможно, этот человек уже есть в базе
lookalike-born = род. { $date }
lookalikes-advice = Откройте существующую запись или всё же добавьте этого человека, отметив поле в конце формы.
lookalikes-confirm = Это другой человек: всё равно добавить
person-names-hint = Каждое написание помогает найти человека: имя по-белорусски и по-русски, транслитерации, псевдонимы. Первое основное имя даёт адрес. Язык и письменность, оставленные «автоматически», определяются по буквам: латиница — английский, кириллица с і или ў — белорусский, другая кириллица — русский.
person-name-n = Имя { $n }
person-name-language = Язык
person-name-script = Письменность
person-name-kind = Вид
person-name-auto = Автоматически (по буквам)
script-Cyrl = кириллица
script-Latn = латиница
person-slug-hint = Строчные латинские слова через дефис, как в /prisoners/ihar-losik. Если оставить пустым, адрес составится из первого имени.
person-born-hint = Как можно точнее: 1992, 1992-06, 1992-06-14 или summer 1992.
person-last-checked-hint = День, когда вы сверили факты об этом человеке с источниками, например 2025-02-12. Сохранение формы его не меняет: эта дата говорит, когда проверяли факты, а не когда меняли запись.
person-citizenships-hint = Коды стран через запятую: BY, LT.
admin-detentions = Задержания
admin-detentions-none = Ни одно задержание ещё не записано.
person-detention-ended = Закончилось
person-detention-how-ended = Чем закончилось
person-events = События
person-events-none = Ни одно событие ещё не записано.
admin-recognitions = Признание политзаключённым
admin-recognitions-none = Ни одно признание ещё не записано.
recognition-add = Добавить признание
citations-none = Для этой записи ещё не указано ни одного источника.
citation-edit-link = редактировать ссылку
citation-add-link = Сослаться на источник
cite-link = сослаться
citation-source-search = Найти источник по названию
citation-source-find = Найти
citation-source-search-hint = Найденные источники станут вариантами поля источника ниже; или впишите там его адрес.
citation-source-none = Ни у одного источника нет «{ $query }» в названии, издателе или адресе.
source-add-link = Добавить новый источник

## Фото

photo-of = Фото: { $name }
photo-description = Описание: { $text }
photo-credit = Автор: { $text }
photo-size = { $width } × { $height } пикселей
photo-remove = Удалить фото
photo-none = Фото пока нет.
photo-alt-hint = Обязательно. Что должен знать читатель, который не видит фото: кто на нём и, если это важно, где и когда. Это станет текстовой альтернативой изображения.
photo-credit-hint = Кто сделал фото или где оно было опубликовано — так, как это нужно показывать рядом с ним.
photo-replace = Заменить другим фото
photo-file-hint = JPEG, PNG или WebP, до 10 МБ.
photo-file-hint-keep = Оставьте пустым, чтобы изменить только описание и авторство.
photo-file-hint-copy = Сайт хранит копию не больше 1200 пикселей в ширину или высоту, повёрнутую правильно, без места съёмки, сведений о камере и всех прочих данных из файла; сам файл не хранится.
photo-file-hint-again = Выберите файл ещё раз: браузеры его не сохраняют.
photo-save = Сохранить фото
photo-upload = Загрузить фото

## Задержания и события

detention-add = Добавить задержание
detention-edit = Редактировать задержание
detention-add-of = Новое задержание: { $name }
detention-edit-of = Задержание: { $name }
detention-country-label = Кто удерживает (код страны)
detention-country-hint = Государство, которое удерживает человека: BY, RU …
detention-started-hint = Как можно точнее: 2020, 2020-05, 2020-05-29 или summer 2020.
detention-ended-hint = Пусто, пока человек под стражей.
detention-months-label = Срок наказания
detention-months-hint = В годах и месяцах, как 3 года или 2 года 6 месяцев; число без слова — месяцы.
detention-not-ended = не закончилось или не указано
charges-hint = Статья уголовного кодекса (342, 361-1), её часть и обвинение словами.
admin-charge-article = Статья
charge-part = Часть
charge-description = Обвинение
event-add = Добавить событие
event-edit = Редактировать событие
event-add-of = Новое событие: { $name }
event-edit-of = Событие: { $name }
event-occurred-hint = Как можно точнее: 2021, 2021-03, 2021-03-04 или spring 2021.

## Волны освобождений

wave-add = Добавить волну
wave-edit = Редактировать волну
admin-waves-none = Ни одна волна ещё не записана.
wave-marked-released = { $plural ->
    [one] { $n } человек отмечен освобождённым в этой волне.
    [few] { $n } человека отмечены освобождёнными в этой волне.
   *[other] { $n } человек отмечены освобождёнными в этой волне.
}
wave-release-held = { $plural ->
    [one] Освобождение { $n } опубликованного человека ждёт проверки администратором.
    [few] Освобождения { $n } опубликованных людей ждут проверки администратором.
   *[other] Освобождения { $n } опубликованных людей ждут проверки администратором.
}
wave-name-hint = Как её называет пресса: «Передача трёх политзаключённых делегации США».
wave-slug-hint = Если оставить пустым, адрес составится из названия и даты.
wave-started-hint = Как можно точнее: 2025-02-12, 2024-07, summer 2024.
wave-ended-label = До
wave-ended-hint = Для волны, которая длилась какое-то время.
wave-country-label = Освободившее государство (код страны)
wave-qualifier-label = Насколько точно число
release-heading = Отметить людей, освобождённых в этой волне
release-intro-before = Отметьте освобождённых или впишите по одному в строке: имя в любом написании, адрес или номер, например
release-intro-after = . Продолжающееся задержание каждого заканчивается в указанный день со способом освобождения этой волны. Если хоть одна строка неверна, ничего не сохраняется, и каждая такая строка будет названа.
release-day = День освобождения
release-day-hint = Если оставить пустым — дата волны.
release-submit = Отметить освобождение
publish-unsourced-confirm = Опубликовать без источника
release-find-label = Найти удерживаемых по имени
release-held-legend = Те, кого удерживают сейчас
release-held-hint = Сначала — те, чьи имена похожи на то, что искали или вписали.
release-held-none = Сейчас никого не удерживают.
release-held-since = удерживается с { $date }
release-held-more = { $plural ->
    [one] Удерживается ещё { $n } человек; найдите его по имени, чтобы он появился здесь.
    [few] Удерживаются ещё { $n } человека; найдите их по имени, чтобы они появились здесь.
   *[other] Удерживаются ещё { $n } человек; найдите их по имени, чтобы они появились здесь.
}
release-lines-label = Или впишите их, по одному в строке
wave-admin-people-heading = Люди, освобождённые в этой волне
wave-admin-people-none = Никто ещё не записан как освобождённый в этой волне.
wave-admin-people-col-name = Имя
wave-admin-people-col-released = Дата освобождения

## Общие формы записей (источники, ссылки, признания, учреждения, цифры)

record-many-sources = Источники
record-many-facilities = Учреждения
record-many-figures = Опубликованные цифры
record-many-other = Записи
record-about-sources = Каждый факт на сайте опирается на источник. Добавьте источник один раз, а потом ссылайтесь на него из формы любой записи.
record-about-facilities = Тюрьмы, колонии и изоляторы, которые называют задержания.
record-about-figures = Общие цифры по странам, как их публикуют правозащитные организации; показываются на главной странице с источниками.
record-about-other = { "" }
record-col-sources = Источник
record-col-citations = Ссылка
record-col-recognitions = Признание
record-col-facilities = Учреждение
record-col-figures = Цифра
record-add-sources = Добавить источник
record-add-citations = Добавить ссылку
record-add-recognitions = Добавить признание
record-add-facilities = Добавить учреждение
record-add-figures = Добавить цифру
record-edit-sources = Редактировать источник: { $title }
record-edit-citations = Редактировать ссылку: { $title }
record-edit-recognitions = Редактировать признание: { $title }
record-edit-facilities = Редактировать учреждение: { $title }
record-edit-figures = Редактировать цифру: { $title }
record-conflict-sources = Пока вы редактировали, кто-то сохранил этот источник
record-conflict-citations = Пока вы редактировали, кто-то сохранил эту ссылку
record-conflict-recognitions = Пока вы редактировали, кто-то сохранил это признание
record-conflict-facilities = Пока вы редактировали, кто-то сохранил это учреждение
record-conflict-figures = Пока вы редактировали, кто-то сохранил эту цифру
record-history-sources = История источника { $title }
record-history-citations = История ссылки { $title }
record-history-recognitions = История признания { $title }
record-history-facilities = История учреждения { $title }
record-history-figures = История цифры { $title }
record-history-people = История: { $title }
record-history-detentions = История задержания { $title }
record-history-events = История события { $title }
record-history-waves = История волны освобождений { $title }
sources-find = Найти источник
records-none = Пока ничего нет.
record-hint-slug = Постоянный адрес источника в списках сайта; если оставить пустым, составится из названия.
record-hint-url = Где его можно прочитать: https://…
record-hint-published = Как можно точнее: 2025, 2025-02 или 2025-02-12.
record-hint-recognised = Когда человека признали, как можно точнее: 2021, 2021-05 или 2021-05-20.
record-hint-facility_country = Код страны, государство которой управляет учреждением, например BY.
record-hint-figure_country = Код страны, к которой относится число, например BY.
record-hint-as_of = Дата, которую описывает число, как можно точнее: 2025-02-01, 2025-02 или 2025.
record-hint-source = Адрес источника, как в списке источников (например, rferl-2025-02-12).
record-hint-locator = Где в источнике: страница, абзац или короткая цитата.
record-hint-other = { "" }
source-kind-news_article = Новость
source-kind-analysis = Аналитика
source-kind-report = Доклад
source-kind-official_statement = Официальное заявление
source-kind-court_document = Судебный документ
source-kind-social_media = Пост в соцсетях
source-kind-interview = Интервью
source-kind-database = База данных
source-kind-other = Другое
facility-kind-temporary_detention = Изолятор временного содержания
facility-kind-pretrial_detention_centre = Следственный изолятор
facility-kind-prison = Тюрьма
facility-kind-penal_colony = Исправительная колония
facility-kind-psychiatric_hospital = Психиатрическая больница
facility-kind-police_station = Отдел милиции
facility-kind-other = Другое место заключения
figure-metric-prisoners_held = политзаключённые под стражей
figure-metric-prisoners_released = освобождённые политзаключённые
figure-metric-other = политически мотивированные задержания
option-other = { "" }

## Удаление записи

record-delete-people = Удалить человека { $title }?
record-delete-detentions = Удалить задержание { $title }?
record-delete-events = Удалить событие { $title }?
record-delete-waves = Удалить волну освобождений { $title }?
record-delete-sources = Удалить источник { $title }?
record-delete-citations = Удалить ссылку { $title }?
record-delete-recognitions = Удалить признание { $title }?
record-delete-facilities = Удалить учреждение { $title }?
record-delete-figures = Удалить цифру { $title }?
record-delete-changed-people = После того как вы открыли эту страницу, кто-то изменил этого человека. Ниже — запись такой, какая она сейчас; удаляйте, только если это всё ещё верно.
record-delete-changed-detentions = После того как вы открыли эту страницу, кто-то изменил это задержание. Ниже — запись такой, какая она сейчас; удаляйте, только если это всё ещё верно.
record-delete-changed-events = После того как вы открыли эту страницу, кто-то изменил это событие. Ниже — запись такой, какая она сейчас; удаляйте, только если это всё ещё верно.
record-delete-changed-waves = После того как вы открыли эту страницу, кто-то изменил эту волну освобождений. Ниже — запись такой, какая она сейчас; удаляйте, только если это всё ещё верно.
record-delete-changed-sources = После того как вы открыли эту страницу, кто-то изменил этот источник. Ниже — запись такой, какая она сейчас; удаляйте, только если это всё ещё верно.
record-delete-changed-citations = После того как вы открыли эту страницу, кто-то изменил эту ссылку. Ниже — запись такой, какая она сейчас; удаляйте, только если это всё ещё верно.
record-delete-changed-recognitions = После того как вы открыли эту страницу, кто-то изменил это признание. Ниже — запись такой, какая она сейчас; удаляйте, только если это всё ещё верно.
record-delete-changed-facilities = После того как вы открыли эту страницу, кто-то изменил это учреждение. Ниже — запись такой, какая она сейчас; удаляйте, только если это всё ещё верно.
record-delete-changed-figures = После того как вы открыли эту страницу, кто-то изменил эту цифру. Ниже — запись такой, какая она сейчас; удаляйте, только если это всё ещё верно.
delete-in-use-source = { $plural ->
    [one] На этот источник ссылается { $n } запись. Сначала удалите эти ссылки, чтобы ни один факт незаметно не потерял источник.
    [few] На этот источник ссылаются { $n } записи. Сначала удалите эти ссылки, чтобы ни один факт незаметно не потерял источник.
   *[other] На этот источник ссылаются { $n } записей. Сначала удалите эти ссылки, чтобы ни один факт незаметно не потерял источник.
}
delete-in-use-facility = { $plural ->
    [one] Это учреждение называет { $n } задержание. Сначала измените его.
    [few] Это учреждение называют { $n } задержания. Сначала измените их.
   *[other] Это учреждение называют { $n } задержаний. Сначала измените их.
}
delete-in-use-other = { $plural ->
    [one] В этой волне освобождён { $n } человек. Сначала измените его задержание.
    [few] В этой волне освобождены { $n } человека. Сначала измените их задержания.
   *[other] В этой волне освобождены { $n } человек. Сначала измените их задержания.
}
delete-goes-with-person = Всё его дело (имена, тексты, задержания, события, признания, фото и ссылки) перемещается в корзину, а его страница исчезает с сайта. Администраторы могут восстановить его из корзины в течение 30 дней; после этого оно уничтожается.
delete-goes-with-detention = Вместе с ним удаляются его обвинения и ссылки.
delete-goes-with-wave = Вместе с ней удаляются её ссылки, а её страница исчезает с сайта.
delete-goes-with-other = Вместе с ней удаляются её ссылки, если они есть.
delete-history-kept = Запись остаётся в истории изменений вместе с тем, кто и когда её удалил.

## Импорт CSV

import-title = Импорт людей
import-heading = Импорт людей из CSV
import-done = Импортировано: добавлено — { $created }, изменено — { $updated }, без изменений — { $unchanged }. Каждое изменение есть в истории человека.
import-done-held = Из изменений { $held } в опубликованных людях ждут проверки администратором.
import-check-heading = Что сделает импорт
import-stale-heading = Записи изменились после вашей проверки
import-stale = После вашей проверки кто-то сохранил человека из этого файла, или файл не тот, что проверялся: ничего не записано. Вот проверка по нынешнему состоянию.
import-stale-valid = После вашей проверки кто-то сохранил человека из этого файла, или файл не тот, что проверялся: ничего не записано. Вот проверка по нынешнему состоянию; примените её, если это всё ещё то, что вам нужно.
import-summary = { $plural ->
    [one] { $n } строка: добавить — { $create }, изменить — { $update }, без изменений — { $unchanged }, с ошибками — { $invalid }. Пока ничего не записано.
    [few] { $n } строки: добавить — { $create }, изменить — { $update }, без изменений — { $unchanged }, с ошибками — { $invalid }. Пока ничего не записано.
   *[other] { $n } строк: добавить — { $create }, изменить — { $update }, без изменений — { $unchanged }, с ошибками — { $invalid }. Пока ничего не записано.
}
import-apply = Применить: добавить — { $create }, изменить — { $update }
import-has-mistakes = Ничего нельзя записать, пока в строках есть ошибки: исправьте их в файле и проверьте его ещё раз. Каждая ошибка показана рядом со своей строкой вместе со столбцом.
import-report-caption = По строкам
import-col-row = Строка
import-col-person = Человек
import-col-action = Что произойдёт
import-col-details = Подробности
import-action-create = Добавить
import-action-update = Изменить
import-action-unchanged = Без изменений
import-action-other = Ошибки
import-namesake-before = По адресу
import-namesake-after = уже есть человек. Если эта строка о нём, укажите его slug или public_id, чтобы изменить его запись, а не добавлять нового.
import-check-file = Проверить файл
import-check-again = Проверить файл ещё раз
import-check-intro = Проверка ничего не записывает: она показывает по строкам, кого добавят, кого и как изменят, и все ошибки. Когда все строки верны, вы применяете импорт, и он записывается целиком или не записывается вовсе.
import-as-admin = Как администратор, вы можете строками публиковать людей и снимать их с публикации.
import-as-editor = Как редактор, вы добавляете черновики, а опубликованные люди остаются опубликованными: публикуют и снимают с публикации только администраторы.
import-file = Файл CSV или книга
import-file-hint = CSV (UTF-8, через запятую: «CSV UTF-8» в таблицах) или книга (XLSX, ODS, XLS), не больше { $kib } КиБ и { $rows } строк.
import-sheet = Лист (книги)
import-sheet-hint = Его название, как на вкладке; пусто: первый лист.
import-paste = Или вставьте CSV
import-paste-hint = Если выше выбран файл, используется он, а не этот текст.
import-check = Проверить
import-columns = Столбцы
import-columns-intro = Первая строка называет столбцы в любом порядке; название, которого нет в списке ниже, не принимается.
import-export-before = Файл, экспортированный из
import-export-link = поиска
import-export-after = можно отредактировать и импортировать как есть.
import-columns-rules = Столбец, которого нет в файле, оставляет поле как есть; пустая ячейка его очищает. Ячейки, которые экспорт защитил от формул апострофом ('=…), читаются без него.
import-matching = Каждая строка ищет своего человека по public_id; иначе по адресу (slug, иначе адрес в url), в том числе прежнему; иначе добавляет человека. Одна строка на человека.
import-columns-caption = Столбцы и что в них
import-col-column = Столбец
import-col-holds = Что в нём
import-column-public_id = Постоянный идентификатор человека, как в экспорте. Строка с ним изменяет этого человека, который должен быть в базе; оставьте пустым, чтобы добавить человека.
import-column-url = Адрес публичной страницы человека, как в экспорте (https://…/prisoners/ihar-losik): находит человека, когда public_id пуст, и становится адресом добавленного человека. Адрес он никогда не меняет.
import-column-slug = Адрес, например ihar-losik. Находит человека, когда public_id пуст; рядом с public_id это его новый адрес. Для нового человека, если оставить пустым, составляется из имени.
import-column-name = Показанное имя. Рядом с all_names должно быть одним из них; отдельно — это единственное имя добавленного человека.
import-column-all_names = Все имена через |, например «Ігар Лосік [be primary] | Ihar Losik [en primary] | Igor Losik». В скобках при необходимости: язык (be), письменность (Cyrl) и вид (primary, transliteration, alias, former). Имя, которое уже есть в базе, сохраняет свой язык, письменность и вид, если скобки не говорят иначе; имя, которого нет в списке, удаляется.
import-column-publication = draft или published; пустая ячейка оставляет как есть, а новые люди — черновики. Публикуют и снимают с публикации только администраторы.
import-column-sex = female, male или other.
import-column-born = Как можно точнее: 1992, 1992-06, 1992-06-03, summer 1992.
import-column-citizenships = Коды стран через пробел, например «BY LT».
import-column-occupation = Текст, не больше 500 знаков.
import-column-region = Текст, не больше 200 знаков.
import-column-other = Текст, не больше 20 000 знаков; переносы строк внутри ячейки в кавычках сохраняются.
import-column-computed = Вычисляются экспортом из задержаний: принимаются и игнорируются.

# The kinds of a name, as the person form offers them (the public page says them with the
# person's sex: name-kind-*).
admin-name-kind-primary = имя
admin-name-kind-transliteration = транслитерация
admin-name-kind-alias = другое имя (также известен/известна как)
admin-name-kind-other = прежнее имя
login-ended = Ваш сеанс завершён (из другого сеанса, администратором или сменой пароля). Войдите ещё раз.
code-title = Второй шаг: ваш код
code-intro = Введите шестизначный код, который приложение-аутентификатор сейчас показывает для этого сайта.
code-refused = Код неверен или уже использован. Коды меняются каждые 30 секунд: проверьте, верно ли идут часы телефона.
code-label = Код из приложения или код восстановления
code-submit = Продолжить
code-recovery-hint = Потеряли телефон? Введите один из кодов восстановления; каждый действует один раз. Администратор также может сбросить ваш второй фактор.
enrol-title = Настройте второй фактор
enrol-intro = Каждой учётной записи нужен второй фактор, кроме пароля: код из приложения-аутентификатора на телефоне (например, Aegis, FreeOTP или Google Authenticator). Пока он не настроен, ничего другого не открыть.
enrol-intro-replace = Новый секрет заменит тот, что сейчас в приложении, когда вы подтвердите его кодом; старые коды восстановления перестанут действовать.
enrol-refused = Код не подходит к секрету. Отсканируйте его снова или проверьте буквы и введите код, который приложение показывает сейчас.
enrol-step-app = Откройте приложение-аутентификатор и добавьте учётную запись.
enrol-step-scan = Отсканируйте этот код приложением:
enrol-qr-label = QR-код секрета для приложения-аутентификатора
enrol-step-type = или введите секрет вручную (учётная запись { $email }):
enrol-step-code = Введите шестизначный код, который сейчас показывает приложение
enrol-submit = Подтвердить и продолжить
recovery-title = Ваши коды восстановления
recovery-done = Второй фактор настроен.
recovery-intro = Если вы потеряете телефон, каждый из этих кодов один раз впустит вас вместо кода из приложения. Запишите или распечатайте их и храните в надёжном месте, отдельно от телефона. Они показываются только сейчас.
recovery-continue = Я их сохранил(а): продолжить
account-title = Ваша учётная запись
account-sessions-ended = { $plural ->
    [one] Завершён { $n } сеанс.
    [few] Завершено { $n } сеанса.
   *[other] Завершено { $n } сеансов.
}
account-second-factor = Второй фактор
account-second-factor-since = Настроен { $date }.
account-recovery-left = { $plural ->
    [one] Остался { $n } код восстановления.
    [few] Осталось { $n } кода восстановления.
   *[other] Осталось { $n } кодов восстановления.
}
account-second-factor-replace = Настроить заново (новый телефон или новые коды восстановления)
account-sessions = Где вы вошли
account-col-started = Вход
account-col-seen = Последний запрос
account-col-browser = Браузер
account-col-end = Завершить
account-this-session = этот сеанс
account-end = Завершить
account-end-others = Завершить все остальные сеансы
users-col-second-factor = Второй фактор
users-col-actions = Изменить
users-no-second-factor = не настроен (при следующем входе)
users-enable = Включить
users-disable = Отключить
users-end-sessions = Завершить сеансы
users-reset-second-factor = Сбросить второй фактор
users-new-password = Новый пароль
users-reset-password = Задать пароль
users-changed-disabled = { $email } отключена; её сеансы завершены.
users-changed-enabled = { $email } снова может входить.
users-changed-password_reset = У { $email } новый пароль; её сеансы завершены.
users-changed-sessions_ended = Все сеансы { $email } завершены.
users-changed-second_factor_reset = У { $email } больше нет второго фактора, новый настраивается при следующем входе; её сеансы завершены.
users-refused-password_too_short = Новый пароль слишком короткий: нужно не меньше 12 символов. Ничего не изменено.
users-refused-password_too_long = Новый пароль слишком длинный: не больше 1024 символов. Ничего не изменено.
audit-user_changed = Учётная запись изменена
account-name = Ваше имя на страницах истории
account-name-label = Отображаемое имя
account-name-hint = Другие сотрудники видят это имя рядом с вашими изменениями вместо адреса электронной почты, который видят только администраторы. Оставьте пустым, чтобы показывалось «Staff» и номер учётной записи. Можно псевдоним.
account-name-save = Сохранить имя
account-name-saved = Отображаемое имя сохранено.
account-name-refused = Отображаемое имя — не больше 80 символов и без управляющих символов. Ничего не изменено.
users-col-name = Отображаемое имя
role-viewer = читатель
role-editor = редактор

# Личность и основание для публикации имени (задача 18)
field-identity = Личность
field-naming_basis = Основание для публикации имени
field-consent = Согласие
field-consent_by = Кто дал согласие
field-consent_on = Когда дано согласие
field-consent_purposes = На что дано согласие
identity-named = названа: видна на публичном сайте
identity-withheld = скрыта: учитывается в публичных числах, но не показывается
person-identity-hint = Скройте личность, если сам человек или его семья не согласились на публикацию имени: человек по-прежнему учитывается во всех публичных числах, и ничего больше о нём не покидает админку.
naming-basis-public_sources = уже опубликовано в указанных источниках
naming-basis-consent = согласие
person-naming-basis-hint = Обязательно для публикации с именем. Для согласия укажите, кто его дал, когда и на что.
consent-by-person = сам человек
consent-by-family = семья
consent-by-lawyer = адвокат
consent-purpose-publish = публикация на этом сайте
consent-purpose-advocacy = правозащитная кампания
consent-purpose-un_bodies = передача органам ООН
admin-withheld = личность скрыта

## Fields the public never sees (src/domain/visibility.rs)
field-internal_notes = Заметки для сотрудников
field-medical = Медицинские сведения
field-received_from = Получено от (информатор)
visibility-public = открыто
visibility-restricted = только для сотрудников, не публикуется
visibility-internal = только для сотрудников, не публикуется и не выгружается
office-legend = Только для сотрудников
office-hint = Ничего из этого не показывается на открытом сайте, в API, лентах и выгрузках. Каждое открытие записи с заполненными полями записывается в журнал аудита.

## The review queue (src/web/admin/review.rs)
admin-nav-review = Проверка
review-title = Изменения, ожидающие проверки
review-intro = Изменения редакторов в опубликованных записях ждут здесь, пока их не одобрит администратор; до тех пор публика видит запись прежней. При одобрении изменение проверяется снова и сохраняется от имени редактора; если запись с тех пор изменилась, его нельзя принять: отклоните его и попросите редактора внести заново.
review-none = Ничего не ожидает проверки.
review-record = Открыть запись
review-approve = Одобрить и опубликовать
review-reject = Отклонить
review-done-approved = Одобрено: изменение сохранено и опубликовано.
review-done-rejected = Отклонено: изменения нет, запись осталась прежней.
review-pending = Ваше изменение (сохранил { $editor }, { $at }) ждёт проверки администратором: форма показывает его, публика пока видит запись прежней. Новое сохранение заменит его.
review-pending-admin = Изменение от { $editor } ({ $at }) ждёт проверки; форма показывает запись как есть.
review-open = Проверить
revision-of-person = Человек
revision-of-wave = Волна освобождений
revision-of-source = Источник
revision-of-facility = Учреждение
revision-of-figure = Сообщённое число
audit-change_approved = Изменение одобрено
audit-change_rejected = Изменение отклонено
