//! A detention of a person with its charges as one document: the form (charges as repeating
//! rows, the sentence, how and in which wave it ended), its checks against the countries,
//! facilities and waves that exist, and its SQL.

use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use sqlx::{PgConnection, Postgres, Transaction};

use super::{At, Context, Editor, FieldErrors, Reader, Record, Stored, Subject, Values, field_error};
use crate::db::Tx;
use crate::db::revisions::{Document, RecordKind};
use crate::domain::{PartialDate, ReleaseMechanism, SentenceKind, TrialStage, sentence};
use crate::i18n::{Lang, Message};

/// Everything the detention form edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetentionDoc {
    /// The state holding the person (ISO 3166 code).
    pub country: String,
    pub started: Option<PartialDate>,
    pub ended: Option<PartialDate>,
    pub facility_id: Option<i64>,
    pub trial_stage: Option<TrialStage>,
    pub sentenced: Option<PartialDate>,
    pub sentence_kind: Option<SentenceKind>,
    pub sentence_months: Option<i32>,
    pub release_mechanism: Option<ReleaseMechanism>,
    /// The release wave, by slug.
    pub wave: Option<String>,
    pub notes: Option<String>,
    /// Internal: staff only, never exported (`domain::visibility`).
    #[serde(default)]
    pub internal_notes: Option<String>,
    pub charges: Vec<ChargeDoc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChargeDoc {
    pub article: Option<String>,
    pub part: Option<String>,
    pub description: Option<String>,
}

impl Document for DetentionDoc {
    const KIND: RecordKind = RecordKind::Detention;

    fn fields(&self) -> Vec<(&'static str, String)> {
        let date = |d: Option<PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let charges = self
            .charges
            .iter()
            .map(|c| {
                let article = c.article.as_deref().unwrap_or("");
                let part = c.part.as_deref().map(|p| format!(" part {p}")).unwrap_or_default();
                let description = c.description.as_deref().map(|d| format!(" {d}")).unwrap_or_default();
                format!("{article}{part}{description}").trim().to_owned()
            })
            .collect::<Vec<_>>()
            .join("; ");
        vec![
            ("country", self.country.clone()),
            ("started", date(self.started)),
            ("ended", date(self.ended)),
            ("facility", self.facility_id.map(|f| f.to_string()).unwrap_or_default()),
            ("trial_stage", self.trial_stage.map(|t| t.as_str().to_owned()).unwrap_or_default()),
            ("sentenced", date(self.sentenced)),
            ("sentence_kind", self.sentence_kind.map(|k| k.as_str().to_owned()).unwrap_or_default()),
            ("sentence_months", self.sentence_months.map(|m| m.to_string()).unwrap_or_default()),
            ("release_mechanism", self.release_mechanism.map(|m| m.as_str().to_owned()).unwrap_or_default()),
            ("wave", self.wave.clone().unwrap_or_default()),
            ("notes", self.notes.clone().unwrap_or_default()),
            ("charges", charges),
            ("internal_notes", self.internal_notes.clone().unwrap_or_default()),
        ]
    }
}

/// Charge rows a form carries.
pub const MAX_CHARGES: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ChargeRow {
    pub article: String,
    pub part: String,
    pub description: String,
}

/// The detention form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct DetentionForm {
    pub country: String,
    pub started: String,
    pub ended: String,
    pub facility: String,
    pub trial_stage: String,
    pub sentenced: String,
    pub sentence_kind: String,
    pub sentence_months: String,
    pub release_mechanism: String,
    pub wave: String,
    pub notes: String,
    pub internal_notes: String,
    #[serde(skip)]
    pub charges: Vec<ChargeRow>,
}

impl DetentionForm {
    pub fn rows(&self) -> Vec<ChargeRow> {
        let mut rows = self.charges.clone();
        rows.extend(std::iter::repeat_n(ChargeRow::default(), 2));
        rows.truncate(MAX_CHARGES);
        rows
    }

    /// Checks everything against the choices that exist (countries, facilities, waves).
    pub fn validate(
        &self,
        countries: &[String],
        facilities: &[i64],
        waves: &[String],
    ) -> Result<DetentionDoc, FieldErrors> {
        let mut r = Reader::default();
        let country = self.country.trim().to_ascii_uppercase();
        if country.is_empty() {
            r.fail("country", Message::new("error-detention-country-missing"));
        } else if !countries.contains(&country) {
            r.fail("country", Message::new("error-country-code").arg("code", &country));
        }
        let started = r.optional_date("started", &self.started);
        let ended = r.optional_date("ended", &self.ended);
        let sentenced = r.optional_date("sentenced", &self.sentenced);
        r.in_order(started, ended);
        let trial_stage = r.optional_key("trial_stage", &self.trial_stage, TrialStage::from_key);
        let sentence_kind = r.optional_key("sentence_kind", &self.sentence_kind, SentenceKind::from_key);
        let release_mechanism =
            r.optional_key("release_mechanism", &self.release_mechanism, ReleaseMechanism::from_key);
        let sentence_months = match sentence::parse_months(&self.sentence_months) {
            Ok(Some(m)) => {
                let counts_months = matches!(
                    sentence_kind,
                    Some(
                        SentenceKind::Imprisonment
                            | SentenceKind::RestrictedFreedom
                            | SentenceKind::HomeConfinement
                            | SentenceKind::CompulsoryTreatment
                            | SentenceKind::Other
                    )
                );
                if !counts_months {
                    r.fail("sentence_months", Message::new("error-sentence-length-kind"));
                }
                Some(m)
            }
            Ok(None) => None,
            Err(_) => {
                r.fail("sentence_months", Message::new("error-sentence-months"));
                None
            }
        };
        let facility_id = r.optional_key("facility", &self.facility, |typed| {
            typed.parse::<i64>().ok().filter(|id| facilities.contains(id))
        });
        let wave = r.optional_key("wave", &self.wave, |slug| waves.iter().find(|w| *w == slug).cloned());
        if wave.is_some() && release_mechanism.is_none() && !r.failed("release_mechanism") {
            r.fail("release_mechanism", Message::new("error-wave-needs-mechanism"));
        }
        let notes = r.text("notes", &self.notes, 5000);
        let internal_notes = r.text("internal_notes", &self.internal_notes, super::NOTES_MAX);
        let charges = self.charges(&mut r);
        r.finish(Some(DetentionDoc {
            country,
            started,
            ended,
            facility_id,
            trial_stage,
            sentenced,
            sentence_kind,
            sentence_months,
            release_mechanism,
            wave,
            notes,
            internal_notes,
            charges,
        }))
    }

    /// The charges typed, a message on the row of each that is wrong.
    fn charges(&self, r: &mut Reader<'_>) -> Vec<ChargeDoc> {
        let mut charges = Vec::new();
        for (i, row) in self.charges.iter().enumerate() {
            let (article, part, description) = (row.article.trim(), row.part.trim(), row.description.trim());
            if article.is_empty() && part.is_empty() && description.is_empty() {
                continue;
            }
            let article_ok = article.is_empty() || is_article(article);
            let part_ok = part.is_empty() || (is_number(part) && !article.is_empty());
            let field = format!("article_{i}");
            if !article_ok {
                r.fail(&field, Message::new("error-charge-article"));
            } else if !part_ok {
                r.fail(&field, Message::new("error-charge-part"));
            } else if article.is_empty() && description.is_empty() {
                r.fail(&field, Message::new("error-charge-empty"));
            } else if description.chars().count() > 500 {
                r.fail(&field, Message::new("error-charge-description").number("max", 500));
            } else {
                let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
                charges.push(ChargeDoc { article: some(article), part: some(part), description: some(description) });
            }
        }
        charges
    }
}

fn is_number(text: &str) -> bool {
    let mut parts = text.splitn(2, '.');
    parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_article(text: &str) -> bool {
    let (number, suffix) = text.split_once('-').unwrap_or((text, ""));
    is_number(number) && (suffix.is_empty() || suffix.bytes().all(|b| b.is_ascii_digit())) && !text.ends_with('-')
}

/// Detentions in date order: one by `id`, or all of `person_id`'s (one statement either way).
pub async fn list(
    conn: &mut PgConnection,
    id: Option<i64>,
    person_id: Option<i64>,
) -> sqlx::Result<Vec<Stored<DetentionDoc>>> {
    let rows = sqlx::query!(
        r#"
        select d.id, d.person_id, d.version,
               to_jsonb(d) || jsonb_build_object(
                   'started', partial_date_iso(d.started_on, d.started_precision),
                   'ended', partial_date_iso(d.ended_on, d.ended_precision),
                   'sentenced', partial_date_iso(d.sentenced_on, d.sentenced_precision),
                   'wave', w.slug,
                   'charges', (select coalesce(jsonb_agg(jsonb_build_object(
                                   'article', c.article, 'part', c.part, 'description', c.description) order by c.id), '[]')
                               from detention_charges c where c.detention_id = d.id)) as "doc!: Json<DetentionDoc>"
        from detentions d left join waves w on w.id = d.wave_id
        where ($1::bigint is null or d.id = $1) and ($2::bigint is null or d.person_id = $2)
        order by d.started_on nulls first, d.id
        "#,
        id,
        person_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| Stored::of_person(r.id, r.version, r.person_id, r.doc.0)).collect())
}

/// Choices for the form: facilities (id, name) and published or draft waves (slug, name).
pub async fn choices(conn: &mut PgConnection) -> sqlx::Result<(Vec<(i64, String)>, Vec<(String, String)>)> {
    let facilities = sqlx::query!("select id, name from facilities order by name limit 2000")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let waves = sqlx::query!("select slug, name from waves order by started_on desc limit 2000")
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|r| (r.slug, r.name))
        .collect();
    Ok((facilities, waves))
}

async fn write_charges(tx: &mut Transaction<'_, Postgres>, id: i64, doc: &DetentionDoc) -> sqlx::Result<()> {
    sqlx::query!("delete from detention_charges where detention_id = $1", id).execute(&mut **tx).await?;
    for c in &doc.charges {
        sqlx::query!(
            "insert into detention_charges (detention_id, article, part, description) values ($1, $2, $3, $4)",
            id,
            c.article,
            c.part,
            c.description
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Record for DetentionDoc {
    const CITABLE: bool = true;
    const PARENTS: &'static [RecordKind] = &[RecordKind::Person];

    async fn load(conn: &mut PgConnection, id: i64) -> sqlx::Result<Option<Stored<Self>>> {
        Ok(list(conn, Some(id), None).await?.pop())
    }

    fn title(&self, lang: Lang) -> String {
        match self.started {
            Some(started) => format!("{} {}", self.country, lang.date(&started)),
            None => self.country.clone(),
        }
    }

    async fn save(tx: &mut Tx, over: Option<At>, parent: Option<Subject>, doc: &Self) -> sqlx::Result<Option<At>> {
        let person_id = Subject::new_part(parent, over, Self::KIND)?;
        let (id, version) = super::over(over);
        let saved = sqlx::query!(
            r#"
            with updated as (
                update detentions set country = $4, started_on = $5, started_precision = $6, ended_on = $7,
                       ended_precision = $8, facility_id = $9, trial_stage = $10, sentenced_on = $11,
                       sentenced_precision = $12, sentence_kind = $13, sentence_months = $14,
                       release_mechanism = $15, wave_id = (select id from waves where slug = $16), notes = $17,
                       internal_notes = $18, version = version + 1
                where id = $1 and version = $2
                returning id, version
            ), inserted as (
                insert into detentions (person_id, country, started_on, started_precision, ended_on, ended_precision,
                                        facility_id, trial_stage, sentenced_on, sentenced_precision, sentence_kind,
                                        sentence_months, release_mechanism, wave_id, notes, internal_notes)
                select $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                       (select id from waves where slug = $16), $17, $18
                where $1::bigint is null
                returning id, version
            )
            select id as "id!", version as "version!" from updated union all select id, version from inserted
            "#,
            id,
            version,
            person_id,
            doc.country,
            doc.started.map(|d| d.start()),
            doc.started.map(|d| d.precision()) as _,
            doc.ended.map(|d| d.start()),
            doc.ended.map(|d| d.precision()) as _,
            doc.facility_id,
            doc.trial_stage as Option<TrialStage>,
            doc.sentenced.map(|d| d.start()),
            doc.sentenced.map(|d| d.precision()) as _,
            doc.sentence_kind as Option<SentenceKind>,
            doc.sentence_months,
            doc.release_mechanism as Option<ReleaseMechanism>,
            doc.wave,
            doc.notes,
            doc.internal_notes,
        )
        .fetch_optional(&mut **tx)
        .await?;
        let saved = saved.map(|s| (s.id, s.version));
        if let Some((id, _)) = saved {
            write_charges(tx, id, doc).await?;
        }
        Ok(saved)
    }
}

impl Editor for DetentionDoc {
    type Form = DetentionForm;
    const DUPLICATE_FIELD: &'static str = "started";

    fn read(values: Values) -> DetentionForm {
        DetentionForm { charges: super::rows(&values, MAX_CHARGES), ..super::typed(&values) }
    }

    fn form(&self) -> DetentionForm {
        let charges = self.charges.iter().map(|c| super::typed(&super::form_values(c, &[]))).collect();
        DetentionForm { charges, ..super::typed(&super::form_values(self, &[("facility_id", "facility")])) }
    }

    /// Checked against the countries, facilities and waves that exist.
    async fn validate(
        conn: &mut PgConnection,
        form: &DetentionForm,
        context: &Context,
        _current: Option<&Self>,
        _id: Option<i64>,
    ) -> sqlx::Result<Result<Self, FieldErrors>> {
        let (facilities, waves) = choices(conn).await?;
        let facility_ids: Vec<i64> = facilities.into_iter().map(|f| f.0).collect();
        let wave_slugs: Vec<String> = waves.into_iter().map(|w| w.0).collect();
        Ok(form.validate(&context.countries, &facility_ids, &wave_slugs))
    }

    /// The database refuses overlapping detentions of one person: say so beside the dates.
    fn refused(error: &sqlx::Error) -> Option<FieldErrors> {
        let constraint = error.as_database_error()?.constraint()?;
        (constraint == "detentions_no_overlap").then(|| field_error("started", "error-detention-overlap"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> DetentionForm {
        DetentionDoc::read(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn a_charge_row_of_spaces_is_shown_again_as_typed() {
        // Found by the property test over every admin form: the spaces came back empty.
        let typed = form(&[("country", "by"), ("part_1", " ")]);
        assert_eq!(typed.charges.len(), 2);
        assert_eq!(typed.charges[1].part, " ");
        assert_eq!(form(&[("country", "by"), ("part_1", "")]).charges.len(), 0, "empty rows still go");
    }

    #[test]
    fn a_detention_with_charges_and_a_release_in_a_wave() {
        let doc = form(&[
            ("country", "by"),
            ("started", "2020-05-29"),
            ("ended", "2025-02-12"),
            ("trial_stage", "convicted"),
            ("sentence_kind", "imprisonment"),
            ("sentence_months", "180"),
            ("release_mechanism", "release_to_foreign_government"),
            ("wave", "handover"),
            ("facility", "4"),
            ("article_0", "342"),
            ("part_0", "1"),
            ("description_1", "Organising actions that grossly violate public order"),
        ])
        .validate(&["BY".into()], &[4], &["handover".into()])
        .unwrap();
        assert_eq!(doc.country, "BY");
        assert_eq!(doc.charges.len(), 2);
        assert_eq!(doc.sentence_months, Some(180));
        assert_eq!(doc.wave.as_deref(), Some("handover"));
        crate::records::tests::assert_classified(&doc);
        let again = doc.form().validate(&["BY".into()], &[4], &["handover".into()]);
        assert_eq!(again, Ok(doc), "the form of a stored detention saves it unchanged");
    }

    #[test]
    fn mistakes_are_named_field_by_field() {
        let errors = form(&[
            ("country", "Belarus"),
            ("started", "2025"),
            ("ended", "2024"),
            ("sentence_kind", "fine"),
            ("sentence_months", "12"),
            ("wave", "handover"),
            ("article_0", "three-four-two"),
            ("part_1", "2"),
        ])
        .validate(&["BY".into()], &[], &["handover".into()])
        .unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["article_0", "article_1", "country", "ended", "release_mechanism", "sentence_months"]);
    }

    #[test]
    fn articles_and_parts_follow_the_code_numbering() {
        for good in ["342", "361-1", "130.1", "23.34"] {
            assert!(is_article(good), "{good}");
        }
        for bad in ["", "a", "342-", "-1", "3 42", "1..2"] {
            assert!(!is_article(bad), "{bad}");
        }
    }
}
