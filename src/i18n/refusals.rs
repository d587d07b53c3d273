//! The words of the domain's refusals. `domain` says what is wrong as plain values
//! ([`PartialDateError`], [`InvalidSlug`], [`InvalidFilter`]); this module puts them into
//! [`Message`]s, so that the domain does not depend on the site's languages: `i18n` knows the
//! domain, not the other way.
//!
//! The methods are inherent (Rust lets a crate add methods to its own types in any module), so
//! every caller keeps writing `error.message()`. `Display` says the same in English, for logs,
//! the command line and the API; `Error` needs it, so it is implemented here too.

use std::fmt;

use super::Message;
use crate::domain::PartialDateError;
use crate::domain::chart_filter::{InvalidFilter, Problem};
use crate::domain::partial_date::YEARS;
use crate::domain::slug::{InvalidSlug, MAX_LEN};
use crate::domain::text::ControlCharacter;

/// The message keys of the month names, January first.
const MONTH_KEYS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8", "month-9", "month-10",
    "month-11", "month-12",
];

impl PartialDateError {
    /// What is wrong, as a message for the page's language.
    pub fn message(&self) -> Message {
        match self {
            PartialDateError::Empty => Message::new("date-error-empty"),
            PartialDateError::Unrecognised(text) => Message::new("date-error-unrecognised").arg("text", text),
            PartialDateError::YearOutOfRange(year) => {
                Message::new("date-error-year").arg("year", year).arg("min", YEARS.start()).arg("max", YEARS.end())
            }
            PartialDateError::NoSuchMonth(month) => Message::new("date-error-month").arg("month", month),
            PartialDateError::NoSuchDay { year, month, day } => Message::new("date-error-day")
                .arg_message("month", Message::new(MONTH_KEYS[*month as usize - 1]))
                .arg("year", year)
                .arg("day", day),
            PartialDateError::NoSuchSeason(text) => Message::new("date-error-season").arg("text", text),
            PartialDateError::NoYear(text) => Message::new("date-error-no-year").arg("text", text),
            PartialDateError::NotNormalised(date, precision) => {
                Message::new("date-error-not-normalised").arg("date", date).arg("precision", precision)
            }
        }
    }
}

impl fmt::Display for PartialDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for PartialDateError {}

impl ControlCharacter {
    /// Where the invisible character is, so that the person can find and remove it.
    pub fn message(&self) -> Message {
        Message::new("error-control-character").arg("code", self.code())
    }
}

impl fmt::Display for ControlCharacter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl InvalidSlug {
    /// What a slug must be, as a message for the page's language.
    pub fn message(&self) -> Message {
        Message::new("slug-error").arg("max", MAX_LEN)
    }
}

/// In English (logs, the command line, the API).
impl fmt::Display for InvalidSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for InvalidSlug {}

impl InvalidFilter {
    /// The refusal as a message (`chart-refusal-*`), with `$parameter` and the values at fault.
    pub fn message(&self) -> Message {
        let message = |key| Message::new(key).arg("parameter", self.parameter);
        match &self.problem {
            // The same words as the search's refusal of a country code.
            Problem::CountryCode => message("search-refusal-country"),
            Problem::Reversed { from, to } => {
                message("chart-refusal-reversed").arg("from", from.iso()).arg("to", to.iso())
            }
            Problem::Date(value, error) => match error {
                PartialDateError::YearOutOfRange(year) => {
                    message("chart-refusal-year").arg("year", year).arg("min", YEARS.start()).arg("max", YEARS.end())
                }
                PartialDateError::NoSuchMonth(month) => {
                    message("chart-refusal-month").arg("month", format!("{month:02}"))
                }
                PartialDateError::NoSuchDay { year, month, day } => message("chart-refusal-day")
                    .arg_message("month", Message::new(MONTH_KEYS[*month as usize - 1]))
                    .arg("year", year)
                    .arg("day", day),
                PartialDateError::NoSuchSeason(season) => message("chart-refusal-season").arg("value", season),
                PartialDateError::NoYear(text) => message("chart-refusal-no-year").arg("value", text),
                PartialDateError::Empty | PartialDateError::Unrecognised(_) | PartialDateError::NotNormalised(..) => {
                    message("chart-refusal-date").arg("value", value)
                }
            },
        }
    }
}

impl fmt::Display for InvalidFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for InvalidFilter {}

#[cfg(test)]
mod tests {
    use crate::domain::PartialDate;
    use crate::domain::chart_filter::{ChartFilter, ChartForm};
    use crate::i18n::Lang;

    #[test]
    fn refuses_bad_input_with_a_message_that_says_what_is_wrong() {
        let cases: &[(&str, &str, &str)] = &[
            // (input, part of the message, why)
            ("", "enter a date", "empty"),
            ("   ", "enter a date", "blank"),
            ("2024-13", "no month 13", "month out of range"),
            ("2024-00", "no month 0", "month zero"),
            ("2025-02-29", "February 2025 has no day 29", "not a leap year"),
            ("2025-04-31", "April 2025 has no day 31", "short month"),
            ("2024-smer", "not a season", "misspelled season"),
            ("20244", "outside 1800–2200", "a typo in the year"),
            ("1066", "outside 1800–2200", "too early"),
            ("next tuesday", "is not a date", "words"),
            ("2024/07/03", "is not a date", "slashes"),
            ("2024-07-03-01", "is not a date", "too many parts"),
            ("summer 24", "is not a date", "two-digit year"),
            ("32 January 2025", "January 2025 has no day 32", "day out of range"),
            ("Januaryx 2025", "is not a date", "not a month name"),
            ("<script>", "is not a date", "hostile input"),
            ("winter 2024/26", "is not a date", "a winter spans two consecutive years"),
            ("summer 2024/25", "is not a date", "only a winter spans two years"),
            ("31.02.2025", "February 2025 has no day 31", "a dotted day that does not exist"),
            ("00.2025", "there is no month 0", "a dotted month zero"),
            ("13.2025", "there is no month 13", "a dotted month thirteen"),
            ("12.02.25", "is not a date", "a dotted two-digit year"),
            ("12.02", "has no year", "a dotted day without a year"),
            ("февраль", "has no year", "a month name without a year"),
            ("30 февраля 2024", "February 2024 has no day 30", "a written day that does not exist"),
            ("лета", "has no year", "a season without a year"),
        ];
        for (input, message, why) in cases {
            let error = input.parse::<PartialDate>().expect_err(why).to_string();
            assert!(error.contains(message), "{why}: {input:?} gave {error:?}");
        }
    }

    #[test]
    fn chart_refusals_name_the_parameter_in_every_language() {
        let some = |s: &str| Some(s.to_owned());
        for (country, from, to, parameter) in [
            ("Belarus", "", "", "country"),
            ("", "yesterday", "", "from"),
            ("", "", "2024-13", "to"),
            ("", "2025", "2024", "to"),
        ] {
            let form = ChartForm { country: some(country), from: some(from), to: some(to) };
            let error = ChartFilter::parse(&form).unwrap_err();
            for lang in Lang::ALL {
                let text = lang.message(&error.message());
                assert!(text.starts_with(parameter) && !text.contains('⟦'), "{form:?}: {text}");
            }
        }
    }
}
