//! The lookups of the CSV import (`crate::import`): which recorded people an import file's rows
//! name, by public id or by address. One query per kind of key, whatever the file's length.

use sqlx::PgConnection;
use uuid::Uuid;

/// `(public_id, id)` of the people with these public ids.
pub async fn ids_by_public_id(conn: &mut PgConnection, public_ids: &[Uuid]) -> sqlx::Result<Vec<(Uuid, i64)>> {
    let rows =
        sqlx::query!("select public_id, id from people where public_id = any($1)", public_ids).fetch_all(conn).await?;
    Ok(rows.into_iter().map(|r| (r.public_id, r.id)).collect())
}

/// `(slug, id)` of the people with these addresses, or who had them: an address in an older
/// export still finds its person, as the old address still leads to their page.
pub async fn ids_by_slug(conn: &mut PgConnection, slugs: &[String]) -> sqlx::Result<Vec<(String, i64)>> {
    let rows = sqlx::query!(
        r#"
        select slug as "slug!", id as "id!" from people where slug = any($1)
        union all
        select r.slug, r.person_id from person_slug_redirects r
        where r.slug = any($1) and not exists (select from people p where p.slug = r.slug)
        "#,
        slugs
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.slug, r.id)).collect())
}
