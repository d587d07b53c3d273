//! Changes waiting for an admin's review (`pending_changes`): an editor's change to a published
//! record is kept here, not written, until an admin approves it (`web::admin::review`).

use serde_json::Value;
use sqlx::PgConnection;
use time::OffsetDateTime;

use super::revisions::{Action, Document, RecordKind, Revision};

/// A change waiting for review.
#[derive(Debug, Clone)]
pub struct Pending {
    pub id: i64,
    pub record_type: RecordKind,
    /// `None`: a new record, part of `parent`.
    pub record_id: Option<i64>,
    pub parent: Option<(RecordKind, i64)>,
    pub person_id: Option<i64>,
    pub base_version: Option<i32>,
    /// The record as it was when the change was made, and as the change would make it.
    pub before: Option<Value>,
    pub doc: Value,
    pub user_id: i64,
    /// The display name of who made it.
    pub editor: String,
    pub created_at: OffsetDateTime,
}

impl Pending {
    /// The change as a revision would show it, for the field-by-field table.
    pub fn as_revision(&self) -> Revision {
        Revision {
            id: self.id,
            at: self.created_at,
            editor: Some(self.editor.clone()),
            record_type: self.record_type,
            record_id: self.record_id.unwrap_or_default(),
            action: if self.record_id.is_some() { Action::Update } else { Action::Create },
            before: self.before.clone(),
            after: Some(self.doc.clone()),
        }
    }

    /// The document the change would save, if it is of a `D`.
    pub fn doc_as<D: Document>(&self) -> Option<D> {
        (self.record_type == D::KIND).then(|| serde_json::from_value(self.doc.clone()).ok()).flatten()
    }
}

/// What an editor's held change is about.
pub struct Hold<'a, D: Document> {
    pub record_id: Option<i64>,
    pub parent: Option<(RecordKind, i64)>,
    pub person_id: Option<i64>,
    pub base_version: Option<i32>,
    pub before: Option<&'a D>,
    pub doc: &'a D,
    pub user_id: i64,
}

/// Keeps a change for review; a newer change to the same record replaces the one waiting.
pub async fn hold<D: Document>(conn: &mut PgConnection, hold: Hold<'_, D>) -> sqlx::Result<i64> {
    let json = |d: &D| serde_json::to_value(d).map_err(|e| sqlx::Error::Encode(Box::new(e)));
    let before = hold.before.map(json).transpose()?;
    let doc = json(hold.doc)?;
    if let Some(record_id) = hold.record_id {
        sqlx::query!("delete from pending_changes where record_type = $1 and record_id = $2", D::KIND.key(), record_id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query_scalar!(
        r#"
        insert into pending_changes (record_type, record_id, parent_type, parent_id, person_id, base_version,
                                     before, doc, user_id)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        returning id
        "#,
        D::KIND.key(),
        hold.record_id,
        hold.parent.map(|(kind, _)| kind.key()),
        hold.parent.map(|(_, id)| id),
        hold.person_id,
        hold.base_version,
        before,
        doc,
        hold.user_id,
    )
    .fetch_one(conn)
    .await
}

/// Pending changes, oldest first: all of them (`id` `None`), or one.
pub async fn list(conn: &mut PgConnection, id: Option<i64>) -> sqlx::Result<Vec<Pending>> {
    let rows = sqlx::query!(
        r#"
        select c.id, c.record_type as "record_type: RecordKind", c.record_id,
               c.parent_type as "parent_type: RecordKind", c.parent_id, c.person_id, c.base_version,
               c.before, c.doc, c.user_id, coalesce(u.display_name, 'Staff ' || u.id) as "editor!", c.created_at
        from pending_changes c join users u on u.id = c.user_id
        where $1::bigint is null or c.id = $1
        order by c.created_at, c.id
        "#,
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Pending {
            id: r.id,
            record_type: r.record_type,
            record_id: r.record_id,
            parent: r.parent_type.zip(r.parent_id),
            person_id: r.person_id,
            base_version: r.base_version,
            before: r.before,
            doc: r.doc,
            user_id: r.user_id,
            editor: r.editor,
            created_at: r.created_at,
        })
        .collect())
}

/// The change waiting for record `id` of `kind`, if any.
pub async fn for_record(conn: &mut PgConnection, kind: RecordKind, id: i64) -> sqlx::Result<Option<Pending>> {
    let found =
        sqlx::query_scalar!("select id from pending_changes where record_type = $1 and record_id = $2", kind.key(), id)
            .fetch_optional(&mut *conn)
            .await?;
    match found {
        Some(pending) => Ok(list(conn, Some(pending)).await?.pop()),
        None => Ok(None),
    }
}

/// How many changes wait.
pub async fn count(conn: &mut PgConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"select count(*) as "n!" from pending_changes"#).fetch_one(conn).await
}

/// Takes a change out of the queue (approved or rejected); false if it was gone already.
pub async fn remove(conn: &mut PgConnection, id: i64) -> sqlx::Result<bool> {
    Ok(sqlx::query!("delete from pending_changes where id = $1", id).execute(conn).await?.rows_affected() == 1)
}

/// Whether the person or the wave is published (what review guards).
pub async fn published(conn: &mut PgConnection, person: Option<i64>, wave: Option<i64>) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"select exists (select from people where id = $1 and publication = 'published')
               or exists (select from waves where id = $2 and publication = 'published') as "published!""#,
        person,
        wave
    )
    .fetch_one(conn)
    .await
}

/// Whether `slug` names a wave still in draft.
pub async fn draft_wave(conn: &mut PgConnection, slug: Option<&str>) -> sqlx::Result<bool> {
    let Some(slug) = slug else { return Ok(false) };
    sqlx::query_scalar!(
        r#"select exists (select from waves where slug = $1 and publication = 'draft') as "draft!""#,
        slug
    )
    .fetch_one(conn)
    .await
}
