//! What every chart URL takes in its query string: a country and a date range.

use std::fmt;

use serde::Deserialize;
use time::Date;

use crate::domain::partial_date::YEARS;
use crate::domain::{PartialDate, PartialDateError};
use crate::i18n::Message;

/// The query string as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ChartForm {
    pub country: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A validated filter. Records count when their period overlaps `from`..`to`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ChartFilter {
    /// The state holding the prisoners, or releasing them (ISO 3166 code).
    pub country: Option<String>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

/// A value the charts cannot use, with the parameter it came in; shown on the 400 page in the
/// page's language ([`InvalidFilter::message`]), and in English by `Display` (the API, logs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidFilter {
    pub parameter: &'static str,
    pub problem: Problem,
}

/// What is wrong with a chart parameter's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not a two-letter ISO 3166 code.
    CountryCode,
    /// Not a date, as typed, and why.
    Date(String, PartialDateError),
    /// The range ends before it starts.
    Reversed { from: PartialDate, to: PartialDate },
}

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
                PartialDateError::NoSuchDay { year, month, day } => {
                    message("chart-refusal-day").arg("month", format!("{year:04}-{:02}", *month as u8)).arg("day", day)
                }
                PartialDateError::NoSuchSeason(season) => message("chart-refusal-season").arg("value", season),
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

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn date(parameter: &'static str, value: &Option<String>) -> Result<Option<PartialDate>, InvalidFilter> {
    present(value)
        .map(|v| {
            v.parse::<PartialDate>().map_err(|e| InvalidFilter { parameter, problem: Problem::Date(v.to_owned(), e) })
        })
        .transpose()
}

impl ChartFilter {
    pub fn parse(form: &ChartForm) -> Result<ChartFilter, InvalidFilter> {
        let country = present(&form.country)
            .map(|v| {
                let code = v.to_ascii_uppercase();
                if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                    Ok(code)
                } else {
                    Err(InvalidFilter { parameter: "country", problem: Problem::CountryCode })
                }
            })
            .transpose()?;
        let from = date("from", &form.from)?;
        let to = date("to", &form.to)?;
        if let (Some(from), Some(to)) = (from, to)
            && from.start() > to.end()
        {
            return Err(InvalidFilter { parameter: "to", problem: Problem::Reversed { from, to } });
        }
        Ok(ChartFilter { country, from, to })
    }

    /// The first day the filter lets in, if it limits the start.
    pub fn from_day(&self) -> Option<Date> {
        self.from.map(|d| d.start())
    }

    /// The last day the filter lets in, if it limits the end.
    pub fn to_day(&self) -> Option<Date> {
        self.to.map(|d| d.end())
    }

    pub fn is_empty(&self) -> bool {
        self.country.is_none() && self.from.is_none() && self.to.is_none()
    }

    /// The canonical query string (without `?`; empty without a filter): the same filter always
    /// gives the same string, so it can key a cache and make links.
    pub fn query_string(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(country) = &self.country {
            pairs.push(("country", country.clone()));
        }
        if let Some(from) = self.from {
            pairs.push(("from", from.iso()));
        }
        if let Some(to) = self.to {
            pairs.push(("to", to.iso()));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    /// `?country=BY&…`, or nothing without a filter: appended to chart URLs.
    pub fn query_suffix(&self) -> String {
        let q = self.query_string();
        if q.is_empty() { q } else { format!("?{q}") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(country: &str, from: &str, to: &str) -> ChartForm {
        let some = |s: &str| Some(s.to_owned());
        ChartForm { country: some(country), from: some(from), to: some(to) }
    }

    #[test]
    fn parses_and_writes_back_the_canonical_form() {
        let filter = ChartFilter::parse(&form(" by", "summer 2024", "2025-02")).unwrap();
        assert_eq!(filter.country.as_deref(), Some("BY"));
        assert_eq!(filter.query_string(), "country=BY&from=2024-summer&to=2025-02");
        assert_eq!(filter.to_day(), Some(time::macros::date!(2025 - 02 - 28)));
        assert!(ChartFilter::parse(&form("", "", "")).unwrap().is_empty(), "empty fields mean no filter");
        assert_eq!(ChartFilter::default().query_suffix(), "");
    }

    #[test]
    fn refuses_what_it_cannot_use_and_names_the_parameter() {
        for (f, parameter) in [
            (form("Belarus", "", ""), "country"),
            (form("", "yesterday", ""), "from"),
            (form("", "", "2024-13"), "to"),
            (form("", "2025", "2024"), "to"),
        ] {
            let error = ChartFilter::parse(&f).unwrap_err();
            assert_eq!(error.parameter, parameter, "{f:?}");
            for lang in crate::i18n::Lang::ALL {
                let text = lang.message(&error.message());
                assert!(text.starts_with(parameter) && !text.contains('⟦'), "{f:?}: {text}");
            }
        }
        assert!(ChartFilter::parse(&form("", "2024-07", "2024-07")).is_ok(), "one month is a range");
    }
}
