//! The second factor, the sessions a user sees and ends, and what admins change on accounts.

use prisoner_tracker::accounts::two_factor::{code_at, now, secret_from_text};
use prisoner_tracker::accounts::{self, AccountChange, Role, change_account};

use crate::helpers::{PASSWORD, TestApp, TestResponse, Visitor, current_code, logged_in, staff_account};

async fn audit_changes(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("select detail->>'change' from audit_log where action = 'user_changed' order by id")
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

/// The secret on the set-up page, as the user would type it into their app.
fn secret_on(page: &TestResponse) -> Vec<u8> {
    let text = page.text("code.secret");
    secret_from_text(&text).unwrap_or_else(|| panic!("no secret in {text:?}"))
}

/// A code that is not the account's now, nor in the step before or after.
fn wrong_code(secret: &[u8]) -> String {
    let t = now();
    let taken = [code_at(secret, t - 30), code_at(secret, t), code_at(secret, t + 30)];
    (0..1000).map(|n| format!("{:06}", n * 7919 % 1_000_000)).find(|c| !taken.contains(c)).unwrap()
}

#[tokio::test]
async fn a_new_account_sets_up_its_second_factor_before_anything_else_then_needs_it() {
    let app = TestApp::new().await;
    accounts::create_user(&app.pool, "editor@example.org", Role::Editor, PASSWORD.into()).await.unwrap();
    let mut visitor = Visitor::new(&app);
    let answer = visitor.log_in_password("editor@example.org", PASSWORD).await;
    assert_eq!(answer.header("location"), "/account/two-factor");
    for path in ["/admin", "/admin/people", "/account"] {
        let refused = visitor.get(path).await;
        assert_eq!(refused.status, 303, "{path}: nothing else before the second factor");
        assert!(refused.header("location").starts_with("/login"), "{path}");
    }

    let page = visitor.get("/account/two-factor").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<svg"), "the QR code is drawn in the page");
    assert!(!page.body.contains("src=\"http"), "nothing is loaded from elsewhere");
    let secret = secret_on(&page);
    assert_eq!(secret_on(&visitor.get("/account/two-factor").await), secret, "a reload shows the same secret");

    let token = page.attr("input[name=csrf_token]", "value").unwrap();
    let wrong = visitor.post("/account/two-factor", &[("csrf_token", &token), ("code", &wrong_code(&secret))]).await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.text(".form-error").contains("does not match"));

    let token = wrong.attr("input[name=csrf_token]", "value").unwrap();
    let code = code_at(&secret, now());
    let done = visitor.post("/account/two-factor", &[("csrf_token", &token), ("code", &code)]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let recovery = done.texts(".recovery-codes code");
    assert_eq!(recovery.len(), 10);
    assert_eq!(visitor.get("/admin").await.status, 200, "logged in once set up");

    let hashes: Vec<String> =
        sqlx::query_scalar("select code_hash from recovery_codes").fetch_all(&app.pool).await.unwrap();
    assert_eq!(hashes.len(), 10);
    assert!(hashes.iter().all(|h| h.starts_with("$argon2id$") && !recovery.iter().any(|c| h.contains(c.as_str()))));

    // Next time: password, then the code. The code just used does not work twice.
    let mut again = Visitor::new(&app);
    assert_eq!(again.log_in_password("editor@example.org", PASSWORD).await.header("location"), "/login/code");
    assert_eq!(again.get("/admin").await.status, 303, "the password alone opens nothing");
    assert_eq!(again.enter_code(&code).await.status, 401, "a code is accepted once");
    // A recovery code, typed loosely, works once.
    let loose = recovery[0].to_uppercase().replace('-', " ");
    let answer = again.enter_code(&loose).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.header("location"), "/admin");
    let mut third = Visitor::new(&app);
    third.log_in_password("editor@example.org", PASSWORD).await;
    assert_eq!(third.enter_code(&recovery[0]).await.status, 401, "a recovery code is spent");
    assert_eq!(third.enter_code(&recovery[1]).await.status, 303);

    let factors: Vec<Option<String>> =
        sqlx::query_scalar("select detail->>'factor' from audit_log where action = 'login' order by id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(factors, [Some("code".into()), Some("recovery_code".into()), Some("recovery_code".into())]);
    assert_eq!(audit_changes(&app).await, ["second_factor_enrolled"]);
}

#[tokio::test]
async fn wrong_codes_are_refused_and_slow_the_client_that_sends_them() {
    let app = TestApp::new().await;
    staff_account(&app.pool, "admin@example.org", Role::Admin).await;
    let mut guesser = Visitor::new(&app);
    guesser.ip = Some("203.0.113.9:5555".parse().unwrap());
    assert_eq!(guesser.log_in_password("admin@example.org", PASSWORD).await.header("location"), "/login/code");
    let wrong = wrong_code(crate::helpers::TOTP_SECRET);
    let mut last = None;
    for _ in 0..6 {
        let answer = guesser.enter_code(&wrong).await;
        assert_eq!(answer.status, 401);
        last = Some(answer);
    }
    assert!(last.unwrap().text(".form-error").contains("each try from here now waits"));
    let waited: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where action = 'login_throttled' and host(ip) = '203.0.113.9'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(waited > 0, "wrong codes are throttled like wrong passwords");
    // Slowed, never refused: the right code still gets in.
    let code = current_code(&app.pool, "admin@example.org").await;
    assert_eq!(guesser.enter_code(&code).await.status, 303);
}

#[tokio::test]
async fn a_user_sees_their_sessions_and_ends_them() {
    let app = TestApp::new().await;
    let mut laptop = logged_in(&app, "editor@example.org", Role::Editor).await;
    let mut phone = Visitor::new(&app);
    assert_eq!(phone.log_in("editor@example.org", PASSWORD).await.status, 303);
    let mut tablet = Visitor::new(&app);
    assert_eq!(tablet.log_in("editor@example.org", PASSWORD).await.status, 303);

    let page = laptop.get("/account").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("main tbody tr").len(), 3);
    assert_eq!(page.texts("main tbody tr form").len(), 2, "every session but this one can be ended");

    let token = page.attr("input[name=csrf_token]", "value").unwrap();
    let one = page.attr("main tbody tr input[name=session]", "value").unwrap();
    let ended = laptop.post("/account/sessions/end", &[("csrf_token", &token), ("session", &one)]).await;
    assert_eq!(ended.status, 303);
    let still = [phone.get("/admin").await.status, tablet.get("/admin").await.status];
    assert_eq!(still.iter().filter(|s| s.as_u16() == 303).count(), 1, "exactly the one session ended: {still:?}");

    let page = laptop.get("/account").await;
    let token = page.attr("input[name=csrf_token]", "value").unwrap();
    laptop.post("/account/sessions/end", &[("csrf_token", &token), ("session", "others")]).await;
    for other in [&mut phone, &mut tablet] {
        let sent = other.get("/admin").await;
        assert_eq!(sent.status, 303);
        let form = other.get(sent.header("location")).await;
        assert!(form.text("[role=status]").contains("was ended"), "{}", form.body);
    }
    assert_eq!(laptop.get("/admin").await.status, 200, "this session stays");
    let bad = laptop.post("/account/sessions/end", &[("csrf_token", &token), ("session", "not-a-session")]).await;
    assert_eq!(bad.status, 400);
}

/// An account can be disabled, given a new password, have its sessions ended or its second
/// factor reset, by an admin on the accounts page or from the command line: each ends the
/// account's sessions at once, and each is audited with who did it.
#[tokio::test]
async fn admins_disable_reset_and_end_the_sessions_of_accounts() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let editor_id = staff_account(&app.pool, "editor@example.org", Role::Editor).await;
    let mut editor = Visitor::new(&app);
    assert_eq!(editor.log_in("editor@example.org", PASSWORD).await.status, 303);

    let change = async |admin: &mut Visitor<'_>, fields: &[(&str, &str)]| {
        let page = admin.get("/admin/users").await;
        assert_eq!(page.status, 200);
        let token = page.attr("input[name=csrf_token]", "value").unwrap();
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        let answer = admin.post(&format!("/admin/users/{editor_id}/change"), &all).await;
        assert_eq!(answer.status, 303, "{fields:?}: {}", answer.body);
        admin.get(answer.header("location")).await
    };

    let page = change(&mut admin, &[("change", "end_sessions")]).await;
    assert!(page.text("[role=status]").contains("Every session of editor@example.org has ended"));
    assert_eq!(editor.get("/admin").await.status, 303);
    assert_eq!(editor.log_in("editor@example.org", PASSWORD).await.status, 303, "the password still works");

    let page = change(&mut admin, &[("change", "reset_password"), ("password", "short")]).await;
    assert!(page.text("[role=alert]").contains("too short"));
    assert_eq!(editor.get("/admin").await.status, 200, "a refused change changes nothing");
    let new_password = "a brand new passphrase of length";
    change(&mut admin, &[("change", "reset_password"), ("password", new_password)]).await;
    assert_eq!(editor.get("/admin").await.status, 303, "a new password ends the sessions");
    assert_eq!(editor.log_in("editor@example.org", PASSWORD).await.status, 401);
    assert_eq!(editor.log_in("editor@example.org", new_password).await.status, 303);

    change(&mut admin, &[("change", "disable")]).await;
    assert_eq!(editor.get("/admin").await.status, 303, "a disabled account's session opens nothing");
    assert_eq!(editor.log_in("editor@example.org", new_password).await.status, 401);
    change(&mut admin, &[("change", "enable")]).await;
    assert_eq!(editor.log_in("editor@example.org", new_password).await.status, 303);

    change(&mut admin, &[("change", "reset_two_factor")]).await;
    assert_eq!(editor.get("/admin").await.status, 303);
    let answer = editor.log_in_password("editor@example.org", new_password).await;
    assert_eq!(answer.header("location"), "/account/two-factor", "a reset second factor is set up again");

    // Admins cannot disable themselves, and nobody else changes accounts.
    let page = admin.get("/admin/users").await;
    let token = page.attr("input[name=csrf_token]", "value").unwrap();
    let own: i64 = sqlx::query_scalar("select id from users where email = 'admin@example.org'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let answer =
        admin.post(&format!("/admin/users/{own}/change"), &[("csrf_token", &token), ("change", "disable")]).await;
    assert_eq!(answer.status, 400);
    let mut other = logged_in(&app, "other@example.org", Role::Editor).await;
    let account = other.get("/account").await;
    assert_eq!(account.status, 200, "{}", account.body);
    let token = account.attr("input[name=csrf_token]", "value").unwrap();
    let answer =
        other.post(&format!("/admin/users/{editor_id}/change"), &[("csrf_token", &token), ("change", "disable")]).await;
    assert_eq!(answer.status, 403);

    // The command line does the same.
    change_account(&app.pool, "Editor@Example.org", AccountChange::EndSessions, "command line").await.unwrap();
    assert!(change_account(&app.pool, "nobody@example.org", AccountChange::Disable, "command line").await.is_err());
    let short =
        change_account(&app.pool, "editor@example.org", AccountChange::ResetPassword("short".into()), "x").await;
    assert!(short.is_err(), "a new password is checked like a first one");

    assert_eq!(
        audit_changes(&app).await,
        ["sessions_ended", "password_reset", "disabled", "enabled", "second_factor_reset", "sessions_ended"]
    );
    let by: Vec<String> =
        sqlx::query_scalar("select detail->>'by' from audit_log where action = 'user_changed' order by id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(by.last().unwrap(), "command line");
    assert!(by[..5].iter().all(|b| b == "admin@example.org"), "{by:?}");
}

/// Staff see each other by the display name each chose, never by e-mail address.
#[tokio::test]
async fn a_display_name_is_chosen_on_the_account_page() {
    let app = TestApp::new().await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let page = editor.get("/account").await;
    assert_eq!(page.attr("#display_name", "value").as_deref(), Some("Editor (test)"));
    let token = page.attr("input[name=csrf_token]", "value").unwrap();
    let refused = editor.post("/account/name", &[("csrf_token", &token), ("display_name", "Bad\u{1}name")]).await;
    let page = editor.get(refused.header("location")).await;
    assert!(page.text("[role=alert]").contains("no control characters"));
    assert_eq!(page.attr("#display_name", "value").as_deref(), Some("Editor (test)"), "unchanged");
    let saved = editor.post("/account/name", &[("csrf_token", &token), ("display_name", "  Ales K. ")]).await;
    let page = editor.get(saved.header("location")).await;
    assert_eq!(page.text("[role=status]"), "Your display name is saved.");
    assert_eq!(page.attr("#display_name", "value").as_deref(), Some("Ales K."));
    let saved = editor.post("/account/name", &[("csrf_token", &token), ("display_name", "")]).await;
    let page = editor.get(saved.header("location")).await;
    let id: i64 = sqlx::query_scalar("select id from users").fetch_one(&app.pool).await.unwrap();
    assert_eq!(page.attr("#display_name", "value"), Some(format!("Staff {id}")), "empty: the default");
}

/// Viewers read what staff read and change nothing but their own account.
#[tokio::test]
async fn a_viewer_reads_the_admin_area_and_changes_nothing() {
    let app = TestApp::new().await;
    let mut viewer = logged_in(&app, "viewer@example.org", Role::Viewer).await;
    for path in ["/admin", "/admin/people", "/admin/people/new", "/admin/waves", "/admin/sources", "/account"] {
        assert_eq!(viewer.get(path).await.status, 200, "{path}");
    }
    assert_eq!(viewer.get("/admin/users").await.status, 403, "accounts are for admins");
    let token = viewer.token("/admin/people/new").await;
    let refused = viewer
        .post("/admin/people/new", &[("csrf_token", &token), ("name_0", "Symon Testavy"), ("lang_0", "en")])
        .await;
    assert_eq!(refused.status, 403);
    let people: i64 = sqlx::query_scalar("select count(*) from people").fetch_one(&app.pool).await.unwrap();
    assert_eq!(people, 0);
    let token = viewer.token("/account").await;
    let named = viewer.post("/account/name", &[("csrf_token", &token), ("display_name", "Reader")]).await;
    assert_eq!(named.status, 303, "their own account is theirs");
    let out = viewer.post("/logout", &[("csrf_token", &token)]).await;
    assert_eq!(out.status, 303);
    assert_eq!(viewer.get("/admin").await.status, 303);
}
