//! The CSV import, `/admin/import` and `prisoner-tracker import`: a check that writes nothing,
//! an apply that writes everything or nothing, only over the versions checked, with revisions;
//! and who may publish.

use prisoner_tracker::accounts::{self, Role};

use crate::helpers::{ORIGIN, PASSWORD, Part, TestApp, TestResponse, Visitor, logged_in, table_counts};

/// Posts a multipart form as a browser on this site would: `fields`, then `file` if any.
async fn post_multipart(
    visitor: &mut Visitor<'_>,
    uri: &str,
    fields: &[(&str, &str)],
    file: Option<&[u8]>,
    headers: &[(&str, &str)],
) -> TestResponse {
    let mut parts: Vec<Part<'_>> = fields.iter().map(|(name, value)| Part::Text(name, value)).collect();
    if let Some(file) = file {
        parts.push(Part::File("file", "people.csv", "text/csv", file));
    }
    visitor.post_multipart_with(uri, &parts, headers).await
}

const SAME_SITE: &[(&str, &str)] = &[("origin", ORIGIN), ("sec-fetch-site", "same-origin")];

/// Uploads `csv` for a check, as the form on `/admin/import` does.
pub(crate) async fn check(visitor: &mut Visitor<'_>, csv: &str) -> TestResponse {
    let token = visitor.token("/admin/import").await;
    post_multipart(visitor, "/admin/import", &[("csrf_token", &token)], Some(csv.as_bytes()), SAME_SITE).await
}

/// Sends the apply form of a check page, as its button does.
pub(crate) async fn apply(visitor: &mut Visitor<'_>, checked: &TestResponse) -> TestResponse {
    let field = |name: &str| {
        checked
            .attr(&format!("form.import-apply input[name={name}]"), "value")
            .unwrap_or_else(|| panic!("the check page has an apply form with {name}"))
    };
    let (token, csv, fingerprint) = (field("csrf_token"), field("csv"), field("fingerprint"));
    let fields = [("csrf_token", token.as_str()), ("csv", csv.as_str()), ("fingerprint", fingerprint.as_str())];
    post_multipart(visitor, "/admin/import/apply", &fields, None, SAME_SITE).await
}

async fn revisions(app: &TestApp) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "select u.email, r.action, p.slug from revisions r join users u on u.id = r.user_id
         join people p on p.id = r.record_id order by r.id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

async fn public_id(app: &TestApp, slug: &str) -> String {
    sqlx::query_scalar::<_, uuid::Uuid>("select public_id from people where slug = $1")
        .bind(slug)
        .fetch_one(&app.pool)
        .await
        .unwrap()
        .to_string()
}

/// What the check page says each row does, by row number.
fn actions(page: &TestResponse) -> Vec<(String, String)> {
    let rows = page.texts("table.import-report tbody th[scope=row]");
    rows.into_iter().zip(page.texts("table.import-report td.action")).collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[tokio::test]
async fn a_check_writes_nothing_and_applying_writes_everything_with_revisions() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let losik = public_id(&app, "ihar-losik").await;
    let csv = format!(
        "public_id,url,all_names,citizenships,occupation,publication,born,naming_basis\n\
         ,,Сымон Тэставы [be primary] | Symon Testavy [en primary],BY PL,Teacher,published,summer 1990,public_sources\n\
         {losik},,,BY,Blogger and journalist,,,\n\
         ,https://elsewhere.example/prisoners/andrey-kuznechyk,,BY,\"Journalist, Radio Free Europe/Radio Liberty\",,,\n"
    );
    let before = table_counts(&app.pool).await;

    let checked = check(&mut admin, &csv).await;
    assert_eq!(checked.status, 200, "{}", checked.body);
    assert_eq!(actions(&checked), pairs(&[("2", "Add"), ("3", "Change"), ("4", "Unchanged")]));
    assert_eq!(checked.text("#row-2 td:nth-child(2)"), "symon-testavy", "the address a new person would get");
    let change = checked.text("#row-3 .import-changes");
    assert!(change.contains("Occupation: Former employee, Radio Liberty → Blogger and journalist"), "{change}");
    assert!(!change.contains("Names"), "an empty all_names cell keeps the names: {change}");
    assert_eq!(table_counts(&app.pool).await, before, "the check wrote nothing");
    assert!(revisions(&app).await.is_empty());

    let applied = apply(&mut admin, &checked).await;
    assert_eq!(applied.status, 303, "{}", applied.body);
    let done = admin.get(applied.header("location")).await;
    assert_eq!(
        done.text("[role=status]"),
        "Imported: 1 added, 1 changed, 1 unchanged. Every change is in the person's history."
    );

    let added = app.get("/prisoners/symon-testavy").await;
    assert_eq!(added.status, 200, "published by the admin's file");
    assert_eq!(added.text("h1"), "Symon Testavy");
    let changed = app.get("/prisoners/ihar-losik").await;
    assert!(changed.body.contains("Blogger and journalist"), "the change is on the public page");
    assert_eq!(
        revisions(&app).await,
        [
            ("admin@example.org".into(), "create".into(), "symon-testavy".into()),
            ("admin@example.org".into(), "update".into(), "ihar-losik".into()),
        ]
    );
    let names: Vec<(String, Option<String>, String)> = sqlx::query_as(
        "select n.name, n.lang, n.kind::text from person_names n join people p on p.id = n.person_id
         where p.slug = 'ihar-losik' order by n.id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(names.len(), 3, "an empty all_names cell leaves the names alone: {names:?}");
}

#[tokio::test]
async fn one_bad_row_writes_nothing_and_is_named_with_its_column() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let csv = "name,born,citizenships,occupation\n\
               Symon Testavy,1990,BY,Teacher\n\
               Hanna Testava,1990-13,BY,Nurse\n\
               Pavel Testau,1985,XX BY,<script>alert(1)</script>\n";
    let before = table_counts(&app.pool).await;

    let checked = check(&mut admin, csv).await;
    assert_eq!(checked.status, 422);
    assert_eq!(actions(&checked), pairs(&[("2", "Add"), ("3", "Mistakes"), ("4", "Mistakes")]));
    let row3 = checked.text("#row-3 .import-errors");
    assert!(row3.starts_with("born:") && row3.contains("no month 13"), "{row3}");
    assert!(checked.text("#row-4 .import-errors").starts_with("citizenships:"));
    assert!(checked.attr("form.import-apply", "action").is_none(), "no apply button while a row is wrong");
    assert!(!checked.body.contains("<script>alert(1)"), "cells are escaped wherever they appear");

    // Applying anyway, by hand, writes nothing either.
    let token = admin.token("/admin/import").await;
    let forced = admin.post("/admin/import/apply", &[("csrf_token", &token), ("csv", csv), ("fingerprint", "x")]).await;
    assert_eq!(forced.status, 422);
    assert_eq!(table_counts(&app.pool).await, before);
    assert!(revisions(&app).await.is_empty());
}

#[tokio::test]
async fn an_exported_file_imported_again_changes_nothing() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    // An occupation that the export must protect from spreadsheets, and the import unprotect.
    app.change("update people set occupation = '=cmd|calc' where slug = 'marc-fogel'").await;
    let export = app.get("/prisoners.csv").await;
    assert_eq!(export.status, 200);
    assert!(export.body.contains("'=cmd|calc"));

    let token = admin.token("/admin/import").await;
    let checked =
        post_multipart(&mut admin, "/admin/import", &[("csrf_token", &token)], Some(&export.bytes), SAME_SITE).await;
    assert_eq!(checked.status, 200, "{}", checked.body);
    let actions = checked.texts("table.import-report td.action");
    assert_eq!(actions.len(), 9);
    assert!(actions.iter().all(|a| a == "Unchanged"), "{actions:?}");
}

#[tokio::test]
async fn a_new_row_named_like_a_recorded_person_points_at_them() {
    let app = TestApp::with_demo().await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let checked = check(&mut editor, "name\nIhar Losik\nIhar Losik [be]\n").await;
    assert_eq!(checked.status, 200, "{}", checked.body);
    assert_eq!(checked.texts("table.import-report td:nth-child(2)"), ["ihar-losik-2", "ihar-losik-3"]);
    assert_eq!(checked.attr("#row-2 .import-namesake a", "href").as_deref(), Some("/admin/people?q=ihar-losik"));
    assert!(checked.attr("#row-3 .import-namesake a", "href").is_some());
}

#[tokio::test]
async fn editors_cannot_publish_through_an_import() {
    let app = TestApp::with_demo().await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;

    let published = check(&mut editor, "name,publication\nSymon Testavy,published\n").await;
    assert_eq!(published.status, 422);
    assert!(published.text("#row-2 .import-errors").starts_with("publication: only admins"));
    let unpublish = check(&mut editor, "slug,publication\nihar-losik,draft\n").await;
    assert_eq!(unpublish.status, 422, "nor unpublish");

    let draft = check(&mut editor, "name,occupation\nSymon Testavy,Teacher\n").await;
    assert_eq!(draft.status, 200);
    assert_eq!(apply(&mut editor, &draft).await.status, 303);
    let publication: String = sqlx::query_scalar("select publication::text from people where slug = 'symon-testavy'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(publication, "draft");
    assert_eq!(app.get("/prisoners/symon-testavy").await.status, 404);
}

#[tokio::test]
async fn a_person_saved_between_check_and_apply_is_not_overwritten() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let checked = check(&mut admin, "slug,occupation\nihar-losik,Blogger\n").await;
    assert_eq!(checked.status, 200, "{}", checked.body);

    // Meanwhile someone saves Ihar Losik through the form.
    let edit = format!("/admin/people/{}/edit", person_id(&app, "ihar-losik").await);
    let mut other = logged_in(&app, "other@example.org", Role::Admin).await;
    let saved = other
        .submit(
            &edit,
            &[("name_0", "Ihar Losik"), ("lang_0", "en"), ("kind_0", "primary"), ("occupation", "Journalist")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    let refused = apply(&mut admin, &checked).await;
    assert_eq!(refused.status, 409);
    assert_eq!(refused.text("#check-heading"), "The records changed since your check");
    let occupation: Option<String> = sqlx::query_scalar("select occupation from people where slug = 'ihar-losik'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(occupation.as_deref(), Some("Journalist"), "the other save is kept");
    assert_eq!(revisions(&app).await.len(), 1, "only the other save's revision");
    assert!(
        refused.text("#row-2 .import-changes").contains("Journalist → Blogger"),
        "the page shows the check as things are now"
    );
}

async fn person_id(app: &TestApp, slug: &str) -> i64 {
    sqlx::query_scalar("select id from people where slug = $1").bind(slug).fetch_one(&app.pool).await.unwrap()
}

#[tokio::test]
async fn posts_without_the_token_or_from_another_site_are_refused() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let token = admin.token("/admin/import").await;
    let csv = b"name\nSymon Testavy\n";
    for uri in ["/admin/import", "/admin/import/apply"] {
        let no_token = post_multipart(&mut admin, uri, &[], Some(csv), SAME_SITE).await;
        assert_eq!(no_token.status, 403, "{uri} without a token");
        let forged = post_multipart(&mut admin, uri, &[("csrf_token", "00ff")], Some(csv), SAME_SITE).await;
        assert_eq!(forged.status, 403, "{uri} with a wrong token");
        let cross_site = post_multipart(
            &mut admin,
            uri,
            &[("csrf_token", &token)],
            Some(csv),
            &[("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")],
        )
        .await;
        assert_eq!(cross_site.status, 403, "{uri} from another site");
    }
    let mut stranger = Visitor::new(&app);
    let anonymous = post_multipart(&mut stranger, "/admin/import", &[], Some(csv), SAME_SITE).await;
    assert_eq!(anonymous.status, 303, "to the login form");
    let people: i64 = sqlx::query_scalar("select count(*) from people").fetch_one(&app.pool).await.unwrap();
    assert_eq!(people, 9);
}

#[tokio::test]
async fn unreadable_files_are_refused_whole_with_a_reason() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let token = admin.token("/admin/import").await;
    for (file, says) in [
        (b"name,colour\nA,red\n".to_vec(), "unknown columns: \u{201c}colour\u{201d}"),
        (b"name\n\xc1\xee\xf0\xe8\xf1\n".to_vec(), "line 2 is not UTF-8"),
        (vec![b'x'; 5 * 1024 * 1024 + 1], "at most 5,120 KiB"),
    ] {
        let answer =
            post_multipart(&mut admin, "/admin/import", &[("csrf_token", &token)], Some(&file), SAME_SITE).await;
        assert_eq!(answer.status, 422, "{says}");
        assert!(answer.text("[role=alert]").contains(says), "{}", answer.text("[role=alert]"));
    }
    // Pasted text goes through the same checks, and comes back in the box to be corrected.
    let pasted = admin.post("/admin/import", &[("csrf_token", &token), ("csv", "nom\nA\n")]).await;
    assert_eq!(pasted.status, 422);
    assert_eq!(pasted.text("textarea#csv"), "nom A");
    let nothing = admin.post("/admin/import", &[("csrf_token", &token), ("csv", " ")]).await;
    assert_eq!(nothing.status, 422);

    let huge = vec![b'x'; 16 * 1024 * 1024];
    let too_large =
        post_multipart(&mut admin, "/admin/import", &[("csrf_token", &token)], Some(&huge), SAME_SITE).await;
    assert_eq!(too_large.status, 413);
    assert_eq!(too_large.text("h1"), "Request too large");
    let elsewhere = "x".repeat(2 * 1024 * 1024);
    let form = admin.post("/admin/people/new", &[("csrf_token", &token), ("biography", &elsewhere)]).await;
    assert_eq!(form.status, 413, "the import's larger limit is for the import only");
}

/// A workbook as a group keeps one: a sheet of notes first, the people on a sheet of their own,
/// a birth year typed as a number and a day as a date cell.
fn workbook() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Read me").unwrap();
    notes.write_string(0, 0, "Synthetic list for the tests").unwrap();
    let people = book.add_worksheet();
    people.set_name("People").unwrap();
    for (i, name) in ["name", "born", "occupation", "publication", "naming_basis"].iter().enumerate() {
        people.write_string(0, i as u16, *name).unwrap();
    }
    people.write_string(1, 0, "Сымон Тэставы").unwrap();
    people.write_number(1, 1, 1990).unwrap();
    people.write_string(1, 2, "Teacher").unwrap();
    people.write_string(1, 3, "published").unwrap();
    people.write_string(1, 4, "public_sources").unwrap();
    people.write_string(2, 0, "Invented Workbook Person").unwrap();
    let day = ExcelDateTime::from_ymd(1985, 3, 14).unwrap();
    people.write_datetime_with_format(2, 1, &day, &Format::new().set_num_format("dd.mm.yyyy")).unwrap();
    people.write_string(2, 2, "Engineer").unwrap();
    book.save_to_buffer().unwrap()
}

/// Uploads `book` for a check of its sheet `sheet` (empty: the first).
async fn check_sheet(admin: &mut Visitor<'_>, book: &[u8], sheet: &str) -> TestResponse {
    let token = admin.token("/admin/import").await;
    let parts = [
        Part::Text("csrf_token", &token),
        Part::Text("sheet", sheet),
        Part::File("file", "cases.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", book),
    ];
    admin.post_multipart_with("/admin/import", &parts, SAME_SITE).await
}

#[tokio::test]
async fn a_workbooks_sheet_imports_as_its_csv_would() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let book = workbook();
    // The first sheet holds no people's columns: said so, with the sheet to name instead.
    let first = check_sheet(&mut admin, &book, "").await;
    assert_eq!(first.status, 422);
    assert!(first.text(".form-error").contains("unknown columns"), "{}", first.body);
    let missing = check_sheet(&mut admin, &book, "Cases").await;
    assert_eq!(missing.status, 422);
    assert!(missing.body.contains("no sheet “Cases”; its sheets are “Read me”, “People”"), "{}", missing.body);

    let checked = check_sheet(&mut admin, &book, "People").await;
    assert_eq!(checked.status, 200, "{}", checked.body);
    assert_eq!(actions(&checked), pairs(&[("2", "Add"), ("3", "Add")]));
    assert_eq!(checked.attr("#sheet", "value").as_deref(), Some("People"), "the sheet stays in its field");
    let applied = apply(&mut admin, &checked).await;
    assert_eq!(applied.status, 303, "{}", applied.body);
    let born: Vec<(String, String)> =
        sqlx::query_as("select p.slug, partial_date_iso(p.born_on, p.born_precision) from people p order by p.slug")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        born,
        [("invented-workbook-person".into(), "1985-03-14".into()), ("symon-testavy".into(), "1990".into())],
        "a number as a year, a date cell as a day"
    );
    assert_eq!(app.get("/prisoners/symon-testavy").await.status, 200, "published by the admin's sheet");

    // An OpenDocument sheet as LibreOffice saves it (tests/assets/import/README.md), a year and
    // a day typed as a number and a date.
    let ods = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/assets/import/people.ods")).unwrap();
    let checked = check_sheet(&mut admin, &ods, "").await;
    assert_eq!(checked.status, 200, "{}", checked.body);
    // Its Symon was born in 1992, not 1990: by name and birth year, another person.
    assert_eq!(actions(&checked), pairs(&[("2", "Add"), ("3", "Add")]));
    let csv = checked.attr("form.import-apply input[name=csv]", "value").unwrap();
    assert!(csv.contains("Invented Person,1985-03-14,Engineer"), "the sheet travels on as CSV: {csv}");
}

mod command {
    use std::process::Stdio;

    use tokio::process::Command;

    use super::*;

    async fn import(app: &TestApp, csv: &str, args: &[&str]) -> (bool, String) {
        import_file(app, csv.as_bytes(), "csv", args).await
    }

    /// Runs the import command on `bytes` saved with `extension`.
    async fn import_file(app: &TestApp, bytes: &[u8], extension: &str, args: &[&str]) -> (bool, String) {
        let file = std::env::temp_dir().join(format!("import-{}.{extension}", uuid::Uuid::new_v4().simple()));
        std::fs::write(&file, bytes).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_prisoner-tracker"))
            .arg("import")
            .arg(&file)
            .args(args)
            .env("DATABASE_URL", app.db.url())
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .output()
            .await
            .unwrap();
        std::fs::remove_file(&file).unwrap();
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        (output.status.success(), text)
    }

    #[tokio::test]
    async fn the_import_command_reads_a_workbooks_sheet() {
        let app = TestApp::new().await;
        accounts::create_user(&app.pool, "admin@example.org", Role::Admin, PASSWORD.into()).await.unwrap();
        let book = workbook();
        let (ok, out) = import_file(&app, &book, "xlsx", &["--as", "admin@example.org", "--sheet", "People"]).await;
        assert!(ok, "{out}");
        assert!(
            out.contains("row 2: add symon-testavy") && out.contains("row 3: add invented-workbook-person"),
            "{out}"
        );
        let (ok, out) = import_file(&app, &book, "xlsx", &["--as", "admin@example.org", "--sheet", "Lists"]).await;
        assert!(!ok, "{out}");
        assert!(out.contains("the workbook has no sheet “Lists”; its sheets are “Read me”, “People”"), "{out}");
    }

    #[tokio::test]
    async fn the_import_command_checks_by_default_and_writes_with_apply() {
        let app = TestApp::with_demo().await;
        accounts::create_user(&app.pool, "admin@example.org", Role::Admin, PASSWORD.into()).await.unwrap();
        let csv = "slug,name,occupation,publication,naming_basis\n\
                   ,Symon Testavy,Teacher,published,public_sources\n\
                   ihar-losik,,Blogger,,\n";
        let before = table_counts(&app.pool).await;

        let (ok, out) = import(&app, csv, &["--as", "admin@example.org"]).await;
        assert!(ok, "{out}");
        assert!(out.contains("row 2: add symon-testavy"), "{out}");
        assert!(out.contains("row 3: change ihar-losik (occupation)"), "{out}");
        assert!(out.contains("Dry run: nothing written"), "{out}");
        assert_eq!(table_counts(&app.pool).await, before);

        let (ok, out) = import(&app, csv, &["--as", "Admin@Example.org", "--apply"]).await;
        assert!(ok, "{out}");
        assert!(out.contains("Written: 1 added, 1 changed, 0 unchanged"), "{out}");
        assert_eq!(
            revisions(&app).await,
            [
                ("admin@example.org".into(), "create".into(), "symon-testavy".into()),
                ("admin@example.org".into(), "update".into(), "ihar-losik".into()),
            ]
        );

        let (ok, out) =
            import(&app, "name,born\nHanna Testava,1990-13\n", &["--as", "admin@example.org", "--apply"]).await;
        assert!(!ok, "a row with a mistake exits non-zero");
        assert!(out.contains("row 2: error in born:"), "{out}");
        assert!(out.contains("Nothing written"), "{out}");
        let (ok, out) = import(&app, csv, &["--as", "nobody@example.org"]).await;
        assert!(!ok && out.contains("no active account"), "{out}");
        let people: i64 = sqlx::query_scalar("select count(*) from people").fetch_one(&app.pool).await.unwrap();
        assert_eq!(people, 10);
    }
}
