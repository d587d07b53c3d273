//! Files for spreadsheets (issue 20): every CSV for Excel with `?bom=1`, the search results as
//! a workbook holding the same cells as the CSV, and the CSV for Excel opening in LibreOffice
//! with its Cyrillic intact.

use std::io::Cursor;
use std::process::Command;

use calamine::{Data, Reader, Xlsx};

use crate::helpers::TestApp;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The cells of a CSV, header first.
fn csv_cells(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(bytes);
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

/// The cells of a workbook's sheet `sheet` as text: a date as `YYYY-MM-DD`.
fn sheet_cells(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("a workbook");
    let range = workbook.worksheet_range(sheet).expect("the sheet");
    let epoch = time::macros::date!(1899 - 12 - 30);
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    Data::DateTime(d) => (epoch + time::Duration::days(d.as_f64() as i64)).to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn every_csv_is_offered_for_excel_with_a_byte_order_mark() {
    let app = TestApp::with_demo().await;
    for uri in [
        "/prisoners.csv",
        "/prisoners.csv?q=Kuznechik&status=released",
        "/charts/waves.csv",
        "/charts/held.csv?country=BY",
    ] {
        let plain = app.get(uri).await;
        let joint = if uri.contains('?') { '&' } else { '?' };
        let excel = app.get(&format!("{uri}{joint}bom=1")).await;
        assert_eq!((plain.status.as_u16(), excel.status.as_u16()), (200, 200), "{uri}");
        assert!(!plain.bytes.starts_with(BOM), "{uri}: the plain file has no mark");
        assert_eq!(excel.bytes, [BOM, plain.bytes.as_slice()].concat(), "{uri}: the same file, the mark in front");
        assert_eq!(excel.header("content-type"), "text/csv; charset=utf-8", "{uri}");
        assert!(excel.header("content-disposition").starts_with("attachment; filename="), "{uri}");
        let other = app.get(&format!("{uri}{joint}bom=yes")).await;
        assert_eq!(other.bytes, plain.bytes, "{uri}: only bom=1 adds the mark");
    }

    // The pages offer them beside the plain files.
    let list = app.get("/ru/prisoners?status=released").await;
    let links: Vec<String> = list
        .html()
        .select(&scraper::Selector::parse("a[download]").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    for link in
        ["/prisoners.csv?status=released", "/prisoners.csv?status=released&bom=1", "/prisoners.xlsx?status=released"]
    {
        assert!(links.iter().any(|l| l == link), "{link} in {links:?}");
    }
    let charts = app.get("/be/charts?country=BY").await;
    let csvs: Vec<String> = charts
        .html()
        .select(&scraper::Selector::parse("#held a[type='text/csv']").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(csvs, ["/charts/held.csv?country=BY", "/charts/held.csv?country=BY&bom=1"], "a chart's CSV for Excel");
    let all = app.get("/prisoners").await;
    assert!(all.body.contains("href=\"/prisoners.csv?bom=1\""), "no filter: the mark is the only parameter");
}

#[tokio::test]
async fn the_workbook_of_a_search_holds_the_csvs_cells_with_dates_as_dates() {
    let app = TestApp::with_demo().await;
    for query in ["", "?status=released&sort=name", "?q=%D0%9A%D1%83%D0%B7%D0%BD%D0%B5%D1%87%D1%8B%D0%BA"] {
        let csv = app.get(&format!("/prisoners.csv{query}")).await;
        let xlsx = app.get(&format!("/prisoners.xlsx{query}")).await;
        assert_eq!(xlsx.status, 200, "{query}");
        assert_eq!(xlsx.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        let disposition = xlsx.header("content-disposition");
        assert!(disposition.contains(".xlsx\""), "{disposition}");
        let from_csv: Vec<Vec<String>> = csv_cells(&csv.bytes)
            .into_iter()
            // A workbook never runs a cell as a formula: the CSV's protecting apostrophe is not in it.
            .map(|row| row.iter().map(|c| prisoner_tracker::spreadsheet::unescape_cell(c).to_owned()).collect())
            .collect();
        let from_xlsx = sheet_cells(&xlsx.bytes, "prisoners");
        assert!(from_csv.len() > 1, "{query}: people found");
        assert_eq!(from_xlsx, from_csv, "{query}: the same cells");
    }
    // The earliest and latest days are dates a spreadsheet sorts, not text.
    let xlsx = app.get("/prisoners.xlsx?q=Kuznechik").await;
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx.bytes.clone())).unwrap();
    let range = workbook.worksheet_range("prisoners").unwrap();
    let header: Vec<String> = range.rows().next().unwrap().iter().map(ToString::to_string).collect();
    let column = header.iter().position(|h| h == "last_released_earliest").unwrap();
    assert!(matches!(range.rows().nth(1).unwrap()[column], Data::DateTime(_)), "{:?}", range.rows().nth(1));
    // Bad filters are refused as on the page.
    assert_eq!(app.get("/prisoners.xlsx?status=nonsense").await.status, 400);
}

/// LibreOffice (headless `soffice --convert-to`) opens the CSV for Excel with its Cyrillic intact:
/// converted to a workbook, the names read back as written. Needs Debian's
/// `libreoffice-calc-nogui`; where it is missing the test says so and passes, except in CI.
#[tokio::test]
async fn the_csv_for_excel_opens_in_libreoffice_with_its_cyrillic_intact() {
    let Some(soffice) =
        ["/usr/bin/soffice", "/usr/bin/libreoffice"].into_iter().find(|p| std::path::Path::new(p).exists())
    else {
        assert!(std::env::var("CI").is_err(), "CI needs Debian's libreoffice-calc-nogui for this test");
        eprintln!("LibreOffice test skipped: install Debian's libreoffice-calc-nogui to run it");
        return;
    };
    let app = TestApp::with_demo().await;
    let csv = app.get("/prisoners.csv?q=Kuznechik&bom=1").await;
    assert!(csv.bytes.starts_with(BOM));
    let dir = std::env::temp_dir().join(format!("pt-soffice-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("prisoners.csv");
    std::fs::write(&file, &csv.bytes).unwrap();
    // A profile of its own, so that the test neither needs nor touches a user's; the CSV filter
    // as opening a file sets it (comma, double quote, the system's character set).
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let output = Command::new(soffice)
        .args([profile.as_str(), "--headless", "--norestore", "--infilter=CSV:44,34,SYSTEM"])
        .args(["--convert-to", "xlsx", "--outdir"])
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("soffice runs");
    let converted = std::fs::read(dir.join("prisoners.xlsx"))
        .unwrap_or_else(|e| panic!("soffice wrote no workbook ({e}): {}", String::from_utf8_lossy(&output.stderr)));
    let cells = sheet_cells(&converted, &{
        let workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(converted.clone())).unwrap();
        workbook.sheet_names()[0].clone()
    });
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(cells[0][0], "public_id", "the header's first cell, without a stray mark: {:?}", cells[0]);
    let all_names = cells[0].iter().position(|c| c == "all_names").unwrap();
    let names = &cells[1][all_names];
    assert!(names.contains("Андрэй Кузнечык") && names.contains("Андрей Кузнечик"), "Cyrillic intact: {names}");
}
