//! A stored field's value as the form shows it, for the history pages: revisions keep each field
//! as text with stored codes ("pardon", "36", a wave's slug, a facility's id, `BY`), and an
//! admin reads labels in their own language ("Pardon", "3 years", the wave's name, the
//! facility's name, "Belarus"). Only the words change: the revisions stay as stored.

use crate::db::revisions::FieldChange;
use crate::domain::{PartialDate, RecordKind, Sex};
use crate::i18n::Lang;
use crate::records::Kind;
use crate::records::detention;
use crate::records::source::SourceDoc;

/// What a field's stored text is, for showing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Text,
    /// A stored key, shown as `Lang::label(set, key)`.
    Label(&'static str),
    /// A stored key about one person (the sex-agreeing `Lang::label_of`, in its neutral form).
    LabelOf(&'static str),
    Date,
    /// Whole months, shown as years and months.
    Months,
    Country,
    /// Countries separated by commas.
    Countries,
    Facility,
    Wave,
    Source,
    /// A person's names: `name (lang, script, kind)` joined by `; `.
    Names,
}

fn value_of(kind: RecordKind, field: &str) -> Value {
    use RecordKind as K;
    match (kind, field) {
        (_, "publication") => Value::Label("publication"),
        (K::Person, "names") => Value::Names,
        (K::Person, "sex") => Value::Label("sex"),
        (K::Person, "identity") => Value::Label("identity"),
        (K::Person, "naming_basis") => Value::Label("naming-basis"),
        (K::Person, "citizenships") => Value::Countries,
        (K::Person, "born")
        | (K::Detention, "started" | "ended" | "sentenced")
        | (K::Event, "occurred")
        | (K::Wave, "started" | "ended")
        | (K::Source, "published")
        | (K::Recognition, "recognised")
        | (K::Figure, "as_of") => Value::Date,
        (K::Detention, "trial_stage") => Value::LabelOf("trial"),
        (K::Detention, "sentence_kind") => Value::Label("sentence"),
        (K::Detention | K::Wave, "release_mechanism") => Value::Label("mechanism"),
        (K::Detention, "sentence_months") => Value::Months,
        (K::Detention | K::Wave, "country") | (K::Facility, "facility_country") | (K::Figure, "figure_country") => {
            Value::Country
        }
        (K::Detention, "facility") => Value::Facility,
        (K::Detention, "wave") => Value::Wave,
        (K::Citation, "source") => Value::Source,
        (K::Event, "event_kind") => Value::Label("event"),
        (K::Source, "source_kind") => Value::Label("source-kind"),
        (K::Facility, "facility_kind") => Value::Label("facility-kind"),
        (K::Figure, "metric") => Value::Label("figure-metric"),
        (K::Figure, "qualifier") => Value::Label("qualifier"),
        _ => Value::Text,
    }
}

/// A sentence's length as years and months in `lang`: "3 years", "2 гады 6 месяцаў".
pub(crate) fn months(lang: Lang, months: i64) -> String {
    let (years, rest) = (months / 12, months % 12);
    match (years, rest) {
        (0, rest) => lang.tn("count-months", rest),
        (years, 0) => lang.tn("count-years", years),
        (years, rest) => format!("{} {}", lang.tn("count-years", years), lang.tn("count-months", rest)),
    }
}

/// The names of the records revisions refer to by id or address, read once per page.
#[derive(Default)]
pub(super) struct References {
    facilities: Vec<(i64, String)>,
    waves: Vec<(String, String)>,
    sources: Vec<(String, String)>,
}

impl References {
    /// The names `changes` refer to: facilities and waves from the detention form's choices,
    /// sources by address (one search per source named).
    pub(super) async fn load(
        conn: &mut sqlx::PgConnection,
        changes: &[(RecordKind, &[FieldChange])],
    ) -> sqlx::Result<References> {
        let mut references = References::default();
        if !named(changes, Value::Facility).is_empty() || !named(changes, Value::Wave).is_empty() {
            (references.facilities, references.waves) = detention::choices(&mut *conn).await?;
        }
        for slug in named(changes, Value::Source) {
            let found = <SourceDoc as Kind>::list(&mut *conn, slug).await?;
            if let Some(source) = found.into_iter().find(|s| s.doc.slug == slug) {
                references.sources.push((slug.to_owned(), source.doc.title));
            }
        }
        Ok(references)
    }
}

/// The distinct values of the fields of `changes` that are a `wanted`.
fn named<'a>(changes: &'a [(RecordKind, &'a [FieldChange])], wanted: Value) -> Vec<&'a str> {
    let mut values: Vec<&str> = changes
        .iter()
        .flat_map(|(kind, changes)| changes.iter().map(move |c| (*kind, c)))
        .filter(|(kind, c)| value_of(*kind, c.field) == wanted)
        .flat_map(|(_, c)| [c.before.as_str(), c.after.as_str()])
        .filter(|v| !v.is_empty())
        .collect();
    values.sort_unstable();
    values.dedup();
    values
}

/// `text`, the stored value of `field` of a `kind`, as the form shows it in `lang`; what is not
/// understood (an old spelling, a record since deleted) is shown as stored.
pub(super) fn shown(lang: Lang, kind: RecordKind, field: &str, text: &str, references: &References) -> String {
    if text.is_empty() {
        return String::new();
    }
    let named = |list: &[(String, String)]| list.iter().find(|(key, _)| key == text).map(|(_, name)| name.clone());
    let shown = match value_of(kind, field) {
        Value::Text => None,
        Value::Label(set) => Some(lang.label(set, text)),
        Value::LabelOf(set) => Some(lang.label_of(set, text, None::<Sex>)),
        Value::Date => text.parse::<PartialDate>().ok().map(|d| lang.date(&d)),
        Value::Months => text.parse::<i64>().ok().map(|m| months(lang, m)),
        Value::Country => Some(lang.country(text, text)),
        Value::Countries => Some(text.split(", ").map(|code| lang.country(code, code)).collect::<Vec<_>>().join(", ")),
        Value::Facility => text
            .parse::<i64>()
            .ok()
            .and_then(|id| references.facilities.iter().find(|(f, _)| *f == id))
            .map(|f| f.1.clone()),
        Value::Wave => named(&references.waves),
        Value::Source => named(&references.sources),
        Value::Names => Some(names(lang, text)),
    };
    shown.unwrap_or_else(|| text.to_owned())
}

/// A person's names as stored in a revision, with their language, script and kind in words.
fn names(lang: Lang, text: &str) -> String {
    text.split("; ")
        .map(|entry| {
            let Some((name, rest)) = entry.rsplit_once(" (") else { return entry.to_owned() };
            let parts: Vec<&str> = rest.trim_end_matches(')').split(", ").collect();
            let [code, script, kind] = parts.as_slice() else { return entry.to_owned() };
            let mut words = Vec::new();
            let word = |set: &str, key: &str| {
                let message = format!("{set}-{key}");
                if lang.has(&message) { lang.t(&message) } else { key.to_owned() }
            };
            if *code != "–" {
                words.push(word("language", code));
            }
            words.push(word("script", script));
            words.push(lang.label("admin-name-kind", kind));
            format!("{name} ({})", words.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Every change of `lines` in words, in place.
pub(super) fn show_changes(lang: Lang, kind: RecordKind, changes: &mut [FieldChange], references: &References) {
    for change in changes {
        change.before = shown(lang, kind, change.field, &change.before, references);
        change.after = shown(lang, kind, change.field, &change.after, references);
    }
}
