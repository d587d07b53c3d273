//! A release wave as lists and charts show it.

use super::{CountQualifier, Country, PartialDate, ReleaseMechanism};

/// A wave as listed on the home page (and the wave list, and the charts, which draw it).
#[derive(Debug, Clone)]
pub struct WaveSummary {
    pub slug: String,
    pub name: String,
    pub started: PartialDate,
    pub ended: Option<PartialDate>,
    pub country: Country,
    pub mechanism: ReleaseMechanism,
    pub reported_released_count: Option<i32>,
    pub reported_count_qualifier: Option<CountQualifier>,
    /// People linked to the wave who are documented individually here.
    pub documented: i64,
}
