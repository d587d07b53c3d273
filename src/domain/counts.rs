//! The counts the charts draw: aggregates the database computes (`db::charts`) and the chart
//! geometry lays out (`charts`). Plain values, so that the geometry need not know the database.

use time::Date;

use super::{Country, ReleaseMechanism};

/// Detentions that began and ended (in a release) in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthFlow {
    pub month: Date,
    pub arrests: i64,
    pub releases: i64,
}

/// Arrests and releases per month, and how many could not be placed in a month because their
/// date is known only to a season or a year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flows {
    pub months: Vec<MonthFlow>,
    pub unplaced_arrests: i64,
    pub unplaced_releases: i64,
}

/// Changes to the number of people held, per month (+1 for each detention that began, −1 for
/// each that ended), and the detentions that cannot be placed in time at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeldChanges {
    pub deltas: Vec<(Date, i64)>,
    pub unplaced: i64,
}

/// Documented releases of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MechanismCount {
    pub mechanism: ReleaseMechanism,
    pub documented: i64,
}

/// People released who hold a citizenship (`country` is `None` for people whose citizenship
/// is not recorded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenshipCount {
    pub country: Option<Country>,
    pub released: i64,
}
