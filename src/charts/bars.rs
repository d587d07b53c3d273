//! `mechanisms` and `citizenship`: horizontal bars, one per category, the label above each bar
//! so that long names fit on a phone.

use super::{CHAR_WIDTH, Frame, Reported, Swatch, ValueTick, at, swatch, value_axis};
use crate::domain::counts::{CitizenshipCount, MechanismCount};
use crate::domain::{Country, ReleaseMechanism, WaveSummary};

const ROW: f64 = 36.0;
const BAR: f64 = 14.0;
/// Room kept right of the longest bar for its value.
const VALUE_ROOM: f64 = 90.0;
/// Countries shown one by one; the rest are added up in one row.
pub const TOP_COUNTRIES: usize = 10;

/// What a row counts.
#[derive(Debug, Clone, PartialEq)]
pub enum Category {
    Mechanism(ReleaseMechanism),
    Country(Country),
    /// Countries beyond the top ones, added up.
    OtherCountries(usize),
    /// People whose citizenship is not recorded.
    NotRecorded,
}

#[derive(Debug, Clone)]
pub struct BarRow {
    pub category: Category,
    pub documented: i64,
    /// The number reported in waves (mechanisms only).
    pub reported: Option<Reported>,
    pub swatch: Swatch,
    pub label_y: f64,
    pub bar_y: f64,
    /// The reported number's bar (patterned), when there is one.
    pub outer_width: f64,
    /// The documented number's bar (solid).
    pub inner_width: f64,
    pub value_x: f64,
}

#[derive(Debug, Clone)]
pub struct BarsChart {
    pub frame: Frame,
    pub x_ticks: Vec<ValueTick>,
    pub rows: Vec<BarRow>,
    pub bar_height: f64,
}

impl BarsChart {
    /// The mechanisms that appear, for the pattern definitions.
    pub fn swatches(&self) -> Vec<Swatch> {
        let mut seen: Vec<Swatch> = Vec::new();
        for row in &self.rows {
            if !seen.contains(&row.swatch) {
                seen.push(row.swatch);
            }
        }
        seen
    }
}

fn layout(mut rows: Vec<(Category, i64, Option<Reported>, Swatch)>) -> BarsChart {
    rows.retain(|(_, documented, reported, _)| *documented > 0 || reported.is_some());
    let frame = Frame::new(12.0, (rows.len().max(1) as f64) * ROW, 0.0);
    let max = rows.iter().map(|(_, d, r, _)| r.map_or(0, |r| r.count).max(*d)).max().unwrap_or(0);
    let (x, x_ticks) = value_axis(max, 4, (frame.left, frame.right - VALUE_ROOM));
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, (category, documented, reported, swatch))| {
            let top = frame.top + i as f64 * ROW;
            let outer = reported.map_or(0, |r| r.count).max(documented);
            let outer_width = x.map(outer as f64) - frame.left;
            BarRow {
                category,
                documented,
                reported,
                swatch,
                label_y: top + 12.0,
                bar_y: top + 17.0,
                outer_width: at(outer_width),
                inner_width: at(x.map(documented as f64) - frame.left),
                value_x: at(frame.left + outer_width + CHAR_WIDTH / 2.0 + 2.0),
            }
        })
        .collect();
    BarsChart { frame, x_ticks, rows, bar_height: BAR }
}

/// Documented releases by mechanism, beside the numbers reported in waves of that mechanism.
pub fn mechanisms(documented: &[MechanismCount], waves: &[WaveSummary]) -> BarsChart {
    let mut rows: Vec<(Category, i64, Option<Reported>, Swatch)> = ReleaseMechanism::ALL
        .iter()
        .filter(|m| **m != ReleaseMechanism::DeathInCustody)
        .map(|m| {
            let count = documented.iter().find(|d| d.mechanism == *m).map_or(0, |d| d.documented);
            let reported = Reported::sum(waves.iter().filter(|w| w.mechanism == *m).map(super::waves::reported));
            (Category::Mechanism(*m), count, reported, swatch(*m))
        })
        .collect();
    rows.sort_by_key(|(_, d, r, _)| std::cmp::Reverse(r.map_or(0, |r| r.count).max(*d)));
    layout(rows)
}

/// People released by citizenship: the largest [`TOP_COUNTRIES`], the rest added up, and the
/// people whose citizenship is not recorded.
pub fn citizenship(counts: &[CitizenshipCount]) -> BarsChart {
    let plain = Swatch { colour: "#0072B2", pattern: "solid" };
    let mut rows = Vec::new();
    let mut others = (0usize, 0i64);
    let mut unknown = 0;
    for count in counts {
        match &count.country {
            None => unknown += count.released,
            Some(country) if rows.len() < TOP_COUNTRIES => {
                rows.push((Category::Country(country.clone()), count.released, None, plain));
            }
            Some(_) => others = (others.0 + 1, others.1 + count.released),
        }
    }
    if others.0 > 0 {
        rows.push((Category::OtherCountries(others.0), others.1, None, plain));
    }
    rows.push((Category::NotRecorded, unknown, None, Swatch { colour: "#6E6E6E", pattern: "solid" }));
    layout(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CountQualifier;

    fn country(code: &str) -> Option<Country> {
        Some(Country { code: code.into(), name: code.into() })
    }

    #[test]
    fn mechanisms_put_reported_beside_documented_and_drop_empty_ones() {
        let chart = mechanisms(
            &[MechanismCount { mechanism: ReleaseMechanism::Pardon, documented: 4 }],
            &[WaveSummary {
                slug: "w".into(),
                name: "w".into(),
                started: "2024-07".parse().unwrap(),
                ended: None,
                country: country("BY").unwrap(),
                mechanism: ReleaseMechanism::Pardon,
                reported_released_count: Some(200),
                reported_count_qualifier: Some(CountQualifier::MoreThan),
                documented: 1,
                spans: 0,
            }],
        );
        assert_eq!(chart.rows.len(), 1);
        let row = &chart.rows[0];
        assert_eq!(row.category, Category::Mechanism(ReleaseMechanism::Pardon));
        assert_eq!(row.reported, Some(Reported { count: 200, qualifier: CountQualifier::MoreThan }));
        assert!((row.inner_width / row.outer_width - 4.0 / 200.0).abs() < 1e-3);
    }

    #[test]
    fn citizenship_keeps_the_largest_and_adds_up_the_rest() {
        let mut counts: Vec<CitizenshipCount> =
            (0..12).map(|i| CitizenshipCount { country: country(&format!("C{i}")), released: 20 - i }).collect();
        counts.push(CitizenshipCount { country: None, released: 5 });
        let chart = citizenship(&counts);
        assert_eq!(chart.rows.len(), TOP_COUNTRIES + 2);
        assert_eq!(chart.rows[TOP_COUNTRIES].category, Category::OtherCountries(2));
        assert_eq!(chart.rows[TOP_COUNTRIES].documented, 10 + 9);
        assert_eq!(chart.rows.last().unwrap().category, Category::NotRecorded);
        assert_eq!(
            chart.rows.iter().map(|r| r.documented).sum::<i64>(),
            counts.iter().map(|c| c.released).sum::<i64>(),
            "no one is lost in \"other countries\""
        );
        assert!(chart.rows.windows(2).all(|w| w[0].bar_y < w[1].bar_y));
    }
}
