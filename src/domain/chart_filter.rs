//! What every chart URL takes in its query string: a country and a date range. The database
//! reads by it and the pages link with it, so it lives here, below both.

use serde::Deserialize;
use time::Date;

use crate::domain::{PartialDate, PartialDateError};

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
/// page's language (`InvalidFilter::message`), and in English by `Display` (the API, logs).
/// Both are in `i18n::refusals`.
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
        }
        assert!(ChartFilter::parse(&form("", "2024-07", "2024-07")).is_ok(), "one month is a range");
    }
}
