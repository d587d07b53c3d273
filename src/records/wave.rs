//! A release wave as one document: its form, its checks and its SQL, and marking many people
//! released in a wave at once (their ongoing detentions end in it).

use serde::{Deserialize, Serialize};
use sqlx::PgConnection;
use sqlx::types::Json;

use super::detention::DetentionDoc;
use super::{At, Context, Editor, FieldErrors, Reader, Record, Stored, Subject, Values, field_error};
use crate::db::Tx;
use crate::db::revisions::{Document, RecordKind};
use crate::domain::{CountQualifier, PartialDate, PublicationState, ReleaseMechanism, Slug};
use crate::i18n::{Lang, Message};

/// Everything the wave form edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaveDoc {
    pub slug: String,
    pub name: String,
    pub started: PartialDate,
    pub ended: Option<PartialDate>,
    pub country: String,
    pub mechanism: ReleaseMechanism,
    pub location: Option<String>,
    pub counterparty: Option<String>,
    pub traded: Option<String>,
    pub reported_released_count: Option<i32>,
    pub reported_count_qualifier: Option<CountQualifier>,
    pub notes: Option<String>,
    /// Internal: staff only, never exported (`domain::visibility`).
    #[serde(default)]
    pub internal_notes: Option<String>,
    pub publication: PublicationState,
}

impl Document for WaveDoc {
    const KIND: RecordKind = RecordKind::Wave;

    fn fields(&self) -> Vec<(&'static str, String)> {
        let text = |t: &Option<String>| t.clone().unwrap_or_default();
        let reported = match (self.reported_count_qualifier, self.reported_released_count) {
            (Some(q), Some(n)) if q != CountQualifier::Exactly => format!("{} {n}", q.as_str()),
            (_, Some(n)) => n.to_string(),
            _ => String::new(),
        };
        vec![
            ("wave_name", self.name.clone()),
            ("slug", self.slug.clone()),
            ("publication", self.publication.as_str().to_owned()),
            ("started", self.started.to_string()),
            ("ended", self.ended.map(|d| d.to_string()).unwrap_or_default()),
            ("country", self.country.clone()),
            ("release_mechanism", self.mechanism.as_str().to_owned()),
            ("location", text(&self.location)),
            ("counterparty", text(&self.counterparty)),
            ("traded", text(&self.traded)),
            ("reported", reported),
            ("notes", text(&self.notes)),
            ("internal_notes", text(&self.internal_notes)),
        ]
    }
}

/// The wave form as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct WaveForm {
    pub slug: String,
    pub name: String,
    pub started: String,
    pub ended: String,
    pub country: String,
    pub mechanism: String,
    pub location: String,
    pub counterparty: String,
    pub traded: String,
    pub reported: String,
    pub qualifier: String,
    pub notes: String,
    pub internal_notes: String,
    pub publication: String,
}

impl WaveForm {
    /// Checks every field; `current` is the stored publication (editors keep it).
    pub fn validate(
        &self,
        countries: &[String],
        may_publish: bool,
        current: Option<PublicationState>,
    ) -> Result<WaveDoc, FieldErrors> {
        let mut r = Reader::default();
        let name = r.text("name", &self.name, 300);
        let location = r.text("location", &self.location, 500);
        let counterparty = r.text("counterparty", &self.counterparty, 500);
        let traded = r.text("traded", &self.traded, 2000);
        let notes = r.text("notes", &self.notes, 20_000);
        let internal_notes = r.text("internal_notes", &self.internal_notes, super::NOTES_MAX);
        if name.is_none() {
            r.fail("name", Message::new("error-wave-name"));
        }
        let started = r.date_in("started", &self.started);
        let ended = r.optional_date("ended", &self.ended);
        r.in_order(started, ended);
        let country = self.country.trim().to_ascii_uppercase();
        if !countries.contains(&country) {
            r.fail("country", Message::new("error-wave-country"));
        }
        let mechanism = ReleaseMechanism::from_key(self.mechanism.trim());
        if mechanism.is_none() {
            r.fail("mechanism", Message::new("error-wave-mechanism"));
        }
        let reported = match self.reported.trim().replace([',', ' '], "").as_str() {
            "" => None,
            typed => typed.parse::<i32>().ok().filter(|n| *n >= 0).or_else(|| {
                r.fail("reported", Message::new("error-wave-reported"));
                None
            }),
        };
        let qualifier = CountQualifier::from_key(self.qualifier.trim());
        if !self.qualifier.trim().is_empty() && qualifier.is_none() {
            r.errors.insert("reported".into(), Message::new("error-choose"));
        } else if qualifier.is_some() && reported.is_none() {
            r.fail("reported", Message::new("error-wave-qualifier"));
        }
        let slug = r.slug("slug", &self.slug, || {
            let started = started.map(|s| s.iso()).unwrap_or_default();
            Slug::from_text(&format!("{} {started}", name.as_deref()?)).map(|s| s.to_string())
        });
        let publication = r.publication(&self.publication, may_publish, current);
        if r.errors.is_empty() && slug.is_none() {
            r.fail("slug", Message::new("error-wave-slug-from-name"));
        }
        let doc = match (slug, name, started, mechanism) {
            (Some(slug), Some(name), Some(started), Some(mechanism)) => Some(WaveDoc {
                slug,
                name,
                started,
                ended,
                country,
                mechanism,
                location,
                counterparty,
                traded,
                reported_released_count: reported,
                reported_count_qualifier: qualifier.or(reported.map(|_| CountQualifier::Exactly)),
                notes,
                internal_notes,
                publication,
            }),
            _ => None,
        };
        r.finish(doc)
    }
}

/// One wave by `id`, or the latest 500 for the admin list, newest first: one statement either way.
pub async fn list(conn: &mut PgConnection, id: Option<i64>) -> sqlx::Result<Vec<Stored<WaveDoc>>> {
    let rows = sqlx::query!(
        r#"
        select id, version,
               to_jsonb(w) || jsonb_build_object('started', partial_date_iso(started_on, started_precision),
                                                 'ended', partial_date_iso(ended_on, ended_precision))
                   as "doc!: Json<WaveDoc>"
        from waves w
        where $1::bigint is null or id = $1
        order by started_on desc, id desc
        limit 500
        "#,
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| Stored::standalone(r.id, r.version, r.doc.0)).collect())
}

/// Whether another wave has `slug` (or had it: old slugs keep redirecting).
pub async fn slug_taken(conn: &mut PgConnection, slug: &str, except: Option<i64>) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"
        select exists (select from waves where slug = $1 and id is distinct from $2)
            or exists (select from wave_slug_redirects where slug = $1 and wave_id is distinct from $2)
            as "taken!"
        "#,
        slug,
        except
    )
    .fetch_one(conn)
    .await
}

impl Record for WaveDoc {
    const CITABLE: bool = true;

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(list(conn, Some(id)).await?.pop())
    }

    /// How many detentions ended in the wave (a wave with people in it cannot be deleted).
    async fn in_use(conn: &mut PgConnection, id: i64) -> sqlx::Result<i64> {
        sqlx::query_scalar!(r#"select count(*) as "n!" from detentions where wave_id = $1"#, id).fetch_one(conn).await
    }

    fn publication(&self) -> Option<PublicationState> {
        Some(self.publication)
    }

    fn title(&self, _lang: Lang) -> String {
        self.name.clone()
    }

    async fn save(tx: &mut Tx, over: Option<At>, _parent: Option<Subject>, doc: &Self) -> sqlx::Result<Option<At>> {
        let (id, version) = super::over(over);
        let saved = sqlx::query!(
            r#"
            with updated as (
                update waves set slug = $3, name = $4, started_on = $5, started_precision = $6, ended_on = $7,
                       ended_precision = $8, country = $9, mechanism = $10, location = $11, counterparty = $12,
                       traded = $13, reported_released_count = $14, reported_count_qualifier = $15, notes = $16,
                       publication = $17, internal_notes = $18, version = version + 1
                where id = $1 and version = $2
                returning id, version
            ), inserted as (
                insert into waves (slug, name, started_on, started_precision, ended_on, ended_precision, country,
                                   mechanism, location, counterparty, traded, reported_released_count,
                                   reported_count_qualifier, notes, publication, internal_notes)
                select $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18 where $1::bigint is null
                returning id, version
            )
            select id as "id!", version as "version!" from updated union all select id, version from inserted
            "#,
            id,
            version,
            doc.slug,
            doc.name,
            doc.started.start(),
            doc.started.precision() as _,
            doc.ended.map(|d| d.start()),
            doc.ended.map(|d| d.precision()) as _,
            doc.country,
            doc.mechanism as ReleaseMechanism,
            doc.location,
            doc.counterparty,
            doc.traded,
            doc.reported_released_count,
            doc.reported_count_qualifier as Option<CountQualifier>,
            doc.notes,
            doc.publication as PublicationState,
            doc.internal_notes,
        )
        .fetch_optional(&mut **tx)
        .await?;
        Ok(saved.map(|s| (s.id, s.version)))
    }
}

impl Editor for WaveDoc {
    type Form = WaveForm;
    const DUPLICATE_FIELD: &'static str = "slug";

    fn read(values: Values) -> WaveForm {
        super::typed(&values)
    }

    fn form(&self) -> WaveForm {
        let renamed = [("reported_released_count", "reported"), ("reported_count_qualifier", "qualifier")];
        super::typed(&super::form_values(self, &renamed))
    }

    async fn validate(
        conn: &mut PgConnection,
        form: &WaveForm,
        context: &Context,
        current: Option<&Self>,
        id: Option<i64>,
    ) -> sqlx::Result<Result<Self, FieldErrors>> {
        let result = form.validate(&context.countries, context.may_publish, current.map(|w| w.publication));
        if let Ok(doc) = &result
            && slug_taken(conn, &doc.slug, id).await?
        {
            return Ok(Err(field_error("slug", "error-wave-slug-taken")));
        }
        Ok(result)
    }

    async fn restoring(
        _conn: &mut PgConnection,
        _id: i64,
        old: &mut Self,
        current: &Self,
        _may_publish: bool,
    ) -> sqlx::Result<()> {
        super::keep_address((&mut old.publication, &mut old.slug), (current.publication, &current.slug));
        Ok(())
    }
}

/// The person behind a line of the bulk form (an address or an admin id), and their detention
/// that is still going on, if any.
pub async fn ongoing_detention(
    conn: &mut PgConnection,
    person: &str,
) -> sqlx::Result<Option<(i64, Option<Stored<DetentionDoc>>)>> {
    let id = sqlx::query_scalar!(
        "select id from people where slug = $1 or id::text = $1 or id = (select person_id from person_slug_redirects where slug = $1)",
        person
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(person_id) = id else { return Ok(None) };
    let detention = sqlx::query_scalar!(
        r#"
        select id from detentions
        where person_id = $1 and ended_on is null and release_mechanism is null
        order by started_on desc nulls last limit 1
        "#,
        person_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    let detention = match detention {
        Some(id) => DetentionDoc::load(conn, id).await?,
        None => None,
    };
    Ok(Some((person_id, detention)))
}

/// A person on a wave's admin page: released in it (`date` is the day of release), or held now
/// and so one who may be marked released (`date` is when their detention began).
#[derive(Debug, Clone)]
pub struct WavePerson {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub date: Option<PartialDate>,
}

/// The people whose detentions ended in wave `id`, by name (in `lang`); drafts and withheld
/// people too, for the admin page.
pub async fn released_in(conn: &mut PgConnection, id: i64, lang: Lang) -> sqlx::Result<Vec<WavePerson>> {
    let rows = sqlx::query!(
        r#"
        select p.id, p.slug, coalesce(person_display_name(p.id, $2), p.slug) as "name!",
               partial_date_iso(d.ended_on, d.ended_precision) as date
        from detentions d join people p on p.id = d.person_id
        where d.wave_id = $1
        order by p.sort_name, p.id, d.id
        "#,
        id,
        lang.code()
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| WavePerson { id: r.id, slug: r.slug, name: r.name, date: crate::db::parse_date(r.date) })
        .collect())
}

/// The people held now (a detention still going on), those in `first` first and in its order,
/// then by name; at most `limit`, and how many are held in all.
pub async fn held(
    conn: &mut PgConnection,
    first: &[i64],
    lang: Lang,
    limit: i64,
) -> sqlx::Result<(Vec<WavePerson>, i64)> {
    let rows = sqlx::query!(
        r#"
        select p.id, p.slug, coalesce(person_display_name(p.id, $2), p.slug) as "name!",
               partial_date_iso(d.started_on, d.started_precision) as date, count(*) over () as "total!"
        from people p
        cross join lateral (
            select d.started_on, d.started_precision from detentions d
            where d.person_id = p.id and d.ended_on is null and d.release_mechanism is null
            order by d.started_on desc nulls last limit 1
        ) d
        order by array_position($1::bigint[], p.id) nulls last, p.sort_name, p.id
        limit $3
        "#,
        first,
        lang.code(),
        limit
    )
    .fetch_all(conn)
    .await?;
    let total = rows.first().map_or(0, |r| r.total);
    let people = rows.into_iter().map(|r| WavePerson {
        id: r.id,
        slug: r.slug,
        name: r.name,
        date: crate::db::parse_date(r.date),
    });
    Ok((people.collect(), total))
}

/// Of `people` (ids, best match first), those held now, in the same order.
pub async fn only_held(conn: &mut PgConnection, people: &[i64]) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar!(
        r#"
        select u.id as "id!" from unnest($1::bigint[]) with ordinality as u(id, n)
        where exists (select from detentions d
                      where d.person_id = u.id and d.ended_on is null and d.release_mechanism is null)
        order by u.n
        "#,
        people
    )
    .fetch_all(conn)
    .await
}

/// The detention as released in `wave` on `day`.
pub fn released(detention: &DetentionDoc, wave: &WaveDoc, day: PartialDate) -> DetentionDoc {
    DetentionDoc {
        ended: Some(day),
        release_mechanism: Some(wave.mechanism),
        wave: Some(wave.slug.clone()),
        ..detention.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wave_is_checked_field_by_field() {
        let form = WaveForm {
            name: "Pardon of 23 people".into(),
            started: "2024-07-03".into(),
            country: "by".into(),
            mechanism: "pardon".into(),
            reported: "23".into(),
            publication: "published".into(),
            ..WaveForm::default()
        };
        let doc = form.validate(&["BY".into()], true, None).unwrap();
        assert_eq!(doc.slug, "pardon-of-23-people-2024-07-03");
        assert_eq!(doc.reported_count_qualifier, Some(CountQualifier::Exactly));
        assert_eq!(doc.publication, PublicationState::Published);
        crate::records::tests::assert_classified(&doc);
        let again = doc.form().validate(&["BY".into()], true, None);
        assert_eq!(again, Ok(doc), "the form of a stored wave saves it unchanged");

        let bad = WaveForm { started: "soon".into(), qualifier: "more_than".into(), mechanism: "magic".into(), ..form };
        let errors = bad.validate(&["BY".into()], false, None).unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["mechanism", "publication", "started"]);
    }
}
