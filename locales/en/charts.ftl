# Charts (templates/charts/): the page, and the words inside each chart's SVG (and so its PNG).
# The CSV downloads keep their column names and stored keys in English in every language: they
# are identifiers for programs, not words for readers.

charts-description = Release waves of political prisoners over time, arrests and releases per month, people held, and releases by mechanism and citizenship: charts with their data, to embed or download.
charts-og-title = Release waves and political prisoners over time
charts-og-description = Pardons, handovers to foreign governments and exchanges, against the steady stream of arrests.
charts-intro = States release political prisoners in waves: pardons of several dozen at a time, handovers to a foreign government as part of a deal, exchanges between states. These charts set the waves against the arrests and releases documented here. Each chart has its data in a table below it, and can be embedded or downloaded as SVG, PNG or CSV.

## The filter form

charts-country = Country
charts-all-countries = All countries
charts-from = From
charts-to = To
charts-show = Show
charts-all-data = All data
charts-date-hint = Dates as 2024, 07.2024, 12.02.2025, February 2025 or summer 2024.
charts-refused = The filter was not applied: correct the field marked below. The charts show all the data meanwhile.

## Why a filter is refused (src/charts/filter.rs). $parameter is the query-string name (country,
## from, to): keep it first, untranslated.

chart-refusal-unknown-country = country: no published record is from { $code }
chart-refusal-reversed = { $parameter }: the range ends ({ $to }) before it starts ({ $from })
chart-refusal-date = { $parameter }: “{ $value }” is not a date: write 2024, 07.2024, 12.02.2025, February 2025 or summer 2024
chart-refusal-year = { $parameter }: the year { $year } is outside { $min }–{ $max }
chart-refusal-month = { $parameter }: there is no month { $month }: months run from 01 to 12
chart-refusal-day = { $parameter }: { $month } { $year } has no day { $day }
chart-refusal-season = { $parameter }: “{ $value }” is not a season: use spring, summer, autumn or winter
chart-refusal-no-year = { $parameter }: “{ $value }” has no year: add it, as in February 2025 or 12.02.2025

## Titles and the page's table of contents

charts-nav = Charts on this page
chart-title-waves = Release waves
chart-title-flows = Arrests and releases per month
chart-title-held = People held over time
chart-title-mechanisms = Releases by mechanism
chart-title-citizenship = Releases by citizenship
charts-nav-waves = Release waves
charts-nav-flows = Arrests and releases
charts-nav-held = People held
charts-nav-mechanisms = By mechanism
charts-nav-citizenship = By citizenship
# The scope of a chart of totals, after its title: $date is a date on its own, $since one after
# "since" (Belarusian and Russian put it in the genitive), $until one after "to" (the accusative
# after "па"/"по": date-until-*).
chart-scope-from = from { $date }
chart-scope-to = { $until }

## Downloads

charts-download = Download:
charts-download-data = data (CSV)
charts-embed = Embed this chart
charts-embed-help = Copy this into your page; the chart stays up to date.

## Shared words

charts-approximate = (approximate date)
count-arrests = { $plural ->
    [one] { $n } arrest
   *[other] { $n } arrests
}
count-releases = { $plural ->
    [one] { $n } release
   *[other] { $n } releases
}
charts-other-countries = { $plural ->
    [one] { $n } other country
   *[other] { $n } other countries
}
charts-not-recorded = Not recorded
charts-citizenship-not-recorded = Citizenship not recorded
charts-data-table = The chart’s data
charts-col-year = Year
charts-col-month = Month
charts-col-arrests = Arrests
charts-col-releases = Releases
charts-col-held = People held
charts-col-reported-in-waves = Reported in waves
charts-col-released = People released
# Short month names on a time axis.
month-abbr-1 = Jan
month-abbr-2 = Feb
month-abbr-3 = Mar
month-abbr-4 = Apr
month-abbr-5 = May
month-abbr-6 = Jun
month-abbr-7 = Jul
month-abbr-8 = Aug
month-abbr-9 = Sep
month-abbr-10 = Oct
month-abbr-11 = Nov
month-abbr-12 = Dec

## Release waves

charts-waves-caption = Bar height: the number reported released. Solid part: the people documented here. An arrow marks a number reported as a floor (“more than 200”); a dashed outline marks a date known only to a month, season or year.
charts-waves-table = Release waves
charts-waves-table-selection = Release waves in this selection
chart-waves-empty = No release wave is recorded for this selection.
chart-waves-desc = { $plural ->
    [one] Bar chart of { $n } release wave on a time axis.
   *[other] Bar chart of { $n } release waves on a time axis.
} Each bar spans the wave's date; a dashed outline marks a date known only to a month, season or year, or a wave that lasted a period. The bar's height is the number reported released; its solid part is the people documented individually on this site, { $documented } in all.
chart-waves-largest = The largest: { $name } ({ $date }), { $reported } reported released, { $documented } documented.
chart-waves-largest-unreported = The largest: { $name } ({ $date }), no number reported released, { $documented } documented.
# A wave's bar, to screen readers: "<wave> (<country>), <date>. <mechanism>." then this.
chart-waves-bar = Reported released: { $reported }. Documented here: { $documented }.
chart-waves-key-documented = solid part: documented here
chart-waves-key-reported = whole bar: reported released

## Arrests and releases

charts-flows-caption = Detentions begun (arrests) and ended by a release, per month, as documented here.
charts-flows-caption-unplaced = Detentions begun (arrests) and ended by a release, per month, as documented here. Not shown: { $arrests } and { $releases } dated only to a season or a year.
charts-per-year-csv = Per year (the CSV has every month)
charts-per-month = Per month
chart-flows-desc = Line chart of arrests (solid line) and releases (dashed line) per month, as documented on this site: { $arrests } and { $releases } in all.
chart-flows-peak-arrests = Most arrests in one month: { $n }, in { $month }.
chart-flows-peak-releases = Most releases in one month: { $n }, in { $month }.
chart-flows-unplaced = Not shown: { $arrests } and { $releases } dated only to a season or a year.
chart-legend-arrests = arrests
chart-legend-releases = releases
chart-legend-held = people held
chart-legend-wave = release wave (band: approximate date)

## People held

charts-held-caption = People documented as held at the end of each month, with the release waves marked. Detentions dated only to a season or a year count from the start of that period.
charts-held-caption-unplaced = People documented as held at the end of each month, with the release waves marked. Detentions dated only to a season or a year count from the start of that period; { $n } with an unknown start or end are left out.
charts-held-by-year = At the end of each year, or of the last month shown (the CSV has every month)
charts-held-by-month = At the end of each month
chart-held-desc = Step line of the number of people documented as held at the end of each month.
chart-held-latest = At the end of { $month }: { $n }.
chart-held-peak = Highest: { $n }, in { $month }.
chart-held-waves = { $plural ->
    [one] { $n } release wave is marked: a line on a wave's day, a band over the period of a wave dated only to a month, season or year.
   *[other] { $n } release waves are marked: a line on a wave's day, a band over the period of a wave dated only to a month, season or year.
}
chart-held-start = Detentions dated only to a season or a year count from the start of that period.
chart-held-unplaced = { $n } detentions with an unknown start or end are left out.

## Releases by mechanism and by citizenship

charts-mechanisms-caption = Whole bar: the number reported released in the waves of each mechanism. Solid part: the releases documented individually here. Labels read “documented / reported”.
charts-citizenship-caption = People documented as released, by citizenship. A person with two citizenships counts under each.
chart-bars-empty = No release is recorded for this selection.
chart-mechanisms-desc = Bar chart of releases by mechanism. The whole bar is the number reported released in the waves recorded here; its solid part is the releases documented individually on this site.
chart-mechanisms-row = { $category }: { $documented } documented, { $reported } reported
chart-mechanisms-bar = { $category }: { $documented } documented, { $reported } reported released
chart-mechanisms-row-unreported = { $category }: { $documented } documented, no number reported
chart-mechanisms-bar-unreported = { $category }: { $documented } documented, no number of releases reported
chart-citizenship-desc = Bar chart of the people documented as released, by citizenship; a person with two citizenships counts under each.
chart-citizenship-bar = { $category }: { $documented } documented
chart-waves-band = { $plural ->
    [one] A total over a period, drawn as a band behind the { $n } wave it includes.
   *[other] A total over a period, drawn as a band behind the { $n } waves it includes.
}
chart-waves-key-aggregate = band: a total over a period, including the waves inside it

# The held chart past its newest source (issue 19): $month is "February 2025".
chart-held-unconfirmed = The newest source is from { $month }; the months after it (dashed) are not confirmed by a source.
chart-legend-held-unconfirmed = not confirmed since the newest source
charts-held-unconfirmed-row = not confirmed
# $as_of is "as of February 2025".
charts-as-of = Figures { $as_of }: the date of the newest source they rest on.
