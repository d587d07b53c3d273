//! Serving concerns: static files, compression, error pages for framework errors.

use axum::body::Body;
use axum::http::{Method, Request};

use crate::helpers::TestApp;

#[tokio::test]
async fn static_files_are_cache_busted_and_cached_for_a_year() {
    let app = TestApp::new().await;
    let home = app.get("/").await;
    let href = home.attr("link[rel=stylesheet]", "href").unwrap();
    assert!(href.starts_with("/static/style.css?v="), "{href}");

    let css = app.get(&href).await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").starts_with("text/css"));
    assert_eq!(css.header("cache-control"), "public, max-age=31536000, immutable");

    let unversioned = app.get("/static/style.css").await;
    assert_eq!(unversioned.header("cache-control"), "public, max-age=0, must-revalidate");

    let etag = css.header("etag").to_owned();
    let revalidated =
        app.request(Request::builder().uri(&href).header("if-none-match", &etag).body(Body::empty()).unwrap()).await;
    assert_eq!(revalidated.status, 304);
}

#[tokio::test]
async fn only_embedded_files_are_served() {
    let app = TestApp::new().await;
    for uri in ["/static/../Cargo.toml", "/static/%2e%2e/Cargo.toml", "/static/nothing.css", "/static/"] {
        assert_eq!(app.get(uri).await.status, 404, "{uri}");
    }
}

#[tokio::test]
async fn pages_are_compressed_when_the_client_accepts_it() {
    let app = TestApp::new().await;
    let response =
        app.request(Request::builder().uri("/").header("accept-encoding", "gzip").body(Body::empty()).unwrap()).await;
    assert_eq!(response.header("content-encoding"), "gzip");
}

#[tokio::test]
async fn framework_errors_get_the_friendly_page() {
    let app = TestApp::new().await;

    let post = app.send(Method::POST, "/", "").await;
    assert_eq!(post.status, 405);
    assert_eq!(post.text("h1"), "Method not allowed");

    let big = app.send(Method::POST, "/", vec![b'x'; 2 * 1024 * 1024]).await;
    assert!(matches!(big.status.as_u16(), 405 | 413), "{}", big.status);
}

#[tokio::test]
async fn every_response_carries_a_request_id_of_our_making() {
    let app = TestApp::new().await;
    let ours = app.get("/healthz").await;
    assert_eq!(ours.status, 200);
    assert!(uuid::Uuid::parse_str(ours.header("x-request-id")).is_ok(), "{}", ours.header("x-request-id"));

    let chosen = "forged-id-that-would-go-into-the-logs";
    let response = app
        .request(Request::builder().uri("/healthz").header("x-request-id", chosen).body(Body::empty()).unwrap())
        .await;
    assert_eq!(response.status, 200);
    assert_ne!(response.header("x-request-id"), chosen, "a client's id is replaced, not trusted");
    assert!(uuid::Uuid::parse_str(response.header("x-request-id")).is_ok());
}
