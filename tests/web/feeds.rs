//! Atom feeds, the sitemap and robots.txt: they parse as XML, list published records only, keep
//! hostile text escaped and follow changes.

use crate::helpers::TestApp;

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn parse(body: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(body).unwrap_or_else(|e| panic!("parses as XML: {e}\n{body}"))
}

/// The text of every `<name>` child of every `<entry>` (Atom) or `<url>`/`<sitemap>` (sitemaps).
fn texts(doc: &roxmltree::Document<'_>, parent: &str, child: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.tag_name().name() == parent)
        .filter_map(|n| n.children().find(|c| c.tag_name().name() == child))
        .map(|n| n.text().or_else(|| n.attribute("href")).unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn the_releases_feed_lists_released_people_and_waves() {
    let app = TestApp::with_demo().await;
    let feed = app.get("/feeds/releases.atom").await;
    assert_eq!(feed.status, 200);
    assert_eq!(feed.header("content-type"), "application/atom+xml; charset=utf-8");
    let doc = parse(&feed.body);
    assert_eq!(doc.root_element().tag_name().namespace(), Some(ATOM));
    let titles = texts(&doc, "entry", "title");
    let released: i64 = sqlx::query_scalar(
        "select count(*) from detentions d join people p on p.id = d.person_id
         where p.publication = 'published' and d.ended_on is not null
           and d.release_mechanism is distinct from 'death_in_custody'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let waves: i64 = sqlx::query_scalar("select count(*) from waves where publication = 'published'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(titles.len() as i64, released + waves, "{titles:?}");
    assert!(titles.iter().any(|t| t == "Andrey Kuznechyk released (12 February 2025)"), "{titles:?}");
    assert_eq!(titles.iter().filter(|t| t.starts_with("Release wave: ")).count() as i64, waves);
    for updated in texts(&doc, "entry", "updated") {
        time::OffsetDateTime::parse(&updated, &time::format_description::well_known::Rfc3339).unwrap();
    }
    let ids = texts(&doc, "entry", "id");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "entry ids are unique");
}

#[tokio::test]
async fn a_person_feed_follows_their_public_changes_and_drafts_have_none() {
    let app = TestApp::with_demo().await;
    let empty = app.get("/prisoners/andrey-kuznechyk/feed.atom").await;
    assert_eq!(empty.status, 200);
    assert!(texts(&parse(&empty.body), "entry", "title").is_empty());

    // A save through the forms changes the record and writes its revision in one transaction.
    app.change(
        "with saved as (update people set occupation = 'Blogger' where slug = 'andrey-kuznechyk' returning id)
         insert into revisions (record_type, record_id, person_id, action, before, after, changed, public_changed)
         select 'person', id, id, 'update', '{}', '{}', '{occupation}', '{occupation}' from saved",
    )
    .await;
    let feed = app.get("/prisoners/andrey-kuznechyk/feed.atom").await;
    let doc = parse(&feed.body);
    assert_eq!(texts(&doc, "entry", "title"), ["Record changed"]);
    assert_eq!(texts(&doc, "entry", "summary"), ["Fields: Occupation."]);
    assert!(!feed.body.contains("@"), "no editor is named");

    app.change("update people set publication = 'draft' where slug = 'andrey-kuznechyk'").await;
    assert_eq!(app.get("/prisoners/andrey-kuznechyk/feed.atom").await.status, 404);
    assert_eq!(app.get("/prisoners/no-such-person/feed.atom").await.status, 404);
    assert_eq!(app.get("/prisoners/Not%20A%20Slug/feed.atom").await.status, 404);
}

#[tokio::test]
async fn a_search_feed_lists_what_the_search_finds_with_hostile_names_escaped() {
    let app = TestApp::with_demo().await;
    let feed = app.get("/prisoners.atom?q=Kuznechik").await;
    assert_eq!(feed.status, 200);
    let doc = parse(&feed.body);
    assert_eq!(texts(&doc, "entry", "title"), ["Andrey Kuznechyk"]);
    assert!(feed.body.contains("/prisoners?q=Kuznechik"), "links back to the page");

    app.change("update person_names set name = '<script>alert(1)</script> & Co' where name = 'Andrey Kuznechyk'").await;
    let hostile = app.get("/prisoners.atom").await;
    assert!(!hostile.body.contains("<script>"));
    let titles = texts(&parse(&hostile.body), "entry", "title");
    assert!(titles.iter().any(|t| t == "<script>alert(1)</script> & Co"), "{titles:?}");
    assert_eq!(app.get("/prisoners.atom?born_after=x&status=nonsense").await.status, 400);
}

#[tokio::test]
async fn the_sitemap_lists_every_published_record_and_robots_points_to_it() {
    let app = TestApp::with_demo().await;
    app.change("update people set publication = 'draft' where slug = 'ihar-losik'").await;
    let index = app.get("/sitemap.xml").await;
    assert_eq!(index.status, 200);
    let files = texts(&parse(&index.body), "sitemap", "loc");
    assert_eq!(files.len(), 3, "the site's pages, the waves and the people: {files:?}");

    let mut urls = Vec::new();
    for file in &files {
        let path = file.split_once("/sitemaps/").map(|(_, f)| format!("/sitemaps/{f}")).unwrap();
        let sitemap = app.get(&path).await;
        assert_eq!(sitemap.status, 200, "{path}");
        urls.extend(texts(&parse(&sitemap.body), "url", "loc"));
    }
    let people: Vec<String> = sqlx::query_scalar("select slug from people where publication = 'published'")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(people.len(), 8);
    for slug in &people {
        assert!(urls.iter().any(|u| u.ends_with(&format!("/prisoners/{slug}"))), "{slug}");
    }
    assert!(!urls.iter().any(|u| u.ends_with("/prisoners/ihar-losik")), "drafts are left out");
    assert_eq!(urls.iter().filter(|u| u.contains("/waves/")).count(), 5 * 3, "each wave in each language");
    assert_eq!(app.get("/sitemaps/people-1.xml").await.status, 404);
    assert_eq!(app.get("/sitemaps/people-x.xml").await.status, 404);

    let robots = app.get("/robots.txt").await;
    assert_eq!(robots.status, 200);
    assert!(robots.body.contains("Disallow: /admin"));
    assert!(robots.body.lines().any(|l| l.starts_with("Sitemap: http") && l.ends_with("/sitemap.xml")));
}

/// A person's feed and change log start when they were published, and count their own changes
/// from 1: the edits of their time as a draft and of anyone else stay out, even as gaps.
#[tokio::test]
async fn a_person_feed_starts_at_publication_and_counts_its_own_changes() {
    let app = TestApp::with_demo().await;
    // Nothing is cached yet, and revisions alone announce no change.
    sqlx::raw_sql(
        "with p as (select id from people where slug = 'andrey-kuznechyk'),
              o as (select id from people where slug = 'ihar-losik')
         insert into revisions (at, record_type, record_id, person_id, action, before, after, changed,
                                public_changed)
         select at::timestamptz, kind, coalesce(record_id, p.id), coalesce(owner, p.id), action,
                before::jsonb, after::jsonb, changed::text[], changed::text[]
         from p, o, (values
             ('2025-01-01', 'person', null::bigint, null::bigint, 'create', null, '{\"publication\": \"draft\"}', '{slug,occupation}'),
             ('2025-01-02', 'detention', 900001, null, 'create', null, '{}', '{started}'),
             ('2025-01-03', 'person', 900002, 900002, 'update', '{}', '{}', '{occupation}'),
             ('2025-01-04', 'person', null, null, 'update', '{\"publication\": \"draft\"}', '{\"publication\": \"published\"}', '{publication}'),
             ('2025-01-05', 'event', 900003, null, 'create', null, '{}', '{description}')
         ) as r(at, kind, record_id, owner, action, before, after, changed)",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let feed = app.get("/prisoners/andrey-kuznechyk/feed.atom").await;
    assert_eq!(feed.status, 200);
    let doc = parse(&feed.body);
    let ids = texts(&doc, "entry", "id");
    let numbers: Vec<&str> = ids.iter().map(|id| id.rsplit('#').next().unwrap()).collect();
    assert_eq!(numbers, ["change-2", "change-1"], "publication and what came after, numbered 1, 2");
    assert_eq!(texts(&doc, "entry", "summary"), ["Fields: Description.", "Fields: Publication."]);
    assert!(!feed.body.contains("2025-01-02"), "nothing from the draft's time");

    let page = app.get("/prisoners/andrey-kuznechyk").await;
    assert_eq!(page.status, 200);
    let days: Vec<String> = page
        .html()
        .select(&scraper::Selector::parse(".changes time").unwrap())
        .filter_map(|t| t.value().attr("datetime").map(str::to_owned))
        .collect();
    assert_eq!(days, ["2025-01-05", "2025-01-04"], "the page's change log agrees");
}

/// A control character pasted into a name (from a word processor, say) would make XML
/// malformed: every feed, sitemap and chart leaves it out and stays well-formed.
#[tokio::test]
async fn control_characters_in_names_never_break_the_xml() {
    let app = TestApp::with_demo().await;
    app.change(
        "update person_names set name = 'Andrey' || chr(1) || chr(11) || ' Kuznechyk' || chr(65535)
         where person_id = (select id from people where slug = 'andrey-kuznechyk') and kind = 'primary' and script = 'Latn';
         update waves set name = name || chr(2) || chr(31) where slug = 'handover-2025-02-12-vilnius'",
    )
    .await;
    for uri in [
        "/prisoners/andrey-kuznechyk/feed.atom",
        "/ru/prisoners/andrey-kuznechyk/feed.atom",
        "/feeds/releases.atom",
        "/prisoners.atom?q=Kuznechyk",
        "/sitemap.xml",
        "/charts/waves.svg",
        "/be/charts/waves.svg",
    ] {
        let response = app.get(uri).await;
        assert_eq!(response.status, 200, "{uri}");
        parse(&response.body);
        assert!(
            !response.body.chars().any(|c| matches!(c, '\u{1}' | '\u{2}' | '\u{b}' | '\u{1f}' | '\u{ffff}')),
            "{uri}"
        );
    }
    let png = app.get("/charts/waves.png").await;
    assert_eq!(png.status, 200);
    assert_eq!(png.header("content-type"), "image/png");
}
