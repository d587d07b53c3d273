//! Reading an import file: UTF-8 CSV with a header row, columns matched by name, the export's
//! formula neutralisation undone. Pure: no database, so every rule is unit-tested here.

use std::collections::BTreeMap;
use std::fmt;

use crate::i18n::Message;

/// Largest file accepted (bytes). The web route's body limit leaves room for the form around it.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most rows below the header: one import is one transaction, which must finish within the
/// request timeout (30 s). Adding 5,000 people took 48 s on the 2-core test machine (the search
/// and status triggers run per statement); 1,000 take about 10.
pub const MAX_ROWS: usize = 1_000;

/// A column an import file may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    PublicId,
    Url,
    Slug,
    Name,
    AllNames,
    Publication,
    Sex,
    Born,
    Citizenships,
    Occupation,
    Region,
    Biography,
    /// `named` or `withheld`; never in the public CSV.
    Identity,
    /// `public_sources` or `consent` (a consent's details are typed in the form); never in the
    /// public CSV.
    NamingBasis,
    /// Notes for staff (internal: never in any export).
    InternalNotes,
    /// Computed by the export (status, dates and waves from the detentions): accepted so that an
    /// exported file can be edited and imported again, and ignored.
    Computed,
}

/// Every column name, in the order the import page and the README document them.
pub const COLUMNS: &[(&str, Column)] = &[
    ("public_id", Column::PublicId),
    ("url", Column::Url),
    ("slug", Column::Slug),
    ("name", Column::Name),
    ("all_names", Column::AllNames),
    ("publication", Column::Publication),
    ("sex", Column::Sex),
    ("born", Column::Born),
    ("citizenships", Column::Citizenships),
    ("occupation", Column::Occupation),
    ("region", Column::Region),
    ("biography", Column::Biography),
    ("identity", Column::Identity),
    ("naming_basis", Column::NamingBasis),
    ("internal_notes", Column::InternalNotes),
    ("status", Column::Computed),
    ("status_since", Column::Computed),
    ("status_since_earliest", Column::Computed),
    ("status_since_latest", Column::Computed),
    ("detention_countries", Column::Computed),
    ("first_detained", Column::Computed),
    ("first_detained_earliest", Column::Computed),
    ("first_detained_latest", Column::Computed),
    ("last_released", Column::Computed),
    ("last_released_earliest", Column::Computed),
    ("last_released_latest", Column::Computed),
    ("release_mechanisms", Column::Computed),
    ("waves", Column::Computed),
];

impl Column {
    /// The column's name in a file (`Computed` has several; this is never asked of it).
    pub fn name(self) -> &'static str {
        COLUMNS.iter().find(|(_, c)| *c == self).map(|(name, _)| *name).unwrap_or("")
    }
}

/// Why a whole file is refused (nothing about it is read further).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    TooManyRows,
    NotUtf8 {
        line: usize,
    },
    UnknownColumns(Vec<String>),
    RepeatedColumn(String),
    /// The CSV reader gave up at this row (as a spreadsheet numbers it). The reader is lenient
    /// (an unclosed quote runs to the end of the file), so this is rare.
    Malformed {
        row: usize,
    },
}

impl FileError {
    /// What is wrong with the file, as a message for the page's language.
    pub fn message(&self) -> Message {
        match self {
            FileError::Empty => Message::new("import-file-empty"),
            FileError::TooLarge { bytes } => Message::new("import-file-too-large")
                .number("size", bytes.div_ceil(1024))
                .number("max", MAX_BYTES / 1024),
            FileError::TooManyRows => Message::new("import-file-too-many-rows").number("max", MAX_ROWS),
            FileError::NotUtf8 { line } => Message::new("import-file-not-utf8").arg("line", line),
            FileError::UnknownColumns(names) => Message::new("import-file-unknown-columns")
                .arg("names", names.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>().join(", "))
                .arg("columns", COLUMNS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")),
            FileError::RepeatedColumn(name) => Message::new("import-file-repeated-column").arg("name", name),
            FileError::Malformed { row } => Message::new("import-file-malformed").arg("row", row),
        }
    }
}

/// In English, for the command line.
impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

/// One row below the header: its number as a spreadsheet shows it (the header is row 1) and
/// the cells of the columns that mean something (computed ones are dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    cells: BTreeMap<Column, String>,
    /// Set when the row has more or fewer cells than the header.
    pub cell_count: Option<(usize, usize)>,
}

impl Row {
    /// The cell, or `None` when the file has no such column (not the same as an empty cell:
    /// a missing column leaves a recorded value alone, an empty cell clears it).
    pub fn get(&self, column: Column) -> Option<&str> {
        self.cells.get(&column).map(String::as_str)
    }

    #[cfg(test)]
    pub fn of(number: usize, cells: &[(Column, &str)]) -> Row {
        Row { number, cells: cells.iter().map(|(c, v)| (*c, (*v).to_owned())).collect(), cell_count: None }
    }
}

/// A file read: the columns it has, and its rows.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// Reads a file as uploaded or pasted.
pub fn read(bytes: &[u8]) -> Result<Table, FileError> {
    if bytes.len() > MAX_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| FileError::NotUtf8 {
        line: 1 + bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count(),
    })?;
    // Spreadsheets often start a UTF-8 file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Browsers send form fields with CRLF line breaks whatever the file had: read every line
    // break as LF, so that a file checked and the same file carried to the apply form agree.
    let text = text.replace("\r\n", "\n");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = reader.records();

    let header = match records.next() {
        None => return Err(FileError::Empty),
        Some(Err(_)) => return Err(FileError::Malformed { row: 1 }),
        Some(Ok(header)) => header,
    };
    let mut columns = Vec::new();
    let mut unknown = Vec::new();
    for name in header.iter() {
        let name = name.trim().to_lowercase();
        match COLUMNS.iter().find(|(n, _)| *n == name) {
            Some((_, column)) if *column != Column::Computed && columns.contains(column) => {
                return Err(FileError::RepeatedColumn(name));
            }
            Some((_, column)) => columns.push(*column),
            None => unknown.push(name),
        }
    }
    if header.iter().all(|n| n.trim().is_empty()) {
        return Err(FileError::Empty);
    }
    if !unknown.is_empty() {
        return Err(FileError::UnknownColumns(unknown));
    }

    let mut rows = Vec::new();
    for (i, record) in records.enumerate() {
        let number = i + 2;
        let record = record.map_err(|_| FileError::Malformed { row: number })?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue; // spreadsheets leave rows of empty cells at the end
        }
        if rows.len() == MAX_ROWS {
            return Err(FileError::TooManyRows);
        }
        let cell_count = (record.len() != columns.len()).then_some((record.len(), columns.len()));
        let cells = columns
            .iter()
            .zip(record.iter())
            .filter(|(column, _)| **column != Column::Computed)
            .map(|(column, cell)| (*column, crate::spreadsheet::unescape_cell(cell).to_owned()))
            .collect();
        rows.push(Row { number, cells, cell_count });
    }
    let columns = columns.into_iter().filter(|c| *c != Column::Computed).collect();
    Ok(Table { columns, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_matched_by_name_in_any_order_and_computed_ones_are_dropped() {
        let table = read(b"Name , status,public_id\nIhar Losik,released,\n").unwrap();
        assert_eq!(table.columns, [Column::Name, Column::PublicId]);
        let row = &table.rows[0];
        assert_eq!(row.number, 2, "the header is row 1");
        assert_eq!(row.get(Column::Name), Some("Ihar Losik"));
        assert_eq!(row.get(Column::PublicId), Some(""), "an empty cell is there, and empty");
        assert_eq!(row.get(Column::Born), None, "a column the file lacks is absent");
    }

    #[test]
    fn a_file_is_refused_whole_with_a_reason() {
        for (bytes, expected, why) in [
            (&b""[..], FileError::Empty, "nothing at all"),
            (b"\n\n", FileError::Empty, "blank lines only"),
            (b"name,colour,size\n", FileError::UnknownColumns(vec!["colour".into(), "size".into()]), "unknown names"),
            (b"name,Name\n", FileError::RepeatedColumn("name".into()), "a column twice"),
            (b"name\nIhar\n\xff\xfe\n", FileError::NotUtf8 { line: 3 }, "Windows-1251 bytes on line 3"),
        ] {
            assert_eq!(read(bytes).unwrap_err(), expected, "{why}");
        }
        let big = vec![b'a'; MAX_BYTES + 1];
        assert!(matches!(read(&big), Err(FileError::TooLarge { .. })));
        let many = format!("name\n{}", "x\n".repeat(MAX_ROWS + 1));
        assert_eq!(read(many.as_bytes()).unwrap_err(), FileError::TooManyRows);
        let unknown = FileError::UnknownColumns(vec!["colour".into()]).to_string();
        assert!(unknown.contains("“colour”") && unknown.contains("public_id"), "{unknown}");
    }

    #[test]
    fn rows_keep_spreadsheet_numbers_and_quoted_line_breaks() {
        let table = read(b"\xef\xbb\xbfname,biography\nA,\"one\ntwo\"\n,\nB,x,extra\n").unwrap();
        assert_eq!(table.columns, [Column::Name, Column::Biography], "the byte-order mark is not part of a name");
        assert_eq!(table.rows.len(), 2, "a row of empty cells is skipped");
        assert_eq!(table.rows[0].get(Column::Biography), Some("one\ntwo"));
        assert_eq!(table.rows[1].number, 4, "rows are counted as records, not lines");
        assert_eq!(table.rows[1].cell_count, Some((3, 2)));
        let crlf = read(b"name,biography\r\nA,\"one\r\ntwo\"\r\n").unwrap();
        assert_eq!(crlf.rows[0].get(Column::Biography), Some("one\ntwo"), "as the apply form will send it back");
    }
}
