//! Records as the admin forms edit them, with no HTTP in sight: each kind's document, its form
//! as typed, its validation (a message per field, everything typed kept) and its SQL, one file
//! per kind. The admin handlers (`web::admin`) and the CSV import (`import`) both build on this.
//!
//! A kind is [`Record`] (how it is stored: loaded, inserted, saved over a version, deleted when
//! nothing uses it) and [`Editor`] (its typed form and the checks that may read the database).
//! Kinds whose form is a list of simple fields implement [`Kind`] and get [`Editor`] from it.

pub mod citation;
pub mod detention;
pub mod event;
pub mod facility;
pub mod figure;
pub mod person;
pub mod recognition;
pub mod source;
pub mod wave;

use std::collections::BTreeMap;
use std::future::Future;

use sqlx::PgConnection;

use crate::db::Tx;
use crate::db::revisions::{self, Document, FieldChange, Revision};
use crate::domain::{PartialDate, PublicationState, RecordKind, Slug};
use crate::i18n::{Lang, Message};

/// A form as typed: field name → text.
pub type Values = BTreeMap<String, String>;

/// Messages by field name (`slug`, `born`, `name_0`, …), shown beside the fields in the page's
/// language.
pub type FieldErrors = BTreeMap<String, Message>;

/// One message on one field.
pub fn field_error(field: &str, key: &'static str) -> FieldErrors {
    FieldErrors::from([(field.to_owned(), Message::new(key))])
}

/// What validation may need besides the form.
#[derive(Debug, Clone)]
pub struct Context {
    pub countries: Vec<String>,
    pub may_publish: bool,
    /// The record as stored, when editing (kinds edited by the field form).
    pub current: Option<Values>,
}

/// A stored record of any kind: its id, the version it is at, and (for records that are part of
/// a person's case) the person.
#[derive(Debug, Clone)]
pub struct Stored<D> {
    pub id: i64,
    pub version: i32,
    pub person_id: Option<i64>,
    /// The record it belongs to: a recognition's person, a citation's subject.
    pub owner: Option<Subject>,
    pub doc: D,
}

impl<D> Stored<D> {
    /// A record that belongs to no other.
    pub fn standalone(id: i64, version: i32, doc: D) -> Self {
        Stored { id, version, person_id: None, owner: None, doc }
    }

    /// A part of a person's case (a detention, an event, a recognition).
    pub fn of_person(id: i64, version: i32, person_id: i64, doc: D) -> Self {
        Stored { id, version, person_id: Some(person_id), owner: Some(Subject::person(person_id)), doc }
    }
}

/// A record that others may belong to: the subject of a citation, the person of a detention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    pub kind: RecordKind,
    pub id: i64,
}

impl Subject {
    /// The kinds of record that may be cited, in the order of the subject columns of `citations`.
    pub const CITED: [RecordKind; 6] = [
        RecordKind::Person,
        RecordKind::Detention,
        RecordKind::Event,
        RecordKind::Wave,
        RecordKind::Recognition,
        RecordKind::Figure,
    ];

    /// The subject of kind `kind` with id `id`, if records of that kind may be cited.
    pub fn of(kind: RecordKind, id: i64) -> Option<Subject> {
        Self::CITED.contains(&kind).then_some(Subject { kind, id })
    }

    pub fn person(id: i64) -> Subject {
        Subject { kind: RecordKind::Person, id }
    }

    /// The id of the person the subject is, if it is one.
    pub fn person_id(self) -> Option<i64> {
        (self.kind == RecordKind::Person).then_some(self.id)
    }

    /// `detention` and 5 for a detention with id 5: the query parameter that names it.
    pub fn param(self) -> (&'static str, i64) {
        (self.kind.key(), self.id)
    }

    /// The admin page where the subject is edited.
    pub fn edit_path(self) -> String {
        format!("/admin/{}/{}/edit", self.kind.path(), self.id)
    }

    /// The person a new part of a case is inserted for (the parent its form was opened with);
    /// `None` when saving over a stored one (`over`), which keeps its person.
    fn new_part(parent: Option<Subject>, over: Option<At>, kind: RecordKind) -> sqlx::Result<Option<i64>> {
        match (parent.and_then(Subject::person_id), over) {
            (_, Some(_)) => Ok(None),
            (Some(id), None) => Ok(Some(id)),
            (None, None) => Err(sqlx::Error::Protocol(format!("a new {kind} needs its person"))),
        }
    }
}

/// A new record's parent named in its form's query string (`?person=7`) that is not one its kind
/// belongs to: the page does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoParent;

/// The record a new `K` belongs to, from the query string of its form (`?person=7`): `None` for
/// kinds that stand alone ([`Record::PARENTS`] is empty).
pub fn parent<K: Record>(query: &Values) -> Result<Option<Subject>, NoParent> {
    if K::PARENTS.is_empty() {
        return Ok(None);
    }
    K::PARENTS
        .iter()
        .find_map(|kind| Subject::of(*kind, query.get(kind.key())?.parse().ok()?))
        .map(Some)
        .ok_or(NoParent)
}

/// A kind of record as it is stored: loaded, created, saved over a version, and deleted by
/// admins (when nothing else still points at it).
pub trait Record: Document + Clone + Send + Sync + 'static {
    /// Whether sources may be cited for it (a "Sources" block on its form).
    const CITABLE: bool = false;
    /// The kinds of record a new one may belong to, named in its form's query string
    /// (`?person=7`); empty for kinds that stand alone.
    const PARENTS: &'static [RecordKind] = &[];

    /// The record `id`. Kinds read their row into the document through serde (`to_jsonb(row)`,
    /// partial dates as ISO text, lists as JSON arrays), the way revisions store it, so a field
    /// is named as its column and a column is not spelled out twice.
    fn load(conn: &mut PgConnection, id: i64) -> impl Future<Output = sqlx::Result<Option<Stored<Self>>>> + Send;

    /// How many records still point at it (a record in use cannot be deleted).
    fn in_use(_conn: &mut PgConnection, _id: i64) -> impl Future<Output = sqlx::Result<i64>> + Send {
        async { Ok(0) }
    }

    /// Where to go once it is saved or deleted: its list, or `owner`, the record it belongs to.
    fn back(owner: Option<Subject>) -> String {
        owner.map_or_else(|| format!("/admin/{}", Self::KIND.path()), Subject::edit_path)
    }

    /// The record's name on its pages, with any date or number in the words of `lang`.
    fn title(&self, lang: Lang) -> String;

    /// Whether it is a draft or published, for kinds published on their own (people, waves,
    /// reported figures); `None` for the others.
    fn publication(&self) -> Option<PublicationState> {
        None
    }

    /// Writes `doc` in one statement: as a new record when `over` is `None` (`parent` is checked
    /// to exist, and is one of [`Record::PARENTS`]), else over the record `over` names if it is
    /// still at the version given. The id and version saved; `None` when someone saved first.
    fn save(
        tx: &mut Tx,
        over: Option<At>,
        parent: Option<Subject>,
        doc: &Self,
    ) -> impl Future<Output = sqlx::Result<Option<At>>> + Send;

    /// Inserts a new record that belongs to `parent`.
    fn insert(tx: &mut Tx, parent: Option<Subject>, doc: &Self) -> impl Future<Output = sqlx::Result<i64>> + Send {
        async move { Self::save(tx, None, parent, doc).await?.map(|(id, _)| id).ok_or(sqlx::Error::RowNotFound) }
    }

    /// Saves over the record if it is still at `version`; `None` when someone saved first.
    fn update(
        tx: &mut Tx,
        id: i64,
        version: i32,
        doc: &Self,
    ) -> impl Future<Output = sqlx::Result<Option<i32>>> + Send {
        async move { Ok(Self::save(tx, Some((id, version)), None, doc).await?.map(|(_, version)| version)) }
    }
}

/// A stored record's id and a version of it: the one a save goes over, the one it made.
pub type At = (i64, i32);

/// The id and version in `over`, as the parameters of a kind's `save` statement.
pub fn over(over: Option<At>) -> (Option<i64>, Option<i32>) {
    (over.map(|o| o.0), over.map(|o| o.1))
}

/// The form side of a kind: its typed form, validation that may read the database, the rules of
/// a restore and the refusal a racing save becomes. Kinds whose form is a list of simple fields
/// implement [`Kind`] and get this trait from it; kinds with a form of their own (repeating
/// rows) implement it directly.
pub trait Editor: Record {
    /// The form as typed, kept whole when it is refused.
    type Form: Send + Sync + 'static;
    /// The field on which a save refused by a unique constraint is reported (a racing twin).
    const DUPLICATE_FIELD: &'static str;

    /// The posted fields as the kind's form (the token and the version are read apart).
    fn read(values: Values) -> Self::Form;

    /// The form filled from a stored record.
    fn form(&self) -> Self::Form;

    /// The typed form as a document, or a message per field; may read the database (an address
    /// already taken, a detention that overlaps another). `current` is the record as stored.
    fn validate(
        conn: &mut PgConnection,
        form: &Self::Form,
        context: &Context,
        current: Option<&Self>,
        id: Option<i64>,
    ) -> impl Future<Output = sqlx::Result<Result<Self, FieldErrors>>> + Send;

    /// Rules for an old version coming back over `current`, before it is validated like a typed
    /// one: that it neither publishes nor unpublishes, nor moves the record to another address
    /// ([`keep_address`]).
    fn restoring(
        _conn: &mut PgConnection,
        _id: i64,
        _old: &mut Self,
        _current: &Self,
        _may_publish: bool,
    ) -> impl Future<Output = sqlx::Result<()>> + Send {
        async { Ok(()) }
    }

    /// A save the database refused that the form can explain (a unique constraint a racing save
    /// won): a message per field. Other errors stay errors.
    fn refused(error: &sqlx::Error) -> Option<FieldErrors> {
        let duplicate = error.as_database_error()?.code().as_deref() == Some("23505");
        duplicate.then(|| field_error(Self::DUPLICATE_FIELD, "error-record-duplicate"))
    }

    /// The revisions its history page lists, newest first: its own, or (a person) the whole case.
    fn revisions(conn: &mut PgConnection, id: i64) -> impl Future<Output = sqlx::Result<Vec<Revision>>> + Send {
        revisions::for_record(conn, Self::KIND, id)
    }
}

/// The field of a refusal that asks to confirm publishing a record that cites no source: the box
/// that confirms it.
pub const PUBLISH_UNSOURCED: &str = "publish_unsourced";

/// Whether saving `doc` over `current` (`None` for a new record) publishes it: a record that
/// was not published becomes published.
pub fn publishes<K: Record>(current: Option<&K>, doc: &K) -> bool {
    doc.publication() == Some(PublicationState::Published)
        && current.and_then(Record::publication) != Some(PublicationState::Published)
}

/// What an old version of a record with an address keeps of the current one: its publication
/// and its address. A restore brings back what was written; publishing, unpublishing and moving
/// a record are choices made in its form, so a restore never takes a record off the site, puts a
/// draft on it, or breaks the links to it (issue 19). People and waves.
pub fn keep_address(old: (&mut PublicationState, &mut String), current: (PublicationState, &str)) {
    *old.0 = current.0;
    current.1.clone_into(old.1);
}

/// How a field of a [`Kind`] is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    LongText,
    /// One of these keys; `set` is the kind of their labels (`Lang::label(set, key)`).
    Select {
        set: &'static str,
        keys: &'static [&'static str],
    },
    /// Draft or published (admins choose).
    Publication,
}

/// A field of a kind's form; words for `name` (label, hint) are the `field-*` and
/// `record-hint-*` messages.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub input: Input,
    pub hint: bool,
}

impl Field {
    pub const fn text(name: &'static str) -> Field {
        Field { name, input: Input::Text, hint: false }
    }

    pub const fn hinted(name: &'static str) -> Field {
        Field { name, input: Input::Text, hint: true }
    }

    pub const fn long(name: &'static str) -> Field {
        Field { name, input: Input::LongText, hint: false }
    }

    pub const fn select(name: &'static str, set: &'static str, keys: &'static [&'static str]) -> Field {
        Field { name, input: Input::Select { set, keys }, hint: false }
    }
}

/// A kind of record edited by the field form: its form is [`Kind::FIELDS`], typed as [`Values`].
pub trait Kind: Record {
    const FIELDS: &'static [Field];
    /// Shown in lists, besides the title.
    const LIST_FIELDS: &'static [&'static str] = &[];
    /// Whether the kind has a list page (kinds that belong to another record are listed there).
    const LISTED: bool = true;

    /// The document's fields whose form names differ (`kind` is `source_kind`), for [`Kind::values`].
    const RENAMED: &'static [(&'static str, &'static str)] = &[];

    /// The form as stored.
    fn values(&self) -> Values {
        form_values(self, Self::RENAMED)
    }

    /// The typed form as a document, or a message per field.
    fn validate(values: &Values, context: &Context) -> Result<Self, FieldErrors>;

    /// Checks that need the database (an address already taken, a source that does not exist).
    fn check(
        _conn: &mut PgConnection,
        _doc: &Self,
        _id: Option<i64>,
    ) -> impl Future<Output = sqlx::Result<FieldErrors>> + Send {
        async { Ok(FieldErrors::new()) }
    }

    /// The records of the kind for its list page, filtered by `query`.
    fn list(_conn: &mut PgConnection, _query: &str) -> impl Future<Output = sqlx::Result<Vec<Stored<Self>>>> + Send {
        async { Ok(Vec::new()) }
    }

    /// Restoring an old version neither publishes nor unpublishes.
    fn keep_publication(&mut self, _current: &Self) {}
}

/// A [`Kind`]'s [`Document::fields`]: its form's fields in order, as stored, the `dates` in
/// words (`June 1992`).
pub fn kind_fields<K: Kind>(doc: &K, dates: &[&str]) -> Vec<(&'static str, String)> {
    let mut values = doc.values();
    let text = |name, value: String| match value.parse::<PartialDate>() {
        Ok(date) if dates.contains(&name) => date.to_string(),
        _ => value,
    };
    K::FIELDS.iter().map(|f| (f.name, text(f.name, values.remove(f.name).unwrap_or_default()))).collect()
}

impl<K: Kind> Editor for K {
    type Form = Values;
    const DUPLICATE_FIELD: &'static str = K::FIELDS[0].name;

    fn read(values: Values) -> Values {
        values
    }

    fn form(&self) -> Values {
        self.values()
    }

    async fn validate(
        conn: &mut PgConnection,
        form: &Values,
        context: &Context,
        current: Option<&Self>,
        id: Option<i64>,
    ) -> sqlx::Result<Result<Self, FieldErrors>> {
        let context = Context { current: current.map(Kind::values), ..context.clone() };
        let doc = match <K as Kind>::validate(form, &context) {
            Ok(doc) => doc,
            Err(errors) => return Ok(Err(errors)),
        };
        let errors = K::check(conn, &doc, id).await?;
        Ok(if errors.is_empty() { Ok(doc) } else { Err(errors) })
    }

    async fn restoring(
        _conn: &mut PgConnection,
        _id: i64,
        old: &mut Self,
        current: &Self,
        _may_publish: bool,
    ) -> sqlx::Result<()> {
        old.keep_publication(current);
        Ok(())
    }
}

/// The most characters of a free-text note (an event's medical details, staff notes).
pub const NOTES_MAX: usize = 20_000;

/// Reads typed values, collecting a message per field that is wrong: the one way forms are
/// checked. Kinds typed as [`Values`] name their fields (`optional("notes", 5000)`); typed forms
/// with fields of their own pass the text (`text("notes", &form.notes, 5000)`).
pub struct Reader<'a> {
    values: &'a Values,
    pub errors: FieldErrors,
}

static NO_VALUES: Values = BTreeMap::new();

impl Default for Reader<'_> {
    fn default() -> Self {
        Reader::new(&NO_VALUES)
    }
}

impl<'a> Reader<'a> {
    pub fn new(values: &'a Values) -> Self {
        Reader { values, errors: FieldErrors::new() }
    }

    /// The value typed in field `name`, trimmed.
    pub fn raw(&self, name: &str) -> &'a str {
        self.values.get(name).map_or("", |v| v.trim())
    }

    /// A message on `field`, unless it has one already.
    pub fn fail(&mut self, field: &str, message: Message) {
        self.errors.entry(field.to_owned()).or_insert(message);
    }

    /// Whether `field` has a message.
    pub fn failed(&self, field: &str) -> bool {
        self.errors.contains_key(field)
    }

    /// Optional text of at most `max` characters, without control characters other than tabs
    /// and line breaks (a vertical tab pasted from a word processor would make XML invalid).
    pub fn text(&mut self, field: &str, typed: &str, max: usize) -> Option<String> {
        let typed = typed.trim();
        if typed.chars().count() > max {
            self.fail(field, Message::new("error-too-long").number("max", max));
        } else if let Err(found) = crate::domain::text::check(typed) {
            self.fail(field, found.message());
        }
        (!typed.is_empty()).then(|| typed.to_owned())
    }

    /// Optional text of field `name`, of at most `max` characters.
    pub fn optional(&mut self, name: &str, max: usize) -> Option<String> {
        self.text(name, self.raw(name), max)
    }

    /// Text of field `name` that must be there, with `message` when it is not.
    pub fn required(&mut self, name: &str, max: usize, message: Message) -> String {
        let value = self.optional(name, max);
        if value.is_none() {
            self.fail(name, message);
        }
        value.unwrap_or_default()
    }

    /// A date that must be there: anything that does not read as one is a message.
    pub fn date_in(&mut self, field: &str, typed: &str) -> Option<PartialDate> {
        typed.trim().parse().map_err(|e: crate::domain::PartialDateError| self.fail(field, e.message())).ok()
    }

    /// An optional date: left empty it is `None`.
    pub fn optional_date(&mut self, field: &str, typed: &str) -> Option<PartialDate> {
        if typed.trim().is_empty() { None } else { self.date_in(field, typed) }
    }

    /// The optional date of field `name`.
    pub fn date(&mut self, name: &str) -> Option<PartialDate> {
        self.optional_date(name, self.raw(name))
    }

    /// That `ended` does not come before `started`.
    pub fn in_order(&mut self, started: Option<PartialDate>, ended: Option<PartialDate>) {
        if let (Some(s), Some(e)) = (started, ended)
            && e.start() < s.start()
        {
            self.fail("ended", Message::new("error-ends-before-start").date("ended", e).date("started", s));
        }
    }

    /// A web address (http or https) in field `name`.
    pub fn url(&mut self, name: &str) -> Option<String> {
        let value = self.optional(name, 2000)?;
        match url::Url::parse(&value) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() => Some(value),
            _ => {
                self.fail(name, Message::new("error-url"));
                None
            }
        }
    }

    /// One of the keys `parse` knows in field `name`, with `message` for anything else.
    pub fn choice<T>(&mut self, name: &str, parse: fn(&str) -> Option<T>, message: Message) -> Option<T> {
        let choice = parse(self.raw(name));
        if choice.is_none() {
            self.fail(name, message);
        }
        choice
    }

    /// An optional choice of a key `parse` knows: empty is `None`, anything else "choose one".
    pub fn optional_key<T>(&mut self, field: &str, typed: &str, parse: impl FnOnce(&str) -> Option<T>) -> Option<T> {
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        let found = parse(typed);
        if found.is_none() {
            self.fail(field, Message::new("error-choose"));
        }
        found
    }

    /// A country code (any case) in field `name` that is one of `countries`.
    pub fn country(&mut self, name: &str, countries: &[String]) -> String {
        let code = self.raw(name).to_ascii_uppercase();
        if !countries.contains(&code) {
            self.fail(name, Message::new("error-country"));
        }
        code
    }

    /// An address typed in `field`, else one made by `made` (from a name or title).
    pub fn slug(&mut self, field: &str, typed: &str, made: impl FnOnce() -> Option<String>) -> Option<String> {
        match typed.trim() {
            "" => made(),
            typed => typed.parse::<Slug>().map(|s| s.to_string()).map_err(|e| self.fail(field, e.message())).ok(),
        }
    }

    /// The publication a form asks for, in field `publication`. Admins choose; editors keep what
    /// is there, and what they create starts as a draft; anything else is a message.
    pub fn publication(
        &mut self,
        typed: &str,
        may_publish: bool,
        current: Option<PublicationState>,
    ) -> PublicationState {
        let refused = match (typed.trim(), may_publish, current) {
            ("published", true, _) => return PublicationState::Published,
            ("draft" | "", true, _) => return PublicationState::Draft,
            (typed, false, Some(current)) if typed == current.as_str() || typed.is_empty() => return current,
            ("draft" | "", false, None) => return PublicationState::Draft,
            (_, false, _) => "error-publish-admins-only",
            _ => "error-publication",
        };
        self.fail("publication", Message::new(refused));
        current.filter(|_| !may_publish).unwrap_or(PublicationState::Draft)
    }

    /// The document, if every field was right.
    pub fn finish<T>(self, doc: Option<T>) -> Result<T, FieldErrors> {
        match doc {
            Some(doc) if self.errors.is_empty() => Ok(doc),
            _ => Err(self.errors),
        }
    }
}

/// A document's fields as its form shows them, named as the form names them (`renamed`: the
/// document's name, then the form's): text as stored, choices and dates as their keys
/// (`2024-summer`, as typed), numbers in digits, nothing as empty. Lists (names, charges) are the
/// form's own rows and are left out. This is what serde writes for revisions, so the form and
/// the stored document cannot disagree about a field's spelling.
pub fn form_values<D: serde::Serialize>(doc: &D, renamed: &[(&str, &str)]) -> Values {
    use serde_json::Value;
    let Ok(Value::Object(fields)) = serde_json::to_value(doc) else { return Values::new() };
    let text = |value| match value {
        Value::String(text) => Some(text),
        Value::Null => Some(String::new()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let name = |name: String| renamed.iter().find(|(from, _)| *from == name).map_or(name, |(_, to)| (*to).to_owned());
    fields.into_iter().filter_map(|(field, value)| Some((name(field), text(value)?))).collect()
}

/// The posted fields as a typed form whose fields are all text (unknown ones ignored).
pub fn typed<T: serde::de::DeserializeOwned + Default>(values: &Values) -> T {
    serde_urlencoded::from_str(&serde_urlencoded::to_string(values).unwrap_or_default()).unwrap_or_default()
}

/// A form's repeating rows as typed (`name_0`, `kind_3`), each read as a form of its own
/// (`name`, `kind`). Trailing rows left empty go; a row with anything typed in it, even spaces,
/// stays, so that a refused form shows exactly what was sent.
pub fn rows<R: serde::de::DeserializeOwned + Default + PartialEq>(values: &Values, max: usize) -> Vec<R> {
    let mut rows = vec![Values::new(); max];
    for (key, value) in values {
        let Some((stem, i)) = key.rsplit_once('_') else { continue };
        if let Some(row) = i.parse::<usize>().ok().and_then(|i| rows.get_mut(i)) {
            row.insert(stem.to_owned(), value.clone());
        }
    }
    let mut rows: Vec<R> = rows.iter().map(typed).collect();
    while rows.last().is_some_and(|row| *row == R::default()) {
        rows.pop();
    }
    rows
}

/// What a revision of any kind changed (nothing when a stored version no longer reads as its
/// kind). A new kind adds its arm here.
pub fn changes(revision: &Revision) -> Vec<FieldChange> {
    use crate::db::{photos, texts};
    let changes = match revision.record_type {
        RecordKind::Person => revision.changes_as::<person::PersonDoc>(),
        RecordKind::Detention => revision.changes_as::<detention::DetentionDoc>(),
        RecordKind::Event => revision.changes_as::<event::EventDoc>(),
        RecordKind::Wave => revision.changes_as::<wave::WaveDoc>(),
        RecordKind::Source => revision.changes_as::<source::SourceDoc>(),
        RecordKind::Citation => revision.changes_as::<citation::CitationDoc>(),
        RecordKind::Recognition => revision.changes_as::<recognition::RecognitionDoc>(),
        RecordKind::Facility => revision.changes_as::<facility::FacilityDoc>(),
        RecordKind::Figure => revision.changes_as::<figure::FigureDoc>(),
        RecordKind::Photo => revision.changes_as::<photos::PhotoDoc>(),
        RecordKind::PersonTexts => revision.changes_as::<texts::PersonTexts>(),
        RecordKind::WaveTexts => revision.changes_as::<texts::WaveTexts>(),
        RecordKind::EventTexts => revision.changes_as::<texts::EventTexts>(),
    };
    changes.unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn typed(pairs: &[(&str, &str)]) -> Values {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    pub(crate) fn context(may_publish: bool) -> Context {
        Context { countries: vec!["BY".into(), "RU".into()], may_publish, current: None }
    }

    /// Every field of `doc` has its visibility in the catalogue: a new field is classified when
    /// it is added. Each `Editor` kind's tests call this with a document of theirs.
    pub(crate) fn assert_classified<D: Document>(doc: &D) {
        for (field, _) in doc.fields() {
            let listed = crate::domain::visibility::listed(D::KIND, field);
            assert!(listed.is_some(), "{:?} field {field:?} has no visibility in domain/visibility.rs", D::KIND);
        }
    }

    #[test]
    fn every_field_of_the_field_form_kinds_has_a_visibility() {
        fn classified<K: Kind>() {
            for field in K::FIELDS {
                let listed = crate::domain::visibility::listed(K::KIND, field.name);
                assert!(listed.is_some(), "{:?} field {:?} has no visibility", K::KIND, field.name);
            }
        }
        classified::<source::SourceDoc>();
        classified::<citation::CitationDoc>();
        classified::<recognition::RecognitionDoc>();
        classified::<facility::FacilityDoc>();
        classified::<figure::FigureDoc>();
    }
}
