# Search and browse (templates/prisoners/list.html)

search-title = “{ $q }”: search
search-feed-title = This search as a feed
search-description = Search documented political prisoners by any spelling of their name, status, country, release mechanism and release wave.
search-label = Name, in any script or spelling, or words about a person
search-filters = Filters and order
search-status = Status
search-held-now = Held now (any stage)
search-held-by = Held by
search-any-country = Any country
search-any = Any
search-released-by = Released by
search-any-mechanism = Any mechanism
search-any-wave = Any wave
search-charge = Charge (article or words)
search-detained = Detained
search-released = Released
search-from-year = from year
search-to-year = to
search-order = Order
sort-relevance = Best match
sort-name = Name
sort-detained = Most recently detained
sort-other = Most recently released
search-apply = Apply
search-clear = Clear all
search-count-capped = More than { $n } people
search-no-such-page = There is no page { $page } of these results.
search-first-page = Go to the first page
search-none = No one matches
search-none-for = No one matches “{ $q }”
search-none-filters = with these filters
search-suggestions = Names that look close:
search-help = Names are matched in any script and spelling (Кузнечык, Кузнечик, Kuznechyk and Kuznechik find the same person). Try fewer words, part of the surname, or
search-help-clear = clear the filters
search-showing = Showing { $first }–{ $last }
search-csv = Download all results as CSV
search-follow = Follow this search (Atom feed)
search-pages = Result pages
search-previous = Previous
search-next = Next
search-page = Page { $page }
search-page-of = Page { $page } of { $last }

## Why a search is refused (src/search/query.rs). $parameter is the query-string name as typed
## in the address (q, status, page…): keep it first, untranslated. $value is the value typed.

search-refusal-nul = { $parameter }: contains the NUL character, which cannot be searched
search-refusal-country = { $parameter }: a country is a two-letter ISO 3166 code such as BY
search-refusal-year = { $parameter }: “{ $value }” is not a year
search-refusal-choice = { $parameter }: “{ $value }” is not one of the choices
search-refusal-wave = { $parameter }: not a wave
search-refusal-page = { $parameter }: “{ $value }” is not a page number

## Filters in force, as chips that remove them
search-filters-on = Filters on:
search-chip = { $name }: { $value }
search-chip-from = from { $year }
search-chip-to = to { $year }
search-remove-filter = remove this filter

# On the lists the home counts link to (issue 19): people counted but not named.
search-not-named = { $plural ->
    [one] One more person is counted here but not named, to protect them and their family.
   *[other] { $n } more people are counted here but not named, to protect them and their families.
}

# Downloads for spreadsheets (issue 20).
search-xlsx = Excel workbook
