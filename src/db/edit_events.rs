//! Writing the events of a person's case (arrest, trial, verdict, transfer, hunger strike, …)
//! through the admin forms.

use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, Postgres, Transaction};

use super::revisions::{Document, RecordKind};
use crate::domain::{EventKind, PartialDate};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDoc {
    pub kind: EventKind,
    pub occurred: PartialDate,
    pub description: String,
}

impl Document for EventDoc {
    const KIND: RecordKind = RecordKind::Event;

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("event_kind", self.kind.as_str().to_owned()),
            ("occurred", self.occurred.to_string()),
            ("description", self.description.clone()),
        ]
    }
}

#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub id: i64,
    pub person_id: i64,
    pub doc: EventDoc,
    pub version: i32,
}

pub async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<StoredEvent>> {
    Ok(fetch(conn, Some(id), None).await?.pop())
}

/// A person's events, in date order.
pub async fn list_for_person(conn: &mut PgConnection, person_id: i64) -> sqlx::Result<Vec<StoredEvent>> {
    fetch(conn, None, Some(person_id)).await
}

/// One event by id, or all of a person's: one statement either way.
async fn fetch(conn: &mut PgConnection, id: Option<i64>, person_id: Option<i64>) -> sqlx::Result<Vec<StoredEvent>> {
    let rows = sqlx::query!(
        r#"
        select id, person_id, version, kind as "kind: EventKind",
               partial_date_iso(occurred_on, occurred_precision) as "occurred!", description
        from events
        where ($1::bigint is null or id = $1) and ($2::bigint is null or person_id = $2)
        order by occurred_on, id
        "#,
        id,
        person_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(StoredEvent {
                id: r.id,
                person_id: r.person_id,
                version: r.version,
                doc: EventDoc { kind: r.kind, occurred: r.occurred.parse().ok()?, description: r.description },
            })
        })
        .collect())
}

pub async fn insert(tx: &mut Transaction<'_, Postgres>, person_id: i64, doc: &EventDoc) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"
        insert into events (person_id, kind, occurred_on, occurred_precision, description)
        values ($1, $2, $3, $4, $5)
        returning id
        "#,
        person_id,
        doc.kind as EventKind,
        doc.occurred.start(),
        doc.occurred.precision() as _,
        doc.description,
    )
    .fetch_one(&mut **tx)
    .await
}

/// Saves `doc` over the event if it is still at `version`; `None` when someone saved first.
pub async fn update(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    doc: &EventDoc,
) -> sqlx::Result<Option<i32>> {
    sqlx::query_scalar!(
        r#"
        update events set kind = $3, occurred_on = $4, occurred_precision = $5, description = $6,
               version = version + 1
        where id = $1 and version = $2
        returning version
        "#,
        id,
        version,
        doc.kind as EventKind,
        doc.occurred.start(),
        doc.occurred.precision() as _,
        doc.description,
    )
    .fetch_optional(&mut **tx)
    .await
}
