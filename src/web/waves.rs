//! `/waves/{slug}`: one release wave, with the reported number and the people documented in it.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;

use crate::app::AppState;
use crate::db::waves::{self, WaveProfile};
use crate::domain::Slug;
use crate::domain::WaveSummary;
use crate::domain::chart_filter::ChartFilter;
use crate::web::error::{AppError, AppResult};
use crate::web::locale::Locale;
use crate::web::{Layout, format, moved_permanently, render};

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/waves", get(list_waves)).route("/waves/{slug}", get(show_wave))
}

#[derive(Template)]
#[template(path = "waves/list.html")]
struct WavesPage {
    layout: Layout,
    waves: Vec<WaveSummary>,
}

async fn list_waves(State(state): State<AppState>, locale: Locale) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let waves = waves::list_published(&mut conn, &ChartFilter::default(), 10_000).await?;
    render(&WavesPage { layout: Layout::localised(&state, locale, "/waves"), waves })
}

#[derive(Template)]
#[template(path = "waves/show.html")]
struct WavePage {
    layout: Layout,
    wave: WaveProfile,
}

async fn show_wave(State(state): State<AppState>, locale: Locale, Path(slug): Path<String>) -> AppResult<Response> {
    let slug: Slug = slug.parse().map_err(|_| AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    if let Some(wave) = waves::find_published_profile(&mut conn, slug.as_str(), locale.lang).await? {
        let layout = Layout::localised(&state, locale, &format!("/waves/{}", wave.summary.slug));
        return render(&WavePage { layout, wave });
    }
    match waves::find_redirect(&mut conn, slug.as_str()).await? {
        Some(current) => Ok(moved_permanently(&locale.lang.path(&format!("/waves/{current}")))),
        None => Err(AppError::NotFound),
    }
}
