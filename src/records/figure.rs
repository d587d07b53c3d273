//! A reported figure: a country's total as published (prisoners held, releases), with its
//! qualifier and date. Its field form, its checks and its SQL.

use serde::{Deserialize, Serialize};
use sqlx::PgConnection;
use sqlx::types::Json;

use super::{At, Context, Field, FieldErrors, Input, Kind, Reader, Record, Stored, Subject, Values, field_error};
use crate::db::Tx;
use crate::db::revisions::{Document, RecordKind};
use crate::domain::{CountQualifier, FigureMetric, PartialDate, PublicationState};
use crate::i18n::{Lang, Message};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureDoc {
    pub country: String,
    pub metric: FigureMetric,
    pub value: i32,
    pub qualifier: CountQualifier,
    pub as_of: PartialDate,
    pub notes: Option<String>,
    pub publication: PublicationState,
}

impl Document for FigureDoc {
    const KIND: RecordKind = RecordKind::Figure;

    fn fields(&self) -> Vec<(&'static str, String)> {
        super::kind_fields(self, &["as_of"])
    }
}

/// One figure by `id`, or every one, newest first.
async fn fetch(conn: &mut PgConnection, id: Option<i64>) -> sqlx::Result<Vec<Stored<FigureDoc>>> {
    let rows = sqlx::query!(
        r#"
        select id, version, to_jsonb(f) || jsonb_build_object('as_of', partial_date_iso(as_of, as_of_precision))
                                as "doc!: Json<FigureDoc>"
        from reported_figures f
        where $1::bigint is null or id = $1
        order by as_of desc, country, metric
        "#,
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| Stored::standalone(r.id, r.version, r.doc.0)).collect())
}

impl Record for FigureDoc {
    const CITABLE: bool = true;

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(fetch(conn, Some(id)).await?.pop())
    }

    fn publication(&self) -> Option<PublicationState> {
        Some(self.publication)
    }

    fn title(&self, lang: Lang) -> String {
        format!("{} {} {}", self.country, lang.number(self.value), lang.date(&self.as_of))
    }

    async fn save(tx: &mut Tx, over: Option<At>, _parent: Option<Subject>, doc: &Self) -> sqlx::Result<Option<At>> {
        let (id, version) = super::over(over);
        let saved = sqlx::query!(
            r#"
            with updated as (
                update reported_figures set country = $3, metric = $4, value = $5, qualifier = $6, as_of = $7,
                       as_of_precision = $8, notes = $9, publication = $10, version = version + 1
                where id = $1 and version = $2
                returning id, version
            ), inserted as (
                insert into reported_figures (country, metric, value, qualifier, as_of, as_of_precision, notes, publication)
                select $3, $4, $5, $6, $7, $8, $9, $10 where $1::bigint is null
                returning id, version
            )
            select id as "id!", version as "version!" from updated union all select id, version from inserted
            "#,
            id,
            version,
            doc.country,
            doc.metric as FigureMetric,
            doc.value,
            doc.qualifier as CountQualifier,
            doc.as_of.start(),
            doc.as_of.precision() as _,
            doc.notes,
            doc.publication as PublicationState,
        )
        .fetch_optional(&mut **tx)
        .await?;
        Ok(saved.map(|s| (s.id, s.version)))
    }
}

impl Kind for FigureDoc {
    const FIELDS: &'static [Field] = &[
        Field::hinted("figure_country"),
        Field::select("metric", "figure-metric", FigureMetric::KEYS),
        Field::select("qualifier", "qualifier", CountQualifier::KEYS),
        Field::text("value"),
        Field::hinted("as_of"),
        Field::long("notes"),
        Field { name: "publication", input: Input::Publication, hint: false },
    ];
    const LIST_FIELDS: &'static [&'static str] = &["metric", "qualifier", "as_of", "publication"];
    const RENAMED: &'static [(&'static str, &'static str)] = &[("country", "figure_country")];

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
        let current = context.current.as_ref().and_then(|c| PublicationState::from_key(c.get("publication")?));
        let publication = r.publication(r.raw("publication"), context.may_publish, current);
        let doc = match (metric, qualifier, value, as_of) {
            (Some(metric), Some(qualifier), Some(value), Some(as_of)) => {
                Some(FigureDoc { country, metric, value, qualifier, as_of, notes, publication })
            }
            _ => None,
        };
        r.finish(doc)
    }

    /// One number per country, metric and day.
    async fn check(conn: &mut PgConnection, doc: &Self, id: Option<i64>) -> sqlx::Result<FieldErrors> {
        let taken = sqlx::query_scalar!(
            r#"
            select exists (select from reported_figures
                           where country = $1 and metric = $2 and as_of = $3 and id is distinct from $4) as "taken!"
            "#,
            doc.country,
            doc.metric as FigureMetric,
            doc.as_of.start(),
            id
        )
        .fetch_one(conn)
        .await?;
        Ok(if taken { field_error("as_of", "error-figure-taken") } else { FieldErrors::new() })
    }

    async fn list(conn: &mut PgConnection, _query: &str) -> sqlx::Result<Vec<Stored<Self>>> {
        fetch(conn, None).await
    }

    fn keep_publication(&mut self, current: &Self) {
        self.publication = current.publication;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::tests::{context, typed};

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
        assert_eq!(FigureDoc::validate(&doc.values(), &context(true)).as_ref(), Ok(&doc), "saved unchanged");
        let errors = FigureDoc::validate(&typed(&fields), &context(false)).unwrap_err();
        assert_eq!(errors.keys().collect::<Vec<_>>(), ["publication"]);
        let errors =
            FigureDoc::validate(&typed(&[("value", "-3"), ("figure_country", "XX")]), &context(true)).unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["as_of", "figure_country", "metric", "qualifier", "value"]);
    }
}
