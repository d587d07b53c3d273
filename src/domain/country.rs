//! A country as the records name it.

use serde::Deserialize;

/// A country by its ISO 3166-1 alpha-2 code, with its name as stored (pages put it into their
/// language with `Lang::country`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Country {
    pub code: String,
    pub name: String,
}
