//! The application: shared state, the router with its middleware, and the server loop with
//! graceful shutdown.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderName, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use sqlx::PgPool;
use sqlx::types::ipnetwork::IpNetwork;
use tokio::net::TcpListener;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::config::ServeArgs;
use crate::db::changes::Changes;
use crate::web::cache::RenderCache;
use crate::web::charts::ChartCache;
use crate::web::data::DatasetCache;
use crate::web::error::error_page;
use crate::web::throttle::LoginThrottle;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
    /// The public origin without a trailing slash, e.g. `https://prisoners.example.org`.
    pub origin: Arc<str>,
    /// Rendered responses kept until the data changes.
    pub cache: RenderCache,
    /// The charts of each filter, shared by the chart page and the chart files.
    pub charts: ChartCache,
    /// The open dataset (`/data`), made once per data generation.
    pub dataset: DatasetCache,
    /// The choices of the search filters (countries, citizenships, waves), the same for every
    /// search: read once per data generation, not once per page.
    pub filter_options: crate::web::search::OptionsCache,
    /// The reverse proxies whose `X-Forwarded-For` names the client (`web::client`).
    pub trusted_proxies: Arc<[IpNetwork]>,
    /// How failed logins slow the next try; tests make it quick.
    pub login: LoginThrottle,
    /// Editors' changes to published records wait for an admin (`REVIEW_EDITS`).
    pub review_edits: bool,
}

impl AppState {
    /// The state of a site on `db`, listening for data changes (which needs a Tokio runtime).
    pub fn new(db: PgPool, origin: impl Into<Arc<str>>) -> Self {
        let changes = Changes::listen(db.clone());
        AppState {
            db,
            origin: origin.into(),
            cache: RenderCache::rendered(changes.clone()),
            charts: crate::web::charts::cache(changes.clone()),
            dataset: crate::web::data::cache(changes.clone()),
            filter_options: crate::web::search::options_cache(changes),
            trusted_proxies: Arc::from([]),
            login: LoginThrottle::default(),
            review_edits: true,
        }
    }

    /// The same state, with editors' changes to published records reviewed or not.
    pub fn with_review_edits(mut self, review: bool) -> Self {
        self.review_edits = review;
        self
    }

    /// The same state, reading the client's address from these proxies' headers.
    pub fn with_trusted_proxies(mut self, proxies: impl Into<Arc<[IpNetwork]>>) -> Self {
        self.trusted_proxies = proxies.into();
        self
    }
}

/// Limits that protect the server; tests may shorten them.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub request_timeout: Duration,
    pub body_bytes: usize,
    /// The body limit of `/admin/import…`, whose CSV files may be several megabytes (a pasted
    /// file, sent form-encoded, takes up to three times its size).
    pub import_body_bytes: usize,
    /// For uploads (a photo of up to 10 MB over a slow connection), which only logged-in
    /// editors reach: their session is checked before the body is read.
    pub upload_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            request_timeout: Duration::from_secs(30),
            body_bytes: 1024 * 1024,
            import_body_bytes: 3 * crate::import::table::MAX_BYTES + 64 * 1024,
            upload_timeout: Duration::from_secs(300),
        }
    }
}

/// tower-http's body limit, with the import's larger one for its paths. (axum's
/// `DefaultBodyLimit` on a route cannot raise a limit that an outer layer imposes.)
async fn limit_body(limits: Limits, request: Request, next: Next) -> Response {
    let max =
        if request.uri().path().starts_with("/admin/import") { limits.import_body_bytes } else { limits.body_bytes };
    let limited = tower::ServiceBuilder::new()
        .layer(RequestBodyLimitLayer::new(max))
        .map_request(|request: Request<tower_http::body::Limited<Body>>| request.map(Body::new))
        .service(next);
    match limited.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    }
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

async fn forget_client_request_id(mut request: axum::extract::Request) -> axum::extract::Request {
    request.headers_mut().remove(REQUEST_ID);
    request
}

/// The whole site as one service, ready to serve or to drive in tests without a socket.
pub fn router(state: AppState, limits: Limits) -> Router {
    // Refuses cross-site POSTs (Sec-Fetch-Site, or Origin against Host and our own origin);
    // forms carry a token as well (`web::csrf`).
    let csrf = CsrfLayer::new().add_trusted_origin(&*state.origin).unwrap_or_else(|_| CsrfLayer::new());
    let timeout = |duration| TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, duration);
    let site = crate::web::router(&state)
        .layer(axum::middleware::from_fn(crate::web::replace_nul_in_forms))
        // Every route but the uploads gets the site-wide body limit (the import's larger one on
        // its paths) and timeout; a layer reaches only the routes added before it, so the
        // uploads, merged after, keep their own.
        .layer(axum::middleware::from_fn(move |request, next| limit_body(limits, request, next)))
        .layer(timeout(limits.request_timeout))
        .merge(crate::web::upload_router(&state).layer(timeout(limits.upload_timeout)))
        .with_state(state.clone())
        .layer(csrf)
        .layer(axum::middleware::from_fn(crate::web::friendly_errors))
        // A zip is compressed already: gzipping it again costs CPU and saves nothing.
        .layer(
            CompressionLayer::new()
                .compress_when(DefaultPredicate::new().and(NotForContentType::const_new("application/zip"))),
        )
        .layer(CatchPanicLayer::custom(|_panic| error_page(StatusCode::INTERNAL_SERVER_ERROR, None)))
        // Logs method, path and status, never query strings' secrets or bodies.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &axum::http::Request<_>| {
                    let id = request.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("");
                    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), id)
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        // The id is ours: one a client sends would go into the logs as it was typed.
        .layer(axum::middleware::map_request(forget_client_request_id))
        // Outermost, so that even the timeout's and the panic catcher's answers carry them.
        .layer(axum::middleware::from_fn_with_state(state, crate::web::headers::security_headers));
    // The language prefix (`/be/…`) is taken off before routing, so a layer around the whole
    // router (one added with `Router::layer` would run after routing).
    let localised = tower::Layer::layer(&axum::middleware::from_fn(crate::web::locale::localise), site);
    Router::new().fallback_service(localised)
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight.
pub async fn serve(pool: PgPool, args: &ServeArgs) -> anyhow::Result<()> {
    let origin = args.public_origin()?;
    let state = AppState::new(pool, origin)
        .with_trusted_proxies(args.trusted_proxies.clone())
        .with_review_edits(args.review_edits);
    let limits = Limits { request_timeout: Duration::from_secs(args.request_timeout_secs), ..Limits::default() };
    tokio::spawn(sweep_sessions(state.db.clone(), Duration::from_secs(3600)));
    let listener = TcpListener::bind(args.bind_addr).await?;
    tracing::info!(address = %listener.local_addr()?, origin = %state.origin, "serving");
    // Connection info gives the login throttle the client's address.
    let service = router(state, limits).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Deletes expired sessions, and purges the trash of cases past their time, now and then every
/// `every`, for as long as the server runs.
pub async fn sweep_sessions(pool: PgPool, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    loop {
        ticks.tick().await;
        let swept = match pool.acquire().await {
            Ok(mut conn) => crate::db::users::delete_expired_sessions(&mut conn, crate::web::login::IDLE_MINUTES).await,
            Err(error) => Err(error),
        };
        match swept {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "deleted expired sessions"),
            Err(error) => tracing::warn!(%error, "could not delete expired sessions; trying again later"),
        }
        // Deleted people's cases past their 30 days in the trash (issue 19), audited there.
        let purged = match pool.acquire().await {
            Ok(mut conn) => crate::db::trash::purge_expired(&mut conn, None).await,
            Err(error) => Err(error),
        };
        match purged {
            Ok(people) if people.is_empty() => {}
            Ok(people) => tracing::info!(?people, "purged deleted people's cases from the trash"),
            Err(error) => tracing::warn!(%error, "could not purge the trash; trying again later"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
