# Messages beside form fields and in import reports: what is wrong and what to type.

## Dates and addresses (src/domain)

date-error-empty = enter a date such as 2024, 07.2024, 12.02.2025, February 2025 or summer 2024
date-error-unrecognised = “{ $text }” is not a date: write 2024, 07.2024, 12.02.2025, February 2025 or summer 2024
date-error-year = the year { $year } is outside { $min }–{ $max }
date-error-month = there is no month { $month }: months run from 01 to 12
date-error-day = { $month } { $year } has no day { $day }
date-error-season = “{ $text }” is not a season: use spring, summer, autumn or winter
date-error-no-year = “{ $text }” has no year: add it, as in February 2025 or 12.02.2025
date-error-not-normalised = the stored date { $date } does not start a { $precision } period
slug-error = a slug is lower-case letters and digits in words joined by hyphens, at most { $max } characters

## Field errors (src/web/admin): beside the field, so they say what to type

error-choose = choose from the list
error-too-long = at most { $max } characters
error-too-long-count = at most { $max } characters (this has { $count })
error-control-character = contains an invisible control character ({ $code }), often pasted from a word processor: delete it and type the text again there
error-url = a web address starting with https:// or http://
error-country = a country code such as BY
error-country-code = “{ $code }” is not a country code: write one such as BY
error-ends-before-start = it cannot end ({ $ended }) before it began ({ $started })
error-last-checked-day = a whole day, as 2025-02-12: the day the facts were checked
error-last-checked-future = the facts cannot have been checked on a day still to come
error-name-missing = write the name, or clear the row
error-name-too-long = a name has at most { $max } characters
error-language-code = a language is a code such as be, ru or en
error-script-code = a script is a code such as Cyrl or Latn
error-name-kind = choose what kind of name this is
error-name-primary-twice = one main name per language: make this one another kind
error-name-twice = this name is already in the list
error-person-no-name = a person needs at least one name
error-slug-from-name = no address can be made from this name: type one, such as ihar-losik
error-citizenship-code = “{ $code }” is not a country code: write codes such as BY, LT
error-publish-admins-only = only admins publish or unpublish
error-publication = choose draft or published
error-person-slug-taken = another person has this address: choose another
error-detention-country-missing = which state holds the person? write a code such as BY
error-detention-overlap = this period overlaps another detention of the same person
error-sentence-length-kind = a length needs a sentence that is served over time
error-sentence-months = write the length as 3 years, 2 years 6 months or 18 months (a number alone is months), up to 100 years
error-wave-needs-mechanism = a release in a wave needs its mechanism
error-charge-article = an article is written like 342 or 361-1
error-charge-part = a part is a number and needs its article
error-charge-empty = give the article or describe the charge
error-charge-description = a description has at most { $max } characters
error-event-kind = choose what happened
error-event-description = say what happened, as the source tells it
error-wave-name = a wave needs a name, such as “Pardon of 23 people”
error-wave-country = the releasing state's code, such as BY
error-wave-mechanism = choose how they were released
error-wave-reported = a whole number, as reported
error-wave-qualifier = the qualifier needs the number it qualifies
error-wave-slug-from-name = no address can be made from this name: type one
error-wave-slug-taken = another wave has this address: choose another
error-release-day = Day of release: { $problem }
error-release-none = Tick at least one person below, or type their name, address (ihar-losik) or number, one per line.
error-release-too-many = At most { $max } people at once.
error-release-unknown = “{ $line }”: no person has this address or number, and no one held has a name like it.
error-release-not-held = “{ $line }”: no detention of this person is still going on.
error-release-unsure = “{ $line }”: not sure who is meant. The people held with a name like it are first in the list below; tick the right one.
error-release-not-held-named = “{ $line }”: no one with a name like this is held now.
error-publish-unsourced = No source is cited for this record yet. Tick the box to publish it anyway, or save it as a draft and cite a source first.
error-record-duplicate = a record with these values is already recorded
error-source-title = the title as the source gives it
error-source-slug = lower-case letters, digits and single hyphens, such as rferl-2025-02-12
error-source-kind = choose what kind of source it is
error-source-slug-taken = another source has this address; choose another
error-citation-source = the address of the source, as on its page in the source list
error-source-unknown = no source has this address; add it to the sources first
error-recognition-organisation = the organisation that recognised them, such as Viasna
error-facility-name = the facility's name, such as Penal colony No. 15
error-facility-kind = choose what kind of place it is
error-facility-taken = this country already has a facility of this name
error-figure-metric = choose what the number counts
error-figure-qualifier = choose how exact the number is
error-figure-value = a whole number, such as 1150
error-figure-as-of = the date the number was published for, such as 2025-02-01
error-figure-taken = a figure for this country, count and date exists already

## Photo errors (web::admin::photos::PhotoErrors keys; limits as in crate::photo)

photo-error-photo_missing = Choose a photo to upload.
photo-error-photo_empty = The file is empty.
photo-error-photo_too_large = The file is larger than 10 MB. Save a smaller copy and upload that.
photo-error-photo_format = This file is not a JPEG, PNG or WebP image, whatever its name says.
photo-error-photo_pixels = The image is too large to process: at most 40 megapixels and 16,000 pixels on a side. Save a smaller copy and upload that.
photo-error-photo_unreadable = The image is damaged or incomplete and cannot be read.
photo-error-alt_missing = Describe what the photo shows, for readers who cannot see it.
photo-error-alt_too_long = At most 1,000 characters.
photo-error-credit_too_long = At most 300 characters.
photo-error-control_character = Contains an invisible control character, often pasted from a word processor: type the text again.
photo-error-other = Check this field.

## Refusals (400 pages) of admin requests

refusal-form-version = the form lacks the version it was loaded at; reload it
refusal-restore-changed = the record changed while restoring; look at the history again
refusal-restore-overlap = that version overlaps another detention of the person; edit it instead
refusal-restore-invalid = that version cannot come back as it was ({ $field }: { $problem })
refusal-review-stale = the record changed after this change was made, or is gone: reject the change and ask the editor to make it again
refusal-review-invalid = the change cannot be saved as it is ({ $field }: { $problem }): reject it and ask the editor to make it again
refusal-review-admin-only = while editors' changes are reviewed, only an admin changes the photo or the translations of a published record: ask an admin
refusal-review-draft-wave = this release is into a wave that is still a draft: publish the wave first, then approve the release
refusal-release-changed = a detention changed meanwhile; nothing was saved, try again
refusal-photo-multipart = the photo form is sent as multipart/form-data
refusal-upload-cut = the upload was cut short or is not a form; try again
refusal-photo-too-large = A photo may be at most { $max } MB.
refusal-photo-version = the form lacks the photo it was shown with; reload it

## CSV import: the file as a whole

import-file-empty = the file is empty: the first row must name the columns
import-file-too-large = the file has { $size } KiB; at most { $max } KiB are accepted at once: split it
import-file-too-many-rows = the file has more than { $max } rows; import it in parts
import-file-not-utf8 = line { $line } is not UTF-8 text: save the file as “CSV UTF-8” (comma-separated) and try again
import-file-unknown-columns = unknown columns: { $names }. The first row must name the columns, from: { $columns }
import-file-repeated-column = the column “{ $name }” appears twice in the first row
import-file-malformed = row { $row } is not valid CSV; nothing after it was read
import-file-workbook = the workbook cannot be read ({ $problem }): save it again, or as CSV UTF-8
import-file-no-such-sheet = the workbook has no sheet “{ $name }”; its sheets are { $sheets }
import-problem-no-file = Choose a CSV file, or paste its text in the box.
import-problem-unread = Nothing was read: { $problem }.

## CSV import: a row or a cell

import-error-cells = this row has { $cells } cells, the first row names { $header } columns
import-error-named = “{ $name }”: { $problem }
import-error-bracket-word = “{ $name }”: “{ $word }” in the brackets is neither a language (be), a script (Cyrl) nor a kind ({ $kinds })
import-error-bracket-twice = “{ $name }”: the brackets give the { $what } twice
import-bracket-kind = kind
import-bracket-script = script
import-bracket-language = language
import-error-name-not-in-all = “{ $name }” is not in all_names: the name shown is one of all_names
import-error-name-not-theirs = “{ $name }” is not one of this person's names: to change names, use an all_names column
import-error-too-many-names = at most { $max } names per person
import-error-name-twice = “{ $name }” is listed twice
import-error-public-id = no person has this public id: leave it empty to add a new person
import-error-public-id-format = not a public id: copy it from an export, or leave it empty to add a person
import-error-url = not the address of a person's page, such as https://…/prisoners/ihar-losik
import-error-deleted = this person was deleted meanwhile
import-error-same-person = row { $row } is about the same person: one row per person
import-error-same-slug = row { $row } has this address too
import-error-unique = another record already has one of these values ({ $constraint })
import-error-foreign-key = a value refers to nothing recorded ({ $constraint })
import-error-check = the database does not accept a value ({ $constraint })
error-naming-basis-needed = a named person is published only with a basis for naming: choose one, or withhold the identity
error-naming-consent-not-to-publish = this consent does not cover publishing on this site: tick it, or keep the record a draft
error-consent-incomplete = a consent needs who gave it and when
