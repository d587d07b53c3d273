//! Revisions: every save made through the admin forms, with the record as its form edits it
//! before and after. Each kind of record turns its document into named text fields
//! ([`Document::fields`]), which is all that history pages, conflicts and the public change
//! log need to show what changed.

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::{PgConnection, Postgres, Transaction};
use time::OffsetDateTime;

/// A record as its admin form edits it.
pub trait Document: Serialize + DeserializeOwned {
    /// `person`, `detention`: the `record_type` of its revisions.
    const KIND: &'static str;

    /// Every field as text, in the order forms show them; keys are turned into words by
    /// `templates/fields.html`.
    fn fields(&self) -> Vec<(&'static str, String)>;
}

/// One field that differs between two versions, with both values as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// The fields that differ from `before` (every non-empty field when there is no `before`).
pub fn diff<D: Document>(before: Option<&D>, after: &D) -> Vec<FieldChange> {
    let before_fields = before.map(D::fields);
    after
        .fields()
        .into_iter()
        .enumerate()
        .filter_map(|(i, (field, after))| {
            let before = before_fields.as_ref().map(|b| b[i].1.clone()).unwrap_or_default();
            (before != after).then_some(FieldChange { field, before, after })
        })
        .collect()
}

/// What a revision records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Restore,
    Delete,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Restore => "restore",
            Action::Delete => "delete",
        }
    }
}

/// Records a save of the `D` with id `record_id`, part of `person_id`'s case, by `user_id`.
pub async fn record<D: Document>(
    tx: &mut Transaction<'_, Postgres>,
    user_id: i64,
    record_id: i64,
    person_id: Option<i64>,
    action: Action,
    before: Option<&D>,
    after: &D,
) -> sqlx::Result<()> {
    let changed: Vec<String> = diff(before, after).into_iter().map(|c| c.field.to_owned()).collect();
    let before = before.map(serde_json::to_value).transpose().map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let after = serde_json::to_value(after).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query!(
        r#"
        insert into revisions (user_id, record_type, record_id, person_id, action, before, after, changed)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        "#,
        user_id,
        D::KIND,
        record_id,
        person_id,
        action.as_str(),
        before,
        after,
        &changed,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Records the deletion of the `D` with id `record_id`: `before` keeps the whole record.
pub async fn record_delete<D: Document>(
    tx: &mut Transaction<'_, Postgres>,
    user_id: i64,
    record_id: i64,
    person_id: Option<i64>,
    before: &D,
) -> sqlx::Result<()> {
    let changed: Vec<String> = before.fields().into_iter().map(|(field, _)| field.to_owned()).collect();
    let before = serde_json::to_value(before).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query!(
        r#"
        insert into revisions (user_id, record_type, record_id, person_id, action, before, changed)
        values ($1, $2, $3, $4, 'delete', $5, $6)
        "#,
        user_id,
        D::KIND,
        record_id,
        person_id,
        before,
        &changed,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Deletes the record of kind `kind` (a [`Document::KIND`]) if it is still at `version`; false
/// when someone changed or deleted it first. What depends on it goes with it (a person's names,
/// detentions, events and recognitions; a record's citations), as the schema's foreign keys say.
pub async fn delete_record(
    tx: &mut Transaction<'_, Postgres>,
    kind: &str,
    id: i64,
    version: i32,
) -> sqlx::Result<bool> {
    let sql = match kind {
        "person" => "delete from people where id = $1 and version = $2",
        "detention" => "delete from detentions where id = $1 and version = $2",
        "event" => "delete from events where id = $1 and version = $2",
        "wave" => "delete from waves where id = $1 and version = $2",
        "source" => "delete from sources where id = $1 and version = $2",
        "citation" => "delete from citations where id = $1 and version = $2",
        "recognition" => "delete from recognitions where id = $1 and version = $2",
        "facility" => "delete from facilities where id = $1 and version = $2",
        "figure" => "delete from reported_figures where id = $1 and version = $2",
        _ => return Ok(false),
    };
    Ok(sqlx::query(sql).bind(id).bind(version).execute(&mut **tx).await?.rows_affected() == 1)
}

/// A saved change, as stored; `before` and `after` are documents of `record_type`.
#[derive(Debug, Clone)]
pub struct Revision {
    pub id: i64,
    pub at: OffsetDateTime,
    pub editor: Option<String>,
    pub record_type: String,
    pub record_id: i64,
    pub action: String,
    pub before: Option<serde_json::Value>,
    /// Absent after a deletion.
    pub after: Option<serde_json::Value>,
}

impl Revision {
    /// The document after this save, if the revision is of a `D`.
    pub fn after_as<D: Document>(&self) -> Option<D> {
        let after = self.after.clone().filter(|_| self.record_type == D::KIND)?;
        serde_json::from_value(after).ok()
    }

    /// What this save changed, if the revision is of a `D`; for a deletion, every field that
    /// had a value.
    pub fn changes_as<D: Document>(&self) -> Option<Vec<FieldChange>> {
        let before: Option<D> = self.before.clone().and_then(|b| serde_json::from_value(b).ok());
        if self.action == "delete" && self.record_type == D::KIND {
            let fields = before?.fields().into_iter().filter(|(_, value)| !value.is_empty());
            return Some(fields.map(|(field, before)| FieldChange { field, before, after: String::new() }).collect());
        }
        let after: D = self.after_as()?;
        Some(diff(before.as_ref(), &after))
    }
}

/// Every revision of one record, newest first.
pub async fn for_record(conn: &mut PgConnection, kind: &str, record_id: i64) -> sqlx::Result<Vec<Revision>> {
    sqlx::query_as!(
        Revision,
        r#"
        select r.id, r.at, u.email as "editor?", r.record_type, r.record_id, r.action,
               r.before, r.after
        from revisions r left join users u on u.id = r.user_id
        where r.record_type = $1 and r.record_id = $2
        order by r.at desc, r.id desc
        "#,
        kind,
        record_id
    )
    .fetch_all(conn)
    .await
}

/// Every revision of a person's records, newest first.
pub async fn for_person(conn: &mut PgConnection, person_id: i64) -> sqlx::Result<Vec<Revision>> {
    sqlx::query_as!(
        Revision,
        r#"
        select r.id, r.at, u.email as "editor?", r.record_type, r.record_id, r.action,
               r.before, r.after
        from revisions r left join users u on u.id = r.user_id
        where r.person_id = $1
        order by r.at desc, r.id desc
        "#,
        person_id
    )
    .fetch_all(conn)
    .await
}
