//! The open dataset: `/data` and its downloads, `prisoner-tracker export DIR`, and
//! `prisoner-tracker import DIR|FILE.zip` into an empty database.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use axum::body::Body;
use axum::http::Request;
use prisoner_tracker::accounts::Role;
use prisoner_tracker::search::key::name_key;
use serde_json::Value;
use sqlx::PgPool;

use crate::helpers::{PASSWORD, TestApp, TestDb, table_counts};

const ADMIN: &str = "restorer@example.org";

async fn run(url: &str, args: &[&str]) -> Output {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_prisoner-tracker"))
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .args(args)
        .output()
        .await
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A folder of the test's own, removed when it ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let path = std::env::temp_dir().join(format!("pt-dataset-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn text(&self, name: &str) -> String {
        self.path(name).to_str().unwrap().to_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An empty migrated database with an admin to import in the name of.
async fn empty_database() -> (TestDb, PgPool) {
    let db = TestDb::migrated().await;
    let pool = db.pool().await;
    prisoner_tracker::accounts::create_user(&pool, ADMIN, Role::Admin, PASSWORD.into()).await.unwrap();
    (db, pool)
}

const BIOGRAPHY: &str = "=HYPERLINK(\"http://evil.example\",\"click\")\nа потым \"quotes\", commas,\r\nand a CRLF";

/// The demo records, plus a published person whose every text is hostile (formulas, markup,
/// quotes, commas, line breaks, Cyrillic), a draft person, a draft wave that the hostile
/// person's detention points at, and citations of the drafts.
async fn demo_with_drafts_and_hostile_text() -> TestApp {
    let app = TestApp::with_demo().await;
    let pool = &app.pool;
    let person: i64 = sqlx::query_scalar(
        "insert into people (slug, publication, sex, born_on, born_precision, occupation, region, biography, naming_basis)
         values ('hostile-person', 'published', 'female', '1990-06-01', 'season', '-2+3', '@SUM(A1)', $1, 'public_sources')
         returning id",
    )
    .bind(BIOGRAPHY)
    .fetch_one(pool)
    .await
    .unwrap();
    for (name, lang, script, kind) in [
        ("Алеся \"Леся\" <script>alert(1)</script>", Some("be"), "Cyrl", "primary"),
        ("Alesia, the \"quoted\"", Some("en"), "Latn", "primary"),
        ("'=1+1", None, "Latn", "alias"),
    ] {
        sqlx::query(
            "insert into person_names (person_id, name, lang, script, kind, search_key)
             values ($1, $2, $3, $4, $5::name_kind, $6)",
        )
        .bind(person)
        .bind(name)
        .bind(lang)
        .bind(script)
        .bind(kind)
        .bind(name_key(name))
        .execute(pool)
        .await
        .unwrap();
    }
    let sql = format!(
        "insert into person_citizenships (person_id, country) values ({person}, 'BY'), ({person}, 'LT');
         insert into waves (slug, name, started_on, started_precision, country, mechanism, publication)
         values ('draft-wave', 'A wave not yet confirmed', '2025-03-01', 'month', 'BY', 'pardon', 'draft');
         insert into detentions (person_id, country, started_on, started_precision, ended_on, ended_precision,
                                 release_mechanism, wave_id, notes, trial_stage, sentence_kind, sentence_months)
         select {person}, 'BY', '2021-01-01', 'year', '2025-03-01', 'month', 'pardon', w.id,
                '+notes, with \"quotes\"', 'convicted', 'imprisonment', 36
         from waves w where w.slug = 'draft-wave';
         insert into detention_charges (detention_id, article, part, description)
         select d.id, '361-1', '1', '=cmd|'' /C calc''!A0' from detentions d where d.person_id = {person};
         insert into events (person_id, detention_id, kind, occurred_on, occurred_precision, description)
         select {person}, d.id, 'arrest', '2021-01-01', 'year', 'Арышт; \"затрымана\"' from detentions d
         where d.person_id = {person};
         insert into recognitions (person_id, organisation, recognised_on, recognised_precision, url)
         values ({person}, 'Viasna', '2021-03-01', 'season', 'https://spring96.org/en');
         insert into citations (source_id, person_id, locator) select s.id, {person}, 'p. 2' from sources s;
         update people set text_lang = 'be' where id = {person};
         insert into event_texts (event_id, lang, description)
         select e.id, 'ru', 'Арест; \"задержана\", =1' from events e where e.person_id = {person};
         insert into person_texts (person_id, lang, occupation, biography)
         values ({person}, 'en', '=1+2', 'In English, \"quoted\",\r\nwith <b>markup</b>');
         insert into wave_texts (wave_id, lang, name, notes)
         select w.id, 'be', 'Хваля \"у двукоссі\", з коскай', '@notes' from waves w where w.slug = 'exchange-2024-summer';
         insert into wave_texts (wave_id, lang, name) select w.id, 'ru', 'Secret Draft wave in Russian'
         from waves w where w.slug = 'draft-wave';
         insert into people (slug, publication, occupation) values ('secret-draft', 'draft', 'Secret Draft occupation');
         insert into person_names (person_id, name, lang, script, kind, search_key)
         select id, 'Secret Draft Person', 'en', 'Latn', 'primary', 'secret draft person' from people
         where slug = 'secret-draft';
         insert into citations (source_id, person_id) select s.id, p.id from sources s, people p
         where p.slug = 'secret-draft';
         insert into citations (source_id, wave_id) select s.id, w.id from sources s, waves w
         where w.slug = 'draft-wave';"
    );
    app.change(&sql).await;
    app
}

/// Every published record of a database, table by table, as the rows themselves (read here,
/// independently of the export): what a restore must reproduce. Left out are what the dataset
/// does not carry by design: timestamps and versions (a restore starts them afresh), the notes
/// of sources and the locators of citations (not public), and a draft wave's id.
async fn published_records(pool: &PgPool) -> BTreeMap<&'static str, Value> {
    const DROP: &str = "- 'created_at' - 'updated_at' - 'version'";
    let published_people = "(select id from people where publication = 'published')";
    let queries: Vec<(&str, String)> = vec![
        ("people", format!("select to_jsonb(t) {DROP} from people t where t.publication = 'published'")),
        (
            "person_names",
            format!("select to_jsonb(t) {DROP} from person_names t where t.person_id in {published_people}"),
        ),
        (
            "person_texts",
            format!(
                "select to_jsonb(t) {DROP} || jsonb_build_object('id', t.person_id::text || t.lang)
                 from person_texts t where t.person_id in {published_people}"
            ),
        ),
        (
            "event_texts",
            format!(
                "select to_jsonb(t) {DROP} || jsonb_build_object('id', t.event_id::text || t.lang)
                 from event_texts t join events e on e.id = t.event_id where e.person_id in {published_people}"
            ),
        ),
        (
            "wave_texts",
            format!(
                "select to_jsonb(t) {DROP} || jsonb_build_object('id', t.wave_id::text || t.lang)
                 from wave_texts t where t.wave_id in (select id from waves where publication = 'published')"
            ),
        ),
        (
            "person_citizenships",
            format!(
                "select to_jsonb(t) {DROP} || jsonb_build_object('id', t.person_id::text || t.country)
                 from person_citizenships t where t.person_id in {published_people}"
            ),
        ),
        (
            "detentions",
            format!(
                "select to_jsonb(t) {DROP} || jsonb_build_object('wave_id', w.id) from detentions t
                 left join waves w on w.id = t.wave_id and w.publication = 'published'
                 where t.person_id in {published_people}"
            ),
        ),
        (
            "detention_charges",
            format!(
                "select to_jsonb(t) {DROP} from detention_charges t join detentions d on d.id = t.detention_id
                 where d.person_id in {published_people}"
            ),
        ),
        ("events", format!("select to_jsonb(t) {DROP} from events t where t.person_id in {published_people}")),
        (
            "recognitions",
            format!("select to_jsonb(t) {DROP} from recognitions t where t.person_id in {published_people}"),
        ),
        ("waves", format!("select to_jsonb(t) {DROP} from waves t where t.publication = 'published'")),
        (
            "reported_figures",
            format!("select to_jsonb(t) {DROP} from reported_figures t where t.publication = 'published'"),
        ),
        (
            "facilities",
            format!(
                "select to_jsonb(t) {DROP} from facilities t where t.id in
                 (select facility_id from detentions where person_id in {published_people})"
            ),
        ),
        (
            "sources",
            format!(
                "select to_jsonb(t) {DROP} - 'notes' from sources t where t.id in (select source_id from citations)"
            ),
        ),
        (
            "citations",
            format!(
                "select to_jsonb(t) {DROP} - 'locator' from citations t
                 where t.person_id in {published_people} or t.figure_id is not null
                    or t.wave_id in (select id from waves where publication = 'published')
                    or t.detention_id in (select id from detentions where person_id in {published_people})
                    or t.event_id in (select id from events where person_id in {published_people})
                    or t.recognition_id in (select id from recognitions where person_id in {published_people})"
            ),
        ),
    ];
    let mut records = BTreeMap::new();
    for (table, query) in queries {
        let sql = format!("select coalesce(jsonb_agg(r order by r->>'id'), '[]') from ({query}) as x(r)");
        let rows: Value = sqlx::query_scalar(&sql).fetch_one(pool).await.unwrap_or_else(|e| panic!("{table}: {e}"));
        records.insert(table, rows);
    }
    records
}

fn assert_same_records(expected: &BTreeMap<&str, Value>, actual: &BTreeMap<&str, Value>, what: &str) {
    for (table, rows) in expected {
        assert!(rows.as_array().is_some_and(|r| !r.is_empty()), "{table}: the test has records of every kind");
        assert_eq!(&actual[table], rows, "{what}: {table} differs");
    }
}

fn zip_entries(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().unwrap().into_owned(), content)
        })
        .collect()
}

#[tokio::test]
async fn export_then_import_into_an_empty_database_reproduces_every_published_record() {
    let app = demo_with_drafts_and_hostile_text().await;
    let original = published_records(&app.pool).await;
    let dir = TempDir::new();

    let exported = run(&app.db.url(), &["export", &dir.text("cli")]).await;
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let zip = app.get("/data/prisoner-tracker.zip").await;
    assert_eq!(zip.status, 200);
    std::fs::write(dir.path("web.zip"), &zip.bytes).unwrap();

    // The files carry no draft, and protect spreadsheets from formulas.
    let people = std::fs::read_to_string(dir.path("cli/people.csv")).unwrap();
    let all_files: String = std::fs::read_dir(dir.path("cli"))
        .unwrap()
        .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
        .collect();
    for draft in ["Secret Draft", "secret-draft", "draft-wave", "A wave not yet confirmed"] {
        assert!(!all_files.contains(draft), "{draft} is not published");
    }
    assert!(people.contains("\"'=HYPERLINK(\"\"http://evil.example\"\""), "{people}");
    assert!(people.contains(",'-2+3,'@SUM(A1),"), "{people}");

    for (source, what) in [(dir.text("cli"), "the exported folder"), (dir.text("web.zip"), "the zip from /data")] {
        let (restored_db, restored) = empty_database().await;
        let checked = run(&restored_db.url(), &["import", &source, "--as", ADMIN]).await;
        assert!(checked.status.success(), "{what}: {}{}", stdout(&checked), String::from_utf8_lossy(&checked.stderr));
        assert!(stdout(&checked).contains("Dry run"), "{}", stdout(&checked));
        assert!(table_counts(&restored).await.iter().all(|(_, n)| *n == 0), "a dry run writes nothing");

        let imported = run(&restored_db.url(), &["import", &source, "--as", ADMIN, "--apply"]).await;
        assert!(
            imported.status.success(),
            "{what}: {}{}",
            stdout(&imported),
            String::from_utf8_lossy(&imported.stderr)
        );

        assert_same_records(&original, &published_records(&restored).await, what);
        let drafts: i64 =
            sqlx::query_scalar("select count(*) from people where publication = 'draft' or slug = 'secret-draft'")
                .fetch_one(&restored)
                .await
                .unwrap();
        assert_eq!(drafts, 0, "{what}: no draft person");
        let waves: Vec<String> = sqlx::query_scalar("select slug from waves").fetch_all(&restored).await.unwrap();
        assert!(!waves.contains(&"draft-wave".to_owned()), "{what}: no draft wave");
        let biography: String = sqlx::query_scalar("select biography from people where slug = 'hostile-person'")
            .fetch_one(&restored)
            .await
            .unwrap();
        assert_eq!(biography, BIOGRAPHY, "{what}: byte for byte, CRLF included");

        // The restore is attributed, and new records get new ids.
        let revisions: Vec<(String, String, i64)> = sqlx::query_as(
            "select r.record_type, r.action, count(*) from revisions r join users u on u.id = r.user_id
             where u.email = $1 group by 1, 2 order by 1",
        )
        .bind(ADMIN)
        .fetch_all(&restored)
        .await
        .unwrap();
        let people_count = original["people"].as_array().unwrap().len() as i64;
        let wave_count = original["waves"].as_array().unwrap().len() as i64;
        assert_eq!(
            revisions,
            [("person".into(), "create".into(), people_count), ("wave".into(), "create".into(), wave_count)],
            "{what}"
        );
        let fresh: i64 = sqlx::query_scalar("insert into people (slug) values ('added-later') returning id")
            .fetch_one(&restored)
            .await
            .unwrap();
        assert!(fresh > people_count, "{what}: the id sequence moved past the imported ids");

        // A second import is refused: the database holds records now.
        let again = run(&restored_db.url(), &["import", &source, "--as", ADMIN, "--apply"]).await;
        assert!(!again.status.success());
        assert!(String::from_utf8_lossy(&again.stderr).contains("already holds records"), "{what}");
    }
}

#[tokio::test]
async fn the_data_page_explains_the_dataset_and_links_its_downloads() {
    let app = demo_with_drafts_and_hostile_text().await;

    let page = app.get("/data").await;

    assert_eq!(page.status, 200);
    assert_eq!(page.text("h1"), "Open data");
    assert_eq!(page.attr("a[href='/data/prisoner-tracker.zip']", "download").as_deref(), Some(""));
    assert!(page.attr("a[href='/data/prisoner-tracker.json']", "href").is_some());
    assert_eq!(page.attr("a[rel=license]", "href").as_deref(), Some("https://creativecommons.org/licenses/by/4.0/"));
    let generated = page.attr("time[datetime]", "datetime").unwrap();
    assert!(time::OffsetDateTime::parse(&generated, &time::format_description::well_known::Rfc3339).is_ok());
    assert_eq!(page.text("#file-people"), "people.csv — 10 rows", "nine demo people and the hostile one");
    assert!(page.texts("table.columns th[scope=row]").contains(&"public_id".to_owned()));
    assert!(!page.body.contains("<script>"), "names are never markup here either");
    let home = app.get("/").await;
    assert!(home.attr("footer a[href='/data']", "href").is_some(), "the footer links the dataset");
}

#[tokio::test]
async fn downloads_are_attachments_with_etags_that_change_with_the_data() {
    let app = demo_with_drafts_and_hostile_text().await;

    let zip = app.get("/data/prisoner-tracker.zip").await;
    assert_eq!(zip.status, 200);
    assert_eq!(zip.header("content-type"), "application/zip");
    assert_eq!(zip.header("content-disposition"), "attachment; filename=\"prisoner-tracker.zip\"");
    assert_eq!(zip.header("cache-control"), "public, max-age=300");
    let entries = zip_entries(&zip.bytes);
    let names: Vec<&str> = entries.keys().map(String::as_str).collect();
    for expected in [
        "people.csv",
        "person_names.csv",
        "person_citizenships.csv",
        "detentions.csv",
        "detention_charges.csv",
        "events.csv",
        "recognitions.csv",
        "waves.csv",
        "facilities.csv",
        "reported_figures.csv",
        "sources.csv",
        "citations.csv",
        "photos.csv",
        "countries.csv",
        "datapackage.json",
        "README.txt",
    ] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let manifest: Value = serde_json::from_slice(&entries["datapackage.json"]).unwrap();
    assert_eq!(manifest["licenses"][0]["name"], "CC-BY-4.0");
    assert_eq!(manifest["attribution"], "Prisoner Tracker");
    assert_eq!(manifest["schema_version"], prisoner_tracker::dataset::export::schema_version(), "the latest migration");
    let people = manifest["resources"].as_array().unwrap().iter().find(|r| r["name"] == "people").unwrap();
    assert_eq!(people["rows"], 10);

    let json = app.get("/data/prisoner-tracker.json").await;
    assert_eq!(json.status, 200);
    assert_eq!(json.header("content-disposition"), "attachment; filename=\"prisoner-tracker.json\"");
    let document: Value = serde_json::from_slice(&json.bytes).expect("the JSON parses");
    assert_eq!(document["licence"]["name"], "CC-BY-4.0");
    assert_eq!(document["generated_at"], manifest["created"], "the zip and the JSON are one snapshot");
    let hostile = document["tables"]["people"].as_array().unwrap().iter().find(|p| p["slug"] == "hostile-person");
    assert_eq!(hostile.unwrap()["biography"], BIOGRAPHY, "JSON holds the text as it is, unescaped");
    assert_eq!(hostile.unwrap()["born"], "1990-summer");
    assert_eq!(hostile.unwrap()["born_precision"], "season");
    let detention = document["tables"]["detentions"].as_array().unwrap().iter().find(|d| d["notes"].is_string());
    assert_eq!(detention.unwrap()["wave_id"], Value::Null, "a draft wave is not revealed");

    // Compressed for whoever accepts it, except the zip (compressed already).
    let gzip_request =
        |uri: &str| Request::builder().uri(uri).header("accept-encoding", "gzip").body(Body::empty()).unwrap();
    assert_eq!(app.request(gzip_request("/data/prisoner-tracker.zip")).await.header("content-encoding"), "");
    assert_eq!(app.request(gzip_request("/data/prisoner-tracker.json")).await.header("content-encoding"), "gzip");

    let etag = zip.header("etag").to_owned();
    assert!(etag.starts_with("W/\"") && etag.len() == 64 + 4, "{etag}");
    let conditional = |etag: &str| {
        Request::builder().uri("/data/prisoner-tracker.zip").header("if-none-match", etag).body(Body::empty()).unwrap()
    };
    let unchanged = app.request(conditional(&etag)).await;
    assert_eq!(unchanged.status, 304);
    assert!(unchanged.bytes.is_empty());
    assert_eq!(unchanged.header("etag"), etag);

    app.change("update people set occupation = 'Poet' where slug = 'ihar-losik'").await;
    let changed = app.request(conditional(&etag)).await;
    assert_eq!(changed.status, 200, "the data changed");
    assert_ne!(changed.header("etag"), etag);
    assert!(String::from_utf8_lossy(&zip_entries(&changed.bytes)["people.csv"]).contains("Poet"));
}

/// Rewrites `file` in the folder `dir` with `edit`.
fn edit(dir: &Path, file: &str, edit: impl FnOnce(String) -> String) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
}

#[tokio::test]
async fn a_broken_dataset_is_refused_with_its_mistakes_and_nothing_is_written() {
    let app = TestApp::with_demo().await;
    let dir = TempDir::new();
    assert!(run(&app.db.url(), &["export", &dir.text("data")]).await.status.success());
    let data = dir.path("data");
    edit(&data, "waves.csv", |t| t.replacen(",2024-summer,season,", ",2024-13,season,", 1));
    edit(&data, "detentions.csv", |t| t.replacen("\n1,1,BY,", "\n1,1,XX,", 1));
    edit(&data, "citations.csv", |t| t + "99,1,,,,,,\n");
    edit(&data, "people.csv", |t| t.replacen(",andrey-kuznechyk,", ",Andrey Kuznechyk,", 1));
    let (restored_db, restored) = empty_database().await;

    let refused = run(&restored_db.url(), &["import", &dir.text("data"), "--as", ADMIN, "--apply"]).await;

    assert!(!refused.status.success());
    let report = stdout(&refused);
    for expected in [
        "waves.csv, row 2, column started: there is no month 13",
        "detentions.csv, row 2, column country: “XX” is not a country code",
        "citations.csv, row 28: a citation supports exactly one record: 0 of",
        "people.csv, row 2, column slug: “Andrey Kuznechyk”",
        "Nothing written: 4 mistakes.",
    ] {
        assert!(report.contains(expected), "“{expected}” in:\n{report}");
    }
    assert!(table_counts(&restored).await.iter().all(|(_, n)| *n == 0), "nothing written");

    // Rows that pass every check but break a rule of the database: a second primary English
    // name for one person. The database refuses, and the whole import is undone.
    let dir = TempDir::new();
    assert!(run(&app.db.url(), &["export", &dir.text("data")]).await.status.success());
    edit(&dir.path("data"), "person_names.csv", |t| t + "999,1,Andrei Kuznechik,en,Latn,primary\n");
    let refused = run(&restored_db.url(), &["import", &dir.text("data"), "--as", ADMIN, "--apply"]).await;
    assert!(!refused.status.success());
    let report = stdout(&refused);
    assert!(report.contains("person_names.csv: the database refused a row"), "{report}");
    assert!(report.contains("person_names_one_primary_per_lang"), "the constraint is named: {report}");
    assert!(table_counts(&restored).await.iter().all(|(_, n)| *n == 0), "nothing written");

    // Only an admin restores (everything in a dataset is published).
    prisoner_tracker::accounts::create_user(&restored, "editor@example.org", Role::Editor, PASSWORD.into())
        .await
        .unwrap();
    let editor = run(&restored_db.url(), &["import", &dir.text("data"), "--as", "editor@example.org"]).await;
    assert!(String::from_utf8_lossy(&editor.stderr).contains("is not an admin"));
}

#[tokio::test]
async fn export_refuses_a_folder_that_is_not_empty_unless_forced() {
    let app = TestApp::with_demo().await;
    let dir = TempDir::new();
    std::fs::write(dir.path("notes.txt"), "mine").unwrap();

    let refused = run(&app.db.url(), &["export", &dir.text("")]).await;
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is not empty"));
    assert!(!dir.path("people.csv").exists());

    let forced = run(&app.db.url(), &["export", &dir.text(""), "--force"]).await;
    assert!(forced.status.success());
    assert!(stdout(&forced).contains("people.csv: 9 rows"), "{}", stdout(&forced));
    assert_eq!(std::fs::read_to_string(dir.path("notes.txt")).unwrap(), "mine", "other files are left alone");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(dir.path("dataset.json")).unwrap()).unwrap();
    assert_eq!(json["tables"]["people"].as_array().unwrap().len(), 9);
}
