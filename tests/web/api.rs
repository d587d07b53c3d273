//! The JSON API: its answers validate against its own OpenAPI document, a person's JSON carries
//! what their page shows, revalidation gives 304, errors are JSON, drafts stay out.

use axum::body::Body;
use axum::http::{Method, Request};
use serde_json::Value;

use crate::helpers::{TestApp, TestResponse};

async fn json(app: &TestApp, uri: &str) -> (TestResponse, Value) {
    let response = app.get(uri).await;
    assert!(
        response.header("content-type").starts_with("application/json"),
        "{uri}: {}",
        response.header("content-type")
    );
    let value = serde_json::from_str(&response.body).unwrap_or_else(|e| panic!("{uri}: {e}\n{}", response.body));
    (response, value)
}

async fn get_with(app: &TestApp, uri: &str, headers: &[(&str, &str)]) -> TestResponse {
    let mut request = Request::builder().method(Method::GET).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app.request(request.body(Body::empty()).unwrap()).await
}

/// Checks `value` against the schema the OpenAPI document gives for `path`'s answer `status`.
fn check(doc: &Value, path: &str, status: u16, value: &Value) {
    let response = &doc["paths"][path]["get"]["responses"][status.to_string()];
    let mut schema = response["content"]["application/json"]["schema"].clone();
    assert!(schema.is_object(), "the document describes {path} {status}");
    schema["components"] = doc["components"].clone();
    let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{path}: schema: {e}"));
    let errors: Vec<String> = validator.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{path} {status} does not match its schema: {errors:#?}");
}

#[tokio::test]
async fn every_answer_matches_the_openapi_document() {
    let app = TestApp::with_demo().await;
    let (_, doc) = json(&app, "/api/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for (path, uri) in [
        ("/api/v1/prisoners", "/api/v1/prisoners"),
        ("/api/v1/prisoners", "/api/v1/prisoners?q=Kuznechik"),
        ("/api/v1/prisoners", "/api/v1/prisoners?status=held&country=BY&sort=detained"),
        ("/api/v1/prisoners/{slug}", "/api/v1/prisoners/andrey-kuznechyk"),
        ("/api/v1/prisoners/{slug}", "/api/v1/prisoners/ihar-losik"),
        ("/api/v1/waves", "/api/v1/waves"),
        ("/api/v1/waves", "/api/v1/waves?country=BY&from=2024"),
        ("/api/v1/waves/{slug}", "/api/v1/waves/handover-2025-02-12-vilnius"),
        ("/api/v1/stats/{chart}", "/api/v1/stats/waves"),
        ("/api/v1/stats/{chart}", "/api/v1/stats/flows?country=BY"),
        ("/api/v1/stats/{chart}", "/api/v1/stats/held"),
        ("/api/v1/stats/{chart}", "/api/v1/stats/mechanisms"),
        ("/api/v1/stats/{chart}", "/api/v1/stats/citizenship?from=2024"),
        ("/api/v1/figures", "/api/v1/figures"),
    ] {
        let (response, value) = json(&app, uri).await;
        assert_eq!(response.status, 200, "{uri}: {}", response.body);
        check(&doc, path, 200, &value);
    }
    // The check itself catches a wrong answer.
    let (_, mut person) = json(&app, "/api/v1/prisoners/andrey-kuznechyk").await;
    person["detentions"][0]["started"]["precision"] = Value::from(3);
    person.as_object_mut().unwrap().remove("slug");
    let caught = std::panic::catch_unwind(|| check(&doc, "/api/v1/prisoners/{slug}", 200, &person));
    assert!(caught.is_err(), "a person without a slug and with a numeric precision is refused");

    for (path, uri, status) in [
        ("/api/v1/prisoners", "/api/v1/prisoners?status=nonsense", 400),
        ("/api/v1/prisoners/{slug}", "/api/v1/prisoners/no-such-person", 404),
        ("/api/v1/stats/{chart}", "/api/v1/stats/pie", 404),
        ("/api/v1/stats/{chart}", "/api/v1/stats/flows?from=someday", 400),
    ] {
        let (response, value) = json(&app, uri).await;
        assert_eq!(response.status, status, "{uri}");
        assert_eq!(value["error"]["status"], status);
        check(&doc, path, status, &value);
    }
}

#[tokio::test]
async fn a_persons_json_carries_what_their_page_shows() {
    let app = TestApp::with_demo().await;
    let page = app.get("/prisoners/andrey-kuznechyk").await;
    let (_, person) = json(&app, "/api/v1/prisoners/andrey-kuznechyk").await;
    assert_eq!(person["name"], page.text("h1"));
    let names: Vec<&str> = person["names"].as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap()).collect();
    for name in &names {
        assert!(page.body.contains(name), "{name} is on the page");
    }
    assert!(names.contains(&"Андрэй Кузнечык"));
    let sources: Vec<String> = page.texts(".sources li");
    assert_eq!(person["sources"].as_array().unwrap().len(), sources.len());
    for source in person["sources"].as_array().unwrap() {
        let title = source["title"].as_str().unwrap();
        assert!(sources.iter().any(|s| s.contains(title)), "{title}");
    }
    assert_eq!(person["status"], "released");
    let detention = &person["detentions"][0];
    assert_eq!(detention["ended"]["date"], "2025-02-12");
    assert_eq!(detention["ended"]["precision"], "day");
    assert_eq!(detention["release_mechanism"], "release_to_foreign_government");
    assert_eq!(detention["wave"]["slug"], "handover-2025-02-12-vilnius");
    assert!(page.body.contains(person["public_id"].as_str().unwrap()), "the record id is on the page");
    assert_eq!(person["url"].as_str().unwrap(), page.attr("link[rel=canonical]", "href").unwrap());

    let (_, list) = json(&app, "/api/v1/prisoners?q=Kuznechik").await;
    assert_eq!(list["data"][0]["slug"], "andrey-kuznechyk");
    assert_eq!(list["total"], 1);
    assert!(list["links"]["next"].is_null());
}

#[tokio::test]
async fn clients_revalidate_and_see_changes_at_once() {
    let app = TestApp::with_demo().await;
    let uri = "/api/v1/prisoners/andrey-kuznechyk";
    let first = app.get(uri).await;
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with('"'), "a strong ETag: {etag}");
    let modified = first.header("last-modified").to_owned();
    assert!(first.header("cache-control").contains("max-age"));

    let again = get_with(&app, uri, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_eq!(get_with(&app, uri, &[("if-modified-since", &modified)]).await.status, 304);
    assert_eq!(get_with(&app, uri, &[("if-none-match", "\"something-else\"")]).await.status, 200);

    app.change("update people set occupation = 'Changed for the test' where slug = 'andrey-kuznechyk'").await;
    let changed = get_with(&app, uri, &[("if-none-match", &etag)]).await;
    assert_eq!(changed.status, 200, "the edit is visible on the very next request");
    assert_ne!(changed.header("etag"), etag);
    assert!(changed.body.contains("Changed for the test"));
}

#[tokio::test]
async fn any_site_may_read_the_api_and_errors_are_json() {
    let app = TestApp::with_demo().await;
    let cors = get_with(&app, "/api/v1/waves", &[("origin", "https://newsroom.example")]).await;
    assert_eq!(cors.status, 200);
    assert_eq!(cors.header("access-control-allow-origin"), "*");
    assert!(cors.header("access-control-expose-headers").to_lowercase().contains("etag"));

    let post = app.send(Method::POST, "/api/v1/prisoners", "").await;
    assert_eq!(post.status, 405);
    assert!(post.body.contains("\"status\":405"), "{}", post.body);
    let (unknown, _) = json(&app, "/api/v1/nothing/here").await;
    assert_eq!(unknown.status, 404);

    app.change("update people set slug = 'andrei-kuznechyk' where slug = 'andrey-kuznechyk'").await;
    let moved = app.get("/api/v1/prisoners/andrey-kuznechyk").await;
    assert_eq!(moved.status, 301);
    assert!(moved.header("location").ends_with("/api/v1/prisoners/andrei-kuznechyk"));
}

#[tokio::test]
async fn drafts_stay_out_of_the_api() {
    let app = TestApp::with_demo().await;
    app.change("update people set publication = 'draft' where slug = 'ihar-losik'").await;
    app.change("update waves set publication = 'draft' where slug = 'handover-2025-02-12-vilnius'").await;
    assert_eq!(app.get("/api/v1/prisoners/ihar-losik").await.status, 404);
    let (_, list) = json(&app, "/api/v1/prisoners?q=Losik").await;
    assert_eq!(list["total"], 0);
    assert_eq!(app.get("/api/v1/waves/handover-2025-02-12-vilnius").await.status, 404);
    let (_, waves) = json(&app, "/api/v1/waves").await;
    assert!(!waves.to_string().contains("handover-2025-02-12-vilnius"));
    let (_, stats) = json(&app, "/api/v1/stats/waves").await;
    assert!(!stats.to_string().contains("handover-2025-02-12-vilnius"));
    let (_, person) = json(&app, "/api/v1/prisoners/andrey-kuznechyk").await;
    assert!(person["detentions"][0]["wave"].is_null(), "a draft wave is not named");
}
