//! Journeys in a real browser (headless Chromium through chromedriver): the researcher types any
//! spelling of a name, reaches the person's page and finds the citation; the journalist sees the
//! charts drawn and embeds one in another page; the admin logs in, adds a person with a detention
//! and publishes them, and a researcher finds them by a spelling nobody typed. And axe-core
//! (vendored in `tests/assets/axe-core`) audits every public and admin page type, at desktop and
//! at phone width, for serious and critical accessibility faults.
//!
//! Needs Debian's `chromium` and `chromium-driver`. Where they are missing the test says so
//! and passes, except under CI (`CI=true`), where a missing browser is a failure: CI installs
//! them (.ci/run).

use std::net::SocketAddr;
use std::process::Stdio;
use std::time::Duration;

use fantoccini::{ClientBuilder, Locator};
use prisoner_tracker::app::{self, AppState, Limits};
use tokio::process::{Child, Command};

use crate::helpers::TestApp;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// Serves the test app on a real port of the loopback interface.
async fn serve(app: &TestApp) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let state = AppState::new(app.pool.clone(), format!("http://{address}"));
    let router = app::router(state, Limits::default());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    address
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn start_chromedriver() -> Option<(Child, u16)> {
    if !std::path::Path::new(CHROMEDRIVER).exists() || !std::path::Path::new(CHROMIUM).exists() {
        assert!(std::env::var("CI").is_err(), "CI needs Debian's chromium and chromium-driver for the browser tests");
        eprintln!("browser test skipped: install Debian's chromium and chromium-driver to run it");
        return None;
    }
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return Some((child, port));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start");
}

async fn browser(port: u16, profile: &std::path::Path) -> fantoccini::Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_owned(),
        serde_json::json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900",
                format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    // sqlx and fantoccini bring different rustls backends; pick one for the process.
    let _ = rustls::crypto::ring::default_provider().install_default();
    ClientBuilder::rustls()
        .expect("rustls client")
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("connect to chromedriver")
}

/// Serves `app`, opens headless Chromium on it and walks `journey` (given the browser and the
/// site's address); then closes the browser and removes its profile whatever happened, and fails
/// the test with the journey's error. Skipped, outside CI, where Chromium is not installed.
async fn in_browser(app: &TestApp, journey: impl AsyncFnOnce(&fantoccini::Client, SocketAddr) -> Result<(), String>) {
    let Some((_driver, port)) = start_chromedriver().await else { return };
    let site = serve(app).await;
    let profile = std::env::temp_dir().join(format!("pt-chromium-{}", uuid::Uuid::new_v4()));
    let client = browser(port, &profile).await;
    let result = journey(&client, site).await;
    client.close().await.ok();
    let _ = std::fs::remove_dir_all(&profile);
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[tokio::test]
async fn a_researcher_finds_each_demo_person_by_each_spelling_in_a_real_browser() {
    let app = TestApp::with_demo().await;

    let spellings: &[(&str, &str)] = &[
        ("Андрэй Кузнечык", "Andrey Kuznechyk"),
        ("Кузнечик", "Andrey Kuznechyk"),
        ("Kuznechik", "Andrey Kuznechyk"),
        ("kuznetchyk", "Andrey Kuznechyk"),
        ("Елена Мовшук", "Yelena Movshuk"),
        ("Yelena Movshuk", "Yelena Movshuk"),
        ("Николай Шугаев", "Nikolai Shugayev"),
        ("Nikolay Shugaev", "Nikolai Shugayev"),
        ("Анастасия Нуфер", "Anastasia Nufer"),
        ("Anastasiya Nufer", "Anastasia Nufer"),
        ("Рико Кригер", "Rico Krieger"),
        ("Rico Kriger", "Rico Krieger"),
        ("Юрый Зянковіч", "Yuri Zenkovich"),
        ("Юрий Зенкович", "Yuri Zenkovich"),
        ("Yury Zenkovich", "Yuri Zenkovich"),
        ("Ігар Карней", "Ihar Karney"),
        ("Игорь Карней", "Ihar Karney"),
        ("Ihar Karnei", "Ihar Karney"),
        ("Ігар Лосік", "Ihar Losik"),
        ("Игорь Лосик", "Ihar Losik"),
        ("Igor Losik", "Ihar Losik"),
        ("Марк Фогель", "Marc Fogel"),
        ("Mark Fogel", "Marc Fogel"),
    ];
    in_browser(&app, async |client, site| {
        for (typed, expected) in spellings {
            client.goto(&format!("http://{site}/")).await.map_err(|e| e.to_string())?;
            let input = client.find(Locator::Css("#q")).await.map_err(|e| e.to_string())?;
            input.send_keys(typed).await.map_err(|e| e.to_string())?;
            client
                .find(Locator::Css("form[role=search] button[type=submit]"))
                .await
                .map_err(|e| e.to_string())?
                .click()
                .await
                .map_err(|e| e.to_string())?;
            let first = client
                .wait()
                .for_element(Locator::Css("ol.hits li > a"))
                .await
                .map_err(|e| format!("{typed}: no result ({e})"))?;
            let name = first.text().await.map_err(|e| e.to_string())?;
            if name != *expected {
                return Err(format!("{typed}: the first result is {name}, not {expected}"));
            }
            first.click().await.map_err(|e| e.to_string())?;
            let h1 = client.wait().for_element(Locator::Css("h1")).await.map_err(|e| e.to_string())?;
            let heading = h1.text().await.map_err(|e| e.to_string())?;
            if heading != *expected {
                return Err(format!("{typed}: the page says {heading}"));
            }
            let citation = client.find(Locator::Css(".citation")).await.map_err(|e| e.to_string())?;
            let text = citation.text().await.map_err(|e| e.to_string())?;
            if !text.contains(&format!("http://{site}/prisoners/")) {
                return Err(format!("{typed}: the citation lacks the page's address: {text}"));
            }
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_journalist_sees_the_charts_drawn_and_embeds_one_in_a_real_browser() {
    let app = TestApp::with_demo().await;

    in_browser(&app, async |client, site| {
        client.goto(&format!("http://{site}/charts")).await.map_err(|e| e.to_string())?;
        // Every chart is laid out at a real size, with its title and description in place.
        let drawn = client
            .execute(
                "return Array.from(document.querySelectorAll('figure svg.chart')).map(s => {
                     const box = s.getBoundingClientRect();
                     return [s.closest('section').id, Math.round(box.width), Math.round(box.height),
                             s.querySelector('title').textContent, s.querySelector('desc').textContent.length];
                 });",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        let drawn: Vec<(String, u32, u32, String, usize)> = serde_json::from_value(drawn).map_err(|e| e.to_string())?;
        let names: Vec<&str> = drawn.iter().map(|d| d.0.as_str()).collect();
        if names != ["waves", "flows", "held", "mechanisms", "citizenship"] {
            return Err(format!("charts on the page: {names:?}"));
        }
        for (name, width, height, title, desc) in &drawn {
            if *width < 300 || *height < 150 || title.is_empty() || *desc < 40 {
                return Err(format!("{name} is drawn {width}×{height} with title {title:?}, desc {desc} chars"));
            }
        }
        // The embed code, pasted into another page, shows the chart.
        let embed = client
            .find(Locator::Css("#embed-waves"))
            .await
            .map_err(|e| e.to_string())?
            .prop("value")
            .await
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        // Another site (a server of its own on another port) pastes the embed code into a page.
        let elsewhere = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| e.to_string())?;
        let elsewhere_address = elsewhere.local_addr().map_err(|e| e.to_string())?;
        let article = format!("<!doctype html><title>A newsroom</title><p>Our story.</p>{embed}");
        let newsroom =
            axum::Router::new().route("/", axum::routing::get(move || async move { axum::response::Html(article) }));
        tokio::spawn(async move { axum::serve(elsewhere, newsroom).await.ok() });
        client.goto(&format!("http://{elsewhere_address}/")).await.map_err(|e| e.to_string())?;
        let loaded = client
            .execute_async(
                "const done = arguments[0];
                 const img = document.querySelector('img');
                 const report = () => done([img.naturalWidth, img.naturalHeight]);
                 if (img.complete) { report(); } else { img.onload = report; img.onerror = report; }",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        let size: (u32, u32) = serde_json::from_value(loaded).map_err(|e| e.to_string())?;
        if size.0 < 300 || size.1 < 150 {
            return Err(format!("the embedded chart loads at {size:?} from {embed}"));
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn an_admin_adds_a_person_with_a_detention_whom_researchers_find_by_another_spelling_in_a_real_browser() {
    let app = TestApp::with_demo().await;
    let password = crate::helpers::PASSWORD;
    crate::helpers::staff_account(&app.pool, "admin@example.org", prisoner_tracker::accounts::Role::Admin).await;

    in_browser(&app, async |client, site| {
        let fill = |selector: &'static str, text: &'static str| {
            let client = client.clone();
            async move {
                let field = client.find(Locator::Css(selector)).await.map_err(|e| format!("{selector}: {e}"))?;
                field.send_keys(text).await.map_err(|e| e.to_string())
            }
        };
        let click = |selector: &'static str| {
            let client = client.clone();
            async move {
                client
                    .find(Locator::Css(selector))
                    .await
                    .map_err(|e| format!("{selector}: {e}"))?
                    .click()
                    .await
                    .map_err(|e| e.to_string())
            }
        };
        client.goto(&format!("http://{site}/admin/people/new")).await.map_err(|e| e.to_string())?;
        // Without a session the admin area sends us to the login form, which brings us back.
        client.wait().for_element(Locator::Css("form.login")).await.map_err(|e| e.to_string())?;
        fill("#email", "admin@example.org").await?;
        fill("#password", password).await?;
        click("form.login button[type=submit]").await?;
        // Then the code the admin's phone shows.
        client.wait().for_element(Locator::Css("#code")).await.map_err(|e| format!("no code form: {e}"))?;
        let code = crate::helpers::current_code(&app.pool, "admin@example.org").await;
        client
            .find(Locator::Css("#code"))
            .await
            .map_err(|e| e.to_string())?
            .send_keys(&code)
            .await
            .map_err(|e| e.to_string())?;
        click("form.login button[type=submit]").await?;
        client
            .wait()
            .for_element(Locator::Css("form.record-form"))
            .await
            .map_err(|e| format!("no person form: {e}"))?;

        fill("#name_0", "Сымон Тэставы").await?;
        fill("#lang_0", "be").await?;
        fill("#name_1", "Symon Testavy").await?;
        fill("#lang_1", "en").await?;
        fill("#born", "summer 1990").await?;
        fill("#citizenships", "BY").await?;
        client
            .find(Locator::Css("#publication"))
            .await
            .map_err(|e| e.to_string())?
            .select_by_value("published")
            .await
            .map_err(|e| e.to_string())?;
        client
            .find(Locator::Css("#naming_basis"))
            .await
            .map_err(|e| e.to_string())?
            .select_by_value("public_sources")
            .await
            .map_err(|e| e.to_string())?;
        click("form.record-form button[type=submit]").await?;
        // No source is cited yet: the form comes back asking before it publishes.
        client
            .wait()
            .for_element(Locator::Css("#publish_unsourced"))
            .await
            .map_err(|e| format!("no question about the missing source: {e}"))?;
        click("#publish_unsourced").await?;
        click("form.record-form button[type=submit]").await?;
        let saved = match client.wait().for_element(Locator::Css("[role=status]")).await {
            Ok(saved) => saved,
            Err(e) => return Err(format!("not saved: {e}: {}", client.source().await.unwrap_or_default())),
        };
        if saved.text().await.map_err(|e| e.to_string())? != "Saved." {
            return Err("the form did not say it saved".into());
        }
        // Their detention, from the link under the form.
        click(".detentions a[href*='/detentions/new']").await?;
        client.wait().for_element(Locator::Css("#country")).await.map_err(|e| format!("no detention form: {e}"))?;
        fill("#country", "BY").await?;
        fill("#started", "2021-03-04").await?;
        fill("#article_0", "342").await?;
        click("form.record-form button[type=submit]").await?;
        // Saved, the detention's form says so and leads back to the person, whose case lists it.
        client
            .wait()
            .for_element(Locator::Css("[role=status]"))
            .await
            .map_err(|e| format!("detention not saved: {e}"))?;
        click("main > p > a[href*='/admin/people/'][href$='/edit']").await?;
        client
            .wait()
            .for_element(Locator::Css(".detentions tbody tr"))
            .await
            .map_err(|e| format!("detention not listed: {e}"))?;

        // A researcher, elsewhere, types a spelling nobody entered.
        client.goto(&format!("http://{site}/")).await.map_err(|e| e.to_string())?;
        fill("#q", "Simon Testavi").await?;
        click("form[role=search] button[type=submit]").await?;
        let first =
            client.wait().for_element(Locator::Css("ol.hits li > a")).await.map_err(|e| format!("no result: {e}"))?;
        let name = first.text().await.map_err(|e| e.to_string())?;
        if name != "Symon Testavy" {
            return Err(format!("the first result is {name}"));
        }
        first.click().await.map_err(|e| e.to_string())?;
        let h1 = client.wait().for_element(Locator::Css("h1")).await.map_err(|e| e.to_string())?;
        let heading = h1.text().await.map_err(|e| e.to_string())?;
        if heading != "Symon Testavy" {
            return Err(format!("the page says {heading}"));
        }
        let status = client
            .find(Locator::Css(".status"))
            .await
            .map_err(|e| e.to_string())?
            .text()
            .await
            .map_err(|e| e.to_string())?;
        if !status.contains("2021") {
            return Err(format!("the page does not show the detention: {status}"));
        }
        Ok(())
    })
    .await;
}

/// axe-core from npm, compiled into the test binary (`tests/assets/axe-core/README.md` says which
/// version and how to update it): the audit needs no network and fetches nothing from a CDN.
const AXE_CORE: &str = include_str!("../assets/axe-core/axe.min.js");

/// The impacts that fail the audit; axe's "moderate" and "minor" findings are printed only.
const FAILING_IMPACTS: [&str; 2] = ["serious", "critical"];

/// One page type to audit: its address, and a CSS selector that only that page has, so that a
/// wrong page is never audited in its place.
struct PageType {
    path: String,
    expect: &'static str,
}

fn page(path: impl Into<String>, expect: &'static str) -> PageType {
    PageType { path: path.into(), expect }
}

/// Every public page type, with the demo data: searches with and without filters and with no
/// result, people with detentions, events and citations, waves dated to a day and to a season,
/// the charts with and without a filter, and the error pages.
fn public_page_types() -> Vec<PageType> {
    vec![
        page("/", "form[role=search]"),
        page("/prisoners", "ol.hits"),
        page("/prisoners?q=%D0%9A%D1%83%D0%B7%D0%BD%D0%B5%D1%87%D0%B8%D0%BA", "ol.hits"),
        page("/prisoners?status=released&country=BY&sort=released", "ol.hits"),
        page("/prisoners?q=Nobody+Whatsoever&citizenship=PL", "main h1"),
        page("/prisoners/andrey-kuznechyk", ".citation"),
        page("/prisoners/yuri-zenkovich", ".timeline"),
        page("/prisoners/marc-fogel", ".citation"),
        page("/waves", "main table"),
        page("/waves/handover-2025-02-12-vilnius", "main h1"),
        page("/waves/exchange-2024-summer", "main h1"),
        page("/charts", "figure svg.chart"),
        page("/charts?country=BY&from=2024&to=2025-02", "figure svg.chart"),
        page("/data", "main h1"),
        page("/api", "main h1"),
        page("/login", "form.login"),
        page("/no-such-page", "section.error"),
        page("/prisoners/nobody-by-this-name", "section.error"),
        page("/prisoners?status=bogus", "section.error"),
        page("/charts?from=someday", ".field-error"),
    ]
}

/// Runs axe-core in the page the browser shows and returns what it found against the page, one
/// entry per violation with an impact in `FAILING_IMPACTS` (rule, impact, help, and the selector
/// and markup of every element at fault), after checking that axe really ran there.
///
/// The source goes in through WebDriver's execute script, which the page's CSP (no inline
/// script) does not govern; the version it answers and the rules it ran prove it ran.
async fn axe_violations(client: &fantoccini::Client, label: &str) -> Result<Vec<String>, String> {
    let version = client
        .execute(&format!("{AXE_CORE}\n;return window.axe ? window.axe.version : null;"), vec![])
        .await
        .map_err(|e| format!("{label}: axe-core could not be injected: {e}"))?;
    if !version.is_string() {
        return Err(format!("{label}: axe-core did not load in the page"));
    }
    let outcome = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document)
               .then(r => done({
                 engine: r.testEngine.name,
                 ran: r.passes.length + r.violations.length + r.incomplete.length,
                 violations: r.violations.map(v => ({
                   id: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
                   nodes: v.nodes.map(n => ({ target: n.target.map(String), html: n.html })),
                 })),
               }))
               .catch(e => done({ error: String(e) }));",
            vec![],
        )
        .await
        .map_err(|e| format!("{label}: axe.run failed: {e}"))?;
    if let Some(error) = outcome.get("error") {
        return Err(format!("{label}: axe.run failed: {error}"));
    }
    #[derive(serde::Deserialize)]
    struct Outcome {
        engine: String,
        ran: usize,
        violations: Vec<Violation>,
    }
    #[derive(serde::Deserialize)]
    struct Violation {
        id: String,
        impact: Option<String>,
        help: String,
        url: String,
        nodes: Vec<Node>,
    }
    #[derive(serde::Deserialize)]
    struct Node {
        target: Vec<String>,
        html: String,
    }
    let outcome: Outcome = serde_json::from_value(outcome).map_err(|e| format!("{label}: axe's answer: {e}"))?;
    if outcome.engine != "axe-core" || outcome.ran == 0 {
        return Err(format!("{label}: axe ran no rules ({} {})", outcome.engine, outcome.ran));
    }
    let mut failing = Vec::new();
    for violation in outcome.violations {
        let impact = violation.impact.unwrap_or_default();
        let nodes: Vec<String> =
            violation.nodes.iter().map(|n| format!("    {}  {}", n.target.join(" "), n.html)).collect();
        let entry = format!(
            "{label}: {} ({impact}): {} <{}>\n{}",
            violation.id,
            violation.help,
            violation.url,
            nodes.join("\n")
        );
        if FAILING_IMPACTS.contains(&impact.as_str()) {
            failing.push(entry);
        } else {
            eprintln!("axe, not failing: {entry}");
        }
    }
    Ok(failing)
}

/// Opens each page type and adds what axe finds there to `failing`, so that one run lists
/// every fault.
async fn audit_pages(
    client: &fantoccini::Client,
    site: SocketAddr,
    pages: &[PageType],
    width: &str,
    failing: &mut Vec<String>,
) -> Result<(), String> {
    for page in pages {
        let address = format!("http://{site}{}", page.path);
        client.goto(&address).await.map_err(|e| format!("{}: {e}", page.path))?;
        // A redirect (to the login form, say) would audit another page in this one's place.
        let shown = client.current_url().await.map_err(|e| e.to_string())?;
        let meant = url::Url::parse(&address).map_err(|e| e.to_string())?;
        if shown.path() != meant.path() {
            return Err(format!("{}: the browser was sent to {shown}", page.path));
        }
        audit_current(client, &format!("{}{width}", page.path), page.expect, failing).await?;
    }
    Ok(())
}

/// Adds what axe finds on the page the browser shows to `failing`, after checking that the page
/// has `expect`.
async fn audit_current(
    client: &fantoccini::Client,
    label: &str,
    expect: &str,
    failing: &mut Vec<String>,
) -> Result<(), String> {
    if client.find(Locator::Css(expect)).await.is_err() {
        let shown = client.current_url().await.map_err(|e| e.to_string())?;
        return Err(format!("{label}: the browser shows {shown}, without {expect}"));
    }
    failing.extend(axe_violations(client, label).await?);
    Ok(())
}

/// Narrows the window to a phone's width, and checks that the page's viewport followed.
async fn narrow_to_phone(client: &fantoccini::Client) -> Result<(), String> {
    client.set_window_size(360, 800).await.map_err(|e| e.to_string())?;
    let width = client.execute("return window.innerWidth;", vec![]).await.map_err(|e| e.to_string())?;
    if width.as_u64() != Some(360) {
        return Err(format!("the window did not narrow to 360 px: {width}"));
    }
    Ok(())
}

fn nothing_serious(failing: &[String]) -> Result<(), String> {
    if failing.is_empty() {
        Ok(())
    } else {
        Err(format!("axe found {} serious or critical violations:\n{}", failing.len(), failing.join("\n")))
    }
}

#[tokio::test]
async fn axe_finds_nothing_serious_on_any_public_page_type_at_desktop_and_phone_width() {
    let app = TestApp::with_demo().await;

    in_browser(&app, async |client, site| {
        // First, that the audit sees a fault: an image without a text alternative, put in a page.
        client.goto(&format!("http://{site}/")).await.map_err(|e| e.to_string())?;
        client
            .execute("document.querySelector('main').append(document.createElement('img'));", vec![])
            .await
            .map_err(|e| e.to_string())?;
        let found = axe_violations(client, "/ with an image without alt").await?;
        if !found.iter().any(|v| v.contains(": image-alt (critical)")) {
            return Err(format!("axe did not report the image without alt: {found:?}"));
        }

        let pages = public_page_types();
        let mut failing = Vec::new();
        audit_pages(client, site, &pages, "", &mut failing).await?;
        // At a phone's width the layout changes (tables scroll, grids fold): every page again.
        narrow_to_phone(client).await?;
        audit_pages(client, site, &pages, " at 360 px", &mut failing).await?;
        nothing_serious(&failing)
    })
    .await;
}

#[tokio::test]
async fn axe_finds_nothing_serious_on_any_admin_page_type_forms_with_mistakes_and_conflicts_included() {
    let app = TestApp::with_demo().await;
    crate::helpers::staff_account(&app.pool, "admin@example.org", prisoner_tracker::accounts::Role::Admin).await;
    let id = async |sql: &str| -> i64 {
        sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
    };
    let person = id("select id from people where slug = 'yuri-zenkovich'").await;
    let detention = id(&format!("select min(id) from detentions where person_id = {person}")).await;
    let event = id(&format!("select min(id) from events where person_id = {person}")).await;
    let wave = id("select id from waves where slug = 'handover-2025-02-12-vilnius'").await;
    let source = id("select min(id) from sources").await;
    let citation = id("select min(id) from citations").await;
    let facility = id("select min(id) from facilities").await;
    let figure = id("select min(id) from reported_figures").await;

    let pages = [
        page("/admin", "main h1"),
        page("/admin/people", "main table"),
        page("/admin/people?q=Kuznechik", "main table"),
        page("/admin/people/new", "form.record-form"),
        page(format!("/admin/people/{person}/edit"), "form.record-form"),
        page(format!("/admin/people/{person}/history"), "main h1"),
        page(format!("/admin/people/{person}/photo"), "form.photo-form"),
        page(format!("/admin/people/{person}/delete"), "main h1"),
        page(format!("/admin/detentions/new?person={person}"), "form.record-form"),
        page(format!("/admin/detentions/{detention}/edit"), "form.record-form"),
        page(format!("/admin/events/new?person={person}"), "form.record-form"),
        page(format!("/admin/events/{event}/edit"), "form.record-form"),
        page("/admin/waves", "main table"),
        page("/admin/waves/new", "form.record-form"),
        page(format!("/admin/waves/{wave}/edit"), "form.release-form"),
        page(format!("/admin/waves/{wave}/history"), "main h1"),
        page("/admin/sources", "main table"),
        page("/admin/sources/new", "form.record-form"),
        page(format!("/admin/sources/{source}/edit"), "form.record-form"),
        page(format!("/admin/sources/{source}/history"), "main h1"),
        page(format!("/admin/sources/{source}/delete"), "main h1"),
        page("/admin/citations", "main h1"),
        page(format!("/admin/citations/new?person={person}"), "form.record-form"),
        page(format!("/admin/citations/{citation}/edit"), "form.record-form"),
        page(format!("/admin/recognitions/new?person={person}"), "form.record-form"),
        page("/admin/facilities", "main table"),
        page(format!("/admin/facilities/{facility}/edit"), "form.record-form"),
        page("/admin/figures", "main table"),
        page(format!("/admin/figures/{figure}/edit"), "form.record-form"),
        page("/admin/import", "form.record-form"),
        page("/admin/users", "main table"),
        page("/admin/audit", "main table"),
        page("/account", "main table"),
        page("/account/two-factor", "form.login"),
        // The admin area in Belarusian: longer words in the same layouts.
        page("/be/admin", "main h1"),
        page(format!("/be/admin/people/{person}/edit"), "form.record-form"),
        page(format!("/be/admin/detentions/{detention}/edit"), "form.record-form"),
        page("/be/admin/import", "form.record-form"),
        page(format!("/ru/admin/sources/{source}/delete"), "main h1"),
    ];
    // Every form an empty submission sends back with its mistakes marked (422).
    let empty_forms = [
        "/admin/people/new".to_owned(),
        format!("/admin/detentions/new?person={person}"),
        format!("/admin/events/new?person={person}"),
        "/admin/waves/new".to_owned(),
        "/admin/sources/new".to_owned(),
        format!("/admin/citations/new?person={person}"),
        "/admin/facilities/new".to_owned(),
        "/admin/figures/new".to_owned(),
    ];
    in_browser(&app, async |client, site| {
        let e = |e: fantoccini::error::CmdError| e.to_string();
        let submit = async |form: &str| -> Result<(), String> {
            let button = format!("{form} button[type=submit]");
            client.find(Locator::Css(&button)).await.map_err(|e| format!("{button}: {e}"))?.click().await.map_err(e)
        };
        let fill = async |field: &str, text: &str| -> Result<(), String> {
            client.find(Locator::Css(field)).await.map_err(|e| format!("{field}: {e}"))?.send_keys(text).await.map_err(e)
        };
        client.goto(&format!("http://{site}/login")).await.map_err(e)?;
        fill("#email", "admin@example.org").await?;
        fill("#password", crate::helpers::PASSWORD).await?;
        submit("form.login").await?;
        client.wait().for_element(Locator::Css("#code")).await.map_err(|e| format!("no code form: {e}"))?;
        fill("#code", &crate::helpers::current_code(&app.pool, "admin@example.org").await).await?;
        submit("form.login").await?;
        client.wait().for_element(Locator::Css("nav.admin-nav")).await.map_err(|e| format!("not logged in: {e}"))?;

        let mut failing = Vec::new();
        // At desktop width, then at a phone's, where wide tables scroll sideways.
        for width in ["", " at 360 px"] {
            if !width.is_empty() {
                narrow_to_phone(client).await?;
            }
            audit_pages(client, site, &pages, width, &mut failing).await?;

            // Every form sent back with its mistakes marked (422).
            for form in &empty_forms {
                client.goto(&format!("http://{site}{form}")).await.map_err(e)?;
                submit("form.record-form").await?;
                client.wait().for_element(Locator::Css(".error-summary")).await.map_err(|e| format!("{form}: {e}"))?;
                // The summary has the focus, so that the keyboard and a screen reader start there.
                let focused = client
                    .execute("return document.activeElement.classList.contains('error-summary');", vec![])
                    .await
                    .map_err(e)?;
                if focused != serde_json::Value::Bool(true) {
                    return Err(format!("{form} sent empty{width}: the error summary is not focused"));
                }
                audit_current(client, &format!("{form} sent empty{width}"), ".field-error", &mut failing).await?;
            }

            // A name like a recorded person's asks first.
            client.goto(&format!("http://{site}/admin/people/new")).await.map_err(e)?;
            fill("#name_0", "Андрэй Кузнечык").await?;
            fill("#lang_0", "be").await?;
            submit("form.record-form").await?;
            client.wait().for_element(Locator::Css(".lookalikes")).await.map_err(|e| format!("no lookalikes: {e}"))?;
            audit_current(client, &format!("a person like a recorded one{width}"), ".lookalikes", &mut failing).await?;

            // Someone else saves the person while the form is open: the conflict page (409),
            // then a save over it, and the history with that revision.
            client.goto(&format!("http://{site}/admin/people/{person}/edit")).await.map_err(e)?;
            app.change(&format!(
                "update people set occupation = 'Changed elsewhere', version = version + 1 where id = {person}"
            ))
            .await;
            fill("#occupation", " and more").await?;
            submit("form.record-form").await?;
            client.wait().for_element(Locator::Css(".conflict")).await.map_err(|e| format!("no conflict: {e}"))?;
            audit_current(client, &format!("the person's conflict page{width}"), ".conflict", &mut failing).await?;
            submit("form.record-form").await?;
            client.wait().for_element(Locator::Css("[role=status]")).await.map_err(|e| format!("not saved: {e}"))?;
            let history = [page(format!("/admin/people/{person}/history"), ".revision table")];
            audit_pages(client, site, &history, &format!(" with a revision{width}"), &mut failing).await?;

            // An import checked, with a change, an addition and a mistake.
            client.goto(&format!("http://{site}/admin/import")).await.map_err(e)?;
            fill("#csv", "slug,name,born\nandrey-kuznechyk,Andrey Kuznechyk,1980\n,Symon Testavy,summer 1990\n,Nobody Dated,someday\n")
                .await?;
            submit("form.record-form").await?;
            client.wait().for_element(Locator::Css(".import-report")).await.map_err(|e| format!("no report: {e}"))?;
            audit_current(client, &format!("an import checked{width}"), ".import-report", &mut failing).await?;
        }
        nothing_serious(&failing)
    })
    .await;
}

/// The second factor as a new user meets it: the password, then setting up the app (the secret
/// typed by hand from the page), the recovery codes, the admin area; logging out and in again
/// with a wrong code (refused) and then a recovery code.
#[tokio::test]
async fn a_new_editor_sets_up_a_second_factor_and_later_logs_in_with_a_recovery_code_in_a_real_browser() {
    use prisoner_tracker::accounts::two_factor::{code_at, now, secret_from_text};
    let app = TestApp::new().await;
    prisoner_tracker::accounts::create_user(
        &app.pool,
        "editor@example.org",
        prisoner_tracker::accounts::Role::Editor,
        crate::helpers::PASSWORD.into(),
    )
    .await
    .unwrap();
    in_browser(&app, async |client, site| {
        let e = |e: fantoccini::error::CmdError| e.to_string();
        let find = async |css: &str| client.find(Locator::Css(css)).await.map_err(|e| format!("{css}: {e}"));
        let fill = async |css: &str, text: &str| find(css).await?.send_keys(text).await.map_err(e);
        let click = async |css: &str| find(css).await?.click().await.map_err(e);
        let wait = async |css: &str| {
            client.wait().for_element(Locator::Css(css)).await.map_err(|e| format!("waiting for {css}: {e}"))
        };
        let log_in = async || -> Result<(), String> {
            client.goto(&format!("http://{site}/admin")).await.map_err(e)?;
            wait("form.login #password").await?;
            fill("#email", "editor@example.org").await?;
            fill("#password", crate::helpers::PASSWORD).await?;
            click("form.login button[type=submit]").await
        };

        log_in().await?;
        // Sent to set up the second factor; the admin area stays shut meanwhile.
        wait("code.secret").await?;
        if !client.source().await.map_err(e)?.contains("<svg") {
            return Err("no QR code on the set-up page".into());
        }
        let secret_text = find("code.secret").await?.text().await.map_err(e)?;
        let secret = secret_from_text(&secret_text).ok_or(format!("unreadable secret {secret_text:?}"))?;
        client.goto(&format!("http://{site}/admin")).await.map_err(e)?;
        wait("form.login #password").await?;
        client.goto(&format!("http://{site}/account/two-factor")).await.map_err(e)?;
        wait("code.secret").await?;
        fill("#code", &code_at(&secret, now())).await?;
        click("form.login button[type=submit]").await?;
        wait(".recovery-codes").await?;
        let mut recovery = Vec::new();
        for code in client.find_all(Locator::Css(".recovery-codes code")).await.map_err(e)? {
            recovery.push(code.text().await.map_err(e)?);
        }
        if recovery.len() != 10 {
            return Err(format!("{} recovery codes", recovery.len()));
        }
        click("main a[href$='/admin']").await?;
        wait("nav.admin-nav").await?;

        // Out, and in again: a wrong code is refused, a recovery code opens.
        click("nav.admin-nav form button[type=submit]").await?;
        log_in().await?;
        wait("#code").await?;
        let taken = [code_at(&secret, now() - 30), code_at(&secret, now()), code_at(&secret, now() + 30)];
        let wrong = ["111111", "222222", "333333", "444444"].into_iter().find(|c| !taken.iter().any(|t| t == c));
        fill("#code", wrong.unwrap_or("555555")).await?;
        click("form.login button[type=submit]").await?;
        let refusal = wait(".form-error").await?.text().await.map_err(e)?;
        if !refusal.contains("not right") {
            return Err(format!("the wrong code was not refused: {refusal}"));
        }
        fill("#code", &recovery[3]).await?;
        click("form.login button[type=submit]").await?;
        wait("nav.admin-nav").await?;
        Ok(())
    })
    .await;
}

/// The journalist on a phone: every public page type, in each language, at 360 and 390 px, is no
/// wider than the screen (navigation wraps, wave tables become cards, long words break); the
/// header is short enough that a person's name comes near the top, and a filtered search shows
/// its results, not its filters, first.
#[tokio::test]
async fn no_public_page_is_wider_than_a_phone_in_any_language() {
    let app = TestApp::with_demo().await;

    in_browser(&app, async |client, site| {
        let mut faults = Vec::new();
        for width in [360u32, 390] {
            client.set_window_size(width, 800).await.map_err(|e| e.to_string())?;
            for prefix in ["", "/be", "/ru"] {
                for page in public_page_types() {
                    let path = format!("{prefix}{}", page.path);
                    client.goto(&format!("http://{site}{path}")).await.map_err(|e| format!("{path}: {e}"))?;
                    if client.find(Locator::Css(page.expect)).await.is_err() {
                        return Err(format!("{path}: the page lacks {}", page.expect));
                    }
                    let measured = client
                        .execute(
                            "const h1 = document.querySelector('h1'), results = document.getElementById('results-heading');
                             return [window.innerWidth, document.documentElement.scrollWidth,
                                     Math.round(h1.getBoundingClientRect().top),
                                     results ? Math.round(results.getBoundingClientRect().top) : null];",
                            vec![],
                        )
                        .await
                        .map_err(|e| e.to_string())?;
                    let (inner, scroll, h1_top, results_top): (u32, u32, u32, Option<u32>) =
                        serde_json::from_value(measured).map_err(|e| e.to_string())?;
                    if inner != width {
                        return Err(format!("{path}: the window is {inner} px wide, not {width}"));
                    }
                    if scroll > inner {
                        faults.push(format!("{path} at {width} px is {scroll} px wide"));
                    }
                    // The header in two short lines at most (it took 150 px before issue 19).
                    if page.path.starts_with("/prisoners/") && page.expect != "section.error" && h1_top > 120 {
                        faults.push(format!("{path} at {width} px: the name starts {h1_top} px down"));
                    }
                    if page.path.contains("status=released")
                        && let Some(top) = results_top
                        && top > 450
                    {
                        faults.push(format!("{path} at {width} px: the results start {top} px down"));
                    }
                }
            }
        }
        if faults.is_empty() { Ok(()) } else { Err(format!("too wide or too far down:\n{}", faults.join("\n"))) }
    })
    .await;
}
