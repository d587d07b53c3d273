//! The open dataset: every published record, as a CSV file per table (zipped, with a manifest)
//! and as one JSON file, under CC BY 4.0. `/data` serves it, `prisoner-tracker export DIR`
//! writes it, `prisoner-tracker import DIR` (or the `.zip`) loads it into an empty database.
//!
//! One description of the tables ([`TABLES`]) drives everything: the columns and their order in
//! the files, the descriptions in the manifest and on `/data`, and the checks the import makes
//! on every cell. [`export`] reads a consistent snapshot and writes the files; [`import`] reads
//! them back, checks every cell and writes everything in one transaction, or nothing.
//!
//! What is published: people, waves and reported figures marked `published`; what hangs off a
//! published person (names, citizenships, detentions with their charges, events, recognitions,
//! photo descriptions); the facilities and sources those records use; the citations whose
//! record is published. A detention of a published person in a wave that is still a draft is
//! exported with an empty `wave_id` (the draft wave stays unknown), as the person's page does.
//! Never exported: accounts, sessions, the audit log, revisions, slug redirects, record
//! versions and timestamps, and what the public pages do not show either (the editors' notes on
//! sources and the locators of citations).

pub mod export;
pub mod import;

use crate::domain::{
    CountQualifier, EventKind, FacilityKind, FigureMetric, NameKind, ReleaseMechanism, SentenceKind, Sex, SourceKind,
    TrialStage,
};

/// The licence the dataset is published under.
pub const LICENCE_NAME: &str = "CC-BY-4.0";
pub const LICENCE_TITLE: &str = "Creative Commons Attribution 4.0 International";
pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";
/// What a reuser credits.
pub const ATTRIBUTION: &str = "Prisoner Tracker";

/// The file names in the zip and in an export folder.
pub const JSON_FILE: &str = "dataset.json";
pub const MANIFEST_FILE: &str = "datapackage.json";
pub const README_FILE: &str = "README.txt";

/// What a cell holds, and how the import checks it.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// The row's id: a positive integer, unique in its file. Other files refer to it.
    Id,
    /// The id of a row of `table` in this dataset.
    Ref {
        table: &'static str,
        required: bool,
    },
    /// A UUID, unique in its file.
    PublicId,
    /// Lower-case words joined by hyphens, unique in its file.
    Slug,
    /// Text as typed: no surrounding spaces, at most `max` characters.
    Text {
        max: usize,
        required: bool,
    },
    /// An http or https address.
    Url,
    /// An ISO 3166-1 alpha-2 code the database knows.
    Country,
    /// One of `keys`.
    Enum {
        keys: &'static [&'static str],
        required: bool,
    },
    Int {
        min: i64,
        max: i64,
        required: bool,
    },
    Bool,
    /// A date as known (`2024`, `2024-07`, `2024-07-03`, `2024-summer`), stored in the database
    /// as `on` (the first day of the period) and `precision`.
    Date {
        on: &'static str,
        precision: &'static str,
        required: bool,
    },
    /// The precision of the date in column `date`: `day`, `month`, `season` or `year`.
    Precision {
        date: &'static str,
    },
    /// A short code checked by `check` (language, script, article of a code), `hint` says what.
    Code {
        check: fn(&str) -> bool,
        hint: &'static str,
        required: bool,
    },
    /// Computed from other records (a person's status): exported for readers, ignored on import.
    Derived,
}

/// One column of a file.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    /// For the manifest and `/data`.
    pub about: &'static str,
    /// A column added after datasets were first published: a file without it (an older dump)
    /// still imports, with the column empty.
    pub added_later: bool,
}

impl Column {
    /// The column's type, as the manifest (a Frictionless Data Package) names it.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Id | Kind::Ref { .. } | Kind::Int { .. } => "integer",
            Kind::Bool => "boolean",
            _ => "string",
        }
    }

    pub fn required(&self) -> bool {
        match self.kind {
            Kind::Id | Kind::PublicId | Kind::Slug | Kind::Country | Kind::Bool => true,
            Kind::Ref { required, .. }
            | Kind::Text { required, .. }
            | Kind::Enum { required, .. }
            | Kind::Int { required, .. }
            | Kind::Date { required, .. }
            | Kind::Code { required, .. } => required,
            Kind::Url | Kind::Precision { .. } | Kind::Derived => false,
        }
    }
}

/// One file of the dataset: a table, or what is published of it.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    pub about: &'static str,
    pub columns: &'static [Column],
    /// False for files that are there to be read, not restored: the country list (the
    /// migrations hold it) and the photos (their images are not in the dataset).
    pub imported: bool,
}

impl Table {
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.name)
    }

    pub fn column(&self, name: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

const fn col(name: &'static str, kind: Kind, about: &'static str) -> Column {
    Column { name, kind, about, added_later: false }
}

/// A column older dumps do not have (see [`Column::added_later`]).
const fn later_col(name: &'static str, kind: Kind, about: &'static str) -> Column {
    Column { name, kind, about, added_later: true }
}

const fn text(max: usize) -> Kind {
    Kind::Text { max, required: false }
}

const fn required_text(max: usize) -> Kind {
    Kind::Text { max, required: true }
}

const fn reference(table: &'static str) -> Kind {
    Kind::Ref { table, required: false }
}

const fn owner(table: &'static str) -> Kind {
    Kind::Ref { table, required: true }
}

const fn keys(keys: &'static [&'static str]) -> Kind {
    Kind::Enum { keys, required: false }
}

const fn required_keys(keys: &'static [&'static str]) -> Kind {
    Kind::Enum { keys, required: true }
}

const fn date(on: &'static str, precision: &'static str) -> Kind {
    Kind::Date { on, precision, required: false }
}

const fn required_date(on: &'static str, precision: &'static str) -> Kind {
    Kind::Date { on, precision, required: true }
}

/// The language a record's texts are typed in (`people.text_lang`, `waves.text_lang`).
const TEXT_LANG: Kind = Kind::Code { check: is_text_lang, hint: "en, be or ru", required: true };

const ID: Column = col("id", Kind::Id, "identifier of the row; other files refer to it; never reused");
const SYNTHETIC: Column =
    col("synthetic", Kind::Bool, "true for invented records generated for scale tests (not real data)");

/// The files, in the order the dataset lists them.
pub static TABLES: &[Table] = &[
    Table {
        name: "people",
        about: "Published people.",
        imported: true,
        columns: &[
            ID,
            col("public_id", Kind::PublicId, "permanent identifier (UUID), for links from other datasets"),
            col("slug", Kind::Slug, "the address of the person's page: /prisoners/{slug}"),
            col("sex", keys(Sex::KEYS), "female, male or other; empty when not recorded"),
            col("born", date("born_on", "born_precision"), "date of birth as known"),
            col("born_precision", Kind::Precision { date: "born" }, "how precise born is"),
            col("occupation", text(500), "occupation"),
            col("region", text(200), "region of residence"),
            col("biography", text(20_000), "short biography"),
            col("text_lang", TEXT_LANG, "the language of occupation, region and biography: en, be or ru"),
            SYNTHETIC,
            col("status", Kind::Derived, "current status, derived from the detentions (read only)"),
            col("status_since", Kind::Derived, "since when the status holds (read only)"),
            col("status_since_precision", Kind::Derived, "how precise status_since is (read only)"),
            later_col(
                "last_checked",
                Kind::Code { check: is_day, hint: "a day as YYYY-MM-DD", required: false },
                "the day an editor last checked the facts against the sources (not when the record was edited)",
            ),
        ],
    },
    Table {
        name: "person_names",
        about: "Every name of each person, in any script.",
        imported: true,
        columns: &[
            ID,
            col("person_id", owner("people"), "the person (people.id)"),
            col("name", required_text(300), "the name as written"),
            col(
                "lang",
                Kind::Code { check: is_lang, hint: "a language code such as be, ru or en", required: false },
                "ISO 639 language code",
            ),
            col(
                "script",
                Kind::Code { check: is_script, hint: "a script code such as Cyrl or Latn", required: true },
                "ISO 15924 script code",
            ),
            col(
                "kind",
                required_keys(NameKind::KEYS),
                "primary (shown in that language), transliteration, alias or former",
            ),
        ],
    },
    Table {
        name: "person_texts",
        about: "Translations of people's occupation, region and biography (one row per person and language).",
        imported: true,
        columns: &[
            col("person_id", owner("people"), "the person (people.id)"),
            col("lang", Kind::Code { check: is_text_lang, hint: "en, be or ru", required: true }, "language"),
            col("occupation", text(500), "occupation in this language"),
            col("region", text(200), "region of residence in this language"),
            col("biography", text(20_000), "short biography in this language"),
        ],
    },
    Table {
        name: "person_citizenships",
        about: "Citizenships of each person.",
        imported: true,
        columns: &[
            col("person_id", owner("people"), "the person (people.id)"),
            col("country", Kind::Country, "ISO 3166-1 alpha-2 country code"),
        ],
    },
    Table {
        name: "detentions",
        about: "Periods in custody of published people.",
        imported: true,
        columns: &[
            ID,
            col("person_id", owner("people"), "the person held (people.id)"),
            col("country", Kind::Country, "the state holding the person (country code)"),
            col("started", date("started_on", "started_precision"), "start of custody as known"),
            col("started_precision", Kind::Precision { date: "started" }, "how precise started is"),
            col("ended", date("ended_on", "ended_precision"), "end of custody as known"),
            col("ended_precision", Kind::Precision { date: "ended" }, "how precise ended is"),
            col("facility_id", reference("facilities"), "where the person is or was held (facilities.id)"),
            col("trial_stage", keys(TrialStage::KEYS), "awaiting_trial or convicted"),
            col("sentenced", date("sentenced_on", "sentenced_precision"), "date of the sentence as known"),
            col("sentenced_precision", Kind::Precision { date: "sentenced" }, "how precise sentenced is"),
            col("sentence_kind", keys(SentenceKind::KEYS), "kind of sentence"),
            col(
                "sentence_months",
                Kind::Int { min: 1, max: 1200, required: false },
                "length of the sentence in months",
            ),
            col("release_mechanism", keys(ReleaseMechanism::KEYS), "how custody ended"),
            col("wave_id", reference("waves"), "the release wave (waves.id); empty when none is published"),
            col("notes", text(5000), "notes"),
        ],
    },
    Table {
        name: "detention_charges",
        about: "Criminal-code articles of each detention.",
        imported: true,
        columns: &[
            ID,
            col("detention_id", owner("detentions"), "the detention (detentions.id)"),
            col(
                "article",
                Kind::Code { check: is_article, hint: "an article number such as 342 or 361-1", required: false },
                "article of the detaining country's criminal code",
            ),
            col(
                "part",
                Kind::Code { check: is_part, hint: "a part number such as 1 or 2.1", required: false },
                "part of the article",
            ),
            col("description", text(500), "the charge in words"),
        ],
    },
    Table {
        name: "events",
        about: "The timeline of each case.",
        imported: true,
        columns: &[
            ID,
            col("person_id", owner("people"), "the person (people.id)"),
            col("detention_id", reference("detentions"), "the detention it belongs to (detentions.id)"),
            col(
                "kind",
                required_keys(EventKind::KEYS),
                "arrest, charge, trial, verdict, appeal, transfer, hunger_strike, …",
            ),
            col("occurred", required_date("occurred_on", "occurred_precision"), "when, as known"),
            col("occurred_precision", Kind::Precision { date: "occurred" }, "how precise occurred is"),
            col("description", required_text(5000), "what happened"),
            col("text_lang", TEXT_LANG, "the language of description: en, be or ru"),
        ],
    },
    Table {
        name: "event_texts",
        about: "Translations of events' descriptions (one row per event and language).",
        imported: true,
        columns: &[
            col("event_id", owner("events"), "the event (events.id)"),
            col("lang", Kind::Code { check: is_text_lang, hint: "en, be or ru", required: true }, "language"),
            col("description", required_text(5000), "what happened, in this language"),
        ],
    },
    Table {
        name: "recognitions",
        about: "Organisations that recognise a person as a political prisoner.",
        imported: true,
        columns: &[
            ID,
            col("person_id", owner("people"), "the person (people.id)"),
            col("organisation", required_text(300), "the organisation"),
            col("recognised", date("recognised_on", "recognised_precision"), "when, as known"),
            col("recognised_precision", Kind::Precision { date: "recognised" }, "how precise recognised is"),
            col("url", Kind::Url, "the organisation's statement"),
        ],
    },
    Table {
        name: "waves",
        about: "Published release waves: many prisoners freed at once.",
        imported: true,
        columns: &[
            ID,
            col("slug", Kind::Slug, "the address of the wave's page: /waves/{slug}"),
            col("name", required_text(300), "name"),
            col("started", required_date("started_on", "started_precision"), "start, as known"),
            col("started_precision", Kind::Precision { date: "started" }, "how precise started is"),
            col("ended", date("ended_on", "ended_precision"), "end of a wave that lasted, as known"),
            col("ended_precision", Kind::Precision { date: "ended" }, "how precise ended is"),
            col("country", Kind::Country, "the releasing state (country code)"),
            col("mechanism", required_keys(ReleaseMechanism::KEYS), "how the prisoners were released"),
            col("location", text(500), "where"),
            col("counterparty", text(500), "who received the prisoners or negotiated the release"),
            col("traded", text(2000), "what was reportedly given in return"),
            col(
                "reported_released_count",
                Kind::Int { min: 0, max: i32::MAX as i64, required: false },
                "the number released as reported",
            ),
            col(
                "reported_count_qualifier",
                keys(CountQualifier::KEYS),
                "exactly, about, at_least, more_than, up_to or fewer_than",
            ),
            col("notes", text(20_000), "notes"),
            col("text_lang", TEXT_LANG, "the language of name and notes: en, be or ru"),
            SYNTHETIC,
        ],
    },
    Table {
        name: "wave_texts",
        about: "Translations of waves' name and notes (one row per wave and language).",
        imported: true,
        columns: &[
            col("wave_id", owner("waves"), "the wave (waves.id)"),
            col("lang", Kind::Code { check: is_text_lang, hint: "en, be or ru", required: true }, "language"),
            col("name", text(300), "the name in this language"),
            col("notes", text(20_000), "the notes in this language"),
        ],
    },
    Table {
        name: "facilities",
        about: "Places of detention that published detentions name.",
        imported: true,
        columns: &[
            ID,
            col("name", required_text(300), "name"),
            col("kind", required_keys(FacilityKind::KEYS), "kind of facility"),
            col("country", Kind::Country, "country code"),
            col("location", text(300), "where"),
            SYNTHETIC,
        ],
    },
    Table {
        name: "reported_figures",
        about: "Published country totals as reported by others.",
        imported: true,
        columns: &[
            ID,
            col("country", Kind::Country, "country code"),
            col("metric", required_keys(FigureMetric::KEYS), "prisoners_held, prisoners_released or arrests"),
            col("value", Kind::Int { min: 0, max: i32::MAX as i64, required: true }, "the number"),
            col(
                "qualifier",
                required_keys(CountQualifier::KEYS),
                "exactly, about, at_least, more_than, up_to or fewer_than",
            ),
            col("as_of", required_date("as_of", "as_of_precision"), "the date the figure describes, as known"),
            col("as_of_precision", Kind::Precision { date: "as_of" }, "how precise as_of is"),
            col("notes", text(5000), "notes"),
        ],
    },
    Table {
        name: "sources",
        about: "Sources cited by published records.",
        imported: true,
        columns: &[
            ID,
            col("slug", Kind::Slug, "short stable name"),
            col("title", required_text(500), "title"),
            col("publisher", text(300), "publisher"),
            col("url", Kind::Url, "address"),
            col("published", date("published_on", "published_precision"), "publication date as known"),
            col("published_precision", Kind::Precision { date: "published" }, "how precise published is"),
            col("kind", required_keys(SourceKind::KEYS), "news_article, analysis, report, official_statement, …"),
            SYNTHETIC,
        ],
    },
    Table {
        name: "citations",
        about: "Which source supports which record: exactly one of the record columns is set.",
        imported: true,
        columns: &[
            ID,
            col("source_id", owner("sources"), "the source (sources.id)"),
            col("person_id", reference("people"), "a person (people.id)"),
            col("detention_id", reference("detentions"), "a detention (detentions.id)"),
            col("event_id", reference("events"), "an event (events.id)"),
            col("wave_id", reference("waves"), "a wave (waves.id)"),
            col("recognition_id", reference("recognitions"), "a recognition (recognitions.id)"),
            col("figure_id", reference("reported_figures"), "a reported figure (reported_figures.id)"),
        ],
    },
    Table {
        name: "photos",
        about: "Photos of published people: the words and where the image is (images are not in the dataset, and not restored by an import).",
        imported: false,
        columns: &[
            ID,
            col("person_id", owner("people"), "the person (people.id)"),
            col("path", Kind::Derived, "address of the JPEG on the site, relative to its origin"),
            col("width", Kind::Derived, "width in pixels"),
            col("height", Kind::Derived, "height in pixels"),
            col("sha256", Kind::Derived, "SHA-256 of the JPEG"),
            col("alt_text", Kind::Derived, "what the photo shows"),
            col("credit", Kind::Derived, "who took or published it"),
        ],
    },
    Table {
        name: "countries",
        about: "Country codes and names (ISO 3166-1), for reading the other files.",
        imported: false,
        columns: &[
            col("code", Kind::Derived, "ISO 3166-1 alpha-2 code"),
            col("name", Kind::Derived, "common English name"),
        ],
    },
];

pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

/// The order in which an import checks and writes the tables: each after those it refers to.
pub const IMPORT_ORDER: &[&str] = &[
    "sources",
    "facilities",
    "waves",
    "wave_texts",
    "reported_figures",
    "people",
    "person_names",
    "person_texts",
    "person_citizenships",
    "detentions",
    "detention_charges",
    "events",
    "event_texts",
    "recognitions",
    "citations",
];

fn is_lang(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// A calendar day as `YYYY-MM-DD`.
fn is_day(s: &str) -> bool {
    time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).is_ok()
}

/// The languages of the site, in which record texts are written (migration 0011).
fn is_text_lang(s: &str) -> bool {
    matches!(s, "en" | "be" | "ru")
}

fn is_script(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 4 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase)
}

/// `^[0-9]+(\.[0-9]+)?$`, as the database checks parts of articles.
fn is_part(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('.') {
        Some((a, b)) => digits(a) && digits(b),
        None => digits(s),
    }
}

/// `^[0-9]+(\.[0-9]+)?(-[0-9]+)?$`: 342, 361.1, 361-1.
fn is_article(s: &str) -> bool {
    match s.split_once('-') {
        Some((head, tail)) => is_part(head) && !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()),
        None => is_part(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_points_at_a_table_imported_before_it() {
        for (position, name) in IMPORT_ORDER.iter().enumerate() {
            let table = table(name).unwrap_or_else(|| panic!("{name} is a table"));
            assert!(table.imported, "{name}");
            for column in table.columns {
                if let Kind::Ref { table: target, .. } = column.kind {
                    let at = IMPORT_ORDER.iter().position(|t| *t == target);
                    assert!(at.is_some_and(|at| at < position), "{name}.{} refers to {target}", column.name);
                }
                if let Kind::Precision { date } = column.kind {
                    assert!(
                        matches!(table.column(date).map(|c| c.kind), Some(Kind::Date { .. })),
                        "{name}.{}",
                        column.name
                    );
                }
            }
        }
        let imported = TABLES.iter().filter(|t| t.imported).count();
        assert_eq!(imported, IMPORT_ORDER.len(), "every imported table has its place");
    }

    #[test]
    fn codes_are_checked_as_the_database_checks_them() {
        assert!(is_article("342") && is_article("361.1") && is_article("361-1") && is_article("130.1-2"));
        assert!(!is_article("342a") && !is_article("-1") && !is_article("1-") && !is_article(""));
        assert!(is_part("1") && is_part("2.1") && !is_part("2.") && !is_part("x"));
        assert!(is_lang("be") && is_lang("bel") && !is_lang("BE") && !is_lang("b"));
        assert!(is_script("Cyrl") && !is_script("cyrl") && !is_script("Cyr"));
    }
}
