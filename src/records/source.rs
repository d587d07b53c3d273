//! A source (an article, a report, a court record) that records cite: its field form, its checks
//! and its SQL.

use serde::{Deserialize, Serialize};
use sqlx::PgConnection;
use sqlx::types::Json;

use super::{At, Context, Field, FieldErrors, Kind, Reader, Record, Stored, Subject, Values, field_error};
use crate::db::Tx;
use crate::db::revisions::{Document, RecordKind};
use crate::domain::{PartialDate, Slug, SourceKind};
use crate::i18n::{Lang, Message};

/// Everything the source form edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDoc {
    pub slug: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<PartialDate>,
    pub kind: SourceKind,
    pub notes: Option<String>,
    /// Who supplied it (the informant): internal, never shown, never exported.
    #[serde(default)]
    pub received_from: Option<String>,
}

impl Document for SourceDoc {
    const KIND: RecordKind = RecordKind::Source;

    fn fields(&self) -> Vec<(&'static str, String)> {
        super::kind_fields(self, &["published"])
    }
}

/// One source by `id`, or those whose title, publisher or address contains `query` (all when it
/// is empty), newest first.
async fn fetch(conn: &mut PgConnection, id: Option<i64>, query: &str) -> sqlx::Result<Vec<Stored<SourceDoc>>> {
    let rows = sqlx::query!(
        r#"
        select id, version,
               to_jsonb(s) || jsonb_build_object('published', partial_date_iso(published_on, published_precision))
                   as "doc!: Json<SourceDoc>"
        from sources s
        where ($1::bigint is null or id = $1)
          and ($2 = '' or strpos(lower(title || ' ' || coalesce(publisher, '') || ' ' || slug), lower($2)) > 0)
        order by id desc
        limit 500
        "#,
        id,
        query
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| Stored::standalone(r.id, r.version, r.doc.0)).collect())
}

impl Record for SourceDoc {
    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(fetch(conn, Some(id), "").await?.pop())
    }

    /// How many records cite the source (a cited source cannot be deleted).
    async fn in_use(conn: &mut PgConnection, id: i64) -> sqlx::Result<i64> {
        sqlx::query_scalar!(r#"select count(*) as "n!" from citations where source_id = $1"#, id).fetch_one(conn).await
    }

    fn title(&self, _lang: Lang) -> String {
        self.title.clone()
    }

    async fn save(tx: &mut Tx, over: Option<At>, _parent: Option<Subject>, doc: &Self) -> sqlx::Result<Option<At>> {
        let (id, version) = super::over(over);
        let saved = sqlx::query!(
            r#"
            with updated as (
                update sources set slug = $3, title = $4, publisher = $5, url = $6, published_on = $7,
                       published_precision = $8, kind = $9, notes = $10, received_from = $11,
                       version = version + 1
                where id = $1 and version = $2
                returning id, version
            ), inserted as (
                insert into sources (slug, title, publisher, url, published_on, published_precision, kind, notes,
                                     received_from)
                select $3, $4, $5, $6, $7, $8, $9, $10, $11 where $1::bigint is null
                returning id, version
            )
            select id as "id!", version as "version!" from updated union all select id, version from inserted
            "#,
            id,
            version,
            doc.slug,
            doc.title,
            doc.publisher,
            doc.url,
            doc.published.map(|d| d.start()),
            doc.published.map(|d| d.precision()) as _,
            doc.kind as SourceKind,
            doc.notes,
            doc.received_from,
        )
        .fetch_optional(&mut **tx)
        .await?;
        Ok(saved.map(|s| (s.id, s.version)))
    }
}

impl Kind for SourceDoc {
    const FIELDS: &'static [Field] = &[
        Field::text("title"),
        Field::hinted("slug"),
        Field::text("publisher"),
        Field::hinted("url"),
        Field::hinted("published"),
        Field::select("source_kind", "source-kind", SourceKind::KEYS),
        Field::long("notes"),
        Field::long("received_from"),
    ];
    const LIST_FIELDS: &'static [&'static str] = &["publisher", "published", "slug"];
    const RENAMED: &'static [(&'static str, &'static str)] = &[("kind", "source_kind")];

    fn validate(values: &Values, _context: &Context) -> Result<Self, FieldErrors> {
        let mut r = Reader::new(values);
        let title = r.required("title", 500, Message::new("error-source-title"));
        let slug = match r.raw("slug") {
            "" => Slug::from_text(&title).map(|s| s.to_string()).unwrap_or_default(),
            typed => typed.to_owned(),
        };
        if slug.parse::<Slug>().is_err() {
            r.fail("slug", Message::new("error-source-slug"));
        }
        let publisher = r.optional("publisher", 300);
        let url = r.url("url");
        let published = r.date("published");
        let kind = r.choice("source_kind", SourceKind::from_key, Message::new("error-source-kind"));
        let notes = r.optional("notes", 5000);
        let received_from = r.optional("received_from", 2000);
        let doc = kind.map(|kind| SourceDoc { slug, title, publisher, url, published, kind, notes, received_from });
        r.finish(doc)
    }

    async fn check(conn: &mut PgConnection, doc: &Self, id: Option<i64>) -> sqlx::Result<FieldErrors> {
        let taken = sqlx::query_scalar!(
            r#"select exists (select from sources where slug = $1 and id is distinct from $2) as "taken!""#,
            doc.slug,
            id
        )
        .fetch_one(conn)
        .await?;
        Ok(if taken { field_error("slug", "error-source-slug-taken") } else { FieldErrors::new() })
    }

    async fn list(conn: &mut PgConnection, query: &str) -> sqlx::Result<Vec<Stored<Self>>> {
        fetch(conn, None, query).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::tests::{context, typed};

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
}
