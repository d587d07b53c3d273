//! Accounts and the admin area: logging in and out, throttling, roles, sessions, forgery.

use prisoner_tracker::accounts::Role;
use prisoner_tracker::web::throttle::FREE_FAILURES_PER_ACCOUNT;

use crate::helpers::{TestApp, Visitor, current_code, staff_account};

const PASSWORD: &str = "correct horse battery staple";

async fn account(app: &TestApp, email: &str, role: Role) {
    staff_account(&app.pool, email, role).await;
}

async fn audit_actions(app: &TestApp) -> Vec<(String, Option<String>)> {
    sqlx::query_as("select action, email from audit_log order by id").fetch_all(&app.pool).await.unwrap()
}

#[tokio::test]
async fn logging_in_opens_the_admin_area_with_a_fresh_strict_session() {
    let app = TestApp::new().await;
    account(&app, "editor@example.org", Role::Editor).await;
    let mut visitor = Visitor::new(&app);
    let form = visitor.get("/login").await;
    assert_eq!(form.status, 200);
    assert_eq!(visitor.cookie("pt_session"), None, "showing the login form starts no session");
    let rows = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from tower_sessions.session").fetch_one(&app.pool).await.unwrap()
    };
    assert_eq!(rows().await, 0, "nor writes one");
    let wrong = visitor.log_in("editor@example.org", "not the password at all").await;
    assert_eq!((wrong.status.as_u16(), rows().await), (401, 0), "a refused password writes no session either");

    let answer = visitor.log_in_password("Editor@Example.org ", PASSWORD).await;
    assert_eq!((answer.status.as_u16(), answer.header("location")), (303, "/login/code"));
    let before = visitor.cookie("pt_session").expect("a right password starts a session").to_owned();
    let answer = visitor.enter_code(&current_code(&app.pool, "editor@example.org").await).await;
    assert_eq!((answer.status.as_u16(), answer.header("location")), (303, "/admin"));
    let cookie = answer.header("set-cookie");
    for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
        assert!(cookie.contains(attribute), "the session cookie is {attribute}: {cookie}");
    }
    assert_ne!(visitor.cookie("pt_session").unwrap(), before, "the session id changes at login");

    let admin = visitor.get("/admin").await;
    assert_eq!(admin.status, 200);
    assert!(admin.text("main").contains("Signed in as editor@example.org"));
    let expected =
        ["user_created", "login_failed", "login"].map(|a| (a.to_owned(), Some("editor@example.org".to_owned())));
    assert_eq!(audit_actions(&app).await, expected);

    // The session id of the step between is worth nothing now.
    let mut planted = Visitor::new(&app);
    planted.set_cookie("pt_session", &before);
    assert_eq!(planted.get("/admin").await.status, 303);
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_get_the_same_answer() {
    let app = TestApp::new().await;
    account(&app, "editor@example.org", Role::Editor).await;
    let mut visitor = Visitor::new(&app);
    let wrong = visitor.log_in("editor@example.org", "not the password at all").await;
    let unknown = visitor.log_in("nobody@example.org", PASSWORD).await;
    assert_eq!(wrong.status, 401);
    assert_eq!(unknown.status, 401);
    assert_eq!(wrong.text(".form-error"), unknown.text(".form-error"));
    assert_eq!(wrong.attr("#email", "value").as_deref(), Some("editor@example.org"), "the address typed is kept");
    assert_eq!(visitor.get("/admin").await.status, 303, "still not logged in");
    let actions: Vec<String> = audit_actions(&app).await.into_iter().map(|a| a.0).collect();
    assert_eq!(actions, ["user_created", "login_failed", "login_failed"]);
}

#[tokio::test]
async fn failures_slow_the_client_that_sends_them_and_never_refuse_the_right_password() {
    let app = TestApp::new().await;
    account(&app, "editor@example.org", Role::Editor).await;
    account(&app, "admin@example.org", Role::Admin).await;

    let mut guesser = Visitor::new(&app);
    guesser.ip = Some("203.0.113.7:5555".parse().unwrap());
    let mut last = None;
    for i in 0..FREE_FAILURES_PER_ACCOUNT + 3 {
        let answer = guesser.log_in("editor@example.org", &format!("guess {i}")).await;
        assert_eq!(answer.status, 401, "a wrong password is refused, never shut out");
        last = Some(answer);
    }
    let last = last.unwrap();
    assert!(last.text(".form-error").contains("each try from here now waits"), "{}", last.text(".form-error"));
    assert_eq!(guesser.log_in("editor@example.org", PASSWORD).await.status, 303, "the right password gets in");

    // Guessing across many accounts from one address slows that address only.
    let mut attacker = Visitor::new(&app);
    attacker.ip = Some("198.51.100.66:5555".parse().unwrap());
    for i in 0..25 {
        assert_eq!(attacker.log_in(&format!("guess{i}@example.org"), "guess guess guess").await.status, 401);
    }
    let mut elsewhere = Visitor::new(&app);
    elsewhere.ip = Some("198.51.100.2:5555".parse().unwrap());
    let admin = elsewhere.log_in("admin@example.org", PASSWORD).await;
    assert_eq!(admin.status, 303);
    assert_eq!(attacker.log_in("admin@example.org", PASSWORD).await.status, 303, "slowed, not refused");

    let slowed: Vec<(String, Option<String>)> = sqlx::query_as(
        "select host(ip), email from audit_log where action = 'login_throttled' and (detail->>'waited_ms')::bigint > 0",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(slowed.iter().any(|(ip, _)| ip == "203.0.113.7") && slowed.iter().any(|(ip, _)| ip == "198.51.100.66"));
    assert!(!slowed.iter().any(|(ip, _)| ip == "198.51.100.2"), "the admin elsewhere never waited: {slowed:?}");
}

/// Behind a reverse proxy every connection comes from the proxy: with `TRUSTED_PROXIES` the
/// client is read from `X-Forwarded-For`; without it, that header is anyone's and changes
/// nothing.
#[tokio::test]
async fn behind_a_trusted_proxy_one_client_cannot_slow_another() {
    let proxy: std::net::SocketAddr = "127.0.0.1:40000".parse().unwrap();
    let app = TestApp::configured(|state| state.with_trusted_proxies(vec!["127.0.0.1/32".parse().unwrap()])).await;
    account(&app, "admin@example.org", Role::Admin).await;
    let mut attacker = Visitor::new(&app);
    (attacker.ip, attacker.forwarded_for) = (Some(proxy), Some("203.0.113.7".into()));
    for _ in 0..25 {
        assert_eq!(attacker.log_in("admin@example.org", "guess guess guess").await.status, 401);
    }
    let mut admin = Visitor::new(&app);
    (admin.ip, admin.forwarded_for) = (Some(proxy), Some("198.51.100.2".into()));
    let answer = admin.log_in("admin@example.org", PASSWORD).await;
    assert_eq!(answer.status, 303, "the admin behind the same proxy gets in");
    let clients: Vec<(String, String)> =
        sqlx::query_as("select action, host(ip) from audit_log where action like 'login%' order by id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert!(clients.iter().filter(|(a, _)| a == "login_failed").all(|(_, ip)| ip == "203.0.113.7"), "{clients:?}");
    assert_eq!(clients.last().unwrap(), &("login".to_owned(), "198.51.100.2".to_owned()));
    let waited: Vec<String> = sqlx::query_scalar(
        "select host(ip) from audit_log where action = 'login_throttled' and detail->>'waited_ms' is not null",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(waited.iter().any(|ip| ip == "203.0.113.7"), "the attacker waited");

    // Not trusted: a forged header changes nothing; the connection's address is the client.
    let app = TestApp::new().await;
    account(&app, "admin@example.org", Role::Admin).await;
    let mut forger = Visitor::new(&app);
    (forger.ip, forger.forwarded_for) = (Some("192.0.2.44:5555".parse().unwrap()), Some("198.51.100.2".into()));
    assert_eq!(forger.log_in("admin@example.org", "guess guess guess").await.status, 401);
    let ips: Vec<String> = sqlx::query_scalar("select host(ip) from audit_log where action = 'login_failed'")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(ips, ["192.0.2.44"]);
}

#[tokio::test]
async fn the_admin_area_needs_a_session_and_the_right_role() {
    let app = TestApp::new().await;
    account(&app, "editor@example.org", Role::Editor).await;
    account(&app, "admin@example.org", Role::Admin).await;

    let mut anonymous = Visitor::new(&app);
    for path in ["/admin", "/admin/users", "/admin/audit"] {
        let answer = anonymous.get(path).await;
        assert_eq!(answer.status, 303, "{path}");
        let next = serde_urlencoded::to_string([("next", path)]).unwrap();
        assert_eq!(answer.header("location"), format!("/login?{next}"), "{path}");
    }

    let mut editor = Visitor::new(&app);
    editor.log_in("editor@example.org", PASSWORD).await;
    assert_eq!(editor.get("/admin").await.status, 200);
    for path in ["/admin/users", "/admin/audit"] {
        let answer = editor.get(path).await;
        assert_eq!(answer.status, 403, "{path}");
        assert_eq!(answer.text("h1"), "Not allowed");
    }

    let mut admin = Visitor::new(&app);
    admin.log_in("admin@example.org", PASSWORD).await;
    let users = admin.get("/admin/users").await;
    assert_eq!(users.status, 200);
    assert_eq!(users.texts("tbody tr td:first-child"), ["admin@example.org", "editor@example.org"]);
    let audit = admin.get("/admin/audit").await;
    assert!(audit.texts("tbody tr").iter().any(|r| r.contains("Logged in") && r.contains("editor@example.org")));
    assert!(!audit.body.contains("$argon2"), "no hash ever reaches a page");

    // Logging in again from the form goes where the visitor was going.
    let mut returning = Visitor::new(&app);
    let token = returning.token("/login?next=%2Fadmin%2Faudit").await;
    let answer = returning
        .post(
            "/login",
            &[("csrf_token", &token), ("email", "admin@example.org"), ("password", PASSWORD), ("next", "/admin/audit")],
        )
        .await;
    assert_eq!(answer.header("location"), "/login/code");
    let answer = returning.enter_code(&current_code(&app.pool, "admin@example.org").await).await;
    assert_eq!(answer.header("location"), "/admin/audit");
}

fn as_refs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
async fn forged_and_cross_site_posts_are_refused() {
    let app = TestApp::new().await;
    account(&app, "editor@example.org", Role::Editor).await;
    let mut visitor = Visitor::new(&app);
    let token = visitor.token("/login").await;
    let fields = |token: &str| {
        [("csrf_token", token.to_owned()), ("email", "editor@example.org".into()), ("password", PASSWORD.into())]
    };

    let no_token = visitor.post("/login", &[("email", "editor@example.org"), ("password", PASSWORD)]).await;
    assert_eq!(no_token.status, 403, "a form without its token");
    let foreign = Visitor::new(&app).token("/login").await;
    assert_eq!(visitor.post("/login", &as_refs(&fields(&foreign))).await.status, 403, "another session's token");
    let own = fields(&token);
    for headers in [
        [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")],
        [("origin", "https://evil.example"), ("x-ignored", "")],
        [("origin", "null"), ("sec-fetch-site", "cross-site")],
    ] {
        let answer = visitor.post_with("/login", &as_refs(&own), &headers).await;
        assert_eq!(answer.status, 403, "{headers:?}");
    }
    assert_eq!(visitor.get("/admin").await.status, 303, "none of them logged in");
    assert_eq!(visitor.post("/login", &as_refs(&own)).await.status, 303, "the real form still works");
}

#[tokio::test]
async fn logging_out_ends_the_session() {
    let app = TestApp::new().await;
    account(&app, "editor@example.org", Role::Editor).await;
    let mut visitor = Visitor::new(&app);
    visitor.log_in("editor@example.org", PASSWORD).await;
    let session = visitor.cookie("pt_session").unwrap().to_owned();
    let token = visitor.token("/admin").await;
    let answer = visitor.post("/logout", &[("csrf_token", &token)]).await;
    assert_eq!((answer.status.as_u16(), answer.header("location")), (303, "/login"));
    assert_eq!(visitor.get("/admin").await.status, 303);
    let mut replay = Visitor::new(&app);
    replay.set_cookie("pt_session", &session);
    assert_eq!(replay.get("/admin").await.status, 303, "the old cookie opens nothing");
    assert!(audit_actions(&app).await.iter().any(|a| a.0 == "logout"));
}

/// Moves every stored session's clock: `logged_in_at` back by `hours` (the absolute limit), or
/// its expiry into the past (the idle limit).
async fn age_sessions(app: &TestApp, hours: i64, expire: bool) {
    let rows: Vec<(String, Vec<u8>)> =
        sqlx::query_as("select id, data from tower_sessions.session").fetch_all(&app.pool).await.unwrap();
    for (id, data) in rows {
        let mut record: tower_sessions::session::Record = rmp_serde::from_slice(&data).unwrap();
        if let Some(at) = record.data.get("logged_in_at").and_then(|v| v.as_i64()) {
            record.data.insert("logged_in_at".into(), (at - hours * 3600).into());
        }
        if expire {
            record.expiry_date = time::OffsetDateTime::now_utc() - time::Duration::minutes(1);
        }
        sqlx::query("update tower_sessions.session set data = $2, expiry_date = $3 where id = $1")
            .bind(&id)
            .bind(rmp_serde::to_vec(&record).unwrap())
            .bind(record.expiry_date)
            .execute(&app.pool)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_session_ends_twelve_hours_after_login_however_busy() {
    let app = TestApp::new().await;
    account(&app, "editor@example.org", Role::Editor).await;
    let mut visitor = Visitor::new(&app);
    visitor.log_in("editor@example.org", PASSWORD).await;
    age_sessions(&app, 11, false).await;
    assert_eq!(visitor.get("/admin").await.status, 200, "eleven hours in, still open");
    age_sessions(&app, 2, false).await;
    let answer = visitor.get("/admin/people").await;
    assert_eq!((answer.status.as_u16(), answer.header("location")), (303, "/login?next=%2Fadmin%2Fpeople"));
    assert!(visitor.get("/login").await.text("[role=status]").contains("Your session ended"));
    assert_eq!(visitor.get("/admin").await.status, 303, "and stays ended");
}

#[tokio::test]
async fn a_session_ends_after_half_an_hour_idle() {
    let app = TestApp::new().await;
    account(&app, "editor@example.org", Role::Editor).await;
    let mut visitor = Visitor::new(&app);
    visitor.log_in("editor@example.org", PASSWORD).await;
    assert_eq!(visitor.get("/admin").await.status, 200);
    age_sessions(&app, 0, true).await;
    assert_eq!(visitor.get("/admin").await.status, 303);
}

#[tokio::test]
async fn public_pages_set_no_cookie() {
    let app = TestApp::with_demo().await;
    for path in ["/", "/prisoners", "/charts", "/waves"] {
        assert_eq!(app.get(path).await.header("set-cookie"), "", "{path}");
    }
}

#[tokio::test]
async fn create_user_reads_the_password_from_standard_input() {
    use std::process::Stdio;
    use tokio::io::AsyncWriteExt;

    let app = TestApp::new().await;
    let run = |email: &'static str, password: &'static str| {
        let url = app.db.url();
        async move {
            let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_prisoner-tracker"))
                .args(["create-user", "--email", email, "--role", "admin"])
                .env("DATABASE_URL", url)
                .env("RUST_LOG", "warn")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            child.stdin.take().unwrap().write_all(format!("{password}\n").as_bytes()).await.unwrap();
            child.wait_with_output().await.unwrap()
        }
    };
    let short = run("new@example.org", "short").await;
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12 characters"));

    let made = run("New@Example.org", PASSWORD).await;
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let said = String::from_utf8_lossy(&made.stdout);
    assert!(said.contains("new@example.org (admin)"));
    assert!(said.contains("must set up a second factor"), "{said}");
    let again = run("new@example.org", PASSWORD).await;
    assert!(String::from_utf8_lossy(&again.stderr).contains("already has an account"));

    let mut visitor = Visitor::new(&app);
    let answer = visitor.log_in("new@example.org", PASSWORD).await;
    assert_eq!(answer.header("location"), "/account/two-factor", "a new account sets up its second factor first");
    let stored: String = sqlx::query_scalar("select password_hash from users").fetch_one(&app.pool).await.unwrap();
    assert!(stored.starts_with("$argon2id$") && !stored.contains(PASSWORD));
}

/// Sessions whose time is up are deleted by the server's sweeper, not kept for ever; live ones
/// stay.
#[tokio::test]
async fn expired_sessions_are_swept_away() {
    let app = TestApp::new().await;
    account(&app, "editor@example.org", Role::Editor).await;
    let mut gone = Visitor::new(&app);
    gone.log_in("editor@example.org", PASSWORD).await;
    age_sessions(&app, 0, true).await;
    let mut live = Visitor::new(&app);
    assert_eq!(live.log_in("editor@example.org", PASSWORD).await.status, 303);
    let count = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from tower_sessions.session").fetch_one(&app.pool).await.unwrap()
    };
    assert_eq!(count().await, 2);

    let sweeper =
        tokio::spawn(prisoner_tracker::app::sweep_sessions(app.pool.clone(), std::time::Duration::from_secs(3600)));
    let mut left = count().await;
    for _ in 0..100 {
        if left == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        left = count().await;
    }
    sweeper.abort();
    assert_eq!(left, 1, "the expired session went, the live one stayed");
    assert_eq!(live.get("/admin").await.status, 200);
}
