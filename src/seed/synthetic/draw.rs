//! The random plan: a [`Generator`] seeded once draws the catalogue and then one person after
//! another, each with one or two detentions, their charges, sentences and events.

use rand::distr::Distribution;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use time::Date;
use time::macros::date;

use super::catalogue::{Catalogue, WAVE_MECHANISMS};
use super::dates::{
    AS_OF, END_PRECISION, FIRST_ARREST, START_PRECISION, VERDICT_PRECISION, between, coarsen, coarsen_from,
    days_between, pick, plus,
};
use super::names::{GIVEN_NAMES, gender};
use super::people::{
    CHARGES_BY, CHARGES_RU, CITIZENSHIPS, Charge, Detention, Event, OCCUPATIONS, OTHER_EVENTS, Person, REGIONS,
    RELEASES,
};
use crate::domain::{EventKind, FacilityKind, PartialDate, Precision, ReleaseMechanism, SentenceKind, Sex, TrialStage};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Held,
    Released,
    Died,
}

/// The last detention: a little over a third still held, a few deaths, the rest released.
const OUTCOMES: [(Outcome, u32); 3] = [(Outcome::Held, 380), (Outcome::Died, 12), (Outcome::Released, 608)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Convicted,
    Awaiting,
    NotRecorded,
}

/// What one detention is drawn from.
#[derive(Debug, Clone, Copy)]
struct Plan {
    index: usize,
    country: &'static str,
    /// The day of the arrest.
    start: Date,
    /// The stored end of the previous detention: the stored start may not come before it.
    not_before: Date,
    /// The latest day the detention may end.
    end_by: Date,
    outcome: Outcome,
}

/// Draws a catalogue and then people, all from one seeded generator.
#[derive(Debug)]
pub(super) struct Generator {
    rng: StdRng,
    pub(super) catalogue: Catalogue,
}

impl Generator {
    pub(super) fn new(seed: u64) -> Self {
        let mut rng = StdRng::seed_from_u64(seed);
        let catalogue = Catalogue::new(&mut rng);
        Generator { rng, catalogue }
    }

    fn person(&mut self, number: usize) -> Person {
        let rng = &mut self.rng;
        let sex = if rng.random_bool(0.82) { Sex::Male } else { Sex::Female };
        let given = rng.random_range(0..GIVEN_NAMES[gender(sex)].len());
        let surname = self.catalogue.names.pick_surname.sample(rng);
        let born_day = plus(date!(1950 - 01 - 01), between(rng, 0, 54 * 365));
        let born = pick(rng, &[(Some(Precision::Day), 60), (Some(Precision::Year), 25), (None, 15)])
            .map(|precision| coarsen(born_day, precision));
        let occupation = rng.random_bool(0.6).then(|| OCCUPATIONS[rng.random_range(0..OCCUPATIONS.len())]);
        let region = rng.random_bool(0.7).then(|| REGIONS[rng.random_range(0..REGIONS.len())]);
        let citizenships = pick(rng, &CITIZENSHIPS);
        let country = if rng.random_bool(0.92) { "BY" } else { "RU" };

        // Arrests cluster in 2020–2021 and thin out since, as in the real series.
        let span = days_between(FIRST_ARREST, AS_OF) - 30;
        let first = plus(FIRST_ARREST, (span as f64 * rng.random::<f64>().powf(1.6)) as i64);
        let count = if days_between(first, AS_OF) >= 400 && rng.random_bool(0.2) { 2 } else { 1 };

        let mut detentions = Vec::with_capacity(count);
        let mut events = Vec::with_capacity(12 * count);
        let mut start = first;
        let mut not_before = FIRST_ARREST;
        for index in 0..count {
            let last = index + 1 == count;
            let rng = &mut self.rng;
            let plan = Plan {
                index,
                country,
                start,
                not_before,
                end_by: if last { AS_OF } else { plus(start, between(rng, 60, days_between(start, AS_OF) - 200)) },
                outcome: if last { pick(rng, &OUTCOMES) } else { Outcome::Released },
            };
            let (detention, end) = self.detention(plan, &mut events);
            if let (false, Some(end), Some(ended)) = (last, end, detention.ended) {
                not_before = ended.start();
                let gap = between(&mut self.rng, 30, days_between(end, AS_OF).min(730) - 30);
                start = plus(end, gap);
            }
            detentions.push(detention);
        }
        events.sort_by_key(|e| e.on);
        Person { number, sex, given, surname, born, occupation, region, citizenships, detentions, events }
    }

    /// One detention and its events; also the true day it ended, which the next one follows.
    fn detention(&mut self, plan: Plan, events: &mut Vec<Event>) -> (Detention, Option<Date>) {
        let Generator { rng, catalogue } = self;
        let country = plan.country;
        let start = plan.start;
        let started = coarsen_from(start, pick(rng, &START_PRECISION), plan.not_before);
        let room = days_between(start, plan.end_by);

        let mut end = None;
        let mut release = None;
        let mut wave = None;
        let stage = match plan.outcome {
            // Pre-trial detention rarely lasts beyond a year and a half.
            Outcome::Held if room < 60 => pick(rng, &[(Stage::Awaiting, 85), (Stage::NotRecorded, 15)]),
            Outcome::Held if room < 540 => {
                pick(rng, &[(Stage::Convicted, 55), (Stage::Awaiting, 35), (Stage::NotRecorded, 10)])
            }
            Outcome::Held => pick(rng, &[(Stage::Convicted, 88), (Stage::NotRecorded, 12)]),
            Outcome::Died => {
                let day = plus(start, between(rng, 30.min(room), room));
                end = Some(day);
                release = Some(ReleaseMechanism::DeathInCustody);
                if days_between(start, day) >= 90 { Stage::Convicted } else { Stage::Awaiting }
            }
            Outcome::Released => {
                let mechanism = pick(rng, &RELEASES);
                let in_wave = WAVE_MECHANISMS.iter().any(|(m, _)| *m == mechanism) && rng.random_bool(0.8);
                wave = in_wave.then(|| catalogue.wave(rng, country, mechanism, plus(start, 20), plan.end_by)).flatten();
                let day = match wave {
                    Some(w) => {
                        let w = &catalogue.waves[w];
                        plus(w.first_day(), between(rng, 0, days_between(w.first_day(), w.last_day())))
                    }
                    None => plus(start, 3 + ((room - 3) as f64 * rng.random::<f64>().powf(1.4)) as i64),
                };
                let convicted = days_between(start, day) >= 60 && rng.random_bool(0.85);
                release = Some(if mechanism == ReleaseMechanism::SentenceServed && !convicted {
                    ReleaseMechanism::CourtDecision
                } else {
                    mechanism
                });
                end = Some(day);
                if convicted { Stage::Convicted } else { Stage::NotRecorded }
            }
        };
        let last_day = end.unwrap_or(AS_OF);
        let served_months = (days_between(start, last_day) as f64 / 30.44).ceil() as i32;

        let mut sentenced_day = None;
        let mut sentenced = None;
        let mut sentence = None;
        if stage == Stage::Convicted {
            let day = plus(start, between(rng, 30, 300.min(days_between(start, last_day) - 10)));
            let kinds: &[(SentenceKind, u32)] = match plan.outcome {
                Outcome::Held => &[
                    (SentenceKind::Imprisonment, 92),
                    (SentenceKind::RestrictedFreedom, 5),
                    (SentenceKind::CompulsoryTreatment, 3),
                ],
                Outcome::Released => &[
                    (SentenceKind::Imprisonment, 88),
                    (SentenceKind::RestrictedFreedom, 9),
                    (SentenceKind::HomeConfinement, 3),
                ],
                Outcome::Died => &[(SentenceKind::Imprisonment, 1)],
            };
            let months = if release == Some(ReleaseMechanism::SentenceServed) {
                served_months.max(1)
            } else {
                served_months + between(rng, 3, 96) as i32
            };
            sentenced_day = Some(day);
            sentenced = Some(coarsen_from(day, pick(rng, &VERDICT_PRECISION), started.start()));
            sentence = Some((pick(rng, kinds), Some(months.min(1200))));
        }
        let ended = end.map(|day| match wave {
            // A release in a wave is dated within the wave, to the day.
            Some(_) => PartialDate::day(day),
            None => coarsen_from(day, pick(rng, &END_PRECISION), started.start()),
        });

        let final_kind = match sentence {
            Some((SentenceKind::Imprisonment, _)) if rng.random_bool(0.88) => FacilityKind::PenalColony,
            Some((SentenceKind::Imprisonment, _)) => FacilityKind::Prison,
            Some((SentenceKind::RestrictedFreedom, _)) => FacilityKind::Other,
            Some((SentenceKind::CompulsoryTreatment, _)) => FacilityKind::PsychiatricHospital,
            _ if days_between(start, last_day) < 20 => FacilityKind::TemporaryDetention,
            _ => FacilityKind::PretrialDetentionCentre,
        };
        let facility = catalogue.facility(rng, country, final_kind);

        // The timeline. Events after the end of the detention (or after AS_OF) are not added.
        let mut add = |kind, on: PartialDate, facility| {
            if on.start() <= last_day {
                events.push(Event { kind, on, detention: plan.index, facility, note: 0 });
            }
        };
        let arrest = if plan.index == 0 { EventKind::Arrest } else { EventKind::ReArrest };
        add(arrest, started, Some(catalogue.facility(rng, country, FacilityKind::TemporaryDetention)));
        add(EventKind::Charge, PartialDate::day(plus(start, between(rng, 1, 10))), None);
        if final_kind != FacilityKind::TemporaryDetention {
            let pretrial = if final_kind == FacilityKind::PretrialDetentionCentre {
                facility
            } else {
                catalogue.facility(rng, country, FacilityKind::PretrialDetentionCentre)
            };
            add(EventKind::Transfer, PartialDate::day(plus(start, between(rng, 3, 20))), Some(pretrial));
        }
        if rng.random_bool(0.7) {
            add(EventKind::Recognition, PartialDate::day(plus(start, between(rng, 7, 90))), None);
        }
        let held_days = days_between(start, last_day);
        if rng.random_bool(0.08) {
            add(EventKind::HungerStrike, PartialDate::day(plus(start, between(rng, 1, held_days))), None);
        }
        if rng.random_bool(0.15) {
            add(EventKind::MediaAppearance, PartialDate::day(plus(start, between(rng, 1, held_days))), None);
        }
        if let (Some(day), Some(on)) = (sentenced_day, sentenced) {
            // A trial day before a verdict known only to the month would sort after it.
            if on.precision() == Precision::Day {
                let trial = plus(day, -between(rng, 1, 30)).max(plus(start, 1));
                add(EventKind::Trial, PartialDate::day(trial), None);
            }
            add(EventKind::Verdict, on, None);
            if rng.random_bool(0.65) {
                add(EventKind::Appeal, PartialDate::day(plus(day, between(rng, 30, 100))), None);
            }
            if final_kind != FacilityKind::PretrialDetentionCentre {
                add(EventKind::Transfer, PartialDate::day(plus(day, between(rng, 30, 120))), Some(facility));
                let settled = plus(day, 121);
                for _ in 0..between(rng, 0, days_between(settled, last_day) / 365) {
                    let moved = plus(settled, between(rng, 0, days_between(settled, last_day)));
                    let to = catalogue.facility(rng, country, final_kind);
                    add(EventKind::Transfer, PartialDate::day(moved), Some(to));
                }
            }
        }
        if let Some(ended) = ended {
            let kind =
                if release == Some(ReleaseMechanism::DeathInCustody) { EventKind::Death } else { EventKind::Release };
            add(kind, ended, None);
        }
        // About one a year in custody; their days lie within the detention by construction.
        for _ in 0..between(rng, 0, 2 * held_days / 365) {
            let on = PartialDate::day(plus(start, between(rng, 1, held_days)));
            let note = rng.random_range(0..OTHER_EVENTS.len());
            events.push(Event { kind: EventKind::Other, on, detention: plan.index, facility: None, note });
        }

        let charges = draw_charges(rng, country);
        let trial_stage = match stage {
            Stage::Convicted => Some(TrialStage::Convicted),
            Stage::Awaiting => Some(TrialStage::AwaitingTrial),
            Stage::NotRecorded => None,
        };
        let detention =
            Detention { country, started, ended, facility, trial_stage, sentenced, sentence, release, wave, charges };
        (detention, end)
    }

    /// The next `count` people, numbered from `first`.
    pub(super) fn people(&mut self, first: usize, count: usize) -> Vec<Person> {
        (first..first + count).map(|number| self.person(number)).collect()
    }
}

/// One to three different articles of the detaining country's code (one part of each).
fn draw_charges(rng: &mut StdRng, country: &str) -> Vec<Charge> {
    let table: &[(Charge, u32)] = if country == "RU" { &CHARGES_RU } else { &CHARGES_BY };
    let count = pick(rng, &[(1, 60), (2, 30), (3, 10)]);
    let mut charges: Vec<Charge> = Vec::with_capacity(count);
    for _ in 0..count {
        let charge = pick(rng, table);
        if !charges.iter().any(|c| c.article == charge.article) {
            charges.push(charge);
        }
    }
    charges
}

/// A generator for `seed` and the first `count` people it draws, for the tests of every part.
#[cfg(test)]
pub(super) fn drawn(seed: u64, count: usize) -> (Generator, Vec<Person>) {
    let mut generator = Generator::new(seed);
    let people = generator.people(1, count);
    (generator, people)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::domain::PersonStatus;

    /// The rules the database enforces, checked on drawn data so a violation shows here with
    /// the record, not as a failed COPY.
    #[test]
    fn drawn_people_satisfy_the_schema_rules() {
        let (generator, people) = drawn(1, 5_000);
        let catalogue = &generator.catalogue;
        for p in &people {
            let dates = p.born.iter().chain(p.events.iter().map(|e| &e.on)).chain(
                p.detentions
                    .iter()
                    .flat_map(|d| std::iter::once(&d.started).chain(d.ended.iter()).chain(d.sentenced.iter())),
            );
            for date in dates {
                assert!(PartialDate::from_parts(date.start(), date.precision()).is_ok(), "normalised {date:?}");
                assert!(date.start() <= AS_OF, "nothing after {AS_OF}: {date:?}");
            }
            assert!((1..=2).contains(&p.detentions.len()), "one or two detentions");
            for (i, d) in p.detentions.iter().enumerate() {
                let open = d.ended.is_none() && d.release.is_none();
                assert!(!open || i + 1 == p.detentions.len(), "only the last detention is open: {p:?}");
                if let Some(ended) = d.ended {
                    assert!(ended.start() >= d.started.start(), "ends after it starts: {d:?}");
                    assert!(d.release.is_some(), "an ended detention says how: {d:?}");
                }
                if let Some(next) = p.detentions.get(i + 1) {
                    let ended = d.ended.map(|e| e.start());
                    assert!(ended.is_some_and(|e| e <= next.started.start()), "no overlap: {p:?}");
                }
                if let Some((kind, months)) = d.sentence {
                    assert!(months.is_none_or(|m| (1..=1200).contains(&m)), "sentence length: {d:?}");
                    assert_ne!(kind, SentenceKind::Fine, "only kinds that take months are drawn");
                }
                if let Some(w) = d.wave {
                    let wave = &catalogue.waves[w];
                    let ended = d.ended.map(|e| e.start());
                    assert_eq!(d.release, Some(wave.mechanism), "released by the wave's mechanism");
                    assert!(
                        ended.is_some_and(|e| wave.first_day() <= e && e <= wave.last_day()),
                        "released within the wave: {d:?} {wave:?}"
                    );
                    assert_eq!(wave.country, d.country, "a wave of the detaining country");
                }
                assert_eq!(catalogue.facilities[d.facility].country, d.country, "a facility of the country");
                assert!(!d.charges.is_empty(), "at least one charge");
            }
            for e in &p.events {
                let d = &p.detentions[e.detention];
                let last = d.ended.map_or(AS_OF, |e| e.end());
                assert!(e.on.start() >= d.started.start() && e.on.start() <= last, "{e:?} inside {d:?}");
            }
        }
    }

    #[test]
    fn the_spread_of_statuses_and_events_looks_like_the_real_series() {
        let (_, people) = drawn(1, 10_000);
        let mut statuses: HashMap<PersonStatus, usize> = HashMap::new();
        for p in &people {
            *statuses.entry(p.status().0).or_default() += 1;
        }
        let share = |s| statuses.get(&s).copied().unwrap_or(0) as f64 / people.len() as f64;
        let held =
            share(PersonStatus::ServingSentence) + share(PersonStatus::AwaitingTrial) + share(PersonStatus::InCustody);
        assert!((0.3..0.45).contains(&held), "about a third held: {statuses:?}");
        assert!((0.5..0.7).contains(&share(PersonStatus::Released)), "most released: {statuses:?}");
        assert!((0.003..0.03).contains(&share(PersonStatus::DiedInCustody)), "a few deaths: {statuses:?}");
        for s in [PersonStatus::ServingSentence, PersonStatus::AwaitingTrial, PersonStatus::InCustody] {
            assert!(share(s) > 0.01, "{s} occurs: {statuses:?}");
        }
        let events: usize = people.iter().map(|p| p.events.len()).sum();
        let per_person = events as f64 / people.len() as f64;
        assert!((8.0..=12.0).contains(&per_person), "about ten events a person: {per_person}");
        let in_waves = people.iter().flat_map(|p| &p.detentions).filter(|d| d.wave.is_some()).count();
        assert!(in_waves > people.len() / 10, "waves are used: {in_waves}");
    }

    #[test]
    fn the_same_seed_draws_the_same_people() {
        let (_, first) = drawn(9, 300);
        let (_, again) = drawn(9, 300);
        let (_, other) = drawn(10, 300);
        assert_eq!(first, again, "same seed, same people");
        assert_ne!(first, other, "another seed, other people");
    }
}
