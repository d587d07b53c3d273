//! `prisoner-tracker import FILE --as EMAIL [--sheet NAME] [--apply]`: the same check and the
//! same writes as `/admin/import`, attributed to an account, with the report on standard output.

use std::io::Read;
use std::path::Path;

use sqlx::PgPool;

use super::{ApplyError, Outcome, Report, table};
use crate::accounts;
use crate::db::users;

/// Checks the file (of a workbook, the sheet `sheet`, else its first) and, with `apply`, writes
/// it. Returns whether every row was fine (and, with `apply`, written); the report says what is
/// wrong.
pub async fn run(pool: &PgPool, file: &Path, sheet: Option<&str>, email: &str, apply: bool) -> anyhow::Result<bool> {
    let email = accounts::normalise_email(email)?;
    let user =
        users::find_by_email(&mut *pool.acquire().await?, &email).await?.filter(|u| !u.disabled).ok_or_else(|| {
            anyhow::anyhow!("no active account has the address {email}: the import is made in an account's name")
        })?;

    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", file.display()))?
        .take(table::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    let table = match table::workbook_as_csv(&bytes, sheet).and_then(|csv| table::read(&csv)) {
        Ok(table) => table,
        Err(error) => {
            println!("{}: {error}", file.display());
            return Ok(false);
        }
    };

    let may_publish = user.role.is_admin();
    let mut tx = pool.begin().await?;
    let mut report = super::check(&mut tx, &table, may_publish).await?;
    if !report.is_valid() || !apply {
        tx.rollback().await?;
        print(&report);
        if report.is_valid() {
            println!("Dry run: nothing written. Run again with --apply to write it.");
        } else {
            println!("Nothing written: {} rows have mistakes.", report.count("invalid"));
        }
        return Ok(report.is_valid());
    }
    // Whoever runs the command has the server: no review queue.
    match super::apply(&mut tx, &report, user.id, false).await {
        Ok(applied) => {
            tx.commit().await?;
            print(&report);
            println!(
                "Written: {} added, {} changed, {} unchanged, in the name of {}.",
                applied.created, applied.updated, applied.unchanged, user.email
            );
            Ok(true)
        }
        Err(ApplyError::Refused { row, message }) => {
            tx.rollback().await?;
            report.refuse(row, message);
            print(&report);
            println!("Nothing written: the database refused row {row}.");
            Ok(false)
        }
        Err(error) => {
            tx.rollback().await?;
            Err(error.into())
        }
    }
}

fn print(report: &Report) {
    for line in &report.rows {
        let slug = line.slug().unwrap_or("");
        match &line.outcome {
            Outcome::Create { namesake, .. } => {
                println!("row {}: add {slug}", line.row);
                if let Some(namesake) = namesake {
                    println!("row {}: note: {namesake} is recorded already; give their slug to change them", line.row);
                }
            }
            Outcome::Update { .. } => {
                let fields: Vec<&str> = line.changes().iter().map(|c| c.field).collect();
                println!("row {}: change {slug} ({})", line.row, fields.join(", "));
            }
            Outcome::Unchanged { .. } => println!("row {}: unchanged {slug}", line.row),
            Outcome::Invalid(errors) => {
                for error in errors {
                    match error.column {
                        Some(column) => println!("row {}: error in {column}: {}", line.row, error.message),
                        None => println!("row {}: error: {}", line.row, error.message),
                    }
                }
            }
        }
    }
    println!(
        "{} to add, {} to change, {} unchanged, {} with mistakes.",
        report.count("create"),
        report.count("update"),
        report.count("unchanged"),
        report.count("invalid")
    );
}
