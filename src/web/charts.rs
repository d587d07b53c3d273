//! `/charts`: the release waves and the flows of arrests and releases over time, as SVG drawn on
//! the server, with a data table beside each chart. `/charts/{name}.svg`, `.png` and `.csv`
//! give each chart on its own, for embedding, slides and analysis; they take the same query
//! parameters. Everything here is cached until the data changes (`web::cache`).

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use time::Date;

use crate::app::AppState;
use crate::charts::Reported;
use crate::charts::bars::{self, BarRow, BarsChart, Category};
use crate::charts::lines::{self, LineChart};
use crate::charts::waves::{self as wave_chart, WaveBar, WavesChart};
use crate::charts::{ChartName, png};
use crate::db::changes::Changes;
use crate::db::charts as data;
use crate::db::stats;
use crate::domain::chart_filter::{ChartFilter, ChartForm, InvalidFilter};
use crate::domain::{Country, PartialDate, WaveSummary};
use crate::i18n::{Lang, Message};
use crate::web::api::types::{StatsRow, WaveItem};
use crate::web::cache::{GenerationCache, Rendered};
use crate::web::download::{self, ForExcel};
use crate::web::error::{AppError, AppResult};
use crate::web::format::AsDate;
use crate::web::locale::Locale;
use crate::web::{Layout, render_with};

pub fn router() -> Router<AppState> {
    Router::new().route("/charts", get(show_charts)).route("/charts/{file}", get(chart_file))
}

/// Browsers and proxies may keep a chart this long; the server's own cache is exact.
const CACHE_CONTROL: &str = "public, max-age=300";

/// The charts of each filter, kept until the data changes.
pub type ChartCache = GenerationCache<Arc<Charts>>;

pub fn cache(changes: Changes) -> ChartCache {
    // Weighed roughly: a filter's charts take tens of kilobytes.
    GenerationCache::new(changes, 16 * 1024 * 1024, |_| 64 * 1024)
}

/// The five charts of one filter.
pub struct Charts {
    waves: WavesChart,
    flows: LineChart,
    held: LineChart,
    mechanisms: BarsChart,
    citizenship: BarsChart,
    /// The newest source date the data rest on (for the filter's country): the charts' "as of".
    as_of: Option<PartialDate>,
}

/// A filter's charts, with what their templates need besides: the filter, the country names.
struct Prepared<'a> {
    state: &'a AppState,
    filter: &'a ChartFilter,
    countries: Vec<Country>,
    charts: Arc<Charts>,
}

impl<'a> Prepared<'a> {
    /// Refuses a country code no published record uses, then fetches the charts.
    async fn new(state: &'a AppState, filter: &'a ChartFilter) -> AppResult<Prepared<'a>> {
        let countries = data::countries(&mut *state.db.acquire().await?).await?;
        if let Some(code) = &filter.country
            && !countries.iter().any(|c| &c.code == code)
        {
            return Err(AppError::BadRequest(Message::new("chart-refusal-unknown-country").arg("code", code)));
        }
        let charts = charts(state, filter).await?;
        Ok(Prepared { state, filter, countries, charts })
    }

    /// The name of the country filtered on, in `lang`.
    fn country(&self, lang: Lang) -> Option<String> {
        let code = self.filter.country.as_deref()?;
        self.countries.iter().find(|c| c.code == code).map(|c| lang.country(&c.code, &c.name))
    }

    /// The chart `name` as SVG, its words in `lang`.
    fn svg(&self, name: ChartName, lang: Lang) -> askama::Result<String> {
        let (charts, origin, filter) = (&self.charts, &*self.state.origin, self.filter);
        let country = self.country(lang);
        let country = country.as_deref();
        match name {
            ChartName::Waves => WavesSvg { c: &charts.waves, origin, country, lang }.render(),
            ChartName::Flows => LinesSvg { name: name.as_str(), c: &charts.flows, origin, country, lang }.render(),
            ChartName::Held => LinesSvg { name: name.as_str(), c: &charts.held, origin, country, lang }.render(),
            ChartName::Mechanisms => {
                BarsSvg { name: name.as_str(), c: &charts.mechanisms, filter, country, lang }.render()
            }
            ChartName::Citizenship => {
                BarsSvg { name: name.as_str(), c: &charts.citizenship, filter, country, lang }.render()
            }
        }
    }
}

/// Chart words that take more than one message, for the templates (`lang.chart_title(name)`,
/// and through `Layout`'s deref on the page).
pub(crate) trait ChartWords: Copy {
    /// The chart's title: `chart-title-{name}`.
    fn chart_title(self, name: &str) -> String;
    /// The chart's link in the page's table of contents: `charts-nav-{name}`.
    fn chart_nav(self, name: &str) -> String;
    /// A month of a chart's data, on its own: "March 2024", "сакавік 2024".
    fn month_of(self, date: impl AsDate) -> String;
    /// The same after "at the end of": the month in the genitive ("канец сакавіка 2024").
    fn month_genitive_of(self, date: impl AsDate) -> String;
    /// A month on a time axis: "Mar", "сак", "мар".
    fn month_abbr(self, month: u8) -> String;
}

impl ChartWords for Lang {
    fn chart_title(self, name: &str) -> String {
        self.t(&format!("chart-title-{name}"))
    }

    fn chart_nav(self, name: &str) -> String {
        self.t(&format!("charts-nav-{name}"))
    }

    fn month_of(self, date: impl AsDate) -> String {
        let date = date.as_date();
        self.t2("date-month", "month", self.t(&format!("month-{}", date.month() as u8)), "year", date.year())
    }

    fn month_genitive_of(self, date: impl AsDate) -> String {
        let date = date.as_date();
        self.t2("date-month", "month", self.t(&format!("month-genitive-{}", date.month() as u8)), "year", date.year())
    }

    fn month_abbr(self, month: u8) -> String {
        self.t(&format!("month-abbr-{month}"))
    }
}

/// A reported number in words: "more than 200", "3", "not reported".
fn reported_words(lang: Lang, reported: &Option<Reported>) -> String {
    match reported {
        None => lang.t("not-reported"),
        Some(r) if r.qualifier.as_str() == "exactly" => lang.number(r.count),
        Some(r) => format!("{} {}", lang.label("qualifier", r.qualifier.as_str()), lang.number(r.count)),
    }
}

/// `key`, or `key-unreported` when no number was reported: "not reported" does not fit where a
/// number goes ("по сообщениям освобождено не сообщалось").
fn unreported_key(key: &str, reported: &Option<Reported>) -> String {
    match reported {
        Some(_) => key.to_owned(),
        None => format!("{key}-unreported"),
    }
}

/// A wave's date as the sources give it, marked when it is not a known day.
fn wave_date_words(lang: Lang, wave: &WaveSummary) -> String {
    let mut text = lang.date(&wave.started);
    if let Some(ended) = &wave.ended {
        text = format!("{text} – {}", lang.date(ended));
    }
    if wave.started.is_approximate() || wave.ended.is_some() {
        text = format!("{text} {}", lang.t("charts-approximate"));
    }
    text
}

#[derive(Template)]
#[template(path = "charts/waves.svg", escape = "xml")]
struct WavesSvg<'a> {
    c: &'a WavesChart,
    origin: &'a str,
    country: Option<&'a str>,
    lang: Lang,
}

impl WavesSvg<'_> {
    fn reported(&self, reported: &Option<Reported>) -> String {
        reported_words(self.lang, reported)
    }

    /// The description's first sentences: how many waves, and how many people documented.
    fn summary(&self) -> String {
        let documented = self.lang.number(self.c.documented_total());
        self.lang.t_count("chart-waves-desc", self.c.waves.len() as i64, &[("documented", &documented)])
    }

    fn largest_words(&self, largest: &WaveBar) -> String {
        let lang = self.lang;
        lang.t_args(
            &unreported_key("chart-waves-largest", &largest.reported),
            &[
                ("name", &largest.wave.name),
                ("date", &wave_date_words(lang, &largest.wave)),
                ("reported", &self.reported(&largest.reported)),
                ("documented", &lang.number(largest.wave.documented)),
            ],
        )
    }
}

#[derive(Template)]
#[template(path = "charts/lines.svg", escape = "xml")]
struct LinesSvg<'a> {
    name: &'a str,
    c: &'a LineChart,
    origin: &'a str,
    country: Option<&'a str>,
    lang: Lang,
}

#[derive(Template)]
#[template(path = "charts/bars.svg", escape = "xml")]
struct BarsSvg<'a> {
    name: &'a str,
    c: &'a BarsChart,
    filter: &'a ChartFilter,
    country: Option<&'a str>,
    lang: Lang,
}

impl BarsSvg<'_> {
    /// A bar's name: a mechanism, a country, "3 other countries".
    fn category(&self, category: &Category) -> String {
        let lang = self.lang;
        match category {
            Category::Mechanism(m) => lang.label("mechanism", m.as_str()),
            Category::Country(c) => lang.country(&c.code, &c.name),
            Category::OtherCountries(n) => lang.tn("charts-other-countries", *n as i64),
            Category::NotRecorded => lang.t("charts-citizenship-not-recorded"),
        }
    }

    /// A mechanism's bar in words (`chart-mechanisms-row` or `chart-mechanisms-bar`).
    fn row_words(&self, key: &str, row: &BarRow) -> String {
        self.lang.t_args(
            &unreported_key(key, &row.reported),
            &[
                ("category", &self.category(&row.category)),
                ("documented", &self.lang.number(row.documented)),
                ("reported", &reported_words(self.lang, &row.reported)),
            ],
        )
    }
}

impl Charts {
    fn csv(&self, name: ChartName, origin: &str) -> anyhow::Result<Vec<u8>> {
        let mut out = csv::Writer::from_writer(Vec::new());
        match name {
            ChartName::Waves => {
                out.write_record([
                    "slug",
                    "name",
                    "country",
                    "mechanism",
                    "started",
                    "ended",
                    "approximate_date",
                    "reported_released",
                    "reported_qualifier",
                    "documented",
                    "url",
                ])?;
                for w in &self.waves.waves {
                    let approximate = w.started.is_approximate() || w.ended.is_some();
                    out.write_record([
                        w.slug.as_str(),
                        crate::spreadsheet::escape_cell(&w.name).as_ref(),
                        w.country.code.as_str(),
                        w.mechanism.as_str(),
                        w.started.iso().as_str(),
                        w.ended.map(|e| e.iso()).unwrap_or_default().as_str(),
                        if approximate { "true" } else { "false" },
                        w.reported_released_count.map(|n| n.to_string()).unwrap_or_default().as_str(),
                        w.reported_count_qualifier.map_or("", |q| q.as_str()),
                        w.documented.to_string().as_str(),
                        format!("{origin}/waves/{}", w.slug).as_str(),
                    ])?;
                }
            }
            ChartName::Flows => {
                out.write_record(["month", "arrests", "releases"])?;
                for row in &self.flows.rows {
                    out.write_record([month(row.month), row.values[0].to_string(), row.values[1].to_string()])?;
                }
            }
            ChartName::Held => {
                out.write_record(["month", "held_at_month_end", "after_newest_source"])?;
                for row in &self.held.rows {
                    let after = self.held.unconfirmed(row);
                    out.write_record([month(row.month), row.values[0].to_string(), after.to_string()])?;
                }
            }
            ChartName::Mechanisms => {
                out.write_record(["mechanism", "documented_released", "reported_released", "reported_qualifier"])?;
                for row in &self.mechanisms.rows {
                    let Category::Mechanism(m) = &row.category else { continue };
                    out.write_record([
                        m.as_str().to_owned(),
                        row.documented.to_string(),
                        row.reported.map(|r| r.count.to_string()).unwrap_or_default(),
                        row.reported.map(|r| r.qualifier.as_str().to_owned()).unwrap_or_default(),
                    ])?;
                }
            }
            ChartName::Citizenship => {
                out.write_record(["citizenship", "country", "documented_released"])?;
                for row in &self.citizenship.rows {
                    let (code, country) = match &row.category {
                        Category::Country(c) => (c.code.clone(), crate::spreadsheet::escape_cell(&c.name).into_owned()),
                        Category::OtherCountries(n) => ("other".to_owned(), format!("{n} other countries")),
                        Category::NotRecorded => (String::new(), "not recorded".to_owned()),
                        Category::Mechanism(_) => continue,
                    };
                    out.write_record([code, country, row.documented.to_string()])?;
                }
            }
        }
        Ok(out.into_inner()?)
    }
}

impl Charts {
    /// The rows of one chart for the JSON API (the same numbers as its CSV), and the records no
    /// month could hold.
    pub(crate) fn stats_rows(&self, name: ChartName, origin: &str) -> (Vec<StatsRow>, Vec<i64>) {
        match name {
            ChartName::Waves => {
                let rows = self
                    .waves
                    .waves
                    .iter()
                    .map(|w| StatsRow { wave: Some(WaveItem::new(w.clone(), origin)), ..StatsRow::default() });
                (rows.collect(), Vec::new())
            }
            ChartName::Flows => {
                let rows = self.flows.rows.iter().map(|r| StatsRow {
                    month: Some(month(r.month)),
                    arrests: Some(r.values[0]),
                    releases: Some(r.values[1]),
                    ..StatsRow::default()
                });
                (rows.collect(), self.flows.unplaced.clone())
            }
            ChartName::Held => {
                let rows = self.held.rows.iter().map(|r| StatsRow {
                    month: Some(month(r.month)),
                    held_at_month_end: Some(r.values[0]),
                    ..StatsRow::default()
                });
                (rows.collect(), self.held.unplaced.clone())
            }
            ChartName::Mechanisms => {
                let rows = self.mechanisms.rows.iter().filter_map(|row| {
                    let Category::Mechanism(m) = &row.category else { return None };
                    Some(StatsRow {
                        mechanism: Some(m.as_str().to_owned()),
                        documented_released: Some(row.documented),
                        reported_released: row.reported.map(|r| r.count),
                        reported_qualifier: row.reported.map(|r| r.qualifier.as_str().to_owned()),
                        ..StatsRow::default()
                    })
                });
                (rows.collect(), Vec::new())
            }
            ChartName::Citizenship => {
                let rows = self.citizenship.rows.iter().filter_map(|row| {
                    let code = match &row.category {
                        Category::Country(c) => c.code.clone(),
                        Category::OtherCountries(_) => "other".to_owned(),
                        Category::NotRecorded => String::new(),
                        Category::Mechanism(_) => return None,
                    };
                    Some(StatsRow {
                        citizenship: Some(code),
                        documented_released: Some(row.documented),
                        ..StatsRow::default()
                    })
                });
                (rows.collect(), Vec::new())
            }
        }
    }
}

/// The charts of a filter whose country some published record uses (else a 400), for the API.
pub(crate) async fn charts_for(state: &AppState, filter: &ChartFilter) -> AppResult<Arc<Charts>> {
    Ok(Prepared::new(state, filter).await?.charts)
}

fn month(date: Date) -> String {
    format!("{:04}-{:02}", date.year(), date.month() as u8)
}

fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

/// The charts of `filter`, from the cache or the database.
async fn charts(state: &AppState, filter: &ChartFilter) -> AppResult<Arc<Charts>> {
    state.charts.get_or_compute(filter.query_string(), || async { load(state, filter).await.map(Arc::new) }).await
}

/// Loads the data of every chart for `filter` and lays the charts out. The queries are
/// independent and each reads most of the detentions, so they run side by side.
async fn load(state: &AppState, filter: &ChartFilter) -> AppResult<Charts> {
    let country = filter.country.as_deref();
    let first = match filter.from_day() {
        Some(day) => day,
        None => data::first_date(&mut *state.db.acquire().await?, country).await?.unwrap_or_else(today),
    };
    let last = filter.to_day().unwrap_or_else(|| today().max(first));
    let (first, last) = lines::month_range(first, last);
    let (waves, flows, held, by_mechanism, by_citizenship, as_of) = tokio::try_join!(
        async { data::waves(&mut *state.db.acquire().await?, filter).await },
        async { data::flows(&mut *state.db.acquire().await?, country, first, last).await },
        async { data::held_changes(&mut *state.db.acquire().await?, country).await },
        async { data::releases_by_mechanism(&mut *state.db.acquire().await?, filter).await },
        async { data::releases_by_citizenship(&mut *state.db.acquire().await?, filter).await },
        async { stats::newest_source(&mut *state.db.acquire().await?, country).await },
    )?;
    Ok(Charts {
        flows: lines::flows(&flows, first, last),
        held: lines::held(&held, &waves, first, last, as_of.map(|d| d.start())),
        mechanisms: bars::mechanisms(&by_mechanism, &waves),
        citizenship: bars::citizenship(&by_citizenship),
        waves: wave_chart::build(waves, filter.from_day(), filter.to_day()),
        as_of,
    })
}

fn parse(form: &ChartForm) -> AppResult<ChartFilter> {
    ChartFilter::parse(form).map_err(|e| AppError::BadRequest(e.message()))
}

/// A filter the charts refused, as the page shows it: the values as typed (nothing lost), and
/// the message beside the field it names.
struct Refused<'a> {
    form: &'a ChartForm,
    error: InvalidFilter,
}

#[derive(Template)]
#[template(path = "charts/index.html")]
struct ChartsPage<'a> {
    layout: Layout,
    origin: &'a str,
    filter: &'a ChartFilter,
    countries: &'a [Country],
    charts: &'a Charts,
    /// Each chart's SVG, rendered by its own template (all text in it escaped there).
    svgs: Vec<(ChartName, String)>,
    /// A refused filter: the charts below are then those of all the data.
    refused: Option<Refused<'a>>,
}

impl ChartsPage<'_> {
    fn svg(&self, name: &str) -> &str {
        self.svgs.iter().find(|(n, _)| n.as_str() == name).map_or("", |(_, svg)| svg.as_str())
    }

    /// A chart's own file: the SVG and PNG in the page's language, the CSV at its one
    /// unprefixed address (its columns and keys are the same in every language).
    fn file(&self, name: &str, extension: &str) -> String {
        let path = format!("/charts/{name}.{extension}{}", self.filter.query_suffix());
        if extension == "csv" { path } else { self.layout.link(&path) }
    }

    /// The chart's CSV for Excel (`bom=1`: see `web::download`).
    fn excel_csv(&self, name: &str) -> String {
        let path = self.file(name, "csv");
        format!("{path}{}bom=1", if path.contains('?') { '&' } else { '?' })
    }

    fn typed_from(&self) -> String {
        match &self.refused {
            Some(refused) => refused.form.from.clone().unwrap_or_default(),
            None => self.filter.from.map(|d| d.iso()).unwrap_or_default(),
        }
    }

    fn typed_to(&self) -> String {
        match &self.refused {
            Some(refused) => refused.form.to.clone().unwrap_or_default(),
            None => self.filter.to.map(|d| d.iso()).unwrap_or_default(),
        }
    }

    fn selected_country(&self, code: &str) -> bool {
        match &self.refused {
            Some(refused) => refused.form.country.as_deref().is_some_and(|c| c.trim().eq_ignore_ascii_case(code)),
            None => self.filter.country.as_deref() == Some(code),
        }
    }

    /// The refusal's words, if `parameter` is the one refused.
    fn error(&self, parameter: &str) -> Option<String> {
        self.refused
            .as_ref()
            .filter(|refused| refused.error.parameter == parameter)
            .map(|refused| self.layout.lang.message(&refused.error.message()))
    }
}

/// The chart page again for a filter it refused, with status 400: the form as typed with the
/// message beside its field, and the charts of all the data below (said so above them). Not
/// cached: its key would be whatever was typed.
async fn show_refused_charts(
    state: &AppState,
    locale: Locale,
    form: &ChartForm,
    error: InvalidFilter,
) -> AppResult<Response> {
    let filter = ChartFilter::default();
    let prepared = Prepared::new(state, &filter).await?;
    let svgs = ChartName::ALL
        .into_iter()
        .map(|name| prepared.svg(name, locale.lang).map(|svg| (name, svg)))
        .collect::<askama::Result<Vec<_>>>()?;
    let page = ChartsPage {
        layout: Layout::localised(state, locale, "/charts"),
        origin: &state.origin,
        filter: &filter,
        countries: &prepared.countries,
        charts: &prepared.charts,
        svgs,
        refused: Some(Refused { form, error }),
    };
    let mut response = render_with(StatusCode::BAD_REQUEST, &page)?;
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

async fn show_charts(
    State(state): State<AppState>,
    locale: Locale,
    Query(form): Query<ChartForm>,
) -> AppResult<Response> {
    let filter = match ChartFilter::parse(&form) {
        Ok(filter) => filter,
        Err(error) => return show_refused_charts(&state, locale, &form, error).await,
    };
    let key = format!("{}/charts{}", locale.cache_key(), filter.query_suffix());
    let rendered = state
        .cache
        .get_or_compute(key, || async {
            let prepared = Prepared::new(&state, &filter).await?;
            let svgs = ChartName::ALL
                .into_iter()
                .map(|name| prepared.svg(name, locale.lang).map(|svg| (name, svg)))
                .collect::<askama::Result<Vec<_>>>()?;
            let path = format!("/charts{}", filter.query_suffix());
            let page = ChartsPage {
                layout: Layout::localised(&state, locale, &path),
                origin: &state.origin,
                filter: &filter,
                countries: &prepared.countries,
                charts: &prepared.charts,
                svgs,
                refused: None,
            };
            Ok(Rendered::new("text/html; charset=utf-8", page.render()?))
        })
        .await?;
    Ok(with_cache_control(rendered.into_response()))
}

async fn chart_file(
    State(state): State<AppState>,
    Path(file): Path<String>,
    locale: Locale,
    Query(form): Query<ChartForm>,
    Query(excel): Query<ForExcel>,
) -> AppResult<Response> {
    let lang = locale.lang;
    let (name, extension) = file.rsplit_once('.').ok_or(AppError::NotFound)?;
    let name = ChartName::parse(name).ok_or(AppError::NotFound)?;
    if !matches!(extension, "svg" | "png" | "csv") {
        return Err(AppError::NotFound);
    }
    let filter = parse(&form)?;
    // The CSV is the same in every language: its columns and keys are identifiers, and its
    // country names are the records' own.
    let key = match extension {
        "csv" => format!("/charts/{}.csv{}", name.as_str(), filter.query_suffix()),
        _ => format!("{}:/charts/{}.{extension}{}", lang.code(), name.as_str(), filter.query_suffix()),
    };
    let rendered = state
        .cache
        .get_or_compute(key, || async {
            let prepared = Prepared::new(&state, &filter).await?;
            match extension {
                "csv" => Ok(Rendered::new("text/csv; charset=utf-8", prepared.charts.csv(name, &state.origin)?)),
                "svg" => {
                    let svg = prepared.svg(name, lang)?;
                    Ok(Rendered::new("image/svg+xml", format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}")))
                }
                _ => {
                    let svg = prepared.svg(name, lang)?;
                    let png = tokio::task::spawn_blocking(move || png::render(&svg))
                        .await
                        .map_err(anyhow::Error::from)?
                        .map_err(anyhow::Error::from)?;
                    Ok(Rendered::new("image/png", png))
                }
            }
        })
        .await?;
    if extension == "csv" {
        // The cached file is the plain one; the mark for Excel goes in front on the way out.
        let file =
            download::attachment(download::CSV, &format!("{}.csv", name.as_str()), excel.csv(rendered.body.clone()));
        return Ok(with_cache_control(file));
    }
    Ok(with_cache_control(rendered.into_response()))
}

fn with_cache_control(mut response: Response) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE_CONTROL));
    response
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn chart_counts_take_the_right_plural_form() {
        for (n, be, ru) in [
            (1, "1 затрыманне", "1 задержание"),
            (2, "2 затрыманні", "2 задержания"),
            (5, "5 затрыманняў", "5 задержаний"),
            (11, "11 затрыманняў", "11 задержаний"),
            (21, "21 затрыманне", "21 задержание"),
            (22, "22 затрыманні", "22 задержания"),
            (23, "23 затрыманні", "23 задержания"),
            (24, "24 затрыманні", "24 задержания"),
            (102, "102 затрыманні", "102 задержания"),
            (112, "112 затрыманняў", "112 задержаний"),
        ] {
            assert_eq!(Lang::Be.tn("count-arrests", n), be);
            assert_eq!(Lang::Ru.tn("count-arrests", n), ru);
        }
        assert_eq!(Lang::En.tn("count-releases", 1), "1 release");
        assert_eq!(Lang::Ru.tn("charts-other-countries", 3), "ещё 3 страны");
    }

    #[test]
    fn an_unreported_number_gets_its_own_words() {
        let key = unreported_key("chart-mechanisms-bar", &None);
        let args: [(&str, &dyn std::fmt::Display); 2] = [("category", &"Обмен"), ("documented", &2)];
        assert_eq!(Lang::Ru.t_args(&key, &args), "Обмен: задокументировано 2, число освобождённых не сообщалось");
        let key = unreported_key("chart-mechanisms-row", &None);
        assert_eq!(Lang::En.t_args(&key, &args), "Обмен: 2 documented, no number reported");
    }

    #[test]
    fn chart_months_read_naturally() {
        let march = date!(2024 - 03 - 01);
        assert_eq!(Lang::En.month_of(march), "March 2024");
        assert_eq!(Lang::Be.month_of(march), "сакавік 2024");
        assert_eq!(Lang::Be.month_genitive_of(march), "сакавіка 2024");
        assert_eq!(Lang::Ru.month_genitive_of(march), "марта 2024");
        assert_eq!(Lang::Ru.month_abbr(3), "мар");
        assert_eq!(Lang::Be.chart_title("waves"), "Хвалі вызваленняў");
    }
}
