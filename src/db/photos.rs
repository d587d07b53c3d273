//! Photos of people (migration 0008): one current photo per person, stored as the re-encoded
//! JPEG that `crate::photo` made. Every write takes the version the form was loaded at, like
//! the other records, so that two editors replacing one photo cannot silently undo each other.

use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, Postgres, Transaction};

use super::revisions::{Document, RecordKind};
use crate::photo::{CONTENT_TYPE, Processed};

/// A photo as its revisions record it: what the form sets and what identifies the image.
/// The image itself is not kept in revisions: a removed or replaced photo is gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoDoc {
    pub alt_text: String,
    pub credit: Option<String>,
    pub sha256: String,
    pub width: i32,
    pub height: i32,
}

impl PhotoDoc {
    /// The document for an image processed from an upload, with the words typed beside it.
    pub fn new(processed: &Processed, alt_text: String, credit: Option<String>) -> Self {
        let side = |pixels: u32| i32::try_from(pixels).unwrap_or(i32::MAX);
        PhotoDoc {
            alt_text,
            credit,
            sha256: processed.sha256.clone(),
            width: side(processed.width),
            height: side(processed.height),
        }
    }
}

impl Document for PhotoDoc {
    const KIND: RecordKind = RecordKind::Photo;

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("alt_text", self.alt_text.clone()),
            ("photo_credit", self.credit.clone().unwrap_or_default()),
            ("photo_image", format!("{} × {}, SHA-256 {}", self.width, self.height, self.sha256)),
        ]
    }
}

/// A person's current photo, without its bytes.
#[derive(Debug, Clone)]
pub struct StoredPhoto {
    pub id: i64,
    pub doc: PhotoDoc,
    pub version: i32,
}

impl StoredPhoto {
    /// Enough of the hash to make each image's address its own.
    pub fn tag(&self) -> &str {
        &self.doc.sha256[..16]
    }
}

/// A row of `photos` without the image.
struct PhotoRow {
    id: i64,
    alt_text: String,
    credit: Option<String>,
    sha256: String,
    width: i32,
    height: i32,
    version: i32,
}

impl From<PhotoRow> for StoredPhoto {
    fn from(r: PhotoRow) -> Self {
        StoredPhoto {
            id: r.id,
            doc: PhotoDoc {
                alt_text: r.alt_text,
                credit: r.credit,
                sha256: r.sha256,
                width: r.width,
                height: r.height,
            },
            version: r.version,
        }
    }
}

/// The person's photo, if they have one.
pub async fn for_person(conn: &mut PgConnection, person_id: i64) -> sqlx::Result<Option<StoredPhoto>> {
    let row = sqlx::query_as!(
        PhotoRow,
        r#"
        select id, alt_text, credit, sha256, width, height, version
        from photos where person_id = $1
        "#,
        person_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(StoredPhoto::from))
}

/// Adds a photo to a person who has none; `None` when someone added one meanwhile.
pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    person_id: i64,
    doc: &PhotoDoc,
    jpeg: &[u8],
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar!(
        r#"
        insert into photos (person_id, content_type, bytes, width, height, sha256, alt_text, credit)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        on conflict (person_id) do nothing
        returning id
        "#,
        person_id,
        CONTENT_TYPE,
        jpeg,
        doc.width,
        doc.height,
        doc.sha256,
        doc.alt_text,
        doc.credit,
    )
    .fetch_optional(&mut **tx)
    .await
}

/// Saves `doc` over photo `id` if it is still at `version`, with a new image when `jpeg` is
/// given; `None` when it changed or went meanwhile.
pub async fn update(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    doc: &PhotoDoc,
    jpeg: Option<&[u8]>,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar!(
        r#"
        update photos set bytes = coalesce($3, bytes), width = $4, height = $5, sha256 = $6,
               alt_text = $7, credit = $8, version = version + 1
        where id = $1 and version = $2
        returning id
        "#,
        id,
        version,
        jpeg,
        doc.width,
        doc.height,
        doc.sha256,
        doc.alt_text,
        doc.credit,
    )
    .fetch_optional(&mut **tx)
    .await
}

/// Removes photo `id` of the person if it is still at `version`; the photo as it was, or `None`.
pub async fn remove(
    tx: &mut Transaction<'_, Postgres>,
    person_id: i64,
    id: i64,
    version: i32,
) -> sqlx::Result<Option<StoredPhoto>> {
    let row = sqlx::query_as!(
        PhotoRow,
        r#"
        delete from photos where id = $1 and person_id = $2 and version = $3
        returning id, alt_text, credit, sha256, width, height, version
        "#,
        id,
        person_id,
        version
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(StoredPhoto::from))
}

/// An image as served, with what its response needs.
#[derive(Debug, Clone)]
pub struct PhotoFile {
    pub bytes: Vec<u8>,
    pub content_type: String,
    pub sha256: String,
    /// The person's address, for the name a saved copy gets.
    pub slug: String,
}

/// The image of photo `id`, only if its person is published.
pub async fn published_file(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<PhotoFile>> {
    sqlx::query_as!(
        PhotoFile,
        r#"
        select ph.bytes, ph.content_type, ph.sha256, p.slug
        from photos ph join people p on p.id = ph.person_id
        where ph.id = $1 and p.public
        "#,
        id
    )
    .fetch_optional(conn)
    .await
}

/// The image of a person's photo, published or not (for the admin pages).
pub async fn file_for_person(conn: &mut PgConnection, person_id: i64) -> sqlx::Result<Option<PhotoFile>> {
    sqlx::query_as!(
        PhotoFile,
        r#"
        select ph.bytes, ph.content_type, ph.sha256, p.slug
        from photos ph join people p on p.id = ph.person_id
        where ph.person_id = $1
        "#,
        person_id
    )
    .fetch_optional(conn)
    .await
}
