//! The catalogue every person refers to: the names, invented facilities and invented release
//! waves.

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use time::Date;
use time::macros::date;

use super::dates::{AS_OF, between, coarsen, days_between, pick, plus};
use super::names::NameBook;
use crate::domain::{CountQualifier, FacilityKind, PartialDate, Precision, ReleaseMechanism};

const FIRST_WAVE: Date = date!(2021 - 01 - 01);

/// Facilities per country: enough that facility pages and filters have a realistic spread.
const FACILITIES: [(&str, usize); 2] = [("BY", 260), ("RU", 40)];

const WAVES: usize = 36;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Facility {
    pub(super) name: String,
    pub(super) kind: FacilityKind,
    pub(super) country: &'static str,
    pub(super) location: String,
}

/// Every ten facilities of a country: four penal colonies, two pre-trial detention centres, two
/// temporary detention facilities, a prison, and one of the rarer kinds in turn.
fn facilities() -> Vec<Facility> {
    use FacilityKind::*;
    const CYCLE: [FacilityKind; 9] = [
        PenalColony,
        PenalColony,
        PenalColony,
        PenalColony,
        PretrialDetentionCentre,
        PretrialDetentionCentre,
        TemporaryDetention,
        TemporaryDetention,
        Prison,
    ];
    const RARE: [FacilityKind; 3] = [PoliceStation, PsychiatricHospital, Other];
    let mut all = Vec::new();
    for (country, count) in FACILITIES {
        let mut numbers: HashMap<FacilityKind, usize> = HashMap::new();
        for i in 0..count {
            let kind = CYCLE.get(i % 10).copied().unwrap_or(RARE[(i / 10) % RARE.len()]);
            let number = numbers.entry(kind).or_default();
            *number += 1;
            all.push(Facility {
                name: format!("Synthetic {} No. {number}", facility_label(kind)),
                kind,
                country,
                location: format!("Synthetic town {}", i / 3 + 1),
            });
        }
    }
    all
}

fn facility_label(kind: FacilityKind) -> &'static str {
    match kind {
        FacilityKind::TemporaryDetention => "temporary detention facility",
        FacilityKind::PretrialDetentionCentre => "pre-trial detention centre",
        FacilityKind::Prison => "prison",
        FacilityKind::PenalColony => "penal colony",
        FacilityKind::PsychiatricHospital => "psychiatric hospital",
        FacilityKind::PoliceStation => "police station",
        FacilityKind::Other => "open correctional institution",
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Wave {
    pub(super) number: usize,
    pub(super) started: PartialDate,
    pub(super) ended: Option<PartialDate>,
    pub(super) country: &'static str,
    pub(super) mechanism: ReleaseMechanism,
    pub(super) location: Option<String>,
    pub(super) counterparty: Option<String>,
    pub(super) traded: Option<&'static str>,
    pub(super) reported: Option<(i32, CountQualifier)>,
}

impl Wave {
    pub(super) fn first_day(&self) -> Date {
        self.started.start()
    }

    /// The last day a release in this wave can fall on.
    pub(super) fn last_day(&self) -> Date {
        self.ended.unwrap_or(self.started).end()
    }
}

/// "Synthetic wave 3: pardon, 12 March 2023".
pub(super) struct WaveName<'a>(pub(super) &'a Wave);

impl fmt::Display for WaveName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self.0;
        write!(f, "Synthetic wave {}: {}, {}", w.number, Words(w.mechanism.as_str()), w.started)
    }
}

/// Mechanisms by which whole groups are released, with their share of the waves.
pub(super) const WAVE_MECHANISMS: [(ReleaseMechanism, u32); 5] = [
    (ReleaseMechanism::Pardon, 40),
    (ReleaseMechanism::ReleaseToForeignGovernment, 20),
    (ReleaseMechanism::Amnesty, 15),
    (ReleaseMechanism::Exchange, 10),
    (ReleaseMechanism::Deportation, 15),
];

const QUALIFIERS: [(CountQualifier, u32); 6] = [
    (CountQualifier::Exactly, 40),
    (CountQualifier::About, 20),
    (CountQualifier::AtLeast, 15),
    (CountQualifier::MoreThan, 15),
    (CountQualifier::UpTo, 5),
    (CountQualifier::FewerThan, 5),
];

/// A few dozen waves between 2021 and the end of the data, numbered in time order: single-day
/// handovers, waves known only to the month, and releases spread over weeks.
fn waves(rng: &mut StdRng) -> Vec<Wave> {
    let span = days_between(FIRST_WAVE, AS_OF) - 120;
    let mut waves: Vec<Wave> = (0..WAVES)
        .map(|i| {
            let country = if i % 6 == 5 { "RU" } else { "BY" };
            let mechanism = pick(rng, &WAVE_MECHANISMS);
            let first = plus(FIRST_WAVE, between(rng, 0, span));
            let (started, ended) = match pick(rng, &[(0, 60), (1, 20), (2, 20)]) {
                0 => (PartialDate::day(first), None),
                1 => (coarsen(first, Precision::Month), None),
                _ => (PartialDate::day(first), Some(PartialDate::day(plus(first, between(rng, 7, 90))))),
            };
            let abroad = matches!(
                mechanism,
                ReleaseMechanism::ReleaseToForeignGovernment
                    | ReleaseMechanism::Exchange
                    | ReleaseMechanism::Deportation
            );
            let reported = rng.random_bool(0.85).then(|| (between(rng, 5, 300) as i32, pick(rng, &QUALIFIERS)));
            Wave {
                number: 0,
                started,
                ended,
                country,
                mechanism,
                location: abroad.then(|| format!("Synthetic border crossing {}", i + 1)),
                counterparty: abroad.then(|| format!("Government of the Synthetic Republic {}", i % 7 + 1)),
                traded: (mechanism == ReleaseMechanism::Exchange).then_some("Synthetic consideration (scale test)"),
                reported,
            }
        })
        .collect();
    waves.sort_by_key(|w| w.started);
    for (i, wave) in waves.iter_mut().enumerate() {
        wave.number = i + 1;
    }
    waves
}

/// Writes an enum key as words: `release_to_foreign_government` → "release to foreign government".
pub(super) struct Words(pub(super) &'static str);

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, word) in self.0.split('_').enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            f.write_str(word)?;
        }
        Ok(())
    }
}

/// What every person refers to: names, facilities and waves.
#[derive(Debug)]
pub(super) struct Catalogue {
    pub(super) names: NameBook,
    pub(super) facilities: Vec<Facility>,
    facilities_by_kind: HashMap<(&'static str, FacilityKind), Vec<usize>>,
    pub(super) waves: Vec<Wave>,
}

impl Catalogue {
    pub(super) fn new(rng: &mut StdRng) -> Self {
        let facilities = facilities();
        let mut facilities_by_kind: HashMap<_, Vec<usize>> = HashMap::new();
        for (i, f) in facilities.iter().enumerate() {
            facilities_by_kind.entry((f.country, f.kind)).or_default().push(i);
        }
        Catalogue { names: NameBook::new(), facilities, facilities_by_kind, waves: waves(rng) }
    }

    pub(super) fn facility(&self, rng: &mut StdRng, country: &'static str, kind: FacilityKind) -> usize {
        self.facilities_by_kind
            .get(&(country, kind))
            .and_then(|all| all.choose(rng))
            .copied()
            .expect("every country has facilities of every kind (see `facilities`)")
    }

    /// A wave of `country` and `mechanism` that falls wholly between `after` and `by`.
    pub(super) fn wave(
        &self,
        rng: &mut StdRng,
        country: &str,
        mechanism: ReleaseMechanism,
        after: Date,
        by: Date,
    ) -> Option<usize> {
        let fits: Vec<usize> = (0..self.waves.len())
            .filter(|&i| {
                let w = &self.waves[i];
                w.country == country && w.mechanism == mechanism && w.first_day() > after && w.last_day() <= by
            })
            .collect();
        fits.choose(rng).copied()
    }
}
