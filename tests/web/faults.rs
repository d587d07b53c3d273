//! Database faults: PostgreSQL stops under load and comes back; the same app instance answers
//! 503 (or from its cache) meanwhile, never panics, and recovers without a restart.

use std::path::PathBuf;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use prisoner_tracker::app::{self, AppState, Limits};
use prisoner_tracker::db::{self, MIGRATOR, local_cluster::LocalCluster};
use sqlx::{Connection, PgConnection};
use tower::ServiceExt;

use crate::helpers::ORIGIN;

/// A PostgreSQL server of the test's own, in a temporary folder: stopped and removed when the
/// test ends, whether it passed or not.
struct OwnServer {
    cluster: LocalCluster,
    root: PathBuf,
}

impl OwnServer {
    fn start() -> OwnServer {
        let root = std::env::temp_dir().join(format!("pt-fault-{}", &uuid::Uuid::new_v4().simple().to_string()[..12]));
        let cluster = LocalCluster::new(&root).expect("PostgreSQL binaries are installed");
        let server = OwnServer { cluster, root };
        server.cluster.ensure_running().expect("the test's own server starts");
        server
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        let _ = self.cluster.stop();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

async fn get(router: &Router, uri: &str) -> (u16, String, String) {
    let response = router.clone().oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status().as_u16();
    let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, kind, String::from_utf8_lossy(&bytes).into_owned())
}

/// While the database is down: 503 with the friendly page (or the API's JSON), or 200 from the
/// cache; never a 500 (a panic would be one: the panic catcher answers 500).
fn assert_down_answer(uri: &str, (status, kind, body): &(u16, String, String)) {
    match status {
        200 => {}
        503 if uri.starts_with("/api/") => {
            let json: serde_json::Value = serde_json::from_str(body).expect("JSON");
            assert_eq!(json["error"]["status"], 503, "{uri}: {body}");
        }
        503 if uri == "/healthz" => {}
        503 => {
            assert!(kind.starts_with("text/html"), "{uri}: {kind}");
            assert!(body.contains("Temporarily unavailable"), "{uri}: the friendly page");
        }
        other => panic!("{uri}: {other} while the database is down\n{body}"),
    }
}

const PAGES: &[&str] = &[
    "/",
    "/prisoners",
    "/prisoners?q=Losik",
    "/prisoners/ihar-losik",
    "/waves",
    "/charts",
    "/charts/waves.svg",
    "/feeds/releases.atom",
    "/sitemap.xml",
    "/api/v1/prisoners",
    "/api/v1/prisoners/ihar-losik",
    "/healthz",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_site_answers_503_while_postgresql_is_down_and_recovers_without_a_restart() {
    let server = tokio::task::spawn_blocking(OwnServer::start).await.unwrap();
    let admin = server.cluster.admin_options();
    let mut conn = PgConnection::connect_with(&admin).await.unwrap();
    db::create_database(&mut conn, "faults", "template0").await.unwrap();
    conn.close().await.unwrap();
    let pool = db::connect_pool(admin.clone().database("faults"), 8).await.unwrap();
    MIGRATOR.run(&pool).await.unwrap();
    prisoner_tracker::seed::demo::seed(&pool).await.unwrap();
    let state = AppState::new(pool.clone(), ORIGIN);
    let router = app::router(state.clone(), Limits::default());
    for uri in PAGES {
        assert_eq!(get(&router, uri).await.0, 200, "{uri} with the database up");
    }

    // Under load: requests in flight while the server stops.
    let load = {
        let router = router.clone();
        tokio::spawn(async move {
            let mut answers = Vec::new();
            for round in 0..6 {
                let batch = PAGES.iter().map(|uri| {
                    let router = router.clone();
                    // Odd rounds ask for addresses not yet cached.
                    let joiner = if uri.contains('?') { '&' } else { '?' };
                    let uri = if round % 2 == 0 { uri.to_string() } else { format!("{uri}{joiner}round={round}") };
                    async move {
                        let answer = get(&router, &uri).await;
                        (uri, answer)
                    }
                });
                answers.extend(futures_util::future::join_all(batch).await);
            }
            answers
        })
    };
    let cluster = server.cluster.clone();
    tokio::task::spawn_blocking(move || cluster.stop()).await.unwrap().expect("pg_ctl stop -m fast");
    for (uri, answer) in load.await.unwrap() {
        assert_down_answer(uri.split('?').next().unwrap(), &(answer.0, answer.1, answer.2));
    }

    // Down: every page answers, health says so, pages never computed answer 503.
    for uri in PAGES {
        assert_down_answer(uri, &get(&router, uri).await);
    }
    assert_eq!(get(&router, "/healthz").await.0, 503);
    let never_seen = get(&router, "/prisoners?q=Kuznechyk&sort=name").await;
    assert_eq!(never_seen.0, 503, "a page not in the cache");
    assert!(never_seen.2.contains("Temporarily unavailable"));
    let api = get(&router, "/api/v1/waves?country=BY").await;
    assert_eq!(
        (api.0, serde_json::from_str::<serde_json::Value>(&api.2).unwrap()["error"]["status"].clone()),
        (503, 503.into())
    );

    // Back: the same router answers again, with no restart (bounded polling, no timing).
    let cluster = server.cluster.clone();
    tokio::task::spawn_blocking(move || cluster.ensure_running()).await.unwrap().expect("PostgreSQL starts again");
    let mut healthy = false;
    for _ in 0..300 {
        if get(&router, "/healthz").await.0 == 200 {
            healthy = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(healthy, "/healthz is 200 again once PostgreSQL is back");
    for uri in PAGES.iter().copied().chain(["/prisoners?q=Kuznechyk&sort=name", "/api/v1/waves?country=BY"]) {
        assert_eq!(get(&router, uri).await.0, 200, "{uri} after recovery");
    }

    // The change listener reconnected: a write is seen by the cached pages.
    let changes = state.cache.changes();
    let seen = changes.current();
    sqlx::query("update people set occupation = 'Recovered' where slug = 'ihar-losik'").execute(&pool).await.unwrap();
    tokio::time::timeout(Duration::from_secs(60), changes.wait_past(seen))
        .await
        .expect("the change listener hears writes again");
    assert!(get(&router, "/prisoners/ihar-losik").await.2.contains("Recovered"));
    pool.close().await;
    drop(server);
}

/// While the database is away, pages cached before a harmless change are still served; pages
/// cached before someone was unpublished are not, since they may show that person.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_never_brings_back_what_was_unpublished() {
    let server = tokio::task::spawn_blocking(OwnServer::start).await.unwrap();
    let admin = server.cluster.admin_options();
    let mut conn = PgConnection::connect_with(&admin).await.unwrap();
    db::create_database(&mut conn, "withdrawn", "template0").await.unwrap();
    conn.close().await.unwrap();
    let pool = db::connect_pool(admin.clone().database("withdrawn"), 8).await.unwrap();
    MIGRATOR.run(&pool).await.unwrap();
    prisoner_tracker::seed::demo::seed(&pool).await.unwrap();
    let state = AppState::new(pool.clone(), ORIGIN);
    let router = app::router(state.clone(), Limits::default());
    let changes = state.cache.changes();
    changes.settle(&pool).await.unwrap();

    let stop_and_get = |uris: &'static [&'static str]| {
        let (router, cluster) = (router.clone(), server.cluster.clone());
        async move {
            tokio::task::spawn_blocking(move || cluster.stop()).await.unwrap().expect("pg_ctl stop");
            let mut answers = Vec::new();
            for uri in uris {
                answers.push(get(&router, uri).await);
            }
            answers
        }
    };
    let restart = || {
        let cluster = server.cluster.clone();
        async move {
            tokio::task::spawn_blocking(move || cluster.ensure_running()).await.unwrap().expect("starts again");
        }
    };

    // A harmless change: the copies cached before it still serve during the outage.
    for uri in ["/prisoners/ihar-losik", "/prisoners"] {
        assert_eq!(get(&router, uri).await.0, 200, "{uri}");
    }
    sqlx::query("update people set occupation = 'Journalist, RFE/RL' where slug = 'ihar-losik'")
        .execute(&pool)
        .await
        .unwrap();
    changes.settle(&pool).await.unwrap();
    let answers = stop_and_get(&["/prisoners/ihar-losik", "/prisoners"]).await;
    assert!(
        answers.iter().all(|a| a.0 == 200),
        "stale copies serve: {:?}",
        answers.iter().map(|a| a.0).collect::<Vec<_>>()
    );
    assert!(answers[0].2.contains("Losik"));

    // Unpublishing: nothing cached before it comes back, though the same pages are asked for.
    restart().await;
    for _ in 0..300 {
        if get(&router, "/healthz").await.0 == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The listener is back too, so that these are cached.
    changes.settle(&pool).await.unwrap();
    for uri in ["/prisoners/ihar-losik", "/prisoners", "/"] {
        assert_eq!(get(&router, uri).await.0, 200, "{uri} once back");
    }
    sqlx::query("update people set publication = 'draft' where slug = 'ihar-losik'").execute(&pool).await.unwrap();
    changes.settle(&pool).await.unwrap();
    let answers = stop_and_get(&["/prisoners/ihar-losik", "/prisoners", "/"]).await;
    for (uri, answer) in ["/prisoners/ihar-losik", "/prisoners", "/"].iter().zip(&answers) {
        assert_eq!(answer.0, 503, "{uri}: no copy from before the unpublishing");
        assert!(!answer.2.contains("Losik"), "{uri}");
    }
    pool.close().await;
    drop(server);
}
