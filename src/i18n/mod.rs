//! The site's languages: English, Belarusian and Russian.
//!
//! Every word a visitor reads lives in Fluent files, `locales/{en,be,ru}/*.ftl`, embedded in the
//! binary and parsed once. Templates ask the page's [`Lang`] for a message (`layout.t("key")`,
//! through `web::Layout`). Rust chooses what Fluent cannot be trusted with:
//!
//! - the plural category of a count ([`plural`]): `intl_pluralrules` 7.0.2, which every Rust
//!   Fluent stack uses, gets Belarusian 22–24, 102… wrong, so messages select on a `$plural`
//!   string that Rust computes, never on the number itself;
//! - numbers ([`Lang::number`]), formatted before they reach Fluent, so its own number
//!   formatting never runs;
//! - dates as precise as they are known ([`Lang::date`]), from month and season words in the
//!   Fluent files.
//!
//! A message missing from a language shows as `⟦key⟧` (never silently in another language): the
//! tests look for that mark on every page, and `tests::every_key_is_in_every_language` fails
//! when the files disagree.

mod message;
pub mod plural;
mod refusals;

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::Embed;

use crate::domain::partial_date::Season;
use crate::domain::{PartialDate, Precision, Sex};

pub use message::Message;
pub use plural::plural;

/// What a missing message shows instead of its text: `⟦key⟧`.
pub const MISSING_MARK: char = '⟦';

/// A whole number a message counts or shows (`i32` and `i64` columns alike).
pub trait Count {
    fn count(&self) -> i64;
}

impl Count for i32 {
    fn count(&self) -> i64 {
        i64::from(*self)
    }
}

impl Count for i64 {
    fn count(&self) -> i64 {
        *self
    }
}

impl Count for usize {
    fn count(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

/// A language of the site. English is the default: unprefixed addresses are English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Be,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Be, Lang::Ru];

    /// The BCP 47 code: `en`, `be`, `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Be => "be",
            Lang::Ru => "ru",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The address prefix: empty for English, `/be`, `/ru`.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Be => "/be",
            Lang::Ru => "/ru",
        }
    }

    /// `path` (which starts with `/`) in this language: `/prisoners` → `/be/prisoners`, and the
    /// home page `/` → `/be/`.
    pub fn path(self, path: &str) -> String {
        format!("{}{path}", self.prefix())
    }

    /// The message `key`.
    pub fn t(self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with named arguments, already formatted as text.
    pub fn t_args(self, key: &str, args: &[(&str, &dyn Display)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, FluentValue::from(value.to_string()));
        }
        self.format(key, Some(&fluent))
    }

    /// The message `key` with one argument: `lang.t1("feed-in-wave", "wave", name)`.
    pub fn t1(self, key: &str, name: &str, value: impl Display) -> String {
        self.t_args(key, &[(name, &value)])
    }

    /// The message `key` with two arguments.
    pub fn t2(self, key: &str, name: &str, value: impl Display, name2: &str, value2: impl Display) -> String {
        self.t_args(key, &[(name, &value), (name2, &value2)])
    }

    /// The message `key` about `n` things (`$n` and `$plural`).
    pub fn tn(self, key: &str, n: impl Count) -> String {
        self.t_count(key, n.count(), &[])
    }

    /// The message `key` about `n` things with one more argument (a number is formatted
    /// first, with `number`): `$n`, `$plural` and `name`.
    pub fn tn1(self, key: &str, n: impl Count, name: &str, value: impl Display) -> String {
        self.t_count(key, n.count(), &[(name, &value)])
    }

    /// The message `key` about `n` things: it gets `$n` (formatted) and `$plural` (the
    /// category: `one`, `few`, `many` or `other`) and any further arguments.
    pub fn t_count(self, key: &str, n: i64, args: &[(&str, &dyn Display)]) -> String {
        let mut fluent = FluentArgs::new();
        fluent.set("n", FluentValue::from(self.number(n)));
        fluent.set("plural", FluentValue::from(plural(self, n)));
        for (name, value) in args {
            fluent.set(*name, FluentValue::from(value.to_string()));
        }
        self.format(key, Some(&fluent))
    }

    /// The word for a key stored in the database: `label("status", "released")` is the message
    /// `status-released`, or `status-other` for a key the files do not know.
    pub fn label(self, kind: &str, key: &str) -> String {
        let specific = format!("{kind}-{key}");
        if self.has(&specific) { self.t(&specific) } else { self.t(&format!("{kind}-other")) }
    }

    /// The word for a stored key about one person, which agrees with the person's sex in
    /// Belarusian and Russian: `label_of("status", "released", Some(Sex::Female))` is
    /// "Вызваленая". The messages select on `$sex` (`female`, `male`, or `other` for anyone
    /// else and for an unrecorded sex, which takes the form the language uses by default).
    pub fn label_of(self, kind: &str, key: &str, sex: impl std::borrow::Borrow<Option<Sex>>) -> String {
        let specific = format!("{kind}-{key}");
        let key = if self.has(&specific) { specific } else { format!("{kind}-other") };
        self.t_args(&key, &[("sex", &self.sex(sex))])
    }

    /// The `$sex` a message about one person selects on: `female`, `male`, or `other` for
    /// anyone else and for an unrecorded sex. Belarusian and Russian word `other` neutrally
    /// ("Освобождение: 12 февраля 2025"), never in the masculine.
    pub fn sex(self, sex: impl std::borrow::Borrow<Option<Sex>>) -> &'static str {
        match sex.borrow() {
            Some(Sex::Female) => "female",
            Some(Sex::Male) => "male",
            Some(Sex::Other) | None => "other",
        }
    }

    /// The word for a stored key that counts something: `label_count("metric", key, 1100)`.
    pub fn label_count(self, kind: &str, key: &str, n: impl Count) -> String {
        let specific = format!("{kind}-{key}");
        let key = if self.has(&specific) { specific } else { format!("{kind}-other") };
        self.t_count(&key, n.count(), &[])
    }

    /// The date a status holds from, as it follows the status and [`Lang::status_joint`]:
    /// "since 2021" for someone in custody, "on 12 February 2025" / "в январе 2025" for a
    /// release, the date alone after a neutral noun ("Освобождение: 12 февраля 2025").
    pub fn status_since(self, status: &str, sex: impl std::borrow::Borrow<Option<Sex>>, date: &PartialDate) -> String {
        let specific = format!("status-since-{status}");
        let key = if self.has(&specific) { specific } else { "status-since-other".to_owned() };
        self.t_dated(&key, sex, date)
    }

    /// What stands between a status and its date: a colon after a noun ("Освобождение:"),
    /// else nothing.
    pub fn status_joint(self, status: &str, sex: impl std::borrow::Borrow<Option<Sex>>) -> String {
        let key = format!("status-joint-{status}");
        if self.has(&key) { self.t_args(&key, &[("sex", &self.sex(sex))]) } else { String::new() }
    }

    /// What a status without a date says instead: "date of arrest not recorded".
    pub fn status_undated(self, status: &str) -> String {
        let specific = format!("status-undated-{status}");
        if self.has(&specific) { self.t(&specific) } else { self.t("status-undated-other") }
    }

    /// The message `key` about one person and a date: it gets `$sex`, `$date` (the date on its
    /// own), `$since`, `$on` ("in January 2025", after a consonant in Belarusian) and `$on_v`
    /// (the same after a vowel: "ў студзені 2025").
    pub fn t_dated(self, key: &str, sex: impl std::borrow::Borrow<Option<Sex>>, date: &PartialDate) -> String {
        self.t_args(
            key,
            &[
                ("sex", &self.sex(sex)),
                ("date", &self.date(date)),
                ("since", &self.since(date)),
                ("on", &self.on_after(date, false)),
                ("on_v", &self.on_after(date, true)),
            ],
        )
    }

    /// A country's name in this language, or as the database has it (in English) for a
    /// country the files do not name.
    pub fn country(self, code: &str, name: &str) -> String {
        let key = format!("country-{code}");
        if self.has(&key) { self.t(&key) } else { name.to_owned() }
    }

    /// `path` (which starts with `/`) in this language: `/prisoners` → `/be/prisoners`.
    pub fn link(self, path: &str) -> String {
        self.path(path)
    }

    /// The calendar day (UTC) of a timestamp.
    pub fn day_of(self, at: &time::OffsetDateTime) -> String {
        self.day(at.to_offset(time::UtcOffset::UTC).date())
    }

    /// Whether this language has the message `key` (for optional words, such as a country's
    /// name, that fall back to the record's own text).
    pub fn has(self, key: &str) -> bool {
        BUNDLES[self as usize].get_message(key).is_some_and(|m| m.value().is_some())
    }

    fn format(self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = &BUNDLES[self as usize];
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(lang = self.code(), key, "missing message");
            return format!("{MISSING_MARK}{key}⟧");
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
        if !errors.is_empty() {
            // Fluent would print an unknown variable as `{$x}`; show the same mark as a missing
            // message instead, which the tests look for.
            tracing::warn!(lang = self.code(), key, ?errors, "message formatted with errors");
            return format!("{MISSING_MARK}{key}⟧");
        }
        text
    }

    /// A whole number with the language's digit grouping: `1,200` in English, `1 200` (with a
    /// no-break space) in Belarusian and Russian.
    pub fn number(self, n: impl Count) -> String {
        let n = n.count();
        let separator = match self {
            Lang::En => ',',
            Lang::Be | Lang::Ru => '\u{a0}',
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() * 2);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    /// A date as precisely as it is known: "12 лютага 2025" (the month in the genitive after a
    /// day), "ліпень 2024" (nominative), "лета 2024", "зіма 2024/25", "2024".
    pub fn date(self, date: &PartialDate) -> String {
        let start = date.start();
        let year = start.year();
        let month = start.month() as u8;
        match date.precision() {
            Precision::Day => self.day(start),
            Precision::Month => {
                self.t_args("date-month", &[("month", &self.t(&format!("month-{month}"))), ("year", &year)])
            }
            Precision::Season => match date.season_of() {
                Some(Season::Winter) => self
                    .t_args("date-winter", &[("year", &year), ("next", &format!("{:02}", (year + 1).rem_euclid(100)))]),
                Some(season) => self.t_args(
                    "date-season",
                    &[("season", &self.t(&format!("season-{}", season.as_str()))), ("year", &year)],
                ),
                None => year.to_string(),
            },
            Precision::Year => year.to_string(),
        }
    }

    /// "since" a date, as the language says it: "since July 2024", "з ліпеня 2024",
    /// "с июля 2024" (the month and season in the genitive), "з 2021 года".
    pub fn since(self, date: &PartialDate) -> String {
        self.date_after(date, "date-since", "genitive", "genitive", &[])
    }

    /// When something happened, as the language says it after a verb: "on 12 February 2025",
    /// "in January 2025", "в январе 2025", "летом 2024", "у 2024 годзе" (the month in the
    /// locative, the season in the instrumental).
    pub fn on(self, date: &PartialDate) -> String {
        self.on_after(date, false)
    }

    /// [`Lang::on`] after a word that ends in a vowel (`after_vowel`), which in Belarusian
    /// turns "у" into "ў": "вызвалены ў студзені 2025".
    pub fn on_after(self, date: &PartialDate, after_vowel: bool) -> String {
        let after = if after_vowel { "vowel" } else { "consonant" };
        self.date_after(date, "date-on", "locative", "instrumental", &[("after", &after)])
    }

    /// "as of" a date: the date of the newest source a fact rests on. "as of February 2025",
    /// "паводле стану на люты 2025", "по состоянию на лето 2024" (the accusative after "на").
    pub fn as_of(self, date: &PartialDate) -> String {
        self.date_after(date, "date-as-of", "accusative", "accusative", &[])
    }

    /// "up to and including" a date, as the language says it after a range's start: "to
    /// February 2025", "па зіму 2024/25", "по весну 2025", "по 2025 год" (Belarusian and Russian
    /// take the accusative after "па"/"по").
    pub fn until(self, date: &PartialDate) -> String {
        self.date_after(date, "date-until", "accusative", "accusative", &[])
    }

    /// A date after a word that governs its case, through the messages `{prefix}-day`,
    /// `-month`, `-winter`, `-season` and `-year`. They get `$year` and, as they need, `$day`,
    /// `$month` (a day's in the genitive, "12 лютага"; a month date's in `month_case`), `$m`
    /// (`m1`…`m12`, for a message that selects on the month), `$next` (a winter's second
    /// year), `$season` (in `season_case`), and `extra`.
    fn date_after(
        self,
        date: &PartialDate,
        prefix: &str,
        month_case: &str,
        season_case: &str,
        extra: &[(&str, &dyn Display)],
    ) -> String {
        let start = date.start();
        let (year, month) = (start.year(), start.month() as u8);
        let (kind, mut args): (&str, Vec<(&str, String)>) = match (date.precision(), date.season_of()) {
            (Precision::Day, _) => {
                ("day", vec![("day", start.day().to_string()), ("month", self.t(&format!("month-genitive-{month}")))])
            }
            (Precision::Month, _) => {
                ("month", vec![("month", self.t(&format!("month-{month_case}-{month}"))), ("m", format!("m{month}"))])
            }
            (Precision::Season, Some(Season::Winter)) => {
                ("winter", vec![("next", format!("{:02}", (year + 1).rem_euclid(100)))])
            }
            (Precision::Season, Some(season)) => {
                ("season", vec![("season", self.t(&format!("season-{season_case}-{}", season.as_str())))])
            }
            (Precision::Season | Precision::Year, _) => ("year", Vec::new()),
        };
        args.push(("year", year.to_string()));
        let mut all: Vec<(&str, &dyn Display)> =
            args.iter().map(|(name, value)| (*name, value as &dyn Display)).collect();
        all.extend_from_slice(extra);
        self.t_args(&format!("{prefix}-{kind}"), &all)
    }

    /// A calendar day: "12 February 2025", "12 лютага 2025", "12 февраля 2025".
    pub fn day(self, day: time::Date) -> String {
        let month = day.month() as u8;
        self.t_args(
            "date-day",
            &[("day", &day.day()), ("month", &self.t(&format!("month-genitive-{month}"))), ("year", &day.year())],
        )
    }
}

#[derive(Embed)]
#[folder = "locales/"]
struct Files;

/// The Fluent source of one language: its files' text, in name order.
pub fn sources(lang: Lang) -> Vec<(String, String)> {
    let prefix = format!("{}/", lang.code());
    let mut files: Vec<_> = Files::iter()
        .filter(|name| name.starts_with(&prefix) && name.ends_with(".ftl"))
        .filter_map(|name| {
            let file = Files::get(&name)?;
            Some((name.into_owned(), String::from_utf8_lossy(&file.data).into_owned()))
        })
        .collect();
    files.sort();
    files
}

/// One bundle per language, in `Lang` order. The files are part of the program: one that does
/// not parse, or defines a message twice, is a bug, and the first render (every test) says so.
static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let id = lang.code().parse().expect("a valid language identifier");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Unicode isolation marks around arguments are for bidirectional text; in our HTML
            // they would only show up in copied text and break searches.
            bundle.set_use_isolating(false);
            for (name, text) in sources(lang) {
                let resource = FluentResource::try_new(text)
                    .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
                bundle.add_resource(resource).unwrap_or_else(|errors| panic!("{name}: {errors:?}"));
            }
            bundle
        })
        .collect()
});

/// The message keys of each language's files, for the test that they agree.
pub fn keys(lang: Lang) -> HashMap<String, String> {
    let mut keys = HashMap::new();
    for (name, text) in sources(lang) {
        let resource = match FluentResource::try_new(text) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                keys.insert(message.id.name.to_owned(), name.clone());
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_in_every_language() {
        let en = keys(Lang::En);
        assert!(en.len() > 50, "the English messages are read");
        for lang in [Lang::Be, Lang::Ru] {
            let other = keys(lang);
            let mut missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
            let mut extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
            missing.sort();
            extra.sort();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            assert!(extra.is_empty(), "{} has keys English lacks: {extra:?}", lang.code());
        }
    }

    #[test]
    fn every_file_parses_and_every_message_formats() {
        for lang in Lang::ALL {
            let bundle = &BUNDLES[lang as usize];
            for key in keys(lang).keys() {
                // Formatted without the message's own variables: only those may be reported.
                let pattern = bundle.get_message(key).and_then(|m| m.value()).unwrap();
                let mut errors = Vec::new();
                bundle.format_pattern(pattern, None, &mut errors);
                assert!(
                    errors.iter().all(|e| matches!(
                        e,
                        fluent_bundle::FluentError::ResolverError(fluent_bundle::resolver::ResolverError::Reference(
                            fluent_bundle::resolver::errors::ReferenceKind::Variable { .. }
                        ))
                    )),
                    "{}: {key}: {errors:?}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn a_persons_status_agrees_with_their_sex() {
        for (lang, status, sex, shown) in [
            (Lang::Be, "released", Some(Sex::Female), "Вызваленая"),
            (Lang::Be, "released", Some(Sex::Male), "Вызвалены"),
            (Lang::Be, "released", None, "Вызваленне"),
            (Lang::Be, "died_in_custody", Some(Sex::Female), "Памерла пад вартай"),
            (Lang::Ru, "released", Some(Sex::Female), "Освобождена"),
            (Lang::Ru, "released", Some(Sex::Other), "Освобождение"),
            (Lang::Ru, "released", None, "Освобождение"),
            (Lang::Ru, "died_in_custody", None, "Смерть под стражей"),
            (Lang::Ru, "died_in_custody", Some(Sex::Female), "Умерла под стражей"),
            (Lang::Ru, "serving_sentence", Some(Sex::Female), "Отбывает наказание"),
            (Lang::En, "released", Some(Sex::Female), "Released"),
        ] {
            assert_eq!(lang.label_of("status", status, sex), shown, "{} {status} {sex:?}", lang.code());
        }
        assert_eq!(Lang::Ru.label_of("trial", "convicted", Some(Sex::Female)), "Осуждена");
        assert_eq!(Lang::Be.label_of("trial", "convicted", Some(Sex::Male)), "Асуджаны");
    }

    /// Every message that selects on `$sex`, in Belarusian and Russian, for a woman, a man and
    /// someone whose sex is not recorded: each formats, the three differ (the unrecorded one is
    /// neutral, not the masculine), and the phrases read as written here.
    #[test]
    fn every_gendered_message_has_a_female_a_male_and_a_neutral_form() {
        let date: PartialDate = "2025-01".parse().unwrap();
        for lang in [Lang::Be, Lang::Ru] {
            let gendered: Vec<String> = sources(lang)
                .into_iter()
                .flat_map(|(_, text)| {
                    let resource = FluentResource::try_new(text).unwrap();
                    resource
                        .entries()
                        .filter_map(|entry| match entry {
                            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                })
                .filter(|key| {
                    let message = BUNDLES[lang as usize].get_message(key).and_then(|m| m.value());
                    message.is_some_and(|pattern| format!("{pattern:?}").contains("name: \"sex\""))
                })
                .collect();
            assert!(gendered.len() >= 8, "{}: the gendered messages are found: {gendered:?}", lang.code());
            for key in &gendered {
                let [female, male, unknown] =
                    [Some(Sex::Female), Some(Sex::Male), None].map(|sex| lang.t_dated(key, sex, &date));
                for form in [&female, &male, &unknown] {
                    assert!(!form.contains(MISSING_MARK), "{} {key}: {form}", lang.code());
                }
                // A joint is empty for a woman and a man alike; every other message differs.
                if !key.starts_with("status-joint-") && !key.starts_with("status-since-") {
                    assert_ne!(female, male, "{} {key}", lang.code());
                }
                assert_ne!(unknown, male, "{} {key}: an unrecorded sex is not worded as a man", lang.code());
                assert_eq!(lang.t_dated(key, Some(Sex::Other), &date), unknown, "{} {key}", lang.code());
            }
        }
        let released = |lang: Lang, sex: Option<Sex>, iso: &str| {
            let date: PartialDate = iso.parse().unwrap();
            format!(
                "{}{} {}",
                lang.label_of("status", "released", sex),
                lang.status_joint("released", sex),
                lang.status_since("released", sex, &date)
            )
        };
        for (lang, sex, iso, shown) in [
            (Lang::Ru, None, "2025-02-12", "Освобождение: 12 февраля 2025"),
            (Lang::Ru, Some(Sex::Male), "2025-01", "Освобождён в январе 2025"),
            (Lang::Ru, Some(Sex::Female), "2024-summer", "Освобождена летом 2024"),
            (Lang::Ru, None, "2024-summer", "Освобождение: лето 2024"),
            (Lang::Be, None, "2025-02-12", "Вызваленне: 12 лютага 2025"),
            (Lang::Be, Some(Sex::Male), "2025-01", "Вызвалены ў студзені 2025"),
            (Lang::Be, Some(Sex::Female), "2024", "Вызваленая ў 2024 годзе"),
            (Lang::En, None, "2025-02-12", "Released on 12 February 2025"),
            (Lang::En, Some(Sex::Female), "2025-01", "Released in January 2025"),
        ] {
            assert_eq!(released(lang, sex, iso), shown, "{} {sex:?} {iso}", lang.code());
        }
        let date: PartialDate = "2023-05".parse().unwrap();
        let died = |lang: Lang, sex: Option<Sex>| {
            format!(
                "{}{} {}",
                lang.label_of("status", "died_in_custody", sex),
                lang.status_joint("died_in_custody", sex),
                lang.status_since("died_in_custody", sex, &date)
            )
        };
        assert_eq!(died(Lang::Be, Some(Sex::Male)), "Памёр пад вартай у маі 2023");
        assert_eq!(died(Lang::Ru, None), "Смерть под стражей: май 2023");
        let march: PartialDate = "2021-03".parse().unwrap();
        assert_eq!(Lang::En.status_since("in_custody", None, &march), "since March 2021");
        assert_eq!(Lang::Ru.status_since("in_custody", None, &march), "с марта 2021");
        assert_eq!(Lang::Ru.t_dated("home-released-on", None, &march), "освобождение: март 2021");
        assert_eq!(Lang::Ru.t_dated("home-released-on", Some(Sex::Female), &march), "освобождена в марте 2021");
    }

    #[test]
    fn on_a_date_takes_the_locative_and_the_instrumental() {
        for (iso, en, be, ru) in [
            ("2025-02-12", "on 12 February 2025", "12 лютага 2025", "12 февраля 2025"),
            ("2025-01", "in January 2025", "у студзені 2025", "в январе 2025"),
            ("2024-12", "in December 2024", "у снежні 2024", "в декабре 2024"),
            ("2025-spring", "in spring 2025", "вясной 2025", "весной 2025"),
            ("2024-summer", "in summer 2024", "летам 2024", "летом 2024"),
            ("2024-autumn", "in autumn 2024", "восенню 2024", "осенью 2024"),
            ("2024-winter", "in winter 2024/25", "зімой 2024/25", "зимой 2024/25"),
            ("2024", "in 2024", "у 2024 годзе", "в 2024 году"),
        ] {
            let date: PartialDate = iso.parse().unwrap();
            assert_eq!(Lang::En.on(&date), en);
            assert_eq!(Lang::Be.on(&date), be);
            assert_eq!(Lang::Ru.on(&date), ru);
        }
        let date: PartialDate = "2025-01".parse().unwrap();
        assert_eq!(Lang::Be.on_after(&date, true), "ў студзені 2025");
    }

    #[test]
    fn as_of_takes_the_accusative() {
        for (iso, en, be, ru) in [
            (
                "2025-02-12",
                "as of 12 February 2025",
                "паводле стану на 12 лютага 2025",
                "по состоянию на 12 февраля 2025",
            ),
            ("2025-02", "as of February 2025", "паводле стану на люты 2025", "по состоянию на февраль 2025"),
            ("2024-summer", "as of summer 2024", "паводле стану на лета 2024", "по состоянию на лето 2024"),
            ("2024-winter", "as of winter 2024/25", "паводле стану на зіму 2024/25", "по состоянию на зиму 2024/25"),
            ("2025", "as of 2025", "паводле стану на 2025 год", "по состоянию на 2025 год"),
        ] {
            let date: PartialDate = iso.parse().unwrap();
            assert_eq!(Lang::En.as_of(&date), en);
            assert_eq!(Lang::Be.as_of(&date), be);
            assert_eq!(Lang::Ru.as_of(&date), ru);
        }
    }

    #[test]
    fn a_missing_message_is_marked() {
        assert_eq!(Lang::Be.t("no-such-message"), "⟦no-such-message⟧");
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        for (lang, n, shown) in [
            (Lang::En, 1200, "1,200"),
            (Lang::En, 999, "999"),
            (Lang::Be, 1200, "1\u{a0}200"),
            (Lang::Ru, 1_234_567, "1\u{a0}234\u{a0}567"),
            (Lang::Ru, -4200, "-4\u{a0}200"),
        ] {
            assert_eq!(lang.number(n), shown, "{} {n}", lang.code());
        }
    }

    #[test]
    fn dates_read_naturally_in_each_language() {
        for (text, en, be, ru) in [
            ("2025-02-12", "12 February 2025", "12 лютага 2025", "12 февраля 2025"),
            ("2024-07", "July 2024", "ліпень 2024", "июль 2024"),
            ("2024-summer", "summer 2024", "лета 2024", "лето 2024"),
            ("2024-winter", "winter 2024/25", "зіма 2024/25", "зима 2024/25"),
            ("2021", "2021", "2021", "2021"),
        ] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(Lang::En.date(&date), en);
            assert_eq!(Lang::Be.date(&date), be);
            assert_eq!(Lang::Ru.date(&date), ru);
        }
    }

    #[test]
    fn a_message_missing_its_variable_is_marked_not_printed_with_braces() {
        let text = Lang::En.t("chart-scope-to");
        assert_eq!(text, "⟦chart-scope-to⟧");
    }

    #[test]
    fn until_takes_the_accusative() {
        for (iso, en, be, ru) in [
            ("2025-03", "to March 2025", "па сакавік 2025", "по март 2025"),
            ("2025-spring", "to spring 2025", "па вясну 2025", "по весну 2025"),
            ("2024-winter", "to winter 2024/25", "па зіму 2024/25", "по зиму 2024/25"),
            ("2025-02-12", "to 12 February 2025", "па 12 лютага 2025", "по 12 февраля 2025"),
            ("2025", "to 2025", "па 2025 год", "по 2025 год"),
        ] {
            let date: PartialDate = iso.parse().unwrap();
            assert_eq!(Lang::En.until(&date), en);
            assert_eq!(Lang::Be.until(&date), be);
            assert_eq!(Lang::Ru.until(&date), ru);
        }
    }

    #[test]
    fn since_takes_the_genitive() {
        for (text, en, be, ru) in [
            ("2024-07", "since July 2024", "з ліпеня 2024", "с июля 2024"),
            ("2024-summer", "since summer 2024", "з лета 2024", "с лета 2024"),
            ("2024-autumn", "since autumn 2024", "з восені 2024", "с осени 2024"),
            ("2025-02-12", "since 12 February 2025", "з 12 лютага 2025", "с 12 февраля 2025"),
            ("2021", "since 2021", "з 2021 года", "с 2021 года"),
            ("2021-01", "since January 2021", "са студзеня 2021", "с января 2021"),
            ("2021-03", "since March 2021", "з сакавіка 2021", "с марта 2021"),
            ("2020-12", "since December 2020", "са снежня 2020", "с декабря 2020"),
            ("2024-winter", "since winter 2024/25", "з зімы 2024/25", "с зимы 2024/25"),
        ] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(Lang::En.since(&date), en);
            assert_eq!(Lang::Be.since(&date), be);
            assert_eq!(Lang::Ru.since(&date), ru);
        }
    }

    #[test]
    fn english_dates_are_as_before() {
        for text in ["2025-02-12", "2024-07", "2024-summer", "2024-autumn", "2024-winter", "2021", "2024-03-01"] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(Lang::En.date(&date), date.to_string(), "{text}");
        }
    }

    #[test]
    fn counts_take_the_right_plural_form() {
        for (n, be, ru) in [
            (1, "1 палітвязень", "1 политзаключённый"),
            (2, "2 палітвязні", "2 политзаключённых"),
            (5, "5 палітвязняў", "5 политзаключённых"),
            (11, "11 палітвязняў", "11 политзаключённых"),
            (21, "21 палітвязень", "21 политзаключённый"),
            (22, "22 палітвязні", "22 политзаключённых"),
            (25, "25 палітвязняў", "25 политзаключённых"),
            (102, "102 палітвязні", "102 политзаключённых"),
        ] {
            assert_eq!(Lang::Be.t_count("count-prisoners", n, &[]), be);
            assert_eq!(Lang::Ru.t_count("count-prisoners", n, &[]), ru);
        }
        assert_eq!(Lang::En.t_count("count-prisoners", 1, &[]), "1 political prisoner");
        assert_eq!(Lang::En.t_count("count-prisoners", 1200, &[]), "1,200 political prisoners");
    }
}
