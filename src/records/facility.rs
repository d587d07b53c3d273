//! A facility (prison, colony, detention centre) where people are held: its field form, its
//! checks and its SQL.

use serde::{Deserialize, Serialize};
use sqlx::PgConnection;
use sqlx::types::Json;

use super::{At, Context, Field, FieldErrors, Kind, Reader, Record, Stored, Subject, Values, field_error};
use crate::db::Tx;
use crate::db::revisions::{Document, RecordKind};
use crate::domain::FacilityKind;
use crate::i18n::{Lang, Message};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacilityDoc {
    pub name: String,
    pub kind: FacilityKind,
    pub country: String,
    pub location: Option<String>,
}

impl Document for FacilityDoc {
    const KIND: RecordKind = RecordKind::Facility;

    fn fields(&self) -> Vec<(&'static str, String)> {
        super::kind_fields(self, &[])
    }
}

/// One facility by `id`, or every one, by country and name.
async fn fetch(conn: &mut PgConnection, id: Option<i64>) -> sqlx::Result<Vec<Stored<FacilityDoc>>> {
    let rows = sqlx::query!(
        r#"
        select id, version, to_jsonb(f) as "doc!: Json<FacilityDoc>"
        from facilities f
        where $1::bigint is null or id = $1
        order by country, name
        "#,
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| Stored::standalone(r.id, r.version, r.doc.0)).collect())
}

impl Record for FacilityDoc {
    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(fetch(conn, Some(id)).await?.pop())
    }

    /// How many detentions name the facility (a facility in use cannot be deleted).
    async fn in_use(conn: &mut PgConnection, id: i64) -> sqlx::Result<i64> {
        sqlx::query_scalar!(r#"select count(*) as "n!" from detentions where facility_id = $1"#, id)
            .fetch_one(conn)
            .await
    }

    fn title(&self, _lang: Lang) -> String {
        self.name.clone()
    }

    async fn save(tx: &mut Tx, over: Option<At>, _parent: Option<Subject>, doc: &Self) -> sqlx::Result<Option<At>> {
        let (id, version) = super::over(over);
        let saved = sqlx::query!(
            r#"
            with updated as (
                update facilities set name = $3, kind = $4, country = $5, location = $6, version = version + 1
                where id = $1 and version = $2
                returning id, version
            ), inserted as (
                insert into facilities (name, kind, country, location)
                select $3, $4, $5, $6 where $1::bigint is null
                returning id, version
            )
            select id as "id!", version as "version!" from updated union all select id, version from inserted
            "#,
            id,
            version,
            doc.name,
            doc.kind as FacilityKind,
            doc.country,
            doc.location,
        )
        .fetch_optional(&mut **tx)
        .await?;
        Ok(saved.map(|s| (s.id, s.version)))
    }
}

impl Kind for FacilityDoc {
    const FIELDS: &'static [Field] = &[
        Field::text("facility_name"),
        Field::select("facility_kind", "facility-kind", FacilityKind::KEYS),
        Field::hinted("facility_country"),
        Field::text("location"),
    ];
    const LIST_FIELDS: &'static [&'static str] = &["facility_kind", "facility_country", "location"];
    const RENAMED: &'static [(&'static str, &'static str)] =
        &[("name", "facility_name"), ("kind", "facility_kind"), ("country", "facility_country")];

    fn validate(values: &Values, context: &Context) -> Result<Self, FieldErrors> {
        let mut r = Reader::new(values);
        let name = r.required("facility_name", 300, Message::new("error-facility-name"));
        let kind = r.choice("facility_kind", FacilityKind::from_key, Message::new("error-facility-kind"));
        let country = r.country("facility_country", &context.countries);
        let location = r.optional("location", 300);
        r.finish(kind.map(|kind| FacilityDoc { name, kind, country, location }))
    }

    /// One facility of a name per country.
    async fn check(conn: &mut PgConnection, doc: &Self, id: Option<i64>) -> sqlx::Result<FieldErrors> {
        let taken = sqlx::query_scalar!(
            r#"select exists (select from facilities where country = $1 and name = $2 and id is distinct from $3) as "taken!""#,
            doc.country,
            doc.name,
            id
        )
        .fetch_one(conn)
        .await?;
        Ok(if taken { field_error("facility_name", "error-facility-taken") } else { FieldErrors::new() })
    }

    async fn list(conn: &mut PgConnection, _query: &str) -> sqlx::Result<Vec<Stored<Self>>> {
        fetch(conn, None).await
    }
}
