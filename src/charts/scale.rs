//! Scales: numbers and dates to positions, and the ticks worth labelling.

use time::{Date, Month};

/// A linear map from a domain of values to a range of positions (SVG user units).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    pub fn new((d0, d1): (f64, f64), (r0, r1): (f64, f64)) -> Self {
        Linear { d0, d1, r0, r1 }
    }

    pub fn map(&self, value: f64) -> f64 {
        if self.d1 == self.d0 {
            return self.r0;
        }
        self.r0 + (value - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// Round numbers from 0 to at least `max` for a count axis: steps of 1, 2 or 5 times a power
/// of ten, about `wanted` of them, never fractional (people are counted whole).
pub fn count_ticks(max: i64, wanted: u32) -> Vec<i64> {
    let max = max.max(1);
    let raw = max as f64 / f64::from(wanted.max(1));
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power)
        .max(1.0)
        .round() as i64;
    let top = (max + step - 1) / step * step;
    (0..=top / step).map(|i| i * step).collect()
}

/// Days since the Julian epoch, as a number a [`Linear`] scale can take.
pub fn day_number(date: Date) -> f64 {
    f64::from(date.to_julian_day())
}

/// A labelled point on a time axis: a year, or a month of a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeTick {
    pub x: f64,
    pub year: i32,
    /// `None` for a year tick (placed on 1 January).
    pub month: Option<u8>,
}

/// Ticks for the dates from `start` to `end` drawn `width` units wide: years when the span is
/// long, quarters or months when it is short, thinned so that labels stay `min_gap` apart.
pub fn time_ticks(start: Date, end: Date, scale: &Linear, width: f64, min_gap: f64) -> Vec<TimeTick> {
    let months = months_between(start, end).max(1);
    let per_month = width / months as f64;
    // How many months between ticks, from the choices a reader expects.
    let step = [1, 3, 6, 12, 24, 60, 120].into_iter().find(|m| per_month * f64::from(*m) >= min_gap).unwrap_or(120);
    let mut ticks = Vec::new();
    let mut cursor = first_of_month(start);
    if cursor < start {
        cursor = add_months(cursor, 1);
    }
    while cursor <= end {
        let index = cursor.year() * 12 + cursor.month() as i32 - 1;
        if index % step == 0 {
            let month = (step < 12 && cursor.month() != Month::January).then_some(cursor.month() as u8);
            ticks.push(TimeTick { x: super::at(scale.map(day_number(cursor))), year: cursor.year(), month });
        }
        cursor = add_months(cursor, 1);
    }
    ticks
}

pub fn first_of_month(date: Date) -> Date {
    date.replace_day(1).expect("every month has a first day")
}

/// The first day of the month `n` months after `date`'s month.
pub fn add_months(date: Date, n: i32) -> Date {
    let index = date.year() * 12 + (date.month() as i32 - 1) + n;
    let month = Month::try_from((index.rem_euclid(12) + 1) as u8).expect("1..=12");
    Date::from_calendar_date(index.div_euclid(12), month, 1).expect("the first of a month is valid")
}

/// Whole calendar months from `start`'s month to `end`'s month.
pub fn months_between(start: Date, end: Date) -> i32 {
    (end.year() * 12 + end.month() as i32) - (start.year() * 12 + start.month() as i32)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn linear_maps_ends_and_middle_and_inverts() {
        let s = Linear::new((0.0, 200.0), (250.0, 50.0));
        assert_eq!(s.map(0.0), 250.0);
        assert_eq!(s.map(200.0), 50.0);
        assert_eq!(s.map(100.0), 150.0);
        assert_eq!(Linear::new((5.0, 5.0), (0.0, 10.0)).map(5.0), 0.0, "an empty domain maps to the start");
    }

    #[test]
    fn count_ticks_are_round_and_cover_the_maximum() {
        for (max, wanted, ticks) in [
            (0, 5, vec![0, 1]),
            (3, 5, vec![0, 1, 2, 3]),
            (7, 5, vec![0, 2, 4, 6, 8]),
            (200, 5, vec![0, 50, 100, 150, 200]),
            (201, 5, vec![0, 50, 100, 150, 200, 250]),
            (1234, 4, vec![0, 500, 1000, 1500]),
            (99_000, 5, vec![0, 20_000, 40_000, 60_000, 80_000, 100_000]),
        ] {
            assert_eq!(count_ticks(max, wanted), ticks, "max {max}, about {wanted} ticks");
        }
    }

    #[test]
    fn long_spans_get_year_ticks_and_short_ones_months() {
        let (start, end) = (date!(2020 - 01 - 01), date!(2025 - 12 - 31));
        let scale = Linear::new((day_number(start), day_number(end)), (0.0, 400.0));
        let ticks = time_ticks(start, end, &scale, 400.0, 40.0);
        assert_eq!(ticks.iter().map(|t| t.year).collect::<Vec<_>>(), vec![2020, 2021, 2022, 2023, 2024, 2025]);
        assert!(ticks.iter().all(|t| t.month.is_none()));
        assert_eq!(ticks[0].x, 0.0);

        let (start, end) = (date!(2024 - 06 - 15), date!(2024 - 10 - 01));
        let scale = Linear::new((day_number(start), day_number(end)), (0.0, 400.0));
        let ticks = time_ticks(start, end, &scale, 400.0, 40.0);
        assert_eq!(ticks.iter().map(|t| t.month).collect::<Vec<_>>(), vec![Some(7), Some(8), Some(9), Some(10)]);
        assert!(ticks.windows(2).all(|w| w[1].x - w[0].x >= 40.0), "labels keep their distance");
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        assert_eq!(add_months(date!(2024 - 11 - 20), 3), date!(2025 - 02 - 01));
        assert_eq!(add_months(date!(2024 - 01 - 31), -1), date!(2023 - 12 - 01));
        assert_eq!(months_between(date!(2024 - 07 - 01), date!(2025 - 02 - 28)), 7);
    }
}
