//! The CSV import of people (`/admin/import` and `prisoner-tracker import`).
//!
//! A file is read ([`table`]), each row is matched to a recorded person or to none and turned
//! into the person it asks for by the person form's own rules ([`person`]); [`check`] does this
//! for the whole file by reading only, and says per row what would happen. [`apply`] writes a
//! checked file in the caller's transaction, with a revision per person, and stops at the first
//! refusal, so that the caller rolls everything back. A [`Report::fingerprint`] of the check the
//! importer saw travels with the apply: if anything differs when applying (a person saved
//! meanwhile, a different file), nothing is written.

pub mod command;
pub mod person;
pub mod table;

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::Tx;
use crate::db::revisions::{self, Action, FieldChange, diff};
use crate::domain::PublicationState;
use crate::i18n::Message;
use crate::records::Record;
use crate::records::person::{self as people, PersonDoc};
use person::{CellError, Key, Rules};
use table::{Column, Table};

/// What importing one row does.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// `namesake`: someone recorded already has the address made from this person's name (so
    /// this one gets a number): perhaps the same person, whom the row should have named.
    Create {
        doc: PersonDoc,
        namesake: Option<String>,
    },
    Update {
        id: i64,
        version: i32,
        before: PersonDoc,
        after: PersonDoc,
    },
    Unchanged {
        id: i64,
        version: i32,
        doc: PersonDoc,
    },
    Invalid(Vec<CellError>),
}

/// One row of the file, and what importing it does.
#[derive(Debug, Clone)]
pub struct RowReport {
    /// As a spreadsheet numbers it: the header is row 1.
    pub row: usize,
    pub outcome: Outcome,
}

impl RowReport {
    /// `create`, `update`, `unchanged` or `invalid`.
    pub fn action(&self) -> &'static str {
        match self.outcome {
            Outcome::Create { .. } => "create",
            Outcome::Update { .. } => "update",
            Outcome::Unchanged { .. } => "unchanged",
            Outcome::Invalid(_) => "invalid",
        }
    }

    /// The person the row is about: their address, once it is known.
    pub fn slug(&self) -> Option<&str> {
        match &self.outcome {
            Outcome::Create { doc, .. } | Outcome::Update { after: doc, .. } | Outcome::Unchanged { doc, .. } => {
                Some(&doc.slug)
            }
            Outcome::Invalid(_) => None,
        }
    }

    /// For a person added: the address of someone recorded whose name makes the same address.
    pub fn namesake(&self) -> Option<&str> {
        match &self.outcome {
            Outcome::Create { namesake, .. } => namesake.as_deref(),
            _ => None,
        }
    }

    /// The admin id of a recorded person.
    pub fn id(&self) -> Option<i64> {
        match &self.outcome {
            Outcome::Update { id, .. } | Outcome::Unchanged { id, .. } => Some(*id),
            _ => None,
        }
    }

    /// What an update changes, field by field; for a person added, every field given.
    pub fn changes(&self) -> Vec<FieldChange> {
        match &self.outcome {
            Outcome::Update { before, after, .. } => diff(Some(before), after),
            Outcome::Create { doc, .. } => diff(None, doc),
            _ => Vec::new(),
        }
    }

    pub fn errors(&self) -> &[CellError] {
        match &self.outcome {
            Outcome::Invalid(errors) => errors,
            _ => &[],
        }
    }
}

/// What importing a whole file does, row by row.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub rows: Vec<RowReport>,
}

impl Report {
    pub fn count(&self, action: &str) -> usize {
        self.rows.iter().filter(|r| r.action() == action).count()
    }

    pub fn is_valid(&self) -> bool {
        self.count("invalid") == 0
    }

    /// A digest of everything the report promises: each row's action, the person and the
    /// version it was checked against, and the person as it would be saved. Applying refuses
    /// unless the check made at that moment has the same fingerprint.
    pub fn fingerprint(&self) -> String {
        let mut hash = Sha256::new();
        for row in &self.rows {
            let (id, version, doc) = match &row.outcome {
                Outcome::Create { doc, .. } => (None, None, Some(doc)),
                Outcome::Update { id, version, after, .. } => (Some(id), Some(version), Some(after)),
                Outcome::Unchanged { id, version, doc } => (Some(id), Some(version), Some(doc)),
                Outcome::Invalid(_) => (None, None, None),
            };
            let line = serde_json::json!([row.row, row.action(), id, version, doc]);
            hash.update(line.to_string().as_bytes());
            hash.update(b"\n");
        }
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Says what importing `table` would do, reading only. `may_publish`: the importer is an admin.
pub async fn check(conn: &mut PgConnection, table: &Table, may_publish: bool) -> sqlx::Result<Report> {
    let rules = Rules { countries: people::country_codes(conn).await?, may_publish };
    let keys: Vec<Result<Key, CellError>> = table.rows.iter().map(person::key).collect();
    let public_ids: Vec<Uuid> = keys
        .iter()
        .filter_map(|k| match k {
            Ok(Key::PublicId(id)) => Some(*id),
            _ => None,
        })
        .collect();
    let slugs: Vec<String> = keys
        .iter()
        .filter_map(|k| match k {
            Ok(Key::Slug { slug, .. }) => Some(slug.clone()),
            _ => None,
        })
        .collect();
    let by_public_id: HashMap<Uuid, i64> =
        crate::db::import::ids_by_public_id(conn, &public_ids).await?.into_iter().collect();
    let by_slug: HashMap<String, i64> = crate::db::import::ids_by_slug(conn, &slugs).await?.into_iter().collect();

    let mut checker =
        Checker { rules, by_public_id, by_slug, people_seen: HashMap::new(), slugs_claimed: HashMap::new() };
    let mut report = Report::default();
    for (row, key) in table.rows.iter().zip(keys) {
        let outcome = match key {
            Ok(key) => checker.row(conn, row, key).await?,
            Err(error) => Outcome::Invalid(vec![error]),
        };
        report.rows.push(RowReport { row: row.number, outcome });
    }
    Ok(report)
}

/// What checking a file knows beyond the row at hand.
struct Checker {
    rules: Rules,
    by_public_id: HashMap<Uuid, i64>,
    by_slug: HashMap<String, i64>,
    /// The row that first named each person, and first claimed each address: one is enough.
    people_seen: HashMap<i64, usize>,
    slugs_claimed: HashMap<String, usize>,
}

fn invalid(error: CellError) -> Outcome {
    Outcome::Invalid(vec![error])
}

impl Checker {
    async fn row(&mut self, conn: &mut PgConnection, row: &table::Row, key: Key) -> sqlx::Result<Outcome> {
        let found = match &key {
            Key::PublicId(public_id) => match self.by_public_id.get(public_id) {
                Some(id) => Some(*id),
                None => {
                    return Ok(invalid(CellError::new("public_id", Message::new("import-error-public-id"))));
                }
            },
            Key::Slug { slug, .. } => self.by_slug.get(slug).copied(),
            Key::New => None,
        };
        let stored = match found {
            Some(id) => match PersonDoc::load(conn, id).await? {
                Some(stored) => Some(stored),
                None => return Ok(invalid(CellError::row(Message::new("import-error-deleted")))),
            },
            None => None,
        };
        if let Some(stored) = &stored
            && let Some(earlier) = self.people_seen.insert(stored.id, row.number)
        {
            return Ok(invalid(CellError::row(Message::new("import-error-same-person").arg("row", earlier))));
        }
        let slug_cell = row.get(Column::Slug).map(str::trim).filter(|s| !s.is_empty());
        let (typed_slug, slug_column) = match (&key, &stored) {
            // Only a row found by its public id can change the address.
            (Key::PublicId(_), Some(stored)) => (slug_cell.unwrap_or(&stored.doc.slug).to_owned(), "slug"),
            (_, Some(stored)) => (stored.doc.slug.clone(), "slug"),
            (Key::Slug { slug, column }, None) => (slug.clone(), *column),
            (_, None) => (String::new(), "slug"),
        };
        let mut doc = match person::person(row, stored.as_ref().map(|s| &s.doc), &typed_slug, slug_column, &self.rules)
        {
            Ok(doc) => doc,
            Err(errors) => return Ok(Outcome::Invalid(errors)),
        };

        let mut namesake = None;
        if typed_slug.is_empty() {
            // An address made from the name gets a number when it is taken: ihar-losik-2.
            let base = doc.slug.clone();
            let mut n = 2;
            loop {
                let in_file = self.slugs_claimed.contains_key(&doc.slug);
                if !in_file {
                    if !people::slug_taken(conn, &doc.slug, None).await? {
                        break;
                    }
                    namesake.get_or_insert_with(|| doc.slug.clone());
                }
                doc.slug = format!("{base}-{n}");
                n += 1;
            }
        } else if let Some(earlier) = self.slugs_claimed.get(&doc.slug) {
            return Ok(invalid(CellError::new(
                slug_column,
                Message::new("import-error-same-slug").arg("row", earlier),
            )));
        } else if let Some(stored) = &stored
            && stored.doc.slug != doc.slug
            && people::slug_taken(conn, &doc.slug, Some(stored.id)).await?
        {
            return Ok(invalid(CellError::new("slug", Message::new("error-person-slug-taken"))));
        }
        self.slugs_claimed.insert(doc.slug.clone(), row.number);

        Ok(match stored {
            None => Outcome::Create { doc, namesake },
            Some(stored) if stored.doc == doc => Outcome::Unchanged { id: stored.id, version: stored.version, doc },
            Some(stored) => Outcome::Update { id: stored.id, version: stored.version, before: stored.doc, after: doc },
        })
    }
}

/// How many people an import added and changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Changes to published people that wait for an admin's review (`db::review`).
    pub held: usize,
}

/// Why a checked file could not be written. The caller rolls the transaction back.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// The report has rows with mistakes: nothing may be written.
    #[error("{0} rows have mistakes")]
    Invalid(usize),
    /// A person was saved by someone else after the check.
    #[error("row {row}: the person was changed by someone else since the check")]
    Stale { row: usize },
    /// The database refused a row (a constraint the checks did not foresee, or a race).
    #[error("row {row}: {message}")]
    Refused { row: usize, message: Message },
    #[error(transparent)]
    Database(sqlx::Error),
}

/// Writes a valid report in `tx`: each person created or updated (only over the version that
/// was checked), each with a revision by `user_id`. Stops at the first refusal. With `review`
/// (an editor's import while `REVIEW_EDITS` is on) a change to a published person is kept for
/// an admin's review instead of written.
pub async fn apply(tx: &mut Tx, report: &Report, user_id: i64, review: bool) -> Result<Applied, ApplyError> {
    if !report.is_valid() {
        return Err(ApplyError::Invalid(report.count("invalid")));
    }
    let mut applied = Applied::default();
    for row in &report.rows {
        let refused = |error: sqlx::Error| refusal(row.row, error);
        match &row.outcome {
            Outcome::Create { doc, .. } => {
                let id = PersonDoc::insert(tx, None, doc).await.map_err(refused)?;
                revisions::record(tx, user_id, id, Some(id), Action::Create, None, doc).await.map_err(refused)?;
                applied.created += 1;
            }
            Outcome::Update { id, version, before, after }
                if review && before.publication == PublicationState::Published =>
            {
                let hold = crate::db::review::Hold {
                    record_id: Some(*id),
                    parent: None,
                    person_id: Some(*id),
                    base_version: Some(*version),
                    before: Some(before),
                    doc: after,
                    user_id,
                };
                crate::db::review::hold(tx, hold).await.map_err(refused)?;
                applied.held += 1;
            }
            Outcome::Update { id, version, before, after } => {
                let saved = PersonDoc::update(tx, *id, *version, after).await.map_err(refused)?;
                if saved.is_none() {
                    return Err(ApplyError::Stale { row: row.row });
                }
                revisions::record(tx, user_id, *id, Some(*id), Action::Update, Some(before), after)
                    .await
                    .map_err(refused)?;
                applied.updated += 1;
            }
            Outcome::Unchanged { .. } => applied.unchanged += 1,
            Outcome::Invalid(_) => unreachable!("checked above"),
        }
    }
    Ok(applied)
}

/// A constraint violation names the row; anything else (the database gone) is an error.
fn refusal(row: usize, error: sqlx::Error) -> ApplyError {
    use sqlx::error::ErrorKind;
    let sqlx::Error::Database(db) = &error else { return ApplyError::Database(error) };
    let constraint = db.constraint().unwrap_or("a constraint").to_owned();
    let message = match db.kind() {
        ErrorKind::UniqueViolation => Message::new("import-error-unique").arg("constraint", constraint),
        ErrorKind::ForeignKeyViolation => Message::new("import-error-foreign-key").arg("constraint", constraint),
        ErrorKind::CheckViolation | ErrorKind::NotNullViolation => {
            Message::new("import-error-check").arg("constraint", constraint)
        }
        _ => return ApplyError::Database(error),
    };
    ApplyError::Refused { row, message }
}

impl Report {
    /// Marks `row` with the refusal met while applying, so the report can be shown again.
    pub fn refuse(&mut self, row: usize, message: Message) {
        if let Some(line) = self.rows.iter_mut().find(|r| r.row == row) {
            line.outcome = Outcome::Invalid(vec![CellError::row(message)]);
        }
    }
}
