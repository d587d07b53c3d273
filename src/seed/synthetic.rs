//! `generate-synthetic`: obviously synthetic records for scale tests.
//!
//! Writes N invented people, each with names in Belarusian, Russian and English plus the other
//! Latin spellings search has to find, citizenships, one or two detentions with charges and
//! sentences, about ten timeline events and a citation of one invented source; around them a few
//! hundred invented facilities and a few dozen invented release waves. Every record carries
//! `synthetic = true`, people and waves have `synthetic-` slugs, and surnames are built on roots
//! that mean "test", "sample" or "example" (Тэставіч / Тестович / Testavich), so that no record
//! can be taken for a real person.
//!
//! - Drawing is pure and deterministic: a [`Generator`] holds one `StdRng` seeded from `--seed`,
//!   draws the catalogue (facilities, waves) and then one person after another. The same seed
//!   writes the same people, names and dates; database ids and `public_id`s differ between runs,
//!   because the schema promises those are never reused.
//! - Writing is one transaction of `COPY … FROM STDIN (FORMAT csv)`. People go in batches so that
//!   memory stays bounded up to the five million the command accepts. Ids are reserved from the
//!   identity sequences first, so detentions, charges and events name their parents without a
//!   round trip.
//! - A run first removes what earlier runs wrote (rows with `synthetic = true` and their
//!   children, never anything else), so the command can be repeated.

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use sqlx::postgres::PgCopyIn;
use sqlx::{PgConnection, PgPool};
use time::Date;
use time::macros::date;

use crate::domain::partial_date::Season;
use crate::domain::translit::{belarusian_bgn, belarusian_national, russian_passport};
use crate::domain::{
    CountQualifier, EventKind, FacilityKind, NameKind, PartialDate, PersonStatus, Precision, ReleaseMechanism,
    SentenceKind, Sex, TrialStage,
};
use crate::search::key::name_key;

/// The last day the data reaches. Fixed rather than today, so that a seed writes the same records
/// whenever it runs.
const AS_OF: Date = date!(2026 - 11 - 01);

/// The first arrests: the protests after the presidential election of 9 August 2020.
const FIRST_ARREST: Date = date!(2020 - 08 - 09);

const FIRST_WAVE: Date = date!(2021 - 01 - 01);

/// Facilities per country: enough that facility pages and filters have a realistic spread.
const FACILITIES: [(&str, usize); 2] = [("BY", 260), ("RU", 40)];

const WAVES: usize = 36;

/// The share of people who carry the most common surname: search must cope with one surname
/// that matches a tenth of the records.
const DOMINANT_SURNAME_SHARE: f64 = 0.10;

/// People drawn and written per round of `COPY` statements; bounds memory for large runs.
const BATCH: usize = 25_000;

/// Bytes of CSV collected before a `CopyData` message goes out.
const CHUNK: usize = 1 << 20;

// ---------------------------------------------------------------------------------------------
// Names

/// Surname roots meaning test, sample, example, mock-up, template, draft or trial, as
/// (Belarusian, Russian).
const SURNAME_ROOTS: [(&str, &str); 11] = [
    ("Тэст", "Тест"),
    ("Узор", "Узор"),
    ("Прыклад", "Пример"),
    ("Макет", "Макет"),
    ("Проб", "Проб"),
    ("Шаблон", "Шаблон"),
    ("Чарнавік", "Черновик"),
    ("Сінтэт", "Синтет"),
    ("Выпраб", "Испыт"),
    ("Муляж", "Муляж"),
    ("Эталон", "Эталон"),
];

/// Surname endings as [Belarusian male, Belarusian female, Russian male, Russian female].
const SURNAME_SUFFIXES: [[&str; 4]; 10] = [
    ["авіч", "авіч", "ович", "ович"],
    ["енка", "енка", "енко", "енко"],
    ["скі", "ская", "ский", "ская"],
    ["ук", "ук", "ук", "ук"],
    ["ёнак", "ёнак", "ёнок", "ёнок"],
    ["аў", "ава", "ов", "ова"],
    ["ко", "ко", "ко", "ко"],
    ["ін", "іна", "ин", "ина"],
    ["іцкі", "іцкая", "ицкий", "ицкая"],
    ["чык", "чык", "чик", "чик"],
];

/// Ordinary given names as (Belarusian, Russian): only the surname marks a person as synthetic,
/// so that given-name search behaves as on real data.
const MALE_NAMES: [(&str, &str); 16] = [
    ("Андрэй", "Андрей"),
    ("Ігар", "Игорь"),
    ("Сяргей", "Сергей"),
    ("Аляксандр", "Александр"),
    ("Дзмітрый", "Дмитрий"),
    ("Павел", "Павел"),
    ("Мікалай", "Николай"),
    ("Віктар", "Виктор"),
    ("Уладзімір", "Владимир"),
    ("Юрый", "Юрий"),
    ("Міхаіл", "Михаил"),
    ("Максім", "Максим"),
    ("Яўген", "Евгений"),
    ("Пятро", "Пётр"),
    ("Васіль", "Василий"),
    ("Раман", "Роман"),
];

const FEMALE_NAMES: [(&str, &str); 12] = [
    ("Алена", "Елена"),
    ("Вольга", "Ольга"),
    ("Марыя", "Мария"),
    ("Наталля", "Наталья"),
    ("Святлана", "Светлана"),
    ("Таццяна", "Татьяна"),
    ("Ірына", "Ирина"),
    ("Ганна", "Анна"),
    ("Кацярына", "Екатерина"),
    ("Юлія", "Юлия"),
    ("Людміла", "Людмила"),
    ("Валянціна", "Валентина"),
];

/// Given names by gender index (see [`gender`]).
const GIVEN_NAMES: [&[(&str, &str)]; 2] = [&MALE_NAMES, &FEMALE_NAMES];

/// 0 for men, 1 for women: the index into the gendered name tables.
fn gender(sex: Sex) -> usize {
    usize::from(sex == Sex::Female)
}

/// One surname in both languages, as [male, female].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Surname {
    be: [String; 2],
    ru: [String; 2],
}

/// Every root with every ending, the first being Тэставіч, the most common. A surname spelt the
/// same in both languages is left out: a person has one `person_names` row per distinct name, and
/// needs both a Belarusian and a Russian primary name.
fn surnames() -> Vec<Surname> {
    SURNAME_SUFFIXES
        .iter()
        .flat_map(|ending| {
            SURNAME_ROOTS.iter().map(move |(be, ru)| Surname {
                be: [format!("{be}{}", ending[0]), format!("{be}{}", ending[1])],
                ru: [format!("{ru}{}", ending[2]), format!("{ru}{}", ending[3])],
            })
        })
        .filter(|s| s.be[0] != s.ru[0] && s.be[1] != s.ru[1])
        .collect()
}

/// The first surname takes [`DOMINANT_SURNAME_SHARE`]; the others share the rest in a
/// Zipf–Mandelbrot curve, 1 / (rank + 10): a long tail without a second giant (the runner-up
/// gets under 4 %).
fn surname_weights(count: usize) -> Vec<f64> {
    let tail: Vec<f64> = (1..count).map(|rank| 1.0 / (rank as f64 + 10.0)).collect();
    let total: f64 = tail.iter().sum();
    std::iter::once(DOMINANT_SURNAME_SHARE)
        .chain(tail.iter().map(|w| (1.0 - DOMINANT_SURNAME_SHARE) * w / total))
        .collect()
}

/// A row of `person_names`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NameRow {
    name: String,
    /// The search key (`search::key::name_key`), computed once per distinct name.
    key: String,
    lang: &'static str,
    script: &'static str,
    kind: NameKind,
}

/// The names of one person: primary names in be, ru and en (BGN/PCGN of the Belarusian, as the
/// press writes it), then the national romanisation of the Belarusian and the passport form of
/// the Russian as transliterations, each only when it is a spelling not yet listed.
fn name_rows(given: (&str, &str), surname_be: &str, surname_ru: &str) -> Vec<NameRow> {
    let be = format!("{} {surname_be}", given.0);
    let ru = format!("{} {surname_ru}", given.1);
    let row = |name: String, lang, script, kind| NameRow { key: name_key(&name), name, lang, script, kind };
    let mut rows = vec![
        row(belarusian_bgn(&be), "en", "Latn", NameKind::Primary),
        row(belarusian_national(&be), "be", "Latn", NameKind::Transliteration),
        row(russian_passport(&ru), "ru", "Latn", NameKind::Transliteration),
        row(be, "be", "Cyrl", NameKind::Primary),
        row(ru, "ru", "Cyrl", NameKind::Primary),
    ];
    let mut seen = std::collections::HashSet::new();
    rows.retain(|r| seen.insert(r.name.clone()));
    rows
}

/// Lower-case ASCII words joined by single hyphens, as `slug_ok` wants.
fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// Every name a generated person can have, spelt once: a few thousand combinations shared by
/// all people, so a person stores only indexes.
#[derive(Debug)]
struct NameBook {
    surnames: Vec<Surname>,
    pick_surname: WeightedIndex<f64>,
    /// Name rows by [gender][given × surnames + surname].
    rows: [Vec<Vec<NameRow>>; 2],
    /// `synthetic-<surname>` by [gender][surname].
    slug_stems: [Vec<String>; 2],
}

impl NameBook {
    fn new() -> Self {
        let surnames = surnames();
        let pick_surname =
            WeightedIndex::new(surname_weights(surnames.len())).expect("surname weights are positive and finite");
        let rows: [Vec<Vec<NameRow>>; 2] = [0, 1].map(|g| {
            GIVEN_NAMES[g]
                .iter()
                .flat_map(|&given| surnames.iter().map(move |s| name_rows(given, &s.be[g], &s.ru[g])))
                .collect()
        });
        let slug_stems = [0, 1]
            .map(|g| surnames.iter().map(|s| format!("synthetic-{}", slugify(&belarusian_bgn(&s.be[g])))).collect());
        NameBook { surnames, pick_surname, rows, slug_stems }
    }

    fn rows(&self, person: &Person) -> &[NameRow] {
        &self.rows[gender(person.sex)][person.given * self.surnames.len() + person.surname]
    }

    /// `synthetic-<surname>-<number>`: the number makes it unique.
    fn slug(&self, person: &Person) -> String {
        format!("{}-{}", self.slug_stems[gender(person.sex)][person.surname], person.number)
    }
}

// ---------------------------------------------------------------------------------------------
// Dates and random helpers

fn plus(day: Date, days: i64) -> Date {
    day.saturating_add(time::Duration::days(days))
}

fn days_between(from: Date, to: Date) -> i64 {
    (to - from).whole_days()
}

/// A whole number in `lo..=hi`, or `lo` when the range is empty: short detentions leave no room
/// for some events, and the callers skip what falls outside.
fn between(rng: &mut StdRng, lo: i64, hi: i64) -> i64 {
    if hi <= lo { lo } else { rng.random_range(lo..=hi) }
}

/// One of `weighted`, with chances proportional to the weights.
fn pick<T: Copy>(rng: &mut StdRng, weighted: &[(T, u32)]) -> T {
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
fn coarsen(day: Date, precision: Precision) -> PartialDate {
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
fn coarsen_from(day: Date, precision: Precision, not_before: Date) -> PartialDate {
    let date = coarsen(day, precision);
    if date.start() < not_before { PartialDate::day(day) } else { date }
}

/// How precisely sources date an arrest, a release, a verdict.
const START_PRECISION: [(Precision, u32); 4] =
    [(Precision::Day, 75), (Precision::Month, 12), (Precision::Season, 5), (Precision::Year, 8)];
const END_PRECISION: [(Precision, u32); 3] = [(Precision::Day, 85), (Precision::Month, 10), (Precision::Year, 5)];
const VERDICT_PRECISION: [(Precision, u32); 2] = [(Precision::Day, 90), (Precision::Month, 10)];

// ---------------------------------------------------------------------------------------------
// The catalogue: facilities and waves

#[derive(Debug, Clone, PartialEq, Eq)]
struct Facility {
    name: String,
    kind: FacilityKind,
    country: &'static str,
    location: String,
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
struct Wave {
    number: usize,
    started: PartialDate,
    ended: Option<PartialDate>,
    country: &'static str,
    mechanism: ReleaseMechanism,
    location: Option<String>,
    counterparty: Option<String>,
    traded: Option<&'static str>,
    reported: Option<(i32, CountQualifier)>,
}

impl Wave {
    fn first_day(&self) -> Date {
        self.started.start()
    }

    /// The last day a release in this wave can fall on.
    fn last_day(&self) -> Date {
        self.ended.unwrap_or(self.started).end()
    }
}

/// "Synthetic wave 3: pardon, 12 March 2023".
struct WaveName<'a>(&'a Wave);

impl fmt::Display for WaveName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self.0;
        write!(f, "Synthetic wave {}: {}, {}", w.number, Words(w.mechanism.as_str()), w.started)
    }
}

/// Mechanisms by which whole groups are released, with their share of the waves.
const WAVE_MECHANISMS: [(ReleaseMechanism, u32); 5] = [
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
struct Words(&'static str);

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
struct Catalogue {
    names: NameBook,
    facilities: Vec<Facility>,
    facilities_by_kind: HashMap<(&'static str, FacilityKind), Vec<usize>>,
    waves: Vec<Wave>,
}

impl Catalogue {
    fn new(rng: &mut StdRng) -> Self {
        let facilities = facilities();
        let mut facilities_by_kind: HashMap<_, Vec<usize>> = HashMap::new();
        for (i, f) in facilities.iter().enumerate() {
            facilities_by_kind.entry((f.country, f.kind)).or_default().push(i);
        }
        Catalogue { names: NameBook::new(), facilities, facilities_by_kind, waves: waves(rng) }
    }

    fn facility(&self, rng: &mut StdRng, country: &'static str, kind: FacilityKind) -> usize {
        self.facilities_by_kind
            .get(&(country, kind))
            .and_then(|all| all.choose(rng))
            .copied()
            .expect("every country has facilities of every kind (see `facilities`)")
    }

    /// A wave of `country` and `mechanism` that falls wholly between `after` and `by`.
    fn wave(
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

// ---------------------------------------------------------------------------------------------
// People

#[derive(Debug, Clone, PartialEq, Eq)]
struct Person {
    /// 1, 2, 3… in the order drawn: makes the slug unique.
    number: usize,
    sex: Sex,
    given: usize,
    surname: usize,
    born: Option<PartialDate>,
    occupation: Option<&'static str>,
    region: Option<&'static str>,
    citizenships: &'static [&'static str],
    detentions: Vec<Detention>,
    events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Detention {
    country: &'static str,
    started: PartialDate,
    ended: Option<PartialDate>,
    facility: usize,
    trial_stage: Option<TrialStage>,
    sentenced: Option<PartialDate>,
    sentence: Option<(SentenceKind, Option<i32>)>,
    release: Option<ReleaseMechanism>,
    wave: Option<usize>,
    charges: Vec<Charge>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Charge {
    article: &'static str,
    part: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Event {
    kind: EventKind,
    on: PartialDate,
    /// Index into the person's detentions.
    detention: usize,
    /// Where the person was taken, for arrests and transfers.
    facility: Option<usize>,
    /// Which of [`OTHER_EVENTS`] an `other` event is.
    note: usize,
}

/// What `other` events report, so that their text varies as real timelines do.
const OTHER_EVENTS: [&str; 4] = [
    "a letter from custody was published.",
    "placed in a punishment cell.",
    "relatives were refused a visit.",
    "the defence lawyer lost the licence to practise.",
];

impl Person {
    /// The status `derive_person_status()` computes from these detentions. Written with the
    /// person, so that the trigger on detentions finds nothing to change: updating a hundred
    /// thousand fresh rows would cost as much as writing them. The trigger stays the authority.
    fn status(&self) -> (PersonStatus, Option<PartialDate>) {
        if let Some(open) = self.detentions.iter().rev().find(|d| d.ended.is_none() && d.release.is_none()) {
            let status = if open.sentence.is_some() || open.trial_stage == Some(TrialStage::Convicted) {
                PersonStatus::ServingSentence
            } else if open.trial_stage == Some(TrialStage::AwaitingTrial) {
                PersonStatus::AwaitingTrial
            } else {
                PersonStatus::InCustody
            };
            return (status, Some(open.started));
        }
        // Detentions are drawn in time order, so the last is the most recent.
        match self.detentions.last() {
            Some(d) if d.release == Some(ReleaseMechanism::DeathInCustody) => (PersonStatus::DiedInCustody, d.ended),
            Some(d) => (PersonStatus::Released, d.ended),
            None => (PersonStatus::Unknown, None),
        }
    }
}

const REGIONS: [&str; 7] =
    ["Minsk", "Minsk Region", "Brest Region", "Vitebsk Region", "Gomel Region", "Grodno Region", "Mogilev Region"];

const OCCUPATIONS: [&str; 12] = [
    "engineer",
    "teacher",
    "IT specialist",
    "student",
    "factory worker",
    "doctor",
    "journalist",
    "entrepreneur",
    "pensioner",
    "musician",
    "lawyer",
    "driver",
];

/// Mostly Belarusian, some dual citizens, a few foreigners.
const CITIZENSHIPS: [(&[&str], u32); 8] = [
    (&["BY"], 86),
    (&["BY", "PL"], 4),
    (&["BY", "RU"], 3),
    (&["BY", "LT"], 2),
    (&["BY", "UA"], 1),
    (&["BY", "US"], 1),
    (&["RU"], 2),
    (&["US"], 1),
];

/// Criminal-code articles used against protesters, journalists and "extremists", with a weight.
const CHARGES_BY: [(Charge, u32); 16] = [
    (Charge { article: "342", part: Some("1") }, 30),
    (Charge { article: "342", part: Some("2") }, 5),
    (Charge { article: "361-1", part: Some("1") }, 4),
    (Charge { article: "361-1", part: Some("3") }, 4),
    (Charge { article: "361-4", part: None }, 3),
    (Charge { article: "130", part: Some("3") }, 8),
    (Charge { article: "368", part: Some("1") }, 6),
    (Charge { article: "369", part: None }, 6),
    (Charge { article: "367", part: Some("1") }, 3),
    (Charge { article: "293", part: Some("2") }, 4),
    (Charge { article: "361-3", part: Some("1") }, 3),
    (Charge { article: "357", part: Some("1") }, 1),
    (Charge { article: "339", part: Some("2") }, 4),
    (Charge { article: "364", part: None }, 3),
    (Charge { article: "361", part: Some("3") }, 2),
    (Charge { article: "361-2", part: Some("1") }, 3),
];

const CHARGES_RU: [(Charge, u32); 6] = [
    (Charge { article: "280.3", part: Some("1") }, 10),
    (Charge { article: "207.3", part: Some("2") }, 10),
    (Charge { article: "275", part: None }, 5),
    (Charge { article: "280.4", part: Some("1") }, 4),
    (Charge { article: "212", part: Some("2") }, 4),
    (Charge { article: "282.2", part: Some("1") }, 3),
];

/// How released people left custody when no death is involved.
const RELEASES: [(ReleaseMechanism, u32); 8] = [
    (ReleaseMechanism::SentenceServed, 36),
    (ReleaseMechanism::Pardon, 24),
    (ReleaseMechanism::CourtDecision, 8),
    (ReleaseMechanism::Amnesty, 8),
    (ReleaseMechanism::ReleaseToForeignGovernment, 9),
    (ReleaseMechanism::Exchange, 3),
    (ReleaseMechanism::Deportation, 4),
    (ReleaseMechanism::Other, 8),
];

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
struct Generator {
    rng: StdRng,
    catalogue: Catalogue,
}

impl Generator {
    fn new(seed: u64) -> Self {
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
    fn people(&mut self, first: usize, count: usize) -> Vec<Person> {
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

/// The description of an event: plain English that says it is synthetic.
struct Description<'a> {
    catalogue: &'a Catalogue,
    event: &'a Event,
    detention: &'a Detention,
}

impl fmt::Display for Description<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Description { catalogue, event, detention } = *self;
        f.write_str("Synthetic event: ")?;
        let facility = event.facility.map_or("a synthetic facility", |i| catalogue.facilities[i].name.as_str());
        match event.kind {
            EventKind::Arrest => write!(f, "detained and taken to {facility}."),
            EventKind::ReArrest => write!(f, "detained again and taken to {facility}."),
            EventKind::Transfer => write!(f, "transferred to {facility}."),
            EventKind::Charge => {
                f.write_str("charged under")?;
                for (i, c) in detention.charges.iter().enumerate() {
                    write!(f, "{} article {}", if i == 0 { "" } else { ";" }, c.article)?;
                    if let Some(part) = c.part {
                        write!(f, " part {part}")?;
                    }
                }
                f.write_str(" of the criminal code.")
            }
            EventKind::Trial => f.write_str("the trial opened."),
            EventKind::Verdict => match detention.sentence {
                Some((kind, Some(months))) => write!(f, "sentenced to {months} months of {}.", Words(kind.as_str())),
                Some((kind, None)) => write!(f, "sentenced to {}.", Words(kind.as_str())),
                None => f.write_str("convicted."),
            },
            EventKind::Appeal => f.write_str("the appeal was rejected."),
            EventKind::HungerStrike => f.write_str("announced a hunger strike."),
            EventKind::MediaAppearance => f.write_str("shown in a state television broadcast."),
            EventKind::Recognition => {
                f.write_str("recognised as a political prisoner by a synthetic human-rights group.")
            }
            EventKind::Release => {
                let how = detention.release.unwrap_or(ReleaseMechanism::Other);
                match detention.wave {
                    Some(w) => write!(f, "released ({}) in {}.", Words(how.as_str()), WaveName(&catalogue.waves[w])),
                    None => write!(f, "released ({}).", Words(how.as_str())),
                }
            }
            EventKind::Death => f.write_str("died in custody."),
            EventKind::Other => f.write_str(OTHER_EVENTS[event.note % OTHER_EVENTS.len()]),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// What a run removed and wrote, and how long it took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyntheticReport {
    pub seed: u64,
    pub removed_people: u64,
    pub removed_waves: u64,
    pub removed_facilities: u64,
    pub people: u64,
    pub names: u64,
    pub citizenships: u64,
    pub detentions: u64,
    pub charges: u64,
    pub events: u64,
    pub facilities: u64,
    pub waves: u64,
    pub citations: u64,
    pub elapsed: Duration,
}

impl fmt::Display for SyntheticReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "synthetic data (seed {}): ", self.seed)?;
        if self.removed_people + self.removed_waves + self.removed_facilities == 0 {
            f.write_str("nothing from an earlier run to remove; ")?;
        } else {
            write!(
                f,
                "removed an earlier run's {} people, {} waves and {} facilities; ",
                self.removed_people, self.removed_waves, self.removed_facilities
            )?;
        }
        write!(
            f,
            "wrote {} people ({} names, {} citizenships), {} detentions ({} charges), {} events, \
             {} facilities, {} waves, 1 source and {} citations in {:.1} s",
            self.people,
            self.names,
            self.citizenships,
            self.detentions,
            self.charges,
            self.events,
            self.facilities,
            self.waves,
            self.citations,
            self.elapsed.as_secs_f64()
        )
    }
}

/// Replaces the synthetic records with `prisoners` freshly drawn people, in one transaction.
pub async fn generate(pool: &PgPool, prisoners: u32, seed: u64) -> anyhow::Result<SyntheticReport> {
    let clock = Instant::now();
    let total = usize::try_from(prisoners)?;
    let mut generator = Generator::new(seed);
    let mut report = SyntheticReport { seed, ..SyntheticReport::default() };

    let mut tx = pool.begin().await?;
    // Losing this transaction in a crash loses nothing that cannot be generated again.
    sqlx::query!("select set_config('synchronous_commit', 'off', true)").fetch_one(&mut *tx).await?;
    remove_previous(&mut tx, &mut report).await?;
    let refs = write_catalogue(&mut tx, &generator.catalogue, &mut report).await?;

    let mut written = 0;
    while written < total {
        let count = BATCH.min(total - written);
        let people = generator.people(written + 1, count);
        write_people(&mut tx, &generator.catalogue, &refs, &people, seed, &mut report).await?;
        written += count;
        tracing::info!(written, total, elapsed_ms = clock.elapsed().as_millis(), "synthetic people written");
    }
    tx.commit().await?;
    report.elapsed = clock.elapsed();
    Ok(report)
}

/// Deletes the records earlier runs wrote, children first in set-based statements: left to
/// `on delete cascade`, PostgreSQL deletes children with one statement per parent row.
///
/// Detentions and their people go in one statement. The status trigger on detentions then runs
/// after the people are gone and rewrites nothing; deleting detentions alone would first set a
/// hundred thousand doomed people to `unknown` (11 of 21 seconds at that size).
async fn remove_previous(conn: &mut PgConnection, report: &mut SyntheticReport) -> anyhow::Result<()> {
    let blocking = sqlx::query_scalar!(
        r#"
        select count(*) as "count!" from (
            select d.id from detentions d join people p on p.id = d.person_id
            where not p.synthetic
              and (d.wave_id in (select id from waves where synthetic)
                   or d.facility_id in (select id from facilities where synthetic))
            union all
            select c.id from citations c
            where c.source_id in (select id from sources where synthetic)
              and not coalesce((select p.synthetic from people p where p.id = c.person_id),
                               (select w.synthetic from waves w where w.id = c.wave_id),
                               false)
        ) refs
        "#
    )
    .fetch_one(&mut *conn)
    .await?;
    if blocking > 0 {
        bail!(
            "records that are not synthetic refer to synthetic waves, facilities or sources ({blocking} \
             references); point them elsewhere before generating again"
        );
    }

    let clock = Instant::now();
    sqlx::query!("delete from events where person_id in (select id from people where synthetic)")
        .execute(&mut *conn)
        .await?;
    report.removed_people = sqlx::query!(
        r#"
        with detentions_gone as (
            delete from detentions where person_id in (select id from people where synthetic)
        )
        delete from people where synthetic
        "#
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    report.removed_waves = sqlx::query!("delete from waves where synthetic").execute(&mut *conn).await?.rows_affected();
    report.removed_facilities =
        sqlx::query!("delete from facilities where synthetic").execute(&mut *conn).await?.rows_affected();
    sqlx::query!("delete from sources where synthetic").execute(&mut *conn).await?;
    tracing::info!(
        people = report.removed_people,
        waves = report.removed_waves,
        facilities = report.removed_facilities,
        elapsed_ms = clock.elapsed().as_millis(),
        "earlier synthetic records removed"
    );
    Ok(())
}

/// Database ids of the catalogue, by index.
struct Refs {
    source: i64,
    facilities: Vec<i64>,
    waves: Vec<i64>,
}

async fn write_catalogue(
    conn: &mut PgConnection,
    catalogue: &Catalogue,
    report: &mut SyntheticReport,
) -> anyhow::Result<Refs> {
    let source = sqlx::query_scalar!(
        r#"
        insert into sources (slug, title, publisher, kind, notes, synthetic)
        values ('synthetic-source', 'Synthetic source for scale tests', 'prisoner-tracker generate-synthetic',
                'other', 'Invented by the generator: it supports no real fact.', true)
        returning id
        "#
    )
    .fetch_one(&mut *conn)
    .await
    .context("cannot write the synthetic source (is the slug synthetic-source taken by a real one?)")?;

    let facilities = reserve_ids(conn, "facilities", catalogue.facilities.len()).await?;
    let mut copy = CopyWriter::start(conn, "facilities", "id, name, kind, country, location, synthetic").await?;
    for (f, id) in catalogue.facilities.iter().zip(&facilities) {
        copy.row(|csv| {
            csv.raw(id).text(&f.name).raw(f.kind).raw(f.country).text(&f.location).raw("true");
        })
        .await?;
    }
    report.facilities = copy.finish().await?;

    let waves = reserve_ids(conn, "waves", catalogue.waves.len()).await?;
    let columns = "id, slug, name, started_on, started_precision, ended_on, ended_precision, country, mechanism, \
                   location, counterparty, traded, reported_released_count, reported_count_qualifier, notes, \
                   publication, synthetic";
    let mut copy = CopyWriter::start(conn, "waves", columns).await?;
    for (w, id) in catalogue.waves.iter().zip(&waves) {
        copy.row(|csv| {
            csv.raw(id)
                .raw(format_args!("synthetic-wave-{}", w.number))
                .text(WaveName(w))
                .date(Some(w.started))
                .date(w.ended)
                .raw(w.country)
                .raw(w.mechanism)
                .opt_text(w.location.as_deref())
                .opt_text(w.counterparty.as_deref())
                .opt_text(w.traded)
                .opt_raw(w.reported.map(|(count, _)| count))
                .opt_raw(w.reported.map(|(_, qualifier)| qualifier))
                .text("Synthetic wave for scale tests: no such release took place.")
                .raw("published")
                .raw("true");
        })
        .await?;
    }
    report.waves = copy.finish().await?;
    report.citations += sqlx::query!(
        "insert into citations (source_id, wave_id) select $1::bigint, unnest($2::bigint[])",
        source,
        &waves[..]
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(Refs { source, facilities, waves })
}

/// Writes one batch of people with everything that hangs off them.
async fn write_people(
    conn: &mut PgConnection,
    catalogue: &Catalogue,
    refs: &Refs,
    people: &[Person],
    seed: u64,
    report: &mut SyntheticReport,
) -> anyhow::Result<()> {
    let person_ids = reserve_ids(conn, "people", people.len()).await?;
    let detention_ids = reserve_ids(conn, "detentions", people.iter().map(|p| p.detentions.len()).sum()).await?;
    // The ids of each person's detentions, in order.
    let mut detention_ids_of = Vec::with_capacity(people.len());
    let mut next = 0;
    for p in people {
        detention_ids_of.push(&detention_ids[next..next + p.detentions.len()]);
        next += p.detentions.len();
    }
    let names = &catalogue.names;

    let columns = "id, slug, sex, born_on, born_precision, occupation, region, biography, publication, synthetic, \
                   status, status_since, status_since_precision";
    let mut copy = CopyWriter::start(conn, "people", columns).await?;
    for (p, id) in people.iter().zip(&person_ids) {
        let (status, since) = p.status();
        copy.row(|csv| {
            csv.raw(id)
                .raw(names.slug(p))
                .raw(p.sex)
                .date(p.born)
                .opt_text(p.occupation)
                .opt_text(p.region)
                .text(format_args!(
                    "Synthetic person number {} of seed {seed}, invented for scale tests: not a real person.",
                    p.number
                ))
                .raw("published")
                .raw("true")
                .raw(status)
                .date(since);
        })
        .await?;
    }
    report.people += copy.finish().await?;

    let mut copy = CopyWriter::start(conn, "person_names", "person_id, name, lang, script, kind, search_key").await?;
    for (p, id) in people.iter().zip(&person_ids) {
        for n in names.rows(p) {
            copy.row(|csv| {
                csv.raw(id).text(&n.name).raw(n.lang).raw(n.script).raw(n.kind).text(&n.key);
            })
            .await?;
        }
    }
    report.names += copy.finish().await?;

    let mut copy = CopyWriter::start(conn, "person_citizenships", "person_id, country").await?;
    for (p, id) in people.iter().zip(&person_ids) {
        for country in p.citizenships {
            copy.row(|csv| {
                csv.raw(id).raw(country);
            })
            .await?;
        }
    }
    report.citizenships += copy.finish().await?;

    let columns = "id, person_id, country, started_on, started_precision, ended_on, ended_precision, facility_id, \
                   trial_stage, sentenced_on, sentenced_precision, sentence_kind, sentence_months, \
                   release_mechanism, wave_id";
    let mut copy = CopyWriter::start(conn, "detentions", columns).await?;
    for ((p, id), ids) in people.iter().zip(&person_ids).zip(&detention_ids_of) {
        for (d, detention_id) in p.detentions.iter().zip(*ids) {
            copy.row(|csv| {
                csv.raw(detention_id)
                    .raw(id)
                    .raw(d.country)
                    .date(Some(d.started))
                    .date(d.ended)
                    .raw(refs.facilities[d.facility])
                    .opt_raw(d.trial_stage)
                    .date(d.sentenced)
                    .opt_raw(d.sentence.map(|(kind, _)| kind))
                    .opt_raw(d.sentence.and_then(|(_, months)| months))
                    .opt_raw(d.release)
                    .opt_raw(d.wave.map(|w| refs.waves[w]));
            })
            .await?;
        }
    }
    report.detentions += copy.finish().await?;

    let mut copy = CopyWriter::start(conn, "detention_charges", "detention_id, article, part").await?;
    for (p, ids) in people.iter().zip(&detention_ids_of) {
        for (d, detention_id) in p.detentions.iter().zip(*ids) {
            for c in &d.charges {
                copy.row(|csv| {
                    csv.raw(detention_id).raw(c.article).opt_raw(c.part);
                })
                .await?;
            }
        }
    }
    report.charges += copy.finish().await?;

    let columns = "person_id, detention_id, kind, occurred_on, occurred_precision, description";
    let mut copy = CopyWriter::start(conn, "events", columns).await?;
    for ((p, id), ids) in people.iter().zip(&person_ids).zip(&detention_ids_of) {
        for e in &p.events {
            let detention = &p.detentions[e.detention];
            copy.row(|csv| {
                csv.raw(id).raw(ids[e.detention]).raw(e.kind).date(Some(e.on)).text(Description {
                    catalogue,
                    event: e,
                    detention,
                });
            })
            .await?;
        }
    }
    report.events += copy.finish().await?;

    report.citations += sqlx::query!(
        "insert into citations (source_id, person_id) select $1::bigint, unnest($2::bigint[])",
        refs.source,
        &person_ids[..]
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(())
}

/// Takes `count` values from the identity sequence of `table` (a constant of ours, never input),
/// so rows can carry their ids and reference each other in the same `COPY` round. Values taken
/// with `nextval` are never handed out again, even to concurrent writers.
async fn reserve_ids(conn: &mut PgConnection, table: &str, count: usize) -> anyhow::Result<Vec<i64>> {
    let ids = sqlx::query_scalar!(
        r#"
        select coalesce(array_agg(nextval(pg_get_serial_sequence($1, 'id'))), '{}') as "ids!"
        from generate_series(1, $2::bigint)
        "#,
        table,
        i64::try_from(count)?
    )
    .fetch_one(&mut *conn)
    .await
    .with_context(|| format!("cannot reserve ids for {table}"))?;
    if ids.len() != count {
        bail!("reserved {} ids for {table}, wanted {count}", ids.len());
    }
    Ok(ids)
}

/// One `COPY table (columns) FROM STDIN (FORMAT csv)`, sent in chunks of about [`CHUNK`] bytes.
struct CopyWriter<'c> {
    copy: PgCopyIn<&'c mut PgConnection>,
    csv: Csv,
    table: &'static str,
    clock: Instant,
}

impl<'c> CopyWriter<'c> {
    async fn start(conn: &'c mut PgConnection, table: &'static str, columns: &str) -> anyhow::Result<Self> {
        let statement = format!("copy {table} ({columns}) from stdin (format csv)");
        let copy = conn.copy_in_raw(&statement).await.with_context(|| format!("cannot start copying {table}"))?;
        Ok(CopyWriter { copy, csv: Csv::with_capacity(CHUNK + 64 * 1024), table, clock: Instant::now() })
    }

    /// Adds the row `fill` writes.
    async fn row(&mut self, fill: impl FnOnce(&mut Csv)) -> anyhow::Result<()> {
        fill(&mut self.csv);
        self.csv.end_row();
        if self.csv.buf.len() >= CHUNK {
            self.copy.send(self.csv.buf.as_bytes()).await.with_context(|| format!("cannot copy {}", self.table))?;
            self.csv.buf.clear();
        }
        Ok(())
    }

    /// Sends the rest and returns how many rows the table took.
    async fn finish(mut self) -> anyhow::Result<u64> {
        if !self.csv.buf.is_empty() {
            self.copy.send(self.csv.buf.as_bytes()).await.with_context(|| format!("cannot copy {}", self.table))?;
        }
        let rows = self.copy.finish().await.with_context(|| format!("cannot copy {}", self.table))?;
        tracing::info!(table = self.table, rows, elapsed_ms = self.clock.elapsed().as_millis(), "copied");
        Ok(rows)
    }
}

/// Builds CSV rows as PostgreSQL's `COPY … (FORMAT csv)` reads them: an empty unquoted field is
/// NULL, text is always quoted (so an empty string stays a string) with quotes doubled.
struct Csv {
    buf: String,
    fields: usize,
}

impl Csv {
    fn with_capacity(bytes: usize) -> Self {
        Csv { buf: String::with_capacity(bytes), fields: 0 }
    }

    fn separate(&mut self) {
        if self.fields > 0 {
            self.buf.push(',');
        }
        self.fields += 1;
    }

    /// A value that never holds a comma, quote or line break: a number, a date, an enum key, a slug.
    fn raw(&mut self, value: impl fmt::Display) -> &mut Self {
        self.separate();
        write!(self.buf, "{value}").expect("writing to a String cannot fail");
        self
    }

    fn opt_raw(&mut self, value: Option<impl fmt::Display>) -> &mut Self {
        match value {
            Some(value) => self.raw(value),
            None => self.null(),
        }
    }

    fn text(&mut self, value: impl fmt::Display) -> &mut Self {
        self.separate();
        self.buf.push('"');
        write!(Quoted(&mut self.buf), "{value}").expect("writing to a String cannot fail");
        self.buf.push('"');
        self
    }

    fn opt_text(&mut self, value: Option<&str>) -> &mut Self {
        match value {
            Some(value) => self.text(value),
            None => self.null(),
        }
    }

    fn null(&mut self) -> &mut Self {
        self.separate();
        self
    }

    /// The two columns of a partial date: its first day and its precision.
    fn date(&mut self, value: Option<PartialDate>) -> &mut Self {
        self.opt_raw(value.map(|d| d.start())).opt_raw(value.map(|d| d.precision().as_str()))
    }

    fn end_row(&mut self) {
        self.buf.push('\n');
        self.fields = 0;
    }
}

/// Doubles the quotes of what is written through it: the inside of a quoted CSV field.
struct Quoted<'a>(&'a mut String);

impl fmt::Write for Quoted<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if s.contains('"') {
            self.0.push_str(&s.replace('"', "\"\""));
        } else {
            self.0.push_str(s);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::domain::Slug;

    fn drawn(seed: u64, count: usize) -> (Generator, Vec<Person>) {
        let mut generator = Generator::new(seed);
        let people = generator.people(1, count);
        (generator, people)
    }

    #[test]
    fn every_person_has_distinct_names_with_be_ru_and_en_primaries() {
        let book = NameBook::new();
        for g in 0..2 {
            for rows in &book.rows[g] {
                let distinct: HashSet<&str> = rows.iter().map(|r| r.name.as_str()).collect();
                assert_eq!(distinct.len(), rows.len(), "names are unique per person: {rows:?}");
                for (lang, script) in [("be", "Cyrl"), ("ru", "Cyrl"), ("en", "Latn")] {
                    let primaries = rows.iter().filter(|r| r.kind == NameKind::Primary && r.lang == lang).count();
                    assert_eq!(primaries, 1, "one {lang} primary name: {rows:?}");
                    assert!(rows.iter().any(|r| r.lang == lang && r.script == script), "{lang} in {script}");
                }
                let en = rows.iter().find(|r| r.lang == "en").map(|r| r.name.as_str()).unwrap_or_default();
                assert!(en.is_ascii(), "the English name is plain ASCII: {en}");
            }
        }
    }

    #[test]
    fn different_people_get_different_latin_spellings() {
        let book = NameBook::new();
        let english: Vec<&str> = book.rows.iter().flatten().map(|rows| rows[0].name.as_str()).collect();
        let distinct: HashSet<&str> = english.iter().copied().collect();
        assert_eq!(distinct.len(), english.len(), "no two name combinations share an English spelling");
        assert!(book.surnames.len() >= 80, "a long tail of surnames: {}", book.surnames.len());
    }

    #[test]
    fn the_most_common_surname_is_spelt_three_ways() {
        let rows = name_rows(MALE_NAMES[0], "Тэставіч", "Тестович");
        let spelt: Vec<(&str, &str, NameKind)> = rows.iter().map(|r| (r.name.as_str(), r.lang, r.kind)).collect();
        assert_eq!(
            spelt,
            [
                ("Andrey Testavich", "en", NameKind::Primary),
                ("Andrej Testavič", "be", NameKind::Transliteration),
                ("Andrei Testovich", "ru", NameKind::Transliteration),
                ("Андрэй Тэставіч", "be", NameKind::Primary),
                ("Андрей Тестович", "ru", NameKind::Primary),
            ],
            "BGN for English, the national system and the passport form as transliterations"
        );
        let rows = name_rows(MALE_NAMES[5], "Тэстук", "Тестук");
        assert_eq!(rows.len(), 4, "a passport spelling equal to the English one is not repeated: {rows:?}");
    }

    #[test]
    fn slugs_are_valid_and_unique() {
        let (generator, people) = drawn(7, 2_000);
        let mut seen = HashSet::new();
        for p in &people {
            let slug = generator.catalogue.names.slug(p).to_string();
            assert!(slug.starts_with("synthetic-"), "{slug}");
            assert!(slug.parse::<Slug>().is_ok(), "slug_ok accepts {slug}");
            assert!(seen.insert(slug.clone()), "{slug} is unique");
        }
        for w in &generator.catalogue.waves {
            let slug = format!("synthetic-wave-{}", w.number);
            assert!(slug.parse::<Slug>().is_ok(), "{slug}");
        }
    }

    #[test]
    fn one_surname_covers_about_a_tenth_of_people_and_the_rest_tail_off() {
        let book = NameBook::new();
        let mut rng = StdRng::seed_from_u64(42);
        let mut counts = vec![0u32; book.surnames.len()];
        for _ in 0..10_000 {
            counts[book.pick_surname.sample(&mut rng)] += 1;
        }
        let share = f64::from(counts[0]) / 10_000.0;
        assert!((0.08..=0.12).contains(&share), "the dominant surname covers {share}");
        let runner_up = counts[1..].iter().copied().max().unwrap_or(0);
        assert!(counts[0] > 2 * runner_up, "no second giant: {} vs {runner_up}", counts[0]);
        let head: u32 = counts[1..11].iter().sum();
        let tail: u32 = counts[counts.len() - 10..].iter().sum();
        assert!(head > 2 * tail, "Zipf-like: the next ten ({head}) well above the last ten ({tail})");
    }

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

    #[test]
    fn csv_quotes_text_and_leaves_null_empty() {
        let mut csv = Csv::with_capacity(64);
        csv.raw(1)
            .text("say \"hi\", twice")
            .null()
            .opt_text(None)
            .text("")
            .date(Some(PartialDate::day(date!(2024 - 07 - 03))));
        csv.end_row();
        assert_eq!(csv.buf, "1,\"say \"\"hi\"\", twice\",,,\"\",2024-07-03,day\n", "quotes doubled, NULL empty");
    }

    #[test]
    fn event_descriptions_say_they_are_synthetic() {
        let (generator, people) = drawn(2, 200);
        for p in &people {
            for e in &p.events {
                let text =
                    Description { catalogue: &generator.catalogue, event: e, detention: &p.detentions[e.detention] }
                        .to_string();
                assert!(text.starts_with("Synthetic event: ") && text.ends_with('.'), "{text}");
                assert!(text.len() < 5000 && text == text.trim(), "text_ok: {text}");
            }
        }
        let report =
            SyntheticReport { seed: 1, people: 10, elapsed: Duration::from_millis(1500), ..Default::default() };
        let line = report.to_string();
        assert!(line.contains("nothing from an earlier run") && line.contains("1.5 s"), "{line}");
    }
}
