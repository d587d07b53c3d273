# Record content in several languages: notes on public pages and the admin page for translations.

## A text shown in another language than the page's. $lang is its language code.
text-only-in = { $lang ->
    [be] This text is available only in Belarusian.
    [ru] This text is available only in Russian.
   *[en] This text is available only in English.
}
text-not-translated = { $lang ->
    [be] This text has not been translated into English; it is shown in Belarusian.
    [ru] This text has not been translated into English; it is shown in Russian.
   *[en] This text has not been translated into English yet.
}

## The admin page of a record's texts in other languages.
texts-link = Texts in other languages
texts-admin = Admin
texts-title = Texts in other languages: { $name }
texts-back = Back to the record
texts-public-page = Public page
texts-intro = The record's own text, typed on its form, is the original. Say here which language it is in, and add the same text in the other languages. Translate only what the original says. A page in a language without a text shows the original, or another translation, with a note saying so. Leave a field empty where there is no translation.
texts-saved = Saved.
texts-conflict-heading = Someone saved these texts while you were editing
texts-conflict-intro = Nothing of yours is lost: your version is in the form below. Where the two differ:
texts-conflict-again = Save again to put your version in place of theirs.
texts-col-field = Field
texts-col-theirs = Saved meanwhile
texts-col-yours = Yours
texts-col-before = Before
texts-col-after = After
texts-original-heading = Original text
texts-original-empty = (empty)
texts-original-lang = Language of the original text
texts-in-en = In English
texts-in-be = In Belarusian
texts-in-ru = In Russian
texts-is-original = The original text is in this language: it is edited on the record's own form.
texts-field-occupation = Occupation
texts-field-region = Region
texts-field-biography = Biography
texts-field-wave_name = Name
texts-field-notes = Notes
texts-field-description = Description
texts-save = Save
texts-save-mine = Save my version
texts-history-heading = Changes to these texts
texts-history-none = No change has been saved here yet.
texts-deleted-account = a deleted account
texts-unchanged = Saved without changes.
texts-error-language = Choose English, Belarusian or Russian.
texts-error-original-language = The original text is in this language; change it on the record's own form, or choose another language for the original.
texts-error-characters = Remove the control characters from this text.
texts-error-too-long = At most { $max } characters (this has { $count }).
texts-form-incomplete = The form lacks the versions it was loaded at; reload it.

## Fields of these texts in revisions and in the public change log.
field-text_lang = Language of the original text
field-occupation_en = Occupation in English
field-occupation_be = Occupation in Belarusian
field-occupation_ru = Occupation in Russian
field-region_en = Region in English
field-region_be = Region in Belarusian
field-region_ru = Region in Russian
field-biography_en = Biography in English
field-biography_be = Biography in Belarusian
field-biography_ru = Biography in Russian
field-wave_name_en = Name in English
field-wave_name_be = Name in Belarusian
field-wave_name_ru = Name in Russian
field-notes_en = Notes in English
field-notes_be = Notes in Belarusian
field-notes_ru = Notes in Russian
field-description_en = Description in English
field-description_be = Description in Belarusian
field-description_ru = Description in Russian
