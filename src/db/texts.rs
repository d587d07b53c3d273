//! Record content in several languages (migration 0011): a person's occupation, region and
//! biography, a wave's name and notes, an event's description. The record's own columns hold its original text, in the
//! language `text_lang` names; `person_texts` and `wave_texts` hold one translation per language.
//!
//! Pages choose per text ([`choose`]): the page's language, else the original, else English,
//! Belarusian, Russian; a text shown in another language than the page's says so.
//! Editors save all translations of a record at once ([`save`]) under the rules of every admin
//! form: a save over a newer version is refused, and each save is a revision.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use sqlx::{PgConnection, Postgres, Transaction};

use super::revisions::{Document, RecordKind};
use crate::i18n::Lang;

/// A text a page shows, in the language it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// The language the text is in (`be`).
    pub lang: Lang,
    /// Not the page's language: the page says so and marks the element with `lang`.
    pub foreign: bool,
    /// The text exists in this one language only (the note then says "only in …").
    pub only: bool,
}

impl Shown {
    /// The `lang` attribute its element needs: only when it is not in the page's language.
    pub fn lang_attr(&self) -> Option<&'static str> {
        self.foreign.then(|| self.lang.code())
    }

    /// The message that says which language it is shown in (`None` in the page's language).
    pub fn note_key(&self) -> Option<&'static str> {
        self.foreign.then_some(if self.only { "text-only-in" } else { "text-not-translated" })
    }
}

/// The text to show on a page in `want`: the record's `original` (its language and text, if
/// any) or one of its `translations` (language code and text, as stored): `want`, else the
/// original, else en, be, ru. A translation in the original's own language is ignored: the
/// original is that language's text.
pub fn choose<'a>(
    want: Lang,
    original: (Lang, Option<&'a str>),
    translations: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) -> Option<Shown> {
    let mut texts = vec![original];
    texts.extend(
        translations
            .into_iter()
            .filter_map(|(code, text)| Some((Lang::from_code(code)?, text)))
            .filter(|(lang, _)| *lang != original.0),
    );
    let has = |lang: Lang| texts.iter().find(|(l, t)| *l == lang && t.is_some()).and_then(|(_, t)| *t);
    let available = Lang::ALL.into_iter().filter(|l| has(*l).is_some()).count();
    [want, original.0, Lang::En, Lang::Be, Lang::Ru].into_iter().find_map(|lang| {
        has(lang).map(|text| Shown { text: text.to_owned(), lang, foreign: lang != want, only: available == 1 })
    })
}

/// A free-text field that has translations.
#[derive(Debug, Clone, Copy)]
pub struct TextField {
    /// The column in the record's table and its translations table.
    pub name: &'static str,
    pub max_chars: usize,
    /// Typed in a text area.
    pub long: bool,
    /// The field of each language in forms and revisions, in the order of [`Lang::ALL`].
    keys: [&'static str; 3],
}

impl TextField {
    /// The form's and the revision's name of this field in `lang`: `biography_be`.
    pub fn key(&self, lang: Lang) -> &'static str {
        self.keys[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
    }
}

/// The kinds of record whose content has translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Person,
    Wave,
    Event,
}

const PERSON_FIELDS: &[TextField] = &[
    TextField {
        name: "occupation",
        max_chars: 500,
        long: false,
        keys: ["occupation_en", "occupation_be", "occupation_ru"],
    },
    TextField { name: "region", max_chars: 200, long: false, keys: ["region_en", "region_be", "region_ru"] },
    TextField {
        name: "biography",
        max_chars: 20000,
        long: true,
        keys: ["biography_en", "biography_be", "biography_ru"],
    },
];

const WAVE_FIELDS: &[TextField] = &[
    TextField {
        name: "wave_name",
        max_chars: 300,
        long: false,
        keys: ["wave_name_en", "wave_name_be", "wave_name_ru"],
    },
    TextField { name: "notes", max_chars: 20000, long: true, keys: ["notes_en", "notes_be", "notes_ru"] },
];

const EVENT_FIELDS: &[TextField] = &[TextField {
    name: "description",
    max_chars: 5000,
    long: true,
    keys: ["description_en", "description_be", "description_ru"],
}];

impl Owner {
    pub fn fields(self) -> &'static [TextField] {
        match self {
            Owner::Person => PERSON_FIELDS,
            Owner::Wave => WAVE_FIELDS,
            Owner::Event => EVENT_FIELDS,
        }
    }

    /// The part of admin addresses after `/admin/`.
    pub fn path(self) -> &'static str {
        self.kind().path()
    }

    /// The kind of its revisions.
    pub fn kind(self) -> RecordKind {
        match self {
            Owner::Person => PersonTexts::KIND,
            Owner::Wave => WaveTexts::KIND,
            Owner::Event => EventTexts::KIND,
        }
    }
}

/// All the translations of one record, as the texts form edits them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextsDoc {
    /// The language of the record's own text: `en`, `be` or `ru`.
    pub original: String,
    /// Language → field → text; only what has text.
    pub texts: BTreeMap<String, BTreeMap<String, String>>,
}

impl TextsDoc {
    pub fn get(&self, lang: Lang, field: &str) -> Option<&str> {
        self.texts.get(lang.code())?.get(field).map(String::as_str)
    }

    /// Every field of every language as text, for revisions.
    fn fields(&self, owner: Owner) -> Vec<(&'static str, String)> {
        let mut fields = vec![("text_lang", self.original.clone())];
        for lang in Lang::ALL {
            for field in owner.fields() {
                fields.push((field.key(lang), self.get(lang, field.name).unwrap_or_default().to_owned()));
            }
        }
        fields
    }
}

/// A person's translations, as their revisions store them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonTexts(pub TextsDoc);

/// A wave's translations, as their revisions store them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WaveTexts(pub TextsDoc);

/// An event's translations, as their revisions store them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventTexts(pub TextsDoc);

impl Document for EventTexts {
    const KIND: RecordKind = RecordKind::EventTexts;

    fn fields(&self) -> Vec<(&'static str, String)> {
        self.0.fields(Owner::Event)
    }
}

impl Document for PersonTexts {
    const KIND: RecordKind = RecordKind::PersonTexts;

    fn fields(&self) -> Vec<(&'static str, String)> {
        self.0.fields(Owner::Person)
    }
}

impl Document for WaveTexts {
    const KIND: RecordKind = RecordKind::WaveTexts;

    fn fields(&self) -> Vec<(&'static str, String)> {
        self.0.fields(Owner::Wave)
    }
}

/// The translations of a record as stored, with what a form needs besides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTexts {
    pub doc: TextsDoc,
    /// The version of each stored translation; a language without one is not listed.
    pub versions: BTreeMap<String, i32>,
    /// The record's own text, field by field (for the form to show beside the translations).
    pub original: Vec<(&'static str, Option<String>)>,
    /// The record's name, for headings.
    pub title: String,
    /// The person the record belongs to (a person's own id, an event's person), for revisions.
    pub person_id: Option<i64>,
    /// Its public page, when published.
    pub public_path: Option<String>,
}

/// One stored translation, as the queries return it.
#[derive(Debug, Deserialize)]
struct Row {
    lang: String,
    version: i32,
    #[serde(flatten)]
    texts: BTreeMap<String, Option<String>>,
}

fn stored(
    original_lang: String,
    original: Vec<(&'static str, Option<String>)>,
    rows: Vec<Row>,
    title: String,
    person_id: Option<i64>,
    public_path: Option<String>,
) -> StoredTexts {
    let mut doc = TextsDoc { original: original_lang, texts: BTreeMap::new() };
    let mut versions = BTreeMap::new();
    for row in rows {
        versions.insert(row.lang.clone(), row.version);
        let texts: BTreeMap<String, String> =
            row.texts.into_iter().filter_map(|(field, text)| Some((field, text?))).collect();
        if !texts.is_empty() {
            doc.texts.insert(row.lang, texts);
        }
    }
    StoredTexts { doc, versions, original, title, person_id, public_path }
}

/// The translations of the person or wave `id`; `for_update` locks the record's row until the
/// transaction ends, so that saves of its texts take turns.
pub async fn load(
    conn: &mut PgConnection,
    owner: Owner,
    id: i64,
    for_update: bool,
) -> sqlx::Result<Option<StoredTexts>> {
    match owner {
        Owner::Person => {
            if for_update {
                sqlx::query!("select id from people where id = $1 for update", id).fetch_optional(&mut *conn).await?;
            }
            let row = sqlx::query!(
                r#"
                select p.text_lang, p.occupation, p.region, p.biography, p.slug,
                       p.public as "published!",
                       coalesce(person_display_name(p.id, 'en'), p.slug) as "title!",
                       (select coalesce(json_agg(json_build_object(
                                'lang', t.lang, 'version', t.version, 'occupation', t.occupation,
                                'region', t.region, 'biography', t.biography) order by t.lang), '[]')
                        from person_texts t where t.person_id = p.id) as "rows!: Json<Vec<Row>>"
                from people p where p.id = $1
                "#,
                id
            )
            .fetch_optional(&mut *conn)
            .await?;
            Ok(row.map(|r| {
                let original = vec![("occupation", r.occupation), ("region", r.region), ("biography", r.biography)];
                let public = r.published.then(|| format!("/prisoners/{}", r.slug));
                stored(r.text_lang, original, r.rows.0, r.title, Some(id), public)
            }))
        }
        Owner::Wave => {
            if for_update {
                sqlx::query!("select id from waves where id = $1 for update", id).fetch_optional(&mut *conn).await?;
            }
            let row = sqlx::query!(
                r#"
                select w.text_lang, w.name, w.notes, w.slug,
                       w.publication = 'published' as "published!",
                       (select coalesce(json_agg(json_build_object(
                                'lang', t.lang, 'version', t.version, 'wave_name', t.name, 'notes', t.notes)
                                order by t.lang), '[]')
                        from wave_texts t where t.wave_id = w.id) as "rows!: Json<Vec<Row>>"
                from waves w where w.id = $1
                "#,
                id
            )
            .fetch_optional(&mut *conn)
            .await?;
            Ok(row.map(|r| {
                let original = vec![("wave_name", Some(r.name.clone())), ("notes", r.notes)];
                let public = r.published.then(|| format!("/waves/{}", r.slug));
                stored(r.text_lang, original, r.rows.0, r.name, None, public)
            }))
        }
        Owner::Event => {
            if for_update {
                sqlx::query!("select id from events where id = $1 for update", id).fetch_optional(&mut *conn).await?;
            }
            let row = sqlx::query!(
                r#"
                select e.text_lang, e.description, e.person_id, p.slug,
                       p.public as "published!",
                       coalesce(person_display_name(p.id, 'en'), p.slug) || ', '
                           || partial_date_iso(e.occurred_on, e.occurred_precision) as "title!",
                       (select coalesce(json_agg(json_build_object(
                                'lang', t.lang, 'version', t.version, 'description', t.description)
                                order by t.lang), '[]')
                        from event_texts t where t.event_id = e.id) as "rows!: Json<Vec<Row>>"
                from events e join people p on p.id = e.person_id where e.id = $1
                "#,
                id
            )
            .fetch_optional(&mut *conn)
            .await?;
            Ok(row.map(|r| {
                let original = vec![("description", Some(r.description))];
                let public = r.published.then(|| format!("/prisoners/{}", r.slug));
                stored(r.text_lang, original, r.rows.0, r.title, Some(r.person_id), public)
            }))
        }
    }
}

/// What a save found.
#[derive(Debug)]
pub enum Saved {
    /// Saved over what the form was loaded from; here is what was there before.
    Done(StoredTexts),
    /// Someone saved after the form was loaded: nothing was written; here is what they saved.
    Stale(StoredTexts),
    NotFound,
}

/// Saves `doc` as the translations of record `id`, if what is stored is still what the form was
/// loaded from: the original language `original_was` and the translation `versions`.
pub async fn save(
    tx: &mut Transaction<'_, Postgres>,
    owner: Owner,
    id: i64,
    original_was: &str,
    versions: &BTreeMap<String, i32>,
    doc: &TextsDoc,
) -> sqlx::Result<Saved> {
    let Some(current) = load(tx, owner, id, true).await? else { return Ok(Saved::NotFound) };
    if current.doc.original != original_was || &current.versions != versions {
        return Ok(Saved::Stale(current));
    }
    let text = |lang: Lang, field: &str| doc.get(lang, field).map(str::to_owned);
    match owner {
        Owner::Person => {
            sqlx::query!(
                "update people set text_lang = $2 where id = $1 and text_lang is distinct from $2",
                id,
                doc.original
            )
            .execute(&mut **tx)
            .await?;
        }
        Owner::Wave => {
            sqlx::query!(
                "update waves set text_lang = $2 where id = $1 and text_lang is distinct from $2",
                id,
                doc.original
            )
            .execute(&mut **tx)
            .await?;
        }
        Owner::Event => {
            sqlx::query!(
                "update events set text_lang = $2 where id = $1 and text_lang is distinct from $2",
                id,
                doc.original
            )
            .execute(&mut **tx)
            .await?;
        }
    }
    for lang in Lang::ALL {
        let code = lang.code();
        let empty = doc.texts.get(code).is_none_or(BTreeMap::is_empty);
        match (owner, empty) {
            (Owner::Person, true) => {
                sqlx::query!("delete from person_texts where person_id = $1 and lang = $2", id, code)
                    .execute(&mut **tx)
                    .await?;
            }
            (Owner::Wave, true) => {
                sqlx::query!("delete from wave_texts where wave_id = $1 and lang = $2", id, code)
                    .execute(&mut **tx)
                    .await?;
            }
            (Owner::Event, true) => {
                sqlx::query!("delete from event_texts where event_id = $1 and lang = $2", id, code)
                    .execute(&mut **tx)
                    .await?;
            }
            (Owner::Event, false) => {
                sqlx::query!(
                    r#"
                    insert into event_texts (event_id, lang, description)
                    values ($1, $2, $3)
                    on conflict (event_id, lang) do update
                    set description = excluded.description, version = event_texts.version + 1
                    where event_texts.description is distinct from excluded.description
                    "#,
                    id,
                    code,
                    text(lang, "description"),
                )
                .execute(&mut **tx)
                .await?;
            }
            (Owner::Person, false) => {
                sqlx::query!(
                    r#"
                    insert into person_texts (person_id, lang, occupation, region, biography)
                    values ($1, $2, $3, $4, $5)
                    on conflict (person_id, lang) do update
                    set occupation = excluded.occupation, region = excluded.region,
                        biography = excluded.biography, version = person_texts.version + 1
                    where (person_texts.occupation, person_texts.region, person_texts.biography)
                          is distinct from (excluded.occupation, excluded.region, excluded.biography)
                    "#,
                    id,
                    code,
                    text(lang, "occupation"),
                    text(lang, "region"),
                    text(lang, "biography"),
                )
                .execute(&mut **tx)
                .await?;
            }
            (Owner::Wave, false) => {
                sqlx::query!(
                    r#"
                    insert into wave_texts (wave_id, lang, name, notes)
                    values ($1, $2, $3, $4)
                    on conflict (wave_id, lang) do update
                    set name = excluded.name, notes = excluded.notes, version = wave_texts.version + 1
                    where (wave_texts.name, wave_texts.notes) is distinct from (excluded.name, excluded.notes)
                    "#,
                    id,
                    code,
                    text(lang, "wave_name"),
                    text(lang, "notes"),
                )
                .execute(&mut **tx)
                .await?;
            }
        }
    }
    Ok(Saved::Done(current))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_shows_its_language_then_the_original_then_en_be_ru() {
        let texts = [("en", Some("In English")), ("be", Some("Па-беларуску")), ("ru", None)];
        let cases = [
            (Lang::Be, Lang::En, Lang::Be, false, "the page's own language wins"),
            (Lang::Ru, Lang::Be, Lang::Be, true, "no Russian: the original"),
            (Lang::Ru, Lang::Ru, Lang::En, true, "no Russian original text: English before Belarusian"),
            (Lang::En, Lang::Be, Lang::En, false, "English page, English text"),
        ];
        for (want, original, lang, foreign, why) in cases {
            let own = texts.iter().find(|(code, _)| *code == original.code()).and_then(|(_, t)| *t);
            let shown = choose(want, (original, own), texts).expect(why);
            assert_eq!((shown.lang, shown.foreign, shown.only), (lang, foreign, false), "{why}");
        }
        let only = choose(Lang::En, (Lang::Ru, Some("По-русски")), [("en", None)]).unwrap();
        assert_eq!((only.lang, only.foreign, only.only), (Lang::Ru, true, true), "one language: only");
        assert_eq!(choose(Lang::En, (Lang::En, None), []), None, "no text at all");
        let ignored = choose(Lang::Be, (Lang::Be, None), [("be", Some("a stale row")), ("ru", Some("Русский"))]);
        assert_eq!(ignored.map(|s| s.lang), Some(Lang::Ru), "a row in the original's language is not shown");
    }

    #[test]
    fn revisions_name_every_field_of_every_language() {
        let mut doc = TextsDoc { original: "en".into(), texts: BTreeMap::new() };
        doc.texts.insert("be".into(), BTreeMap::from([("biography".to_owned(), "Тэкст".to_owned())]));
        let fields = PersonTexts(doc).fields();
        assert_eq!(fields.len(), 1 + 3 * 3);
        assert!(fields.contains(&("biography_be", "Тэкст".to_owned())));
        assert!(fields.contains(&("text_lang", "en".to_owned())));
    }
}
