//! The admins' backup file: every record of every kind with every field except the internal ones
//! (`domain::visibility`), drafts and withheld people included. Unlike a `pg_dump` it can leave
//! the server without the informants and staff notes in it; it holds no accounts, sessions,
//! audit log or revisions (whose versions hold internal fields), and photos by their words and
//! checksum, not their bytes.

use serde_json::{Map, Value};
use sqlx::PgConnection;
use time::OffsetDateTime;

use crate::domain::RecordKind;
use crate::domain::visibility::{self, Visibility};

/// The tables in the file, in an order that a restore can insert them in, each with the kind of
/// record its rows are (whose internal fields are left out; the other tables are parts of a
/// record and have none).
pub const TABLES: &[(&str, Option<RecordKind>)] = &[
    ("facilities", Some(RecordKind::Facility)),
    ("sources", Some(RecordKind::Source)),
    ("waves", Some(RecordKind::Wave)),
    ("wave_texts", Some(RecordKind::WaveTexts)),
    ("wave_slug_redirects", None),
    ("people", Some(RecordKind::Person)),
    ("person_names", None),
    ("person_citizenships", None),
    ("person_texts", Some(RecordKind::PersonTexts)),
    ("person_slug_redirects", None),
    ("detentions", Some(RecordKind::Detention)),
    ("detention_charges", None),
    ("events", Some(RecordKind::Event)),
    ("event_texts", Some(RecordKind::EventTexts)),
    ("recognitions", Some(RecordKind::Recognition)),
    ("reported_figures", Some(RecordKind::Figure)),
    ("citations", Some(RecordKind::Citation)),
    ("photos", Some(RecordKind::Photo)),
];

/// The columns a table's rows leave out: the internal fields of its kind (a field's name is its
/// column's), and a photo's bytes.
pub fn left_out(table: &str, kind: Option<RecordKind>) -> Vec<&'static str> {
    let mut columns: Vec<&str> = kind
        .into_iter()
        .flat_map(visibility::not_public)
        .filter(|(_, v)| *v == Visibility::Internal)
        .map(|(field, _)| field)
        .collect();
    if table == "photos" {
        columns.push("bytes");
    }
    columns
}

/// The backup as one JSON document: when, what was left out, and each table's rows by id.
pub async fn export(conn: &mut PgConnection) -> sqlx::Result<Value> {
    let mut tables = Map::new();
    let mut excluded = Vec::new();
    for (table, kind) in TABLES {
        let left_out = left_out(table, *kind);
        excluded.extend(left_out.iter().map(|column| format!("{table}.{column}")));
        // `table` is one of the names above, never input.
        let rows: Value =
            sqlx::query_scalar(&format!("select coalesce(jsonb_agg(to_jsonb(t) - $1::text[]), '[]') from {table} t"))
                .bind(&left_out)
                .fetch_one(&mut *conn)
                .await?;
        tables.insert((*table).to_owned(), rows);
    }
    let generated =
        OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    Ok(serde_json::json!({
        "generator": "prisoner-tracker backup",
        "generated_at": generated,
        "left_out": excluded,
        "tables": tables,
    }))
}
