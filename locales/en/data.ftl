# The open data page (templates/data/show.html). The page is translated; the files it offers
# (zip, CSV, JSON, datapackage.json, README.txt) stay in English in every language, since
# programs read their names and keys. Messages are split around the markup (<code>, links).

data-description = Every record published on Prisoner Tracker as CSV and JSON files, free to reuse under CC BY 4.0.
data-intro = Everything published on this site — people, their names, citizenships, detentions and charges, the events of their cases, recognitions, release waves, reported figures, and the sources cited for all of them — can be downloaded as data, to check our work, to analyse it, or to keep a copy.
# Shown only on the Belarusian and Russian pages.
data-files-in-english = The files are in English, whatever the page's language: programs read their names and keys.
data-columns-in-english = Column descriptions are given in English, as in datapackage.json.
data-download = Download
data-zip-before = a CSV file per table, with
data-zip-manifest-after = describing every column
data-zip-and = and
data-json = every table in one JSON document.
data-made-before = These files were made at
data-made-after = (UTC) from the records published then, and are made again whenever a record changes. Schema version { $version }.
data-licence = Licence
# The licence's name and its deed (the summary page) in this language.
data-licence-title = Creative Commons Attribution 4.0 International
data-licence-deed = https://creativecommons.org/licenses/by/4.0/
# A file's size: $n is already formatted (1.2, 340).
data-size-mb = { $n } MB
data-size-kb = { $n } kB
data-licence-before = The data are published under the licence
data-licence-credit = You may copy, share and adapt them for any purpose, including commercially, as long as you credit
data-licence-after = and link to this page. Please also cite the original sources that each record names.
data-reading = Reading the files
data-reading-files = Files are UTF-8, comma-separated, with a header row. Ids link them:
data-reading-ids = is an
data-reading-in = in
data-reading-public-id-before = A person's
data-reading-public-id-after = never changes: use it to link other datasets to ours.
data-reading-dates = Dates are written as precisely as the sources give them:
data-reading-season = or a season such as
data-reading-winter = (a winter belongs to the year it starts in). The column beside each,
data-reading-precision = says
data-reading-formula = A CSV cell that a spreadsheet would run as a formula (one starting with
data-reading-formula-after = ) starts with an apostrophe, which is not part of the value.
data-reading-synthetic-before = Records marked
data-reading-synthetic-after = are invented data for testing, not real people or events.
data-reading-published = Only published records are included. A detention in a release wave that is not yet published has an empty
data-reading-photos = Photos are described (their words and address), but the images are not in the files.
data-files = Files and columns
data-rows = { $plural ->
    [one] { $n } row
   *[other] { $n } rows
}
data-col-column = Column
data-col-type = Type
data-col-meaning = Meaning
data-people-not-named = { $plural ->
    [one] { $n } more person is counted but not named, to protect them and their family: they are in no file, only in this number (and in dataset.json as people_not_named).
   *[other] { $n } more people are counted but not named, to protect them and their families: they are in no file, only in this number (and in dataset.json as people_not_named).
}
