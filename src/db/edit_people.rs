//! Writing people through the admin forms: a person as one document (the row, their names and
//! citizenships), saved only over the version it was loaded at, with a revision for each save.

use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use sqlx::{PgConnection, Postgres, Transaction};
use time::OffsetDateTime;

use super::revisions::{Document, RecordKind};
use crate::domain::{NameKind, PartialDate, PublicationState, Sex};
use crate::search::key::name_key;

/// Everything the person form edits. Revisions store it as JSON, before and after each save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDoc {
    pub slug: String,
    pub publication: PublicationState,
    pub sex: Option<Sex>,
    pub born: Option<PartialDate>,
    pub occupation: Option<String>,
    pub region: Option<String>,
    pub biography: Option<String>,
    pub names: Vec<NameDoc>,
    /// ISO 3166 codes, sorted.
    pub citizenships: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameDoc {
    pub name: String,
    pub lang: Option<String>,
    pub script: String,
    pub kind: NameKind,
}

/// A person as stored, with the version a form must carry to save over it.
#[derive(Debug, Clone)]
pub struct StoredPerson {
    pub id: i64,
    pub doc: PersonDoc,
    pub version: i32,
}

pub async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<StoredPerson>> {
    let row = sqlx::query!(
        r#"
        select p.id, p.slug, p.publication as "publication: PublicationState", p.sex as "sex: Sex",
               partial_date_iso(p.born_on, p.born_precision) as born,
               p.occupation, p.region, p.biography, p.version,
               (select coalesce(json_agg(json_build_object(
                        'name', n.name, 'lang', n.lang, 'script', n.script, 'kind', n.kind) order by n.id), '[]')
                from person_names n where n.person_id = p.id) as "names!: Json<Vec<NameDoc>>",
               (select coalesce(array_agg(c.country order by c.country), '{}')
                from person_citizenships c where c.person_id = p.id) as "citizenships!"
        from people p where p.id = $1
        "#,
        id
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| StoredPerson {
        id: r.id,
        doc: PersonDoc {
            slug: r.slug,
            publication: r.publication,
            sex: r.sex,
            born: super::parse_date(r.born),
            occupation: r.occupation,
            region: r.region,
            biography: r.biography,
            names: r.names.0,
            citizenships: r.citizenships,
        },
        version: r.version,
    }))
}

/// A person as the admin list shows them.
pub struct Listed {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub publication: PublicationState,
    pub updated_at: OffsetDateTime,
}

/// The latest-changed 100 people whose names fold to something containing `key` (a search
/// key) or whose address contains `text`; everyone when both are empty.
pub async fn find(conn: &mut PgConnection, key: &str, text: &str) -> sqlx::Result<Vec<Listed>> {
    sqlx::query_as!(
        Listed,
        r#"
        select p.id, p.slug, coalesce(person_display_name(p.id, 'en'), p.slug) as "name!",
               p.publication as "publication: PublicationState", p.updated_at
        from people p
        where $1 = '' or p.slug like '%' || $2 || '%'
           or exists (select from person_names n where n.person_id = p.id and n.search_key like '%' || $1 || '%')
        order by p.updated_at desc, p.id desc
        limit 100
        "#,
        key,
        text.replace(['%', '_'], ""),
    )
    .fetch_all(conn)
    .await
}

/// Whether another person already has `slug` (or had it: old slugs keep redirecting).
pub async fn slug_taken(conn: &mut PgConnection, slug: &str, except: Option<i64>) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"
        select exists (select from people where slug = $1 and id is distinct from $2)
            or exists (select from person_slug_redirects where slug = $1 and person_id is distinct from $2)
            as "taken!"
        "#,
        slug,
        except
    )
    .fetch_one(conn)
    .await
}

async fn write_parts(tx: &mut Transaction<'_, Postgres>, id: i64, doc: &PersonDoc) -> sqlx::Result<()> {
    sqlx::query!("delete from person_names where person_id = $1", id).execute(&mut **tx).await?;
    for n in &doc.names {
        sqlx::query!(
            "insert into person_names (person_id, name, lang, script, kind, search_key) values ($1, $2, $3, $4, $5, $6)",
            id,
            n.name,
            n.lang,
            n.script,
            n.kind as NameKind,
            name_key(&n.name),
        )
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query!("delete from person_citizenships where person_id = $1", id).execute(&mut **tx).await?;
    for country in &doc.citizenships {
        sqlx::query!("insert into person_citizenships (person_id, country) values ($1, $2)", id, country)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub async fn insert(tx: &mut Transaction<'_, Postgres>, doc: &PersonDoc) -> sqlx::Result<i64> {
    let id = sqlx::query_scalar!(
        r#"
        insert into people (slug, publication, sex, born_on, born_precision, occupation, region, biography)
        values ($1, $2, $3, $4, $5, $6, $7, $8)
        returning id
        "#,
        doc.slug,
        doc.publication as PublicationState,
        doc.sex as Option<Sex>,
        doc.born.map(|d| d.start()),
        doc.born.map(|d| d.precision()) as _,
        doc.occupation,
        doc.region,
        doc.biography,
    )
    .fetch_one(&mut **tx)
    .await?;
    write_parts(tx, id, doc).await?;
    Ok(id)
}

/// Saves `doc` over the person if they are still at `version`; `None` when someone saved first.
pub async fn update(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    version: i32,
    doc: &PersonDoc,
) -> sqlx::Result<Option<i32>> {
    let saved = sqlx::query_scalar!(
        r#"
        update people set slug = $3, publication = $4, sex = $5, born_on = $6, born_precision = $7,
                          occupation = $8, region = $9, biography = $10, version = version + 1
        where id = $1 and version = $2
        returning version
        "#,
        id,
        version,
        doc.slug,
        doc.publication as PublicationState,
        doc.sex as Option<Sex>,
        doc.born.map(|d| d.start()),
        doc.born.map(|d| d.precision()) as _,
        doc.occupation,
        doc.region,
        doc.biography,
    )
    .fetch_optional(&mut **tx)
    .await?;
    if saved.is_some() {
        write_parts(tx, id, doc).await?;
    }
    Ok(saved)
}

impl Document for PersonDoc {
    const KIND: RecordKind = RecordKind::Person;

    fn fields(&self) -> Vec<(&'static str, String)> {
        let names = self
            .names
            .iter()
            .map(|n| format!("{} ({}, {}, {})", n.name, n.lang.as_deref().unwrap_or("–"), n.script, n.kind.as_str()))
            .collect::<Vec<_>>()
            .join("; ");
        vec![
            ("names", names),
            ("slug", self.slug.clone()),
            ("publication", self.publication.as_str().to_owned()),
            ("sex", self.sex.map(|s| s.as_str().to_owned()).unwrap_or_default()),
            ("born", self.born.map(|d| d.to_string()).unwrap_or_default()),
            ("occupation", self.occupation.clone().unwrap_or_default()),
            ("region", self.region.clone().unwrap_or_default()),
            ("biography", self.biography.clone().unwrap_or_default()),
            ("citizenships", self.citizenships.join(", ")),
        ]
    }
}

/// Someone already recorded who may be the same person: a name like one of `keys` (search keys),
/// or the same year of birth and a name sharing a word.
#[derive(Debug, Clone)]
pub struct Lookalike {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub born: Option<PartialDate>,
}

pub async fn lookalikes(
    conn: &mut PgConnection,
    keys: &[String],
    born_year: Option<i32>,
    except: Option<i64>,
) -> sqlx::Result<Vec<Lookalike>> {
    let rows = sqlx::query!(
        r#"
        select p.id, p.slug, coalesce(person_display_name(p.id, 'en'), p.slug) as "name!",
               partial_date_iso(p.born_on, p.born_precision) as born
        from people p
        where p.id is distinct from $3
          and exists (
            select from person_names n, unnest($1::text[]) k
            where n.person_id = p.id
              and (similarity(n.search_key, k) >= 0.5
                   or ($2::int is not null and extract(year from p.born_on)::int = $2
                       and string_to_array(n.search_key, ' ') && string_to_array(k, ' '))))
        order by 3
        limit 10
        "#,
        keys,
        born_year,
        except,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Lookalike { id: r.id, slug: r.slug, name: r.name, born: super::parse_date(r.born) })
        .collect())
}

/// Every country code, for checking citizenships.
pub async fn country_codes(conn: &mut PgConnection) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!("select code from countries order by code").fetch_all(conn).await
}
