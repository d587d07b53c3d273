# The home page (templates/home.html)

home-title = Political prisoners and their release
home-description = A documented record of political prisoners, every event of their case, the waves in which they are released, and the source behind every fact.
home-search-label = Find a person by any spelling of their name
search-button = Search
home-browse = Browse everyone, with filters
home-counts-heading = Documented here
home-count-held = Held now
home-count-released = Released
home-count-waves = Release waves
home-count-people = People documented
home-counts-note = Counts of the people documented individually on this site. The totals that human-rights groups report are larger; they are shown below with their sources.
# $as_of: "as of February 2025" (date-as-of-*).
home-counts-as-of = Figures { $as_of }: the date of the newest source they rest on.
home-counts-undated = None of the sources these figures rest on has a publication date.
home-figures-heading = Reported figures
# $what: "political prisoners held" (agreeing with the number before it); $country: a country's name.
home-figure-where = { $what } in { $country }
home-figure-source = Source
waves-none = No release wave has been published yet.
home-all-waves = All release waves
home-released-heading = Recently released
home-released-none = No release has been published yet.
# $on: "on 12 February 2025", "in January 2025"; $date: the date on its own; $sex for be and ru.
home-released-on = released { $on }
home-updated-heading = Recently updated
home-updated-none = No record has been published yet.
