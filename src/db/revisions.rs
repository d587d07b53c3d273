//! Revisions: every save made through the admin forms, with the record as its form edits it
//! before and after. Each kind of record turns its document into named text fields
//! ([`Document::fields`]), which is all that history pages, conflicts and the public change
//! log need to show what changed.

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::{PgConnection, Postgres, Transaction};
use time::OffsetDateTime;

pub use crate::domain::RecordKind;
use crate::domain::visibility;

/// A record as its admin form edits it.
pub trait Document: Serialize + DeserializeOwned {
    /// The kind of record: the `record_type` of its revisions, its admin addresses, its table.
    const KIND: RecordKind;

    /// Every field as text, in the order forms show them; keys are turned into words by the
    /// `field-*` messages (`Lang::label("field", key)`).
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
    changes(before, Some(after))
}

/// The fields that differ between two versions; a missing one counts as every field empty
/// (before a creation, after a deletion).
fn changes<D: Document>(before: Option<&D>, after: Option<&D>) -> Vec<FieldChange> {
    let before = before.map(D::fields);
    let after = after.map(D::fields);
    let Some(fields) = after.as_ref().or(before.as_ref()) else { return Vec::new() };
    let value = |side: &Option<Vec<(&'static str, String)>>, i: usize| {
        side.as_ref().map(|fields| fields[i].1.clone()).unwrap_or_default()
    };
    fields
        .iter()
        .enumerate()
        .filter_map(|(i, (field, _))| {
            let (before, after) = (value(&before, i), value(&after, i));
            (before != after).then_some(FieldChange { field, before, after })
        })
        .collect()
}

/// What a revision records; stored as its lower-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "lowercase")]
pub enum Action {
    Create,
    Update,
    Restore,
    /// The record is gone; its revision keeps it as `before`, with no `after`.
    Delete,
    /// A deleted person's case put back from the trash (`db::trash`): the person as restored
    /// is `after`, with no `before`.
    Untrash,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Restore => "restore",
            Action::Delete => "delete",
            Action::Untrash => "untrash",
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
    insert(tx, user_id, record_id, person_id, action, before, Some(after)).await
}

/// Records the deletion of the `D` with id `record_id`, as it was (`before`).
pub async fn record_deletion<D: Document>(
    tx: &mut Transaction<'_, Postgres>,
    user_id: i64,
    record_id: i64,
    person_id: Option<i64>,
    before: &D,
) -> sqlx::Result<()> {
    insert(tx, user_id, record_id, person_id, Action::Delete, Some(before), None).await
}

async fn insert<D: Document>(
    tx: &mut Transaction<'_, Postgres>,
    user_id: i64,
    record_id: i64,
    person_id: Option<i64>,
    action: Action,
    before: Option<&D>,
    after: Option<&D>,
) -> sqlx::Result<()> {
    let changed: Vec<String> = changes(before, after).into_iter().map(|c| c.field.to_owned()).collect();
    // What a public list of changes may name: never a field the public may not see.
    let public_changed: Vec<String> =
        changed.iter().filter(|field| visibility::is_public(D::KIND, field)).cloned().collect();
    let json = |d: Option<&D>| d.map(serde_json::to_value).transpose().map_err(|e| sqlx::Error::Encode(Box::new(e)));
    let (before, after) = (json(before)?, json(after)?);
    sqlx::query!(
        r#"
        insert into revisions (user_id, record_type, record_id, person_id, action, before, after, changed,
                               public_changed)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        "#,
        user_id,
        D::KIND.key(),
        record_id,
        person_id,
        action.as_str(),
        before,
        after,
        &changed,
        &public_changed,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Deletes the record of kind `kind` if it is still at `version`; false when someone changed or
/// deleted it first. What depends on it goes with it (a person's names, detentions, events and
/// recognitions; a record's citations), as the schema's foreign keys say.
pub async fn delete_record(
    tx: &mut Transaction<'_, Postgres>,
    kind: RecordKind,
    id: i64,
    version: i32,
) -> sqlx::Result<bool> {
    // The table's name is one of RecordKind's constants, never input.
    let sql = format!("delete from {} where id = $1 and version = $2", kind.table());
    Ok(sqlx::query(&sql).bind(id).bind(version).execute(&mut **tx).await?.rows_affected() == 1)
}

/// A saved change, as stored; `before` and `after` are documents of `record_type`.
#[derive(Debug, Clone)]
pub struct Revision {
    pub id: i64,
    pub at: OffsetDateTime,
    /// The display name of who saved it (never their e-mail address); `None` once the account
    /// is deleted.
    pub editor: Option<String>,
    pub record_type: RecordKind,
    pub record_id: i64,
    pub action: Action,
    pub before: Option<serde_json::Value>,
    /// `None` after a deletion.
    pub after: Option<serde_json::Value>,
}

impl Revision {
    /// The document after this save, if the revision is of a `D`.
    pub fn after_as<D: Document>(&self) -> Option<D> {
        (self.record_type == D::KIND).then(|| serde_json::from_value(self.after.clone()?).ok()).flatten()
    }

    /// What this save changed, if the revision is of a `D`.
    pub fn changes_as<D: Document>(&self) -> Option<Vec<FieldChange>> {
        if self.record_type != D::KIND {
            return None;
        }
        let parse = |value: &Option<serde_json::Value>| value.clone().and_then(|v| serde_json::from_value::<D>(v).ok());
        let (before, after) = (parse(&self.before), parse(&self.after));
        if after.is_none() && self.action != Action::Delete {
            return None;
        }
        Some(changes(before.as_ref(), after.as_ref()))
    }
}

/// Every revision of one record, newest first.
pub async fn for_record(conn: &mut PgConnection, kind: RecordKind, record_id: i64) -> sqlx::Result<Vec<Revision>> {
    sqlx::query_as!(
        Revision,
        r#"
        select r.id, r.at, coalesce(u.display_name, 'Staff ' || u.id) as "editor?", r.record_type as "record_type: RecordKind", r.record_id,
               r.action as "action: Action", r.before, r.after
        from revisions r left join users u on u.id = r.user_id
        where r.record_type = $1 and r.record_id = $2
        order by r.at desc, r.id desc
        "#,
        kind.key(),
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
        select r.id, r.at, coalesce(u.display_name, 'Staff ' || u.id) as "editor?", r.record_type as "record_type: RecordKind", r.record_id,
               r.action as "action: Action", r.before, r.after
        from revisions r left join users u on u.id = r.user_id
        where r.person_id = $1
        order by r.at desc, r.id desc
        "#,
        person_id
    )
    .fetch_all(conn)
    .await
}
