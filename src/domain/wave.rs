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
    /// How many other published waves of the same country fall within this wave's period (it has
    /// an end date and they begin and end inside it): above zero, the wave is an aggregate, a
    /// total over a period (a year's pardons) that counts people those waves count again.
    pub spans: i64,
}

impl WaveSummary {
    /// A total over a period that holds other waves: shown as such, and drawn as a band behind
    /// them on the waves chart rather than as one tall bar.
    pub fn is_aggregate(&self) -> bool {
        self.spans > 0
    }
}
