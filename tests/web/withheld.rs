//! People counted but not named (issue 18): a withheld person counts in every public number and
//! never shows anywhere the public can look; a named person is published only on a basis.

use std::io::Read;

use prisoner_tracker::accounts::Role;

use crate::fixtures::{self, saved};
use crate::helpers::{ORIGIN, TestApp, TestResponse, Visitor, logged_in};

/// Strings planted in every field of the withheld person, each in no other record. Checked in
/// lower case, so that a folded search key or a lower-cased sort name would show too.
const CANARIES: &[&str] = &[
    "zyxwaname",
    "qvortrupik",
    "зыхвайм",
    "кварцюкова",
    "зыхваимов",
    "canary-withheld-slug",
    "canary-old-slug",
    "1903-02-17",
    "canaryoccupation",
    "canaryregion",
    "canarybiography",
    "canarytranslated",
    "canarydetentionnote",
    "canarycharge",
    "canaryevent",
    "canaryorganisation",
    "canaryalttext",
    "canarycredit",
    "canarylocator",
    "canarysourcetitle",
];

/// The withheld person, published and released in `wave` with every field planted; their id.
async fn plant(app: &TestApp, admin: &mut Visitor<'_>, wave: &str) -> i64 {
    let id = saved(
        admin,
        "/admin/people/new",
        &[
            ("name_0", "Zyxwaname Qvortrupik"),
            ("lang_0", "en"),
            ("kind_0", "primary"),
            ("name_1", "Зыхвайм Кварцюкова"),
            ("lang_1", "be"),
            ("kind_1", "primary"),
            ("name_2", "Зыхваимов Кварцюкова"),
            ("lang_2", "ru"),
            ("kind_2", "primary"),
            ("slug", "canary-old-slug"),
            ("born", "1903-02-17"),
            ("sex", "female"),
            ("citizenships", "BY"),
            ("occupation", "Canaryoccupation"),
            ("region", "Canaryregion"),
            ("biography", "Canarybiography of an invented person."),
            ("identity", "withheld"),
            ("publication", "published"),
            ("publish_unsourced", "yes"),
        ],
    )
    .await;
    // A new address leaves the old one redirecting (for people shown): both must be unknown.
    app.change(&format!("update people set slug = 'canary-withheld-slug' where id = {id}")).await;
    let detention = saved(
        admin,
        &format!("/admin/detentions/new?person={id}"),
        &[
            ("country", "BY"),
            ("started", "2021-05-04"),
            ("ended", "2025-07-03"),
            ("release_mechanism", "pardon"),
            ("wave", wave),
            ("notes", "Canarydetentionnote"),
        ],
    )
    .await;
    let (source, _) = fixtures::source(app, admin, "Canarysourcetitle").await;
    app.change(&format!(
        "insert into detention_charges (detention_id, article, description) values ({detention}, '342', 'Canarycharge');
         insert into events (person_id, detention_id, kind, occurred_on, occurred_precision, description)
         values ({id}, {detention}, 'trial', '2021-09-01', 'day', 'Canaryevent hearing');
         insert into recognitions (person_id, organisation) values ({id}, 'Canaryorganisation');
         insert into person_texts (person_id, lang, occupation, biography) values ({id}, 'ru', 'Canarytranslated', 'Canarytranslated');
         insert into citations (source_id, person_id, locator) values ({source}, {id}, 'Canarylocator');
         insert into photos (person_id, content_type, bytes, width, height, sha256, alt_text, credit)
         values ({id}, 'image/jpeg', '\\xffd8ffd9', 1, 1, encode(sha256('\\xffd8ffd9'::bytea), 'hex'), 'Canaryalttext', 'Canarycredit');"
    ))
    .await;
    id
}

/// What a body holds, zips opened: every file's text.
fn readable(response: &TestResponse) -> String {
    if response.header("content-type").contains("zip") {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&response.bytes)).expect("a zip");
        let mut text = String::new();
        for i in 0..archive.len() {
            archive.by_index(i).unwrap().read_to_string(&mut text).unwrap();
        }
        text
    } else {
        response.body.clone()
    }
}

fn assert_no_canary(uri: &str, body: &str, except: &str) {
    let body = body.to_lowercase().replace(&except.to_lowercase(), "");
    for canary in CANARIES {
        assert!(!body.contains(canary), "{uri} shows the withheld person's {canary:?}");
    }
}

/// Every address the site answers the public, in the three languages, for what is in the
/// database now: the fixed pages, the search with the canaries' names, every chart, feed, API
/// endpoint and file, each published person and wave, and every address in the sitemap.
async fn public_addresses(app: &TestApp) -> Vec<String> {
    let mut uris: Vec<String> = [
        "/prisoners.csv",
        "/prisoners.csv?q=Zyxwaname",
        "/prisoners.csv?country=BY&status=released",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v1/prisoners",
        "/api/v1/prisoners?q=Qvortrupik",
        "/api/v1/prisoners?q=Canaryoccupation",
        "/api/v1/prisoners?wave=WAVE&sort=released",
        "/api/v1/waves",
        "/api/v1/figures",
        "/api/openapi.json",
        "/data/prisoner-tracker.zip",
        "/data/prisoner-tracker.json",
    ]
    .map(str::to_owned)
    .to_vec();
    for chart in ["waves", "flows", "held", "mechanisms", "citizenship"] {
        uris.push(format!("/charts/{chart}.csv"));
        uris.push(format!("/api/v1/stats/{chart}"));
    }
    let mut translated: Vec<String> = [
        "/",
        "/prisoners",
        "/prisoners?q=Zyxwaname",
        "/prisoners?q=Qvortrupik",
        "/prisoners?q=Кварцюкова",
        "/prisoners?q=Qvortrupek",
        "/prisoners?q=Zyxwanama+Qvortrupek",
        "/prisoners?q=Canaryoccupation",
        "/prisoners?q=Canarybiography",
        "/prisoners?q=Canarycharge",
        "/prisoners?citizenship=BY&sex=female",
        "/prisoners?wave=WAVE",
        "/prisoners?status=released&sort=released",
        "/prisoners?detained_from=2021&detained_to=2021&sort=detained",
        "/prisoners.atom",
        "/prisoners.atom?q=Zyxwaname",
        "/feeds/releases.atom",
        "/waves",
        "/charts",
        "/data",
        "/api",
    ]
    .map(str::to_owned)
    .to_vec();
    for chart in ["waves", "flows", "held", "mechanisms", "citizenship"] {
        translated.push(format!("/charts/{chart}.svg"));
    }
    let people: Vec<String> =
        sqlx::query_scalar("select slug from people where public").fetch_all(&app.pool).await.unwrap();
    for slug in people {
        translated.extend([format!("/prisoners/{slug}"), format!("/prisoners/{slug}/feed.atom")]);
        uris.push(format!("/api/v1/prisoners/{slug}"));
    }
    let waves: Vec<String> = sqlx::query_scalar("select slug from waves where publication = 'published'")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    for slug in waves {
        translated.push(format!("/waves/{slug}"));
        uris.push(format!("/api/v1/waves/{slug}"));
    }
    for uri in translated {
        uris.extend([format!("/be{uri}"), format!("/ru{uri}")]);
        uris.push(uri);
    }
    // The sitemap index names the sitemaps, each of which names pages.
    let mut sitemaps = vec!["/sitemap.xml".to_owned()];
    while let Some(sitemap) = sitemaps.pop() {
        let answer = app.get(&sitemap).await;
        let document = roxmltree::Document::parse(&answer.body).expect("sitemaps are XML");
        for loc in document.descendants().filter(|n| n.has_tag_name("loc") || n.has_attribute("href")) {
            let url = loc.text().filter(|t| !t.trim().is_empty()).or(loc.attribute("href")).unwrap();
            let path = url.trim().trim_start_matches(ORIGIN).to_owned();
            if path.starts_with("/sitemaps/") && !uris.contains(&path) {
                sitemaps.push(path.clone());
            }
            uris.push(path);
        }
    }
    uris.sort();
    uris.dedup();
    uris
}

/// The withheld person's own addresses, and the same shapes for someone who never existed.
fn own_addresses(slug: &str, photo: &str) -> Vec<String> {
    let mut uris = vec![format!("/api/v1/prisoners/{slug}"), format!("/photos/{photo}.jpg")];
    for prefix in ["", "/be", "/ru"] {
        uris.extend([format!("{prefix}/prisoners/{slug}"), format!("{prefix}/prisoners/{slug}/feed.atom")]);
    }
    uris
}

#[tokio::test]
async fn a_withheld_person_counts_everywhere_and_shows_nowhere() {
    // Arrange: the demo, a wave with one named person, and the withheld person released in it.
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let (_, wave) = fixtures::wave(&app, &mut admin, "Invented Canary Pardon", "2025-07-03").await;
    let named = fixtures::person(&app, &mut admin, "Invented Named Person").await;
    saved(
        &mut admin,
        &format!("/admin/detentions/new?person={named}"),
        &[
            ("country", "BY"),
            ("started", "2022-01"),
            ("ended", "2025-07-03"),
            ("release_mechanism", "pardon"),
            ("wave", &wave),
        ],
    )
    .await;
    let counted_before = app.get("/").await.text("[data-count=people]");
    let id = plant(&app, &mut admin, &wave).await;
    let (public_id, photo): (String, String) = sqlx::query_as(
        "select p.public_id::text, ph.id || '-' || left(ph.sha256, 12) from people p join photos ph on ph.person_id = p.id where p.id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let published: i64 = sqlx::query_scalar("select count(*) from people where publication = 'published'")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    // Act and assert: no public answer holds any canary or the person's public id.
    let uris = public_addresses(&app).await;
    assert!(uris.len() > 100, "the crawl reaches the whole site: {}", uris.len());
    for uri in uris.iter().map(|u| u.replace("WAVE", &wave)) {
        let answer = app.get(&uri).await;
        assert_eq!(answer.status, 200, "{uri}");
        // A search page says what was searched for; the rest of it must say nothing more.
        let typed = uri.split_once("q=").map(|(_, q)| q.split('&').next().unwrap_or("").replace('+', " "));
        let typed = typed.map(|q| percent_decode(&q)).unwrap_or_default();
        let body = readable(&answer);
        assert_no_canary(&uri, &body, &typed);
        assert!(!body.contains(&public_id), "{uri} shows the withheld person's public id");
    }

    // The workbooks of the same searches, read cell by cell (a workbook is a zip file).
    for uri in ["/prisoners.xlsx", "/prisoners.xlsx?q=Zyxwaname", "/prisoners.xlsx?country=BY&status=released"] {
        use calamine::Reader;
        let answer = app.get(uri).await;
        assert_eq!(answer.status, 200, "{uri}");
        let mut workbook: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(answer.bytes.clone())).expect("a workbook");
        let range = workbook.worksheet_range("prisoners").expect("the sheet");
        let cells: Vec<String> = range.cells().map(|(_, _, cell)| cell.to_string()).collect();
        let typed = if uri.contains("Zyxwaname") { "zyxwaname" } else { "" };
        assert_no_canary(uri, &cells.join("\n"), typed);
        assert!(!cells.iter().any(|c| c.contains(&public_id)), "{uri} holds the withheld person's public id");
    }

    // Their addresses answer exactly as addresses nobody ever had.
    for (own, unknown) in own_addresses("canary-withheld-slug", &photo)
        .into_iter()
        .chain(own_addresses("canary-old-slug", &photo))
        .zip(own_addresses("no-such-person-here", "999999-000000000000").into_iter().cycle())
    {
        let (mine, nobody) = (app.get(&own).await, app.get(&unknown).await);
        assert_eq!((mine.status.as_u16(), mine.header("location")), (404, ""), "{own}");
        assert_eq!(mine.status, nobody.status, "{own} answers like {unknown}");
        // A mistyped address's page offers the names nearest to its words (issue 19), which
        // differ from one address to the next: they are compared apart, and hold no canary.
        let strip = |body: &str, slug: &str| {
            let body = body.replace(slug, "SLUG").replace(&slug.replace('-', " "), "SLUG");
            let Some(start) = body.find("<h2 id=\"did-you-mean\"") else { return body };
            let start = body[..start].trim_end().len();
            let end = start + body[start..].find("</ul>").expect("the list of names") + "</ul>".len();
            format!("{}{}", &body[..start], &body[end..])
        };
        if !own.starts_with("/photos/") {
            let slug = own.split('/').find(|s| s.starts_with("canary-")).unwrap();
            assert_no_canary(&own, &mine.body, &slug.replace('-', " "));
            assert_eq!(
                strip(&mine.body, slug),
                strip(&nobody.body, "no-such-person-here"),
                "{own}: the same page as for an unknown address"
            );
        }
    }

    // Every number counts them.
    let home = app.get("/").await;
    assert_eq!(home.text("[data-count=people]"), published.to_string(), "the home page counts every published person");
    assert_ne!(home.text("[data-count=people]"), counted_before, "the withheld person is one of them");
    for prefix in ["", "/be", "/ru"] {
        let page = app.get(&format!("{prefix}/waves/{wave}")).await;
        assert_eq!(page.text("[data-count=documented]"), "2", "{prefix}: both people count in the wave");
        assert_eq!(page.texts("ul.people li").len(), 1, "{prefix}: only the named one is listed");
        let note = page.text("[data-count=not-named]");
        assert!(note.contains('2') && note.contains('1'), "{prefix}: says how many are not named: {note}");
    }
    let api_wave: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/api/v1/waves/{wave}")).await.body).unwrap();
    assert_eq!(api_wave["documented"], 2, "the API's wave counts both: {api_wave}");
    assert_eq!(api_wave["not_named"], 1, "and says how many are not named");
    let api_waves: serde_json::Value = serde_json::from_str(&app.get("/api/v1/waves").await.body).unwrap();
    let listed = api_waves.as_array().unwrap().iter().find(|w| w["slug"] == wave.as_str()).unwrap().clone();
    assert_eq!(listed["documented"], 2, "the API's wave list counts both");
    let stats: serde_json::Value = serde_json::from_str(&app.get("/api/v1/stats/waves").await.body).unwrap();
    let row = stats["rows"].as_array().unwrap().iter().find(|r| r.to_string().contains(&wave)).unwrap().clone();
    assert_eq!(row["wave"]["documented"], 2, "the charts' numbers count both: {row}");
    let json: serde_json::Value = serde_json::from_str(&app.get("/data/prisoner-tracker.json").await.body).unwrap();
    assert_eq!(json["people_not_named"], 1, "the dataset counts them, as a number");
    assert_eq!(json["tables"]["people"].as_array().unwrap().len() as i64, published - 1, "and in no row");
    assert!(app.get("/data").await.text("[data-count=not-named]").contains('1'), "/data says so");
    // The lists the home counts link to say how many they count but do not name; a list narrowed
    // by anything else says nothing (a count there could point at the person).
    let status: String = sqlx::query_scalar("select status::text from people where id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    for uri in
        ["/prisoners".to_owned(), format!("/prisoners?status={status}"), format!("/ru/prisoners?status={status}")]
    {
        let list = app.get(&uri).await;
        let note = list.text("[data-count=not-named]");
        assert!(note.contains("One more person") || note.contains("Ещё 1 человек"), "{uri}: {note}");
    }
    for uri in [
        format!("/prisoners?status={status}&wave={wave}"),
        format!("/prisoners?q=Invented&status={status}"),
        "/prisoners?status=awaiting_trial".to_owned(),
    ] {
        assert!(app.get(&uri).await.texts("[data-count=not-named]").is_empty(), "{uri}");
    }

    // Admins see them, marked.
    let list = admin.get("/admin/people?q=Zyxwaname").await;
    assert!(list.body.contains("Zyxwaname") && !list.texts(".withheld").is_empty(), "the admin list marks them");
    let form = admin.get(&format!("/admin/people/{id}/edit")).await;
    assert_eq!(form.attr("#identity option[selected]", "value").as_deref(), Some("withheld"));
    assert!(!form.texts("p.withheld").is_empty(), "the form says so at the top");
}

/// `%D0%9A` → `К`, for comparing what a search page echoes with what was typed.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn withholding_a_published_name_takes_it_off_the_site_at_once() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    assert_eq!(app.get("/prisoners/ihar-losik").await.status, 200);
    assert!(app.get("/prisoners?q=Losik").await.body.contains("/prisoners/ihar-losik"));
    let id: i64 =
        sqlx::query_scalar("select id from people where slug = 'ihar-losik'").fetch_one(&app.pool).await.unwrap();
    let form = format!("/admin/people/{id}/edit");
    let page = admin.get(&form).await;
    let mut fields = vec![
        ("identity", "withheld".to_owned()),
        ("publication", "published".to_owned()),
        ("publish_unsourced", "yes".to_owned()),
    ];
    for name in ["name_0", "lang_0", "kind_0", "name_1", "lang_1", "kind_1", "name_2", "lang_2", "kind_2", "slug"] {
        if let Some(value) = page.attr(&format!("[name={name}]"), "value") {
            fields.push((name, value));
        }
    }
    let kinds: Vec<String> = page.texts("[name^=kind_] option[selected]");
    assert!(!kinds.is_empty());
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let answer = admin.submit(&form, &fields).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(app.get("/prisoners/ihar-losik").await.status, 404, "the cached page is gone");
    assert!(!app.get("/prisoners?q=Losik").await.body.contains("/prisoners/ihar-losik"), "and the search hit");
    let revisions: Vec<String> = sqlx::query_scalar(
        "select array_to_string(changed, ',') from revisions where record_type = 'person' and record_id = $1",
    )
    .bind(id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(revisions.iter().any(|c| c.contains("identity")), "the revision records it: {revisions:?}");
}

#[tokio::test]
async fn a_named_person_is_published_only_with_a_basis_for_naming() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person = [("name_0", "Aurelio Basisless"), ("publication", "published")];
    let refused = admin.submit("/admin/people/new", &person).await;
    assert_eq!(refused.status, 422, "no basis, no publication by name");
    assert!(!refused.text("#naming_basis-error").is_empty(), "the message sits beside the field");
    for prefix in ["/be", "/ru"] {
        let refused = admin.submit(&format!("{prefix}/admin/people/new"), &person).await;
        let message = refused.text("#naming_basis-error");
        assert!(!message.is_empty() && !message.contains('⟦'), "{prefix}: translated: {message}");
    }
    let consent = [
        ("name_0", "Quentin Consentful"),
        ("publication", "published"),
        ("publish_unsourced", "yes"),
        ("naming_basis", "consent"),
        ("consent_by", "family"),
        ("consent_on", "2025-03-01"),
    ];
    let refused = admin.submit("/admin/people/new", &consent).await;
    assert_eq!(refused.status, 422, "a consent that does not cover publishing");
    assert!(!refused.text("#naming_basis-error").is_empty());
    let with_publish: Vec<(&str, &str)> =
        consent.iter().copied().chain([("consent_publish", "yes"), ("consent_advocacy", "yes")]).collect();
    let id = saved(&mut admin, "/admin/people/new", &with_publish).await;
    let (basis, by, publish, advocacy, un): (String, String, bool, bool, bool) = sqlx::query_as(
        "select naming_basis::text, consent_by::text, consent_publish, consent_advocacy, consent_un_bodies from people where id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((basis.as_str(), by.as_str(), publish, advocacy, un), ("consent", "family", true, true, false));
    let form = admin.get(&format!("/admin/people/{id}/edit")).await;
    assert_eq!(form.attr("#consent_publish", "checked").as_deref(), Some(""), "the form shows the consent");
    saved(
        &mut admin,
        "/admin/people/new",
        &[
            ("name_0", "Sorrel Sourcewell"),
            ("publication", "published"),
            ("naming_basis", "public_sources"),
            ("publish_unsourced", "yes"),
        ],
    )
    .await;
    saved(
        &mut admin,
        "/admin/people/new",
        &[
            ("name_0", "Wilhelmina Hiddenova"),
            ("publication", "published"),
            ("identity", "withheld"),
            ("publish_unsourced", "yes"),
        ],
    )
    .await;

    // The database holds the rule too.
    let refused =
        sqlx::query("update people set naming_basis = null where slug = 'sorrel-sourcewell'").execute(&app.pool).await;
    assert!(refused.unwrap_err().to_string().contains("people_named_with_basis"));
}

#[tokio::test]
async fn the_import_reads_identity_and_naming_basis_and_the_public_csv_never_has_them() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let csv = "name,publication,identity,naming_basis\n\
               Invented Imported Withheld,published,withheld,\n\
               Invented Imported Sourced,published,,public_sources\n\
               Invented Imported Basisless,published,,\n\
               Invented Imported Oddity,draft,hidden,maybe\n";
    let checked = crate::admin_import::check(&mut admin, csv).await;
    assert_eq!(checked.status, 422, "{}", checked.body);
    let problems = checked.texts(".import-errors").join(" | ");
    assert!(problems.contains("naming_basis"), "a published row without a basis: {problems}");
    assert!(problems.contains("identity"), "an unknown identity: {problems}");
    let good = "name,publication,identity,naming_basis\n\
                Invented Imported Withheld,published,withheld,\n\
                Invented Imported Sourced,published,named,public_sources\n";
    let checked = crate::admin_import::check(&mut admin, good).await;
    assert_eq!(checked.status, 200, "{}", checked.texts(".import-errors").join(" | "));
    assert_eq!(crate::admin_import::apply(&mut admin, &checked).await.status, 303);
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "select p.slug, p.identity::text, p.naming_basis::text from people p
         where p.slug like 'invented-imported-%' order by p.slug",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        rows,
        [
            ("invented-imported-sourced".into(), "named".into(), Some("public_sources".into())),
            ("invented-imported-withheld".into(), "withheld".into(), None),
        ]
    );
    let public = app.get("/prisoners.csv").await;
    let header = public.body.lines().next().unwrap();
    assert!(!header.contains("identity") && !header.contains("naming_basis"), "{header}");
    assert!(public.body.contains("Invented Imported Sourced") && !public.body.contains("Invented Imported Withheld"));
}

#[tokio::test]
async fn restoring_a_version_from_before_the_withholding_keeps_the_person_withheld() {
    let app = TestApp::new().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = fixtures::person(&app, &mut admin, "Restorina Examplova").await;
    let edit = format!("/admin/people/{id}/edit");
    let withheld = [
        ("name_0", "Restorina Examplova"),
        ("lang_0", "en"),
        ("kind_0", "primary"),
        ("publication", "published"),
        ("publish_unsourced", "yes"),
        ("naming_basis", "public_sources"),
        ("identity", "withheld"),
        ("occupation", "Tester"),
    ];
    assert_eq!(admin.submit(&edit, &withheld).await.status, 303);
    assert_eq!(app.get("/prisoners/restorina-examplova").await.status, 404);

    let history = admin.get(&format!("/admin/people/{id}/history")).await;
    let first = history.attr(".revision:last-child form", "action").expect("the first version can be restored");
    assert_eq!(fixtures::restore(&mut admin, &first).await.status, 303, "the restore is done");
    let occupation: Option<String> =
        sqlx::query_scalar("select occupation from people where id = $1").bind(id).fetch_one(&app.pool).await.unwrap();
    assert_eq!(occupation, None, "the old version came back");
    assert_eq!(app.get("/prisoners/restorina-examplova").await.status, 404, "but not the name");
}

/// Strings planted in every restricted and internal field: none may reach a public answer.
const OFFICE_CANARIES: &[&str] = &[
    "canarypersonstaffnote",
    "canarydetentionstaffnote",
    "canaryeventmedical",
    "canaryeventstaffnote",
    "canarywavestaffnote",
    "canaryinformant",
];

/// The words of the hidden fields' labels: a public list of changes must not name them either.
const OFFICE_LABELS: &[&str] =
    &["notes for staff", "medical details", "received from", "internal_notes", "received_from"];

#[tokio::test]
async fn fields_for_staff_only_never_leave_the_office() {
    // Arrange: a named, published person with every office field of their case filled in.
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let wave = saved(
        &mut admin,
        "/admin/waves/new",
        &[
            ("name", "Invented Office Pardon"),
            ("started", "2025-07-05"),
            ("country", "BY"),
            ("mechanism", "pardon"),
            ("publication", "published"),
            ("publish_unsourced", "yes"),
            ("internal_notes", "Canarywavestaffnote: who negotiated"),
        ],
    )
    .await;
    let wave: String =
        sqlx::query_scalar("select slug from waves where id = $1").bind(wave).fetch_one(&app.pool).await.unwrap();
    let person = saved(
        &mut admin,
        "/admin/people/new",
        &[
            ("name_0", "Invented Office Person"),
            ("lang_0", "en"),
            ("kind_0", "primary"),
            ("publication", "published"),
            ("publish_unsourced", "yes"),
            ("naming_basis", "public_sources"),
            ("internal_notes", "Canarypersonstaffnote: the sister's telephone"),
        ],
    )
    .await;
    let slug: String =
        sqlx::query_scalar("select slug from people where id = $1").bind(person).fetch_one(&app.pool).await.unwrap();
    saved(
        &mut admin,
        &format!("/admin/detentions/new?person={person}"),
        &[
            ("country", "BY"),
            ("started", "2021-05"),
            ("ended", "2025-07-05"),
            ("release_mechanism", "pardon"),
            ("wave", &wave),
            ("internal_notes", "Canarydetentionstaffnote"),
        ],
    )
    .await;
    let event_fields = [
        ("kind", "hunger_strike"),
        ("occurred", "2022-03"),
        ("description", "Went on a hunger strike (invented)."),
        ("medical", "Canaryeventmedical: lost 12 kg"),
    ];
    let event = saved(&mut admin, &format!("/admin/events/new?person={person}"), &event_fields).await;
    let source = saved(
        &mut admin,
        "/admin/sources/new",
        &[
            ("title", "Invented Office Gazette report"),
            ("source_kind", "news_article"),
            ("received_from", "Canaryinformant, a cellmate"),
        ],
    )
    .await;
    let source: String =
        sqlx::query_scalar("select slug from sources where id = $1").bind(source).fetch_one(&app.pool).await.unwrap();
    let cited = admin.submit(&format!("/admin/citations/new?person={person}"), &[("source", &source)]).await;
    assert_eq!(cited.status, 303, "{}", cited.body);

    // A change to a hidden field alone is no public change at all.
    let feed = format!("/prisoners/{slug}/feed.atom");
    let entries_before = app.get(&feed).await.body.matches("<entry>").count();
    let changes_before = app.get(&format!("/prisoners/{slug}")).await.texts(".changes li").len();
    let mut hidden_edit = event_fields.to_vec();
    hidden_edit.push(("internal_notes", "Canaryeventstaffnote"));
    let edited = admin.submit(&format!("/admin/events/{event}/edit"), &hidden_edit).await;
    assert_eq!(edited.status, 303, "{}", edited.body);
    assert_eq!(app.get(&feed).await.body.matches("<entry>").count(), entries_before, "the feed has no new entry");
    assert_eq!(app.get(&format!("/prisoners/{slug}")).await.texts(".changes li").len(), changes_before);

    // Act and assert: no public answer holds a canary or names a hidden field.
    let uris = public_addresses(&app).await;
    assert!(uris.iter().any(|u| u.contains(&slug)), "the crawl reaches the person's pages");
    for uri in uris.iter().map(|u| u.replace("WAVE", &wave)) {
        let answer = app.get(&uri).await;
        assert_eq!(answer.status, 200, "{uri}");
        let body = readable(&answer).to_lowercase();
        for canary in OFFICE_CANARIES {
            assert!(!body.contains(canary), "{uri} shows {canary:?}");
        }
        if !uri.ends_with(".zip") && !uri.ends_with(".json") && !uri.contains("/api/") {
            for label in OFFICE_LABELS {
                assert!(!body.contains(label), "{uri} names the hidden field {label:?}");
            }
        }
    }

    // Staff see them, marked, and each view of them is in the audit log.
    let form = admin.get(&format!("/admin/events/{event}/edit")).await;
    assert!(form.text("fieldset.office").contains("Medical details"), "the form groups them");
    assert!(form.text("#medical").contains("Canaryeventmedical"));
    let audited: Vec<String> = sqlx::query_scalar(
        "select detail::text from audit_log where action = 'restricted_viewed' and detail ->> 'record' = 'event'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert!(audited.iter().any(|d| d.contains("medical") && d.contains("internal_notes")), "{audited:?}");
    let log = admin.get("/admin/audit").await;
    assert!(log.text("main").contains(&format!("event {event}: internal_notes, medical")), "{}", log.text("main"));
}

#[tokio::test]
async fn the_backup_file_has_every_record_but_no_internal_field() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let person = saved(
        &mut admin,
        "/admin/people/new",
        &[
            ("name_0", "Invented Backup Person"),
            ("lang_0", "en"),
            ("kind_0", "primary"),
            ("identity", "withheld"),
            ("internal_notes", "Canarypersonstaffnote"),
        ],
    )
    .await;
    let event = [
        ("kind", "trial"),
        ("occurred", "2023"),
        ("description", "Invented hearing."),
        ("medical", "Canaryeventmedical"),
    ];
    saved(&mut admin, &format!("/admin/events/new?person={person}"), &event).await;
    saved(
        &mut admin,
        "/admin/sources/new",
        &[("title", "Invented backup source"), ("source_kind", "report"), ("received_from", "Canaryinformant")],
    )
    .await;

    let file = admin.get("/admin/backup.json").await;
    assert_eq!(file.status, 200);
    assert!(file.header("content-disposition").starts_with("attachment"), "a download");
    let json: serde_json::Value = serde_json::from_str(&file.body).unwrap();
    let body = json["tables"].to_string().to_lowercase();
    for internal in ["canarypersonstaffnote", "canaryinformant", "internal_notes", "received_from"] {
        assert!(!body.contains(internal), "the backup holds {internal:?}");
    }
    let people = json["tables"]["people"].as_array().unwrap();
    assert!(people.iter().any(|p| p["id"] == person && p["identity"] == "withheld"), "drafts and withheld people too");
    assert!(body.contains("canaryeventmedical"), "restricted fields are staff data and are kept");
    assert!(json["tables"]["person_names"].to_string().contains("Invented Backup Person"));
    assert!(
        json["left_out"].as_array().unwrap().iter().any(|c| c == "sources.received_from"),
        "it says what it left out"
    );
    let logged: i64 = sqlx::query_scalar("select count(*) from audit_log where action = 'backup_exported'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(logged, 1, "each download is audited");

    let link = admin.get("/be/admin").await.attr("a[download]", "href").unwrap();
    assert_eq!(admin.get(&link).await.status, 200, "{link}: the link of the home page in Belarusian");
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    assert_eq!(editor.get("/admin/backup.json").await.status, 403, "admins only");
}
