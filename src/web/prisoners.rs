//! `/prisoners/{slug}`: the public page of one person.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;

use crate::app::AppState;
use crate::db::people::{self, PersonProfile};
use crate::domain::{NameKind, Slug};
use crate::error::{AppError, AppResult};
use crate::web::{Layout, format, moved_permanently, render};

pub fn router() -> Router<AppState> {
    Router::new().route("/prisoners/{slug}", get(show_prisoner))
}

#[derive(Template)]
#[template(path = "prisoners/show.html")]
struct PrisonerPage {
    layout: Layout,
    person: PersonProfile,
}

impl PrisonerPage {
    /// The footnote numbers of sources on this page: their positions in the page's source list.
    fn notes(&self, source_ids: &[i64]) -> Vec<usize> {
        source_ids.iter().filter_map(|id| self.person.sources.iter().position(|s| s.id == *id)).map(|i| i + 1).collect()
    }
}

async fn show_prisoner(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Response> {
    let slug: Slug = slug.parse().map_err(|_| AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    if let Some(person) = people::find_published_profile(&mut conn, slug.as_str()).await? {
        let layout = Layout::for_path(&state, &format!("/prisoners/{}", person.slug));
        return render(&PrisonerPage { layout, person });
    }
    // An old address: send readers (and search engines) to the current one for good.
    match people::find_redirect(&mut conn, slug.as_str()).await? {
        Some(current) => Ok(moved_permanently(&format!("/prisoners/{current}"))),
        None => Err(AppError::NotFound),
    }
}
