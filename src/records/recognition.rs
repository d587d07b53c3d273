//! A recognition: an organisation recognising a person as a political prisoner. Its field form,
//! its checks and its SQL.

use serde::{Deserialize, Serialize};
use sqlx::PgConnection;
use sqlx::types::Json;

use super::{At, Context, Field, FieldErrors, Kind, Reader, Record, Stored, Subject, Values};
use crate::db::Tx;
use crate::db::revisions::{Document, RecordKind};
use crate::domain::PartialDate;
use crate::i18n::{Lang, Message};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecognitionDoc {
    pub organisation: String,
    pub recognised: Option<PartialDate>,
    pub url: Option<String>,
}

impl Document for RecognitionDoc {
    const KIND: RecordKind = RecordKind::Recognition;

    fn fields(&self) -> Vec<(&'static str, String)> {
        super::kind_fields(self, &["recognised"])
    }
}

/// Recognitions, oldest first: one by `id`, or all of `person_id`'s.
pub async fn list(
    conn: &mut PgConnection,
    id: Option<i64>,
    person_id: Option<i64>,
) -> sqlx::Result<Vec<Stored<RecognitionDoc>>> {
    let rows = sqlx::query!(
        r#"
        select id, person_id, version, to_jsonb(r) || jsonb_build_object('recognised', partial_date_iso(recognised_on, recognised_precision)) as "doc!: Json<RecognitionDoc>"
        from recognitions r
        where ($1::bigint is null or id = $1) and ($2::bigint is null or person_id = $2)
        order by recognised_on nulls last, id
        "#,
        id,
        person_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| Stored::of_person(r.id, r.version, r.person_id, r.doc.0)).collect())
}

impl Record for RecognitionDoc {
    const CITABLE: bool = true;
    const PARENTS: &'static [RecordKind] = &[RecordKind::Person];

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(list(conn, Some(id), None).await?.pop())
    }

    fn title(&self, _lang: Lang) -> String {
        self.organisation.clone()
    }

    async fn save(tx: &mut Tx, over: Option<At>, parent: Option<Subject>, doc: &Self) -> sqlx::Result<Option<At>> {
        let person_id = Subject::new_part(parent, over, Self::KIND)?;
        let (id, version) = super::over(over);
        let saved = sqlx::query!(
            r#"
            with updated as (
                update recognitions set organisation = $4, recognised_on = $5, recognised_precision = $6, url = $7,
                       version = version + 1
                where id = $1 and version = $2
                returning id, version
            ), inserted as (
                insert into recognitions (person_id, organisation, recognised_on, recognised_precision, url)
                select $3, $4, $5, $6, $7 where $1::bigint is null
                returning id, version
            )
            select id as "id!", version as "version!" from updated union all select id, version from inserted
            "#,
            id,
            version,
            person_id,
            doc.organisation,
            doc.recognised.map(|d| d.start()),
            doc.recognised.map(|d| d.precision()) as _,
            doc.url,
        )
        .fetch_optional(&mut **tx)
        .await?;
        Ok(saved.map(|s| (s.id, s.version)))
    }
}

impl Kind for RecognitionDoc {
    const FIELDS: &'static [Field] = &[Field::text("organisation"), Field::hinted("recognised"), Field::hinted("url")];
    const LISTED: bool = false;

    fn validate(values: &Values, _context: &Context) -> Result<Self, FieldErrors> {
        let mut r = Reader::new(values);
        let organisation = r.required("organisation", 300, Message::new("error-recognition-organisation"));
        let recognised = r.date("recognised");
        let url = r.url("url");
        r.finish(Some(RecognitionDoc { organisation, recognised, url }))
    }
}
