//! Journeys in a real browser (headless Chromium through chromedriver): the researcher types any
//! spelling of a name, reaches the person's page and finds the citation; the journalist sees the
//! charts drawn and embeds one in another page; the admin logs in, adds a person with a detention
//! and publishes them, and a researcher finds them by a spelling nobody typed.
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

#[tokio::test]
async fn a_researcher_finds_each_demo_person_by_each_spelling_in_a_real_browser() {
    let Some((_driver, port)) = start_chromedriver().await else { return };
    let app = TestApp::with_demo().await;
    let site = serve(&app).await;
    let profile = std::env::temp_dir().join(format!("pt-chromium-{}", uuid::Uuid::new_v4()));
    let client = browser(port, &profile).await;

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
    let result: Result<(), String> = async {
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
    }
    .await;
    client.close().await.ok();
    let _ = std::fs::remove_dir_all(&profile);
    result.unwrap();
}

#[tokio::test]
async fn a_journalist_sees_the_charts_drawn_and_embeds_one_in_a_real_browser() {
    let Some((_driver, port)) = start_chromedriver().await else { return };
    let app = TestApp::with_demo().await;
    let site = serve(&app).await;
    let profile = std::env::temp_dir().join(format!("pt-chromium-{}", uuid::Uuid::new_v4()));
    let client = browser(port, &profile).await;

    let result: Result<(), String> = async {
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
    }
    .await;
    client.close().await.ok();
    let _ = std::fs::remove_dir_all(&profile);
    result.unwrap();
}

#[tokio::test]
async fn an_admin_adds_a_person_with_a_detention_whom_researchers_find_by_another_spelling_in_a_real_browser() {
    let Some((_driver, port)) = start_chromedriver().await else { return };
    let app = TestApp::with_demo().await;
    let password = "correct horse battery staple";
    prisoner_tracker::accounts::create_user(
        &app.pool,
        "admin@example.org",
        prisoner_tracker::accounts::Role::Admin,
        password.into(),
    )
    .await
    .unwrap();
    let site = serve(&app).await;
    let profile = std::env::temp_dir().join(format!("pt-chromium-{}", uuid::Uuid::new_v4()));
    let client = browser(port, &profile).await;

    let result: Result<(), String> = async {
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
        click("form.record-form button[type=submit]").await?;
        let saved = match client.wait().for_element(Locator::Css("[role=status]")).await {
            Ok(saved) => saved,
            Err(e) => return Err(format!("not saved: {e}: {}", client.source().await.unwrap_or_default())),
        };
        if saved.text().await.map_err(|e| e.to_string())? != "Saved." {
            return Err("the form did not say it saved".into());
        }
        // Their detention, from the link under the form.
        click(".detentions a[href$='/detentions/new']").await?;
        client.wait().for_element(Locator::Css("#country")).await.map_err(|e| format!("no detention form: {e}"))?;
        fill("#country", "BY").await?;
        fill("#started", "2021-03-04").await?;
        fill("#article_0", "342").await?;
        click("form.record-form button[type=submit]").await?;
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
    }
    .await;
    client.close().await.ok();
    let _ = std::fs::remove_dir_all(&profile);
    result.unwrap();
}
