//! The trash of deleted people (migration 0021): a person's whole case (names, texts,
//! citizenships, old slugs, photo, detentions and their charges, events and their texts,
//! recognitions, every citation of any of them, changes waiting for review) copied as JSON
//! before the rows are deleted, restorable exactly for [`KEPT_DAYS`] days, then purged. The
//! purged row keeps only the addresses, so that they answer 410 Gone for good.
//!
//! Deleting the rows, rather than flagging them, keeps every public query correct by
//! construction: nothing that reads `people` can show someone who is in the trash.

use sqlx::{PgConnection, Postgres, Transaction};
use time::OffsetDateTime;

use crate::db::users::{AuditAction, User};

/// How long a deleted person's case can be restored.
pub const KEPT_DAYS: i32 = 30;

/// Copies person `person_id`'s case into the trash and deletes it, if the person is still at
/// `version`; `false` when someone saved first (nothing is changed then).
pub async fn move_person(
    tx: &mut Transaction<'_, Postgres>,
    person_id: i64,
    version: i32,
    user_id: i64,
) -> sqlx::Result<bool> {
    let kept = sqlx::query_scalar!(
        r#"
        insert into trash (person_id, slugs, was_public, title, deleted_by, rows)
        select p.id,
               array[p.slug] || array(select r.slug from person_slug_redirects r where r.person_id = p.id order by r.slug),
               p.public,
               coalesce(person_display_name(p.id, 'en'), p.slug),
               $3,
               person_case(p.id)
        from people p
        where p.id = $1 and p.version = $2
        returning id
        "#,
        person_id,
        version,
        user_id
    )
    .fetch_optional(&mut **tx)
    .await?;
    if kept.is_none() {
        return Ok(false);
    }
    sqlx::query!("delete from people where id = $1", person_id).execute(&mut **tx).await?;
    Ok(true)
}

/// A deleted person, as the trash page lists them.
#[derive(Debug, Clone)]
pub struct TrashEntry {
    pub id: i64,
    pub person_id: i64,
    pub title: String,
    pub was_public: bool,
    pub deleted_at: OffsetDateTime,
    /// Who deleted them (a display name, never an e-mail address); `None` once the account is gone.
    pub deleted_by: Option<String>,
    /// When the case will be purged.
    pub purge_at: OffsetDateTime,
}

/// The people in the trash, most recently deleted first.
pub async fn list(conn: &mut PgConnection) -> sqlx::Result<Vec<TrashEntry>> {
    sqlx::query_as!(
        TrashEntry,
        r#"
        select t.id, t.person_id, t.title as "title!", t.was_public, t.deleted_at,
               coalesce(u.display_name, 'Staff ' || u.id) as "deleted_by?",
               t.deleted_at + make_interval(days => $1) as "purge_at!"
        from trash t left join users u on u.id = t.deleted_by
        where t.purged_at is null
        order by t.deleted_at desc, t.id desc
        "#,
        KEPT_DAYS
    )
    .fetch_all(conn)
    .await
}

/// Why a case could not be put back.
#[derive(Debug)]
pub enum RestoreRefused {
    /// Not in the trash (restored already, purged, or never there).
    Gone,
    /// Its address now belongs to someone else.
    SlugTaken,
    /// Something it points to (a source, a wave, a facility) was deleted meanwhile.
    Missing,
}

/// Puts the case of trash entry `id` back, with its ids and slugs, and empties the entry; the
/// person's id. Runs in the caller's transaction: a refusal leaves the transaction unusable.
pub async fn restore(tx: &mut Transaction<'_, Postgres>, id: i64) -> sqlx::Result<Result<i64, RestoreRefused>> {
    let Some(entry) = sqlx::query!(
        r#"
        select person_id, rows as "rows!"
        from trash
        where id = $1 and purged_at is null and deleted_at > now() - make_interval(days => $2)
        for update
        "#,
        id,
        KEPT_DAYS
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(Err(RestoreRefused::Gone));
    };
    let restored = sqlx::query!("select restore_person_case($1)", entry.rows).execute(&mut **tx).await;
    if let Err(sqlx::Error::Database(error)) = &restored {
        if error.is_unique_violation() {
            return Ok(Err(RestoreRefused::SlugTaken));
        }
        if error.is_foreign_key_violation() {
            return Ok(Err(RestoreRefused::Missing));
        }
    }
    restored?;
    sqlx::query!("delete from trash where id = $1", id).execute(&mut **tx).await?;
    Ok(Ok(entry.person_id))
}

/// Purges the cases deleted more than [`KEPT_DAYS`] days ago: the copy and its title go, the
/// addresses stay (for the 410). Each purge is a line of the audit log, by `user` (an admin
/// visiting the trash page) or by no one (the server's sweep), written by the same statement.
/// The ids of the people purged.
pub async fn purge_expired(conn: &mut PgConnection, user: Option<&User>) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar!(
        r#"
        with purged as (
            update trash set rows = null, title = null, purged_at = now()
            where purged_at is null and deleted_at <= now() - make_interval(days => $1)
            returning id, person_id
        )
        insert into audit_log (action, user_id, email, detail)
        select $2, $3, $4, jsonb_build_object('trash', id, 'person', person_id) from purged
        returning (detail ->> 'person')::bigint as "person_id!"
        "#,
        KEPT_DAYS,
        AuditAction::TrashPurged.as_str(),
        user.map(|u| u.id),
        user.map(|u| u.email.as_str()),
    )
    .fetch_all(conn)
    .await
}

/// When the person who answered at `slug` while shown by name was deleted (the latest such
/// deletion), whether their case is still in the trash or purged. Drafts and withheld people
/// are not found, so their addresses stay a plain 404.
pub async fn gone_since(conn: &mut PgConnection, slug: &str) -> sqlx::Result<Option<OffsetDateTime>> {
    sqlx::query_scalar!(
        r#"select max(deleted_at) as "deleted_at" from trash where was_public and slugs @> array[$1::text]"#,
        slug
    )
    .fetch_one(conn)
    .await
}
