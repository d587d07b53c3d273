//! `waves`: one bar per release wave on a time axis. The bar's height is the number reported
//! released; the solid part inside it is how many of them are documented here. A wave dated to a
//! month, season or year spans that period and is drawn with a dashed outline, never as a day.
//! An aggregate (a total over a period that holds other waves, `WaveSummary::is_aggregate`) is
//! not a bar: it is a band across its period behind the waves it holds, with its number as a
//! label, and it leaves the value axis to the single waves, which it would otherwise dwarf.

use time::{Date, Duration};

use super::scale::{Linear, TimeTick, day_number, time_ticks};
use super::{
    CHAR_WIDTH, Frame, LegendItem, Reported, Swatch, ValueTick, at, legend, legend_height, swatch, value_axis,
};
use crate::domain::{ReleaseMechanism, WaveSummary};

/// Narrowest bar drawn, so that a wave of one day stays visible and clickable.
const MIN_BAR: f64 = 6.0;
const PLOT_HEIGHT: f64 = 200.0;
const LABEL_LINE: f64 = 13.0;
/// Lowest bar drawn for a number above zero.
const MIN_HEIGHT: f64 = 2.0;

#[derive(Debug, Clone)]
pub struct WaveBar {
    pub wave: WaveSummary,
    pub reported: Option<Reported>,
    /// The wave's date is known only to a month, season or year (or it spans a period).
    pub approximate: bool,
    pub swatch: Swatch,
    pub x: f64,
    pub width: f64,
    /// The full bar: the reported number, or the documented one when that is larger.
    pub outer_top: f64,
    pub outer_height: f64,
    /// The documented part, drawn solid from the axis up.
    pub inner_top: f64,
    pub inner_height: f64,
    /// Where the value label sits (centre, baseline), when there is room for it.
    pub label: Option<(f64, f64)>,
}

impl WaveBar {
    pub fn centre(&self) -> f64 {
        at(self.x + self.width / 2.0)
    }

    /// The path of the arrow drawn above a bar whose number is a floor ("more than").
    pub fn arrow(&self) -> String {
        format!("M{} {} l5 -6 l5 6", at(self.centre() - 5.0), at(self.outer_top - 2.0))
    }

    /// The path of the marker drawn on the axis for a wave with no number at all.
    pub fn marker(&self, axis: &f64) -> String {
        format!("M{} {axis} l5 -9 l5 9 z", at(self.centre() - 5.0))
    }

    /// Neither a reported number nor anyone documented: drawn as a marker on the axis.
    pub fn is_unknown(&self) -> bool {
        self.reported.is_none() && self.wave.documented == 0
    }

    /// More may have been released than the bar shows ("more than 200").
    pub fn is_floor(&self) -> bool {
        self.reported.is_some_and(|r| r.is_floor())
    }
}

/// An aggregate wave: a band the height of the plot across its period, behind the bars.
#[derive(Debug, Clone)]
pub struct WaveBand {
    pub wave: WaveSummary,
    pub reported: Option<Reported>,
    pub swatch: Swatch,
    pub x: f64,
    pub width: f64,
    pub top: f64,
    pub height: f64,
    /// Where its short number sits (start, baseline), left-aligned inside the band's start,
    /// when there is room for it.
    pub label: Option<(f64, f64)>,
}

impl WaveBand {
    /// Characters of its label: the reported number (`>200`), or the documented one.
    fn label_chars(&self) -> usize {
        self.reported.map_or_else(|| self.wave.documented.to_string().len(), |r| r.label_chars())
    }
}

#[derive(Debug, Clone)]
pub struct WavesChart {
    pub frame: Frame,
    pub y_ticks: Vec<ValueTick>,
    pub x_ticks: Vec<TimeTick>,
    /// Aggregates, drawn first (behind the bars), widest first.
    pub bands: Vec<WaveBand>,
    /// In drawing order: longer periods first, so that short waves stay visible on top.
    pub bars: Vec<WaveBar>,
    pub legend: Vec<LegendItem>,
    /// Where the legend row explaining solid (documented) and patterned (reported) parts sits;
    /// the row explaining bands, when there are any, is the third below it.
    pub key_y: f64,
    /// The waves in date order, for the data table and the CSV.
    pub waves: Vec<WaveSummary>,
    pub start: Date,
    pub end: Date,
}

impl WavesChart {
    pub fn mechanisms(&self) -> impl Iterator<Item = &LegendItem> {
        self.legend.iter()
    }

    /// The single wave (not an aggregate) with the largest number released (reported or
    /// documented), for the description.
    pub fn largest(&self) -> Option<&WaveBar> {
        self.bars.iter().max_by_key(|b| b.reported.map_or(0, |r| r.count).max(b.wave.documented))
    }

    pub fn documented_total(&self) -> i64 {
        self.waves.iter().map(|w| w.documented).sum()
    }
}

pub fn reported(wave: &WaveSummary) -> Option<Reported> {
    wave.reported_released_count.map(|count| Reported {
        count: i64::from(count),
        qualifier: wave.reported_count_qualifier.unwrap_or(crate::domain::CountQualifier::Exactly),
    })
}

fn period(wave: &WaveSummary) -> (Date, Date) {
    (wave.started.start(), wave.ended.map_or(wave.started.end(), |e| e.end()))
}

/// Lays out `waves` (in date order) from `from` to `to`; a missing end is taken from the waves'
/// own dates.
pub fn build(waves: Vec<WaveSummary>, from: Option<Date>, to: Option<Date>) -> WavesChart {
    let mut mechanisms: Vec<ReleaseMechanism> = Vec::new();
    for wave in &waves {
        if !mechanisms.contains(&wave.mechanism) {
            mechanisms.push(wave.mechanism);
        }
    }
    let has_bands = waves.iter().any(WaveSummary::is_aggregate);
    // Below the mechanisms, two more legend rows say what is solid and what is patterned, and a
    // third what a band is, when there is one.
    let key_rows = if has_bands { 3 } else { 2 };
    let frame = Frame::new(44.0, PLOT_HEIGHT, legend_height(mechanisms.len() + key_rows)).with_headroom(16.0);
    let (auto_start, auto_end) = {
        let first = waves.iter().map(|w| period(w).0).min();
        let last = waves.iter().map(|w| period(w).1).max();
        match first.zip(last) {
            Some((first, last)) => {
                let pad = Duration::days(((last - first).whole_days() / 25).max(15));
                (first - pad, last + pad)
            }
            None => {
                let today = time::OffsetDateTime::now_utc().date();
                (today - Duration::days(365), today)
            }
        }
    };
    let start = from.unwrap_or(auto_start);
    let end = to.unwrap_or(auto_end).max(start);
    let x = Linear::new((day_number(start), day_number(end + Duration::days(1))), (frame.left, frame.right));
    let x_ticks = time_ticks(start, end, &x, frame.plot_width(), 48.0);

    // The axis is the single waves': an aggregate's number is its label, not a height.
    let max = waves
        .iter()
        .filter(|w| !w.is_aggregate())
        .map(|w| reported(w).map_or(0, |r| r.count).max(w.documented))
        .max()
        .unwrap_or(0);
    let (y, y_ticks) = value_axis(max, 5, (frame.bottom, frame.top));

    let mut bands: Vec<WaveBand> = waves
        .iter()
        .filter(|w| w.is_aggregate())
        .map(|wave| {
            let (first, last) = period(wave);
            let x0 = x.map(day_number(first)).max(frame.left);
            let x1 = x.map(day_number(last + Duration::days(1))).min(frame.right).max(x0);
            WaveBand {
                wave: wave.clone(),
                reported: reported(wave),
                swatch: swatch(wave.mechanism),
                x: at(x0),
                width: at(x1 - x0),
                top: at(frame.top),
                height: at(frame.bottom - frame.top),
                label: None,
            }
        })
        .collect();
    bands.sort_by(|a, b| b.width.total_cmp(&a.width).then(a.x.total_cmp(&b.x)));

    let mut bars: Vec<WaveBar> = waves
        .iter()
        .filter(|w| !w.is_aggregate())
        .map(|wave| {
            let (first, last) = period(wave);
            let x0 = x.map(day_number(first)).max(frame.left);
            let x1 = x.map(day_number(last + Duration::days(1))).min(frame.right);
            let (bar_x, width) =
                if x1 - x0 >= MIN_BAR { (x0, x1 - x0) } else { ((x0 + x1) / 2.0 - MIN_BAR / 2.0, MIN_BAR) };
            let reported = reported(wave);
            let outer = reported.map_or(0, |r| r.count).max(wave.documented);
            // A few people beside hundreds would vanish: anyone at all gets two units.
            let visible = |count: i64, top: f64| if count > 0 { top.min(frame.bottom - MIN_HEIGHT) } else { top };
            let outer_top = visible(outer, y.map(outer as f64));
            let inner_top = visible(wave.documented, y.map(wave.documented as f64));
            WaveBar {
                wave: wave.clone(),
                reported,
                approximate: wave.started.is_approximate() || wave.ended.is_some(),
                swatch: swatch(wave.mechanism),
                x: at(bar_x),
                width: at(width),
                outer_top: at(outer_top),
                outer_height: at(frame.bottom - outer_top),
                inner_top: at(inner_top),
                inner_height: at(frame.bottom - inner_top),
                label: None,
            }
        })
        .collect();

    // Waves of a day or two, days apart, would hide each other: set them side by side.
    let mut narrow: Vec<usize> = (0..bars.len()).filter(|i| bars[*i].width <= MIN_BAR).collect();
    narrow.sort_by(|a, b| bars[*a].x.total_cmp(&bars[*b].x));
    let mut last_end = f64::NEG_INFINITY;
    for i in narrow {
        if bars[i].x < last_end + 1.0 {
            bars[i].x = at(last_end + 1.0);
        }
        last_end = bars[i].x + bars[i].width;
    }

    // Wide (long or vague) periods first, so that short waves are drawn on top of them.
    bars.sort_by(|a, b| b.width.total_cmp(&a.width).then(a.x.total_cmp(&b.x)));
    let placed = place_band_labels(&mut bands, frame.top);
    place_labels(&mut bars, frame.top, placed);

    let legend = legend(frame.legend_top(), &mechanisms);
    let key_y = frame.legend_top() + legend_height(mechanisms.len());
    WavesChart { frame, y_ticks, x_ticks, bands, bars, legend, key_y, waves, start, end }
}

/// Puts each band's number just above the plot at the band's start, where it fits inside the
/// band's width and clear of the labels already placed; returns every label placed, as
/// (left, right, baseline), for the bars' labels to keep clear of.
fn place_band_labels(bands: &mut [WaveBand], plot_top: f64) -> Vec<(f64, f64, f64)> {
    let mut placed: Vec<(f64, f64, f64)> = Vec::new();
    let baseline = plot_top - 4.0;
    for band in bands.iter_mut() {
        let (x0, x1) = (band.x + 3.0, band.x + 3.0 + band.label_chars() as f64 * CHAR_WIDTH);
        let clear = placed.iter().all(|(l, r, _)| x1 < *l || x0 > *r);
        if clear && x1 <= band.x + band.width {
            placed.push((x0, x1, baseline));
            band.label = Some((at(x0), at(baseline)));
        }
    }
    placed
}

/// Puts each bar's value above it, moving a label up a line when it would collide with one
/// already placed (the bands' among them), and leaving it out (the title and table still carry
/// it) when it cannot fit.
fn place_labels(bars: &mut [WaveBar], plot_top: f64, mut placed: Vec<(f64, f64, f64)>) {
    let mut order: Vec<usize> = (0..bars.len()).collect();
    order.sort_by(|a, b| bars[*a].centre().total_cmp(&bars[*b].centre()));
    for i in order {
        let bar = &bars[i];
        let chars = match (bar.reported, bar.is_unknown()) {
            (Some(r), _) => r.label_chars(),
            (None, true) => 1,
            (None, false) => bar.wave.documented.to_string().len(),
        };
        let half = chars as f64 * CHAR_WIDTH / 2.0 + 1.0;
        let centre = bar.centre();
        let arrow = if bar.is_floor() { 8.0 } else { 0.0 };
        let mut baseline = bar.outer_top - 4.0 - arrow;
        let mut spot = None;
        for _ in 0..3 {
            let clear = placed
                .iter()
                .all(|(x0, x1, y)| centre + half < *x0 || centre - half > *x1 || (baseline - y).abs() >= LABEL_LINE);
            if clear && baseline - LABEL_LINE + 3.0 >= plot_top - 24.0 {
                spot = Some((centre, baseline));
                break;
            }
            baseline -= LABEL_LINE;
        }
        if let Some((cx, cy)) = spot {
            placed.push((cx - half, cx + half, cy));
            bars[i].label = Some((at(cx), at(cy)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CountQualifier, Country, PartialDate};

    fn wave(
        slug: &str,
        started: &str,
        ended: Option<&str>,
        reported: Option<(i32, CountQualifier)>,
        documented: i64,
    ) -> WaveSummary {
        WaveSummary {
            slug: slug.into(),
            name: slug.into(),
            started: started.parse().unwrap(),
            ended: ended.map(|e| e.parse::<PartialDate>().unwrap()),
            country: Country { code: "BY".into(), name: "Belarus".into() },
            mechanism: ReleaseMechanism::Pardon,
            reported_released_count: reported.map(|r| r.0),
            reported_count_qualifier: reported.map(|r| r.1),
            documented,
            spans: 0,
        }
    }

    fn bar<'a>(chart: &'a WavesChart, slug: &str) -> &'a WaveBar {
        chart.bars.iter().find(|b| b.wave.slug == slug).unwrap()
    }

    #[test]
    fn bar_heights_are_the_reported_and_documented_numbers() {
        let chart = build(
            vec![
                wave("big", "2024-07-10", None, Some((200, CountQualifier::MoreThan)), 10),
                wave("small", "2025-02-12", None, Some((3, CountQualifier::Exactly)), 3),
            ],
            None,
            None,
        );
        let y_top = *chart.y_ticks.last().unwrap();
        let per_person = (chart.frame.bottom - y_top.at) / y_top.value as f64;
        let big = bar(&chart, "big");
        assert!((big.outer_height - 200.0 * per_person).abs() < 0.051);
        assert!((big.inner_height - 10.0 * per_person).abs() < 0.051);
        assert!(big.is_floor());
        let small = bar(&chart, "small");
        assert_eq!(small.outer_height, small.inner_height, "all three reported are documented");
        assert!(small.label.is_some());
    }

    #[test]
    fn a_season_spans_its_three_months_and_is_approximate() {
        let chart = build(
            vec![
                wave("summer", "2024-summer", None, None, 0),
                wave("day", "2024-07-15", None, Some((5, CountQualifier::Exactly)), 0),
            ],
            Some(time::macros::date!(2024 - 01 - 01)),
            Some(time::macros::date!(2024 - 12 - 31)),
        );
        let summer = bar(&chart, "summer");
        let per_day = chart.frame.plot_width() / 366.0;
        assert!((summer.width - 92.0 * per_day).abs() < 0.051, "June to August is 92 days");
        assert!(summer.approximate && summer.is_unknown());
        let day = bar(&chart, "day");
        assert!(!day.approximate);
        assert_eq!(day.width, MIN_BAR, "a day is drawn at the narrowest width, not as a sliver");
        assert!(
            chart.bars.iter().position(|b| b.wave.slug == "summer")
                < chart.bars.iter().position(|b| b.wave.slug == "day")
        );
    }

    #[test]
    fn waves_a_day_apart_are_set_side_by_side() {
        let chart = build(
            vec![
                wave("a", "2025-02-11", None, Some((1, CountQualifier::Exactly)), 0),
                wave("b", "2025-02-12", None, Some((3, CountQualifier::Exactly)), 3),
                wave("wide", "2024-07", Some("2025-02"), Some((200, CountQualifier::MoreThan)), 0),
            ],
            None,
            None,
        );
        let (a, b) = (bar(&chart, "a"), bar(&chart, "b"));
        assert!(b.x >= a.x + a.width, "{} overlaps {}", b.x, a.x + a.width);
        let labels: Vec<(f64, f64)> = chart.bars.iter().filter_map(|b| b.label).collect();
        for (i, p) in labels.iter().enumerate() {
            for q in &labels[i + 1..] {
                assert!((p.0 - q.0).abs() > 6.0 || (p.1 - q.1).abs() >= LABEL_LINE, "labels {p:?} and {q:?} collide");
            }
        }
    }

    #[test]
    fn an_aggregate_is_a_band_behind_the_waves_it_holds_and_leaves_them_the_axis() {
        let pardons = WaveSummary {
            spans: 2,
            ..wave("pardons", "2024-07", Some("2025-02"), Some((200, CountQualifier::MoreThan)), 0)
        };
        let chart = build(
            vec![
                pardons,
                wave("january", "2025-01", None, Some((1, CountQualifier::Exactly)), 1),
                wave("handover", "2025-02-12", None, Some((3, CountQualifier::Exactly)), 3),
            ],
            Some(time::macros::date!(2024 - 06 - 01)),
            Some(time::macros::date!(2025 - 03 - 31)),
        );
        assert_eq!(chart.bands.len(), 1);
        assert!(chart.bars.iter().all(|b| b.wave.slug != "pardons"), "an aggregate is not also a bar");
        let band = &chart.bands[0];
        let per_day = chart.frame.plot_width() / 304.0;
        assert!((band.x - (chart.frame.left + 30.0 * per_day)).abs() < 0.051, "the band starts on 1 July 2024");
        assert!((band.width - 243.0 * per_day).abs() < 0.051, "and ends on 28 February 2025: {}", band.width);
        assert_eq!((band.top, band.height), (chart.frame.top, chart.frame.bottom - chart.frame.top));

        // The axis ends near the single waves' 3, not at 200: the handover fills most of the plot.
        let y_top = chart.y_ticks.last().unwrap().value;
        assert!((3..10).contains(&y_top), "the axis goes to {y_top}");
        let handover = bar(&chart, "handover");
        assert!(handover.outer_height > band.height / 2.0, "{} of {}", handover.outer_height, band.height);

        // The band's number is shown, and no bar's label sits on it.
        let (bx, by) = band.label.expect("the band's label fits");
        let band_right = bx + band.label_chars() as f64 * CHAR_WIDTH;
        for b in &chart.bars {
            if let Some((cx, cy)) = b.label {
                let half = 2.0 * CHAR_WIDTH;
                let apart = cx + half < bx || cx - half > band_right || (cy - by).abs() >= LABEL_LINE;
                assert!(apart, "{}'s label at {cx},{cy} is on the band's at {bx},{by}", b.wave.slug);
            }
        }
    }

    #[test]
    fn a_period_holding_no_other_wave_stays_a_bar_and_sets_the_axis() {
        let chart = build(
            vec![
                wave("period", "2024-07", Some("2025-02"), Some((200, CountQualifier::MoreThan)), 0),
                wave("day", "2025-02-12", None, Some((3, CountQualifier::Exactly)), 3),
            ],
            None,
            None,
        );
        assert!(chart.bands.is_empty());
        assert!(bar(&chart, "period").approximate);
        assert!(chart.y_ticks.last().unwrap().value >= 200);
    }
}
