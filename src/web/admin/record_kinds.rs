//! The kinds of record edited by the generic forms of [`super::records`]: what each form has and
//! how it is checked and stored. People, detentions, events and waves have forms of their own;
//! here they only learn to be deleted.

use sqlx::PgConnection;

use super::person_form::{self, FieldErrors};
use super::records::{Context, Field, Input, Kind, Record, Values};
use crate::db::Tx;
use crate::db::edit_facts::{self, FacilityDoc, FigureDoc, RecognitionDoc};
use crate::db::edit_sources::{self, CitationDoc, SourceDoc, Stored, Subject};
use crate::domain::{
    CountQualifier, FacilityKind, FigureMetric, PartialDate, PublicationState, RecordKind, SourceKind,
};
use crate::error::AppError;
use crate::i18n::Message;

const fn text(name: &'static str) -> Field {
    Field { name, input: Input::Text, hint: false }
}

const fn hinted(name: &'static str) -> Field {
    Field { name, input: Input::Text, hint: true }
}

const fn long(name: &'static str) -> Field {
    Field { name, input: Input::LongText, hint: false }
}

const fn select(name: &'static str, set: &'static str, keys: &'static [&'static str]) -> Field {
    Field { name, input: Input::Select { set, keys }, hint: false }
}

/// Reads the typed values, collecting a message per field that is wrong.
struct Reader<'a> {
    values: &'a Values,
    errors: FieldErrors,
}

impl<'a> Reader<'a> {
    fn new(values: &'a Values) -> Self {
        Reader { values, errors: FieldErrors::new() }
    }

    fn raw(&self, name: &str) -> &'a str {
        self.values.get(name).map_or("", |v| v.trim())
    }

    fn fail(&mut self, name: &str, message: Message) {
        self.errors.entry(name.to_owned()).or_insert(message);
    }

    /// Optional text of at most `max` characters.
    fn optional(&mut self, name: &str, max: usize) -> Option<String> {
        let value = self.raw(name);
        if value.chars().count() > max {
            self.fail(name, Message::new("error-too-long").number("max", max));
        }
        (!value.is_empty()).then(|| value.to_owned())
    }

    fn required(&mut self, name: &str, max: usize, message: Message) -> String {
        let value = self.optional(name, max);
        if value.is_none() {
            self.fail(name, message);
        }
        value.unwrap_or_default()
    }

    fn date(&mut self, name: &str) -> Option<PartialDate> {
        let value = self.raw(name);
        if value.is_empty() {
            return None;
        }
        match value.parse() {
            Ok(date) => Some(date),
            Err(e) => {
                self.fail(name, e.message());
                None
            }
        }
    }

    fn url(&mut self, name: &str) -> Option<String> {
        let value = self.optional(name, 2000)?;
        match url::Url::parse(&value) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() => Some(value),
            _ => {
                self.fail(name, Message::new("error-url"));
                None
            }
        }
    }

    fn choice<T>(&mut self, name: &str, parse: fn(&str) -> Option<T>, message: Message) -> Option<T> {
        let choice = parse(self.raw(name));
        if choice.is_none() {
            self.fail(name, message);
        }
        choice
    }

    fn country(&mut self, name: &str, countries: &[String]) -> String {
        let code = self.raw(name).to_ascii_uppercase();
        if !countries.contains(&code) {
            self.fail(name, Message::new("error-country"));
        }
        code
    }

    fn finish<T>(self, doc: Option<T>) -> Result<T, FieldErrors> {
        match doc {
            Some(doc) if self.errors.is_empty() => Ok(doc),
            _ => Err(self.errors),
        }
    }
}

fn date_value(date: Option<PartialDate>) -> String {
    date.map(|d| d.iso()).unwrap_or_default()
}

fn values(pairs: &[(&str, String)]) -> Values {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

/// The subject of a citation or the person of a recognition, from `?person=7` and the like.
pub(super) fn subject(query: &Values, allowed: &[RecordKind]) -> Result<Subject, AppError> {
    allowed.iter().find_map(|kind| Subject::of(*kind, query.get(kind.key())?.parse().ok()?)).ok_or(AppError::NotFound)
}

impl Record for SourceDoc {
    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        edit_sources::load_source(conn, id).await
    }

    async fn in_use(conn: &mut PgConnection, id: i64) -> sqlx::Result<i64> {
        edit_sources::citation_count(conn, id).await
    }

    fn title(&self) -> String {
        self.title.clone()
    }

    fn parent(_query: &Values) -> Result<Option<Subject>, AppError> {
        Ok(None)
    }

    async fn insert(tx: &mut Tx, _parent: Option<Subject>, doc: &Self) -> sqlx::Result<i64> {
        edit_sources::insert_source(tx, doc).await
    }

    async fn update(tx: &mut Tx, id: i64, version: i32, doc: &Self) -> sqlx::Result<Option<i32>> {
        edit_sources::update_source(tx, id, version, doc).await
    }
}

impl Kind for SourceDoc {
    const FIELDS: &'static [Field] = &[
        text("title"),
        hinted("slug"),
        text("publisher"),
        hinted("url"),
        hinted("published"),
        select("source_kind", "source_kind", SourceKind::KEYS),
        long("notes"),
    ];
    const LIST_FIELDS: &'static [&'static str] = &["publisher", "published", "slug"];

    fn values(&self) -> Values {
        values(&[
            ("title", self.title.clone()),
            ("slug", self.slug.clone()),
            ("publisher", self.publisher.clone().unwrap_or_default()),
            ("url", self.url.clone().unwrap_or_default()),
            ("published", date_value(self.published)),
            ("source_kind", self.kind.as_str().to_owned()),
            ("notes", self.notes.clone().unwrap_or_default()),
        ])
    }

    fn validate(values: &Values, _context: &Context) -> Result<Self, FieldErrors> {
        let mut r = Reader::new(values);
        let title = r.required("title", 500, Message::new("error-source-title"));
        let slug = match r.raw("slug") {
            "" => person_form::slug_from_text(&title).unwrap_or_default(),
            typed => typed.to_owned(),
        };
        if slug.parse::<crate::domain::Slug>().is_err() {
            r.fail("slug", Message::new("error-source-slug"));
        }
        let publisher = r.optional("publisher", 300);
        let url = r.url("url");
        let published = r.date("published");
        let kind = r.choice("source_kind", SourceKind::from_key, Message::new("error-source-kind"));
        let notes = r.optional("notes", 5000);
        let doc = kind.map(|kind| SourceDoc { slug, title, publisher, url, published, kind, notes });
        r.finish(doc)
    }

    async fn check(conn: &mut PgConnection, doc: &Self, id: Option<i64>) -> sqlx::Result<FieldErrors> {
        let mut errors = FieldErrors::new();
        if edit_sources::slug_taken(conn, &doc.slug, id).await? {
            errors.insert("slug".into(), Message::new("error-source-slug-taken"));
        }
        Ok(errors)
    }

    async fn list(conn: &mut PgConnection, query: &str) -> sqlx::Result<Vec<Stored<Self>>> {
        edit_sources::list_sources(conn, query).await
    }
}

impl Record for CitationDoc {
    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(edit_sources::load_citation(conn, id).await?.map(|c| c.stored))
    }

    fn title(&self) -> String {
        self.source.clone()
    }

    fn parent(query: &Values) -> Result<Option<Subject>, AppError> {
        subject(
            query,
            &[
                RecordKind::Person,
                RecordKind::Detention,
                RecordKind::Event,
                RecordKind::Wave,
                RecordKind::Recognition,
                RecordKind::Figure,
            ],
        )
        .map(Some)
    }

    async fn insert(tx: &mut Tx, parent: Option<Subject>, doc: &Self) -> sqlx::Result<i64> {
        let subject = parent.ok_or_else(|| sqlx::Error::Protocol("a citation needs its subject".into()))?;
        edit_sources::insert_citation(tx, subject, doc).await
    }

    async fn update(tx: &mut Tx, id: i64, version: i32, doc: &Self) -> sqlx::Result<Option<i32>> {
        edit_sources::update_citation(tx, id, version, doc).await
    }
}

impl Kind for CitationDoc {
    const FIELDS: &'static [Field] = &[hinted("source"), hinted("locator")];
    const LISTED: bool = false;

    fn values(&self) -> Values {
        values(&[("source", self.source.clone()), ("locator", self.locator.clone().unwrap_or_default())])
    }

    fn validate(values: &Values, _context: &Context) -> Result<Self, FieldErrors> {
        let mut r = Reader::new(values);
        let source = r.required("source", 200, Message::new("error-citation-source"));
        let locator = r.optional("locator", 1000);
        r.finish(Some(CitationDoc { source, locator }))
    }

    async fn check(conn: &mut PgConnection, doc: &Self, _id: Option<i64>) -> sqlx::Result<FieldErrors> {
        let mut errors = FieldErrors::new();
        if edit_sources::source_id(conn, &doc.source).await?.is_none() {
            errors.insert("source".into(), Message::new("error-source-unknown"));
        }
        Ok(errors)
    }
}

impl Record for RecognitionDoc {
    const CITABLE: bool = true;

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        edit_facts::load_recognition(conn, id).await
    }

    fn title(&self) -> String {
        self.organisation.clone()
    }

    fn parent(query: &Values) -> Result<Option<Subject>, AppError> {
        subject(query, &[RecordKind::Person]).map(Some)
    }

    async fn insert(tx: &mut Tx, parent: Option<Subject>, doc: &Self) -> sqlx::Result<i64> {
        let Some(Subject::Person(person_id)) = parent else {
            return Err(sqlx::Error::Protocol("a recognition needs its person".into()));
        };
        edit_facts::insert_recognition(tx, person_id, doc).await
    }

    async fn update(tx: &mut Tx, id: i64, version: i32, doc: &Self) -> sqlx::Result<Option<i32>> {
        edit_facts::update_recognition(tx, id, version, doc).await
    }
}

impl Kind for RecognitionDoc {
    const FIELDS: &'static [Field] = &[text("organisation"), hinted("recognised"), hinted("url")];
    const LISTED: bool = false;

    fn values(&self) -> Values {
        values(&[
            ("organisation", self.organisation.clone()),
            ("recognised", date_value(self.recognised)),
            ("url", self.url.clone().unwrap_or_default()),
        ])
    }

    fn validate(values: &Values, _context: &Context) -> Result<Self, FieldErrors> {
        let mut r = Reader::new(values);
        let organisation = r.required("organisation", 300, Message::new("error-recognition-organisation"));
        let recognised = r.date("recognised");
        let url = r.url("url");
        r.finish(Some(RecognitionDoc { organisation, recognised, url }))
    }
}

impl Record for FacilityDoc {
    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        edit_facts::load_facility(conn, id).await
    }

    async fn in_use(conn: &mut PgConnection, id: i64) -> sqlx::Result<i64> {
        edit_facts::facility_use(conn, id).await
    }

    fn title(&self) -> String {
        self.name.clone()
    }

    fn parent(_query: &Values) -> Result<Option<Subject>, AppError> {
        Ok(None)
    }

    async fn insert(tx: &mut Tx, _parent: Option<Subject>, doc: &Self) -> sqlx::Result<i64> {
        edit_facts::insert_facility(tx, doc).await
    }

    async fn update(tx: &mut Tx, id: i64, version: i32, doc: &Self) -> sqlx::Result<Option<i32>> {
        edit_facts::update_facility(tx, id, version, doc).await
    }
}

impl Kind for FacilityDoc {
    const FIELDS: &'static [Field] = &[
        text("facility_name"),
        select("facility_kind", "facility", FacilityKind::KEYS),
        hinted("facility_country"),
        text("location"),
    ];
    const LIST_FIELDS: &'static [&'static str] = &["facility_kind", "facility_country", "location"];

    fn values(&self) -> Values {
        values(&[
            ("facility_name", self.name.clone()),
            ("facility_kind", self.kind.as_str().to_owned()),
            ("facility_country", self.country.clone()),
            ("location", self.location.clone().unwrap_or_default()),
        ])
    }

    fn validate(values: &Values, context: &Context) -> Result<Self, FieldErrors> {
        let mut r = Reader::new(values);
        let name = r.required("facility_name", 300, Message::new("error-facility-name"));
        let kind = r.choice("facility_kind", FacilityKind::from_key, Message::new("error-facility-kind"));
        let country = r.country("facility_country", &context.countries);
        let location = r.optional("location", 300);
        r.finish(kind.map(|kind| FacilityDoc { name, kind, country, location }))
    }

    async fn check(conn: &mut PgConnection, doc: &Self, id: Option<i64>) -> sqlx::Result<FieldErrors> {
        let mut errors = FieldErrors::new();
        if edit_facts::facility_taken(conn, &doc.country, &doc.name, id).await? {
            errors.insert("facility_name".into(), Message::new("error-facility-taken"));
        }
        Ok(errors)
    }

    async fn list(conn: &mut PgConnection, _query: &str) -> sqlx::Result<Vec<Stored<Self>>> {
        edit_facts::list_facilities(conn).await
    }
}

impl Record for FigureDoc {
    const CITABLE: bool = true;

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        edit_facts::load_figure(conn, id).await
    }

    fn title(&self) -> String {
        let lang = crate::web::locale::current();
        format!("{} {} {}", self.country, lang.number(self.value), lang.date(&self.as_of))
    }

    fn parent(_query: &Values) -> Result<Option<Subject>, AppError> {
        Ok(None)
    }

    async fn insert(tx: &mut Tx, _parent: Option<Subject>, doc: &Self) -> sqlx::Result<i64> {
        edit_facts::insert_figure(tx, doc).await
    }

    async fn update(tx: &mut Tx, id: i64, version: i32, doc: &Self) -> sqlx::Result<Option<i32>> {
        edit_facts::update_figure(tx, id, version, doc).await
    }
}

impl Kind for FigureDoc {
    const FIELDS: &'static [Field] = &[
        hinted("figure_country"),
        select("metric", "metric", FigureMetric::KEYS),
        select("qualifier", "qualifier", CountQualifier::KEYS),
        text("value"),
        hinted("as_of"),
        long("notes"),
        Field { name: "publication", input: Input::Publication, hint: false },
    ];
    const LIST_FIELDS: &'static [&'static str] = &["metric", "qualifier", "as_of", "publication"];

    fn values(&self) -> Values {
        values(&[
            ("figure_country", self.country.clone()),
            ("metric", self.metric.as_str().to_owned()),
            ("qualifier", self.qualifier.as_str().to_owned()),
            ("value", self.value.to_string()),
            ("as_of", self.as_of.iso()),
            ("notes", self.notes.clone().unwrap_or_default()),
            ("publication", self.publication.as_str().to_owned()),
        ])
    }

    fn validate(values: &Values, context: &Context) -> Result<Self, FieldErrors> {
        let mut r = Reader::new(values);
        let country = r.country("figure_country", &context.countries);
        let metric = r.choice("metric", FigureMetric::from_key, Message::new("error-figure-metric"));
        let qualifier = r.choice("qualifier", CountQualifier::from_key, Message::new("error-figure-qualifier"));
        let value = r.raw("value").replace([',', ' ', '\u{a0}'], "").parse::<i32>().ok().filter(|v| *v >= 0);
        if value.is_none() {
            r.fail("value", Message::new("error-figure-value"));
        }
        let as_of = r.date("as_of");
        if as_of.is_none() {
            r.fail("as_of", Message::new("error-figure-as-of"));
        }
        let notes = r.optional("notes", 5000);
        let current =
            context.current.as_ref().and_then(|c| c.get("publication")).and_then(|p| PublicationState::from_key(p));
        let publication = person_form::publication(r.raw("publication"), context.may_publish, current, &mut r.errors);
        let doc = match (metric, qualifier, value, as_of) {
            (Some(metric), Some(qualifier), Some(value), Some(as_of)) => {
                Some(FigureDoc { country, metric, value, qualifier, as_of, notes, publication })
            }
            _ => None,
        };
        r.finish(doc)
    }

    async fn check(conn: &mut PgConnection, doc: &Self, id: Option<i64>) -> sqlx::Result<FieldErrors> {
        let mut errors = FieldErrors::new();
        if edit_facts::figure_taken(conn, doc, id).await? {
            errors.insert("as_of".into(), Message::new("error-figure-taken"));
        }
        Ok(errors)
    }

    async fn list(conn: &mut PgConnection, _query: &str) -> sqlx::Result<Vec<Stored<Self>>> {
        edit_facts::list_figures(conn).await
    }

    fn keep_publication(&mut self, current: &Self) {
        self.publication = current.publication;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(pairs: &[(&str, &str)]) -> Values {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    fn context(may_publish: bool) -> Context {
        Context { countries: vec!["BY".into(), "RU".into()], may_publish, current: None }
    }

    #[test]
    fn a_source_gets_its_address_from_its_title_and_only_web_links() {
        let doc = SourceDoc::validate(
            &typed(&[
                ("title", "Лукашенко помиловал 23 человек"),
                ("source_kind", "news_article"),
                ("published", "2025-07"),
            ]),
            &context(false),
        )
        .unwrap();
        assert_eq!(doc.slug, "lukashenko-pomiloval-23-chelovek");
        assert_eq!(doc.published.unwrap().iso(), "2025-07");
        for url in ["javascript:alert(1)", "ftp://example.org/x", "https://", "example.org"] {
            let errors = SourceDoc::validate(
                &typed(&[("title", "T"), ("source_kind", "report"), ("url", url)]),
                &context(false),
            )
            .unwrap_err();
            assert!(errors.contains_key("url"), "{url}");
        }
        let round = SourceDoc::validate(&doc.values(), &context(false)).unwrap();
        assert_eq!(round, doc, "the form of a stored source saves it unchanged");
    }

    #[test]
    fn a_figure_reads_numbers_as_people_type_them_and_editors_cannot_publish() {
        let fields = [
            ("figure_country", "by"),
            ("metric", "prisoners_held"),
            ("qualifier", "more_than"),
            ("value", "1 150"),
            ("as_of", "2025-02-01"),
            ("publication", "published"),
        ];
        let doc = FigureDoc::validate(&typed(&fields), &context(true)).unwrap();
        assert_eq!((doc.country.as_str(), doc.value, doc.publication), ("BY", 1150, PublicationState::Published));
        let errors = FigureDoc::validate(&typed(&fields), &context(false)).unwrap_err();
        assert_eq!(errors.keys().collect::<Vec<_>>(), ["publication"]);
        let errors =
            FigureDoc::validate(&typed(&[("value", "-3"), ("figure_country", "XX")]), &context(true)).unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["as_of", "figure_country", "metric", "qualifier", "value"]);
    }
}
