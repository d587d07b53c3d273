//! The one rule for CSV cells that a spreadsheet would run as a formula, shared by every CSV the
//! site writes (`/prisoners.csv`, chart data, the open dataset) and every CSV it reads (the admin
//! import, the dataset import).

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula when they come first.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Protects a CSV cell from spreadsheets: a cell a spreadsheet would run as a formula (`=`, `+`,
/// `-`, `@`, tab or carriage return first) gets an apostrophe in front, which spreadsheets show
/// as text. A cell that already starts with apostrophes before such a character gets one more, so
/// that [`unescape_cell`] gives back exactly what was written: exported data survive a round trip
/// byte for byte.
pub fn escape_cell(cell: &str) -> Cow<'_, str> {
    if cell.trim_start_matches('\'').starts_with(FORMULA) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Undoes [`escape_cell`]: removes one apostrophe from a cell that starts with apostrophes
/// before a formula character. Any other apostrophe is the cell's own.
pub fn unescape_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_survive_escaping_exactly() {
        for (cell, escaped) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
            ("''-x", "'''-x"),
            ("'Ali", "'Ali"),
            ("O'Brien", "O'Brien"),
            ("Losik", "Losik"),
            ("2025-02-12", "2025-02-12"),
            ("Андрэй", "Андрэй"),
            ("", ""),
        ] {
            assert_eq!(escape_cell(cell), escaped, "escaping {cell:?}");
            assert_eq!(unescape_cell(escaped), cell, "unescaping {escaped:?}");
        }
    }

    #[test]
    fn apostrophes_a_user_typed_are_kept_on_reading() {
        for cell in ["'Ali", "O'Brien", "'", "''", "=1"] {
            assert_eq!(unescape_cell(cell), cell, "{cell:?}");
        }
    }
}
