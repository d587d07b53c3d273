//! What a search asks for, parsed and validated from the query string of `/prisoners`, and
//! turned back into query strings for links (pagination, sorting, CSV).

use std::fmt;

use serde::Deserialize;

use crate::domain::{PersonStatus, ReleaseMechanism, Sex, Slug};
use crate::i18n::Message;

/// Results per page.
pub const PAGE_SIZE: i64 = 50;
/// The deepest page served. Deeper pages of a result this large are better reached by
/// narrowing the search; the clamp keeps a crawler from asking for page 10^9.
pub const MAX_PAGE: i64 = 2000;
/// Counts stop here: "1,000+" is all a reader needs of a larger number.
pub const COUNT_CAP: i64 = 1000;

/// The query string as typed; every field optional, every value checked in [`Search::parse`].
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SearchForm {
    pub q: Option<String>,
    pub status: Option<String>,
    pub country: Option<String>,
    pub citizenship: Option<String>,
    pub sex: Option<String>,
    pub mechanism: Option<String>,
    pub wave: Option<String>,
    pub charge: Option<String>,
    pub detained_from: Option<String>,
    pub detained_to: Option<String>,
    pub released_from: Option<String>,
    pub released_to: Option<String>,
    pub sort: Option<String>,
    pub page: Option<String>,
}

/// A status filter: one status, or every status of people still held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Held,
    Is(PersonStatus),
}

impl StatusFilter {
    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::Held => "held",
            StatusFilter::Is(status) => status.as_str(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Relevance,
    Name,
    Detained,
    Released,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Name, Sort::Detained, Sort::Released];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Name => "name",
            Sort::Detained => "detained",
            Sort::Released => "released",
        }
    }
}

/// A validated search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// The text typed, trimmed; empty when none.
    pub q: String,
    pub status: Option<StatusFilter>,
    pub country: Option<String>,
    pub citizenship: Option<String>,
    pub sex: Option<Sex>,
    pub mechanism: Option<ReleaseMechanism>,
    pub wave: Option<String>,
    pub charge: Option<String>,
    pub detained_from: Option<i32>,
    pub detained_to: Option<i32>,
    pub released_from: Option<i32>,
    pub released_to: Option<i32>,
    pub sort: Sort,
    /// 1-based, clamped to 1..=MAX_PAGE.
    pub page: i64,
}

/// A value the search cannot use, with the parameter it came in. Its words are the message of
/// [`InvalidSearch::message`], in the page's language; `Display` gives them in English (the
/// API's errors and the logs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidSearch {
    pub parameter: &'static str,
    pub problem: Problem,
}

/// What is wrong with a search parameter's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The text holds a NUL character, which the database cannot compare.
    Nul,
    /// Not a two-letter ISO 3166 code.
    CountryCode,
    /// Not a year the site records.
    Year(String),
    /// Not one of the listed choices.
    Choice(String),
    /// Not a wave's address.
    Wave,
    /// Not a whole number.
    Page(String),
}

impl InvalidSearch {
    /// The refusal as a message: `search-refusal-*` with `$parameter` and, where it matters,
    /// `$value` (the value as typed).
    pub fn message(&self) -> Message {
        let (key, value) = match &self.problem {
            Problem::Nul => ("search-refusal-nul", None),
            Problem::CountryCode => ("search-refusal-country", None),
            Problem::Year(v) => ("search-refusal-year", Some(v)),
            Problem::Choice(v) => ("search-refusal-choice", Some(v)),
            Problem::Wave => ("search-refusal-wave", None),
            Problem::Page(v) => ("search-refusal-page", Some(v)),
        };
        let message = Message::new(key).arg("parameter", self.parameter);
        match value {
            Some(value) => message.arg("value", value),
            None => message,
        }
    }
}

impl fmt::Display for InvalidSearch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for InvalidSearch {}

fn invalid(parameter: &'static str, problem: Problem) -> InvalidSearch {
    InvalidSearch { parameter, problem }
}

/// Empty form fields (`?status=`) mean "any", as a form submitted with nothing chosen sends them.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn country_code(parameter: &'static str, value: &Option<String>) -> Result<Option<String>, InvalidSearch> {
    present(value)
        .map(|v| {
            let code = v.to_ascii_uppercase();
            if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                Ok(code)
            } else {
                Err(invalid(parameter, Problem::CountryCode))
            }
        })
        .transpose()
}

fn year(parameter: &'static str, value: &Option<String>) -> Result<Option<i32>, InvalidSearch> {
    present(value)
        .map(|v| match v.parse::<i32>() {
            Ok(year) if crate::domain::partial_date::YEARS.contains(&year) => Ok(year),
            _ => Err(invalid(parameter, Problem::Year(v.to_owned()))),
        })
        .transpose()
}

fn key_of<T: Copy>(
    parameter: &'static str,
    value: &Option<String>,
    all: &[T],
    key: fn(T) -> &'static str,
) -> Result<Option<T>, InvalidSearch> {
    present(value)
        .map(|v| {
            all.iter()
                .copied()
                .find(|item| key(*item) == v)
                .ok_or_else(|| invalid(parameter, Problem::Choice(v.to_owned())))
        })
        .transpose()
}

/// The first `max` characters of `text`, without the spaces a cut may leave at the end.
fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect::<String>().trim_end().to_owned()
}

impl Search {
    pub fn parse(form: &SearchForm) -> Result<Search, InvalidSearch> {
        // The database cannot compare text holding a NUL; nobody searches for one.
        for (parameter, value) in [("q", &form.q), ("charge", &form.charge)] {
            if value.as_deref().is_some_and(|v| v.contains('\0')) {
                return Err(invalid(parameter, Problem::Nul));
            }
        }
        // Cut, then trimmed again: a cut that ends in a space would otherwise make links to
        // this search (which are parsed again) a different search.
        let q = truncate(present(&form.q).unwrap_or(""), 200);
        let status = match present(&form.status) {
            None => None,
            Some("held") => Some(StatusFilter::Held),
            Some(_) => key_of("status", &form.status, PersonStatus::ALL, PersonStatus::as_str)?.map(StatusFilter::Is),
        };
        let wave = present(&form.wave)
            .map(|v| v.parse::<Slug>().map(|s| s.to_string()).map_err(|_| invalid("wave", Problem::Wave)))
            .transpose()?;
        let charge = present(&form.charge).map(|v| truncate(v, 100)).filter(|v| !v.is_empty());
        let sort = key_of("sort", &form.sort, &Sort::ALL, Sort::key)?.unwrap_or(if q.is_empty() {
            Sort::Name
        } else {
            Sort::Relevance
        });
        let page = match present(&form.page) {
            None => 1,
            Some(v) => v.parse::<i64>().map_err(|_| invalid("page", Problem::Page(v.to_owned())))?.clamp(1, MAX_PAGE),
        };
        Ok(Search {
            status,
            country: country_code("country", &form.country)?,
            citizenship: country_code("citizenship", &form.citizenship)?,
            sex: key_of("sex", &form.sex, Sex::ALL, Sex::as_str)?,
            mechanism: key_of("mechanism", &form.mechanism, ReleaseMechanism::ALL, ReleaseMechanism::as_str)?,
            wave,
            charge,
            detained_from: year("detained_from", &form.detained_from)?,
            detained_to: year("detained_to", &form.detained_to)?,
            released_from: year("released_from", &form.released_from)?,
            released_to: year("released_to", &form.released_to)?,
            // Relevance without words to be relevant to falls back to names.
            sort: if sort == Sort::Relevance && q.is_empty() { Sort::Name } else { sort },
            q,
            page,
        })
    }

    /// The query string of this search on another page or in another order: every link a
    /// results page makes goes through here, so they all keep every filter.
    pub fn query_string(&self, page: i64, sort: Sort) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        let mut add = |key: &'static str, value: Option<String>| {
            if let Some(value) = value {
                pairs.push((key, value));
            }
        };
        add("status", self.status.map(|s| s.key().to_owned()));
        add("country", self.country.clone());
        add("citizenship", self.citizenship.clone());
        add("sex", self.sex.map(|s| s.as_str().to_owned()));
        add("mechanism", self.mechanism.map(|m| m.as_str().to_owned()));
        add("wave", self.wave.clone());
        add("charge", self.charge.clone());
        add("detained_from", self.detained_from.map(|y| y.to_string()));
        add("detained_to", self.detained_to.map(|y| y.to_string()));
        add("released_from", self.released_from.map(|y| y.to_string()));
        add("released_to", self.released_to.map(|y| y.to_string()));
        let default_sort = if self.q.is_empty() { Sort::Name } else { Sort::Relevance };
        if sort != default_sort {
            pairs.push(("sort", sort.key().to_owned()));
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
    }

    /// The parameters of the filters in force, in the order of the form: each becomes a chip
    /// that removes it (`without`).
    /// Whether this is one of the lists the home counts link to: no words, no filter but the
    /// status. Only there may the people counted but not named be counted beside the names.
    pub fn is_a_count_list(&self) -> bool {
        self.q.is_empty() && self.active_filters().iter().all(|f| *f == "status")
    }

    pub fn active_filters(&self) -> Vec<&'static str> {
        [
            ("status", self.status.is_some()),
            ("country", self.country.is_some()),
            ("citizenship", self.citizenship.is_some()),
            ("sex", self.sex.is_some()),
            ("mechanism", self.mechanism.is_some()),
            ("wave", self.wave.is_some()),
            ("charge", self.charge.is_some()),
            ("detained_from", self.detained_from.is_some()),
            ("detained_to", self.detained_to.is_some()),
            ("released_from", self.released_from.is_some()),
            ("released_to", self.released_to.is_some()),
        ]
        .into_iter()
        .filter_map(|(parameter, on)| on.then_some(parameter))
        .collect()
    }

    /// The same search without the filter `parameter`, from its first page (a page deep into
    /// the narrower result means nothing in the wider one). The words and the order stay.
    pub fn without(&self, parameter: &str) -> Search {
        let mut search = Search { page: 1, ..self.clone() };
        match parameter {
            "status" => search.status = None,
            "country" => search.country = None,
            "citizenship" => search.citizenship = None,
            "sex" => search.sex = None,
            "mechanism" => search.mechanism = None,
            "wave" => search.wave = None,
            "charge" => search.charge = None,
            "detained_from" => search.detained_from = None,
            "detained_to" => search.detained_to = None,
            "released_from" => search.released_from = None,
            "released_to" => search.released_to = None,
            _ => {}
        }
        search
    }

    pub fn has_filters(&self) -> bool {
        self.status.is_some()
            || self.country.is_some()
            || self.citizenship.is_some()
            || self.sex.is_some()
            || self.mechanism.is_some()
            || self.wave.is_some()
            || self.charge.is_some()
            || self.detained_from.is_some()
            || self.detained_to.is_some()
            || self.released_from.is_some()
            || self.released_to.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> SearchForm {
        let query = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
        serde_urlencoded::from_str(&query).unwrap()
    }

    #[test]
    fn parses_filters_and_defaults() {
        let search =
            Search::parse(&form(&[("q", " Losik "), ("status", "held"), ("country", "by"), ("page", "0")])).unwrap();
        assert_eq!(search.q, "Losik");
        assert_eq!(search.status, Some(StatusFilter::Held));
        assert_eq!(search.country.as_deref(), Some("BY"));
        assert_eq!(search.sort, Sort::Relevance, "words sort by relevance");
        assert_eq!(search.page, 1, "page 0 is clamped to 1");

        let empty = Search::parse(&form(&[("status", ""), ("sort", "relevance")])).unwrap();
        assert_eq!(empty.status, None, "an empty field means any");
        assert_eq!(empty.sort, Sort::Name, "no words: relevance falls back to names");
        assert_eq!(Search::parse(&form(&[("page", "99999999999")])).unwrap().page, MAX_PAGE);
    }

    #[test]
    fn refuses_values_it_cannot_use_and_says_which() {
        let cases = [
            (("status", "free"), "status"),
            (("country", "Belarus"), "country"),
            (("sex", "x"), "sex"),
            (("detained_from", "21"), "detained_from"),
            (("page", "two"), "page"),
            (("sort", "random"), "sort"),
            (("wave", "<script>"), "wave"),
            (("q", "a\0b"), "q"),
            (("charge", "\0"), "charge"),
        ];
        for ((key, value), parameter) in cases {
            let error = Search::parse(&form(&[(key, value)])).unwrap_err();
            assert_eq!(error.parameter, parameter, "{key}={value}");
        }
    }

    #[test]
    fn query_strings_round_trip() {
        let search =
            Search::parse(&form(&[("q", "Ihar & co"), ("mechanism", "pardon"), ("released_from", "2024")])).unwrap();
        let again = Search::parse(&form_from(&search.query_string(3, Sort::Name))).unwrap();
        assert_eq!(again.q, search.q);
        assert_eq!(again.mechanism, search.mechanism);
        assert_eq!(again.released_from, Some(2024));
        assert_eq!((again.page, again.sort), (3, Sort::Name));
    }

    #[test]
    fn each_active_filter_can_be_taken_away_alone() {
        let search = Search::parse(&form(&[
            ("q", "Losik"),
            ("status", "held"),
            ("wave", "pardons-2024"),
            ("released_to", "2025"),
            ("sort", "name"),
            ("page", "3"),
        ]))
        .unwrap();
        assert_eq!(search.active_filters(), ["status", "wave", "released_to"]);
        let wider = search.without("wave");
        assert_eq!(wider.active_filters(), ["status", "released_to"], "only the wave goes");
        assert_eq!((wider.q.as_str(), wider.sort, wider.page), ("Losik", Sort::Name, 1), "words and order stay");
        let none = search.without("status").without("wave").without("released_to");
        assert!(!none.has_filters() && none.active_filters().is_empty());
        assert!(Search::parse(&form(&[("q", "Losik")])).unwrap().active_filters().is_empty(), "words are no filter");
    }

    fn form_from(query: &str) -> SearchForm {
        serde_urlencoded::from_str(query).unwrap()
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A value for a parameter: often one the search accepts, often anything.
        fn value() -> impl Strategy<Value = Option<String>> {
            let plausible = prop_oneof![
                Just("held".to_owned()),
                Just("released".to_owned()),
                Just("pardon".to_owned()),
                Just("female".to_owned()),
                Just("name".to_owned()),
                Just("released-first".to_owned()),
                "[A-Za-z]{2}",
                "-?[0-9]{1,12}",
                "(18|19|20|21)[0-9]{2}",
                "[a-z0-9-]{1,20}",
                " *\\PC{0,210} *",
                any::<String>(),
            ];
            prop::option::weighted(0.7, plausible)
        }

        fn any_form() -> impl Strategy<Value = SearchForm> {
            (
                (value(), value(), value(), value(), value(), value(), value()),
                (value(), value(), value(), value(), value(), value(), value()),
            )
                .prop_map(|((q, status, country, citizenship, sex, mechanism, wave), rest)| {
                    let (charge, detained_from, detained_to, released_from, released_to, sort, page) = rest;
                    SearchForm {
                        q,
                        status,
                        country,
                        citizenship,
                        sex,
                        mechanism,
                        wave,
                        charge,
                        detained_from,
                        detained_to,
                        released_from,
                        released_to,
                        sort,
                        page,
                    }
                })
        }

        proptest! {
            #![proptest_config(crate::testing::proptest_config(512))]

            /// Every link a results page makes (pages, orders, CSV, feed) is the same search:
            /// parsing is idempotent over `query_string`.
            #[test]
            fn a_search_survives_its_own_links(form in any_form(), page in 1i64..=MAX_PAGE, sort_index in 0usize..4) {
                let Ok(search) = Search::parse(&form) else { return Ok(()) };
                prop_assert!((1..=MAX_PAGE).contains(&search.page));
                prop_assert!(search.q.chars().count() <= 200);
                prop_assert_eq!(search.q.trim(), search.q.as_str());
                let sort = if search.q.is_empty() && sort_index == 0 { Sort::Name } else { Sort::ALL[sort_index] };
                let again = Search::parse(&form_from(&search.query_string(page, sort)));
                prop_assert_eq!(again, Ok(Search { page, sort, ..search.clone() }));
            }

            /// A refusal always names a parameter the form has, with a message to show.
            #[test]
            fn refusals_name_the_parameter(form in any_form()) {
                if let Err(error) = Search::parse(&form) {
                    prop_assert!(error.to_string().starts_with(error.parameter));
                    for lang in crate::i18n::Lang::ALL {
                        let text = lang.message(&error.message());
                        prop_assert!(text.starts_with(error.parameter) && !text.contains('⟦'), "{}", text);
                    }
                }
            }
        }
    }
}
