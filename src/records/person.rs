//! A person as one document (the row, their names in every spelling, citizenships): the person
//! form as typed with its repeating name rows, its validation, which the CSV import shares, and
//! the SQL that loads, inserts and saves a person over the version loaded.

use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use sqlx::{PgConnection, Postgres, Transaction};
use time::OffsetDateTime;

use super::{At, Context, Editor, FieldErrors, Reader, Record, Stored, Subject, Values, field_error};
use crate::db::Tx;
use crate::db::revisions::{self, Document, RecordKind, Revision};
use crate::domain::translit::language_of;
use crate::domain::{
    ConsentGiver, NameKind, NamingBasis, PartialDate, PersonIdentity, Precision, PublicationState, Sex, Slug,
};
use crate::i18n::{Lang, Message};
use crate::search::key::name_key;

/// Everything the person form edits. Revisions store it as JSON, before and after each save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDoc {
    pub slug: String,
    pub publication: PublicationState,
    pub sex: Option<Sex>,
    pub born: Option<PartialDate>,
    pub occupation: Option<String>,
    pub region: Option<String>,
    pub biography: Option<String>,
    pub names: Vec<NameDoc>,
    /// ISO 3166 codes, sorted.
    pub citizenships: Vec<String>,
    /// Withheld: counted in public numbers, never shown (revisions before it read as named).
    #[serde(default = "named")]
    pub identity: PersonIdentity,
    /// Why a named person may be published; `consent` holds the consent when it is one.
    pub naming_basis: Option<NamingBasis>,
    pub consent: Option<Consent>,
    /// Internal: staff only, never exported (`domain::visibility`).
    #[serde(default)]
    pub internal_notes: Option<String>,
    /// The day an editor last checked this person's facts against the sources: public, and
    /// kept apart from when the record was last edited (an edit is not a check).
    #[serde(default)]
    pub last_checked: Option<PartialDate>,
}

fn named() -> PersonIdentity {
    PersonIdentity::Named
}

/// Who consented to a person being named, when, and for which purposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub by: ConsentGiver,
    pub on: PartialDate,
    pub publish: bool,
    pub advocacy: bool,
    pub un_bodies: bool,
}

impl Consent {
    /// The purposes as their keys (`publish, advocacy, un_bodies`), for revisions.
    fn purposes(&self) -> String {
        let chosen = [(self.publish, "publish"), (self.advocacy, "advocacy"), (self.un_bodies, "un_bodies")];
        chosen.iter().filter(|(on, _)| *on).map(|(_, key)| *key).collect::<Vec<_>>().join(", ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameDoc {
    pub name: String,
    pub lang: Option<String>,
    pub script: String,
    pub kind: NameKind,
}

impl Document for PersonDoc {
    const KIND: RecordKind = RecordKind::Person;

    fn fields(&self) -> Vec<(&'static str, String)> {
        let names = self
            .names
            .iter()
            .map(|n| format!("{} ({}, {}, {})", n.name, n.lang.as_deref().unwrap_or("–"), n.script, n.kind.as_str()))
            .collect::<Vec<_>>()
            .join("; ");
        vec![
            ("names", names),
            ("slug", self.slug.clone()),
            ("publication", self.publication.as_str().to_owned()),
            ("sex", self.sex.map(|s| s.as_str().to_owned()).unwrap_or_default()),
            ("born", self.born.map(|d| d.to_string()).unwrap_or_default()),
            ("occupation", self.occupation.clone().unwrap_or_default()),
            ("region", self.region.clone().unwrap_or_default()),
            ("biography", self.biography.clone().unwrap_or_default()),
            ("citizenships", self.citizenships.join(", ")),
            ("identity", self.identity.as_str().to_owned()),
            ("naming_basis", self.naming_basis.map(|b| b.as_str().to_owned()).unwrap_or_default()),
            (
                "consent",
                self.consent.as_ref().map(|c| format!("{}, {}: {}", c.by, c.on, c.purposes())).unwrap_or_default(),
            ),
            ("internal_notes", self.internal_notes.clone().unwrap_or_default()),
            ("last_checked", self.last_checked.map(|d| d.to_string()).unwrap_or_default()),
        ]
    }
}

/// Name rows a form can carry; the form shows the names recorded and two empty rows.
pub const MAX_NAMES: usize = 12;

/// One name row as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct NameRow {
    pub name: String,
    pub lang: String,
    pub script: String,
    pub kind: String,
}

/// The form as typed: every field a string, so that whatever was typed can be shown again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub slug: String,
    pub publication: String,
    pub sex: String,
    pub born: String,
    pub occupation: String,
    pub region: String,
    pub biography: String,
    pub citizenships: String,
    pub identity: String,
    pub naming_basis: String,
    pub consent_by: String,
    pub consent_on: String,
    /// Checkboxes: `yes` when ticked.
    pub consent_publish: String,
    pub consent_advocacy: String,
    pub consent_un_bodies: String,
    pub internal_notes: String,
    pub last_checked: String,
    #[serde(skip)]
    pub names: Vec<NameRow>,
    /// The editor has seen the warning about likely duplicates and goes ahead.
    #[serde(skip)]
    pub confirm_duplicate: bool,
}

impl PersonForm {
    /// Reads the posted fields; unknown ones are ignored.
    pub fn read(values: &Values) -> PersonForm {
        let names = super::rows(values, MAX_NAMES);
        let confirm_duplicate = values.get("confirm_duplicate").is_some_and(|v| v == "yes");
        PersonForm { names, confirm_duplicate, ..super::typed(values) }
    }

    /// The form filled from a stored person.
    pub fn from_doc(doc: &PersonDoc) -> PersonForm {
        let names = doc.names.iter().map(|n| super::typed(&super::form_values(n, &[])));
        let consent = doc.consent.as_ref();
        let tick = |on: fn(&Consent) -> bool| if consent.is_some_and(on) { "yes".to_owned() } else { String::new() };
        PersonForm {
            citizenships: doc.citizenships.join(", "),
            names: names.collect(),
            consent_by: consent.map(|c| c.by.as_str().to_owned()).unwrap_or_default(),
            consent_on: consent.map(|c| c.on.to_string()).unwrap_or_default(),
            consent_publish: tick(|c| c.publish),
            consent_advocacy: tick(|c| c.advocacy),
            consent_un_bodies: tick(|c| c.un_bodies),
            ..super::typed(&super::form_values(doc, &[]))
        }
    }

    /// The name rows to show: those typed, then empty ones to add more.
    pub fn rows(&self) -> Vec<NameRow> {
        let mut rows = self.names.clone();
        let blanks = if rows.is_empty() { 3 } else { 2 };
        rows.extend(std::iter::repeat_n(NameRow::default(), blanks));
        rows.truncate(MAX_NAMES);
        rows
    }

    /// Checks everything and builds the document to save. `countries` are the valid codes;
    /// `may_publish` is false for editors, who keep drafts drafts and published records published.
    pub fn validate(
        &self,
        countries: &[String],
        may_publish: bool,
        current: Option<PublicationState>,
    ) -> Result<PersonDoc, FieldErrors> {
        let mut r = Reader::default();
        let names = self.names(&mut r.errors);
        let slug = r.slug("slug", &self.slug, || slug_from(&names));
        if slug.is_none() && !r.failed("slug") && !names.is_empty() {
            r.fail("slug", Message::new("error-slug-from-name"));
        }
        let sex = r.optional_key("sex", &self.sex, Sex::from_key);
        let born = r.optional_date("born", &self.born);
        let last_checked = r.optional_date("last_checked", &self.last_checked);
        if let Some(day) = last_checked {
            let today = OffsetDateTime::now_utc().date();
            if day.precision() != Precision::Day {
                r.fail("last_checked", Message::new("error-last-checked-day"));
            } else if day.start() > today {
                r.fail("last_checked", Message::new("error-last-checked-future"));
            }
        }
        let mut text = |field: &str, value: &str, max: usize| -> Option<String> {
            let value = value.trim();
            if value.chars().count() > max {
                let count = value.chars().count();
                r.fail(field, Message::new("error-too-long-count").number("max", max).number("count", count));
            } else if let Err(found) = crate::domain::text::check(value) {
                r.fail(field, found.message());
            }
            (!value.is_empty()).then(|| value.to_owned())
        };
        let occupation = text("occupation", &self.occupation, 500);
        let region = text("region", &self.region, 200);
        let biography = text("biography", &self.biography, 20_000);
        let internal_notes = text("internal_notes", &self.internal_notes, super::NOTES_MAX);
        let mut citizenships = Vec::new();
        for code in self.citizenships.split(|c: char| c == ',' || c.is_whitespace()).filter(|c| !c.is_empty()) {
            let code = code.to_ascii_uppercase();
            if !countries.contains(&code) {
                r.errors.insert("citizenships".into(), Message::new("error-citizenship-code").arg("code", &code));
            } else if !citizenships.contains(&code) {
                citizenships.push(code);
            }
        }
        citizenships.sort();
        let publication = r.publication(&self.publication, may_publish, current);
        let (identity, naming_basis, consent) = self.naming(&mut r, publication);
        let doc = slug.map(|slug| PersonDoc {
            slug,
            publication,
            sex,
            born,
            occupation,
            region,
            biography,
            names,
            citizenships,
            identity,
            naming_basis,
            consent,
            internal_notes,
            last_checked,
        });
        r.finish(doc)
    }

    /// Identity, naming basis and consent: a named person is published only on a basis that
    /// allows it (the sources, or a consent to publish); consent details count only with a
    /// consent, which needs who and when.
    fn naming(
        &self,
        r: &mut Reader<'_>,
        publication: PublicationState,
    ) -> (PersonIdentity, Option<NamingBasis>, Option<Consent>) {
        let identity =
            r.optional_key("identity", &self.identity, PersonIdentity::from_key).unwrap_or(PersonIdentity::Named);
        let basis = r.optional_key("naming_basis", &self.naming_basis, NamingBasis::from_key);
        let mut consent = None;
        if basis == Some(NamingBasis::Consent) {
            let by = r.optional_key("consent_by", &self.consent_by, ConsentGiver::from_key);
            let on = r.optional_date("consent_on", &self.consent_on);
            for (field, value) in [("consent_by", by.is_some()), ("consent_on", on.is_some())] {
                if !value {
                    r.fail(field, Message::new("error-consent-incomplete"));
                }
            }
            let ticked = |v: &str| v == "yes";
            consent = by.zip(on).map(|(by, on)| Consent {
                by,
                on,
                publish: ticked(&self.consent_publish),
                advocacy: ticked(&self.consent_advocacy),
                un_bodies: ticked(&self.consent_un_bodies),
            });
        }
        if publication == PublicationState::Published && identity == PersonIdentity::Named && !r.failed("naming_basis")
        {
            match basis {
                None => r.fail("naming_basis", Message::new("error-naming-basis-needed")),
                Some(NamingBasis::Consent) if !self.consent_publish.eq("yes") => {
                    r.fail("naming_basis", Message::new("error-naming-consent-not-to-publish"))
                }
                _ => {}
            }
        }
        (identity, basis, consent)
    }

    /// The names typed, each checked (a message per row on the field that is wrong).
    fn names(&self, errors: &mut FieldErrors) -> Vec<NameDoc> {
        let mut names = Vec::new();
        let mut primaries = Vec::new();
        for (i, row) in self.names.iter().enumerate() {
            let name = row.name.trim();
            if name.is_empty() {
                if !(row.lang.trim().is_empty() && row.script.trim().is_empty()) {
                    errors.insert(format!("name_{i}"), Message::new("error-name-missing"));
                }
                continue;
            }
            if name.chars().count() > 300 {
                errors.insert(format!("name_{i}"), Message::new("error-name-too-long").arg("max", 300));
                continue;
            }
            // A name is one line: not even a tab.
            if let Some(c) = name.chars().find(|c| c.is_control()) {
                errors.insert(format!("name_{i}"), crate::domain::text::ControlCharacter(c).message());
                continue;
            }
            let lang = row.lang.trim().to_lowercase();
            let lang = if lang.is_empty() {
                language_of(name)
            } else if (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase()) {
                Some(lang)
            } else {
                errors.insert(format!("lang_{i}"), Message::new("error-language-code"));
                continue;
            };
            let script = match row.script.trim() {
                "" if name.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) => "Cyrl".to_owned(),
                "" => "Latn".to_owned(),
                s if s.len() == 4
                    && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && s.chars().skip(1).all(|c| c.is_ascii_lowercase()) =>
                {
                    s.to_owned()
                }
                _ => {
                    errors.insert(format!("script_{i}"), Message::new("error-script-code"));
                    continue;
                }
            };
            let kind = match NameKind::from_key(row.kind.trim()) {
                Some(kind) => kind,
                // Left blank: the first name in a language is its main name, the others spellings.
                None if row.kind.trim().is_empty() => {
                    if primaries.contains(&lang) {
                        NameKind::Transliteration
                    } else {
                        NameKind::Primary
                    }
                }
                None => {
                    errors.insert(format!("kind_{i}"), Message::new("error-name-kind"));
                    continue;
                }
            };
            if kind == NameKind::Primary {
                if primaries.contains(&lang) {
                    errors.insert(format!("kind_{i}"), Message::new("error-name-primary-twice"));
                    continue;
                }
                primaries.push(lang.clone());
            }
            if names.iter().any(|n: &NameDoc| n.name == name) {
                errors.insert(format!("name_{i}"), Message::new("error-name-twice"));
                continue;
            }
            names.push(NameDoc { name: name.to_owned(), lang, script, kind });
        }
        if names.is_empty() && !errors.keys().any(|k| k.starts_with("name_")) {
            errors.insert("name_0".into(), Message::new("error-person-no-name"));
        }
        names
    }
}

/// The address made from a person's names: the first main name in Latin script (else the first
/// Latin name, else the first name, romanised as the English-language press does), in lower-case
/// ASCII words: `Ihar Losik` → `ihar-losik`, `Игорь Лосик` → `igor-losik`.
pub fn slug_from(names: &[NameDoc]) -> Option<String> {
    let latin = |n: &&NameDoc| n.script == "Latn";
    let chosen = names
        .iter()
        .filter(latin)
        .find(|n| n.kind == NameKind::Primary)
        .or_else(|| names.iter().find(latin))
        .or_else(|| names.first())?;
    // Russian spelling (и, щ, ъ) or a Russian name reads as Russian; other Cyrillic as Belarusian.
    let russian = chosen.lang.as_deref() == Some("ru")
        || (chosen.lang.as_deref() != Some("be")
            && chosen.name.chars().any(|c| matches!(c, 'и' | 'И' | 'щ' | 'Щ' | 'ъ' | 'Ъ')));
    let romanised = if russian {
        crate::domain::translit::russian_passport(&chosen.name)
    } else {
        crate::domain::translit::belarusian_bgn(&chosen.name)
    };
    Slug::from_text(&romanised).map(|s| s.to_string())
}

impl Record for PersonDoc {
    const CITABLE: bool = true;

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        let row = sqlx::query!(
            r#"
            select p.id, p.version,
                   to_jsonb(p) || jsonb_build_object(
                       'born', partial_date_iso(p.born_on, p.born_precision),
                       'consent', case when p.consent_by is not null then jsonb_build_object(
                           'by', p.consent_by, 'on', partial_date_iso(p.consent_on, p.consent_precision),
                           'publish', p.consent_publish, 'advocacy', p.consent_advocacy,
                           'un_bodies', p.consent_un_bodies) end,
                       'names', (select coalesce(jsonb_agg(jsonb_build_object(
                                     'name', n.name, 'lang', n.lang, 'script', n.script, 'kind', n.kind) order by n.id), '[]')
                                 from person_names n where n.person_id = p.id),
                       'citizenships', (select coalesce(jsonb_agg(c.country order by c.country), '[]')
                                        from person_citizenships c where c.person_id = p.id)) as "doc!: Json<PersonDoc>"
            from people p where p.id = $1
            "#,
            id
        )
        .fetch_optional(conn)
        .await?;
        // A person's revisions belong to their own case.
        Ok(row.map(|r| Stored { id: r.id, version: r.version, person_id: Some(r.id), owner: None, doc: r.doc.0 }))
    }

    fn publication(&self) -> Option<PublicationState> {
        Some(self.publication)
    }

    fn title(&self, _lang: Lang) -> String {
        self.names.first().map_or_else(|| self.slug.clone(), |n| n.name.clone())
    }

    async fn save(tx: &mut Tx, over: Option<At>, _parent: Option<Subject>, doc: &Self) -> sqlx::Result<Option<At>> {
        let (id, version) = super::over(over);
        let saved = sqlx::query!(
            r#"
            with updated as (
                update people set slug = $3, publication = $4, sex = $5, born_on = $6, born_precision = $7,
                                  occupation = $8, region = $9, biography = $10, version = version + 1,
                                  identity = $11, naming_basis = $12, consent_by = $13, consent_on = $14,
                                  consent_precision = $15, consent_publish = $16, consent_advocacy = $17,
                                  consent_un_bodies = $18, internal_notes = $19, last_checked = $20
                where id = $1 and version = $2
                returning id, version
            ), inserted as (
                insert into people (slug, publication, sex, born_on, born_precision, occupation, region, biography,
                                    identity, naming_basis, consent_by, consent_on, consent_precision,
                                    consent_publish, consent_advocacy, consent_un_bodies, internal_notes,
                                    last_checked)
                select $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20
                where $1::bigint is null
                returning id, version
            )
            select id as "id!", version as "version!" from updated union all select id, version from inserted
            "#,
            id,
            version,
            doc.slug,
            doc.publication as PublicationState,
            doc.sex as Option<Sex>,
            doc.born.map(|d| d.start()),
            doc.born.map(|d| d.precision()) as _,
            doc.occupation,
            doc.region,
            doc.biography,
            doc.identity as PersonIdentity,
            doc.naming_basis as Option<NamingBasis>,
            doc.consent.as_ref().map(|c| c.by) as Option<ConsentGiver>,
            doc.consent.as_ref().map(|c| c.on.start()),
            doc.consent.as_ref().map(|c| c.on.precision()) as _,
            doc.consent.as_ref().is_some_and(|c| c.publish),
            doc.consent.as_ref().is_some_and(|c| c.advocacy),
            doc.consent.as_ref().is_some_and(|c| c.un_bodies),
            doc.internal_notes,
            doc.last_checked.map(|d| d.start()),
        )
        .fetch_optional(&mut **tx)
        .await?;
        let saved = saved.map(|s| (s.id, s.version));
        if let Some((id, _)) = saved {
            write_parts(tx, id, doc).await?;
        }
        Ok(saved)
    }
}

/// A person's names and citizenships, written anew with each save.
async fn write_parts(tx: &mut Transaction<'_, Postgres>, id: i64, doc: &PersonDoc) -> sqlx::Result<()> {
    sqlx::query!("delete from person_names where person_id = $1", id).execute(&mut **tx).await?;
    for n in &doc.names {
        sqlx::query!(
            "insert into person_names (person_id, name, lang, script, kind, search_key) values ($1, $2, $3, $4, $5, $6)",
            id,
            n.name,
            n.lang,
            n.script,
            n.kind as NameKind,
            name_key(&n.name),
        )
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query!("delete from person_citizenships where person_id = $1", id).execute(&mut **tx).await?;
    for country in &doc.citizenships {
        sqlx::query!("insert into person_citizenships (person_id, country) values ($1, $2)", id, country)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The field of a refusal that is the likely-duplicate warning: the box that confirms them.
pub const CONFIRM_DUPLICATE: &str = "confirm_duplicate";

impl Editor for PersonDoc {
    type Form = PersonForm;
    const DUPLICATE_FIELD: &'static str = "slug";

    fn read(values: Values) -> PersonForm {
        PersonForm::read(&values)
    }

    fn form(&self) -> PersonForm {
        PersonForm::from_doc(self)
    }

    /// The form against the countries and the addresses in use (an address made up from the
    /// names that is taken gets a number: ihar-losik-2), and a new person against the people
    /// already recorded, unless the editor has confirmed that this is someone else.
    async fn validate(
        conn: &mut PgConnection,
        form: &PersonForm,
        context: &Context,
        current: Option<&Self>,
        id: Option<i64>,
    ) -> sqlx::Result<Result<Self, FieldErrors>> {
        let mut doc = match form.validate(&context.countries, context.may_publish, current.map(|p| p.publication)) {
            Ok(doc) => doc,
            Err(errors) => return Ok(Err(errors)),
        };
        if slug_taken(conn, &doc.slug, id).await? {
            if !form.slug.trim().is_empty() {
                return Ok(Err(field_error("slug", "error-person-slug-taken")));
            }
            let base = doc.slug.clone();
            let mut n = 2;
            while slug_taken(conn, &doc.slug, id).await? {
                doc.slug = format!("{base}-{n}");
                n += 1;
            }
        }
        if id.is_none() && !form.confirm_duplicate && !lookalikes(conn, form).await?.is_empty() {
            return Ok(Err(field_error(CONFIRM_DUPLICATE, "error-summary-lookalikes")));
        }
        Ok(Ok(doc))
    }

    async fn restoring(
        _conn: &mut PgConnection,
        _id: i64,
        old: &mut Self,
        current: &Self,
        _may_publish: bool,
    ) -> sqlx::Result<()> {
        super::keep_address((&mut old.publication, &mut old.slug), (current.publication, &current.slug));
        // A restore never names someone withheld: naming is a choice made in the form.
        if current.identity == PersonIdentity::Withheld {
            old.identity = PersonIdentity::Withheld;
        }
        // Nor does it leave a person it keeps published without the basis they are named on
        // (a first version, saved as a draft, often had none yet).
        if old.naming_basis.is_none() && old.publication == PublicationState::Published {
            old.naming_basis = current.naming_basis;
            old.consent.clone_from(&current.consent);
        }
        Ok(())
    }

    fn revisions(conn: &mut PgConnection, id: i64) -> impl Future<Output = sqlx::Result<Vec<Revision>>> + Send {
        revisions::for_person(conn, id)
    }
}

/// Whether another person already has `slug` (or had it: old slugs keep redirecting).
pub async fn slug_taken(conn: &mut PgConnection, slug: &str, except: Option<i64>) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"
        select exists (select from people where slug = $1 and id is distinct from $2)
            or exists (select from person_slug_redirects where slug = $1 and person_id is distinct from $2)
            as "taken!"
        "#,
        slug,
        except
    )
    .fetch_one(conn)
    .await
}

/// Every country code, for checking citizenships.
pub async fn country_codes(conn: &mut PgConnection) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!("select code from countries order by code").fetch_all(conn).await
}

/// A person as the admin list shows them.
pub struct Listed {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub publication: PublicationState,
    pub updated_at: OffsetDateTime,
    pub identity: PersonIdentity,
}

/// The people the admin list shows for `q`: everyone, latest changed first, when it is empty;
/// else those whose names the public search's matcher finds (`db::search::people_named`: any
/// spelling, small mistakes forgiven), best match first, then those whose address or folded
/// name contains what was typed, latest changed first. Drafts and withheld people too: admins
/// see everyone. At most 100.
pub async fn find(conn: &mut PgConnection, q: &str) -> sqlx::Result<Vec<Listed>> {
    const LIMIT: i64 = 100;
    let q = q.trim();
    let named: Vec<i64> =
        crate::db::search::people_named(conn, q, LIMIT).await?.into_iter().map(|m| m.person_id).collect();
    sqlx::query_as!(
        Listed,
        r#"
        select p.id, p.slug, coalesce(person_display_name(p.id, 'en'), p.slug) as "name!",
               p.publication as "publication: PublicationState", p.updated_at,
               p.identity as "identity: PersonIdentity"
        from people p
        where $1 = '' or p.id = any($3) or p.slug like '%' || $2 || '%'
           or exists (select from person_names n where n.person_id = p.id and n.search_key like '%' || $1 || '%')
        order by array_position($3, p.id) nulls last, p.updated_at desc, p.id desc
        limit $4
        "#,
        name_key(q),
        q.to_lowercase().replace(['%', '_'], ""),
        &named,
        LIMIT,
    )
    .fetch_all(conn)
    .await
}

/// Someone already recorded who may be the same person: a name like one typed (in any
/// spelling), or the same year of birth and a name sharing a word.
#[derive(Debug, Clone)]
pub struct Lookalike {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub born: Option<PartialDate>,
}

/// People already recorded under one of the names typed in `form`, born the same year when a
/// birth date is typed.
pub async fn lookalikes(conn: &mut PgConnection, form: &PersonForm) -> sqlx::Result<Vec<Lookalike>> {
    let keys: Vec<String> = form.names.iter().map(|n| n.name.trim()).filter(|n| !n.is_empty()).map(name_key).collect();
    let born_year = form.born.trim().parse::<PartialDate>().ok().map(|d| d.start().year());
    let rows = sqlx::query!(
        r#"
        select p.id, p.slug, coalesce(person_display_name(p.id, 'en'), p.slug) as "name!",
               partial_date_iso(p.born_on, p.born_precision) as born
        from people p
        where p.id is distinct from $3
          and exists (
            select from person_names n, unnest($1::text[]) k
            where n.person_id = p.id
              and (similarity(n.search_key, k) >= 0.5
                   or ($2::int is not null and extract(year from p.born_on)::int = $2
                       and string_to_array(n.search_key, ' ') && string_to_array(k, ' '))))
        order by 3
        limit 10
        "#,
        &keys,
        born_year,
        None::<i64>,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Lookalike { id: r.id, slug: r.slug, name: r.name, born: crate::db::parse_date(r.born) })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::revisions::diff;

    fn form(pairs: &[(&str, &str)]) -> PersonForm {
        PersonForm::read(&pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    fn codes() -> Vec<String> {
        vec!["BY".into(), "LT".into(), "US".into()]
    }

    #[test]
    fn a_complete_form_becomes_a_document() {
        let doc = form(&[
            ("name_0", " Ігар Лосік "),
            ("lang_0", "be"),
            ("kind_0", "primary"),
            ("name_1", "Ihar Losik"),
            ("lang_1", "en"),
            ("kind_1", "primary"),
            ("name_2", "Igor Losik"),
            ("name_3", "Ihar Losik (alias)"),
            ("born", "summer 1992"),
            ("citizenships", "by, lt BY"),
            ("sex", "male"),
            ("publication", "published"),
            ("naming_basis", "public_sources"),
        ])
        .validate(&codes(), true, None)
        .unwrap();
        assert_eq!(doc.slug, "ihar-losik", "made from the first name, in Latin letters");
        assert_eq!(doc.names.len(), 4);
        assert_eq!((doc.names[0].name.as_str(), doc.names[0].script.as_str()), ("Ігар Лосік", "Cyrl"));
        assert_eq!(doc.names[2].lang.as_deref(), Some("en"), "a Latin name left without a language is English");
        assert_eq!(doc.names[2].kind, NameKind::Transliteration, "a second English name is another spelling");
        assert_eq!(doc.names[3].kind, NameKind::Transliteration, "later ones are other spellings");
        assert_eq!(doc.citizenships, ["BY", "LT"]);
        assert_eq!(doc.born.unwrap().iso(), "1992-summer");
        assert_eq!(doc.publication, PublicationState::Published);
    }

    #[test]
    fn a_name_left_without_a_language_takes_the_one_its_letters_show() {
        // The letters' language (`translit::language_of`, tested there) fills the rows left on
        // "automatic".
        let doc = form(&[
            ("name_0", "Ігар Лосік"),
            ("name_1", "Игорь Лосик"),
            ("name_2", "Ihar Losik"),
            ("name_3", "Ya Xi"),
            ("lang_3", "zh"),
        ])
        .validate(&codes(), true, None)
        .unwrap();
        let langs: Vec<_> = doc.names.iter().map(|n| (n.lang.as_deref(), n.script.as_str(), n.kind)).collect();
        assert_eq!(
            langs,
            [
                (Some("be"), "Cyrl", NameKind::Primary),
                (Some("ru"), "Cyrl", NameKind::Primary),
                (Some("en"), "Latn", NameKind::Primary),
                (Some("zh"), "Latn", NameKind::Primary),
            ],
            "each name the main one of the language its letters show; a chosen language is kept"
        );
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let errors = form(&[
            ("name_0", "A Name"),
            ("kind_0", "primary"),
            ("name_1", "Other Name"),
            ("kind_1", "primary"),
            ("lang_2", "be"),
            ("slug", "Not A Slug"),
            ("born", "2024-13"),
            ("citizenships", "BY, XX"),
            ("sex", "robot"),
            ("occupation", &"x".repeat(501)),
        ])
        .validate(&codes(), true, None)
        .unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["born", "citizenships", "kind_1", "name_2", "occupation", "sex", "slug"]);
        assert!(errors["born"].to_string().contains("no month 13"));
        assert!(errors["citizenships"].to_string().contains("XX"));
    }

    #[test]
    fn a_form_without_names_is_refused_and_editors_cannot_publish() {
        let errors = form(&[("slug", "someone")]).validate(&codes(), true, None).unwrap_err();
        assert!(errors.contains_key("name_0"));
        let editor = form(&[("name_0", "A Name"), ("publication", "published"), ("naming_basis", "public_sources")]);
        assert!(editor.validate(&codes(), false, None).unwrap_err().contains_key("publication"));
        let kept = editor.validate(&codes(), false, Some(PublicationState::Published)).unwrap();
        assert_eq!(kept.publication, PublicationState::Published, "an editor's edit keeps a record published");
    }

    #[test]
    fn a_named_person_is_published_only_on_a_basis_that_allows_it() {
        let base = [("name_0", "Invented Person"), ("publication", "published")];
        let with =
            |extra: &[(&'static str, &'static str)]| form(&[&base[..], extra].concat()).validate(&codes(), true, None);
        assert!(with(&[]).unwrap_err().contains_key("naming_basis"), "no basis, no publication by name");
        assert!(with(&[("identity", "withheld")]).is_ok(), "a withheld person needs no basis");
        assert!(with(&[("naming_basis", "public_sources")]).is_ok());
        let consent = [("naming_basis", "consent"), ("consent_by", "family"), ("consent_on", "2025-03")];
        let errors = with(&consent).unwrap_err();
        assert!(errors.contains_key("naming_basis"), "a consent that does not cover publishing: {errors:?}");
        let doc = with(&[&consent[..], &[("consent_publish", "yes"), ("consent_un_bodies", "yes")]].concat()).unwrap();
        let given = doc.consent.clone().unwrap();
        assert_eq!(
            (given.by, given.publish, given.advocacy, given.un_bodies),
            (ConsentGiver::Family, true, false, true)
        );
        assert_eq!(PersonForm::from_doc(&doc).validate(&codes(), true, None).unwrap(), doc, "round trip");
        let errors = with(&[("naming_basis", "consent"), ("consent_publish", "yes")]).unwrap_err();
        assert!(errors.contains_key("consent_by") && errors.contains_key("consent_on"), "{errors:?}");
        let draft =
            form(&[("name_0", "Invented Person"), ("consent_by", "family")]).validate(&codes(), true, None).unwrap();
        assert_eq!((draft.naming_basis, draft.consent), (None, None), "consent details only with a consent");
    }

    #[test]
    fn addresses_are_made_from_the_latin_name_or_a_romanisation() {
        let name = |name: &str, script: &str, kind: NameKind| NameDoc {
            name: name.into(),
            lang: None,
            script: script.into(),
            kind,
        };
        for (names, slug) in [
            (
                vec![name("Ігар Лосік", "Cyrl", NameKind::Primary), name("Ihar Losik", "Latn", NameKind::Primary)],
                "ihar-losik",
            ),
            (vec![name("Игорь Лосик", "Cyrl", NameKind::Primary)], "igor-losik"),
            (vec![name("Андрэй Кузнечык", "Cyrl", NameKind::Primary)], "andrey-kuznechyk"),
            (vec![name("Andrej Kuzniečyk", "Latn", NameKind::Alias)], "andrej-kuzniecyk"),
            (vec![name("Marc O'Brien-Smith", "Latn", NameKind::Primary)], "marc-o-brien-smith"),
        ] {
            assert_eq!(slug_from(&names).as_deref(), Some(slug));
        }
        assert_eq!(slug_from(&[name("李", "Hani", NameKind::Primary)]), None, "nothing to make an address of");
    }

    #[test]
    fn a_document_round_trips_through_the_form_and_diffs_show_what_changed() {
        let doc = form(&[("name_0", "Ihar Losik"), ("born", "1992"), ("citizenships", "BY")])
            .validate(&codes(), true, None)
            .unwrap();
        let again = PersonForm::from_doc(&doc).validate(&codes(), true, None).unwrap();
        assert_eq!(again, doc);
        crate::records::tests::assert_classified(&doc);
        let mut changed = doc.clone();
        changed.born = Some("1992-06".parse().unwrap());
        changed.occupation = Some("Journalist".into());
        let changes = diff(Some(&doc), &changed);
        assert_eq!(changes.iter().map(|c| c.field).collect::<Vec<_>>(), ["born", "occupation"]);
        assert_eq!((changes[0].before.as_str(), changes[0].after.as_str()), ("1992", "June 1992"));
    }
}
