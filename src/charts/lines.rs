//! `flows` (arrests and releases per month) and `held` (people held over time, with the
//! release waves marked): lines over months.

use std::fmt::Write;

use time::{Date, Duration};

use super::scale::{Linear, TimeTick, add_months, day_number, first_of_month, months_between, time_ticks};
use super::{Frame, LEGEND_ROW, Swatch, ValueTick, at, swatch, value_axis};
use crate::domain::WaveSummary;
use crate::domain::counts::{Flows, HeldChanges};

const PLOT_HEIGHT: f64 = 190.0;
/// Markers on every point only while they stay apart.
const MAX_MARKED_POINTS: usize = 36;
/// Tables list months up to this many; longer ranges are summarised by year.
pub const MAX_TABLE_MONTHS: usize = 36;

/// One line. `key` names it for the templates (`arrests`, `releases`, `held`).
#[derive(Debug, Clone)]
pub struct Series {
    pub key: &'static str,
    pub colour: &'static str,
    /// `stroke-dasharray`, empty for a solid line: lines differ in print too.
    pub dash: &'static str,
    /// The SVG path.
    pub path: String,
    pub markers: Vec<(f64, f64)>,
}

/// A release wave on the `held` chart: a line on its day, or a band over a vaguer period.
#[derive(Debug, Clone)]
pub struct WaveMark {
    pub wave: WaveSummary,
    pub swatch: Swatch,
    pub x: f64,
    pub width: f64,
    pub approximate: bool,
}

/// A row of the data: a month (or, in year summaries, a year) and one value per series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub month: Date,
    pub values: Vec<i64>,
}

#[derive(Debug, Clone)]
pub struct LineChart {
    pub frame: Frame,
    pub y_ticks: Vec<ValueTick>,
    pub x_ticks: Vec<TimeTick>,
    pub series: Vec<Series>,
    pub waves: Vec<WaveMark>,
    /// Every month from `first` to `last`, for the CSV.
    pub rows: Vec<Row>,
    pub first: Date,
    pub last: Date,
    /// Records that could not be placed in a month, per series.
    pub unplaced: Vec<i64>,
    /// The last month the sources speak of, when the range goes on past it: later months
    /// carry the last reported state on (`held` only).
    pub confirmed_until: Option<Date>,
}

impl LineChart {
    /// The month with the highest value of series `i` (the earliest on a tie).
    pub fn peak(&self, i: usize) -> Option<&Row> {
        self.rows.iter().rev().max_by_key(|r| r.values[i]).filter(|r| r.values[i] > 0)
    }

    pub fn total(&self, i: usize) -> i64 {
        self.rows.iter().map(|r| r.values[i]).sum()
    }

    /// Whether any record of series `i` (or of any series, for `None`) could not be placed.
    pub fn has_unplaced(&self, i: Option<usize>) -> bool {
        match i {
            Some(i) => self.unplaced.get(i).is_some_and(|n| *n > 0),
            None => self.unplaced.iter().any(|n| *n > 0),
        }
    }

    /// The patterns the wave marks use, each once.
    pub fn swatches(&self) -> Vec<Swatch> {
        let mut seen: Vec<Swatch> = Vec::new();
        for mark in &self.waves {
            if !seen.contains(&mark.swatch) {
                seen.push(mark.swatch);
            }
        }
        seen
    }

    /// Whether `row` lies past the newest source: carried on, not confirmed.
    pub fn unconfirmed(&self, row: &Row) -> bool {
        self.confirmed_until.is_some_and(|until| row.month > until)
    }

    /// [`LineChart::unconfirmed`] for a row of [`LineChart::table_rows`]: a year's row shows its
    /// last month.
    pub fn unconfirmed_in_table(&self, row: &Row) -> bool {
        let shown = if self.by_year() {
            row.month.replace_month(time::Month::December).unwrap_or(row.month).min(self.last)
        } else {
            row.month
        };
        self.confirmed_until.is_some_and(|until| shown > until)
    }

    pub fn latest(&self) -> Option<&Row> {
        self.rows.last()
    }

    /// Whether the table shows a row per year instead of per month.
    pub fn by_year(&self) -> bool {
        self.rows.len() > MAX_TABLE_MONTHS
    }

    /// Rows for the page's table: every month, or one per year (totals for flows, the count at
    /// the year's last month for `held`).
    pub fn table_rows(&self, summed: bool) -> Vec<Row> {
        if !self.by_year() {
            return self.rows.clone();
        }
        let mut years: Vec<Row> = Vec::new();
        for row in &self.rows {
            match years.last_mut() {
                Some(last) if last.month.year() == row.month.year() => {
                    for (total, v) in last.values.iter_mut().zip(&row.values) {
                        *total = if summed { *total + v } else { *v };
                    }
                }
                _ => years.push(Row {
                    month: row.month.replace_month(time::Month::January).unwrap_or(row.month),
                    values: row.values.clone(),
                }),
            }
        }
        years
    }
}

/// The months from the filter's first day (or the data's) to its last (or today).
pub fn month_range(first: Date, last: Date) -> (Date, Date) {
    let first = first_of_month(first);
    let last = first_of_month(last).max(first);
    (first, last)
}

fn months(first: Date, last: Date) -> impl Iterator<Item = Date> {
    (0..=months_between(first, last)).map(move |i| add_months(first, i))
}

fn time_axis(frame: &Frame, first: Date, last: Date) -> (Linear, Vec<TimeTick>) {
    let end = add_months(last, 1);
    let x = Linear::new((day_number(first), day_number(end)), (frame.left, frame.right));
    let ticks = time_ticks(first, end - Duration::days(1), &x, frame.plot_width(), 48.0);
    (x, ticks)
}

fn middle_of(month: Date) -> f64 {
    (day_number(month) + day_number(add_months(month, 1))) / 2.0
}

/// Arrests and releases per month from `first` to `last` (first days of months).
pub fn flows(data: &Flows, first: Date, last: Date) -> LineChart {
    let frame = Frame::new(44.0, PLOT_HEIGHT, 2.0 * LEGEND_ROW);
    let rows: Vec<Row> = months(first, last)
        .map(|month| {
            let found = data.months.iter().find(|m| m.month == month);
            Row { month, values: vec![found.map_or(0, |m| m.arrests), found.map_or(0, |m| m.releases)] }
        })
        .collect();
    let max = rows.iter().flat_map(|r| r.values.iter().copied()).max().unwrap_or(0);
    let (y, y_ticks) = value_axis(max, 5, (frame.bottom, frame.top));
    let (x, x_ticks) = time_axis(&frame, first, last);
    let marked = rows.len() <= MAX_MARKED_POINTS;
    let line = |i: usize| {
        let points: Vec<(f64, f64)> =
            rows.iter().map(|r| (at(x.map(middle_of(r.month))), at(y.map(r.values[i] as f64)))).collect();
        let mut path = String::new();
        for (n, (px, py)) in points.iter().enumerate() {
            let _ = write!(path, "{}{px:.1} {py:.1}", if n == 0 { "M" } else { " L" });
        }
        (path, if marked { points } else { Vec::new() })
    };
    let (arrests, arrest_points) = line(0);
    let (releases, release_points) = line(1);
    LineChart {
        frame,
        y_ticks,
        x_ticks,
        series: vec![
            Series { key: "arrests", colour: "#D55E00", dash: "", path: arrests, markers: arrest_points },
            Series { key: "releases", colour: "#0072B2", dash: "6 3", path: releases, markers: release_points },
        ],
        waves: Vec::new(),
        rows,
        first,
        last,
        unplaced: vec![data.unplaced_arrests, data.unplaced_releases],
        confirmed_until: None,
    }
}

/// People held at the end of each month from `first` to `last`, with `waves` marked.
///
/// `as_of` is the month of the newest source the data rest on. Months after it are drawn as a
/// second, dashed series (`held-unconfirmed`): the count carried on from what was last
/// reported, not a state any source confirms, so an old status is not drawn as today's.
pub fn held(data: &HeldChanges, waves: &[WaveSummary], first: Date, last: Date, as_of: Option<Date>) -> LineChart {
    let confirmed_until = as_of.map(first_of_month).filter(|month| *month < last);
    let legend_rows = if confirmed_until.is_some() { 3.0 } else { 2.0 };
    let frame = Frame::new(44.0, PLOT_HEIGHT, legend_rows * LEGEND_ROW);
    // Everyone detained before the range and not yet released is held when it begins.
    let mut count: i64 = data.deltas.iter().filter(|(m, _)| *m < first).map(|(_, d)| d).sum();
    let rows: Vec<Row> = months(first, last)
        .map(|month| {
            count += data.deltas.iter().filter(|(m, _)| *m == month).map(|(_, d)| d).sum::<i64>();
            Row { month, values: vec![count] }
        })
        .collect();
    let max = rows.iter().map(|r| r.values[0]).max().unwrap_or(0);
    let (y, y_ticks) = value_axis(max, 5, (frame.bottom, frame.top));
    let (x, x_ticks) = time_axis(&frame, first, last);
    // One step per month; a month after `confirmed_until` goes to the second path, which
    // starts where the first ends.
    let (mut confirmed, mut unconfirmed) = (String::new(), String::new());
    let mut previous: Option<f64> = None;
    for row in &rows {
        let (x0, x1, py) =
            (x.map(day_number(row.month)), x.map(day_number(add_months(row.month, 1))), y.map(row.values[0] as f64));
        let after = confirmed_until.is_some_and(|until| row.month > until);
        let path = if after { &mut unconfirmed } else { &mut confirmed };
        if path.is_empty() {
            let _ = write!(path, "M{x0:.1} {:.1}", previous.unwrap_or(py));
        }
        let _ = write!(path, " V{py:.1} H{x1:.1}");
        previous = Some(py);
    }
    let mut series = vec![Series { key: "held", colour: "#9A3412", dash: "", path: confirmed, markers: Vec::new() }];
    if !unconfirmed.is_empty() {
        series.push(Series {
            key: "held-unconfirmed",
            colour: "#9A3412",
            dash: "2 4",
            path: unconfirmed,
            markers: Vec::new(),
        });
    }
    let range_end = add_months(last, 1);
    let marks = waves
        .iter()
        .filter(|w| w.started.start() < range_end && w.ended.map_or(w.started.end(), |e| e.end()) >= first)
        .map(|w| {
            let period_end = w.ended.map_or(w.started.end(), |e| e.end()) + Duration::days(1);
            let x0 = x.map(day_number(w.started.start().max(first))).max(frame.left);
            let x1 = x.map(day_number(period_end.min(range_end))).min(frame.right);
            WaveMark {
                wave: w.clone(),
                swatch: swatch(w.mechanism),
                x: at(x0),
                width: at((x1 - x0).max(1.5)),
                approximate: w.started.is_approximate() || w.ended.is_some(),
            }
        })
        .collect();
    LineChart {
        frame,
        y_ticks,
        x_ticks,
        series,
        waves: marks,
        rows,
        first,
        last,
        unplaced: vec![data.unplaced],
        confirmed_until,
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::domain::counts::MonthFlow;

    #[test]
    fn flows_fill_empty_months_with_zero() {
        let data = Flows {
            months: vec![
                MonthFlow { month: date!(2024 - 01 - 01), arrests: 4, releases: 0 },
                MonthFlow { month: date!(2024 - 03 - 01), arrests: 1, releases: 2 },
            ],
            unplaced_arrests: 3,
            unplaced_releases: 0,
        };
        let chart = flows(&data, date!(2024 - 01 - 01), date!(2024 - 04 - 01));
        let values: Vec<Vec<i64>> = chart.rows.iter().map(|r| r.values.clone()).collect();
        assert_eq!(values, vec![vec![4, 0], vec![0, 0], vec![1, 2], vec![0, 0]]);
        assert_eq!(chart.peak(0).unwrap().month, date!(2024 - 01 - 01));
        assert_eq!(chart.total(1), 2);
        assert_eq!(chart.unplaced, vec![3, 0]);
        assert_eq!(chart.series[0].markers.len(), 4);
        let top = chart.y_ticks.last().unwrap();
        let y_of_4 = chart.frame.bottom - 4.0 / top.value as f64 * (chart.frame.bottom - top.at);
        assert_eq!(chart.series[0].markers[0].1, y_of_4);
    }

    #[test]
    fn held_counts_everyone_detained_before_the_range() {
        let data = HeldChanges {
            deltas: vec![(date!(2020 - 05 - 01), 2), (date!(2024 - 02 - 01), 1), (date!(2024 - 03 - 01), -2)],
            unplaced: 1,
        };
        let chart = held(&data, &[], date!(2024 - 01 - 01), date!(2024 - 04 - 01), None);
        let values: Vec<i64> = chart.rows.iter().map(|r| r.values[0]).collect();
        assert_eq!(values, vec![2, 3, 1, 1]);
        assert_eq!(chart.peak(0).unwrap().month, date!(2024 - 02 - 01));
        assert!(chart.series[0].path.starts_with('M'));
        assert_eq!(chart.series[0].path.matches('H').count(), 4, "one step per month");
        assert_eq!(chart.series.len(), 1, "no source date: nothing is marked unconfirmed");
    }

    #[test]
    fn held_after_the_newest_source_is_drawn_apart() {
        let data = HeldChanges { deltas: vec![(date!(2024 - 01 - 01), 3)], unplaced: 0 };
        let (first, last) = (date!(2024 - 01 - 01), date!(2024 - 06 - 01));
        let chart = held(&data, &[], first, last, Some(date!(2024 - 02 - 12)));
        let keys: Vec<&str> = chart.series.iter().map(|s| s.key).collect();
        assert_eq!(keys, ["held", "held-unconfirmed"]);
        assert_eq!(chart.series[0].path.matches('H').count(), 2, "January and February are confirmed");
        assert_eq!(chart.series[1].path.matches('H').count(), 4, "March to June are carried on");
        assert!(!chart.series[1].dash.is_empty(), "the carried-on months look different in print too");
        // The second path starts where the first ends.
        let end = chart.series[0].path.rsplit(" H").next().unwrap();
        assert!(chart.series[1].path.starts_with(&format!("M{end} ")), "{:?}", chart.series);
        assert_eq!(chart.rows.len(), 6, "the data rows are every month all the same");
        // A source newer than the range's end leaves the line whole.
        let chart = held(&data, &[], first, last, Some(date!(2024 - 06 - 30)));
        assert_eq!(chart.series.len(), 1);
    }

    #[test]
    fn long_ranges_are_tabled_by_year() {
        let data = Flows {
            months: vec![
                MonthFlow { month: date!(2021 - 03 - 01), arrests: 2, releases: 1 },
                MonthFlow { month: date!(2023 - 12 - 01), arrests: 5, releases: 0 },
            ],
            ..Flows::default()
        };
        let chart = flows(&data, date!(2021 - 01 - 01), date!(2024 - 06 - 01));
        assert!(chart.by_year());
        let years: Vec<(i32, Vec<i64>)> =
            chart.table_rows(true).into_iter().map(|r| (r.month.year(), r.values)).collect();
        assert_eq!(years, vec![(2021, vec![2, 1]), (2022, vec![0, 0]), (2023, vec![5, 0]), (2024, vec![0, 0])]);
    }
}
