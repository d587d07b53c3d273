//! Reading an import file: UTF-8 CSV with a header row, columns matched by name, the export's
//! formula neutralisation undone; or a workbook (XLSX, ODS, XLS), whose sheet is first turned
//! into that CSV ([`workbook_as_csv`]). Pure: no database, so every rule is unit-tested here.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Cursor;

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
    /// A workbook that cannot be read (damaged, or protected by a password).
    Workbook(String),
    /// The workbook has no sheet of the name asked for.
    NoSuchSheet {
        name: String,
        sheets: Vec<String>,
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
            FileError::Workbook(problem) => Message::new("import-file-workbook").arg("problem", problem),
            FileError::NoSuchSheet { name, sheets } => Message::new("import-file-no-such-sheet")
                .arg("name", name)
                .arg("sheets", sheets.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>().join(", ")),
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

/// Whether `bytes` are a workbook rather than text: XLSX and ODS are zip files, XLS an OLE
/// compound file.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// A file as the CSV text the import reads: a CSV as it is; of a workbook, the sheet named
/// `sheet` (the first one when `None` or empty), written as CSV. Each cell becomes the text a
/// person sees in it: a whole number without a decimal point (`1992`), a date cell as
/// `YYYY-MM-DD`, text as typed. What the rows mean is then checked as for a CSV, with the same
/// row numbers (the header is row 1).
pub fn workbook_as_csv<'a>(bytes: &'a [u8], sheet: Option<&str>) -> Result<Cow<'a, [u8]>, FileError> {
    use calamine::Reader;
    if !is_workbook(bytes) {
        return Ok(Cow::Borrowed(bytes));
    }
    if bytes.len() > MAX_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len() });
    }
    let mut workbook =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| FileError::Workbook(e.to_string()))?;
    let sheets = workbook.sheet_names();
    let name = match sheet.map(str::trim).filter(|s| !s.is_empty()) {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.as_str() == wanted)
            .or_else(|| sheets.iter().find(|s| s.trim().to_lowercase() == wanted.to_lowercase()))
            .cloned()
            .ok_or_else(|| FileError::NoSuchSheet { name: wanted.to_owned(), sheets: sheets.clone() })?,
        None => sheets.first().cloned().ok_or(FileError::Empty)?,
    };
    let range = workbook.worksheet_range(&name).map_err(|e| FileError::Workbook(e.to_string()))?;
    // Rows from the sheet's first, as a spreadsheet numbers them (rows above the first cell
    // used are there, empty, so that row numbers agree with the sheet); columns from the first
    // one used, since columns are matched by name.
    let (top, _) = range.start().unwrap_or((0, 0));
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, cells: Vec<String>| {
        out.write_record(&cells).map_err(|e| FileError::Workbook(e.to_string()))
    };
    for _ in 0..top {
        write(&mut out, vec![String::new()])?;
    }
    for row in range.rows() {
        write(&mut out, row.iter().map(cell_text).collect())?;
    }
    let csv = out.into_inner().map_err(|e| FileError::Workbook(e.to_string()))?;
    Ok(Cow::Owned(csv))
}

/// A workbook cell as the text a person reads in it.
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let day = time::macros::date!(1899 - 12 - 30) + time::Duration::days(d.as_f64().floor() as i64);
            day.to_string()
        }
        // A duration, or an ODS date as ISO text: its day.
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(text) => text.get(..10).filter(|_| text.len() >= 10).unwrap_or(text).to_owned(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
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

    /// A workbook made as a spreadsheet program would: text, whole numbers, a date cell, an
    /// empty cell, a second sheet; and its first row one row down and one column across.
    fn workbook(offset: bool) -> Vec<u8> {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        let (r, c) = if offset { (1, 1) } else { (0, 0) };
        let sheet = book.add_worksheet();
        sheet.set_name("Cases").unwrap();
        for (i, name) in ["name", "born", "occupation", "biography"].iter().enumerate() {
            sheet.write_string(r, c + i as u16, *name).unwrap();
        }
        sheet.write_string(r + 1, c, "Сымон Тэставы").unwrap();
        sheet.write_number(r + 1, c + 1, 1992).unwrap();
        sheet.write_string(r + 1, c + 2, "=not a formula").unwrap();
        sheet.write_string(r + 2, c, "Invented Person").unwrap();
        let day = ExcelDateTime::from_ymd(1985, 3, 14).unwrap();
        sheet.write_datetime_with_format(r + 2, c + 1, &day, &Format::new().set_num_format("dd.mm.yyyy")).unwrap();
        sheet.write_number(r + 2, c + 3, 2.5).unwrap();
        let other = book.add_worksheet();
        other.set_name("Notes").unwrap();
        other.write_string(0, 0, "name").unwrap();
        other.write_string(1, 0, "Second Sheet Person").unwrap();
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_workbooks_sheet_is_read_as_the_csv_it_would_be_saved_as() {
        let bytes = workbook(false);
        assert!(is_workbook(&bytes));
        let csv = workbook_as_csv(&bytes, None).unwrap();
        let table = read(&csv).unwrap();
        assert_eq!(table.columns, [Column::Name, Column::Born, Column::Occupation, Column::Biography]);
        assert_eq!(table.rows[0].get(Column::Name), Some("Сымон Тэставы"));
        assert_eq!(table.rows[0].get(Column::Born), Some("1992"), "a whole number without a decimal point");
        assert_eq!(table.rows[0].get(Column::Occupation), Some("=not a formula"), "text as typed");
        assert_eq!(table.rows[1].get(Column::Born), Some("1985-03-14"), "a date cell as a day");
        assert_eq!(table.rows[1].get(Column::Biography), Some("2.5"));
        assert_eq!(table.rows[1].number, 3, "rows numbered as the sheet shows them");

        let second = read(&workbook_as_csv(&bytes, Some("notes")).unwrap()).unwrap();
        assert_eq!(second.rows[0].get(Column::Name), Some("Second Sheet Person"), "a sheet by name, in any case");
        assert_eq!(
            workbook_as_csv(&bytes, Some("Sheet9")).unwrap_err(),
            FileError::NoSuchSheet { name: "Sheet9".into(), sheets: vec!["Cases".into(), "Notes".into()] }
        );
        let shown = workbook_as_csv(&bytes, Some("Sheet9")).unwrap_err().to_string();
        assert!(shown.contains("“Cases”, “Notes”"), "{shown}");

        // The first row is the header, as in a CSV, wherever the table starts across: one that
        // starts lower down is refused with the reason rather than read with other row numbers.
        let offset = workbook(true);
        assert_eq!(read(&workbook_as_csv(&offset, None).unwrap()).unwrap_err(), FileError::Empty);

        // Text is passed through; a damaged workbook is named as one.
        assert_eq!(&*workbook_as_csv(b"name\nA\n", None).unwrap(), b"name\nA\n");
        let mut damaged = bytes.clone();
        damaged.truncate(200);
        assert!(matches!(workbook_as_csv(&damaged, None), Err(FileError::Workbook(_))));
    }
}
