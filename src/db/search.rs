//! The people search behind `/prisoners` and `/prisoners.csv`.
//!
//! Names are matched token by token: each folded query token (`search::key`) finds similar
//! tokens in the small `name_tokens` dictionary by trigram similarity, and a person matches when
//! every query token matched one of their name tokens. Full text over occupation, biography,
//! region and charges adds people the words describe. Filters and sorting use per-person
//! columns that triggers keep, so a search never computes anything per row of `people`.
//! Only people shown by name (`people.public`, migration 0014) are ever found: a withheld
//! person is counted on other pages, never found here.

use serde::Deserialize;
use sqlx::{PgConnection, Postgres, QueryBuilder};

use crate::domain::{PartialDate, PersonStatus, Sex};
use crate::i18n::Lang;
use crate::search::key::name_tokens;
use crate::search::query::{COUNT_CAP, PAGE_SIZE, Search, Sort, StatusFilter};

/// One row of a result list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Hit {
    pub slug: String,
    pub display_name: String,
    pub status: PersonStatus,
    /// For the words of the status, which agree with it in Belarusian and Russian.
    pub sex: Option<Sex>,
    /// Canonical text of a partial date; see [`Hit::since`].
    pub status_since: Option<String>,
    /// The newest source date the status rests on (`person_status_as_of`); see [`Hit::as_of`].
    pub status_as_of: Option<String>,
    pub citizenships: Vec<String>,
    /// The same countries' codes, for their names in the page's language.
    pub citizenship_codes: Vec<String>,
}

impl Hit {
    pub fn since(&self) -> Option<PartialDate> {
        super::parse_date(self.status_since.clone())
    }

    pub fn as_of(&self) -> Option<PartialDate> {
        super::parse_date(self.status_as_of.clone())
    }
}

/// One row of the CSV export: everything a researcher needs to work with the list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExportRow {
    pub public_id: uuid::Uuid,
    pub slug: String,
    pub display_name: String,
    pub names: Vec<String>,
    pub status: PersonStatus,
    pub status_since: Option<String>,
    pub citizenships: Vec<String>,
    pub detention_countries: Vec<String>,
    pub first_detained: Option<String>,
    pub last_released: Option<String>,
    pub release_mechanisms: Vec<String>,
    pub waves: Vec<String>,
    pub occupation: Option<String>,
}

/// What the results page shows: one page of hits and a count capped at [`COUNT_CAP`].
#[derive(Debug, Clone)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Matches counted up to COUNT_CAP + 1; more than COUNT_CAP means "1,000+".
    pub count: i64,
}

impl Results {
    pub fn count_is_capped(&self) -> bool {
        self.count > COUNT_CAP
    }
}

/// `from ... where ...` of a search, shared by the page, the count and the export.
fn push_matches(builder: &mut QueryBuilder<'_, Postgres>, search: &Search) {
    if search.q.is_empty() {
        builder.push(" from people p");
    } else {
        builder.push(" from (select person_id, max(score) as score from (");
        push_name_matches(builder, &name_tokens(&search.q));
        // Words that describe people or what they are charged with.
        builder.push(
            " union all select p2.id, 0.5::real from people p2 \
               where person_document(p2.occupation, p2.biography, p2.region) @@ plainto_tsquery('simple', ",
        );
        builder.push_bind(search.q.clone());
        builder.push(
            ") and p2.public \
             union all select d.person_id, 0.5::real from detention_charges ch \
               join detentions d on d.id = ch.detention_id \
               where charge_document(ch.article, ch.description) @@ plainto_tsquery('simple', ",
        );
        builder.push_bind(search.q.clone());
        builder.push(")) all_matches group by person_id) m join people p on p.id = m.person_id");
    }
    builder.push(" where p.public");
    push_filters(builder, search);
}

/// `select person_id, score …`: everyone whose names match `tokens` (folded query tokens), with
/// a score. Per query token, its near tokens in the dictionary and their similarity; a person
/// matches when every query token found one of their name tokens. Anyone at all: the caller
/// keeps only the people it may show (the public search those shown by name).
fn push_name_matches(builder: &mut QueryBuilder<'_, Postgres>, tokens: &[String]) {
    builder.push(
        "select person_id, sum(best) as score from (\
           select pt.person_id, c.idx, max(c.sim) as best from (\
             select q.idx, d.token, similarity(d.token, q.tok) as sim \
             from unnest(",
    );
    builder.push_bind(tokens.to_vec());
    builder.push(
        "::text[]) with ordinality as q(tok, idx) \
             cross join lateral (\
               select token from name_tokens \
               where token % q.tok or (length(q.tok) >= 3 and token like q.tok || '%') \
             ) d\
           ) c join person_tokens pt on pt.token = c.token \
           group by pt.person_id, c.idx\
         ) per_token group by person_id having count(*) = ",
    );
    builder.push_bind(tokens.len() as i64);
}

/// A person whose names match a query: who, and how closely (the mean similarity of the
/// query's words to the nearest of the person's name words, 1 for the same words).
#[derive(Debug, Clone, Copy, PartialEq, sqlx::FromRow)]
pub struct NameMatch {
    pub person_id: i64,
    pub closeness: f32,
}

/// The people whose names match `q` as the public search matches them ("Kuznetchik",
/// "Кузнечик" and "Kuzniečyk" all find Kuznechyk), closest first, at most `limit`: drafts,
/// withheld and unpublished people included, for the admin area, which sees everyone.
pub async fn people_named(conn: &mut PgConnection, q: &str, limit: i64) -> sqlx::Result<Vec<NameMatch>> {
    let tokens = name_tokens(q);
    if tokens.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = QueryBuilder::new("select person_id, (score / ");
    query.push_bind(tokens.len() as f32);
    query.push(")::real as closeness from (");
    push_name_matches(&mut query, &tokens);
    query.push(") m order by score desc, person_id limit ").push_bind(limit);
    query.build_query_as().fetch_all(conn).await
}

/// The filters of a search as ` and …` conditions on `people p`.
fn push_filters(builder: &mut QueryBuilder<'_, Postgres>, search: &Search) {
    match search.status {
        Some(StatusFilter::Held) => {
            builder.push(" and p.status in ('awaiting_trial', 'serving_sentence', 'in_custody')");
        }
        Some(StatusFilter::Is(status)) => {
            builder.push(" and p.status = ").push_bind(status);
        }
        None => {}
    }
    if let Some(sex) = search.sex {
        builder.push(" and p.sex = ").push_bind(sex);
    }
    if let Some(code) = &search.citizenship {
        builder.push(" and exists (select from person_citizenships pc where pc.person_id = p.id and pc.country = ");
        builder.push_bind(code.clone()).push(")");
    }
    // Facts of detentions: one exists() per condition, each answered by an index.
    const DETENTION: &str = " and exists (select from detentions d where d.person_id = p.id and ";
    if let Some(code) = &search.country {
        builder.push(DETENTION).push("d.country = ").push_bind(code.clone()).push(")");
    }
    if let Some(mechanism) = search.mechanism {
        builder.push(DETENTION).push("d.release_mechanism = ").push_bind(mechanism).push(")");
    }
    if let Some(wave) = &search.wave {
        builder
            .push(DETENTION)
            .push("d.wave_id = (select w.id from waves w where w.publication = 'published' and w.slug = ");
        builder.push_bind(wave.clone()).push("))");
    }
    if let Some(charge) = &search.charge {
        builder
            .push(DETENTION)
            .push("exists (select from detention_charges ch where ch.detention_id = d.id and (ch.article = ");
        builder.push_bind(charge.clone());
        builder.push(" or charge_document(ch.article, ch.description) @@ plainto_tsquery('simple', ");
        builder.push_bind(charge.clone()).push(")))) ");
    }
    let years = [
        ("p.detained_on >= make_date(", search.detained_from, 0),
        ("p.detained_on < make_date(", search.detained_to, 1),
        ("p.released_on >= make_date(", search.released_from, 0),
        ("p.released_on < make_date(", search.released_to, 1),
    ];
    for (condition, year, after) in years {
        if let Some(year) = year {
            builder.push(" and ").push(condition).push_bind(year + after).push(", 1, 1)");
        }
    }
}

/// The order of a list in `lang`: names by surname in the page's script and its collation
/// (`people.sort_en`, `sort_be`, `sort_ru`, migration 0022), each read from its own index.
fn push_order(builder: &mut QueryBuilder<'_, Postgres>, sort: Sort, lang: Lang) {
    let name = match lang {
        Lang::En => "p.sort_en",
        Lang::Be => "p.sort_be",
        Lang::Ru => "p.sort_ru",
    };
    builder.push(match sort {
        Sort::Relevance => " order by m.score desc, ",
        Sort::Name => " order by ",
        Sort::Detained => " order by p.detained_on desc nulls last, ",
        Sort::Released => " order by p.released_on desc nulls last, ",
    });
    builder.push(name).push(", p.id");
}

/// One page of results and the capped count, with names as they are written in `lang`.
pub async fn search(conn: &mut PgConnection, search: &Search, lang: Lang) -> sqlx::Result<Results> {
    if reads_word_lists(search) {
        return search_by_words(conn, search, lang).await;
    }
    let hits: Vec<Hit> = list_page(search, lang, "").build_query_as().fetch_all(&mut *conn).await?;
    let count: i64 = list_count(search, "").build_query_scalar().fetch_one(&mut *conn).await?;
    Ok(Results { hits, count })
}

/// The plans of the statements [`search`] runs, as `EXPLAIN (ANALYZE, BUFFERS)` prints them
/// (`prisoner-tracker explain`; bench/explain.sh keeps them in bench/plans/).
pub async fn explain(conn: &mut PgConnection, search: &Search) -> sqlx::Result<Vec<String>> {
    const EXPLAIN: &str = "explain (analyze, buffers) ";
    let statements = if reads_word_lists(search) {
        vec![word_page(search, Lang::En, EXPLAIN)]
    } else {
        vec![list_page(search, Lang::En, EXPLAIN), list_count(search, EXPLAIN)]
    };
    let mut plans = Vec::new();
    for mut statement in statements {
        let lines: Vec<String> = statement.build_query_scalar().fetch_all(&mut *conn).await?;
        plans.push(lines.join("\n"));
    }
    Ok(plans)
}

/// Searches with words in relevance order read the people of each word's tokens from an index
/// (in `sort_name` order, which breaks ties of relevance); other orders read the whole match
/// set. Name order is per language (surname first, the page's script), which the token lists
/// do not carry: with words it reads the match set, as the date orders do.
fn reads_word_lists(search: &Search) -> bool {
    !search.q.is_empty() && search.sort == Sort::Relevance
}

/// A page of a search in date order, or without words: the page's ids first, then their
/// details (PostgreSQL computes the select list of every row an OFFSET skips, so the costly
/// columns must not be in the query that skips).
fn list_page(search: &Search, lang: Lang, prefix: &str) -> QueryBuilder<'static, Postgres> {
    let mut page = QueryBuilder::new(prefix);
    push_hit_columns(&mut page, lang);
    page.push(" from unnest(array(select p.id");
    push_matches(&mut page, search);
    push_order(&mut page, search.sort, lang);
    page.push(" limit ").push_bind(PAGE_SIZE).push(" offset ").push_bind((search.page - 1) * PAGE_SIZE);
    page.push(")) with ordinality as page(id, n) join people p on p.id = page.id order by page.n");
    page
}

/// The count of [`list_page`]'s search, capped at COUNT_CAP + 1.
fn list_count(search: &Search, prefix: &str) -> QueryBuilder<'static, Postgres> {
    let mut count = QueryBuilder::new(prefix);
    count.push("select count(*) from (select 1");
    push_matches(&mut count, search);
    count.push(" limit ").push_bind(COUNT_CAP + 1).push(") capped");
    count
}

/// The select list of a result row, with the name the person goes by in `lang`.
fn push_hit_columns(query: &mut QueryBuilder<'_, Postgres>, lang: Lang) {
    query.push("select p.slug, coalesce(person_display_name(p.id, ");
    query.push_bind(lang.code());
    query.push(
        "), p.slug) as display_name, p.status, p.sex, \
         partial_date_iso(p.status_since, p.status_since_precision) as status_since, \
         person_status_as_of(p.id) as status_as_of, \
         array(select c.name from person_citizenships pc join countries c on c.code = pc.country \
               where pc.person_id = p.id order by c.name) as citizenships, \
         array(select c.code from person_citizenships pc join countries c on c.code = pc.country \
               where pc.person_id = p.id order by c.name) as citizenship_codes",
    );
}

/// A search with words, by relevance or by name, that never ranks every hit.
///
/// Of the query's words, the one whose near tokens belong to the fewest people drives: its
/// near tokens are read one by one in name order from `person_tokens_token_order_idx`, each
/// stopping after `depth` people who also match the other words and the filters. Merging
/// these lists (closest token first, then name) gives the first `depth` results exactly, so a
/// page of a surname that a tenth of all people share reads a page's worth of rows, not all.
/// Words about people (occupation, biography, charges) add matches that rank after names.
///
/// `depth` is offset + page size for a page, and COUNT_CAP + 1 for the count: a list that
/// reaches it proves "more than COUNT_CAP", and lists that do not are complete.
fn push_word_hits(builder: &mut QueryBuilder<'_, Postgres>, search: &Search, depth: i64) {
    let tokens = name_tokens(&search.q);
    builder.push("with q as (select tok, idx from unnest(");
    builder.push_bind(tokens.clone());
    builder.push(
        "::text[]) with ordinality as q(tok, idx)), \
         cand as materialized (\
           select q.idx, t.token, similarity(t.token, q.tok) as sim from q \
           cross join lateral (select token from name_tokens \
             where token % q.tok or (length(q.tok) >= 3 and token like q.tok || '%')) t), ",
    );
    // One word drives itself; of several, the one whose near tokens fewest people carry (counted
    // up to a bound: telling a rare word from a common one needs no exact count).
    builder.push(if tokens.len() == 1 {
        "driver as (select 1::bigint as idx), "
    } else {
        "driver as materialized (\
           select c.idx from cand c \
           group by c.idx \
           order by sum((select count(*) from (select from person_tokens pt where pt.token = c.token limit 256) n)), c.idx \
           limit 1), "
    });
    // Of several words, the people who carry a near token of each of the others: read once
    // and hashed, so that checking a carrier of the driver is one probe, however common the
    // words (every carrier of a common first name is read once, not once per driver row).
    if tokens.len() > 1 {
        builder.push(
            "others as materialized (\
               select pt3.person_id from person_tokens pt3 join cand c3 on c3.token = pt3.token \
               where c3.idx <> (select idx from driver) and pt3.public",
        );
        // (Of two words the other's carriers are the set; of more, those who carry all of them.)
        if tokens.len() > 2 {
            builder.push(" group by pt3.person_id having count(distinct c3.idx) = (select count(*) from q) - 1");
        }
        builder.push("), ");
    }
    builder.push(
        "hits as (\
           select x.person_id, x.sort_name, c.sim as score from cand c \
           cross join lateral (\
             select pt.person_id, pt.sort_name from person_tokens pt",
    );
    // Without filters the people with a token come from the index alone (`public` is kept in
    // person_tokens); filters are conditions on `people p`, which then must be read.
    if search.has_filters() {
        builder.push(" join people p on p.id = pt.person_id");
    }
    builder.push(" where pt.token = c.token and pt.public");
    push_filters(builder, search);
    // Of several words, a person must carry a near token of each of the others too.
    if tokens.len() > 1 {
        builder.push(" and pt.person_id in (select person_id from others)");
    }
    builder.push(" order by pt.sort_name, pt.person_id limit ");
    builder.push_bind(depth);
    builder.push(") x where c.idx = (select idx from driver) and (select count(distinct idx) from cand) = ");
    builder.push_bind(tokens.len() as i64);
    // Two branches, each answered by its own full-text index (an OR of them would not be).
    builder.push(
        " union all (select p.id, p.sort_name, 0.5::real from people p \
             where p.public \
             and person_document(p.occupation, p.biography, p.region) @@ plainto_tsquery('simple', ",
    );
    builder.push_bind(search.q.clone());
    builder.push(")");
    push_filters(builder, search);
    builder.push(" order by p.sort_name, p.id limit ");
    builder.push_bind(depth);
    builder.push(
        ") union all (select p.id, p.sort_name, 0.5::real from detention_charges ch \
             join detentions d on d.id = ch.detention_id join people p on p.id = d.person_id \
             where p.public \
             and charge_document(ch.article, ch.description) @@ plainto_tsquery('simple', ",
    );
    builder.push_bind(search.q.clone());
    builder.push(")");
    push_filters(builder, search);
    builder.push(" order by p.sort_name, p.id limit ");
    builder.push_bind(depth);
    builder.push(")), best as materialized (select person_id, min(sort_name) as sort_name, max(score) as score from hits group by person_id)");
}

/// The page and the count of a search that reads word lists, in one statement: the lists are
/// read once, as deep as either needs (a page past the cap reads further; the count is capped
/// all the same).
fn word_page(search: &Search, lang: Lang, prefix: &str) -> QueryBuilder<'static, Postgres> {
    let offset = (search.page - 1) * PAGE_SIZE;
    let mut page = QueryBuilder::new(prefix);
    push_word_hits(&mut page, search, (offset + PAGE_SIZE).max(COUNT_CAP + 1));
    page.push(" ");
    push_hit_columns(&mut page, lang);
    page.push(", (select least(count(*), ");
    page.push_bind(COUNT_CAP + 1);
    page.push(") from best) as total from (select person_id, row_number() over () as n from (select person_id from best order by ");
    page.push(if search.sort == Sort::Relevance { "score desc, sort_name, person_id" } else { "sort_name, person_id" });
    // A top-N sort of the page, not a sort of every hit.
    page.push(" limit ");
    page.push_bind(PAGE_SIZE);
    page.push(" offset ");
    page.push_bind(offset);
    page.push(") ordered) ranked join people p on p.id = ranked.person_id order by ranked.n");
    page
}

async fn search_by_words(conn: &mut PgConnection, search: &Search, lang: Lang) -> sqlx::Result<Results> {
    let offset = (search.page - 1) * PAGE_SIZE;
    let rows: Vec<CountedHit> = word_page(search, lang, "").build_query_as().fetch_all(&mut *conn).await?;
    let count = match rows.first() {
        Some(row) => row.total,
        // No one on the first page: no one at all.
        None if offset == 0 => 0,
        // A page past the last result (an old link, a typed number): count on their own.
        None => {
            let mut count = QueryBuilder::new("");
            push_word_hits(&mut count, search, COUNT_CAP + 1);
            count.push(" select count(*) from best");
            count.build_query_scalar().fetch_one(&mut *conn).await?
        }
    };
    let hits = rows.into_iter().map(|row| row.hit).collect();
    Ok(Results { hits, count })
}

/// A row of [`search_by_words`]: a hit of the page and the count of all of them.
#[derive(sqlx::FromRow)]
struct CountedHit {
    #[sqlx(flatten)]
    hit: Hit,
    total: i64,
}

/// Every result of a search, in the page's order, for the CSV export.
pub async fn export(conn: &mut PgConnection, search: &Search, limit: i64) -> sqlx::Result<Vec<ExportRow>> {
    let mut query = QueryBuilder::new(
        "select p.public_id, p.slug, coalesce(person_display_name(p.id, 'en'), p.slug) as display_name, \
         array(select n.name from person_names n where n.person_id = p.id order by n.kind, n.lang, n.id) as names, \
         p.status, partial_date_iso(p.status_since, p.status_since_precision) as status_since, \
         array(select pc.country from person_citizenships pc where pc.person_id = p.id order by pc.country) as citizenships, \
         array(select distinct d.country from detentions d where d.person_id = p.id) as detention_countries, \
         (select partial_date_iso(d.started_on, d.started_precision) from detentions d \
           where d.person_id = p.id and d.started_on is not null order by d.started_on limit 1) as first_detained, \
         (select partial_date_iso(d.ended_on, d.ended_precision) from detentions d \
           where d.person_id = p.id and d.ended_on is not null order by d.ended_on desc limit 1) as last_released, \
         array(select distinct d.release_mechanism::text from detentions d \
           where d.person_id = p.id and d.release_mechanism is not null) as release_mechanisms, \
         array(select distinct w.slug from detentions d join waves w on w.id = d.wave_id \
           where d.person_id = p.id and w.publication = 'published') as waves, \
         p.occupation",
    );
    push_matches(&mut query, search);
    // The export is one English file whatever the page's language (see ARCHITECTURE.md).
    push_order(&mut query, search.sort, Lang::En);
    query.push(" limit ").push_bind(limit);
    query.build_query_as().fetch_all(conn).await
}

/// Names in the dictionary close to what was typed, for a page that found nothing: the
/// primary names of people whose tokens are nearest to the query's tokens. Only tokens of
/// people shown by name (`public`) compete for the nearest places, so a draft's, a withheld or
/// a deleted person's name can neither show nor push a published one out.
pub async fn suggestions(conn: &mut PgConnection, q: &str, lang: Lang) -> sqlx::Result<Vec<Suggestion>> {
    let tokens = name_tokens(q);
    if tokens.is_empty() {
        return Ok(Vec::new());
    }
    sqlx::query_as::<_, Suggestion>(
        "select p.slug, coalesce(person_display_name(p.id, $2), p.slug) as display_name
         from (
             select pt.person_id, max(near.sim) as sim
             from (
                 select t.token, max(similarity(q.tok, t.token)) as sim
                 from unnest($1::text[]) as q(tok)
                 cross join lateral (
                     select nt.token from name_tokens nt
                     where similarity(q.tok, nt.token) > 0.15
                       and exists (select from person_tokens pt where pt.token = nt.token and pt.public)
                     order by similarity(q.tok, nt.token) desc limit 5
                 ) t
                 group by t.token
             ) near
             join person_tokens pt on pt.token = near.token
             group by pt.person_id
             order by sim desc
             limit 200
         ) s
         join people p on p.id = s.person_id
         where p.public
         order by s.sim desc, p.sort_name
         limit 8",
    )
    .bind(tokens)
    .bind(lang.code())
    .fetch_all(conn)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow, Deserialize)]
pub struct Suggestion {
    pub slug: String,
    pub display_name: String,
}

/// The choices the search form offers: only values that occur in records shown (a draft's or a
/// withheld person's citizenship, or the country holding them, never shows).
#[derive(Debug, Clone, Default)]
pub struct FilterOptions {
    /// (code, name) of countries that hold or held someone.
    pub countries: Vec<(String, String)>,
    /// (code, name) of citizenships people have.
    pub citizenships: Vec<(String, String)>,
    /// (slug, name) of published waves, newest first.
    pub waves: Vec<(String, String)>,
}

/// Published people of `status` (everyone, for `None`) who are counted but not shown by name
/// (withheld): a number only. For the lists the home counts link to, so that a list of fewer
/// names than the count says why; never for a search by name or a narrow filter, where a
/// count could point at a person.
pub async fn not_named(conn: &mut PgConnection, status: Option<StatusFilter>) -> sqlx::Result<i64> {
    let (held, exact) = match status {
        None => (false, None),
        Some(StatusFilter::Held) => (true, None),
        Some(StatusFilter::Is(status)) => (false, Some(status.as_str())),
    };
    sqlx::query_scalar!(
        r#"
        select count(*) as "n!" from people p
        where p.publication = 'published' and not p.public
          and (not $1 or p.status in ('awaiting_trial', 'serving_sentence', 'in_custody'))
          and ($2::text is null or p.status::text = $2)
        "#,
        held,
        exact,
    )
    .fetch_one(conn)
    .await
}

pub async fn filter_options(conn: &mut PgConnection) -> sqlx::Result<FilterOptions> {
    let countries = sqlx::query_as(
        "select c.code, c.name from countries c
         where exists (
             select from detentions d join people p on p.id = d.person_id
             where d.country = c.code and p.public
         )
         order by c.name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let citizenships = sqlx::query_as(
        "select c.code, c.name from countries c
         where exists (
             select from person_citizenships pc join people p on p.id = pc.person_id
             where pc.country = c.code and p.public
         )
         order by c.name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let waves = sqlx::query_as(
        "select slug, name from waves where publication = 'published' order by started_on desc, id desc",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(FilterOptions { countries, citizenships, waves })
}
