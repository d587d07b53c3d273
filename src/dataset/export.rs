//! Reading the published dataset in one snapshot, and writing it: CSV files, `dataset.json`, a
//! manifest (`datapackage.json`, a Frictionless Data Package) and a `README.txt`, or all of the
//! CSV files and the manifest as one zip.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use anyhow::Context;
use serde_json::{Value, json};
use sqlx::PgPool;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{
    ATTRIBUTION, JSON_FILE, LICENCE_NAME, LICENCE_TITLE, LICENCE_URL, MANIFEST_FILE, README_FILE, TABLES, Table,
};
use crate::db::dataset::{self as queries, Row};

/// One file's rows.
#[derive(Debug, Clone)]
pub struct TableRows {
    pub table: &'static Table,
    pub rows: Vec<Row>,
}

/// The published dataset at one moment.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// When the snapshot was taken, to the second, in UTC.
    pub generated_at: OffsetDateTime,
    /// The latest migration the database had: the shape of the tables.
    pub schema_version: i64,
    /// In the order of [`TABLES`].
    pub tables: Vec<TableRows>,
    /// Published people whose identity is withheld: counted here, in no table.
    pub people_not_named: i64,
}

/// Reads every published record in one repeatable-read transaction, so that the files agree
/// with each other even while editors save.
pub async fn read(pool: &PgPool) -> sqlx::Result<Dataset> {
    let mut tx = queries::begin_snapshot(pool).await?;
    let conn = &mut *tx;
    let generated_at = queries::snapshot_time(conn).await?.to_offset(time::UtcOffset::UTC);
    let generated_at = generated_at.replace_nanosecond(0).unwrap_or(generated_at);
    let detentions = queries::detentions(conn).await?;
    let citations = queries::citations(conn).await?;
    let facility_ids = ids_in(&detentions, "facility_id");
    let source_ids = ids_in(&citations, "source_id");
    let of = |name: &str, rows: Vec<Row>| TableRows { table: super::table(name).expect("a dataset table"), rows };
    let tables = vec![
        of("people", queries::people(conn).await?),
        of("person_names", queries::person_names(conn).await?),
        of("person_texts", queries::person_texts(conn).await?),
        of("person_citizenships", queries::person_citizenships(conn).await?),
        of("detentions", detentions),
        of("detention_charges", queries::detention_charges(conn).await?),
        of("events", queries::events(conn).await?),
        of("event_texts", queries::event_texts(conn).await?),
        of("recognitions", queries::recognitions(conn).await?),
        of("waves", queries::waves(conn).await?),
        of("wave_texts", queries::wave_texts(conn).await?),
        of("facilities", queries::facilities(conn, &facility_ids).await?),
        of("reported_figures", queries::reported_figures(conn).await?),
        of("sources", queries::sources(conn, &source_ids).await?),
        of("citations", citations),
        of("photos", queries::photos(conn).await?),
        of("countries", queries::countries(conn).await?),
    ];
    let people_not_named = queries::people_not_named(conn).await?;
    tx.commit().await?;
    debug_assert!(tables.iter().map(|t| t.table.name).eq(TABLES.iter().map(|t| t.name)));
    Ok(Dataset { generated_at, schema_version: schema_version(), tables, people_not_named })
}

/// The number of the latest migration this program knows.
pub fn schema_version() -> i64 {
    crate::db::MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

fn ids_in(rows: &[Row], column: &str) -> Vec<i64> {
    let ids: BTreeSet<i64> = rows.iter().filter_map(|r| r.get(column)?.as_i64()).collect();
    ids.into_iter().collect()
}

/// A value as a CSV cell: empty for null, `true`/`false`, numbers and text as they are.
pub fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

impl Dataset {
    /// `2026-11-20T10:00:00Z`.
    pub fn generated_at_text(&self) -> String {
        self.generated_at.format(&Rfc3339).unwrap_or_default()
    }

    /// One table as CSV: a header row, then a row per record; cells a spreadsheet would run as
    /// formulas are escaped ([`crate::spreadsheet::escape_cell`]).
    pub fn csv(&self, rows: &TableRows) -> anyhow::Result<Vec<u8>> {
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(rows.table.columns.iter().map(|c| c.name))?;
        for row in &rows.rows {
            out.write_record(
                rows.table.columns.iter().map(|c| crate::spreadsheet::escape_cell(&cell(row.get(c.name))).into_owned()),
            )?;
        }
        out.into_inner().map_err(|e| anyhow::anyhow!("cannot write CSV: {e}"))
    }

    /// Every table in one JSON document, with the licence and the time of the snapshot.
    pub fn json(&self) -> anyhow::Result<Vec<u8>> {
        let tables: serde_json::Map<String, Value> = self
            .tables
            .iter()
            .map(|t| (t.table.name.to_owned(), Value::Array(t.rows.iter().cloned().map(Value::Object).collect())))
            .collect();
        let document = json!({
            "title": "Prisoner Tracker: the published dataset",
            "licence": { "name": LICENCE_NAME, "title": LICENCE_TITLE, "url": LICENCE_URL },
            "attribution": ATTRIBUTION,
            "generated_at": self.generated_at_text(),
            "schema_version": self.schema_version,
            "people_not_named": self.people_not_named,
            "tables": tables,
        });
        Ok(serde_json::to_vec_pretty(&document)?)
    }

    /// The manifest: a Frictionless Data Package (datapackage.json) naming the licence, the
    /// time, the schema version, and each file with its row count and columns.
    pub fn manifest(&self) -> anyhow::Result<Vec<u8>> {
        let resources: Vec<Value> = self
            .tables
            .iter()
            .map(|t| {
                let fields: Vec<Value> = t
                    .table
                    .columns
                    .iter()
                    .map(|c| {
                        json!({
                            "name": c.name,
                            "type": c.type_name(),
                            "description": c.about,
                            "constraints": { "required": c.required() },
                        })
                    })
                    .collect();
                json!({
                    "name": t.table.name,
                    "path": t.table.file_name(),
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "description": t.table.about,
                    "rows": t.rows.len(),
                    "schema": { "fields": fields },
                })
            })
            .collect();
        let manifest = json!({
            "name": "prisoner-tracker",
            "title": "Prisoner Tracker: the published dataset",
            "licenses": [{ "name": LICENCE_NAME, "title": LICENCE_TITLE, "path": LICENCE_URL }],
            "attribution": ATTRIBUTION,
            "created": self.generated_at_text(),
            "schema_version": self.schema_version,
            "people_not_named": self.people_not_named,
            "resources": resources,
        });
        Ok(serde_json::to_vec_pretty(&manifest)?)
    }

    /// A plain-text description for people who open the folder.
    pub fn readme(&self) -> String {
        let mut text = format!(
            "Prisoner Tracker: the published dataset\n\
             =======================================\n\n\
             Every record published on the site when this copy was made: {generated}.\n\
             Licence: {LICENCE_TITLE} ({LICENCE_NAME}), {LICENCE_URL}\n\
             Credit it as: {ATTRIBUTION}\n\
             Schema version: {version} (the latest database migration)\n\n\
             Files are UTF-8 CSV with a header row. Ids link the files: detentions.person_id is\n\
             people.id. Dates are written as known: 2024, 2024-07, 2024-07-03 or 2024-summer\n\
             (seasons belong to the year they start in), with a <fact>_precision column (day,\n\
             month, season or year). Cells that a spreadsheet would run as a formula (starting\n\
             with = + - @) start with an apostrophe, which is not part of the value. Records marked\n\
             synthetic=true are invented test data. datapackage.json describes the same files for\n\
             programs (Frictionless Data Package).\n\n\
             People counted but not named: {not_named}. Their identity is withheld to protect them\n\
             and their families; they are in no file, only in this number.\n",
            generated = self.generated_at_text(),
            version = self.schema_version,
            not_named = self.people_not_named,
        );
        for t in &self.tables {
            text.push_str(&format!("\n{} ({} rows): {}\n", t.table.file_name(), t.rows.len(), t.table.about));
            for c in t.table.columns {
                text.push_str(&format!("  {}: {}\n", c.name, c.about));
            }
        }
        text
    }

    /// The files of an export folder: every CSV, the manifest, the README and `dataset.json`.
    pub fn files(&self) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
        let mut files = self.zipped_files()?;
        files.push((JSON_FILE.to_owned(), self.json()?));
        Ok(files)
    }

    /// What the zip holds: every CSV, the manifest and the README.
    fn zipped_files(&self) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
        let mut files = Vec::new();
        for t in &self.tables {
            files.push((t.table.file_name(), self.csv(t)?));
        }
        files.push((MANIFEST_FILE.to_owned(), self.manifest()?));
        files.push((README_FILE.to_owned(), self.readme().into_bytes()));
        Ok(files)
    }

    /// The CSV files, manifest and README as one zip, each file dated with the snapshot.
    pub fn zip(&self) -> anyhow::Result<Vec<u8>> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let when = time::PrimitiveDateTime::new(self.generated_at.date(), self.generated_at.time());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::try_from(when).unwrap_or_default())
            .unix_permissions(0o644);
        for (name, bytes) in self.zipped_files()? {
            zip.start_file(name, options)?;
            zip.write_all(&bytes)?;
        }
        Ok(zip.finish()?.into_inner())
    }
}

/// `prisoner-tracker export DIR [--force]`: writes the files into `dir`, which is created if
/// missing and must be empty unless `force` (then the dataset's files are replaced, others left).
pub async fn run(pool: &PgPool, dir: &Path, force: bool) -> anyhow::Result<()> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        if entries.next().is_some() && !force {
            anyhow::bail!(
                "{} is not empty: choose an empty or new folder, or give --force to replace the dataset's files in it",
                dir.display()
            );
        }
    } else {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let dataset = read(pool).await?;
    for (name, bytes) in dataset.files()? {
        // Written beside and renamed, so that a reader never sees half a file.
        let path = dir.join(&name);
        let partial = dir.join(format!(".{name}.partial"));
        std::fs::write(&partial, &bytes).with_context(|| format!("cannot write {}", partial.display()))?;
        std::fs::rename(&partial, &path).with_context(|| format!("cannot write {}", path.display()))?;
    }
    println!("Wrote the dataset of {} to {}:", dataset.generated_at_text(), dir.display());
    for t in &dataset.tables {
        println!("  {}: {} rows", t.table.file_name(), t.rows.len());
    }
    println!("  {MANIFEST_FILE}, {README_FILE}, {JSON_FILE}");
    Ok(())
}
