//! `/charts` and the chart files: values drawn equal the data, every SVG is accessible XML,
//! dates keep their precision, filters work and are validated, the cache forgets on change.

use crate::helpers::{ORIGIN, TestApp};

const NAMES: [&str; 5] = ["waves", "flows", "held", "mechanisms", "citizenship"];

/// A chart's SVG, parsed.
struct Svg {
    text: String,
}

impl Svg {
    async fn get(app: &TestApp, uri: &str) -> Svg {
        let response = app.get(uri).await;
        assert_eq!(response.status, 200, "{uri}: {}", response.body);
        assert_eq!(response.header("content-type"), "image/svg+xml", "{uri}");
        Svg { text: response.body }
    }

    fn doc(&self) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(&self.text).unwrap_or_else(|e| panic!("the SVG parses as XML: {e}\n{}", self.text))
    }

    /// The text of the root's child element `tag` (`title`, `desc`).
    fn child_text(&self, tag: &str) -> String {
        let doc = self.doc();
        let node = doc.root_element().children().find(|n| n.has_tag_name(tag));
        node.and_then(|n| n.text()).unwrap_or_else(|| panic!("the SVG has a <{tag}>")).to_owned()
    }

    /// The bar linked to a wave: (reported value, documented value, outer height, documented
    /// height, the `<title>` text, whether its outline is dashed).
    fn wave_bar(&self, slug: &str) -> (Option<i64>, i64, f64, f64, String, bool) {
        let doc = self.doc();
        let link = doc
            .descendants()
            .find(|n| n.has_tag_name("a") && n.attribute("href") == Some(&format!("{ORIGIN}/waves/{slug}")))
            .unwrap_or_else(|| panic!("a bar links to {slug}"));
        let title = link.descendants().find(|n| n.has_tag_name("title")).and_then(|n| n.text()).unwrap().to_owned();
        let rect =
            |class: &str| link.descendants().find(|n| n.has_tag_name("rect") && n.attribute("class") == Some(class));
        let reported = rect("reported").unwrap();
        let documented = rect("documented").unwrap();
        let number = |n: roxmltree::Node<'_, '_>, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
        (
            reported.attribute("data-value").filter(|v| !v.is_empty()).map(|v| v.parse().unwrap()),
            documented.attribute("data-value").unwrap().parse().unwrap(),
            number(reported, "height"),
            number(documented, "height"),
            title,
            reported.attribute("stroke-dasharray").is_some(),
        )
    }
}

fn csv_rows(body: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn csv_header(body: &str) -> Vec<String> {
    csv::Reader::from_reader(body.as_bytes()).headers().unwrap().iter().map(str::to_owned).collect()
}

#[tokio::test]
async fn the_waves_chart_splits_reported_from_documented_for_the_demo_waves() {
    let app = TestApp::with_demo().await;
    let svg = Svg::get(&app, "/charts/waves.svg").await;

    let (reported, documented, outer, inner, title, dashed) = svg.wave_bar("handover-2025-02-12-vilnius");
    assert_eq!((reported, documented), (Some(3), 3), "Vilnius: 3 reported, 3 documented");
    assert_eq!(outer, inner, "the whole bar is documented");
    assert!(!dashed, "a wave known to the day has a solid outline");
    assert!(title.contains("12 February 2025") && !title.contains("approximate"), "{title}");

    // The pardons total over July 2024 – February 2025 holds two of the other waves: it is a band
    // behind them, labelled with its number, not a bar 67 times the Vilnius one.
    let doc = svg.doc();
    let link = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("a") && n.attribute("href") == Some(&format!("{ORIGIN}/waves/pardons-2024-07-to-2025-02"))
        })
        .expect("the pardons total links to its wave");
    let title = link.descendants().find(|n| n.has_tag_name("title")).and_then(|n| n.text()).unwrap();
    assert!(title.contains("more than 200") && title.contains("(approximate date)"), "{title}");
    assert!(title.contains("band behind the 2 waves it includes"), "{title}");
    let band = link.descendants().find(|n| n.attribute("class") == Some("aggregate")).expect("drawn as a band");
    assert_eq!(band.attribute("data-value"), Some("200"));
    assert!(!link.descendants().any(|n| n.attribute("class") == Some("reported")), "and not as a bar");
    let first_link = doc.descendants().find(|n| n.has_tag_name("a")).unwrap();
    assert_eq!(first_link, link, "drawn first, behind the bars");
    assert!(outer > 100.0, "the Vilnius bar of 3 is not dwarfed: {outer} units tall");
    assert!(doc.descendants().any(|n| n.has_tag_name("text") && n.text() == Some(">200")), "the floor is labelled");

    let (_, _, _, _, title, dashed) = svg.wave_bar("exchange-2024-summer");
    assert!(dashed && title.contains("summer 2024 (approximate date)"), "a season is never a day: {title}");

    let csv = app.get("/charts/waves.csv").await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    let header = csv_header(&csv.body);
    let rows = csv_rows(&csv.body);
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = |slug: &str| rows.iter().find(|r| r[0] == slug).unwrap_or_else(|| panic!("{slug} is in the CSV"));
    let vilnius = row("handover-2025-02-12-vilnius");
    assert_eq!((vilnius[column("reported_released")].as_str(), vilnius[column("documented")].as_str()), ("3", "3"));
    let pardons = row("pardons-2024-07-to-2025-02");
    assert_eq!(
        [&pardons[column("reported_released")], &pardons[column("reported_qualifier")], &pardons[column("documented")]],
        ["200", "more_than", "0"]
    );
    assert_eq!(row("exchange-2024-summer")[column("started")], "2024-summer");
    assert_eq!(row("exchange-2024-summer")[column("approximate_date")], "true");
    assert_eq!(rows.len(), 5, "every published wave");
}

#[tokio::test]
async fn every_chart_is_xml_with_a_title_a_description_and_a_role_that_names_its_links() {
    let app = TestApp::with_demo().await;
    for query in ["", "?country=BY&from=2024&to=2025-02", "?country=RU"] {
        for name in NAMES {
            let svg = Svg::get(&app, &format!("/charts/{name}.svg{query}")).await;
            assert!(svg.text.starts_with("<?xml"), "{name}{query}: a standalone SVG file");
            let doc = svg.doc();
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
            // A chart is one image to assistive technology, unless it links to waves: then a
            // group, so that its links are announced, each named by its own title.
            let links: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("a")).collect();
            let role = if links.is_empty() { "img" } else { "group" };
            assert_eq!(root.attribute("role"), Some(role), "{name}{query}");
            let text_of = |id: &str| {
                let node = doc.descendants().find(|n| n.attribute("id") == Some(id));
                node.and_then(|n| n.text()).unwrap_or_else(|| panic!("{name}{query}: nothing has the id {id}")).trim()
            };
            let names = root.attribute("aria-labelledby").unwrap_or_default();
            let described = root.attribute("aria-describedby").unwrap_or_default();
            let words: Vec<&str> = names.split_whitespace().chain(described.split_whitespace()).collect();
            assert_eq!(words, [format!("{name}-title"), format!("{name}-desc")], "{name}{query}");
            for link in links {
                let label =
                    link.attribute("aria-labelledby").unwrap_or_else(|| panic!("{name}{query}: a link is named"));
                assert!(text_of(label).len() > 10, "{name}{query}: {label} names the wave");
            }
            assert!(!svg.child_text("title").trim().is_empty(), "{name}{query}");
            assert!(svg.child_text("desc").len() > 40, "{name}{query}: the description says what the chart shows");
            let mut ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
            let all = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), all, "{name}{query}: ids are unique");
        }
    }
    let title = Svg::get(&app, "/charts/waves.svg?country=RU").await.child_text("title");
    assert!(title.contains("Russia"), "the title names the country filtered on: {title}");
}

#[tokio::test]
async fn the_png_is_a_valid_image_of_the_preview_size() {
    let app = TestApp::with_demo().await;
    for name in NAMES {
        let response = app.get(&format!("/charts/{name}.png?country=BY")).await;
        assert_eq!(response.status, 200, "{name}");
        assert_eq!(response.header("content-type"), "image/png");
        let image = resvg::tiny_skia::Pixmap::decode_png(&response.bytes).expect("a PNG that decodes");
        assert_eq!(image.width(), 1200, "{name}");
        assert!(image.height() > 300, "{name}");
        let inked = image.pixels().iter().filter(|p| p.red() < 200 || p.green() < 200 || p.blue() < 200).count();
        assert!(inked > 5000, "{name}: the chart is drawn, not blank ({inked} dark pixels)");
    }
}

/// Published people in Belarus (and one in Russia, one draft) with dates of every precision.
const FIXTURE: &str = r#"
    insert into people (slug, publication, naming_basis) values
        ('day-to-day', 'published', 'public_sources'), ('month-start', 'published', 'public_sources'),
        ('year-start', 'published', 'public_sources'), ('released-in-summer', 'published', 'public_sources'),
        ('a-draft', 'draft', null), ('held-in-russia', 'published', 'public_sources');
    insert into detentions (person_id, country, started_on, started_precision, ended_on, ended_precision, release_mechanism)
    select p.id, d.country, d.started_on::date, d.sp::date_precision, d.ended_on::date, d.ep::date_precision, d.rm::release_mechanism
    from (values
        ('day-to-day', 'BY', '2024-01-15', 'day', '2024-03-10', 'day', 'pardon'),
        ('month-start', 'BY', '2024-01-01', 'month', null, null, null),
        ('year-start', 'BY', '2024-01-01', 'year', null, null, null),
        ('released-in-summer', 'BY', '2024-02-20', 'day', '2024-06-01', 'season', 'amnesty'),
        ('a-draft', 'BY', '2024-01-05', 'day', null, null, null),
        ('held-in-russia', 'RU', '2024-02-01', 'day', null, null, null)
    ) as d(slug, country, started_on, sp, ended_on, ep, rm)
    join people p on p.slug = d.slug;
    insert into person_citizenships (person_id, country) select id, 'BY' from people where slug = 'day-to-day';
"#;

#[tokio::test]
async fn flows_and_held_count_each_month_and_set_aside_vague_dates() {
    let app = TestApp::new().await;
    app.change(FIXTURE).await;
    let query = "?country=BY&from=2024-01&to=2024-06";

    let flows = app.get(&format!("/charts/flows.csv{query}")).await;
    assert_eq!(csv_header(&flows.body), ["month", "arrests", "releases"]);
    let expected: Vec<Vec<String>> = [
        ["2024-01", "2", "0"],
        ["2024-02", "1", "0"],
        ["2024-03", "0", "1"],
        ["2024-04", "0", "0"],
        ["2024-05", "0", "0"],
        ["2024-06", "0", "0"],
    ]
    .iter()
    .map(|r| r.iter().map(|c| c.to_string()).collect())
    .collect();
    assert_eq!(csv_rows(&flows.body), expected, "a year-dated arrest and a season-dated release are not placed");
    let desc = Svg::get(&app, &format!("/charts/flows.svg{query}")).await.child_text("desc");
    assert!(desc.contains("Not shown: 1 arrest and 1 release dated only to a season or a year"), "{desc}");

    let held = app.get(&format!("/charts/held.csv{query}")).await;
    let held: Vec<(String, String)> = csv_rows(&held.body).into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let counts: Vec<&str> = held.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(counts, ["3", "4", "3", "3", "3", "2"], "{held:?}");

    let everywhere = app.get("/charts/held.csv?from=2024-02&to=2024-02").await;
    assert_eq!(csv_rows(&everywhere.body), [["2024-02", "5", "false"]], "without the country filter Russia counts too");

    let mechanisms = app.get(&format!("/charts/mechanisms.csv{query}")).await;
    let rows = csv_rows(&mechanisms.body);
    assert!(rows.contains(&vec!["pardon".into(), "1".into(), String::new(), String::new()]), "{rows:?}");
    assert!(rows.contains(&vec!["amnesty".into(), "1".into(), String::new(), String::new()]), "{rows:?}");
    let citizenship = app.get(&format!("/charts/citizenship.csv{query}")).await;
    assert_eq!(
        csv_rows(&citizenship.body),
        [vec!["BY".to_owned(), "Belarus".into(), "1".into()], vec![String::new(), "not recorded".into(), "1".into()]]
    );
}

#[tokio::test]
async fn the_chart_page_shows_every_chart_with_its_table_and_links() {
    let app = TestApp::with_demo().await;
    let page = app.get("/charts?country=BY").await;
    assert_eq!(page.status, 200);
    for name in NAMES {
        let selector = format!("section#{name} figure svg.chart");
        assert!(page.attr(&selector, "aria-labelledby").is_some(), "{name} is drawn inline");
        assert_eq!(
            page.attr(&format!("#{name} .downloads a[type='image/png']"), "href").unwrap(),
            format!("/charts/{name}.png?country=BY")
        );
    }
    let rows = page.texts("#waves table tbody tr");
    assert_eq!(rows.len(), 4, "the Russian wave is filtered out: {rows:?}");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("July 2024 – February 2025 (approximate date)") && r.ends_with("more than 200 0")),
        "{rows:?}"
    );
    assert_eq!(page.attr("select#country option[selected]", "value").as_deref(), Some("BY"));
    assert_eq!(
        page.attr("meta[property='og:image']", "content").unwrap(),
        format!("{ORIGIN}/charts/waves.png?country=BY")
    );
    assert!(page.header("cache-control").contains("max-age"));
}

#[tokio::test]
async fn bad_filters_are_explained_and_unknown_charts_are_404() {
    let app = TestApp::with_demo().await;
    for (uri, says) in [
        ("/charts?from=yesterday", "from"),
        ("/charts?to=2024-13", "to"),
        ("/charts/waves.svg?from=2025&to=2024", "to"),
        ("/charts/waves.csv?country=Belarus", "country"),
        ("/charts?country=ZZ", "country"),
    ] {
        let response = app.get(uri).await;
        assert_eq!(response.status, 400, "{uri}");
        // A refused filter of the page comes back as the page with the message beside its
        // field; the files and an unknown country get the error page.
        let message = response.text(".message, .field-error");
        assert!(message.starts_with(says), "{uri}: {message}");
    }
    for uri in ["/charts/pie.svg", "/charts/waves.gif", "/charts/waves", "/charts/..%2Fwaves.svg"] {
        assert_eq!(app.get(uri).await.status, 404, "{uri}");
    }
}

#[tokio::test]
async fn drafts_stay_out_and_hostile_names_stay_escaped() {
    let app = TestApp::with_demo().await;
    app.change(
        "insert into waves (slug, name, started_on, started_precision, country, mechanism, reported_released_count, publication)
         values ('secret', 'A draft wave', '2025-01-01', 'day', 'BY', 'pardon', 99, 'draft');
         update waves set name = '<script>alert(1)</script> & co' where slug = 'handover-2025-02-12-vilnius';",
    )
    .await;
    let page = app.get("/charts").await;
    assert!(!page.body.contains("A draft wave") && !page.body.contains("secret"), "drafts are never shown");
    assert!(!page.body.contains("<script>"), "names are escaped on the page");
    for name in NAMES {
        let svg = Svg::get(&app, &format!("/charts/{name}.svg")).await;
        assert!(!svg.doc().descendants().any(|n| n.has_tag_name("script")), "{name}: no script element");
        assert!(!svg.text.contains("A draft wave"), "{name}");
    }
    let svg = Svg::get(&app, "/charts/waves.svg").await;
    assert!(
        svg.wave_bar("handover-2025-02-12-vilnius").4.starts_with("<script>alert(1)</script> & co"),
        "the name reads as typed"
    );
    let csv = app.get("/charts/waves.csv").await;
    assert!(!csv.body.contains("A draft wave"));
}

#[tokio::test]
async fn a_change_to_the_data_shows_on_the_next_request() {
    let app = TestApp::with_demo().await;
    let before = app.get("/charts/waves.csv").await;
    assert!(before.body.contains(",3,exactly,3,"), "{}", before.body);
    let page_before = app.get("/charts").await;

    app.change("update waves set reported_released_count = 5 where slug = 'handover-2025-02-12-vilnius'").await;

    let after = app.get("/charts/waves.csv").await;
    assert!(after.body.contains(",5,exactly,3,"), "the cached CSV was dropped: {}", after.body);
    let page_after = app.get("/charts").await;
    assert_ne!(page_before.body, page_after.body, "the cached page was dropped");
    let svg = Svg::get(&app, "/charts/waves.svg").await;
    assert_eq!(svg.wave_bar("handover-2025-02-12-vilnius").0, Some(5));
}

/// The held line is not drawn as confirmed past its newest source: the months after it are a
/// second, dashed line, marked in the CSV and the table, and the page says "as of" that source.
#[tokio::test]
async fn held_after_the_newest_source_is_marked_not_confirmed() {
    let app = TestApp::new().await;
    app.change(FIXTURE).await;
    let query = "?country=BY&from=2024-01&to=2024-06";
    // No source cited yet: nothing to be "as of", nothing marked.
    let held = app.get(&format!("/charts/held.csv{query}")).await;
    assert_eq!(csv_header(&held.body), ["month", "held_at_month_end", "after_newest_source"]);
    assert!(csv_rows(&held.body).iter().all(|r| r[2] == "false"), "{}", held.body);
    let page = app.get(&format!("/charts{query}")).await;
    assert!(!page.body.contains("class=\"note as-of\""), "no source, no as-of");

    app.change(
        "insert into sources (slug, title, published_on, published_precision)
             values ('synthetic-report', 'Synthetic report', '2024-03-01', 'month');
         insert into citations (source_id, detention_id)
         select s.id, d.id from sources s, detentions d join people p on p.id = d.person_id
         where p.slug = 'month-start';",
    )
    .await;
    let held = app.get(&format!("/charts/held.csv{query}")).await;
    let after: Vec<(String, String)> = csv_rows(&held.body).into_iter().map(|r| (r[0].clone(), r[2].clone())).collect();
    let expected: Vec<(String, String)> = [
        ("2024-01", "false"),
        ("2024-02", "false"),
        ("2024-03", "false"),
        ("2024-04", "true"),
        ("2024-05", "true"),
        ("2024-06", "true"),
    ]
    .iter()
    .map(|(m, a)| (m.to_string(), a.to_string()))
    .collect();
    assert_eq!(after, expected);

    let svg = Svg::get(&app, &format!("/charts/held.svg{query}")).await;
    let doc = svg.doc();
    let classes: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("class")).collect();
    assert!(classes.contains(&"series series-held-unconfirmed"), "{classes:?}");
    assert!(svg.child_text("desc").contains("The newest source is from March 2024"), "{}", svg.child_text("desc"));

    let page = app.get(&format!("/charts{query}")).await;
    assert!(page.body.contains("Figures as of March 2024"), "the page says what the charts rest on");
    assert_eq!(page.body.matches("<tr class=\"unconfirmed\">").count(), 3, "April to June in the table");
    let ru = app.get(&format!("/ru/charts{query}")).await;
    assert!(ru.body.contains("Данные по состоянию на март 2024"), "the accusative after «на»");

    // A range that ends before the newest source is all confirmed.
    let earlier = app.get("/charts/held.csv?country=BY&from=2024-01&to=2024-03").await;
    assert!(csv_rows(&earlier.body).iter().all(|r| r[2] == "false"), "{}", earlier.body);
}
