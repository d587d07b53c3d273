//! Dates and random helpers: the span of the data, dates as coarse as sources give them, and
//! weighted picks.

use rand::Rng;
use rand::rngs::StdRng;
use time::Date;
use time::macros::date;

use crate::domain::partial_date::Season;
use crate::domain::{PartialDate, Precision};

/// The last day the data reaches. Fixed rather than today, so that a seed writes the same records
/// whenever it runs.
pub(super) const AS_OF: Date = date!(2026 - 11 - 01);

/// The first arrests: the protests after the presidential election of 9 August 2020.
pub(super) const FIRST_ARREST: Date = date!(2020 - 08 - 09);

pub(super) fn plus(day: Date, days: i64) -> Date {
    day.saturating_add(time::Duration::days(days))
}

pub(super) fn days_between(from: Date, to: Date) -> i64 {
    (to - from).whole_days()
}

/// A whole number in `lo..=hi`, or `lo` when the range is empty: short detentions leave no room
/// for some events, and the callers skip what falls outside.
pub(super) fn between(rng: &mut StdRng, lo: i64, hi: i64) -> i64 {
    if hi <= lo { lo } else { rng.random_range(lo..=hi) }
}

/// One of `weighted`, with chances proportional to the weights.
pub(super) fn pick<T: Copy>(rng: &mut StdRng, weighted: &[(T, u32)]) -> T {
    let total: u32 = weighted.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for &(item, weight) in weighted {
        if roll < weight {
            return item;
        }
        roll -= weight;
    }
    weighted[weighted.len() - 1].0
}

/// The period of `precision` that contains `day`, as the database stores it (its first day).
pub(super) fn coarsen(day: Date, precision: Precision) -> PartialDate {
    let (year, month) = (day.year(), day.month() as u8);
    let date = match precision {
        Precision::Day => return PartialDate::day(day),
        Precision::Month => PartialDate::month(year, month),
        Precision::Season => match month {
            12 => PartialDate::season(year, Season::Winter),
            1 | 2 => PartialDate::season(year - 1, Season::Winter),
            3..=5 => PartialDate::season(year, Season::Spring),
            6..=8 => PartialDate::season(year, Season::Summer),
            _ => PartialDate::season(year, Season::Autumn),
        },
        Precision::Year => PartialDate::year(year),
    };
    // Only a year outside 1800–2200 is refused; the exact day is always a valid date.
    date.unwrap_or(PartialDate::day(day))
}

/// Like [`coarsen`], but a period that would start before `not_before` falls back to the exact
/// day. A coarse date stands for its first day, so "2022" for a re-arrest in June 2022 would
/// reach back into the detention that ended in May (`detentions_no_overlap`), and "March 2021"
/// for a release on 20 March would end before an arrest on 15 March.
pub(super) fn coarsen_from(day: Date, precision: Precision, not_before: Date) -> PartialDate {
    let date = coarsen(day, precision);
    if date.start() < not_before { PartialDate::day(day) } else { date }
}

/// How precisely sources date an arrest, a release, a verdict.
pub(super) const START_PRECISION: [(Precision, u32); 4] =
    [(Precision::Day, 75), (Precision::Month, 12), (Precision::Season, 5), (Precision::Year, 8)];
pub(super) const END_PRECISION: [(Precision, u32); 3] =
    [(Precision::Day, 85), (Precision::Month, 10), (Precision::Year, 5)];
pub(super) const VERDICT_PRECISION: [(Precision, u32); 2] = [(Precision::Day, 90), (Precision::Month, 10)];

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn coarse_dates_are_normalised_and_contain_the_day() {
        let mut rng = StdRng::seed_from_u64(3);
        for _ in 0..5_000 {
            let day = plus(date!(2019 - 01 - 01), between(&mut rng, 0, 3_000));
            for precision in [Precision::Day, Precision::Month, Precision::Season, Precision::Year] {
                let coarse = coarsen(day, precision);
                assert_eq!(coarse.precision(), precision, "{day} keeps the precision asked for");
                assert!(
                    PartialDate::from_parts(coarse.start(), precision).is_ok(),
                    "{day} as a {precision:?} starts its period: {}",
                    coarse.start()
                );
                assert!(coarse.start() <= day && day <= coarse.end(), "{day} lies in {}", coarse.iso());
            }
        }
        let winter = coarsen(date!(2025 - 02 - 10), Precision::Season);
        assert_eq!(winter.iso(), "2024-winter", "January and February belong to the winter before");
    }
}
