//! Dates known to a day, a month, a season or a year.
//!
//! Sources rarely give a full date: "held since the beginning of 2021", "released in summer 2024",
//! "in January 2025". A [`PartialDate`] keeps exactly what is known. It is stored as two columns,
//! the first day of the period and its [`Precision`], so the database can sort and compare it,
//! and it displays the way it was entered ("summer 2024", "January 2025").

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// How much of a date is known. Ordered from the most to the least precise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, sqlx::Type, Serialize, Deserialize)]
#[sqlx(type_name = "date_precision", rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Season,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
        }
    }
}

/// Meteorological seasons of the northern hemisphere. A season belongs to the year it starts
/// in: the winter of 2024 runs from December 2024 to February 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Autumn, Season::Winter];

    fn first_month(self) -> Month {
        match self {
            Season::Spring => Month::March,
            Season::Summer => Month::June,
            Season::Autumn => Month::September,
            Season::Winter => Month::December,
        }
    }

    fn from_first_month(month: Month) -> Option<Season> {
        Season::ALL.into_iter().find(|s| s.first_month() == month)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }

    /// A season's word in English, Belarusian or Russian, in the forms sources use: the
    /// nominative ("лето", "лета"), the genitive ("лета", "восені"), the instrumental ("летом",
    /// "летам", "зімой") and the prepositional ("лете", "леце").
    fn parse(word: &str) -> Option<Season> {
        match word {
            "spring" | "весна" | "весны" | "весной" | "весною" | "весне" | "вясна" | "вясны" | "вясной" | "вясною"
            | "вясне" => Some(Season::Spring),
            "summer" | "лето" | "лета" | "летом" | "лете" | "летам" | "леце" => {
                Some(Season::Summer)
            }
            "autumn" | "fall" | "осень" | "осени" | "осенью" | "восень" | "восені" | "восенню" | "восеньню" => {
                Some(Season::Autumn)
            }
            "winter" | "зима" | "зимы" | "зимой" | "зимою" | "зиме" | "зіма" | "зімы" | "зімой" | "зімою" | "зіме" => {
                Some(Season::Winter)
            }
            _ => None,
        }
    }
}

/// The years a date may fall in. Wider than any record needs, narrow enough to catch typos
/// such as `20244`.
pub const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// A date with a precision. Always normalised: `start` is the first day of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    start: Date,
    precision: Precision,
}

/// Why a text is not a date. The messages are shown next to form fields, so they say what to
/// type; `PartialDateError::message` puts them into the page's language, `Display` into English
/// (logs, the command line, the API). Both are in `i18n::refusals`: the domain says what is
/// wrong, the site's languages say it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartialDateError {
    Empty,
    Unrecognised(String),
    YearOutOfRange(i32),
    NoSuchMonth(u8),
    NoSuchDay {
        year: i32,
        month: Month,
        day: u8,
    },
    NoSuchSeason(String),
    /// A month, a season or a day and month without the year ("February", "12.02").
    NoYear(String),
    NotNormalised(Date, &'static str),
}

impl PartialDate {
    pub fn day(date: Date) -> Self {
        PartialDate { start: date, precision: Precision::Day }
    }

    pub fn month(year: i32, month: u8) -> Result<Self, PartialDateError> {
        check_year(year)?;
        let month = Month::try_from(month).map_err(|_| PartialDateError::NoSuchMonth(month))?;
        Ok(PartialDate { start: first_of(year, month), precision: Precision::Month })
    }

    pub fn season(year: i32, season: Season) -> Result<Self, PartialDateError> {
        check_year(year)?;
        Ok(PartialDate { start: first_of(year, season.first_month()), precision: Precision::Season })
    }

    pub fn year(year: i32) -> Result<Self, PartialDateError> {
        check_year(year)?;
        Ok(PartialDate { start: first_of(year, Month::January), precision: Precision::Year })
    }

    /// Rebuilds a date from its two database columns, refusing a pair that is not normalised.
    pub fn from_parts(start: Date, precision: Precision) -> Result<Self, PartialDateError> {
        let ok = match precision {
            Precision::Day => true,
            Precision::Month => start.day() == 1,
            Precision::Season => start.day() == 1 && Season::from_first_month(start.month()).is_some(),
            Precision::Year => start.day() == 1 && start.month() == Month::January,
        };
        if ok {
            Ok(PartialDate { start, precision })
        } else {
            Err(PartialDateError::NotNormalised(start, precision.as_str()))
        }
    }

    /// For two nullable columns read from the database, where the schema guarantees that both
    /// are set or neither is, and that the pair is normalised.
    pub fn from_columns(start: Option<Date>, precision: Option<Precision>) -> Option<Self> {
        match (start, precision) {
            (Some(start), Some(precision)) => Self::from_parts(start, precision).ok(),
            _ => None,
        }
    }

    /// The first day of the period: what the database stores and sorts by.
    pub fn start(&self) -> Date {
        self.start
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The last day of the period.
    pub fn end(&self) -> Date {
        let next = match self.precision {
            Precision::Day => return self.start,
            Precision::Month => add_months(self.start, 1),
            Precision::Season => add_months(self.start, 3),
            Precision::Year => add_months(self.start, 12),
        };
        next.previous_day().expect("a date after 1800 has a previous day")
    }

    pub fn is_approximate(&self) -> bool {
        self.precision != Precision::Day
    }

    pub fn season_of(&self) -> Option<Season> {
        (self.precision == Precision::Season).then(|| Season::from_first_month(self.start.month())).flatten()
    }

    /// The canonical machine form: `2025-02-12`, `2025-01`, `2024-summer`, `2021`.
    pub fn iso(&self) -> String {
        let year = self.start.year();
        match self.precision {
            Precision::Day => format!("{year:04}-{:02}-{:02}", self.start.month() as u8, self.start.day()),
            Precision::Month => format!("{year:04}-{:02}", self.start.month() as u8),
            Precision::Season => format!("{year:04}-{}", self.season_of().map_or("", Season::as_str)),
            Precision::Year => format!("{year:04}"),
        }
    }
}

fn check_year(year: i32) -> Result<(), PartialDateError> {
    if YEARS.contains(&year) { Ok(()) } else { Err(PartialDateError::YearOutOfRange(year)) }
}

fn first_of(year: i32, month: Month) -> Date {
    Date::from_calendar_date(year, month, 1).expect("the first of a month in range is valid")
}

fn add_months(date: Date, months: u8) -> Date {
    let index = date.year() * 12 + (date.month() as i32 - 1) + i32::from(months);
    let month = Month::try_from((index.rem_euclid(12) + 1) as u8).expect("1..=12");
    first_of(index.div_euclid(12), month)
}

fn parse_year(text: &str) -> Option<i32> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

fn parse_number(text: &str, max_len: usize) -> Option<u8> {
    (!text.is_empty() && text.len() <= max_len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn month_from_name(word: &str) -> Option<Month> {
    const NAMES: [(&str, Month); 12] = [
        ("jan", Month::January),
        ("feb", Month::February),
        ("mar", Month::March),
        ("apr", Month::April),
        ("may", Month::May),
        ("jun", Month::June),
        ("jul", Month::July),
        ("aug", Month::August),
        ("sep", Month::September),
        ("oct", Month::October),
        ("nov", Month::November),
        ("dec", Month::December),
    ];
    if let Some(month) = cyrillic_month(word) {
        return Some(month);
    }
    let full: Month = NAMES.iter().find(|(prefix, _)| word.starts_with(prefix)).map(|(_, m)| *m)?;
    let name = full.to_string().to_ascii_lowercase();
    // "jan", "janu", "january", and "sept" are fine; "janx" is not.
    (name.starts_with(word) || word == "sept").then_some(full)
}

/// The Russian and Belarusian month names as sources write them: the nominative ("февраль",
/// "люты"), the genitive after a day ("12 февраля", "12 лютага") and the prepositional
/// ("в феврале", "у лютым"), and the usual abbreviations ("фев", "лют"). A listed set rather
/// than stems, so that a misspelt word is refused instead of guessed.
fn cyrillic_month(word: &str) -> Option<Month> {
    const FORMS: [&[&str]; 12] = [
        &["январь", "января", "январе", "янв", "студзень", "студзеня", "студзені", "студз"],
        &["февраль", "февраля", "феврале", "фев", "февр", "люты", "лютага", "лютым", "лют"],
        &["март", "марта", "марте", "мар", "сакавік", "сакавіка", "сакавіку", "сак"],
        &["апрель", "апреля", "апреле", "апр", "красавік", "красавіка", "красавіку", "крас"],
        &["май", "мая", "мае", "маі"],
        &["июнь", "июня", "июне", "июн", "чэрвень", "чэрвеня", "чэрвені", "чэрв"],
        &["июль", "июля", "июле", "июл", "ліпень", "ліпеня", "ліпені", "ліп"],
        &["август", "августа", "августе", "авг", "жнівень", "жніўня", "жніўні", "жнів"],
        &["сентябрь", "сентября", "сентябре", "сен", "сент", "верасень", "верасня", "верасні", "вер"],
        &["октябрь", "октября", "октябре", "окт", "кастрычнік", "кастрычніка", "кастрычніку", "каст"],
        &["ноябрь", "ноября", "ноябре", "ноя", "нояб", "лістапад", "лістапада", "лістападзе", "ліст"],
        &["декабрь", "декабря", "декабре", "дек", "снежань", "снежня", "снежні", "снеж"],
    ];
    let index = FORMS.iter().position(|forms| forms.contains(&word))?;
    Month::try_from(index as u8 + 1).ok()
}

/// One word as the tables above spell it: lower case, "ё" as "е", and the Latin "i" that
/// Belarusian is often typed with (on a Russian keyboard) as "і" inside a Cyrillic word; an
/// abbreviation's full stop ("фев.", "Feb.") and a comma after a word dropped.
fn normalise_word(word: &str) -> String {
    let word = word.trim_end_matches(',');
    let word = if word.chars().any(char::is_alphabetic) && !word.chars().any(|c| c.is_ascii_digit()) {
        word.trim_end_matches('.')
    } else {
        word
    };
    let cyrillic = word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    word.chars()
        .map(|c| match c {
            'ё' => 'е',
            'i' if cyrillic => 'і',
            c => c,
        })
        .collect()
}

/// Words around a date that say nothing about it: a leading preposition ("in", "в", "у") and
/// a trailing "year" ("2025 г.", "2025 года", "2025 году"), which Russian and Belarusian
/// sources add. A year written "2025г." loses its "г." too.
fn strip_fillers(mut words: Vec<String>) -> Vec<String> {
    const BEFORE: [&str; 5] = ["in", "в", "во", "у", "ў"];
    const AFTER: [&str; 6] = ["г", "год", "года", "году", "годзе", "гг"];
    if words.len() > 1 && BEFORE.contains(&words[0].as_str()) {
        words.remove(0);
    }
    if words.len() > 1 && words.last().is_some_and(|w| AFTER.contains(&w.trim_end_matches('.'))) {
        words.pop();
    }
    if let Some(last) = words.last_mut()
        && let Some(year) = last.strip_suffix("г.").or_else(|| last.strip_suffix('г'))
        && !year.is_empty()
        && year.bytes().all(|b| b.is_ascii_digit())
    {
        *last = year.to_owned();
    }
    words
}

/// `MM.YYYY` and `DD.MM.YYYY`, the forms of Belarusian and Russian sources. The parts are
/// numbers of one or two digits and a year of four; a two-digit year is refused, not guessed.
fn dotted(text: &str, original: &str) -> Result<PartialDate, PartialDateError> {
    let unrecognised = || PartialDateError::Unrecognised(original.to_owned());
    // A full stop closing the date ("12.02.2025.") is punctuation, not a part.
    let parts: Vec<&str> = text.strip_suffix('.').unwrap_or(text).split('.').collect();
    let year_of = |part: &str| match parse_year(part) {
        Some(year) => Ok(year),
        None if part.len() > 4 && part.bytes().all(|b| b.is_ascii_digit()) => {
            Err(PartialDateError::YearOutOfRange(part.parse().unwrap_or(i32::MAX)))
        }
        None => Err(unrecognised()),
    };
    match parts.as_slice() {
        // "12.02": a day and month without the year.
        [day, month] if parse_number(day, 2).is_some() && parse_number(month, 2).is_some() => {
            Err(PartialDateError::NoYear(original.to_owned()))
        }
        [month, year] => {
            let month = parse_number(month, 2).ok_or_else(unrecognised)?;
            PartialDate::month(year_of(year)?, month)
        }
        [day, month, year] => {
            let day = parse_number(day, 2).ok_or_else(unrecognised)?;
            let month = parse_number(month, 2).ok_or_else(unrecognised)?;
            day_date(year_of(year)?, month, day)
        }
        _ => Err(unrecognised()),
    }
}

impl FromStr for PartialDate {
    type Err = PartialDateError;

    /// Accepts the canonical forms (`2025-02-12`, `2025-01`, `2024-summer`, `2021`) and the
    /// forms people type: `summer 2024`, `January 2025`, `12 February 2025`, `02.2025`,
    /// `12.02.2025`, and month and season words in Belarusian and Russian in the cases sources
    /// use (`февраль 2025`, `12 лютага 2025`, `в феврале 2025 г.`, `летом 2024`, `лета 2024`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let lowered = text.trim().to_lowercase();
        if lowered.is_empty() {
            return Err(PartialDateError::Empty);
        }
        let unrecognised = || PartialDateError::Unrecognised(text.trim().to_owned());

        // Words separated by spaces: "summer 2024", "january 2025", "12 february 2025".
        let words = strip_fillers(lowered.split_whitespace().map(normalise_word).collect());
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        match words.as_slice() {
            // A month or season, or a day and month, without the year: say what is missing.
            [word] if Season::parse(word).is_some() || month_from_name(word).is_some() => {
                return Err(PartialDateError::NoYear(text.trim().to_owned()));
            }
            [day, month] if parse_number(day, 2).is_some() && month_from_name(month).is_some() => {
                return Err(PartialDateError::NoYear(text.trim().to_owned()));
            }
            [word, year] if !word.bytes().all(|b| b.is_ascii_digit()) => {
                // "winter 2024/25" is how a winter displays: it must read back as it shows.
                if let Some((first, next)) = year.split_once('/') {
                    let first = parse_year(first).ok_or_else(unrecognised)?;
                    let follows = next.len() == 2 && next.parse::<i32>().ok() == Some((first + 1).rem_euclid(100));
                    return match Season::parse(word) {
                        Some(Season::Winter) if follows => PartialDate::season(first, Season::Winter),
                        _ => Err(unrecognised()),
                    };
                }
                let year = parse_year(year).ok_or_else(unrecognised)?;
                if let Some(season) = Season::parse(word) {
                    return PartialDate::season(year, season);
                }
                let month = month_from_name(word).ok_or_else(unrecognised)?;
                return PartialDate::month(year, month as u8);
            }
            [day, month, year] => {
                let day = parse_number(day, 2).ok_or_else(unrecognised)?;
                let month = month_from_name(month).ok_or_else(unrecognised)?;
                let year = parse_year(year).ok_or_else(unrecognised)?;
                return day_date(year, month as u8, day);
            }
            [single] if single.contains('.') => return dotted(single, text.trim()),
            [_] => {}
            _ => return Err(unrecognised()),
        }
        let lowered = words[0];

        // One token: "2024", "2024-07", "2024-07-03", "2024-summer".
        let parts: Vec<&str> = lowered.split('-').collect();
        let year_text = parts[0];
        let year = match parse_year(year_text) {
            Some(year) => year,
            None if year_text.len() > 4 && year_text.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(PartialDateError::YearOutOfRange(year_text.parse().unwrap_or(i32::MAX)));
            }
            None => return Err(unrecognised()),
        };
        match parts.as_slice() {
            [_] => PartialDate::year(year),
            [_, second] => {
                if let Some(month) = parse_number(second, 2) {
                    PartialDate::month(year, month)
                } else if second.bytes().all(|b| b.is_ascii_alphabetic()) {
                    let season =
                        Season::parse(second).ok_or_else(|| PartialDateError::NoSuchSeason((*second).to_owned()))?;
                    PartialDate::season(year, season)
                } else {
                    Err(unrecognised())
                }
            }
            [_, month, day] => {
                let month = parse_number(month, 2).ok_or_else(unrecognised)?;
                let day = parse_number(day, 2).ok_or_else(unrecognised)?;
                day_date(year, month, day)
            }
            _ => Err(unrecognised()),
        }
    }
}

fn day_date(year: i32, month: u8, day: u8) -> Result<PartialDate, PartialDateError> {
    check_year(year)?;
    let month = Month::try_from(month).map_err(|_| PartialDateError::NoSuchMonth(month))?;
    Date::from_calendar_date(year, month, day).map(PartialDate::day).map_err(|_| PartialDateError::NoSuchDay {
        year,
        month,
        day,
    })
}

/// Chronological: by first day, and for the same first day the more precise date first.
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.start, self.precision).cmp(&(other.start, other.precision))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// English display, as a person would write it. Translated display comes with the
/// localisation work; templates call this through the `date` filter.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = self.start.year();
        match self.precision {
            Precision::Day => write!(f, "{} {} {year}", self.start.day(), self.start.month()),
            Precision::Month => write!(f, "{} {year}", self.start.month()),
            Precision::Season => match self.season_of() {
                Some(Season::Winter) => write!(f, "winter {year}/{:02}", (year + 1).rem_euclid(100)),
                Some(season) => write!(f, "{} {year}", season.as_str()),
                None => write!(f, "{year}"),
            },
            Precision::Year => write!(f, "{year}"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn parses_every_form_people_type() {
        let cases: &[(&str, &str, Precision, &str)] = &[
            // (input, canonical form, precision, why the case is here)
            ("2025-02-12", "2025-02-12", Precision::Day, "an ISO day"),
            ("2025-2-3", "2025-02-03", Precision::Day, "a day without leading zeros"),
            ("12 February 2025", "2025-02-12", Precision::Day, "a written day"),
            ("12 feb 2025", "2025-02-12", Precision::Day, "an abbreviated month"),
            ("2024-02-29", "2024-02-29", Precision::Day, "a leap day"),
            ("2025-01", "2025-01", Precision::Month, "an ISO month"),
            ("January 2025", "2025-01", Precision::Month, "a written month"),
            ("sept 2024", "2024-09", Precision::Month, "the common four-letter September"),
            ("2024-summer", "2024-summer", Precision::Season, "the canonical season"),
            ("summer 2024", "2024-summer", Precision::Season, "a written season"),
            ("  Summer   2024 ", "2024-summer", Precision::Season, "spaces and capitals"),
            ("fall 2023", "2023-autumn", Precision::Season, "American autumn"),
            ("2024-winter", "2024-winter", Precision::Season, "winter"),
            ("2021", "2021", Precision::Year, "a year"),
            ("winter 2024/25", "2024-winter", Precision::Season, "a winter as it displays"),
        ];
        for (input, iso, precision, why) in cases {
            let parsed: PartialDate = input.parse().unwrap_or_else(|e| panic!("{why}: {input:?} failed: {e}"));
            assert_eq!(parsed.iso(), *iso, "{why}");
            assert_eq!(parsed.precision(), *precision, "{why}");
            assert_eq!(iso.parse::<PartialDate>().unwrap(), parsed, "{why}: canonical form round-trips");
        }
    }

    #[test]
    fn parses_the_forms_of_belarusian_and_russian_sources() {
        let cases: &[(&str, &str, &str)] = &[
            // (input, canonical form, why the case is here)
            ("02.2025", "2025-02", "a dotted month"),
            ("07.2024", "2024-07", "a dotted month with a leading zero"),
            ("7.2024", "2024-07", "a dotted month without a leading zero"),
            ("12.02.2025", "2025-02-12", "a dotted day"),
            ("1.2.2025", "2025-02-01", "a dotted day without leading zeros"),
            ("12.02.2025.", "2025-02-12", "a dotted day closing a sentence"),
            ("29.02.2024", "2024-02-29", "a dotted leap day"),
            ("февраль 2025", "2025-02", "a Russian month, nominative"),
            ("Февраль 2025", "2025-02", "a capitalised Russian month"),
            ("12 февраля 2025", "2025-02-12", "a Russian day, genitive month"),
            ("в феврале 2025", "2025-02", "a Russian month, prepositional after в"),
            ("в феврале 2025 г.", "2025-02", "with the year word abbreviated"),
            ("12 февраля 2025 года", "2025-02-12", "with the year word in full"),
            ("12 февраля 2025г.", "2025-02-12", "with the year word glued to the year"),
            ("фев. 2025", "2025-02", "an abbreviated Russian month"),
            ("сентябрь 2024", "2024-09", "September in Russian"),
            ("мае 2024", "2024-05", "May in Russian, prepositional"),
            ("сентябре 2024", "2024-09", "September in Russian, prepositional"),
            ("люты 2025", "2025-02", "a Belarusian month, nominative"),
            ("12 лютага 2025", "2025-02-12", "a Belarusian day, genitive month"),
            ("у лютым 2025", "2025-02", "a Belarusian month, locative after у"),
            ("жнівень 2024", "2024-08", "August in Belarusian"),
            ("3 жніўня 2024", "2024-08-03", "August in Belarusian, genitive with ў"),
            ("ліпень 2024", "2024-07", "July in Belarusian"),
            ("лiпень 2024", "2024-07", "July in Belarusian typed with a Latin i"),
            ("у лістападзе 2023", "2023-11", "November in Belarusian, locative"),
            ("лета 2024", "2024-summer", "summer: Belarusian nominative, Russian genitive"),
            ("летом 2024", "2024-summer", "summer in Russian, instrumental"),
            ("лето 2024", "2024-summer", "summer in Russian, nominative"),
            ("летам 2024", "2024-summer", "summer in Belarusian, instrumental"),
            ("весной 2023", "2023-spring", "spring in Russian"),
            ("вясной 2023", "2023-spring", "spring in Belarusian"),
            ("осенью 2022", "2022-autumn", "autumn in Russian"),
            ("восенню 2022", "2022-autumn", "autumn in Belarusian"),
            ("зимой 2021", "2021-winter", "winter in Russian"),
            ("зіма 2024/25", "2024-winter", "a Belarusian winter as it displays"),
            ("зима 2024/25", "2024-winter", "a Russian winter as it displays"),
            ("February 2025", "2025-02", "an English month"),
            ("in February 2025", "2025-02", "an English month after in"),
            ("Feb. 2025", "2025-02", "an English abbreviation with its full stop"),
            ("summer 2024", "2024-summer", "an English season"),
            ("2025 г.", "2025", "a year with the year word"),
            ("2025 год", "2025", "a year with the year word in full"),
        ];
        for (input, iso, why) in cases {
            let parsed: PartialDate = input.parse().unwrap_or_else(|e| panic!("{why}: {input:?} failed: {e:?}"));
            assert_eq!(parsed.iso(), *iso, "{why}: {input:?}");
        }
    }

    #[test]
    fn refuses_impossible_and_incomplete_dates_saying_why() {
        use PartialDateError::*;
        let cases: &[(&str, PartialDateError, &str)] = &[
            ("31.02.2025", NoSuchDay { year: 2025, month: Month::February, day: 31 }, "no 31 February"),
            ("29.02.2025", NoSuchDay { year: 2025, month: Month::February, day: 29 }, "not a leap year"),
            ("00.02.2025", NoSuchDay { year: 2025, month: Month::February, day: 0 }, "day zero"),
            ("13.2025", NoSuchMonth(13), "month thirteen"),
            ("00.2025", NoSuchMonth(0), "month zero"),
            ("12.13.2025", NoSuchMonth(13), "a day in month thirteen (not American order)"),
            ("12.02.20255", YearOutOfRange(20255), "a typo in the year"),
            ("02.1700", YearOutOfRange(1700), "too early"),
            ("31 апреля 2025", NoSuchDay { year: 2025, month: Month::April, day: 31 }, "no 31 April, in Russian"),
            (
                "30 лютага 2024",
                NoSuchDay { year: 2024, month: Month::February, day: 30 },
                "no 30 February, in Belarusian",
            ),
            ("12.02", NoYear("12.02".into()), "a day and month without a year"),
            ("февраль", NoYear("февраль".into()), "a month without a year"),
            ("летом", NoYear("летом".into()), "a season without a year"),
            ("12 лютага", NoYear("12 лютага".into()), "a day and month in words without a year"),
            ("12.02.25", Unrecognised("12.02.25".into()), "a two-digit year is not guessed"),
            ("02.25", NoYear("02.25".into()), "read as a day and month: the full year is asked for, not guessed"),
            ("1.2.3.2025", Unrecognised("1.2.3.2025".into()), "too many parts"),
            ("февралл 2025", Unrecognised("февралл 2025".into()), "a misspelt month is refused, not guessed"),
            ("12 лета 2024", Unrecognised("12 лета 2024".into()), "a season has no days"),
            ("лето 24", Unrecognised("лето 24".into()), "a two-digit year in words"),
            ("2024 лета", Unrecognised("2024 лета".into()), "the year before the season"),
            ("ёлки", Unrecognised("ёлки".into()), "a word"),
        ];
        for (input, error, why) in cases {
            assert_eq!(input.parse::<PartialDate>().as_ref(), Err(error), "{why}: {input:?}");
        }
    }

    #[test]
    fn displays_as_entered() {
        let cases = [
            ("2025-02-12", "12 February 2025"),
            ("2025-01", "January 2025"),
            ("2024-summer", "summer 2024"),
            ("2024-winter", "winter 2024/25"),
            ("1999-winter", "winter 1999/00"),
            ("2021", "2021"),
        ];
        for (input, shown) in cases {
            assert_eq!(input.parse::<PartialDate>().unwrap().to_string(), shown, "{input}");
        }
    }

    #[test]
    fn periods_have_the_right_first_and_last_days() {
        let cases = [
            ("2025-02-12", date!(2025 - 02 - 12), date!(2025 - 02 - 12)),
            ("2024-02", date!(2024 - 02 - 01), date!(2024 - 02 - 29)),
            ("2024-summer", date!(2024 - 06 - 01), date!(2024 - 08 - 31)),
            ("2024-winter", date!(2024 - 12 - 01), date!(2025 - 02 - 28)),
            ("2021", date!(2021 - 01 - 01), date!(2021 - 12 - 31)),
            ("2024-12", date!(2024 - 12 - 01), date!(2024 - 12 - 31)),
        ];
        for (input, start, end) in cases {
            let parsed: PartialDate = input.parse().unwrap();
            assert_eq!((parsed.start(), parsed.end()), (start, end), "{input}");
        }
    }

    #[test]
    fn sorts_chronologically_with_the_more_precise_first() {
        let mut dates: Vec<PartialDate> =
            ["2025-02-12", "2024", "2024-summer", "2024-06", "2024-06-01", "2021", "2025-01"]
                .iter()
                .map(|d| d.parse().unwrap())
                .collect();
        dates.sort();
        let sorted: Vec<String> = dates.iter().map(PartialDate::iso).collect();
        assert_eq!(sorted, ["2021", "2024", "2024-06-01", "2024-06", "2024-summer", "2025-01", "2025-02-12"]);
    }

    #[test]
    fn database_pairs_must_be_normalised() {
        assert!(PartialDate::from_parts(date!(2024 - 06 - 01), Precision::Season).is_ok());
        assert!(PartialDate::from_parts(date!(2024 - 07 - 01), Precision::Season).is_err());
        assert!(PartialDate::from_parts(date!(2024 - 07 - 02), Precision::Month).is_err());
        assert!(PartialDate::from_parts(date!(2024 - 02 - 01), Precision::Year).is_err());
        assert_eq!(PartialDate::from_columns(None, None), None);
    }

    #[test]
    fn serialises_to_its_canonical_form() {
        let parsed: PartialDate = "summer 2024".parse().unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), "\"2024-summer\"");
        let back: PartialDate = serde_json::from_str("\"2024-summer\"").unwrap();
        assert_eq!(back, parsed);
        assert!(serde_json::from_str::<PartialDate>("\"2024-13\"").is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Any date the type can hold: a day, month, season or year within `YEARS`.
        fn any_date() -> impl Strategy<Value = PartialDate> {
            let year = *YEARS.start()..=*YEARS.end();
            prop_oneof![
                (year.clone(), 1u8..=12, 1u8..=31).prop_filter_map("a real day", |(y, m, d)| day_date(y, m, d).ok()),
                (year.clone(), 1u8..=12).prop_map(|(y, m)| PartialDate::month(y, m).unwrap()),
                (year.clone(), prop::sample::select(Season::ALL.to_vec()))
                    .prop_map(|(y, s)| PartialDate::season(y, s).unwrap()),
                year.prop_map(|y| PartialDate::year(y).unwrap()),
            ]
        }

        /// Text that looks enough like a date to reach every branch of the parser.
        fn date_like() -> impl Strategy<Value = String> {
            prop_oneof![
                "[0-9]{0,6}(-[0-9a-z]{0,7}){0,3}",
                "[0-9]{0,3} ?[A-Za-z]{0,9} [0-9/]{0,8}",
                "(spring|summer|autumn|fall|winter|jan|sept|may) [0-9]{4}(/[0-9]{2})?",
                "(в |у )?(лета|летом|зимой|февраля|лютым|ліпень|мае) [0-9]{4}( г\\.| года)?",
                "[0-9]{0,3}(\\.[0-9]{0,5}){0,3}",
                "\\PC{0,24}",
                any::<String>(),
            ]
        }

        proptest! {
            #![proptest_config(crate::testing::proptest_config(512))]

            #[test]
            fn parsing_never_panics_and_what_parses_reads_back(text in date_like()) {
                if let Ok(date) = text.parse::<PartialDate>() {
                    prop_assert_eq!(date.iso().parse::<PartialDate>(), Ok(date), "iso of {:?}", text);
                    prop_assert_eq!(date.to_string().parse::<PartialDate>(), Ok(date), "display of {:?}", text);
                    prop_assert!(YEARS.contains(&date.start().year()));
                    prop_assert!(date.start() <= date.end());
                }
            }

            #[test]
            fn every_date_reads_back_from_its_canonical_and_displayed_forms(date in any_date()) {
                prop_assert_eq!(date.iso().parse::<PartialDate>(), Ok(date));
                prop_assert_eq!(date.to_string().parse::<PartialDate>(), Ok(date), "{}", date);
                prop_assert_eq!(PartialDate::from_parts(date.start(), date.precision()), Ok(date));
            }
        }
    }
}
