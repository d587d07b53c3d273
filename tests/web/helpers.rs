//! The test harness: a migrated template database cloned per test, and an in-process app.

use std::path::Path;
use std::str::FromStr;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use prisoner_tracker::app::{self, AppState, Limits};
use prisoner_tracker::db::{self, MIGRATOR, local_cluster::LocalCluster};
use scraper::{Html, Selector};
use sha2::{Digest, Sha256};
use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, Executor, PgConnection, PgPool};
use tokio::sync::OnceCell;
use tower::ServiceExt;

/// The server tests run against: DATABASE_URL, or the project's private cluster.
async fn admin_options() -> PgConnectOptions {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => PgConnectOptions::from_str(&url).expect("DATABASE_URL is a valid URL"),
        _ => {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(".pgdata");
            let cluster = LocalCluster::new(&root).expect("PostgreSQL binaries are installed");
            tokio::task::spawn_blocking(move || {
                cluster.ensure_running().expect("the private cluster starts");
                cluster.admin_options()
            })
            .await
            .unwrap()
        }
    }
}

/// Name of the template database for the current set of migrations: a change to any
/// migration makes a new template, so no test ever runs on a stale schema.
fn template_name() -> String {
    let mut hash = Sha256::new();
    for migration in MIGRATOR.iter() {
        hash.update(migration.version.to_le_bytes());
        hash.update(&migration.checksum);
    }
    let digest = hash.finalize();
    format!("pt_template_{}", digest[..6].iter().map(|b| format!("{b:02x}")).collect::<String>())
}

static TEMPLATE: OnceCell<(PgConnectOptions, String)> = OnceCell::const_new();

/// Builds the template once per machine and migration set. Test processes run in parallel,
/// so an advisory lock lets exactly one of them build it.
async fn template() -> &'static (PgConnectOptions, String) {
    TEMPLATE
        .get_or_init(|| async {
            let admin = admin_options().await;
            let name = template_name();
            let mut conn = PgConnection::connect_with(&admin).await.expect("connect to PostgreSQL");
            conn.execute("select pg_advisory_lock(424242)").await.unwrap();
            let exists: bool = sqlx::query_scalar("select exists (select from pg_database where datname = $1)")
                .bind(&name)
                .fetch_one(&mut conn)
                .await
                .unwrap();
            if !exists {
                let building = format!("{name}_building");
                conn.execute(format!("drop database if exists \"{building}\" with (force)").as_str()).await.unwrap();
                db::create_database(&mut conn, &building, "template0").await.unwrap();
                let pool = PgPool::connect_with(admin.clone().database(&building)).await.unwrap();
                MIGRATOR.run(&pool).await.expect("migrations apply");
                pool.close().await;
                conn.execute(format!("alter database \"{building}\" rename to \"{name}\"").as_str()).await.unwrap();
                let built =
                    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
                conn.execute(format!("comment on database \"{name}\" is '{built}'").as_str()).await.unwrap();
                // Templates of older migration sets are of no further use, once no other checkout
                // (another worktree, testing other migrations on this server) can still be using
                // them: those built over a day ago.
                let stale: Vec<String> = sqlx::query_scalar(
                    "select datname from pg_database
                     where datname like 'pt\\_template\\_%' and datname <> $1
                       and coalesce(nullif(shobj_description(oid, 'pg_database'), ''), '0')::bigint < $2",
                )
                .bind(&name)
                .bind(built - 24 * 3600)
                .fetch_all(&mut conn)
                .await
                .unwrap();
                for old in stale {
                    let _ = conn.execute(format!("drop database if exists \"{old}\" with (force)").as_str()).await;
                }
            }
            conn.execute("select pg_advisory_unlock(424242)").await.unwrap();
            (admin, name)
        })
        .await
}

/// A database of a test's own, dropped when the test ends.
pub(crate) struct TestDb {
    pub name: String,
    pub options: PgConnectOptions,
    admin: PgConnectOptions,
}

impl TestDb {
    /// A fresh database with every migration applied.
    pub(crate) async fn migrated() -> TestDb {
        let (admin, template) = template().await;
        Self::create(admin, template).await
    }

    /// A fresh database with nothing in it.
    pub(crate) async fn empty() -> TestDb {
        let (admin, _) = template().await;
        Self::create(admin, "template0").await
    }

    /// A fresh database whose LC_CTYPE is C: unfit for Cyrillic search.
    pub(crate) async fn with_c_locale() -> TestDb {
        let (admin, _) = template().await;
        let name = format!("pt_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = PgConnection::connect_with(admin).await.unwrap();
        let sql = format!("create database \"{name}\" template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'");
        conn.execute(sql.as_str()).await.unwrap();
        TestDb { options: admin.clone().database(&name), name, admin: admin.clone() }
    }

    async fn create(admin: &PgConnectOptions, template: &str) -> TestDb {
        let name = format!("pt_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = PgConnection::connect_with(admin).await.unwrap();
        db::create_database(&mut conn, &name, template).await.unwrap();
        TestDb { options: admin.clone().database(&name), name, admin: admin.clone() }
    }

    /// A URL for this database, for running the binary as a user would.
    pub(crate) fn url(&self) -> String {
        match std::env::var("DATABASE_URL") {
            Ok(url) if !url.is_empty() => {
                let mut url = url::Url::parse(&url).unwrap();
                url.set_path(&self.name);
                url.to_string()
            }
            _ => {
                let socket = self.options.get_socket().expect("the private cluster is reached by socket");
                format!("postgresql:///{}?host={}&user=postgres", self.name, socket.display())
            }
        }
    }

    pub(crate) async fn pool(&self) -> PgPool {
        db::connect_pool(self.options.clone(), 5).await.unwrap()
    }

    /// Drops the database under the app's feet, as if the server were gone.
    pub(crate) async fn drop_now(&self) {
        let mut conn = PgConnection::connect_with(&self.admin).await.unwrap();
        conn.execute(format!("drop database if exists \"{}\" with (force)", self.name).as_str()).await.unwrap();
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let admin = self.admin.clone();
        let name = self.name.clone();
        // Drop runs inside the test's runtime, which cannot be blocked on: use a thread.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async {
                if let Ok(mut conn) = PgConnection::connect_with(&admin).await {
                    let _ = conn.execute(format!("drop database if exists \"{name}\" with (force)").as_str()).await;
                }
            });
        })
        .join();
    }
}

pub(crate) const ORIGIN: &str = "https://prisoners.example.org";

/// The whole site, driven in-process.
pub(crate) struct TestApp {
    pub db: TestDb,
    pub pool: PgPool,
    pub state: AppState,
    router: Router,
}

impl TestApp {
    /// The site on a migrated, empty database.
    pub(crate) async fn new() -> TestApp {
        TestApp::configured(|state| state).await
    }

    /// The same, with its state changed by `configure` (trusted proxies, say). Failed logins
    /// slow the next try by milliseconds rather than seconds.
    pub(crate) async fn configured(configure: impl FnOnce(AppState) -> AppState) -> TestApp {
        let db = TestDb::migrated().await;
        let pool = db.pool().await;
        let mut state = AppState::new(pool.clone(), ORIGIN);
        state.login = prisoner_tracker::web::throttle::LoginThrottle::new(std::time::Duration::from_millis(1));
        let state = configure(state);
        let router = app::router(state.clone(), Limits::default());
        TestApp { db, pool, state, router }
    }

    /// The site with editors' changes going live at once (`REVIEW_EDITS=false`), for tests of
    /// what editors change rather than of the review queue.
    pub(crate) async fn unreviewed() -> TestApp {
        TestApp::configured(|state| state.with_review_edits(false)).await
    }

    /// The site with the demo records loaded.
    pub(crate) async fn with_demo() -> TestApp {
        TestApp::seeded(TestApp::new().await).await
    }

    /// `app` with the demo records loaded.
    pub(crate) async fn seeded(app: TestApp) -> TestApp {
        prisoner_tracker::seed::demo::seed(&app.pool).await.expect("demo data loads");
        // Every notification of the seed heard before the first request: a late one would make
        // the answers cached by a test stale between two of its requests.
        tokio::time::timeout(std::time::Duration::from_secs(30), app.state.cache.changes().settle(&app.pool))
            .await
            .expect("the site hears the seed within 30 s")
            .expect("the notification is sent");
        app
    }

    /// Runs `sql` and waits until the site has heard that the data changed, so that the next
    /// request sees the change even where the answer was cached.
    pub(crate) async fn change(&self, sql: &str) {
        let changes = self.state.cache.changes();
        let seen = changes.current();
        sqlx::raw_sql(sql).execute(&self.pool).await.unwrap();
        tokio::time::timeout(std::time::Duration::from_secs(30), changes.wait_past(seen))
            .await
            .expect("the change is announced within 30 s");
        // A change to several tables sends a notification per table: hearing the first is not
        // hearing the last, which would otherwise make an answer cached next stale between two
        // requests of the test (dataset.rs compares the zip and the JSON made from one snapshot).
        tokio::time::timeout(std::time::Duration::from_secs(30), changes.settle(&self.pool))
            .await
            .expect("the change is heard within 30 s")
            .expect("the notification is sent");
    }

    pub(crate) async fn get(&self, uri: &str) -> TestResponse {
        self.request(Request::builder().uri(uri).body(Body::empty()).unwrap()).await
    }

    pub(crate) async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse { status, headers, body: String::from_utf8_lossy(&bytes).into_owned(), bytes: bytes.to_vec() }
    }

    pub(crate) async fn send(&self, method: Method, uri: &str, body: impl Into<Body>) -> TestResponse {
        self.request(Request::builder().method(method).uri(uri).body(body.into()).unwrap()).await
    }
}

pub(crate) struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as text (invalid UTF-8 replaced); `bytes` has it as sent.
    pub body: String,
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub(crate) fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// The trimmed text of every element matching `selector`, whitespace collapsed.
    pub(crate) fn texts(&self, selector: &str) -> Vec<String> {
        let selector = Selector::parse(selector).unwrap();
        self.html()
            .select(&selector)
            .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    pub(crate) fn text(&self, selector: &str) -> String {
        self.texts(selector).into_iter().next().unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    /// The value of `attribute` on the first element matching `selector`.
    pub(crate) fn attr(&self, selector: &str, attribute: &str) -> Option<String> {
        let selector = Selector::parse(selector).unwrap();
        self.html().select(&selector).next().and_then(|e| e.value().attr(attribute)).map(str::to_owned)
    }

    pub(crate) fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

/// Counts rows of every table, to compare whole databases.
pub(crate) async fn table_counts(pool: &PgPool) -> Vec<(String, i64)> {
    let tables = [
        "people",
        "person_names",
        "person_citizenships",
        "person_slug_redirects",
        "facilities",
        "waves",
        "wave_slug_redirects",
        "detentions",
        "detention_charges",
        "events",
        "recognitions",
        "reported_figures",
        "sources",
        "citations",
    ];
    let mut counts = Vec::new();
    for table in tables {
        let n: i64 = sqlx::query_scalar(&format!("select count(*) from {table}")).fetch_one(pool).await.unwrap();
        counts.push((table.to_owned(), n));
    }
    counts
}

/// A browser on the site: keeps cookies, and posts forms the way a browser on this site's own
/// pages would (same-origin headers). `ip` plays the address the connection comes from;
/// `forwarded_for`, the `X-Forwarded-For` header a proxy (or a forger) sends.
pub(crate) struct Visitor<'a> {
    app: &'a TestApp,
    cookies: std::collections::BTreeMap<String, String>,
    pub ip: Option<std::net::SocketAddr>,
    pub forwarded_for: Option<String>,
}

impl<'a> Visitor<'a> {
    pub(crate) fn new(app: &'a TestApp) -> Self {
        Visitor { app, cookies: Default::default(), ip: None, forwarded_for: None }
    }

    pub(crate) fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies.get(name).map(String::as_str)
    }

    pub(crate) fn set_cookie(&mut self, name: &str, value: &str) {
        self.cookies.insert(name.to_owned(), value.to_owned());
    }

    pub(crate) async fn send(&mut self, mut request: Request<Body>) -> TestResponse {
        if !self.cookies.is_empty() {
            let header = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
            request.headers_mut().insert("cookie", header.parse().unwrap());
        }
        if let Some(ip) = self.ip {
            request.extensions_mut().insert(axum::extract::ConnectInfo(ip));
        }
        if let Some(forwarded) = &self.forwarded_for {
            request.headers_mut().insert("x-forwarded-for", forwarded.parse().unwrap());
        }
        let response = self.app.request(request).await;
        for value in response.headers.get_all("set-cookie") {
            let value = value.to_str().unwrap();
            let (pair, attributes) = value.split_once(';').unwrap_or((value, ""));
            let (name, cookie) = pair.split_once('=').unwrap();
            let gone = attributes.to_ascii_lowercase().contains("max-age=0") || cookie.is_empty();
            if gone {
                self.cookies.remove(name.trim());
            } else {
                self.cookies.insert(name.trim().to_owned(), cookie.to_owned());
            }
        }
        response
    }

    pub(crate) async fn get(&mut self, uri: &str) -> TestResponse {
        self.send(Request::builder().uri(uri).body(Body::empty()).unwrap()).await
    }

    /// Posts `fields` as a form sent from a page of this site.
    pub(crate) async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.post_with(uri, fields, &[("origin", ORIGIN), ("sec-fetch-site", "same-origin")]).await
    }

    pub(crate) async fn post_with(
        &mut self,
        uri: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header("host", ORIGIN.trim_start_matches("https://"))
            .header("content-type", "application/x-www-form-urlencoded");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let body = serde_urlencoded::to_string(fields).unwrap();
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// Posts `parts` as a multipart form (a form with a file) sent from a page of this site.
    pub(crate) async fn post_multipart(&mut self, uri: &str, parts: &[Part<'_>]) -> TestResponse {
        self.post_multipart_with(uri, parts, &[("origin", ORIGIN), ("sec-fetch-site", "same-origin")]).await
    }

    pub(crate) async fn post_multipart_with(
        &mut self,
        uri: &str,
        parts: &[Part<'_>],
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header("host", ORIGIN.trim_start_matches("https://"))
            .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        // In chunks, as a body arrives from the network: a server may answer before the end.
        let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
            multipart_body(parts).chunks(64 * 1024).map(|c| Ok(c.to_vec())).collect();
        let body = Body::from_stream(futures_util::stream::iter(chunks));
        self.send(request.body(body).unwrap()).await
    }

    /// The anti-forgery token of the form on the page at `uri`.
    pub(crate) async fn token(&mut self, uri: &str) -> String {
        let page = self.get(uri).await;
        page.attr("input[name=csrf_token]", "value").unwrap_or_else(|| {
            panic!("{uri} has a form with a token: {} {} {}", page.status, page.header("location"), page.body)
        })
    }

    /// Loads the record form at `form_uri` and submits `fields` with the form's token and
    /// version, to wherever the form posts.
    pub(crate) async fn submit(&mut self, form_uri: &str, fields: &[(&str, &str)]) -> TestResponse {
        let page = self.get(form_uri).await;
        assert_eq!(page.status, 200, "{form_uri}");
        let token = page.attr("input[name=csrf_token]", "value").unwrap();
        let version = page.attr("input[name=version]", "value");
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", &token)];
        if let Some(version) = &version {
            all.push(("version", version));
        }
        all.extend_from_slice(fields);
        let action = page.attr("form.record-form", "action").unwrap();
        self.post(&action, &all).await
    }

    /// Logs in through the form, then (when the password was right and the account has a second
    /// factor) enters the code its app would show; the response is the last form's answer: 303
    /// to the admin area when both were right.
    pub(crate) async fn log_in(&mut self, email: &str, password: &str) -> TestResponse {
        let answer = self.log_in_password(email, password).await;
        if answer.status != 303 || !answer.header("location").ends_with("/login/code") {
            return answer;
        }
        let code = current_code(&self.app.pool, email).await;
        self.enter_code(&code).await
    }

    /// The first step only: the password form's answer.
    pub(crate) async fn log_in_password(&mut self, email: &str, password: &str) -> TestResponse {
        let token = self.token("/login").await;
        self.post("/login", &[("csrf_token", &token), ("email", email), ("password", password), ("next", "/admin")])
            .await
    }

    /// The second step: `code` (from the app, or a recovery code) on `/login/code`.
    pub(crate) async fn enter_code(&mut self, code: &str) -> TestResponse {
        let token = self.token("/login/code").await;
        self.post("/login/code", &[("csrf_token", &token), ("code", code)]).await
    }
}

/// The password of the accounts tests make.
pub(crate) const PASSWORD: &str = "correct horse battery staple";

/// The TOTP secret of the accounts tests make: their phone's authenticator app.
pub(crate) const TOTP_SECRET: &[u8; 20] = b"twenty bytes secret!";

/// Makes an account of `role` with [`PASSWORD`] and a second factor already set up (with
/// [`TOTP_SECRET`], as if its user had enrolled; without recovery codes). Its display name is
/// [`display_name`].
pub(crate) async fn staff_account(pool: &PgPool, email: &str, role: prisoner_tracker::accounts::Role) -> i64 {
    let id = prisoner_tracker::accounts::create_user(pool, email, role, PASSWORD.into()).await.unwrap();
    sqlx::query("update users set totp_secret = $2, totp_enrolled_at = now(), display_name = $3 where id = $1")
        .bind(id)
        .bind(&TOTP_SECRET[..])
        .bind(display_name(email))
        .execute(pool)
        .await
        .unwrap();
    id
}

/// The display name [`staff_account`] gives: `Other (test)` for `other@example.org`.
pub(crate) fn display_name(email: &str) -> String {
    let local = email.split('@').next().unwrap_or_default();
    let mut chars = local.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    format!("{first}{} (test)", chars.as_str())
}

/// The code the account's app shows now. Each code is accepted once; tests log in more often
/// than every 30 seconds, so the account's last accepted step is forgotten first.
pub(crate) async fn current_code(pool: &PgPool, email: &str) -> String {
    let secret: Vec<u8> =
        sqlx::query_scalar("update users set totp_last_step = null where email = lower($1) returning totp_secret")
            .bind(email.trim())
            .fetch_one(pool)
            .await
            .unwrap();
    prisoner_tracker::accounts::two_factor::code_at(&secret, prisoner_tracker::accounts::two_factor::now())
}

/// A visitor logged in with a new account of `role`.
pub(crate) async fn logged_in<'a>(
    app: &'a TestApp,
    email: &str,
    role: prisoner_tracker::accounts::Role,
) -> Visitor<'a> {
    staff_account(&app.pool, email, role).await;
    let mut visitor = Visitor::new(app);
    assert_eq!(visitor.log_in(email, PASSWORD).await.status, 303);
    visitor
}

/// One part of a multipart form.
pub(crate) enum Part<'a> {
    Text(&'a str, &'a str),
    /// A file field: field name, file name, the type the client claims, the bytes.
    File(&'a str, &'a str, &'a str, &'a [u8]),
}

pub(crate) const BOUNDARY: &str = "pt-test-7d9f2c41e0b3";

/// `parts` as a multipart/form-data body, as a browser writes it (RFC 7578).
pub(crate) fn multipart_body(parts: &[Part<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Text(name, value) => {
                body.extend_from_slice(format!("content-disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes());
                body.extend_from_slice(value.as_bytes());
            }
            Part::File(name, file_name, content_type, bytes) => {
                let header = format!(
                    "content-disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\ncontent-type: {content_type}\r\n\r\n"
                );
                body.extend_from_slice(header.as_bytes());
                body.extend_from_slice(bytes);
            }
        }
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}
