# The admin area (templates/admin/*). Its form errors are in forms.ftl.

## Shared

admin-title = Admin
admin-nav = Admin
admin-nav-home = Admin
admin-nav-people = People
admin-nav-waves = Release waves
admin-nav-sources = Sources
admin-nav-facilities = Facilities
admin-nav-figures = Figures
admin-nav-import = Import
admin-nav-users = Accounts
admin-nav-audit = Audit log
admin-logout = Log out
role-admin = admin
role-other = editor
admin-save = Save
admin-save-mine = Save my version
admin-saved = Saved.
admin-back = Back
admin-edit = Edit
admin-edit-link = edit
admin-delete = Delete
admin-history = History
admin-history-link = history
admin-public-page = Public page
admin-public-page-link = public page
admin-find = Find
admin-col-state = State
admin-col-actions = Actions
admin-not-recorded = not recorded
admin-none = none
admin-unknown = unknown
publication-published = published
publication-other = draft
publication-choice-draft = Draft: only editors see it
publication-choice-published = Published: on the public site
publication-state-draft = Draft. Only admins publish or unpublish.
publication-state-published = Published. Only admins publish or unpublish.
admin-qualifier-exactly = exactly
form-error-summary = { $plural ->
    [one] Not saved: one thing needs your attention
   *[other] Not saved: { $n } things need your attention
}
error-summary-kept = Everything you typed is kept in the form below.
error-summary-conflict = Someone saved this record while you were editing: compare the two versions, then save again
error-summary-lookalikes = This may be someone already recorded: open their record, or confirm that this is a different person

## Conflicts (409): someone saved the record meanwhile

conflict-person = Someone saved this person while you were editing
conflict-detention = Someone saved this detention while you were editing
conflict-event = Someone saved this event while you were editing
conflict-wave = Someone saved this wave while you were editing
conflict-photo = Someone changed this photo while you were editing
conflict-photo-advice = Nothing was saved. The photo as it is now is shown below, with your description and credit kept in the form. To put yours in its place, choose your file again and save.
conflict-saved-by = The last change was saved by { $editor } at { $at }.
conflict-saved-by-deleted = The last change was saved by a deleted account at { $at }.
conflict-nothing-lost = Nothing of yours is lost: your version is in the form below. Where the two differ:
conflict-save-again = Save again to put your version in place of theirs.
conflict-save-again-or = Save again to put your version in place of theirs, or
conflict-start-from-saved = start from the saved version
conflict-col-field = Field
conflict-col-theirs = Saved meanwhile
conflict-col-yours = Yours

## History

history-intro = Every save through the admin forms, newest first, with what it changed. Restoring puts the record back as it was after that save, as a new change of its own.
history-none = No change has been made through the admin forms yet.
history-of = History of { $title }
history-by = by { $editor }, { $at }
history-by-deleted = by a deleted account, { $at }
history-no-changes = Saved without changes.
history-restore = Restore this version
history-col-before = Before
history-col-after = After
history-empty-value = empty
restore-title = Restore an earlier version
restore-heading = Restore an earlier version: { $title }
restore-intro = What restoring will change, from the record as it is now to what it will be. The address and the publication stay as they are now. Nothing changes until you confirm.
restore-nothing = Restoring would change nothing: the record is already as it was then.
restore-changed = Someone changed the record since you opened this page. These are the changes restoring would make now; confirm again only if that is still right.
restore-confirm = Restore
revision-create = Created
revision-restore = Restored an earlier version
revision-delete = Removed
revision-other = Changed
revision-of-detention = Detention
revision-of-event = Event
revision-of-recognition = Recognition
revision-of-citation = Source cited
revision-of-photo = Photo
revision-of-other = Record

## Dashboard, login, accounts, audit log

admin-signed-in-admin = Signed in as { $email }, an admin: you may edit records, publish and delete them, and manage accounts.
admin-signed-in-editor = Signed in as { $email }, an editor: you may create and edit records.
admin-home-waves = add and edit waves, and mark many people released in a wave at once.
admin-home-people = find, add and edit people, their names and citizenships; every save is kept in the record's history and can be restored.
admin-home-import = add and change many people at once from a CSV file (an edited export, say), checked row by row before anything is written.
admin-home-users = who may edit, and with which role.
admin-home-audit = logins, failed logins and account changes.
admin-nav-backup = Backup file
admin-home-backup = every record, drafts and people not named included, with every field except the internal ones (notes for staff, informants). Keep it safe: it holds unpublished names.
login-title = Log in
login-intro = For the editors and admins who keep the records. Everything else on this site is public and needs no account.
login-refused = The e-mail address or the password is wrong.
login-slowed = { $plural ->
    [one] After many failed attempts, each try from here now waits { $n } second.
   *[other] After many failed attempts, each try from here now waits { $n } seconds.
}
login-expired = Your session ended. Please log in again.
login-email = E-mail address
login-password = Password
login-submit = Log in
users-title = Accounts
users-intro = New accounts are made on the server:
users-intro-after = , with the password on standard input.
users-col-email = E-mail address
users-col-role = Role
users-col-since = Since
users-col-state = State
users-active = active
users-disabled = disabled
audit-title = Audit log
audit-intro = Logins, failed logins, account changes and who opened which fields for staff only, newest first (the last 500).
audit-col-when = When
audit-col-record = Record and fields
audit-restricted_viewed = Opened fields for staff only
audit-backup_exported = Backup file downloaded
audit-col-what = What
audit-col-account = Account
audit-col-email = Address typed
audit-login = Logged in
audit-login_failed = Failed login
audit-login_throttled = Login slowed after many failures
audit-logout = Logged out
audit-user_created = Account created
audit-other = Account changed

## People

people-title = People
people-search-label = Name or address
people-search-placeholder = Name in any script, or address
people-none = No one matches.
people-col-name = Name
people-col-changed = Last changed
person-add = Add a person
person-edit = Edit person
lookalikes-heading = This may be someone already recorded
lookalike-born = born { $date }
lookalikes-advice = Open the existing record, or add this person anyway with the box at the end of the form.
lookalikes-confirm = This is a different person: add them anyway
person-names-hint = Every spelling helps people find them: the name in Belarusian and Russian, transliterations, aliases. The first main name gives the address. Language and script left on “automatic” follow the letters: Latin is English, Cyrillic with і or ў Belarusian, other Cyrillic Russian.
person-name-n = Name { $n }
person-name-language = Language
person-name-script = Script
person-name-kind = Kind
person-name-auto = Automatic (from the letters)
script-Cyrl = Cyrillic
script-Latn = Latin
person-slug-hint = Lower-case words with hyphens, as in /prisoners/ihar-losik. Left empty, it is made from the first name.
person-born-hint = As precisely as known: 1992, 1992-06, 1992-06-14 or summer 1992.
person-last-checked-hint = The day you checked this person's facts against the sources, as 2025-02-12. Saving the form does not change it: the date says when the facts were checked, not when the record was edited.
person-citizenships-hint = Country codes, separated by commas: BY, LT.
admin-detentions = Detentions
admin-detentions-none = No detention is recorded yet.
person-detention-ended = Ended
person-detention-how-ended = How it ended
person-events = Events
person-events-none = No event is recorded yet.
admin-recognitions = Recognised as a political prisoner
admin-recognitions-none = No recognition is recorded yet.
recognition-add = Add a recognition
citations-none = No source is cited for this record yet.
citation-edit-link = edit citation
citation-add-link = Cite a source
cite-link = cite
citation-source-search = Find a source by its title
citation-source-find = Find
citation-source-search-hint = The sources found become the choices of the source below; or type its address there.
citation-source-none = No source has “{ $query }” in its title, publisher or address.
source-add-link = Add a new source

## Photo

photo-of = Photo of { $name }
photo-description = Description: { $text }
photo-credit = Credit: { $text }
photo-size = { $width } × { $height } pixels
photo-remove = Remove the photo
photo-none = No photo yet.
photo-alt-hint = Required. What a reader who cannot see the photo should know: who is shown, and where or when if it matters. It becomes the image's text alternative.
photo-credit-hint = Who took the photo or where it was published, as it should be shown beside it.
photo-replace = Replace with another photo
photo-file-hint = JPEG, PNG or WebP, up to 10 MB.
photo-file-hint-keep = Leave it empty to change only the description and credit.
photo-file-hint-copy = The site keeps a copy at most 1,200 pixels wide or high, turned upright, with the location, camera and every other detail the file carries removed; the file itself is not kept.
photo-file-hint-again = Choose the file again: browsers do not keep it.
photo-save = Save the photo
photo-upload = Upload the photo

## Detentions and events

detention-add = Add a detention
detention-edit = Edit detention
detention-add-of = Add a detention of { $name }
detention-edit-of = Edit detention of { $name }
detention-country-label = Held by (country code)
detention-country-hint = The state holding the person: BY, RU …
detention-started-hint = As precisely as known: 2020, 2020-05, 2020-05-29 or summer 2020.
detention-ended-hint = Empty while the person is held.
detention-months-label = Length of the sentence
detention-months-hint = In years and months, as 3 years or 2 years 6 months; a number alone is months.
detention-not-ended = not ended, or not recorded
charges-hint = The article of the criminal code (342, 361-1), its part, and the charge in words.
admin-charge-article = Article
charge-part = Part
charge-description = Charge
event-add = Add an event
event-edit = Edit event
event-add-of = Add an event of { $name }
event-edit-of = Edit event of { $name }
event-occurred-hint = As precisely as known: 2021, 2021-03, 2021-03-04 or spring 2021.

## Release waves

wave-add = Add a wave
wave-edit = Edit wave
admin-waves-none = No wave is recorded yet.
wave-marked-released = { $plural ->
    [one] { $n } person marked released in this wave.
   *[other] { $n } people marked released in this wave.
}
wave-release-held = { $plural ->
    [one] The release of { $n } published person waits for an admin's review.
   *[other] The releases of { $n } published people wait for an admin's review.
}
wave-name-hint = What the press calls it: “Handover of three prisoners to a US delegation”.
wave-slug-hint = Left empty, it is made from the name and date.
wave-started-hint = As precisely as known: 2025-02-12, 2024-07, summer 2024.
wave-ended-label = Until
wave-ended-hint = For a wave that lasted a period.
wave-country-label = Releasing state (country code)
wave-qualifier-label = How exact the number is
release-heading = Mark people released in this wave
release-intro-before = Tick the people released, or type one per line: their name in any spelling, their address or their number, such as
release-intro-after = . Each one's detention that is still going on ends on the day given, with this wave's mechanism. If any line is wrong, nothing is saved and every wrong line is named.
release-day = Day of release
release-day-hint = Left empty: the wave's date.
release-submit = Mark released
publish-unsourced-confirm = Publish without a source
release-find-label = Find people held by name
release-held-legend = People held now
release-held-hint = Those whose names match what was looked for or typed come first.
release-held-none = No one is held now.
release-held-since = held since { $date }
release-held-more = { $plural ->
    [one] { $n } more person is held; find them by name to list them here.
   *[other] { $n } more people are held; find them by name to list them here.
}
release-lines-label = Or type them, one per line
wave-admin-people-heading = People released in this wave
wave-admin-people-none = No one is recorded as released in this wave yet.
wave-admin-people-col-name = Name
wave-admin-people-col-released = Released on

## The generic record forms (sources, citations, recognitions, facilities, figures)

record-many-sources = Sources
record-many-facilities = Facilities
record-many-figures = Reported figures
record-many-other = Records
record-about-sources = Every fact on the site rests on a source. Add a source once, then cite it from any record's form.
record-about-facilities = Prisons, colonies and detention centres that detentions name.
record-about-figures = Country totals as human-rights groups publish them, shown on the home page with their sources.
record-about-other = { "" }
record-col-sources = Source
record-col-citations = Citation
record-col-recognitions = Recognition
record-col-facilities = Facility
record-col-figures = Reported figure
record-add-sources = Add a source
record-add-citations = Add a citation
record-add-recognitions = Add a recognition
record-add-facilities = Add a facility
record-add-figures = Add a reported figure
record-edit-sources = Edit source: { $title }
record-edit-citations = Edit citation: { $title }
record-edit-recognitions = Edit recognition: { $title }
record-edit-facilities = Edit facility: { $title }
record-edit-figures = Edit reported figure: { $title }
record-conflict-sources = Someone saved this source while you were editing
record-conflict-citations = Someone saved this citation while you were editing
record-conflict-recognitions = Someone saved this recognition while you were editing
record-conflict-facilities = Someone saved this facility while you were editing
record-conflict-figures = Someone saved this reported figure while you were editing
record-history-sources = History of the source { $title }
record-history-citations = History of the citation { $title }
record-history-recognitions = History of the recognition { $title }
record-history-facilities = History of the facility { $title }
record-history-figures = History of the reported figure { $title }
record-history-people = History of { $title }
record-history-detentions = History of the detention { $title }
record-history-events = History of the event { $title }
record-history-waves = History of the release wave { $title }
sources-find = Find a source
records-none = None yet.
record-hint-slug = The source's permanent address in this site's lists, made from the title when left empty.
record-hint-url = Where it can be read: https://…
record-hint-published = As precisely as known: 2025, 2025-02 or 2025-02-12.
record-hint-recognised = When they were recognised, as precisely as known: 2021, 2021-05 or 2021-05-20.
record-hint-facility_country = The country code of the state that runs it, such as BY.
record-hint-figure_country = The country code of the state the figure is about, such as BY.
record-hint-as_of = The date the number describes, as precisely as known: 2025-02-01, 2025-02 or 2025.
record-hint-source = The source's address, as in the source list (such as rferl-2025-02-12).
record-hint-locator = Where in the source: a page, a paragraph or a short quotation.
record-hint-other = { "" }
source-kind-news_article = News article
source-kind-analysis = Analysis
source-kind-report = Report
source-kind-official_statement = Official statement
source-kind-court_document = Court document
source-kind-social_media = Social media post
source-kind-interview = Interview
source-kind-database = Database
source-kind-other = Other
facility-kind-temporary_detention = Temporary detention facility
facility-kind-pretrial_detention_centre = Pre-trial detention centre
facility-kind-prison = Prison
facility-kind-penal_colony = Penal colony
facility-kind-psychiatric_hospital = Psychiatric hospital
facility-kind-police_station = Police station
facility-kind-other = Other place of detention
figure-metric-prisoners_held = political prisoners held
figure-metric-prisoners_released = political prisoners released
figure-metric-other = politically motivated arrests
option-other = { "" }

## Deleting a record

record-delete-people = Delete the person { $title }?
record-delete-detentions = Delete the detention { $title }?
record-delete-events = Delete the event { $title }?
record-delete-waves = Delete the release wave { $title }?
record-delete-sources = Delete the source { $title }?
record-delete-citations = Delete the citation { $title }?
record-delete-recognitions = Delete the recognition { $title }?
record-delete-facilities = Delete the facility { $title }?
record-delete-figures = Delete the reported figure { $title }?
record-delete-changed-people = Someone changed this person since you opened this page. Here it is as it is now; delete it only if that is still right.
record-delete-changed-detentions = Someone changed this detention since you opened this page. Here it is as it is now; delete it only if that is still right.
record-delete-changed-events = Someone changed this event since you opened this page. Here it is as it is now; delete it only if that is still right.
record-delete-changed-waves = Someone changed this release wave since you opened this page. Here it is as it is now; delete it only if that is still right.
record-delete-changed-sources = Someone changed this source since you opened this page. Here it is as it is now; delete it only if that is still right.
record-delete-changed-citations = Someone changed this citation since you opened this page. Here it is as it is now; delete it only if that is still right.
record-delete-changed-recognitions = Someone changed this recognition since you opened this page. Here it is as it is now; delete it only if that is still right.
record-delete-changed-facilities = Someone changed this facility since you opened this page. Here it is as it is now; delete it only if that is still right.
record-delete-changed-figures = Someone changed this reported figure since you opened this page. Here it is as it is now; delete it only if that is still right.
delete-in-use-source = { $plural ->
    [one] { $n } record cites this source. Remove those citations first, so that no fact loses its source unnoticed.
   *[other] { $n } records cite this source. Remove those citations first, so that no fact loses its source unnoticed.
}
delete-in-use-facility = { $plural ->
    [one] { $n } detention names this facility. Change that detention first.
   *[other] { $n } detentions name this facility. Change those detentions first.
}
delete-in-use-other = { $plural ->
    [one] { $n } person was released in this wave. Change their detention first.
   *[other] { $n } people were released in this wave. Change their detentions first.
}
delete-goes-with-person = Their whole case (names, texts, detentions, events, recognitions, photo and citations) goes to the trash, and their page disappears from the site. Admins can restore it from the trash for 30 days; after that it is purged.
delete-goes-with-detention = Its charges and citations go with it.
delete-goes-with-wave = Its citations go with it, and its page disappears from the site.
delete-goes-with-other = Its citations, if any, go with it.
delete-history-kept = The record stays in the history of changes, with who deleted it and when.

## CSV import

import-title = Import people
import-heading = Import people from CSV
import-done = Imported: { $created } added, { $updated } changed, { $unchanged } unchanged. Every change is in the person's history.
import-done-held = Of the changes, { $held } to published people wait for an admin's review.
import-check-heading = What the import would do
import-stale-heading = The records changed since your check
import-stale = Someone saved a person in this file after you checked it, or the file is not the one checked: nothing was written. This is the check as things are now.
import-stale-valid = Someone saved a person in this file after you checked it, or the file is not the one checked: nothing was written. This is the check as things are now; apply it if it is still what you want.
import-summary = { $plural ->
    [one] { $n } row: { $create } to add, { $update } to change, { $unchanged } unchanged, { $invalid } with mistakes. Nothing has been written yet.
   *[other] { $n } rows: { $create } to add, { $update } to change, { $unchanged } unchanged, { $invalid } with mistakes. Nothing has been written yet.
}
import-apply = Apply: add { $create } and change { $update }
import-has-mistakes = Nothing can be written while a row has mistakes: correct them in the file and check it again. Each is listed beside its row, with the column it is in.
import-report-caption = Row by row
import-col-row = Row
import-col-person = Person
import-col-action = What happens
import-col-details = Details
import-action-create = Add
import-action-update = Change
import-action-unchanged = Unchanged
import-action-other = Mistakes
import-namesake-before = Someone is recorded at
import-namesake-after = already. If this row is about them, give their slug or public_id to change them instead of adding someone.
import-check-file = Check a file
import-check-again = Check a file again
import-check-intro = A check writes nothing: it lists, row by row, who would be added, who changed and how, and every mistake. When every row is right, you apply it, and it is written all at once, or not at all.
import-as-admin = As an admin, rows may publish or unpublish people.
import-as-editor = As an editor, you add drafts and keep published people published: only admins publish or unpublish.
import-file = CSV file or workbook
import-file-hint = CSV (UTF-8, comma-separated: “CSV UTF-8” in spreadsheets) or a workbook (XLSX, ODS, XLS), at most { $kib } KiB and { $rows } rows.
import-sheet = Sheet (of a workbook)
import-sheet-hint = Its name as on its tab; empty: the first sheet.
import-paste = Or paste the CSV
import-paste-hint = A file chosen above is used instead of this text.
import-check = Check
import-columns = Columns
import-columns-intro = The first row names the columns, in any order; a name not listed here is refused.
import-export-before = A file exported from
import-export-link = the search
import-export-after = can be edited and imported as it is.
import-columns-rules = A column the file lacks leaves that field as recorded; an empty cell empties it. Cells that the export protected from spreadsheet formulas with an apostrophe ('=…) are read without it.
import-matching = Each row finds its person by public_id; else by address (slug, else the address in url), also an earlier address; else it adds a person. One row per person.
import-columns-caption = Columns and what they hold
import-col-column = Column
import-col-holds = What it holds
import-column-public_id = The person's permanent id, as exported. A row with one changes that person, who must be recorded; leave it empty to add a person.
import-column-url = The address of the person's public page, as exported (https://…/prisoners/ihar-losik): finds the person when public_id is empty, and is the address of a person added. It never changes an address.
import-column-slug = The address, such as ihar-losik. Finds the person when public_id is empty; beside a public_id, it is their new address. Left empty for a new person, it is made from the name.
import-column-name = The name shown. Beside all_names it must be one of them; alone, it is the one name of a person added.
import-column-all_names = Every name, separated by |, such as “Ігар Лосік [be primary] | Ihar Losik [en primary] | Igor Losik”. In brackets, if needed: the language (be), the script (Cyrl) and the kind (primary, transliteration, alias, former). A name already recorded keeps its language, script and kind unless the brackets say otherwise; a name left out is removed.
import-column-publication = draft or published; empty keeps what is recorded, and new people are drafts. Only admins publish or unpublish.
import-column-sex = female, male or other.
import-column-born = As precisely as known: 1992, 1992-06, 1992-06-03, summer 1992.
import-column-citizenships = Country codes separated by spaces, such as “BY LT”.
import-column-occupation = Text, at most 500 characters.
import-column-region = Text, at most 200 characters.
import-column-other = Text, at most 20,000 characters; line breaks inside a quoted cell are kept.
import-column-computed = Computed by the export from the detentions: accepted and ignored.

# The kinds of a name, as the person form offers them (the public page says them with the
# person's sex: name-kind-*).
admin-name-kind-primary = name
admin-name-kind-transliteration = transliteration
admin-name-kind-alias = alias (also known as)
admin-name-kind-other = former name
login-ended = Your session was ended (from another session, by an admin, or by a new password). Please log in again.
code-title = Second step: your code
code-intro = Enter the six-digit code your authenticator app shows for this site now.
code-refused = That code is not right, or it was used already. Codes change every 30 seconds: check that your phone's clock is right.
code-label = Code from your app, or a recovery code
code-submit = Continue
code-recovery-hint = Lost your phone? Enter one of your recovery codes instead; each works once. An admin can also reset your second factor.
enrol-title = Set up your second factor
enrol-intro = Every account needs a second factor besides the password: a code from an authenticator app on your phone (such as Aegis, FreeOTP or Google Authenticator). You reach nothing else until it is set up.
enrol-intro-replace = A new secret replaces the one your app has now, once you confirm it with a code; your old recovery codes stop working.
enrol-refused = That code does not match the secret. Scan it again or check the letters, and enter the code the app shows now.
enrol-step-app = Open your authenticator app and add an account.
enrol-step-scan = Scan this code with the app:
enrol-qr-label = QR code of the secret for your authenticator app
enrol-step-type = or type this secret by hand (account { $email }):
enrol-step-code = Enter the six-digit code the app now shows
enrol-submit = Confirm and continue
recovery-title = Your recovery codes
recovery-done = Your second factor is set up.
recovery-intro = If you lose your phone, each of these codes logs you in once instead of a code from the app. Write them down or print them and keep them somewhere safe, away from your phone. They are shown only now.
recovery-continue = I have kept them: continue
account-title = Your account
account-sessions-ended = { $plural ->
    [one] { $n } session ended.
   *[other] { $n } sessions ended.
}
account-second-factor = Second factor
account-second-factor-since = Set up on { $date }.
account-recovery-left = { $plural ->
    [one] { $n } recovery code left.
   *[other] { $n } recovery codes left.
}
account-second-factor-replace = Set up again (a new phone, or new recovery codes)
account-sessions = Where you are logged in
account-col-started = Logged in
account-col-seen = Last request
account-col-browser = Browser
account-col-end = End
account-this-session = this session
account-end = End
account-end-others = End every other session
users-col-second-factor = Second factor
users-col-actions = Change
users-no-second-factor = not set up (at the next login)
users-enable = Enable
users-disable = Disable
users-end-sessions = End sessions
users-reset-second-factor = Reset second factor
users-new-password = New password
users-reset-password = Set password
users-changed-disabled = { $email } is disabled; its sessions have ended.
users-changed-enabled = { $email } can log in again.
users-changed-password_reset = { $email } has a new password; its sessions have ended.
users-changed-sessions_ended = Every session of { $email } has ended.
users-changed-second_factor_reset = { $email } has no second factor now and sets up a new one at the next login; its sessions have ended.
users-refused-password_too_short = The new password is too short: it needs at least 12 characters. Nothing was changed.
users-refused-password_too_long = The new password is too long: at most 1,024 characters. Nothing was changed.
audit-user_changed = Account changed
account-name = Your name on history pages
account-name-label = Display name
account-name-hint = Other staff see this name beside your changes instead of your e-mail address, which only admins see. Leave it empty for “Staff” and your account number. A pseudonym is fine.
account-name-save = Save the name
account-name-saved = Your display name is saved.
account-name-refused = A display name may have at most 80 characters and no control characters. Nothing was changed.
users-col-name = Display name
role-viewer = viewer
role-editor = editor

# Identity and the basis for naming (issue 18)
field-identity = Identity
field-naming_basis = Basis for naming
field-consent = Consent
field-consent_by = Consent given by
field-consent_on = Consent given on
field-consent_purposes = Consent covers
identity-named = named: shown on the public site
identity-withheld = withheld: counted in public numbers, never shown
person-identity-hint = Withhold the identity when the person or their family has not agreed to naming: the person still counts in every public number, and nothing else of theirs leaves the admin area.
naming-basis-public_sources = already public in the cited sources
naming-basis-consent = consent
person-naming-basis-hint = Required to publish a named person. With consent, say who gave it, when, and what it covers.
consent-by-person = the person
consent-by-family = their family
consent-by-lawyer = their lawyer
consent-purpose-publish = publishing on this site
consent-purpose-advocacy = advocacy
consent-purpose-un_bodies = sharing with UN bodies
admin-withheld = identity withheld

## Fields the public never sees (src/domain/visibility.rs)
field-internal_notes = Notes for staff
field-medical = Medical details
field-received_from = Received from (informant)
visibility-public = public
visibility-restricted = staff only, never published
visibility-internal = staff only, never published or exported
office-legend = Office only
office-hint = Nothing here is ever shown on the public site, in the API, the feeds or the downloads. Opening a record with these fields filled in is written to the audit log.

## The review queue (src/web/admin/review.rs)
admin-nav-review = Review
review-title = Changes waiting for review
review-intro = Editors' changes to published records wait here until an admin approves them; until then the public sees the record as it was. Approving checks the change again and saves it in the editor's name; a record changed since cannot take it: reject it and ask the editor to make it again.
review-none = No change is waiting.
review-record = Open the record
review-approve = Approve and publish
review-reject = Reject
review-done-approved = Approved: the change is saved and public.
review-done-rejected = Rejected: the change is gone; the record is as it was.
review-pending = Your change (saved by { $editor }, { $at }) waits for an admin's review: this form shows it, the public still sees the record as it was. Saving again replaces it.
review-pending-admin = A change by { $editor } ({ $at }) waits for review; this form shows the record as it is.
review-open = Review it
revision-of-person = Person
revision-of-wave = Release wave
revision-of-source = Source
revision-of-facility = Facility
revision-of-figure = Reported figure
audit-change_approved = Change approved
audit-change_rejected = Change rejected
