//! The admin area: everything under `/admin`, behind a session and a login (`web::login` makes
//! the session layer). Only these routes carry it: public pages set no cookie.

mod delete;
mod detentions;
mod editor;
mod events;
mod fields;
mod history;
mod import;
mod people;
pub mod photos;
mod review;
mod shown;
mod summary;
mod texts;
mod trash;
mod users;
mod waves;

use axum::Router;
use axum::extract::Request;
use axum::middleware::{Next, from_fn};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use tower_sessions::Session;

use crate::app::AppState;
use crate::db::users::{AuditAction, AuditEntry, User};
use crate::records::Kind;
use crate::records::citation::CitationDoc;
use crate::records::detention::DetentionDoc;
use crate::records::event::EventDoc;
use crate::records::facility::FacilityDoc;
use crate::records::figure::FigureDoc;
use crate::records::person::PersonDoc;
use crate::records::recognition::RecognitionDoc;
use crate::records::source::SourceDoc;
use crate::records::wave::WaveDoc;
use crate::web::Layout;
use crate::web::account;
use crate::web::error::{AppError, AppResult};
use crate::web::extract::CurrentUser;
use crate::web::locale::{self, Locale};
use crate::web::login::{self, AuthSession};
use editor::Page;

pub fn router(state: &AppState) -> Router<AppState> {
    let auth = login::auth_layer(state);
    let kinds = Kinds::new()
        .editor::<PersonDoc>()
        .editor::<DetentionDoc>()
        .editor::<EventDoc>()
        .editor::<WaveDoc>()
        .listed::<SourceDoc>()
        .listed::<CitationDoc>()
        .listed::<RecognitionDoc>()
        .listed::<FacilityDoc>()
        .listed::<FigureDoc>();
    let admins_only = Router::new()
        .merge(users::router())
        .merge(review::router())
        .merge(trash::router())
        .merge(crate::web::account::admin_router())
        .merge(kinds.admins)
        .route_layer(from_fn(require_admin));
    let admin = Router::new()
        .route("/admin", get(users::dashboard))
        .merge(people::router())
        .merge(waves::router())
        .merge(import::router())
        .merge(photos::router())
        .merge(texts::router())
        .merge(kinds.staff)
        .merge(crate::web::account::staff_router())
        .merge(admins_only)
        .route_layer(from_fn(require_login));
    Router::new().merge(login::router()).merge(crate::web::account::router()).merge(admin).layer(auth)
}

/// The routes of the record kinds, a line per kind: the editor (new, edit, history, restore)
/// for every account, deleting for admins.
struct Kinds {
    staff: Router<AppState>,
    admins: Router<AppState>,
}

impl Kinds {
    fn new() -> Self {
        Kinds { staff: Router::new(), admins: Router::new() }
    }

    /// A kind whose list, if it has one, is a page of its own (people, waves).
    fn editor<K: Page>(self) -> Self {
        Kinds { staff: self.staff.merge(editor::routes::<K>()), admins: self.admins.merge(delete::routes::<K>()) }
    }

    /// A kind edited by the field form, with the list that form's kinds share.
    fn listed<K: Kind>(self) -> Self {
        let kinds = self.editor::<K>();
        Kinds { staff: kinds.staff.merge(fields::list_routes::<K>()), ..kinds }
    }
}

/// The admin routes that take large bodies (see `web::upload_router`), behind the same
/// sessions and login check as the others.
pub fn upload_router(state: &AppState) -> Router<AppState> {
    photos::upload_router().route_layer(from_fn(require_login)).layer(login::auth_layer(state))
}

/// The frame of an admin page at `path` (without a language prefix), in the language of the
/// request: admin pages exist under `/be` and `/ru` like the public ones, with the switcher.
/// The language comes from the task-local `locale::current()`, which `locale::localise` sets
/// for every request, so that no handler needs one more extractor.
pub(crate) fn layout(state: &AppState, path: &str) -> Layout {
    Layout::localised(state, Locale { lang: locale::current(), hint: None }, path)
}

/// `path` with a search's text as its query string (`/admin/people?q=Losik`), for the switcher
/// of a list page: the same search in another language.
pub(crate) fn searched(path: &str, q: &str) -> String {
    if q.is_empty() {
        return path.to_owned();
    }
    format!("{path}?{}", serde_urlencoded::to_string([("q", q)]).unwrap_or_default())
}

/// 303 to the admin page at `path` (without a language prefix) in the request's language, so
/// that an admin who works in Belarusian stays in Belarusian after a save.
pub(crate) fn redirect_to(path: &str) -> Redirect {
    Redirect::to(&locale::current().path(path))
}

/// Sends visitors without a (live) session to the login form, remembering where they were going.
/// A session is live while it is logged in, younger than `login::ABSOLUTE_HOURS`, and not ended (its
/// `staff_sessions` row is there).
async fn require_login(mut auth: AuthSession, session: Session, mut request: Request, next: Next) -> Response {
    let to_login = |path: &str| {
        let query = serde_urlencoded::to_string([("next", path)]).unwrap_or_default();
        redirect_to(&format!("/login?{query}")).into_response()
    };
    let path = request.uri().path().to_owned();
    let user = match account::live_user(&mut auth, &session).await {
        Ok(account::Liveness::Live(user)) => user,
        Ok(account::Liveness::Anonymous) => return to_login(&path),
        Ok(account::Liveness::Ended(flag)) => {
            let _ = session.insert(flag, true).await;
            return to_login(&path);
        }
        Err(error) => return error.into_response(),
    };
    if !user.role.may_change() && !account::viewer_may(request.method(), &path) {
        return AppError::Forbidden.into_response();
    }
    request.extensions_mut().insert(CurrentUser(user));
    next.run(request).await
}

/// Answers 403 to accounts that are not admins.
async fn require_admin(request: Request, next: Next) -> Response {
    match request.extensions().get::<CurrentUser>() {
        Some(CurrentUser(user)) if user.role.is_admin() => next.run(request).await,
        _ => AppError::Forbidden.into_response(),
    }
}

/// Writes what `user` did (`action`, with `detail`) to the audit log.
pub(crate) async fn audit_action(
    state: &AppState,
    user: &User,
    action: AuditAction,
    detail: serde_json::Value,
) -> AppResult<()> {
    crate::web::audit(state, AuditEntry::by(user, action, Some(detail))).await
}
