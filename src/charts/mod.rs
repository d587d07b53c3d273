//! Charts drawn on the server as SVG. This module owns the geometry: scales, ticks, bar and
//! line positions, label placement. The words (titles, descriptions, labels) are in
//! `templates/charts/`, which turn these shapes into markup.
//!
//! Every chart is sized in SVG user units for a viewBox [`WIDTH`] wide; pages scale it to the
//! column, so text sizes are chosen to stay legible at 360 px.

pub mod bars;
pub mod lines;
pub mod png;
pub mod scale;
pub mod waves;

use crate::domain::{CountQualifier, ReleaseMechanism};

/// Width of every chart's viewBox.
pub const WIDTH: f64 = 400.0;
/// Font size of tick labels; other text is sized relative to it in the templates.
pub const FONT: f64 = 12.0;
/// Rough width of one character of the chart font at [`FONT`], for fitting labels.
const CHAR_WIDTH: f64 = FONT * 0.6;

/// The charts, by the name in their URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartName {
    Waves,
    Flows,
    Held,
    Mechanisms,
    Citizenship,
}

impl ChartName {
    pub const ALL: [ChartName; 5] =
        [ChartName::Waves, ChartName::Flows, ChartName::Held, ChartName::Mechanisms, ChartName::Citizenship];

    pub fn as_str(self) -> &'static str {
        match self {
            ChartName::Waves => "waves",
            ChartName::Flows => "flows",
            ChartName::Held => "held",
            ChartName::Mechanisms => "mechanisms",
            ChartName::Citizenship => "citizenship",
        }
    }

    pub fn parse(name: &str) -> Option<ChartName> {
        ChartName::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// Rounds a position to a tenth of a unit: finer than any screen shows, and it keeps the
/// markup short.
pub(crate) fn at(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Where the plot sits inside the chart: everything outside it is axes, labels and legend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Frame {
    /// A frame with the plot `plot_height` tall, `left` units from the left edge, and room
    /// below the x axis for `below` more units (legends).
    fn new(left: f64, plot_height: f64, below: f64) -> Frame {
        let top = 12.0;
        let bottom = top + plot_height;
        Frame { width: WIDTH, height: bottom + 22.0 + below, left, top, right: WIDTH - 12.0, bottom }
    }

    /// The same frame with `extra` more units above the plot (for labels over the tallest bar).
    fn with_headroom(self, extra: f64) -> Frame {
        Frame { top: self.top + extra, bottom: self.bottom + extra, height: self.height + extra, ..self }
    }

    pub fn plot_width(&self) -> f64 {
        self.right - self.left
    }

    /// Where the legend starts (below the x-axis labels).
    pub fn legend_top(&self) -> f64 {
        self.bottom + 30.0
    }
}

/// A horizontal grid line with its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueTick {
    /// Position along the value axis (y for column charts, x for bar charts).
    pub at: f64,
    pub value: i64,
}

/// A count axis from 0 to a round number at or above `max`, drawn from `r0` (zero) to `r1`.
fn value_axis(max: i64, wanted: u32, (r0, r1): (f64, f64)) -> (scale::Linear, Vec<ValueTick>) {
    let values = scale::count_ticks(max, wanted);
    let top = *values.last().unwrap_or(&1);
    let scale = scale::Linear::new((0.0, top as f64), (r0, r1));
    let ticks = values.into_iter().map(|value| ValueTick { at: at(scale.map(value as f64)), value }).collect();
    (scale, ticks)
}

/// How a mechanism is drawn: a colour (Okabe–Ito, safe for colour-blind readers) *and* a
/// pattern, so the chart still reads in black-and-white print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Swatch {
    pub colour: &'static str,
    /// A key the templates turn into a `<pattern>`: `diagonal`, `dots`, `horizontal`,
    /// `crosshatch`, `vertical`, `back-diagonal`, `grid`, `solid`, `sparse-dots`.
    pub pattern: &'static str,
}

pub fn swatch(mechanism: ReleaseMechanism) -> Swatch {
    let (colour, pattern) = match mechanism {
        ReleaseMechanism::Pardon => ("#0072B2", "diagonal"),
        ReleaseMechanism::Amnesty => ("#56B4E9", "dots"),
        ReleaseMechanism::SentenceServed => ("#009E73", "horizontal"),
        ReleaseMechanism::Exchange => ("#D55E00", "crosshatch"),
        ReleaseMechanism::ReleaseToForeignGovernment => ("#CC79A7", "vertical"),
        ReleaseMechanism::Deportation => ("#E69F00", "back-diagonal"),
        ReleaseMechanism::CourtDecision => ("#8C6D00", "grid"),
        ReleaseMechanism::DeathInCustody => ("#000000", "solid"),
        ReleaseMechanism::Other => ("#6E6E6E", "sparse-dots"),
    };
    Swatch { colour, pattern }
}

/// A legend entry for a mechanism, one per row below the plot (two columns would not fit the
/// longer names at phone widths).
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub mechanism: ReleaseMechanism,
    pub swatch: Swatch,
    pub x: f64,
    pub y: f64,
}

pub const LEGEND_ROW: f64 = 18.0;

fn legend(top: f64, mechanisms: &[ReleaseMechanism]) -> Vec<LegendItem> {
    mechanisms
        .iter()
        .enumerate()
        .map(|(i, m)| LegendItem { mechanism: *m, swatch: swatch(*m), x: 12.0, y: top + i as f64 * LEGEND_ROW })
        .collect()
}

fn legend_height(items: usize) -> f64 {
    items as f64 * LEGEND_ROW
}

/// A reported number as drawn: the count, and whether it is a floor ("more than 200") or
/// otherwise inexact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    pub count: i64,
    pub qualifier: CountQualifier,
}

impl Reported {
    /// A floor: the bar is drawn to the number and marked as going on above it.
    pub fn is_floor(&self) -> bool {
        matches!(self.qualifier, CountQualifier::MoreThan | CountQualifier::AtLeast)
    }

    /// Characters of the short label (`>200`, `≈1,500`), for fitting it.
    fn label_chars(&self) -> usize {
        let digits = self.count.max(0).to_string().len();
        let symbol = usize::from(self.qualifier != CountQualifier::Exactly);
        digits + (digits - 1) / 3 + symbol
    }

    /// Adds up reported numbers: exact only when every part is; a floor when any part is a floor
    /// or missing (unknown numbers add someone); "about" when any part is uncertain either way.
    pub fn sum(parts: impl IntoIterator<Item = Option<Reported>>) -> Option<Reported> {
        let mut total: Option<Reported> = None;
        let (mut missing, mut floor, mut rough) = (false, false, false);
        for part in parts {
            let Some(part) = part else {
                missing = true;
                continue;
            };
            floor |= part.is_floor();
            rough |=
                !matches!(part.qualifier, CountQualifier::Exactly | CountQualifier::MoreThan | CountQualifier::AtLeast);
            let count = total.map_or(0, |t| t.count) + part.count;
            total = Some(Reported { count, qualifier: CountQualifier::Exactly });
        }
        let mut total = total?;
        total.qualifier = if rough {
            CountQualifier::About
        } else if floor {
            CountQualifier::MoreThan
        } else if missing {
            CountQualifier::AtLeast
        } else {
            CountQualifier::Exactly
        };
        Some(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(count: i64, qualifier: CountQualifier) -> Option<Reported> {
        Some(Reported { count, qualifier })
    }

    #[test]
    fn reported_numbers_add_up_with_their_qualifiers() {
        use CountQualifier::*;
        assert_eq!(Reported::sum([r(3, Exactly), r(1, Exactly)]), r(4, Exactly));
        assert_eq!(Reported::sum([r(200, MoreThan), r(3, Exactly)]), r(203, MoreThan));
        assert_eq!(Reported::sum([r(3, Exactly), None]), r(3, AtLeast), "an unknown number adds someone");
        assert_eq!(Reported::sum([r(50, About), r(200, MoreThan)]), r(250, About));
        assert_eq!(Reported::sum([None, None]), None, "nothing reported sums to nothing");
        assert_eq!(Reported::sum([]), None);
    }

    #[test]
    fn every_mechanism_has_its_own_colour_and_pattern() {
        let swatches: Vec<Swatch> = ReleaseMechanism::ALL.iter().map(|m| swatch(*m)).collect();
        for (i, a) in swatches.iter().enumerate() {
            for b in &swatches[i + 1..] {
                assert_ne!(a.colour, b.colour);
                assert_ne!(a.pattern, b.pattern);
            }
        }
    }

    #[test]
    fn chart_names_round_trip() {
        for name in ChartName::ALL {
            assert_eq!(ChartName::parse(name.as_str()), Some(name));
        }
        assert_eq!(ChartName::parse("pie"), None);
    }
}
