# Рамка кожнай старонкі (templates/base.html), даты, лічбы і словы для ключоў з базы.
# Лікі: выбар паводле $plural (one, few, many), які вылічвае сайт; $n — ужо адфарматаваны лік.

language-self = Беларуская
site-name = Трэкер палітвязняў
skip-to-content = Перайсці да зместу
nav-main = Галоўнае меню
nav-prisoners = Палітвязні
nav-waves = Хвалі вызваленняў
nav-charts = Графікі
nav-languages = Мова
tagline = Палітвязні, іх справы і хвалі іх вызвалення
footer-sources = Кожны факт на гэтым сайце мае крыніцу. Даты пададзеныя з той дакладнасцю, з якой іх падаюць крыніцы.
footer-open-data = Адкрытыя даныя
footer-open-data-rest = усё, што тут апублікавана, у фарматах CSV і JSON, пад ліцэнзіяй CC BY 4.0.
footer-api = API
footer-feed = Стужка вызваленняў
hint-offer = Гэтая старонка ёсць па-беларуску.
feed-releases-title = Вызваленні і хвалі вызваленняў

## Даты

date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
date-season = { $season } { $year }
date-winter = зіма { $year }/{ $next }
month-genitive-1 = студзеня
month-genitive-2 = лютага
month-genitive-3 = сакавіка
month-genitive-4 = красавіка
month-genitive-5 = мая
month-genitive-6 = чэрвеня
month-genitive-7 = ліпеня
month-genitive-8 = жніўня
month-genitive-9 = верасня
month-genitive-10 = кастрычніка
month-genitive-11 = лістапада
month-genitive-12 = снежня
month-1 = студзень
month-2 = люты
month-3 = сакавік
month-4 = красавік
month-5 = май
month-6 = чэрвень
month-7 = ліпень
month-8 = жнівень
month-9 = верасень
month-10 = кастрычнік
month-11 = лістапад
month-12 = снежань
season-spring = вясна
season-summer = лета
season-autumn = восень
season-winter = зіма
date-since-day = з { $day } { $month } { $year }
# $m — m і нумар месяца: «са студзеня», «са снежня» (са перад с + зычны).
date-since-month = { $m ->
    [m1] са
    [m12] са
   *[other] з
} { $month } { $year }
date-since-season = з { $season } { $year }
date-since-winter = з зімы { $year }/{ $next }
date-since-year = з { $year } года
season-genitive-spring = вясны
season-genitive-summer = лета
season-genitive-autumn = восені
season-genitive-winter = зімы
# «па …», канец перыяду (Lang::until): вінавальны склон.
date-until-day = па { $day } { $month } { $year }
date-until-month = па { $month } { $year }
date-until-season = па { $season } { $year }
date-until-winter = па зіму { $year }/{ $next }
date-until-year = па { $year } год
month-accusative-1 = студзень
month-accusative-2 = люты
month-accusative-3 = сакавік
month-accusative-4 = красавік
month-accusative-5 = май
month-accusative-6 = чэрвень
month-accusative-7 = ліпень
month-accusative-8 = жнівень
month-accusative-9 = верасень
month-accusative-10 = кастрычнік
month-accusative-11 = лістапад
month-accusative-12 = снежань
season-accusative-spring = вясну
season-accusative-summer = лета
season-accusative-autumn = восень
season-accusative-winter = зіму
# «калі», пасля дзеяслова ці статусу (Lang::on): «у студзені 2025», «летам 2024»; $after —
# vowel або consonant: чым канчаецца слова перад датай (у / ў).
date-on-day = { $day } { $month } { $year }
date-on-month = { $after ->
    [vowel] ў
   *[consonant] у
} { $month } { $year }
date-on-season = { $season } { $year }
date-on-winter = зімой { $year }/{ $next }
date-on-year = { $after ->
    [vowel] ў
   *[consonant] у
} { $year } годзе
month-locative-1 = студзені
month-locative-2 = лютым
month-locative-3 = сакавіку
month-locative-4 = красавіку
month-locative-5 = маі
month-locative-6 = чэрвені
month-locative-7 = ліпені
month-locative-8 = жніўні
month-locative-9 = верасні
month-locative-10 = кастрычніку
month-locative-11 = лістападзе
month-locative-12 = снежні
season-instrumental-spring = вясной
season-instrumental-summer = летам
season-instrumental-autumn = восенню
season-instrumental-winter = зімой
# «паводле стану на …» (Lang::as_of): вінавальны склон.
date-as-of-day = паводле стану на { $day } { $month } { $year }
date-as-of-month = паводле стану на { $month } { $year }
date-as-of-season = паводле стану на { $season } { $year }
date-as-of-winter = паводле стану на зіму { $year }/{ $next }
date-as-of-year = паводле стану на { $year } год

## Лікі

count-prisoners = { $plural ->
    [one] { $n } палітвязень
    [few] { $n } палітвязні
   *[many] { $n } палітвязняў
}
count-people = { $plural ->
    [one] { $n } чалавек
    [few] { $n } чалавекі
   *[many] { $n } чалавек
}
count-days-in-custody = { $plural ->
    [one] { $n } дзень пад вартай
    [few] { $n } дні пад вартай
   *[many] { $n } дзён пад вартай
}
count-years = { $plural ->
    [one] { $n } год
    [few] { $n } гады
   *[many] { $n } гадоў
}
count-months = { $plural ->
    [one] { $n } месяц
    [few] { $n } месяцы
   *[many] { $n } месяцаў
}

## Словы для ключоў з базы

# Words about one person select on $sex (female, male, other), which the site passes: see
# Lang::label_of. other is an unrecorded (or other) sex: neutral wording then, never the
# masculine («Вызваленне: 12 лютага 2025»). Lists of statuses (the search filter) get it too.
status-awaiting_trial = Пад вартай, чакае суда
status-serving_sentence = Адбывае пакаранне
status-in_custody = Пад вартай
status-released = { $sex ->
    [female] Вызваленая
    [male] Вызвалены
   *[other] Вызваленне
}
status-died_in_custody = { $sex ->
    [female] Памерла пад вартай
    [male] Памёр пад вартай
   *[other] Смерць пад вартай
}
status-other = Статус невядомы
# З якога часу статус (Lang::status_since): $on — «у студзені 2025» пасля зычнага, $on_v — «ў
# студзені 2025» пасля галоснага, $date — дата сама па сабе, $since — «з сакавіка 2021».
# Перад ім status-joint-* (двукроп'е пасля назоўніка).
status-since-released = { $sex ->
    [female] { $on_v }
    [male] { $on_v }
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
# Калі даты няма: факт названы адсутным, а не прапушчаны.
status-undated-released = дата вызвалення не пазначана
status-undated-died_in_custody = дата смерці не пазначана
status-undated-other = дата затрымання не пазначана
# На чым грунтуецца статус: найноўшая датаваная крыніца яго фактаў.
status-unsourced = крыніца не пазначана
status-source-undated = дата крыніцы не пазначана
fact-not-recorded = няма звестак
mechanism-pardon = Памілаванне
mechanism-amnesty = Амністыя
mechanism-sentence_served = Пакаранне адбыта
mechanism-exchange = Абмен паміж дзяржавамі
mechanism-release_to_foreign_government = Перадача замежнаму ўраду
mechanism-deportation = Дэпартацыя або прымусовая высылка
mechanism-court_decision = Рашэнне суда
mechanism-death_in_custody = Смерць пад вартай
mechanism-other = Іншае або не паведамляецца
qualifier-about = каля
qualifier-at_least = не менш за
qualifier-more_than = больш за
qualifier-up_to = да
qualifier-fewer_than = менш за
qualifier-other = { "" }
sentence-imprisonment = Пазбаўленне волі
sentence-restricted_freedom = Абмежаванне волі
sentence-home_confinement = Хатні арышт
sentence-fine = Штраф
sentence-compulsory_treatment = Прымусовае псіхіятрычнае лячэнне
sentence-life_imprisonment = Пажыццёвае зняволенне
sentence-death_penalty = Смяротнае пакаранне
sentence-other = Іншае пакаранне
trial-awaiting_trial = Чакае суда
trial-convicted = { $sex ->
    [female] Асуджаная
    [male] Асуджаны
   *[other] Прысуд вынесены
}
trial-other = { "" }
event-arrest = Затрыманне
event-charge = Абвінавачанне
event-trial = Суд
event-verdict = Прысуд
event-appeal = Апеляцыя
event-transfer = Перавод
event-hunger_strike = Галадоўка
event-media_appearance = З’яўленне ў СМІ
event-recognition = Прызнанне палітвязнем
event-release = Вызваленне
event-re_arrest = Паўторнае затрыманне
event-death = Смерць
event-other = Іншае
sex-female = Жаночы
sex-male = Мужчынскі
sex-other = Іншы
name-kind-primary = імя
name-kind-transliteration = транслітарацыя
name-kind-alias = { $sex ->
    [female] таксама вядомая як
    [male] таксама вядомы як
   *[other] іншае імя
}
name-kind-other = ранейшае імя
language-be = беларуская
language-ru = руская
language-en = англійская
language-uk = украінская
language-de = нямецкая
language-pl = польская
language-lt = літоўская
metric-prisoners_held = { $plural ->
    [one] палітвязень пад вартай
    [few] палітвязні пад вартай
   *[many] палітвязняў пад вартай
}
metric-prisoners_released = { $plural ->
    [one] вызвалены палітвязень
    [few] вызваленыя палітвязні
   *[many] вызваленых палітвязняў
}
metric-other = { $plural ->
    [one] палітычна матываванае затрыманне
    [few] палітычна матываваныя затрыманні
   *[many] палітычна матываваных затрыманняў
}

## Агульныя часткі (templates/macros.html)

sources-heading = Крыніцы
sources-none = Крыніцы яшчэ не пазначаныя.
waves-col-date = Дата
waves-col-wave = Хваля
waves-col-mechanism = Механізм
waves-col-reported = Паведамлялася пра вызваленне
waves-col-documented = Задакументавана тут
not-reported = не паведамлялася

## Старонка API (templates/api.html; тэкст — у templates/api/be.html)

api-title = API і даныя
api-description = JSON API толькі для чытання па ўсіх апублікаваных запісах: людзі, затрыманні, хвалі вызваленняў, шэрагі графікаў і лічбы, пра якія паведамлялася, з дакументам OpenAPI.
api-openapi-title = Дакумент OpenAPI

## Хвалі: ахоп, зводныя лічбы і што азначаюць лічбы (macros.html)
waves-coverage-of = з
waves-csv = CSV
waves-aggregate = { $plural ->
    [one] агульная лічба за перыяд, уключае { $n } іншую хвалю
    [few] агульная лічба за перыяд, уключае { $n } іншыя хвалі
   *[many] агульная лічба за перыяд, уключае { $n } іншых хваль
}
waves-definitions-heading = Што азначаюць лічбы
waves-definition-reported = Колькасць людзей, вызваленых у гэтай хвалі паводле крыніц (праваабарончых арганізацый, СМІ, афіцыйных асоб). Некаторыя крыніцы называюць толькі ніжнюю мяжу: «больш за 200».
waves-definition-documented = Людзі, асобна задакументаваныя на гэтым сайце як вызваленыя ў гэтай хвалі, кожны са сваёй старонкай і крыніцамі. Лічба вядзе да іх спісу, які можна спампаваць у CSV.
waves-definition-gap-term = Розніца
waves-definition-gap = Розніца паміж дзвюма лічбамі: вызваленыя, якіх гэты сайт яшчэ не задакументаваў або чые імёны невядомыя. Гэта не колькасць тых, хто яшчэ за кратамі.
waves-definition-aggregate-term = Агульная лічба за перыяд
waves-definition-aggregate = Лічба за цэлы перыяд (напрыклад, усе памілаванні за некалькі месяцаў), а не за адно вызваленне. Яна ўключае асобныя хвалі, датаваныя ў гэтым перыядзе, таму да іх не дадаецца; на графіку яна паказана паласой за імі.

# Beside a CSV link: the same file with a byte order mark (issue 20).
download-for-excel = для Excel: кірыліца адкрываецца правільна
