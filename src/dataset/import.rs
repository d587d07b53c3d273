//! `prisoner-tracker import DIR|FILE.zip --as EMAIL [--apply]`: loads a dataset written by
//! `export` (or downloaded from `/data`) into an empty database, to restore or mirror a site.
//!
//! Every cell is checked against [`super::TABLES`] before anything is written; a mistake is
//! reported with its file, row (as a spreadsheet numbers it: the header is row 1) and column.
//! Then everything is written in one transaction, keeping ids, public ids and slugs, or nothing
//! is: a database that already holds records is refused, and so is any row the database
//! refuses. Without `--apply` the whole import runs and is rolled back (a dry run).
//!
//! Attribution: the account given with `--as` (an admin: everything imported is published)
//! gets a `create` revision for each person and each wave, so their history starts with the
//! restore and names who made it. The dataset carries no earlier history: the full backup
//! (`pg_dump`, see the README) does.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::Path;

use serde_json::{Number, Value};
use sqlx::PgPool;
use sqlx::postgres::PgDatabaseError;

use super::{IMPORT_ORDER, Kind, MANIFEST_FILE, Table};
use crate::accounts;
use crate::db::dataset::{self as queries, Row};
use crate::db::revisions::{self, Action};
use crate::db::users;
use crate::domain::{PartialDate, Slug};
use crate::records::Record;
use crate::records::person::{self, PersonDoc};
use crate::records::wave::WaveDoc;

/// The largest file read from a folder or a zip, and the most read in all: a zip that unpacks
/// to more is refused rather than filling the memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;
pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;
/// Mistakes printed at most; the count says how many more there were.
const MAX_PROBLEMS_SHOWN: usize = 100;

/// Whether `path` is a dataset (a folder, or a `.zip`) rather than a people CSV file.
pub fn is_dataset(path: &Path) -> bool {
    path.is_dir() || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// A mistake in the dataset, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// As a spreadsheet numbers it: the header is row 1.
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    fn file(file: &str, message: impl Into<String>) -> Self {
        Problem { file: file.to_owned(), row: None, column: None, message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The dataset's files by name, as read from a folder or a zip.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Reads the files an import needs (each table's CSV and, if there, the manifest).
pub fn read_files(path: &Path) -> Result<Files, Vec<Problem>> {
    let wanted: Vec<String> = IMPORT_ORDER
        .iter()
        .map(|name| super::table(name).expect("a dataset table").file_name())
        .chain([MANIFEST_FILE.to_owned()])
        .collect();
    let shown = path.display().to_string();
    let mut files = Files::new();
    let mut total = 0;
    let mut take = |name: &str, reader: &mut dyn Read| -> Result<Vec<u8>, Problem> {
        let mut bytes = Vec::new();
        reader
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Problem::file(name, format!("cannot be read: {e}")))?;
        total += bytes.len() as u64;
        if bytes.len() as u64 > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES {
            return Err(Problem::file(name, "is too large to import"));
        }
        Ok(bytes)
    };
    if path.is_dir() {
        for name in &wanted {
            let file = path.join(name);
            if !file.exists() {
                continue;
            }
            let mut handle =
                std::fs::File::open(&file).map_err(|e| vec![Problem::file(name, format!("cannot be opened: {e}"))])?;
            files.insert(name.clone(), take(name, &mut handle).map_err(|p| vec![p])?);
        }
    } else {
        let handle =
            std::fs::File::open(path).map_err(|e| vec![Problem::file(&shown, format!("cannot be opened: {e}"))])?;
        let mut archive = zip::ZipArchive::new(handle)
            .map_err(|e| vec![Problem::file(&shown, format!("is not a zip file the export wrote: {e}"))])?;
        // Files are found by name, also inside one folder (a zip made of an export folder);
        // nothing is ever written to disk, so names cannot escape anywhere.
        let names: Vec<String> = archive.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect();
        for name in &wanted {
            let found: Vec<&String> =
                names.iter().filter(|n| *n == name || n.rsplit('/').next() == Some(name.as_str())).collect();
            let [entry] = found.as_slice() else {
                if found.len() > 1 {
                    return Err(vec![Problem::file(&shown, format!("holds {name} more than once"))]);
                }
                continue;
            };
            let mut file = archive
                .by_name(entry)
                .map_err(|e| vec![Problem::file(name, format!("cannot be read from the zip: {e}"))])?;
            files.insert(name.clone(), take(name, &mut file).map_err(|p| vec![p])?);
        }
    }
    let missing: Vec<Problem> = wanted
        .iter()
        .filter(|name| *name != MANIFEST_FILE && !files.contains_key(*name))
        .map(|name| Problem::file(&shown, format!("has no {name}: a dataset has every file the export writes")))
        .collect();
    if missing.is_empty() { Ok(files) } else { Err(missing) }
}

/// The rows of each table, checked and ready to write (keys: the database's column names).
#[derive(Debug, Default)]
pub struct Checked {
    pub tables: Vec<(&'static Table, Vec<Row>)>,
}

impl Checked {
    pub fn count(&self, table: &str) -> usize {
        self.tables.iter().find(|(t, _)| t.name == table).map_or(0, |(_, rows)| rows.len())
    }
}

/// Checks every file, row and cell; `countries` are the codes the database knows.
pub fn check(files: &Files, countries: &HashSet<String>) -> Result<Checked, Vec<Problem>> {
    let mut problems = Vec::new();
    if let Some(manifest) = files.get(MANIFEST_FILE) {
        check_manifest(manifest, &mut problems);
    }
    let mut checker = Checker { countries, ids: HashMap::new(), problems };
    let mut checked = Checked::default();
    for name in IMPORT_ORDER {
        let table = super::table(name).expect("a dataset table");
        let bytes = files.get(&table.file_name()).map(Vec::as_slice).unwrap_or_default();
        let rows = checker.table(table, bytes);
        checked.tables.push((table, rows));
    }
    if checker.problems.is_empty() { Ok(checked) } else { Err(checker.problems) }
}

fn check_manifest(bytes: &[u8], problems: &mut Vec<Problem>) {
    let ours = super::export::schema_version();
    match serde_json::from_slice::<Value>(bytes) {
        Ok(manifest) => match manifest.get("schema_version").and_then(Value::as_i64) {
            Some(theirs) if theirs > ours => problems.push(Problem::file(
                MANIFEST_FILE,
                format!("the dataset was made by a newer version (schema {theirs}; this program knows {ours}): upgrade first"),
            )),
            Some(_) => {}
            None => problems.push(Problem::file(MANIFEST_FILE, "has no schema_version")),
        },
        Err(e) => problems.push(Problem::file(MANIFEST_FILE, format!("is not valid JSON: {e}"))),
    }
}

struct Checker<'a> {
    countries: &'a HashSet<String>,
    /// The ids of each table checked so far, for the references of the next.
    ids: HashMap<&'static str, HashSet<i64>>,
    problems: Vec<Problem>,
}

/// What a cell becomes in the database row, or why it cannot.
type Cell = Result<Vec<(&'static str, Value)>, String>;

impl Checker<'_> {
    fn table(&mut self, table: &'static Table, bytes: &[u8]) -> Vec<Row> {
        let file = table.file_name();
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
            Err(e) => {
                let line = 1 + bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count();
                self.problems.push(Problem::file(&file, format!("line {line} is not UTF-8 text")));
                return Vec::new();
            }
        };
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut records = reader.records();
        let header: Vec<String> = match records.next() {
            Some(Ok(header)) => header.iter().map(|n| n.trim().to_owned()).collect(),
            Some(Err(e)) => {
                self.problems.push(Problem::file(&file, format!("the first row is not valid CSV: {e}")));
                return Vec::new();
            }
            None => {
                self.problems.push(Problem::file(&file, "is empty: the first row must name the columns"));
                return Vec::new();
            }
        };
        if !self.header(table, &file, &header) {
            return Vec::new();
        }

        let mut unique: HashMap<&'static str, HashMap<String, usize>> = HashMap::new();
        let mut ids = HashSet::new();
        let mut rows = Vec::new();
        for (i, record) in records.enumerate() {
            let number = i + 2;
            let record = match record {
                Ok(record) => record,
                Err(e) => {
                    self.problems
                        .push(Problem { row: Some(number), ..Problem::file(&file, format!("is not valid CSV: {e}")) });
                    break;
                }
            };
            if record.iter().all(str::is_empty) {
                continue; // spreadsheets leave empty rows at the end
            }
            if record.len() != header.len() {
                self.problems.push(Problem {
                    row: Some(number),
                    ..Problem::file(&file, format!("has {} cells, the header {}", record.len(), header.len()))
                });
                continue;
            }
            let cells: HashMap<&str, &str> =
                header.iter().map(String::as_str).zip(record.iter().map(crate::spreadsheet::unescape_cell)).collect();
            let mut row = Row::new();
            // The dates read so far, for their precision columns: `None` when the cell was wrong
            // (its mistake is reported once, at the date).
            let mut dates: HashMap<&str, Option<Option<PartialDate>>> = HashMap::new();
            let mut fine = true;
            for column in table.columns {
                let text = cells.get(column.name).copied().unwrap_or("");
                let result = match column.kind {
                    Kind::Precision { date } => match dates.get(date).copied().flatten() {
                        Some(parsed) => precision(text, parsed, date),
                        None => Ok(Vec::new()),
                    },
                    Kind::Date { on, precision, required } => match date_cell(text, required) {
                        Ok(date) => {
                            dates.insert(column.name, Some(date));
                            Ok(vec![
                                (on, date.map_or(Value::Null, |d| Value::String(d.start().to_string()))),
                                (precision, date.map_or(Value::Null, |d| Value::String(d.precision().as_str().into()))),
                            ])
                        }
                        Err(message) => {
                            dates.insert(column.name, None);
                            Err(message)
                        }
                    },
                    kind => self.cell(kind, column.name, text),
                };
                match result {
                    Ok(values) => row.extend(values.into_iter().map(|(k, v)| (k.to_owned(), v))),
                    Err(message) => {
                        fine = false;
                        self.problems.push(Problem {
                            row: Some(number),
                            column: Some(column.name.to_owned()),
                            ..Problem::file(&file, message)
                        });
                    }
                }
                if matches!(column.kind, Kind::Id | Kind::PublicId | Kind::Slug) && !text.is_empty() {
                    let seen = unique.entry(column.name).or_default();
                    if let Some(first) = seen.insert(text.to_owned(), number) {
                        fine = false;
                        self.problems.push(Problem {
                            row: Some(number),
                            column: Some(column.name.to_owned()),
                            ..Problem::file(&file, format!("{text} is in row {first} already"))
                        });
                    }
                }
            }
            // A row with a mistake still has its id (when that cell is right), so that the rows
            // referring to it are not reported as well: one mistake, one message.
            if let Some(id) = row.get("id").and_then(Value::as_i64) {
                ids.insert(id);
            }
            if !fine {
                continue;
            }
            if let Some(message) = row_rule(table.name, &mut row) {
                self.problems.push(Problem { row: Some(number), ..Problem::file(&file, message) });
                continue;
            }
            rows.push(row);
        }
        self.ids.insert(table.name, ids);
        rows
    }

    /// Every column named once, none unknown, none missing (computed ones may be left out).
    fn header(&mut self, table: &Table, file: &str, header: &[String]) -> bool {
        let before = self.problems.len();
        let mut seen = HashSet::new();
        for name in header {
            if table.column(name).is_none() {
                let known: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
                self.problems.push(Problem::file(
                    file,
                    format!("unknown column “{name}”; the columns are: {}", known.join(", ")),
                ));
            } else if !seen.insert(name.as_str()) {
                self.problems.push(Problem::file(file, format!("the column “{name}” appears twice")));
            }
        }
        for column in table.columns {
            let optional = column.added_later || matches!(column.kind, Kind::Derived | Kind::Precision { .. });
            if !optional && !seen.contains(column.name) {
                self.problems.push(Problem::file(file, format!("the column “{}” is missing", column.name)));
            }
        }
        self.problems.len() == before
    }

    fn cell(&self, kind: Kind, name: &'static str, text: &str) -> Cell {
        let one = |value: Value| Ok(vec![(name, value)]);
        if text.is_empty() {
            return match kind {
                Kind::Derived => Ok(Vec::new()),
                Kind::Id | Kind::PublicId | Kind::Slug | Kind::Country | Kind::Bool => Err("is empty".into()),
                Kind::Ref { required: true, .. }
                | Kind::Text { required: true, .. }
                | Kind::Enum { required: true, .. }
                | Kind::Int { required: true, .. }
                | Kind::Code { required: true, .. } => Err("is empty".into()),
                _ => one(Value::Null),
            };
        }
        match kind {
            Kind::Derived => Ok(Vec::new()),
            Kind::Id => one(Value::Number(integer(text, 1, i64::MAX)?.into())),
            Kind::Ref { table, .. } => {
                let id = integer(text, 1, i64::MAX)?;
                if self.ids.get(table).is_some_and(|ids| ids.contains(&id)) {
                    one(Value::Number(id.into()))
                } else {
                    Err(format!("{table}.csv has no row with id {id}"))
                }
            }
            Kind::Int { min, max, .. } => one(Value::Number(Number::from(integer(text, min, max)?))),
            Kind::PublicId => match uuid::Uuid::parse_str(text) {
                Ok(id) => one(Value::String(id.to_string())),
                Err(_) => Err(format!("“{text}” is not a UUID")),
            },
            Kind::Slug => match text.parse::<Slug>() {
                Ok(slug) => one(Value::String(slug.as_str().to_owned())),
                Err(e) => Err(format!("“{text}”: {e}")),
            },
            Kind::Text { max, .. } => {
                if text.trim() != text {
                    Err("starts or ends with spaces or line breaks".into())
                } else if text.chars().count() > max {
                    Err(format!("is longer than {max} characters"))
                } else {
                    one(Value::String(text.to_owned()))
                }
            }
            Kind::Url => {
                let scheme_ok = ["http://", "https://"].iter().any(|s| {
                    text.strip_prefix(s).is_some_and(|rest| rest.starts_with(|c: char| !c.is_whitespace() && c != '/'))
                });
                if scheme_ok && text.chars().count() <= 2000 && url::Url::parse(text).is_ok() {
                    one(Value::String(text.to_owned()))
                } else {
                    Err(format!("“{text}” is not an http or https address"))
                }
            }
            Kind::Country => {
                if self.countries.contains(text) {
                    one(Value::String(text.to_owned()))
                } else {
                    Err(format!("“{text}” is not a country code (ISO 3166-1 alpha-2, such as BY)"))
                }
            }
            Kind::Enum { keys, .. } => {
                if keys.contains(&text) {
                    one(Value::String(text.to_owned()))
                } else {
                    Err(format!("“{text}” is not one of: {}", keys.join(", ")))
                }
            }
            Kind::Bool => match text.to_ascii_lowercase().as_str() {
                "true" => one(Value::Bool(true)),
                "false" => one(Value::Bool(false)),
                _ => Err(format!("“{text}” is neither true nor false")),
            },
            Kind::Code { check, hint, .. } => {
                if check(text) {
                    one(Value::String(text.to_owned()))
                } else {
                    Err(format!("“{text}” is not {hint}"))
                }
            }
            Kind::Date { .. } | Kind::Precision { .. } => unreachable!("dates are read by the row"),
        }
    }
}

fn integer(text: &str, min: i64, max: i64) -> Result<i64, String> {
    match text.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        Ok(_) if max == i64::MAX => Err(format!("{text} is below {min}")),
        Ok(_) => Err(format!("{text} is outside {min}–{max}")),
        Err(_) => Err(format!("“{text}” is not a whole number")),
    }
}

fn date_cell(text: &str, required: bool) -> Result<Option<PartialDate>, String> {
    if text.is_empty() {
        return if required { Err("is empty".into()) } else { Ok(None) };
    }
    text.parse::<PartialDate>().map(Some).map_err(|e| e.to_string())
}

/// The precision column agrees with its date (or is left empty: the date says it).
fn precision(text: &str, date: Option<PartialDate>, date_column: &str) -> Cell {
    match date {
        Some(date) if text.is_empty() || text == date.precision().as_str() => Ok(Vec::new()),
        Some(date) => Err(format!("is “{text}” but {date_column} is a {} date", date.precision().as_str())),
        None if text.is_empty() => Ok(Vec::new()),
        None => Err(format!("is given but {date_column} is empty")),
    }
}

/// Rules across the cells of a row that the form would enforce (the database enforces them
/// too; here they get a message that says what to do). Adds what the row computes.
fn row_rule(table: &str, row: &mut Row) -> Option<String> {
    let set = |row: &Row, column: &str| row.get(column).is_some_and(|v| !v.is_null());
    match table {
        "citations" => {
            let subjects = ["person_id", "detention_id", "event_id", "wave_id", "recognition_id", "figure_id"];
            let given = subjects.iter().filter(|c| set(row, c)).count();
            (given != 1).then(|| {
                format!("a citation supports exactly one record: {given} of {} are given", subjects.join(", "))
            })
        }
        "detention_charges" if !set(row, "article") && !set(row, "description") => {
            Some("a charge needs an article or a description".into())
        }
        "detention_charges" if set(row, "part") && !set(row, "article") => Some("a part needs its article".into()),
        "person_texts" if !["occupation", "region", "biography"].iter().any(|c| set(row, c)) => {
            Some("a translation needs at least one text".into())
        }
        "wave_texts" if !set(row, "name") && !set(row, "notes") => Some("a translation needs at least one text".into()),
        "person_names" => {
            // The search key, made by the one normalisation the forms use.
            let key = row.get("name").and_then(Value::as_str).map(crate::search::key::name_key).unwrap_or_default();
            row.insert("search_key".into(), Value::String(key));
            None
        }
        _ => None,
    }
}

/// Why writing stopped.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("{0}")]
    Refused(Problem),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Writes a checked dataset in the caller's transaction (which the caller rolls back on any
/// error), keeping ids, then moves the id sequences past them and records the revisions.
pub async fn apply(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    checked: Checked,
    user_id: i64,
) -> Result<(), ApplyError> {
    for (table, rows) in checked.tables {
        queries::insert(tx, table.name, rows).await.map_err(|e| refusal(table, e))?;
    }
    queries::reset_id_sequences(tx).await?;
    let (people, waves) = queries::people_and_wave_ids(tx).await?;
    for id in people {
        if let Some(person) = PersonDoc::load(tx, id).await? {
            revisions::record(tx, user_id, id, Some(id), Action::Create, None, &person.doc).await?;
        }
    }
    for id in waves {
        if let Some(wave) = WaveDoc::load(tx, id).await? {
            revisions::record(tx, user_id, id, None, Action::Create, None, &wave.doc).await?;
        }
    }
    Ok(())
}

/// A row the database refused (a constraint the checks above do not repeat, such as
/// overlapping detentions or two primary names in one language) names the file and says why.
fn refusal(table: &Table, error: sqlx::Error) -> ApplyError {
    match &error {
        sqlx::Error::Database(db) => {
            let detail = db.try_downcast_ref::<PgDatabaseError>().and_then(PgDatabaseError::detail);
            let message = match (db.constraint(), detail) {
                (Some(constraint), Some(detail)) => format!("{} ({constraint}): {detail}", db.message()),
                (Some(constraint), None) => format!("{} ({constraint})", db.message()),
                (None, Some(detail)) => format!("{}: {detail}", db.message()),
                (None, None) => db.message().to_owned(),
            };
            ApplyError::Refused(Problem::file(&table.file_name(), format!("the database refused a row: {message}")))
        }
        _ => ApplyError::Database(error),
    }
}

/// The command: reads and checks `path`, refuses a database that holds records, writes in one
/// transaction and commits only with `apply`. Returns whether the dataset was fine; the report
/// on standard output says what is wrong.
pub async fn run(pool: &PgPool, path: &Path, email: &str, apply_it: bool) -> anyhow::Result<bool> {
    let email = accounts::normalise_email(email)?;
    let mut conn = pool.acquire().await?;
    let user = users::find_by_email(&mut conn, &email).await?.filter(|u| !u.disabled).ok_or_else(|| {
        anyhow::anyhow!("no active account has the address {email}: the import is made in an account's name")
    })?;
    if !user.role.is_admin() {
        anyhow::bail!("{email} is not an admin: a dataset holds published records, which only admins publish");
    }
    let countries: HashSet<String> = person::country_codes(&mut conn).await?.into_iter().collect();
    drop(conn);

    let checked = match read_files(path).and_then(|files| check(&files, &countries)) {
        Ok(checked) => checked,
        Err(problems) => {
            print_problems(&problems);
            return Ok(false);
        }
    };

    let mut tx = pool.begin().await?;
    if queries::holds_records(&mut tx).await? {
        tx.rollback().await?;
        anyhow::bail!(
            "the database already holds records: a dataset is imported into an empty database only \
             (to restore or mirror a site). Create a new database, run `prisoner-tracker migrate` on it, \
             and import there"
        );
    }
    let counts: Vec<(&str, usize)> = IMPORT_ORDER.iter().map(|t| (*t, checked.count(t))).collect();
    match apply(&mut tx, checked, user.id).await {
        Ok(()) => {}
        Err(ApplyError::Refused(problem)) => {
            tx.rollback().await?;
            print_problems(&[problem]);
            return Ok(false);
        }
        Err(ApplyError::Database(error)) => {
            tx.rollback().await?;
            return Err(error.into());
        }
    }
    for (table, count) in &counts {
        println!("{table}: {count} rows");
    }
    if apply_it {
        tx.commit().await?;
        println!("Written, in the name of {}: one revision per person and per wave records the import.", user.email);
    } else {
        tx.rollback().await?;
        println!("Dry run: every row was checked and written, then rolled back. Run again with --apply to keep it.");
    }
    Ok(true)
}

fn print_problems(problems: &[Problem]) {
    for problem in problems.iter().take(MAX_PROBLEMS_SHOWN) {
        println!("{problem}");
    }
    if problems.len() > MAX_PROBLEMS_SHOWN {
        println!("… and {} more.", problems.len() - MAX_PROBLEMS_SHOWN);
    }
    println!("Nothing written: {} mistakes.", problems.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn countries() -> HashSet<String> {
        ["BY", "LT", "PL"].into_iter().map(str::to_owned).collect()
    }

    /// A dataset of empty files (headers only), with `changes` replacing some.
    fn files(changes: &[(&str, &str)]) -> Files {
        let mut files = Files::new();
        for name in IMPORT_ORDER {
            let table = super::super::table(name).unwrap();
            let header: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
            files.insert(table.file_name(), format!("{}\n", header.join(",")).into_bytes());
        }
        for (name, text) in changes {
            files.insert((*name).to_owned(), text.as_bytes().to_vec());
        }
        files
    }

    const PEOPLE: &str = "id,public_id,slug,sex,born,born_precision,occupation,region,biography,synthetic,text_lang\n";

    #[test]
    fn a_good_row_becomes_database_columns() {
        let people = format!(
            "{PEOPLE}7,6f1c2b7e-3c1a-4a40-9d51-0d1f8a2f6b10,ihar-losik,male,1992-summer,season,'=cmd,,\"a, b\nc\",false,en\n"
        );
        let checked = check(&files(&[("people.csv", &people)]), &countries()).unwrap();
        let rows = &checked.tables.iter().find(|(t, _)| t.name == "people").unwrap().1;
        let row = &rows[0];
        assert_eq!(row["id"], 7);
        assert_eq!(row["born_on"], "1992-06-01", "a season is stored as its first day");
        assert_eq!(row["born_precision"], "season");
        assert_eq!(row["occupation"], "=cmd", "the apostrophe protecting a formula is removed");
        assert_eq!(row["region"], Value::Null);
        assert_eq!(row["biography"], "a, b\nc");
        assert_eq!(row["synthetic"], false);
        assert!(!row.contains_key("status"), "derived columns are not written");
    }

    #[test]
    fn every_mistake_is_named_with_its_file_row_and_column() {
        let people = format!(
            "{PEOPLE}1,not-a-uuid,Bad Slug,x,2024-13,day, padded,,,maybe,en\n\
             1,6f1c2b7e-3c1a-4a40-9d51-0d1f8a2f6b10,ok,,2024,month,,,,false,en\n\
             2,7f1c2b7e-3c1a-4a40-9d51-0d1f8a2f6b10,ok-2,,,day,,,,false,en\n"
        );
        let names = "id,person_id,name,lang,script,kind\n5,99,Ihar,be,Cyrl,primary\n";
        let citations = "id,source_id,person_id,detention_id,event_id,wave_id,recognition_id,figure_id\n1,,,,,,,\n";
        let problems = check(
            &files(&[("people.csv", &people), ("person_names.csv", names), ("citations.csv", citations)]),
            &countries(),
        )
        .unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        for expected in [
            "people.csv, row 2, column public_id: “not-a-uuid” is not a UUID",
            "people.csv, row 2, column slug: “Bad Slug”",
            "people.csv, row 2, column sex: “x” is not one of: female, male, other",
            "people.csv, row 2, column born: there is no month 13",
            "people.csv, row 4, column born_precision: is given but born is empty",
            "people.csv, row 2, column occupation: starts or ends with spaces",
            "people.csv, row 2, column synthetic: “maybe” is neither true nor false",
            "people.csv, row 3, column id: 1 is in row 2 already",
            "people.csv, row 3, column born_precision: is “month” but born is a year date",
            "person_names.csv, row 2, column person_id: people.csv has no row with id 99",
            "citations.csv, row 2, column source_id: is empty",
        ] {
            assert!(shown.iter().any(|s| s.starts_with(expected)), "missing “{expected}” in {shown:#?}");
        }
    }

    #[test]
    fn a_file_with_wrong_columns_is_refused_whole() {
        let problems = check(&files(&[("waves.csv", "id,slug,colour\n")]), &countries()).unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(shown.iter().any(|s| s.starts_with("waves.csv: unknown column “colour”")), "{shown:?}");
        assert!(shown.iter().any(|s| s == "waves.csv: the column “name” is missing"), "{shown:?}");
        let problems = check(&files(&[("sources.csv", "")]), &countries()).unwrap_err();
        assert_eq!(problems[0].to_string(), "sources.csv: is empty: the first row must name the columns");
        let mut latin1 = files(&[]);
        latin1.insert("sources.csv".into(), b"id,slug\n1,caf\xe9\n".to_vec());
        let problems = check(&latin1, &countries()).unwrap_err();
        assert_eq!(problems[0].to_string(), "sources.csv: line 2 is not UTF-8 text");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let mut newer = files(&[]);
        newer.insert(MANIFEST_FILE.into(), br#"{"schema_version": 9999}"#.to_vec());
        let problems = check(&newer, &countries()).unwrap_err();
        assert!(problems[0].message.contains("newer version"), "{problems:?}");
        assert!(check(&files(&[]), &countries()).is_ok(), "an empty dataset is a dataset");
    }
}
