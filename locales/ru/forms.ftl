# Сообщения рядом с полями форм и в отчётах импорта: что не так и что написать.

## Даты и адреса (src/domain)

date-error-empty = введите дату, например 2024, 07.2024, 12.02.2025, февраль 2025 или лето 2024
date-error-unrecognised = «{ $text }» — не дата: напишите 2024, 07.2024, 12.02.2025, февраль 2025 или лето 2024
date-error-year = год { $year } вне пределов { $min }–{ $max }
date-error-month = нет месяца { $month }: месяцы нумеруются от 01 до 12
date-error-day = { $month } { $year }: нет { $day }-го числа
date-error-season = «{ $text }» — не время года: используйте spring, summer, autumn или winter
date-error-no-year = «{ $text }» — без года: допишите год, например февраль 2025 или 12.02.2025
date-error-not-normalised = сохранённая дата { $date } не начинает период «{ $precision }»
slug-error = адрес состоит из строчных латинских букв и цифр, слова соединены дефисом, не длиннее { $max } знаков

## Ошибки полей (src/web/admin)

error-choose = выберите из списка
error-too-long = не больше { $max } знаков
error-too-long-count = не больше { $max } знаков (здесь { $count })
error-control-character = содержит невидимый управляющий символ ({ $code }), часто вставленный из текстового редактора: удалите его и наберите текст в этом месте заново
error-url = веб-адрес, начинающийся с https:// или http://
error-country = код страны, например BY
error-country-code = «{ $code }» — не код страны: напишите, например, BY
error-ends-before-start = конец ({ $ended }) не может быть раньше начала ({ $started })
error-last-checked-day = целый день, например 2025-02-12: день, когда проверяли факты
error-last-checked-future = факты не могли проверить в день, который ещё не наступил
error-name-missing = напишите имя или очистите строку
error-name-too-long = имя не длиннее { $max } знаков
error-language-code = язык обозначается кодом, например be, ru или en
error-script-code = письменность обозначается кодом, например Cyrl или Latn
error-name-kind = выберите, что это за имя
error-name-primary-twice = одно основное имя на язык: сделайте это имя другого вида
error-name-twice = это имя уже есть в списке
error-person-no-name = у человека должно быть хотя бы одно имя
error-slug-from-name = из этого имени нельзя составить адрес: напишите его, например ihar-losik
error-citizenship-code = «{ $code }» — не код страны: пишите коды, например BY, LT
error-publish-admins-only = публикуют и снимают с публикации только администраторы
error-publication = выберите: черновик или опубликовано
error-person-slug-taken = этот адрес уже у другого человека: выберите другой
error-detention-country-missing = какое государство удерживает человека? напишите код, например BY
error-detention-overlap = этот период пересекается с другим задержанием того же человека
error-sentence-length-kind = срок требует наказания, которое отбывают какое-то время
error-sentence-months = напишите срок как 3 года, 2 года 6 месяцев или 18 месяцев (число без слова — месяцы), до 100 лет
error-wave-needs-mechanism = для освобождения в волне нужен способ освобождения
error-charge-article = статья пишется так: 342 или 361-1
error-charge-part = часть — это число, и ей нужна статья
error-charge-empty = укажите статью или опишите обвинение
error-charge-description = описание не длиннее { $max } знаков
error-event-kind = выберите, что произошло
error-event-description = напишите, что произошло, как сообщает источник
error-wave-name = волне нужно название, например «Помилование 23 человек»
error-wave-country = код освободившего государства, например BY
error-wave-mechanism = выберите, как их освободили
error-wave-reported = целое число, как сообщается
error-wave-qualifier = уточнению нужно число, которое оно уточняет
error-wave-slug-from-name = из этого названия нельзя составить адрес: напишите его
error-wave-slug-taken = этот адрес уже у другой волны: выберите другой
error-release-day = День освобождения: { $problem }
error-release-none = Отметьте хотя бы одного человека в списке ниже или впишите имя, адрес (ihar-losik) или номер, по одному в строке.
error-release-too-many = Не больше { $max } человек за раз.
error-release-unknown = «{ $line }»: нет человека с таким адресом или номером, и ни у кого из удерживаемых нет похожего имени.
error-release-not-held = «{ $line }»: у этого человека нет продолжающегося задержания.
error-release-unsure = «{ $line }»: непонятно, кто имеется в виду. Удерживаемые с похожим именем — первые в списке ниже; отметьте нужного.
error-release-not-held-named = «{ $line }»: никого с похожим именем сейчас не удерживают.
error-publish-unsourced = Для этой записи ещё не указано ни одного источника. Отметьте поле, чтобы всё равно опубликовать её, или сохраните её как черновик и сначала добавьте источник.
error-record-duplicate = запись с такими значениями уже есть
error-source-title = название, как его даёт источник
error-source-slug = строчные латинские буквы, цифры и одиночные дефисы, например rferl-2025-02-12
error-source-kind = выберите вид источника
error-source-slug-taken = этот адрес уже у другого источника; выберите другой
error-citation-source = адрес источника, как на его странице в списке источников
error-source-unknown = нет источника с таким адресом; сначала добавьте его в источники
error-recognition-organisation = организация, признавшая человека, например «Вясна»
error-facility-name = название учреждения, например «Исправительная колония № 15»
error-facility-kind = выберите, что это за место
error-facility-taken = в этой стране уже есть учреждение с таким названием
error-figure-metric = выберите, что считает это число
error-figure-qualifier = выберите, насколько точно число
error-figure-value = целое число, например 1150
error-figure-as-of = дата, на которую опубликовано число, например 2025-02-01
error-figure-taken = число для этой страны, показателя и даты уже есть

## Ошибки фото

photo-error-photo_missing = Выберите фото для загрузки.
photo-error-photo_empty = Файл пустой.
photo-error-photo_too_large = Файл больше 10 МБ. Сохраните копию поменьше и загрузите её.
photo-error-photo_format = Этот файл — не изображение JPEG, PNG или WebP, что бы ни говорило его название.
photo-error-photo_pixels = Изображение слишком большое для обработки: не больше 40 мегапикселей и 16 000 пикселей по стороне. Сохраните копию поменьше и загрузите её.
photo-error-photo_unreadable = Изображение повреждено или неполное, его нельзя прочитать.
photo-error-alt_missing = Опишите, что на фото, для читателей, которые его не видят.
photo-error-alt_too_long = Не больше 1000 знаков.
photo-error-credit_too_long = Не больше 300 знаков.
photo-error-control_character = Содержит невидимый управляющий символ, часто вставленный из текстового редактора: наберите текст заново.
photo-error-other = Проверьте это поле.

## Отказы (страницы 400) на запросы в администрировании

refusal-form-version = в форме нет версии, с которой её открыли; перезагрузите её
refusal-restore-changed = запись изменилась во время восстановления; посмотрите историю ещё раз
refusal-restore-overlap = эта версия пересекается с другим задержанием человека; лучше отредактируйте её
refusal-restore-invalid = эту версию нельзя вернуть как есть ({ $field }: { $problem })
refusal-review-stale = запись изменилась после этого изменения или удалена: отклоните изменение и попросите редактора внести его заново
refusal-review-invalid = изменение нельзя сохранить как есть ({ $field }: { $problem }): отклоните его и попросите редактора внести заново
refusal-review-admin-only = пока изменения редакторов проверяются, фотографию и переводы опубликованной записи меняет только администратор: обратитесь к администратору
refusal-review-draft-wave = это освобождение в волне, которая ещё черновик: сначала опубликуйте волну, затем одобрите освобождение
refusal-release-changed = задержание тем временем изменилось; ничего не сохранено, попробуйте ещё раз
refusal-photo-multipart = форма фото отправляется как multipart/form-data
refusal-upload-cut = загрузка прервалась или это не форма; попробуйте ещё раз
refusal-photo-too-large = Фото может быть не больше { $max } МБ.
refusal-photo-version = в форме нет фото, с которым её показали; перезагрузите её

## Импорт CSV: файл целиком

import-file-empty = файл пустой: первая строка должна называть столбцы
import-file-too-large = в файле { $size } КиБ; за раз принимается не больше { $max } КиБ: разделите его
import-file-too-many-rows = в файле больше { $max } строк; импортируйте его частями
import-file-not-utf8 = строка { $line } — не текст UTF-8: сохраните файл как «CSV UTF-8» (через запятую) и попробуйте ещё раз
import-file-unknown-columns = неизвестные столбцы: { $names }. Первая строка должна называть столбцы из этих: { $columns }
import-file-repeated-column = столбец «{ $name }» дважды встречается в первой строке
import-file-malformed = строка { $row } — недопустимый CSV; всё после неё не прочитано
import-file-workbook = книгу невозможно прочитать ({ $problem }): сохраните её заново или как CSV UTF-8
import-file-no-such-sheet = в книге нет листа «{ $name }»; её листы: { $sheets }
import-problem-no-file = Выберите файл CSV или вставьте его текст в поле.
import-problem-unread = Ничего не прочитано: { $problem }.

## Импорт CSV: строка или ячейка

import-error-cells = в этой строке ячеек: { $cells }, а первая строка называет столбцов: { $header }
import-error-named = «{ $name }»: { $problem }
import-error-bracket-word = «{ $name }»: «{ $word }» в скобках — не язык (be), не письменность (Cyrl) и не вид имени ({ $kinds })
import-error-bracket-twice = «{ $name }»: скобки дважды указывают { $what }
import-bracket-kind = вид
import-bracket-script = письменность
import-bracket-language = язык
import-error-name-not-in-all = «{ $name }» нет в all_names: показанное имя должно быть одним из all_names
import-error-name-not-theirs = «{ $name }» — не одно из имён этого человека: чтобы изменить имена, используйте столбец all_names
import-error-too-many-names = не больше { $max } имён на человека
import-error-name-twice = «{ $name }» указано дважды
import-error-public-id = нет человека с таким public id: оставьте поле пустым, чтобы добавить нового
import-error-public-id-format = это не public id: скопируйте его из экспорта или оставьте пустым, чтобы добавить человека
import-error-url = это не адрес страницы человека, например https://…/prisoners/ihar-losik
import-error-deleted = этого человека тем временем удалили
import-error-same-person = строка { $row } о том же человеке: одна строка на человека
import-error-same-slug = в строке { $row } тот же адрес
import-error-unique = другая запись уже имеет одно из этих значений ({ $constraint })
import-error-foreign-key = значение ссылается на то, чего нет в базе ({ $constraint })
import-error-check = база не принимает значение ({ $constraint })
error-naming-basis-needed = человека публикуют с именем только при основании для этого: выберите его или скройте личность
error-naming-consent-not-to-publish = это согласие не распространяется на публикацию на этом сайте: отметьте её или оставьте черновик
error-consent-incomplete = для согласия укажите, кто его дал и когда
