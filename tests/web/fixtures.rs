//! Records for the tests that do not need the demo's nine real people: obviously invented
//! names, flagged `synthetic` where the table has the flag, made through the admin forms as an
//! editor would make them (so that they stay right however the forms store them).

use crate::helpers::{TestApp, TestResponse, Visitor};

/// The id in a record form's address: `/admin/{kind}/{id}/edit?saved=1`.
pub(crate) fn id_in(location: &str) -> i64 {
    location.split('/').nth(3).and_then(|id| id.parse().ok()).unwrap_or_else(|| panic!("no id in {location}"))
}

/// Submits the form at `form_uri` (through [`Visitor::submit`]) and returns the id of the record
/// saved; a refused form fails the test with its page.
pub(crate) async fn saved(visitor: &mut Visitor<'_>, form_uri: &str, fields: &[(&str, &str)]) -> i64 {
    let answer = visitor.submit(form_uri, fields).await;
    assert_eq!(answer.status, 303, "{form_uri}: {}", answer.body);
    id_in(answer.header("location"))
}

async fn flag_synthetic(app: &TestApp, table: &str, id: i64) {
    sqlx::query(&format!("update {table} set synthetic = true where id = $1"))
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
}

/// A published person called `name` (in English), with no detention; their id. `admin` must be
/// an admin, who may publish.
pub(crate) async fn person(app: &TestApp, admin: &mut Visitor<'_>, name: &str) -> i64 {
    let fields = [
        ("name_0", name),
        ("lang_0", "en"),
        ("kind_0", "primary"),
        ("publication", "published"),
        ("naming_basis", "public_sources"),
        ("publish_unsourced", "yes"),
    ];
    let id = saved(admin, "/admin/people/new", &fields).await;
    flag_synthetic(app, "people", id).await;
    id
}

/// Restores the version whose history button leads to `restore`: the confirmation page, which
/// must show, then its form; the form's answer.
pub(crate) async fn restore(visitor: &mut Visitor<'_>, restore: &str) -> TestResponse {
    let page = visitor.get(restore).await;
    assert_eq!(page.status, 200, "{restore}: {}", page.body);
    let field = |name: &str| page.attr(&format!("form.restore-form input[name={name}]"), "value").unwrap();
    let (token, version) = (field("csrf_token"), field("version"));
    let action = page.attr("form.restore-form", "action").unwrap();
    visitor.post(&action, &[("csrf_token", &token), ("version", &version)]).await
}

/// A person held since May 2021 (an ongoing detention in Belarus); their id.
pub(crate) async fn held_person(app: &TestApp, admin: &mut Visitor<'_>, name: &str) -> i64 {
    let id = person(app, admin, name).await;
    saved(admin, &format!("/admin/detentions/new?person={id}"), &[("country", "BY"), ("started", "2021-05")]).await;
    id
}

/// A published pardon wave in Belarus called `name`, begun on `started` (a day, `2025-07-03`);
/// its id and its address (`name` and the date, as a slug).
pub(crate) async fn wave(app: &TestApp, admin: &mut Visitor<'_>, name: &str, started: &str) -> (i64, String) {
    let fields = [
        ("name", name),
        ("started", started),
        ("country", "BY"),
        ("mechanism", "pardon"),
        ("qualifier", "at_least"),
        ("reported", "23"),
        ("publication", "published"),
        ("publish_unsourced", "yes"),
    ];
    let id = saved(admin, "/admin/waves/new", &fields).await;
    flag_synthetic(app, "waves", id).await;
    let slug = sqlx::query_scalar("select slug from waves where id = $1").bind(id).fetch_one(&app.pool).await.unwrap();
    (id, slug)
}

/// A news article called `title` in the invented "Test Gazette"; its id and its address.
pub(crate) async fn source(app: &TestApp, admin: &mut Visitor<'_>, title: &str) -> (i64, String) {
    let fields = [
        ("title", title),
        ("publisher", "Test Gazette"),
        ("url", "https://example.org/test-gazette/1"),
        ("published", "2025-03-04"),
        ("source_kind", "news_article"),
    ];
    let id = saved(admin, "/admin/sources/new", &fields).await;
    flag_synthetic(app, "sources", id).await;
    let slug =
        sqlx::query_scalar("select slug from sources where id = $1").bind(id).fetch_one(&app.pool).await.unwrap();
    (id, slug)
}
