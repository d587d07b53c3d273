//! The researcher's journey in a real browser (headless Chromium through chromedriver):
//! type any spelling of a name, reach the person's page, find the citation.
//!
//! Needs Debian's `chromium` and `chromium-driver`. Where they are missing the test says so
//! and passes, except under CI (`CI=true`), where a missing browser is a failure: CI installs
//! them (.ci/run).

use std::net::SocketAddr;
use std::process::Stdio;
use std::sync::Arc;
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
    let state = AppState { db: app.pool.clone(), origin: Arc::from(format!("http://{address}")) };
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
