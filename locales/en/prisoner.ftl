# A person's page (templates/prisoners/show.html)

person-documented-by = Documented with sources by Prisoner Tracker.
person-changes-feed-title = Changes to this record
# OpenGraph's locale of the page.
og-locale = en_GB
person-photo-credit = Photo
person-synthetic = Synthetic record generated for testing. This person does not exist.
count-days-in-custody-about = { $plural ->
    [one] About { $n } day in custody
   *[other] About { $n } days in custody
}
custody-approximate = some dates are known only to a month, season or year
custody-incomplete = a detention whose dates are not known is not counted
person-names = Names
person-about = About
person-citizenship = Citizenship
person-sex = Sex
person-born = Born
person-occupation = Occupation
person-region = Region
person-detentions = Detentions
person-detentions-none = No detention is documented.
detention-from = From
detention-to = to
detention-start-unknown = Start not reported
detention-still-held = still held
detention-place = Place of detention
detention-charges = Charges
charge-article = Article { $article }
charge-article-part = Article { $article } part { $part }
detention-trial = Trial
detention-sentence = Sentence
detention-sentenced-on = sentenced { $date }
detention-ended-how = How it ended
detention-in-wave = in the wave
detention-notes = Notes
person-timeline = Timeline
person-recognitions = Recognised as a political prisoner
person-cite = Cite this page
citation-title = “{ $name }.”
citation-accessed = Accessed { $date }
record-id = Record ID { $id }
person-follow-changes = Follow changes to this record (Atom feed)
person-last-checked = Facts last checked against the sources
person-changes = Changes to this record

## The public change log: what changed in which part of the record.

change-person-create = added
change-person-restore = an earlier version restored
change-person-delete = removed
change-person-update = changed
change-detention-create = detention added
change-detention-restore = detention an earlier version restored
change-detention-delete = detention removed
change-detention-update = detention changed
change-event-create = event added
change-event-restore = event an earlier version restored
change-event-delete = event removed
change-event-update = event changed
change-recognition-create = recognition added
change-recognition-restore = recognition an earlier version restored
change-recognition-delete = recognition removed
change-recognition-update = recognition changed
change-citation-create = source added
change-citation-restore = source an earlier version restored
change-citation-delete = source removed
change-citation-update = source changed
change-photo-create = photo added
change-photo-restore = photo an earlier version restored
change-photo-delete = photo removed
change-photo-update = photo changed

## Names of the fields of a record (the change log).

field-names = Names
field-slug = Address
field-publication = Publication
field-sex = Sex
field-born = Born
field-last_checked = Facts last checked
field-occupation = Occupation
field-region = Region
field-biography = Biography
field-citizenships = Citizenships
field-country = Held by
field-started = Detained
field-ended = Custody ended
field-facility = Facility
field-trial_stage = Trial
field-sentenced = Sentenced
field-sentence_kind = Sentence
field-sentence_months = Length of sentence
field-release_mechanism = How custody ended
field-wave = Release wave
field-notes = Notes
field-wave_name = Name
field-event_kind = What happened
field-occurred = When
field-description = Description
field-location = Where
field-counterparty = Received or negotiated by
field-traded = Given in return
field-reported = Number reported released
field-title = Title
field-publisher = Publisher
field-url = Web address
field-published = Published on
field-source_kind = Kind of source
field-source = Source
field-locator = Where in the source
field-organisation = Recognised by
field-recognised = Recognised on
field-facility_name = Name
field-facility_kind = Kind of place
field-facility_country = Country
field-figure_country = Country
field-metric = What is counted
field-qualifier = How exact
field-value = Number
field-as_of = As of
field-alt_text = Description of the photo
field-photo_credit = Photo credit
field-photo_image = Photo
field-charges = Charges
field-other = other field
