# The frame of every page (templates/base.html), dates, counts and the words for stored keys.
# Counts: select on $plural (one, few, many, other), which the site computes; $n is the number
# already formatted. Never select on $n itself.

language-self = English
site-name = Prisoner Tracker
skip-to-content = Skip to content
nav-main = Main
nav-prisoners = Prisoners
nav-waves = Release waves
nav-charts = Charts
nav-languages = Language
tagline = Political prisoners, their cases and the waves of their release
footer-sources = Every fact on this site cites its source. Dates are shown as precisely as the sources give them.
footer-open-data = Open data
footer-open-data-rest = everything published here as CSV and JSON, under CC BY 4.0.
footer-api = API
footer-feed = Releases feed
# Shown on an English page to a reader whose browser prefers another language; in that language.
hint-offer = This page is also in English.
feed-releases-title = Releases and release waves

## Dates. $month is a word below; $year and $day are numbers.

date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
date-season = { $season } { $year }
date-winter = winter { $year }/{ $next }
# After a day number ("12 February"): the genitive in Belarusian and Russian.
month-genitive-1 = January
month-genitive-2 = February
month-genitive-3 = March
month-genitive-4 = April
month-genitive-5 = May
month-genitive-6 = June
month-genitive-7 = July
month-genitive-8 = August
month-genitive-9 = September
month-genitive-10 = October
month-genitive-11 = November
month-genitive-12 = December
# A month on its own ("July 2024"): the nominative.
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
season-spring = spring
season-summer = summer
season-autumn = autumn
season-winter = winter
# "since …": Belarusian and Russian put the month and season in the genitive here.
date-since-day = since { $day } { $month } { $year }
date-since-month = since { $month } { $year }
date-since-season = since { $season } { $year }
date-since-winter = since winter { $year }/{ $next }
date-since-year = since { $year }
season-genitive-spring = spring
season-genitive-summer = summer
season-genitive-autumn = autumn
season-genitive-winter = winter
# "to …", the end of a range after its start (Lang::until): Belarusian and Russian take the
# accusative after "па"/"по".
date-until-day = to { $day } { $month } { $year }
date-until-month = to { $month } { $year }
date-until-season = to { $season } { $year }
date-until-winter = to winter { $year }/{ $next }
date-until-year = to { $year }
month-accusative-1 = January
month-accusative-2 = February
month-accusative-3 = March
month-accusative-4 = April
month-accusative-5 = May
month-accusative-6 = June
month-accusative-7 = July
month-accusative-8 = August
month-accusative-9 = September
month-accusative-10 = October
month-accusative-11 = November
month-accusative-12 = December
season-accusative-spring = spring
season-accusative-summer = summer
season-accusative-autumn = autumn
season-accusative-winter = winter
# "on"/"in" a date, after a verb or a status (Lang::on): "on 12 February 2025", "in January 2025".
# $after is "vowel" or "consonant": what the word before ends with (Belarusian у/ў).
date-on-day = on { $day } { $month } { $year }
date-on-month = in { $month } { $year }
date-on-season = in { $season } { $year }
date-on-winter = in winter { $year }/{ $next }
date-on-year = in { $year }
month-locative-1 = January
month-locative-2 = February
month-locative-3 = March
month-locative-4 = April
month-locative-5 = May
month-locative-6 = June
month-locative-7 = July
month-locative-8 = August
month-locative-9 = September
month-locative-10 = October
month-locative-11 = November
month-locative-12 = December
season-instrumental-spring = spring
season-instrumental-summer = summer
season-instrumental-autumn = autumn
season-instrumental-winter = winter
# "as of" a date (Lang::as_of): the newest source a fact rests on.
date-as-of-day = as of { $day } { $month } { $year }
date-as-of-month = as of { $month } { $year }
date-as-of-season = as of { $season } { $year }
date-as-of-winter = as of winter { $year }/{ $next }
date-as-of-year = as of { $year }

## Counts

count-prisoners = { $plural ->
    [one] { $n } political prisoner
   *[other] { $n } political prisoners
}
count-people = { $plural ->
    [one] { $n } person
   *[other] { $n } people
}
count-days-in-custody = { $plural ->
    [one] { $n } day in custody
   *[other] { $n } days in custody
}
count-years = { $plural ->
    [one] { $n } year
   *[other] { $n } years
}
count-months = { $plural ->
    [one] { $n } month
   *[other] { $n } months
}

## The words for keys stored in the database (templates call layout.label(kind, key)).

# Belarusian and Russian make the words about one person agree with $sex (female, male,
# other), which the site passes (Lang::label_of); English needs no select.
status-awaiting_trial = In custody, awaiting trial
status-serving_sentence = Serving a sentence
status-in_custody = In custody
status-released = Released
status-died_in_custody = Died in custody
status-other = Status unknown
# The date a status holds from, after the status (Lang::status_since): "In custody since
# 2021"; "Released on 12 February 2025". $date is a date on its own, $since one after "since"
# (date-since-*), $on one after a verb (date-on-*). status-joint-* comes between the two
# (Belarusian and Russian put a colon after a noun).
status-since-released = { $on }
status-since-died_in_custody = { $on }
status-since-other = { $since }
status-joint-released = { "" }
status-joint-died_in_custody = { "" }
# When the date is not known: the missing fact is said, not left out.
status-undated-released = date of release not recorded
status-undated-died_in_custody = date of death not recorded
status-undated-other = date of arrest not recorded
# What a status rests on: the newest dated source of its facts.
status-unsourced = no source cited
status-source-undated = source date not recorded
fact-not-recorded = not recorded
mechanism-pardon = Pardon
mechanism-amnesty = Amnesty
mechanism-sentence_served = Sentence served
mechanism-exchange = Exchange between states
mechanism-release_to_foreign_government = Release to a foreign government
mechanism-deportation = Deportation or forced exile
mechanism-court_decision = Court decision
mechanism-death_in_custody = Death in custody
mechanism-other = Other or not reported
qualifier-about = about
qualifier-at_least = at least
qualifier-more_than = more than
qualifier-up_to = up to
qualifier-fewer_than = fewer than
qualifier-other = { "" }
sentence-imprisonment = Imprisonment
sentence-restricted_freedom = Restricted freedom
sentence-home_confinement = Home confinement
sentence-fine = Fine
sentence-compulsory_treatment = Compulsory psychiatric treatment
sentence-life_imprisonment = Life imprisonment
sentence-death_penalty = Death penalty
sentence-other = Other sentence
trial-awaiting_trial = Awaiting trial
trial-convicted = Convicted
trial-other = { "" }
event-arrest = Arrest
event-charge = Charged
event-trial = Trial
event-verdict = Verdict
event-appeal = Appeal
event-transfer = Transfer
event-hunger_strike = Hunger strike
event-media_appearance = Media appearance
event-recognition = Recognition
event-release = Release
event-re_arrest = Re-arrest
event-death = Death
event-other = Other
sex-female = Female
sex-male = Male
sex-other = Other
name-kind-primary = name
name-kind-transliteration = transliteration
name-kind-alias = also known as
name-kind-other = former name
language-be = Belarusian
language-ru = Russian
language-en = English
language-uk = Ukrainian
language-de = German
language-pl = Polish
language-lt = Lithuanian
# After a number ($plural is its category).
metric-prisoners_held = { $plural ->
    [one] political prisoner held
   *[other] political prisoners held
}
metric-prisoners_released = { $plural ->
    [one] political prisoner released
   *[other] political prisoners released
}
metric-other = { $plural ->
    [one] politically motivated arrest
   *[other] politically motivated arrests
}

## Shared parts (templates/macros.html)

sources-heading = Sources
sources-none = No source is recorded yet.
waves-col-date = Date
waves-col-wave = Wave
waves-col-mechanism = Mechanism
waves-col-reported = Reported released
waves-col-documented = Documented here
not-reported = not reported

## The API's page (templates/api.html; its prose is in templates/api/{en,be,ru}.html)

api-title = API and data
api-description = A read-only JSON API over every published record: people, detentions, release waves, chart series and reported figures, with an OpenAPI document.
api-openapi-title = OpenAPI document

## Waves: coverage, aggregates and what the numbers mean (macros.html)
waves-coverage-of = of
waves-csv = CSV
waves-aggregate = { $plural ->
    [one] total over a period, holding { $n } other wave
   *[other] total over a period, holding { $n } other waves
}
waves-definitions-heading = What the numbers mean
waves-definition-reported = The number of people the sources (human-rights groups, the media, officials) report released in the wave. Some give only a floor: “more than 200”.
waves-definition-documented = The people recorded individually on this site as released in that wave, each with a page and sources. The number links to their list, which can be downloaded as CSV.
waves-definition-gap-term = The gap
waves-definition-gap = The difference between the two: people released whom this site has not documented yet, or whose names are not known. It is not a count of anyone still held.
waves-definition-aggregate-term = Total over a period
waves-definition-aggregate = A figure for a whole period (all pardons over several months, say) rather than one release. It includes the single waves dated within it, so it is not added to them; the chart draws it as a band behind them.

# Beside a CSV link: the same file with a byte order mark (issue 20).
download-for-excel = for Excel: its Cyrillic opens intact
