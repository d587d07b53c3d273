# Рамка каждой страницы (templates/base.html), даты, числа и слова для ключей из базы.
# Числа: выбор по $plural (one, few, many), который вычисляет сайт; $n — уже отформатированное число.

language-self = Русский
site-name = Трекер политзаключённых
skip-to-content = Перейти к содержанию
nav-main = Главное меню
nav-prisoners = Политзаключённые
nav-waves = Волны освобождений
nav-charts = Графики
nav-languages = Язык
tagline = Политзаключённые, их дела и волны их освобождения
footer-sources = Каждый факт на этом сайте подкреплён источником. Даты приведены с той точностью, с какой их дают источники.
footer-open-data = Открытые данные
footer-open-data-rest = всё опубликованное здесь в форматах CSV и JSON, под лицензией CC BY 4.0.
footer-api = API
footer-feed = Лента освобождений
hint-offer = Эта страница есть на русском.
feed-releases-title = Освобождения и волны освобождений

## Даты

date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
date-season = { $season } { $year }
date-winter = зима { $year }/{ $next }
month-genitive-1 = января
month-genitive-2 = февраля
month-genitive-3 = марта
month-genitive-4 = апреля
month-genitive-5 = мая
month-genitive-6 = июня
month-genitive-7 = июля
month-genitive-8 = августа
month-genitive-9 = сентября
month-genitive-10 = октября
month-genitive-11 = ноября
month-genitive-12 = декабря
month-1 = январь
month-2 = февраль
month-3 = март
month-4 = апрель
month-5 = май
month-6 = июнь
month-7 = июль
month-8 = август
month-9 = сентябрь
month-10 = октябрь
month-11 = ноябрь
month-12 = декабрь
season-spring = весна
season-summer = лето
season-autumn = осень
season-winter = зима
date-since-day = с { $day } { $month } { $year }
date-since-month = с { $month } { $year }
date-since-season = с { $season } { $year }
date-since-winter = с зимы { $year }/{ $next }
date-since-year = с { $year } года
season-genitive-spring = весны
season-genitive-summer = лета
season-genitive-autumn = осени
season-genitive-winter = зимы
# «по …», конец периода (Lang::until): винительный падеж.
date-until-day = по { $day } { $month } { $year }
date-until-month = по { $month } { $year }
date-until-season = по { $season } { $year }
date-until-winter = по зиму { $year }/{ $next }
date-until-year = по { $year } год
month-accusative-1 = январь
month-accusative-2 = февраль
month-accusative-3 = март
month-accusative-4 = апрель
month-accusative-5 = май
month-accusative-6 = июнь
month-accusative-7 = июль
month-accusative-8 = август
month-accusative-9 = сентябрь
month-accusative-10 = октябрь
month-accusative-11 = ноябрь
month-accusative-12 = декабрь
season-accusative-spring = весну
season-accusative-summer = лето
season-accusative-autumn = осень
season-accusative-winter = зиму
# «когда», после глагола или статуса (Lang::on): «в январе 2025», «летом 2024»; $after здесь
# не нужен (он для белорусского у/ў).
date-on-day = { $day } { $month } { $year }
date-on-month = в { $month } { $year }
date-on-season = { $season } { $year }
date-on-winter = зимой { $year }/{ $next }
date-on-year = в { $year } году
month-locative-1 = январе
month-locative-2 = феврале
month-locative-3 = марте
month-locative-4 = апреле
month-locative-5 = мае
month-locative-6 = июне
month-locative-7 = июле
month-locative-8 = августе
month-locative-9 = сентябре
month-locative-10 = октябре
month-locative-11 = ноябре
month-locative-12 = декабре
season-instrumental-spring = весной
season-instrumental-summer = летом
season-instrumental-autumn = осенью
season-instrumental-winter = зимой
# «по состоянию на …» (Lang::as_of): винительный падеж.
date-as-of-day = по состоянию на { $day } { $month } { $year }
date-as-of-month = по состоянию на { $month } { $year }
date-as-of-season = по состоянию на { $season } { $year }
date-as-of-winter = по состоянию на зиму { $year }/{ $next }
date-as-of-year = по состоянию на { $year } год

## Числа

count-prisoners = { $plural ->
    [one] { $n } политзаключённый
    [few] { $n } политзаключённых
   *[many] { $n } политзаключённых
}
count-people = { $plural ->
    [one] { $n } человек
    [few] { $n } человека
   *[many] { $n } человек
}
count-days-in-custody = { $plural ->
    [one] { $n } день под стражей
    [few] { $n } дня под стражей
   *[many] { $n } дней под стражей
}
count-years = { $plural ->
    [one] { $n } год
    [few] { $n } года
   *[many] { $n } лет
}
count-months = { $plural ->
    [one] { $n } месяц
    [few] { $n } месяца
   *[many] { $n } месяцев
}

## Слова для ключей из базы

# Слова об одном человеке выбирают форму по $sex (female, male, other), который передаёт сайт:
# см. Lang::label_of. other — пол не указан (или другой): тогда нейтральная формулировка, не
# мужской род («Освобождение: 12 февраля 2025»). Списки статусов (фильтр поиска) тоже получают её.
status-awaiting_trial = Под стражей, ожидает суда
status-serving_sentence = Отбывает наказание
status-in_custody = Под стражей
status-released = { $sex ->
    [female] Освобождена
    [male] Освобождён
   *[other] Освобождение
}
status-died_in_custody = { $sex ->
    [female] Умерла под стражей
    [male] Умер под стражей
   *[other] Смерть под стражей
}
status-other = Статус неизвестен
# С какого времени статус (Lang::status_since): $on — «в январе 2025», $date — дата сама по
# себе, $since — «с марта 2021». Перед ним status-joint-* (двоеточие после существительного).
status-since-released = { $sex ->
    [female] { $on }
    [male] { $on }
   *[other] { $date }
}
status-since-died_in_custody = { $sex ->
    [female] { $on }
    [male] { $on }
   *[other] { $date }
}
status-since-other = { $since }
status-joint-released = { $sex ->
    [female] { "" }
    [male] { "" }
   *[other] :
}
status-joint-died_in_custody = { $sex ->
    [female] { "" }
    [male] { "" }
   *[other] :
}
# Когда даты нет: факт назван отсутствующим, а не опущен.
status-undated-released = дата освобождения не указана
status-undated-died_in_custody = дата смерти не указана
status-undated-other = дата задержания не указана
# На чём основан статус: самый новый датированный источник его фактов.
status-unsourced = источник не указан
status-source-undated = дата источника не указана
fact-not-recorded = нет сведений
mechanism-pardon = Помилование
mechanism-amnesty = Амнистия
mechanism-sentence_served = Наказание отбыто
mechanism-exchange = Обмен между государствами
mechanism-release_to_foreign_government = Передача иностранному правительству
mechanism-deportation = Депортация или принудительная высылка
mechanism-court_decision = Решение суда
mechanism-death_in_custody = Смерть под стражей
mechanism-other = Другое или не сообщается
qualifier-about = около
qualifier-at_least = не менее
qualifier-more_than = более
qualifier-up_to = до
qualifier-fewer_than = менее
qualifier-other = { "" }
sentence-imprisonment = Лишение свободы
sentence-restricted_freedom = Ограничение свободы
sentence-home_confinement = Домашний арест
sentence-fine = Штраф
sentence-compulsory_treatment = Принудительное психиатрическое лечение
sentence-life_imprisonment = Пожизненное лишение свободы
sentence-death_penalty = Смертная казнь
sentence-other = Другое наказание
trial-awaiting_trial = Ожидает суда
trial-convicted = { $sex ->
    [female] Осуждена
    [male] Осуждён
   *[other] Приговор вынесен
}
trial-other = { "" }
event-arrest = Задержание
event-charge = Обвинение
event-trial = Суд
event-verdict = Приговор
event-appeal = Апелляция
event-transfer = Перевод
event-hunger_strike = Голодовка
event-media_appearance = Появление в СМИ
event-recognition = Признание политзаключённым
event-release = Освобождение
event-re_arrest = Повторное задержание
event-death = Смерть
event-other = Другое
sex-female = Женский
sex-male = Мужской
sex-other = Другой
name-kind-primary = имя
name-kind-transliteration = транслитерация
name-kind-alias = { $sex ->
    [female] также известна как
    [male] также известен как
   *[other] другое имя
}
name-kind-other = прежнее имя
language-be = белорусский
language-ru = русский
language-en = английский
language-uk = украинский
language-de = немецкий
language-pl = польский
language-lt = литовский
metric-prisoners_held = { $plural ->
    [one] политзаключённый под стражей
    [few] политзаключённых под стражей
   *[many] политзаключённых под стражей
}
metric-prisoners_released = { $plural ->
    [one] освобождённый политзаключённый
    [few] освобождённых политзаключённых
   *[many] освобождённых политзаключённых
}
metric-other = { $plural ->
    [one] политически мотивированное задержание
    [few] политически мотивированных задержания
   *[many] политически мотивированных задержаний
}

## Общие части (templates/macros.html)

sources-heading = Источники
sources-none = Источники пока не указаны.
waves-col-date = Дата
waves-col-wave = Волна
waves-col-mechanism = Механизм
waves-col-reported = Сообщалось об освобождении
waves-col-documented = Задокументировано здесь
not-reported = не сообщалось

## Страница API (templates/api.html; текст — в templates/api/ru.html)

api-title = API и данные
api-description = JSON API только для чтения по всем опубликованным записям: люди, задержания, волны освобождений, ряды графиков и сообщаемые цифры, с документом OpenAPI.
api-openapi-title = Документ OpenAPI

## Волны: охват, сводные числа и что означают числа (macros.html)
waves-coverage-of = из
waves-csv = CSV
waves-aggregate = { $plural ->
    [one] общее число за период, включает { $n } другую волну
    [few] общее число за период, включает { $n } другие волны
   *[many] общее число за период, включает { $n } других волн
}
waves-definitions-heading = Что означают числа
waves-definition-reported = Число людей, освобождённых в этой волне по данным источников (правозащитных организаций, СМИ, официальных лиц). Некоторые источники называют только нижнюю границу: «более 200».
waves-definition-documented = Люди, отдельно задокументированные на этом сайте как освобождённые в этой волне, у каждого своя страница и источники. Число ведёт к их списку, который можно скачать в CSV.
waves-definition-gap-term = Разница
waves-definition-gap = Разница между двумя числами: освобождённые, которых этот сайт ещё не задокументировал или чьи имена неизвестны. Это не число тех, кто ещё в заключении.
waves-definition-aggregate-term = Общее число за период
waves-definition-aggregate = Число за целый период (например, все помилования за несколько месяцев), а не за одно освобождение. Оно включает отдельные волны, датированные внутри периода, поэтому к ним не прибавляется; на графике оно показано полосой за ними.

# Beside a CSV link: the same file with a byte order mark (issue 20).
download-for-excel = для Excel: кириллица открывается правильно
