//! `/`: headline counts, the reported figures, the latest waves and releases.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use crate::app::AppState;
use crate::db::people::PersonSummary;
use crate::db::stats::{HeadlineCounts, ReportedFigure};
use crate::db::{people, stats, waves};
use crate::domain::WaveSummary;
use crate::domain::chart_filter::ChartFilter;
use crate::web::error::AppResult;
use crate::web::locale::Locale;
use crate::web::{Layout, render};

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/", get(show_home))
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    counts: HeadlineCounts,
    figures: Vec<ReportedFigure>,
    waves: Vec<WaveSummary>,
    released: Vec<PersonSummary>,
    updated: Vec<PersonSummary>,
}

async fn show_home(State(state): State<AppState>, locale: Locale) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let counts = stats::headline_counts(&mut conn).await?;
    let figures = stats::latest_figures(&mut conn).await?;
    let waves = waves::list_published(&mut conn, &ChartFilter::default(), 10).await?;
    let released = people::recently_released(&mut conn, 10, locale.lang).await?;
    let updated = people::recently_updated(&mut conn, 10, locale.lang).await?;
    render(&HomePage { layout: Layout::localised(&state, locale, "/"), counts, figures, waves, released, updated })
}
