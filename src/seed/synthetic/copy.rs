//! `COPY … FROM STDIN (FORMAT csv)`: a writer that sends rows in chunks, and the CSV it sends.

use std::fmt::{self, Write as _};
use std::time::Instant;

use anyhow::Context;
use sqlx::PgConnection;
use sqlx::postgres::PgCopyIn;

use crate::domain::PartialDate;

/// Bytes of CSV collected before a `CopyData` message goes out.
const CHUNK: usize = 1 << 20;

/// One `COPY table (columns) FROM STDIN (FORMAT csv)`, sent in chunks of about [`CHUNK`] bytes.
pub(super) struct CopyWriter<'c> {
    copy: PgCopyIn<&'c mut PgConnection>,
    csv: Csv,
    table: &'static str,
    clock: Instant,
}

impl<'c> CopyWriter<'c> {
    pub(super) async fn start(conn: &'c mut PgConnection, table: &'static str, columns: &str) -> anyhow::Result<Self> {
        let statement = format!("copy {table} ({columns}) from stdin (format csv)");
        let copy = conn.copy_in_raw(&statement).await.with_context(|| format!("cannot start copying {table}"))?;
        Ok(CopyWriter { copy, csv: Csv::with_capacity(CHUNK + 64 * 1024), table, clock: Instant::now() })
    }

    /// Adds the row `fill` writes.
    pub(super) async fn row(&mut self, fill: impl FnOnce(&mut Csv)) -> anyhow::Result<()> {
        fill(&mut self.csv);
        self.csv.end_row();
        if self.csv.buf.len() >= CHUNK {
            self.copy.send(self.csv.buf.as_bytes()).await.with_context(|| format!("cannot copy {}", self.table))?;
            self.csv.buf.clear();
        }
        Ok(())
    }

    /// Sends the rest and returns how many rows the table took.
    pub(super) async fn finish(mut self) -> anyhow::Result<u64> {
        if !self.csv.buf.is_empty() {
            self.copy.send(self.csv.buf.as_bytes()).await.with_context(|| format!("cannot copy {}", self.table))?;
        }
        let rows = self.copy.finish().await.with_context(|| format!("cannot copy {}", self.table))?;
        tracing::info!(table = self.table, rows, elapsed_ms = self.clock.elapsed().as_millis(), "copied");
        Ok(rows)
    }
}

/// Builds CSV rows as PostgreSQL's `COPY … (FORMAT csv)` reads them: an empty unquoted field is
/// NULL, text is always quoted (so an empty string stays a string) with quotes doubled.
pub(super) struct Csv {
    buf: String,
    fields: usize,
}

impl Csv {
    fn with_capacity(bytes: usize) -> Self {
        Csv { buf: String::with_capacity(bytes), fields: 0 }
    }

    fn separate(&mut self) {
        if self.fields > 0 {
            self.buf.push(',');
        }
        self.fields += 1;
    }

    /// A value that never holds a comma, quote or line break: a number, a date, an enum key, a slug.
    pub(super) fn raw(&mut self, value: impl fmt::Display) -> &mut Self {
        self.separate();
        write!(self.buf, "{value}").expect("writing to a String cannot fail");
        self
    }

    pub(super) fn opt_raw(&mut self, value: Option<impl fmt::Display>) -> &mut Self {
        match value {
            Some(value) => self.raw(value),
            None => self.null(),
        }
    }

    pub(super) fn text(&mut self, value: impl fmt::Display) -> &mut Self {
        self.separate();
        self.buf.push('"');
        write!(Quoted(&mut self.buf), "{value}").expect("writing to a String cannot fail");
        self.buf.push('"');
        self
    }

    pub(super) fn opt_text(&mut self, value: Option<&str>) -> &mut Self {
        match value {
            Some(value) => self.text(value),
            None => self.null(),
        }
    }

    pub(super) fn null(&mut self) -> &mut Self {
        self.separate();
        self
    }

    /// The two columns of a partial date: its first day and its precision.
    pub(super) fn date(&mut self, value: Option<PartialDate>) -> &mut Self {
        self.opt_raw(value.map(|d| d.start())).opt_raw(value.map(|d| d.precision().as_str()))
    }

    fn end_row(&mut self) {
        self.buf.push('\n');
        self.fields = 0;
    }
}

/// Doubles the quotes of what is written through it: the inside of a quoted CSV field.
struct Quoted<'a>(&'a mut String);

impl fmt::Write for Quoted<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if s.contains('"') {
            self.0.push_str(&s.replace('"', "\"\""));
        } else {
            self.0.push_str(s);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn csv_quotes_text_and_leaves_null_empty() {
        let mut csv = Csv::with_capacity(64);
        csv.raw(1)
            .text("say \"hi\", twice")
            .null()
            .opt_text(None)
            .text("")
            .date(Some(PartialDate::day(date!(2024 - 07 - 03))));
        csv.end_row();
        assert_eq!(csv.buf, "1,\"say \"\"hi\"\", twice\",,,\"\",2024-07-03,day\n", "quotes doubled, NULL empty");
    }
}
