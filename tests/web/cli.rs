//! The binary as a user runs it against an existing server: `DATABASE_URL=… prisoner-tracker
//! migrate && prisoner-tracker seed-demo && prisoner-tracker serve`, then SIGTERM.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::process::Command;

use crate::helpers::TestDb;

fn binary(url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_prisoner-tracker"));
    command.env("DATABASE_URL", url).env("RUST_LOG", "warn").stdin(Stdio::null());
    command
}

async fn run(url: &str, args: &[&str]) -> String {
    let output = binary(url).args(args).output().await.unwrap();
    assert!(output.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// A plain HTTP/1.1 GET, to keep the test free of an HTTP client.
async fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await.ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await.ok()?;
    Some(response)
}

#[tokio::test]
async fn migrate_seed_and_serve_against_an_existing_server_then_stop_on_sigterm() {
    let db = TestDb::empty().await;
    let url = db.url();

    assert_eq!(run(&url, &["migrate"]).await.trim(), "migrations applied");
    let first = run(&url, &["seed-demo"]).await;
    assert!(first.contains("9 people, 5 waves and 1 figures added"), "{first}");
    let second = run(&url, &["seed-demo"]).await;
    assert!(second.contains("0 people, 0 waves and 0 figures added"), "{second}");

    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut server = binary(&url)
        .args(["serve", "--bind-addr", &format!("127.0.0.1:{port}")])
        .env("BASE_URL", "https://prisoners.example.org")
        .kill_on_drop(true)
        .spawn()
        .unwrap();

    let mut page = None;
    for _ in 0..100 {
        page = http_get(port, "/prisoners/andrey-kuznechyk").await;
        if page.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let page = page.expect("the server answers");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("Андрэй Кузнечык"));
    assert!(page.contains(r#"<link rel="canonical" href="https://prisoners.example.org/prisoners/andrey-kuznechyk">"#));

    let pid = nix::unistd::Pid::from_raw(server.id().unwrap() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    let status = tokio::time::timeout(Duration::from_secs(10), server.wait()).await.unwrap().unwrap();
    assert!(status.success(), "a graceful shutdown exits 0, got {status}");
}

#[tokio::test]
async fn serve_refuses_a_database_that_would_break_cyrillic_search() {
    let db = TestDb::with_c_locale().await;

    let output = binary(&db.url()).arg("migrate").output().await.unwrap();

    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("needs UTF8 and a UTF-8 LC_CTYPE"), "{message}");
    assert!(message.contains("CREATE DATABASE"), "it says how to fix it: {message}");
}
