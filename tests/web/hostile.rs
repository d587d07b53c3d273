//! Hostile input on every surface: arbitrary text in every query parameter, path and form field
//! (never a 5xx, a 4xx always says why, a form keeps what was typed), script in every text
//! column (escaped on every page, feed, chart, CSV and JSON answer), SQL in every parameter
//! (changes nothing), and absurd sizes (clamped, or 413).

use prisoner_tracker::accounts::Role;
use proptest::prelude::*;
use scraper::Selector;

use crate::helpers::{TestApp, TestResponse, Visitor, logged_in, table_counts};
use crate::sampling::Sampler;

/// Hand-picked strings that have broken web applications, beside the generated ones.
const NASTY: &[&str] = &[
    "",
    " ",
    "' or 1=1 --",
    "'; drop table people; --",
    "\"; drop table people; --",
    "1; select pg_sleep(1)",
    "%",
    "_",
    "%_%",
    "\\",
    "\\'",
    "\0",
    "a\0b",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "]]>",
    "</title>",
    "{{7*7}}",
    "${7*7}",
    "../../etc/passwd",
    "%00",
    "%2e%2e%2f",
    "\u{202e}evil",
    "\u{feff}",
    "\r\n\r\nSet-Cookie: x=1",
    "-1",
    "0",
    "999999999999999999999999",
    "1e9",
    "NaN",
    "2024-02-30",
    "99999-01",
    "winter 2024/25",
    "Ꙁ𝔘𝔫𝔦𝔠𝔬𝔡𝔢🙂",
];

/// Anything a client could send as one value.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(NASTY).prop_map(str::to_owned),
        2 => "\\PC{0,40}",
        2 => any::<String>(),
        1 => "[0-9-]{1,25}",
        1 => "[A-Za-z]{2}",
        1 => "(18|19|20|21)[0-9]{2}(-[0-9]{1,2}){0,2}",
        1 => "\\PC{1,3}".prop_map(|s| s.repeat(1500)),
    ]
}

fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Not a server error, and a refusal says why: on the friendly page, or as the API's JSON.
fn assert_answered(response: &TestResponse, what: &str) {
    let status = response.status.as_u16();
    assert!(status < 500, "{what}: {status}\n{}", truncated(&response.body));
    if (400..500).contains(&status) {
        if response.header("content-type").starts_with("application/json") {
            let json: serde_json::Value = serde_json::from_str(&response.body).expect("JSON error body");
            assert!(json["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{what}: {}", response.body);
        } else {
            assert!(response.header("content-type").starts_with("text/html"), "{what}: the friendly page");
            // A 400 says which parameter is wrong; the other pages' headings say it all.
            let selector = if status == 400 { ".message, .field-error" } else { "h1" };
            assert!(
                !response.texts(selector).join("").is_empty(),
                "{what}: a {status} says what is wrong\n{}",
                truncated(&response.body)
            );
        }
    }
}

fn truncated(text: &str) -> String {
    text.chars().take(2000).collect()
}

const QUERY_PARAMETERS: &[&str] = &[
    "q",
    "status",
    "country",
    "citizenship",
    "sex",
    "mechanism",
    "wave",
    "charge",
    "detained_from",
    "detained_to",
    "released_from",
    "released_to",
    "sort",
    "page",
    "from",
    "to",
];

/// Every address that reads a query string.
const WITH_QUERIES: &[&str] = &[
    "/prisoners",
    "/prisoners.csv",
    "/prisoners.atom",
    "/api/v1/prisoners",
    "/charts",
    "/charts/waves.svg",
    "/charts/held.csv",
    "/api/v1/waves",
    "/api/v1/stats/flows",
];

#[tokio::test]
async fn arbitrary_query_parameters_get_a_page_or_a_4xx_that_says_why() {
    let app = TestApp::with_demo().await;
    let mut sampler = Sampler::new("query_parameters");
    let kept = sampler.regressions().into_iter().filter_map(|case| match <[String; 3]>::try_from(case) {
        Ok([parameter, value, path]) => Some((parameter, value, path)),
        Err(_) => None,
    });
    let drawn = sampler
        .draw((prop::sample::select(QUERY_PARAMETERS), hostile(), prop::sample::select(WITH_QUERIES)), 128)
        .into_iter()
        .map(|(parameter, value, path)| (parameter.to_owned(), value, path.to_owned()));
    for (parameter, value, path) in kept.collect::<Vec<_>>().into_iter().chain(drawn) {
        sampler.check(&[&parameter, &value, &path]);
        let uri = format!("{path}?{parameter}={}&sort=name", encode(&value));
        assert_answered(&app.get(&uri).await, &format!("{uri} ({value:?})"));
    }
    // A parameter given twice, or not encoded as UTF-8, is the client's mistake.
    for path in WITH_QUERIES {
        for query in ["q=a&q=b", "page=1&page=2", "country=%FF", "q=%", "q=%zz"] {
            let uri = format!("{path}?{query}");
            assert_answered(&app.get(&uri).await, &uri);
        }
    }
}

/// Every address with a part of the path a visitor chooses.
const WITH_PATHS: &[&str] = &[
    "/prisoners/{}",
    "/prisoners/{}/feed.atom",
    "/waves/{}",
    "/charts/{}",
    "/charts/{}.svg",
    "/photos/{}",
    "/sitemaps/{}",
    "/static/{}",
    "/api/v1/prisoners/{}",
    "/api/v1/waves/{}",
    "/api/v1/stats/{}",
];

#[tokio::test]
async fn arbitrary_path_segments_get_a_page_or_a_4xx() {
    let app = TestApp::with_demo().await;
    let mut sampler = Sampler::new("path_segments");
    let kept = sampler.regressions().into_iter().filter_map(|case| match <[String; 2]>::try_from(case) {
        Ok([pattern, value]) => Some((pattern, value)),
        Err(_) => None,
    });
    let drawn = sampler
        .draw((prop::sample::select(WITH_PATHS), hostile()), 96)
        .into_iter()
        .map(|(pattern, value)| (pattern.to_owned(), value));
    for (pattern, value) in kept.collect::<Vec<_>>().into_iter().chain(drawn) {
        sampler.check(&[&pattern, &value]);
        let uri = pattern.replace("{}", &encode(&value).replace('+', "%20"));
        assert_answered(&app.get(&uri).await, &format!("{uri} ({value:?})"));
    }
}

/// The text fields, selects and hidden fields of the record form on `page`, but the token and
/// the version: what a browser would send back unchanged.
pub(crate) fn form_fields(page: &TestResponse) -> Vec<(String, String)> {
    let html = page.html();
    let form = Selector::parse("form.record-form").unwrap();
    let fields = Selector::parse("input[name], textarea[name], select[name]").unwrap();
    let option = Selector::parse("option[selected]").unwrap();
    let Some(form) = html.select(&form).next() else { return Vec::new() };
    form.select(&fields)
        .filter_map(|field| {
            let name = field.value().attr("name")?.to_owned();
            if name == "csrf_token" || name == "version" {
                return None;
            }
            let value = match field.value().name() {
                "textarea" => field.text().collect(),
                "select" => {
                    field.select(&option).next().and_then(|o| o.value().attr("value")).unwrap_or_default().to_owned()
                }
                _ => match field.value().attr("type") {
                    Some("checkbox" | "radio") if field.value().attr("checked").is_none() => return None,
                    Some("submit" | "file") => return None,
                    _ => field.value().attr("value").unwrap_or_default().to_owned(),
                },
            };
            Some((name, value))
        })
        .collect()
}

/// What a browser's form shows of `value` after an HTML parser read it back: line ends as
/// `\n`, NUL as U+FFFD, and a textarea's first line end dropped.
fn as_parsed(value: &str, textarea: bool) -> String {
    let value = value.replace("\r\n", "\n").replace('\r', "\n").replace('\0', "\u{fffd}");
    if textarea { value.strip_prefix('\n').map(str::to_owned).unwrap_or(value) } else { value }
}

/// What the form at `answer` shows in `field`, if it is a field that shows text.
fn shown(answer: &TestResponse, field: &str) -> Option<(String, bool)> {
    let html = answer.html();
    let input = Selector::parse(&format!("form input[name=\"{field}\"]")).unwrap();
    let textarea = Selector::parse(&format!("form textarea[name=\"{field}\"]")).unwrap();
    if let Some(element) = html.select(&textarea).next() {
        return Some((element.text().collect(), true));
    }
    let element = html.select(&input).next()?;
    match element.value().attr("type") {
        None | Some("text" | "url" | "search" | "email" | "number" | "date") => {
            Some((element.value().attr("value").unwrap_or_default().to_owned(), false))
        }
        _ => None,
    }
}

#[tokio::test]
async fn arbitrary_values_in_every_admin_form_are_saved_or_refused_with_what_was_typed_kept() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person: i64 =
        sqlx::query_scalar("select id from people where slug = 'ihar-losik'").fetch_one(&app.pool).await.unwrap();
    let wave: i64 = sqlx::query_scalar("select id from waves order by id limit 1").fetch_one(&app.pool).await.unwrap();
    let source: i64 =
        sqlx::query_scalar("select id from sources order by id limit 1").fetch_one(&app.pool).await.unwrap();
    let detention: i64 = sqlx::query_scalar("select id from detentions where person_id = $1 limit 1")
        .bind(person)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    // Each form with a name that a kept case can refer to whatever the ids are.
    let forms = [
        ("people-new", "/admin/people/new".to_owned()),
        ("people-edit", format!("/admin/people/{person}/edit")),
        ("detentions-new", format!("/admin/detentions/new?person={person}")),
        ("detentions-edit", format!("/admin/detentions/{detention}/edit")),
        ("events-new", format!("/admin/events/new?person={person}")),
        ("waves-new", "/admin/waves/new".to_owned()),
        ("waves-edit", format!("/admin/waves/{wave}/edit")),
        ("sources-new", "/admin/sources/new".to_owned()),
        ("sources-edit", format!("/admin/sources/{source}/edit")),
        ("facilities-new", "/admin/facilities/new".to_owned()),
        ("figures-new", "/admin/figures/new".to_owned()),
        ("citations-new", format!("/admin/citations/new?person={person}")),
        ("recognitions-new", format!("/admin/recognitions/new?person={person}")),
    ];
    let mut sampler = Sampler::new("admin_forms");
    let kept = sampler.regressions();
    for (form_name, form_uri) in &forms {
        let page = admin.get(form_uri).await;
        assert_eq!(page.status, 200, "{form_uri}");
        let fields = form_fields(&page);
        assert!(!fields.is_empty(), "{form_uri} has a record form");
        let names: Vec<String> = fields.iter().map(|(name, _)| name.clone()).collect();
        let kept = kept.iter().filter_map(|case| match case.as_slice() {
            [form, field, value] if form == form_name => Some((field.clone(), value.clone())),
            _ => None,
        });
        let cases: Vec<(String, String)> = kept
            .collect::<Vec<_>>()
            .into_iter()
            .chain(sampler.draw((prop::sample::select(names), hostile()), 10))
            .collect();
        for (field, value) in cases {
            sampler.check(&[form_name, &field, &value]);
            // The form as loaded, with one field changed.
            let mut typed: Vec<(&str, &str)> =
                fields.iter().filter(|(name, _)| *name != field).map(|(n, v)| (n.as_str(), v.as_str())).collect();
            typed.push((&field, &value));
            let answer = admin.submit(form_uri, &typed).await;
            let what = format!("{form_uri} with {field} = {value:?}");
            assert!(
                matches!(answer.status.as_u16(), 303 | 422),
                "{what}: {}\n{}",
                answer.status,
                truncated(&answer.body)
            );
            if answer.status == 422 {
                assert_says_why(&answer, &what);
                if let Some((kept, textarea)) = shown(&answer, &field) {
                    assert_eq!(kept, as_parsed(&value, textarea), "{what}: what was typed is kept");
                }
            }
        }
    }
}

/// A refused form has one error summary at the top that lists what needs attention, each line a
/// link to an element of the page.
pub(crate) fn assert_says_why(answer: &TestResponse, what: &str) {
    assert_eq!(answer.texts(".error-summary").len(), 1, "{what}: one error summary\n{}", truncated(&answer.body));
    let reasons = answer.texts(".error-summary li a");
    assert!(!reasons.is_empty() && reasons.iter().all(|r| !r.trim().is_empty()), "{what}: says why");
    let html = answer.html();
    let links = Selector::parse(".error-summary li a").unwrap();
    for link in html.select(&links) {
        let target = link.value().attr("href").and_then(|h| h.strip_prefix('#')).expect("a link within the page");
        let exists = Selector::parse(&format!("[id=\"{target}\"]")).unwrap();
        assert!(html.select(&exists).next().is_some(), "{what}: the summary links to #{target}, which the page has");
    }
}

/// Script, markup and CDATA breakers, together, so that one value tests every context.
const XSS: &str = "X <script>alert(1)</script> \"><img src=x onerror=alert(1)> ]]> </title> </script><script>alert(2)</script> 'q' & </desc> -->";

#[tokio::test]
async fn script_in_every_text_column_stays_text_on_every_surface() {
    let app = TestApp::with_demo().await;
    let p = XSS.replace('\'', "''");
    app.change(&format!(
        "update person_names set name = name || ' {p}';
         update people set occupation = '{p}', region = '=cmd|'' /C calc''!A0 {p}', biography = '{p}\n{p}';
         update detentions set notes = '{p}';
         update detention_charges set description = '{p}';
         update events set description = '{p}';
         update waves set name = name || ' {p}', notes = '{p}', counterparty = '{p}', location = '{p}', traded = '{p}';
         update sources set title = title || ' {p}', publisher = '{p}', notes = '{p}';
         update facilities set name = name || ' {p}', location = '{p}';
         update reported_figures set notes = '{p}';
         update recognitions set organisation = '{p}';
         update citations set locator = '{p}';
         insert into photos (person_id, content_type, bytes, width, height, sha256, alt_text, credit)
         select id, 'image/jpeg', '\\xffd8ffd9', 1, 1, encode(sha256('\\xffd8ffd9'::bytea), 'hex'), '{p}', '{p}'
         from people where slug = 'ihar-losik';"
    ))
    .await;
    // A javascript: address cannot be stored at all (sources, recognitions; forms refuse it too).
    let allowed: bool = sqlx::query_scalar("select url_ok('javascript:alert(1)')").fetch_one(&app.pool).await.unwrap();
    assert!(!allowed, "the database refuses javascript: addresses");

    let people: Vec<String> =
        sqlx::query_scalar("select slug from people where publication = 'published' order by slug")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let waves: Vec<String> = sqlx::query_scalar("select slug from waves where publication = 'published' order by slug")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    let mut uris: Vec<String> = [
        "/",
        "/prisoners",
        "/prisoners?q=Losik",
        "/prisoners?q=script+alert",
        "/prisoners?status=released&sort=released",
        "/prisoners.csv",
        "/prisoners.csv?q=Losik",
        "/prisoners.atom",
        "/prisoners.atom?q=Losik",
        "/feeds/releases.atom",
        "/waves",
        "/charts",
        "/sitemap.xml",
        "/api",
        "/api/v1/prisoners",
        "/api/v1/waves",
        "/api/v1/figures",
        "/api/openapi.json",
    ]
    .map(str::to_owned)
    .to_vec();
    for chart in ["waves", "flows", "held", "mechanisms", "citizenship"] {
        uris.extend(["svg", "csv"].map(|ext| format!("/charts/{chart}.{ext}")));
        uris.push(format!("/api/v1/stats/{chart}"));
    }
    for slug in &people {
        uris.extend([
            format!("/prisoners/{slug}"),
            format!("/prisoners/{slug}/feed.atom"),
            format!("/api/v1/prisoners/{slug}"),
        ]);
    }
    for slug in &waves {
        uris.extend([format!("/waves/{slug}"), format!("/api/v1/waves/{slug}")]);
    }
    let sitemap = app.get("/sitemap.xml").await;
    let index = roxmltree::Document::parse(&sitemap.body).expect("the sitemap index is XML");
    uris.extend(index.descendants().filter(|n| n.has_tag_name("loc")).map(|n| {
        let loc = n.text().unwrap();
        loc.trim_start_matches(crate::helpers::ORIGIN).to_owned()
    }));

    let mut payload_seen = 0;
    for uri in &uris {
        let response = app.get(uri).await;
        assert_eq!(response.status, 200, "{uri}");
        let kind = response.header("content-type").to_owned();
        if response.body.contains("alert(1)") {
            payload_seen += 1;
        }
        if kind.starts_with("text/html") {
            assert_html_is_inert(&response, uri);
        } else if kind.contains("xml") {
            assert_xml_is_inert(&response, uri);
        } else if kind.starts_with("application/json") || kind.starts_with("application/ld+json") {
            serde_json::from_str::<serde_json::Value>(&response.body).unwrap_or_else(|e| panic!("{uri}: JSON: {e}"));
        } else if kind.starts_with("text/csv") {
            assert_csv_is_inert(&response, uri);
        } else {
            panic!("{uri}: unexpected content type {kind}");
        }
    }
    assert!(payload_seen > uris.len() / 2, "the payload reached most surfaces ({payload_seen} of {})", uris.len());

    let page = app.get("/prisoners/ihar-losik").await;
    assert!(page.text("h1").contains("<script>alert(1)</script>"), "names show as typed, as text");
    assert_eq!(page.attr("img[src^='/photos/']", "alt").as_deref(), Some(XSS), "the photo's words are text");
    let api: serde_json::Value = serde_json::from_str(&app.get("/api/v1/prisoners/ihar-losik").await.body).unwrap();
    assert_eq!(api["occupation"], XSS, "JSON carries the text unchanged");
}

fn assert_html_is_inert(response: &TestResponse, uri: &str) {
    let body = &response.body;
    for raw in ["<script>alert", "<img src=x", "</script><script>", "]]>"] {
        assert!(!body.contains(raw), "{uri}: {raw} is not escaped");
    }
    assert_eq!(body.matches("</title>").count(), body.matches("<title").count(), "{uri}: no title closed early");
    let html = response.html();
    for script in html.select(&Selector::parse("script").unwrap()) {
        assert_eq!(script.value().attr("type"), Some("application/ld+json"), "{uri}: no script but structured data");
        let text: String = script.text().collect();
        serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{uri}: JSON-LD: {e}"));
    }
    for element in html.select(&Selector::parse("*").unwrap()) {
        let value = element.value();
        assert!(value.name() != "img" || value.attr("src") != Some("x"), "{uri}: an injected image");
        for (name, attribute) in value.attrs() {
            assert!(!name.starts_with("on"), "{uri}: event handler {name} on {}", value.name());
            if matches!(name, "href" | "src" | "action") {
                assert!(!attribute.trim_start().to_ascii_lowercase().starts_with("javascript:"), "{uri}: {attribute}");
            }
        }
    }
}

fn assert_xml_is_inert(response: &TestResponse, uri: &str) {
    let document = roxmltree::Document::parse(&response.body).unwrap_or_else(|e| panic!("{uri}: not XML: {e}"));
    for node in document.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        assert!(!matches!(name, "script" | "img"), "{uri}: an injected <{name}>");
        assert!(node.attributes().all(|a| !a.name().starts_with("on")), "{uri}: an event handler on <{name}>");
    }
}

fn assert_csv_is_inert(response: &TestResponse, uri: &str) {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(response.body.as_bytes());
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{uri}: CSV: {e}"));
        for cell in &record {
            assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "{uri}: a formula cell {cell:?}");
            assert!(
                !(cell.starts_with('-') && cell.len() > 1 && !cell[1..].starts_with(|c: char| c.is_ascii_digit())),
                "{uri}: a formula cell {cell:?}"
            );
        }
    }
}

#[tokio::test]
async fn sql_in_every_parameter_and_field_changes_nothing() {
    let app = TestApp::with_demo().await;
    let injections =
        ["' or 1=1 --", "'; drop table people; --", "%", "_", "\\", "\0", "1) or (1=1", "' union select 1 --"];
    let before = table_counts(&app.pool).await;
    let losik = app.get("/prisoners?q=Losik").await.body;
    for injection in injections {
        for path in WITH_QUERIES {
            for parameter in QUERY_PARAMETERS {
                let uri = format!("{path}?{parameter}={}", encode(injection));
                assert_answered(&app.get(&uri).await, &uri);
            }
        }
        for pattern in WITH_PATHS {
            let uri = pattern.replace("{}", &encode(injection).replace('+', "%20"));
            assert_answered(&app.get(&uri).await, &uri);
        }
    }
    let found = app.get(&format!("/prisoners?q={}", encode("%"))).await;
    assert_eq!(found.texts("ol.hits li").len(), 0, "% is not a wildcard");

    // Logins and the admin's own searches.
    let mut visitor = Visitor::new(&app);
    for injection in injections {
        let answer = visitor.log_in(&format!("admin@example.org{injection}"), injection).await;
        assert!(matches!(answer.status.as_u16(), 200 | 401 | 422), "{injection}: {}", answer.status);
    }
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let logged_in_counts = table_counts(&app.pool).await;
    assert_eq!(logged_in_counts, before, "logging in touches no record table");
    for injection in injections {
        for list in ["/admin/people", "/admin/sources", "/admin/facilities", "/admin/waves"] {
            let uri = format!("{list}?q={}", encode(injection));
            assert_answered(&admin.get(&uri).await, &uri);
        }
        // In a form, an injection is only text: refused (422) or stored as typed.
        let answer = admin.submit("/admin/sources/new", &[("title", injection), ("source_kind", "news_article")]).await;
        assert!(matches!(answer.status.as_u16(), 303 | 422), "{injection}: {}", answer.status);
    }
    let after = table_counts(&app.pool).await;
    let changed: Vec<_> = before.iter().zip(&after).filter(|(b, a)| b != a).collect();
    assert!(
        changed.iter().all(|((table, _), (_, n))| table == "sources" && *n > 0),
        "only the sources typed were added: {changed:?}"
    );
    assert_eq!(app.get("/prisoners?q=Losik").await.body, losik, "the data are as they were");
    let titles: Vec<String> = sqlx::query_scalar("select title from sources").fetch_all(&app.pool).await.unwrap();
    assert!(titles.iter().any(|t| t == "' or 1=1 --"), "stored as typed: {titles:?}");
}

#[tokio::test]
async fn absurd_pages_are_clamped_or_refused_never_an_error() {
    let app = TestApp::with_demo().await;
    for path in ["/prisoners", "/prisoners.csv", "/prisoners.atom", "/api/v1/prisoners"] {
        for page in ["999999999", "99999999999999999999999", "-1", "0", "abc", "1.5", "%00", "", "2000", "2001"] {
            let uri = format!("{path}?page={page}");
            let response = app.get(&uri).await;
            assert!(matches!(response.status.as_u16(), 200 | 400), "{uri}: {}", response.status);
            assert_answered(&response, &uri);
        }
    }
    let deep = app.get("/prisoners?page=999999999").await;
    assert_eq!(deep.status, 200);
    assert!(deep.body.contains("There is no page 2000"), "clamped to the deepest page served");
    let api: serde_json::Value = serde_json::from_str(&app.get("/api/v1/prisoners?page=-1").await.body).unwrap();
    assert_eq!(api["page"], 1, "{api}");
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413_before_anything_is_done() {
    let app = TestApp::with_demo().await;
    let before = table_counts(&app.pool).await;
    let big = "x".repeat(2 * 1024 * 1024);

    let mut visitor = Visitor::new(&app);
    let login = visitor.post("/login", &[("email", "a@example.org"), ("password", &big)]).await;
    assert_eq!(login.status, 413, "the public form");
    assert_eq!(login.text("h1"), "Request too large");

    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    for form in ["/admin/people/new", "/admin/waves/new", "/admin/sources/new", "/admin/facilities/new"] {
        let answer = admin.submit(form, &[("notes", &big), ("biography", &big)]).await;
        assert_eq!(answer.status, 413, "{form}");
    }
    assert_eq!(table_counts(&app.pool).await, before);
}

#[tokio::test]
async fn paths_out_of_the_static_folder_are_refused() {
    let app = TestApp::with_demo().await;
    for uri in [
        "/static/..%2f..%2fetc/passwd",
        "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/static/%252e%252e%252fetc%252fpasswd",
        "/static/....//....//etc/passwd",
        "/static/..%5c..%5cCargo.toml",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/style.css%00.png",
        "/static/..%c0%af..%c0%afetc/passwd",
        "/static/../../Cargo.toml",
        "/photos/..%2f..%2fetc%2fpasswd",
        "/sitemaps/..%2f..%2fCargo.toml",
    ] {
        let response = app.get(uri).await;
        assert!(matches!(response.status.as_u16(), 400 | 404), "{uri}: {}", response.status);
        assert!(!response.body.contains("root:"), "{uri}");
        assert!(!response.body.contains("[package]"), "{uri}");
    }
}
