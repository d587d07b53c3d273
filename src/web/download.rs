//! Files for spreadsheets: every CSV the site serves takes `?bom=1` ("for Excel"), which puts a
//! UTF-8 byte order mark in front, without which Excel reads UTF-8 as the local code page and
//! garbles Cyrillic; and a table can be written as an `.xlsx` workbook as well as a CSV.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde::Deserialize;

/// The byte order mark of UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub const CSV: &str = "text/csv; charset=utf-8";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `?bom=1`: the CSV for Excel. Any other value (or none) is the plain file.
#[derive(Debug, Default, Deserialize)]
pub struct ForExcel {
    bom: Option<String>,
}

impl ForExcel {
    pub fn wanted(&self) -> bool {
        self.bom.as_deref() == Some("1")
    }

    /// `csv` with the byte order mark in front when it is wanted; else `csv` itself, not a
    /// copy (a cached chart CSV is sent as it is kept).
    pub fn csv(&self, csv: Bytes) -> Bytes {
        if self.wanted() { Bytes::from([BOM, &csv[..]].concat()) } else { csv }
    }
}

/// A download: `body` of `content_type`, saved as `file_name` (letters, digits, `-`, `_`, `.`).
pub fn attachment(content_type: &'static str, file_name: &str, body: impl Into<Bytes>) -> Response {
    let body: Bytes = body.into();
    let mut response = ([(header::CONTENT_TYPE, content_type)], body).into_response();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// One cell of a table for a spreadsheet: text, a link, or a calendar day (a date column that a
/// spreadsheet sorts and filters as dates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Url(String),
    Day(Option<time::Date>),
}

impl Cell {
    /// The cell as a CSV writes it: as text, protected from being run as a formula.
    fn csv_text(&self) -> String {
        match self {
            Cell::Text(text) | Cell::Url(text) => crate::spreadsheet::escape_cell(text).into_owned(),
            Cell::Day(day) => day.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// A table with its column names, written as CSV or as a one-sheet workbook.
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn csv(&self) -> anyhow::Result<Vec<u8>> {
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(&self.columns)?;
        for row in &self.rows {
            out.write_record(row.iter().map(Cell::csv_text))?;
        }
        out.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
    }

    /// An `.xlsx` workbook of one sheet named `sheet`: a bold, frozen header row with a filter,
    /// text as text (a workbook never runs a cell as a formula: no apostrophe is needed), links
    /// as links and days as dates.
    pub fn xlsx(&self, sheet: &str) -> anyhow::Result<Vec<u8>> {
        use rust_xlsxwriter::{ExcelDateTime, Format, Url, Workbook};
        let mut workbook = Workbook::new();
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet)?;
        let bold = Format::new().set_bold();
        let day = Format::new().set_num_format("yyyy-mm-dd");
        for (col, name) in self.columns.iter().enumerate() {
            worksheet.write_string_with_format(0, col as u16, *name, &bold)?;
        }
        for (i, row) in self.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let col = col as u16;
                match cell {
                    Cell::Text(text) if text.is_empty() => {}
                    Cell::Text(text) => {
                        worksheet.write_string(r, col, text)?;
                    }
                    Cell::Url(url) => {
                        worksheet.write_url(r, col, Url::new(url))?;
                    }
                    Cell::Day(Some(d)) => {
                        let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day())?;
                        worksheet.write_datetime_with_format(r, col, &date, &day)?;
                    }
                    Cell::Day(None) => {}
                }
            }
        }
        let last_col = self.columns.len().saturating_sub(1) as u16;
        worksheet.set_freeze_panes(1, 0)?;
        worksheet.autofilter(0, 0, self.rows.len() as u32, last_col)?;
        worksheet.autofit();
        Ok(workbook.save_to_buffer()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_is_added_only_when_asked() {
        let plain = ForExcel::default();
        assert_eq!(plain.csv(Bytes::from_static(b"a,b\n")), &b"a,b\n"[..]);
        let excel = ForExcel { bom: Some("1".into()) };
        assert_eq!(excel.csv(Bytes::from("имя\n")), [BOM, "имя\n".as_bytes()].concat());
        let other = ForExcel { bom: Some("yes please".into()) };
        assert!(!other.wanted(), "only bom=1");
    }

    #[test]
    fn a_table_is_the_same_in_csv_and_protected_from_formulas() {
        let table = Table {
            columns: vec!["name", "url", "since"],
            rows: vec![vec![
                Cell::Text("=HYPERLINK(\"x\")".into()),
                Cell::Url("https://example.org/prisoners/a".into()),
                Cell::Day(Some(time::macros::date!(2025 - 02 - 12))),
            ]],
        };
        let csv = String::from_utf8(table.csv().unwrap()).unwrap();
        assert_eq!(csv, "name,url,since\n\"'=HYPERLINK(\"\"x\"\")\",https://example.org/prisoners/a,2025-02-12\n");
        let xlsx = table.xlsx("prisoners").unwrap();
        assert!(xlsx.starts_with(b"PK"), "a workbook is a zip file");
    }
}
