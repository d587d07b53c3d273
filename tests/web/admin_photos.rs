//! Photos of people: uploading one through the admin form, what the site stores and serves
//! (a JPEG without EXIF or GPS, upright), the refusals (wrong type, decompression bomb, missing
//! description, too large, forged or cross-site requests), drafts, and the revisions.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use prisoner_tracker::accounts::Role;

use crate::helpers::{ORIGIN, Part, TestApp, TestResponse, Visitor, logged_in};

/// What the GPS block of the test photo names as its datum: found nowhere once it is stripped.
const GPS_DATUM: &[u8] = b"WGS-84";

async fn person_id(app: &TestApp, slug: &str) -> i64 {
    sqlx::query_scalar("select id from people where slug = $1").bind(slug).fetch_one(&app.pool).await.unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

fn encoded(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    image.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

/// A landscape photo with a gradient, so that it does not compress to nothing.
fn landscape(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90])))
}

/// A JPEG as a phone writes it: an EXIF block (APP1) saying "rotate a quarter turn clockwise to
/// view" (orientation 6) and where it was taken (GPS latitude 53° 54′ N, datum WGS-84).
fn jpeg_with_exif_and_gps(width: u32, height: u32) -> Vec<u8> {
    let jpeg = encoded(&landscape(width, height), ImageFormat::Jpeg);
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut e = tag.to_le_bytes().to_vec();
        e.extend_from_slice(&kind.to_le_bytes());
        e.extend_from_slice(&count.to_le_bytes());
        e.extend_from_slice(&value);
        e
    };
    // IFD0 at 8: Orientation = 6, and the GPS IFD at 38.
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend(entry(0x0112, 3, 1, [6, 0, 0, 0]));
    tiff.extend(entry(0x8825, 4, 1, 38u32.to_le_bytes()));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    // GPS IFD at 38: latitude reference, latitude (three rationals at 80), map datum (at 104).
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
    tiff.extend(entry(0x0002, 5, 3, 80u32.to_le_bytes()));
    tiff.extend(entry(0x0012, 2, 7, 104u32.to_le_bytes()));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    for (numerator, denominator) in [(53u32, 1u32), (54, 1), (0, 1)] {
        tiff.extend_from_slice(&numerator.to_le_bytes());
        tiff.extend_from_slice(&denominator.to_le_bytes());
    }
    tiff.extend_from_slice(GPS_DATUM);
    tiff.push(0);
    assert_eq!(tiff.len(), 111, "offsets above match the layout");

    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&u16::try_from(app1.len() + 2).unwrap().to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The markers of a JPEG's segments up to the image data: 0xE0 is JFIF, 0xE1 EXIF or XMP.
fn jpeg_markers(jpeg: &[u8]) -> Vec<u8> {
    let mut markers = Vec::new();
    let mut at = 2;
    while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
        markers.push(jpeg[at + 1]);
        if jpeg[at + 1] == 0xDA {
            break;
        }
        at += 2 + usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
    }
    markers
}

/// A real 64 × 48 JPEG whose header claims 50,000 × 50,000 pixels: 7.5 GB once decoded.
fn jpeg_bomb() -> Vec<u8> {
    let mut jpeg = encoded(&landscape(64, 48), ImageFormat::Jpeg);
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).expect("a baseline JPEG");
    jpeg[sof + 5..sof + 7].copy_from_slice(&50_000u16.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&50_000u16.to_be_bytes());
    jpeg
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A file to upload: its name, the type the browser claims, the bytes.
type File<'a> = (&'a str, &'a str, &'a [u8]);

/// Loads the photo form of person `id` and sends it with `words` and `file` (or an empty file
/// field, as a browser sends one left empty), in the order of the form.
async fn upload(visitor: &mut Visitor<'_>, id: i64, words: &[(&str, &str)], file: Option<File<'_>>) -> TestResponse {
    let form = visitor.get(&format!("/admin/people/{id}/photo")).await;
    assert_eq!(form.status, 200);
    let token = form.attr("form.photo-form input[name=csrf_token]", "value").unwrap();
    let photo_id = form.attr("form.photo-form input[name=photo_id]", "value");
    let version = form.attr("form.photo-form input[name=photo_version]", "value");
    let mut parts = vec![Part::Text("csrf_token", &token)];
    if let (Some(photo_id), Some(version)) = (&photo_id, &version) {
        parts.push(Part::Text("photo_id", photo_id));
        parts.push(Part::Text("photo_version", version));
    }
    parts.extend(words.iter().map(|(name, value)| Part::Text(name, value)));
    let (file_name, content_type, bytes) = file.unwrap_or(("", "application/octet-stream", b""));
    parts.push(Part::File("photo", file_name, content_type, bytes));
    visitor.post_multipart(&format!("/admin/people/{id}/photo"), &parts).await
}

const WORDS: &[(&str, &str)] =
    &[("alt_text", "Andrey Kuznechyk, smiling, in a grey jumper"), ("credit", "Radio Svaboda")];

#[tokio::test]
async fn an_uploaded_photo_comes_back_upright_and_without_exif_or_gps() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = person_id(&app, "andrey-kuznechyk").await;
    let upload_bytes = jpeg_with_exif_and_gps(1600, 1000);
    assert!(contains(&upload_bytes, b"Exif\0\0") && contains(&upload_bytes, GPS_DATUM), "the upload carries both");

    let saved = upload(&mut admin, id, WORDS, Some(("IMG_0042.JPG", "image/jpeg", &upload_bytes))).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.header("location"), format!("/admin/people/{id}/edit?saved=1#photo-section"));

    // The public page shows it, with its description, size and credit, and offers it to link previews.
    let page = app.get("/prisoners/andrey-kuznechyk").await;
    let src = page.attr(".portrait img", "src").expect("the photo is on the page");
    assert!(src.starts_with("/photos/") && src.ends_with(".jpg"), "{src}");
    assert_eq!(page.attr(".portrait img", "alt").as_deref(), Some(WORDS[0].1));
    assert_eq!(page.attr(".portrait img", "width").as_deref(), Some("750"), "turned upright: portrait");
    assert_eq!(page.attr(".portrait img", "height").as_deref(), Some("1200"));
    assert_eq!(page.text(".portrait figcaption"), "Photo: Radio Svaboda");
    assert_eq!(page.attr("meta[property='og:image']", "content"), Some(format!("{ORIGIN}{src}")), "absolute");
    assert_eq!(page.attr("meta[property='og:image:alt']", "content").as_deref(), Some(WORDS[0].1));
    assert_eq!(page.attr("meta[property='og:image:width']", "content").as_deref(), Some("750"));
    assert_eq!(page.attr("meta[property='og:image:height']", "content").as_deref(), Some("1200"));
    assert_eq!(page.attr("meta[name='twitter:card']", "content").as_deref(), Some("summary_large_image"));
    assert!(page.header("content-security-policy").contains("img-src 'self'"), "the page may show it");

    // The image: a JPEG with no EXIF, no GPS, nothing but the picture, turned upright.
    let photo = app.get(&src).await;
    assert_eq!(photo.status, 200);
    assert_eq!(photo.header("content-type"), "image/jpeg");
    assert_eq!(photo.header("x-content-type-options"), "nosniff");
    assert_eq!(photo.header("content-disposition"), "inline; filename=\"andrey-kuznechyk.jpg\"");
    assert_eq!(photo.header("cache-control"), "public, max-age=31536000, immutable");
    let markers = jpeg_markers(&photo.bytes);
    assert_eq!(markers.first(), Some(&0xE0), "JFIF, then tables and frame: {markers:x?}");
    assert!(!markers.contains(&0xE1), "no APP1 segment: {markers:x?}");
    assert!(!contains(&photo.bytes, b"Exif"), "no EXIF anywhere");
    assert!(!contains(&photo.bytes, GPS_DATUM), "no GPS anywhere");
    let served = image::load_from_memory_with_format(&photo.bytes, ImageFormat::Jpeg).unwrap();
    assert_eq!((served.width(), served.height()), (750, 1200), "1600 × 1000 turned a quarter: 1000 × 1600, scaled");

    // The original is stored nowhere: the database holds the served bytes only.
    let stored: Vec<u8> = sqlx::query_scalar("select bytes from photos where person_id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, photo.bytes);

    // A browser that has it is told it has not changed.
    let etag = photo.header("etag").to_owned();
    let again = app
        .request(
            axum::http::Request::builder()
                .uri(&src)
                .header("if-none-match", &etag)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, 304);

    assert_eq!(
        count(&app, "select count(*) from revisions where record_type = 'photo' and action = 'create'").await,
        1
    );
}

#[tokio::test]
async fn an_editor_uploads_png_and_replaces_it_with_webp() {
    // Editors' photos go live at once here; review is tested in review.rs.
    let app = TestApp::seeded(TestApp::unreviewed().await).await;
    let mut editor = logged_in(&app, "editor@example.org", Role::Editor).await;
    let id = person_id(&app, "ihar-losik").await;

    // A PNG with a transparent background: laid on white, stored as JPEG.
    let mut cut_out = RgbaImage::from_pixel(300, 400, Rgba([0, 0, 0, 0]));
    cut_out.put_pixel(150, 200, Rgba([200, 30, 30, 255]));
    let png = encoded(&DynamicImage::ImageRgba8(cut_out), ImageFormat::Png);
    let words = [("alt_text", "Ihar Losik"), ("credit", "")];
    let saved = upload(&mut editor, id, &words, Some(("losik.png", "image/png", &png))).await;
    assert_eq!(saved.status, 303, "editors may upload: {}", saved.body);
    let page = app.get("/prisoners/ihar-losik").await;
    let first = page.attr(".portrait img", "src").unwrap();
    assert!(page.texts(".portrait figcaption").is_empty(), "no credit, no caption");
    let photo = app.get(&first).await;
    assert_eq!(photo.header("content-type"), "image/jpeg");
    let white = image::load_from_memory(&photo.bytes).unwrap().to_rgb8();
    assert!(white.get_pixel(10, 10).0.iter().all(|c| *c > 245), "transparent became white");

    let webp = encoded(&landscape(200, 100), ImageFormat::WebP);
    let replaced = upload(&mut editor, id, &words, Some(("losik.webp", "image/webp", &webp))).await;
    assert_eq!(replaced.status, 303, "{}", replaced.body);
    let page = app.get("/prisoners/ihar-losik").await;
    let second = page.attr(".portrait img", "src").unwrap();
    assert_ne!(first, second, "a new image has a new address");
    assert_eq!(page.attr(".portrait img", "width").as_deref(), Some("200"), "small photos keep their size");
    assert_eq!(app.get(&second).await.header("content-type"), "image/jpeg");
    assert_eq!(app.get(&first).await.status, 404, "the old image is gone");
    assert_eq!(count(&app, "select count(*) from photos").await, 1, "one photo per person");
}

#[tokio::test]
async fn what_is_not_a_usable_photo_comes_back_with_a_message_and_the_words_kept() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = person_id(&app, "andrey-kuznechyk").await;
    let jpeg = encoded(&landscape(120, 80), ImageFormat::Jpeg);
    let bomb = jpeg_bomb();
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    struct Case<'a> {
        words: &'a [(&'a str, &'a str)],
        file: Option<File<'a>>,
        field: &'a str,
        message: &'a str,
        why: &'a str,
    }
    let not_an_image = "not a JPEG, PNG or WebP";
    let cases = [
        Case {
            words: WORDS,
            file: Some(("photo.jpg", "image/jpeg", b"this is text, not a photo")),
            field: "photo",
            message: not_an_image,
            why: "a text file named .jpg",
        },
        Case {
            words: WORDS,
            file: Some(("photo.gif", "image/gif", &gif)),
            field: "photo",
            message: not_an_image,
            why: "GIF is not accepted",
        },
        Case { words: WORDS, file: None, field: "photo", message: "Choose a photo", why: "no file" },
        Case {
            words: &[("alt_text", "  "), ("credit", "Viasna <b>press</b>")],
            file: Some(("p.jpg", "image/jpeg", &jpeg)),
            field: "alt_text",
            message: "Describe what the photo shows",
            why: "no description",
        },
        Case {
            words: WORDS,
            file: Some(("bomb.jpg", "image/jpeg", &bomb)),
            field: "photo",
            message: "too large to process",
            why: "a decompression bomb",
        },
    ];
    for Case { words, file, field, message, why } in cases {
        let started = std::time::Instant::now();
        let answer = upload(&mut admin, id, words, file).await;
        assert_eq!(answer.status, 422, "{why}");
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{why}: answered at once");
        assert!(
            answer.text(&format!("#{field}-error")).contains(message),
            "{why}: {}",
            answer.text(&format!("#{field}-error"))
        );
        assert_eq!(answer.attr(&format!("#{field}"), "aria-invalid").as_deref(), Some("true"), "{why}");
        let credit = words.iter().find(|(k, _)| *k == "credit").unwrap().1;
        assert_eq!(answer.attr("#credit", "value").as_deref(), Some(credit), "{why}: the credit is kept");
        assert!(!answer.body.contains("<b>press"), "{why}: kept as text");
    }
    assert_eq!(count(&app, "select count(*) from photos").await, 0, "nothing was stored");
    assert_eq!(count(&app, "select count(*) from revisions").await, 0);
}

#[tokio::test]
async fn an_upload_over_the_limit_is_refused_with_413_and_the_words_kept() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = person_id(&app, "andrey-kuznechyk").await;
    let huge = vec![0xAB; 11 * 1024 * 1024];

    let answer = upload(&mut admin, id, WORDS, Some(("huge.jpg", "image/jpeg", &huge))).await;

    assert_eq!(answer.status, 413);
    assert!(answer.text("#photo-error").contains("larger than 10 MB"), "{}", answer.body);
    assert_eq!(answer.text("#alt_text"), WORDS[0].1);
    assert_eq!(count(&app, "select count(*) from photos").await, 0);

    // Sent in one piece, the body passes the limit before its token is read: a plain 413.
    let token = admin.token(&format!("/admin/people/{id}/photo")).await;
    let parts = [Part::Text("csrf_token", &token), Part::File("photo", "huge.jpg", "image/jpeg", &huge)];
    let at_once = axum::http::Request::builder()
        .method("POST")
        .uri(format!("/admin/people/{id}/photo"))
        .header("host", ORIGIN.trim_start_matches("https://"))
        .header("sec-fetch-site", "same-origin")
        .header("content-type", format!("multipart/form-data; boundary={}", crate::helpers::BOUNDARY))
        .body(axum::body::Body::from(crate::helpers::multipart_body(&parts)))
        .unwrap();
    let plain = admin.send(at_once).await;
    assert_eq!(plain.status, 413);
    assert_eq!(plain.text("h1"), "Request too large");

    // Other admin forms keep the site-wide limit of 1 MiB.
    let token = admin.token(&format!("/admin/people/{id}/photo")).await;
    let padding = "x".repeat(2 * 1024 * 1024);
    let other =
        admin.post(&format!("/admin/people/{id}/photo/remove"), &[("csrf_token", &token), ("pad", &padding)]).await;
    assert_eq!(other.status, 413);
    assert_eq!(other.text("h1"), "Request too large");
}

#[tokio::test]
async fn uploads_from_another_site_or_without_the_token_are_refused() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = person_id(&app, "andrey-kuznechyk").await;
    let jpeg = encoded(&landscape(120, 80), ImageFormat::Jpeg);
    let token = admin.token(&format!("/admin/people/{id}/photo")).await;
    let uri = format!("/admin/people/{id}/photo");
    let file = Part::File("photo", "p.jpg", "image/jpeg", &jpeg);
    let alt = Part::Text("alt_text", "A photo");

    let forged = [
        Part::Text("csrf_token", &token),
        Part::Text("alt_text", "A photo"),
        Part::File("photo", "p.jpg", "image/jpeg", &jpeg),
    ];
    let cross_site = admin
        .post_multipart_with(&uri, &forged, &[("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")])
        .await;
    assert_eq!(cross_site.status, 403, "another site's form, even with a token");
    let without_token = admin.post_multipart(&uri, &[alt, file]).await;
    assert_eq!(without_token.status, 403, "no token");
    let wrong = "00".repeat(64);
    let wrong_token = [
        Part::Text("csrf_token", &wrong),
        Part::Text("alt_text", "A photo"),
        Part::File("photo", "p.jpg", "image/jpeg", &jpeg),
    ];
    assert_eq!(admin.post_multipart(&uri, &wrong_token).await.status, 403, "a token not of this session");
    let mut stranger = Visitor::new(&app);
    let anonymous = stranger.post_multipart(&uri, &forged).await;
    assert_eq!(anonymous.status, 303, "no session: to the login form");
    assert!(anonymous.header("location").starts_with("/login"));
    assert_eq!(count(&app, "select count(*) from photos").await, 0);
}

#[tokio::test]
async fn a_drafts_photo_is_shown_to_editors_and_to_nobody_else() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = person_id(&app, "andrey-kuznechyk").await;
    let jpeg = encoded(&landscape(120, 80), ImageFormat::Jpeg);
    assert_eq!(upload(&mut admin, id, WORDS, Some(("p.jpg", "image/jpeg", &jpeg))).await.status, 303);
    let src = app.get("/prisoners/andrey-kuznechyk").await.attr(".portrait img", "src").unwrap();
    assert_eq!(app.get(&src).await.status, 200);

    app.change(&format!("update people set publication = 'draft' where id = {id}")).await;

    assert_eq!(app.get(&src).await.status, 404, "a draft's photo is not public");
    let preview = admin.get(&format!("/admin/people/{id}/photo.jpg")).await;
    assert_eq!(preview.status, 200, "editors see it");
    assert_eq!(preview.header("cache-control"), "private, no-store");
    let edit = admin.get(&format!("/admin/people/{id}/edit")).await;
    assert_eq!(edit.attr("#photo-section img", "alt").as_deref(), Some(WORDS[0].1));
    assert_eq!(Visitor::new(&app).get(&format!("/admin/people/{id}/photo.jpg")).await.status, 303, "to login");
    let (photo_id, tag) = src.trim_start_matches("/photos/").trim_end_matches(".jpg").split_once('-').unwrap();
    assert_eq!(app.get(&format!("/photos/{photo_id}-{}.jpg", "0".repeat(16))).await.status, 404, "a wrong tag");
    assert_eq!(app.get(&format!("/photos/{photo_id}-{tag}.png")).await.status, 404);
}

#[tokio::test]
async fn changing_and_removing_a_photo_are_revisions_and_a_stale_form_is_refused() {
    let app = TestApp::with_demo().await;
    let mut admin = logged_in(&app, "admin@example.org", Role::Admin).await;
    let id = person_id(&app, "andrey-kuznechyk").await;
    let jpeg = encoded(&landscape(120, 80), ImageFormat::Jpeg);
    assert_eq!(upload(&mut admin, id, WORDS, Some(("p.jpg", "image/jpeg", &jpeg))).await.status, 303);

    // The description alone changes, without a new file.
    let words = [("alt_text", "Andrey Kuznechyk before his arrest"), ("credit", "Radio Svaboda")];
    assert_eq!(upload(&mut admin, id, &words, None).await.status, 303);
    let page = app.get("/prisoners/andrey-kuznechyk").await;
    assert_eq!(page.attr(".portrait img", "alt").as_deref(), Some(words[0].1));

    // A form loaded before someone else's change saves nothing.
    let stale = admin.get(&format!("/admin/people/{id}/photo")).await;
    let stale_version = stale.attr("form.photo-form input[name=photo_version]", "value").unwrap();
    let photo_id = stale.attr("form.photo-form input[name=photo_id]", "value").unwrap();
    assert_eq!(upload(&mut admin, id, &[("alt_text", "Newer words")], None).await.status, 303);
    let token = admin.token(&format!("/admin/people/{id}/photo")).await;
    let late = admin
        .post_multipart(
            &format!("/admin/people/{id}/photo"),
            &[
                Part::Text("csrf_token", &token),
                Part::Text("photo_id", &photo_id),
                Part::Text("photo_version", &stale_version),
                Part::Text("alt_text", "Older words"),
                Part::File("photo", "", "application/octet-stream", b""),
            ],
        )
        .await;
    assert_eq!(late.status, 409);
    assert_eq!(late.text("#photo-section .alt-text"), "Description: Newer words", "the photo as it is now");
    assert_eq!(late.text("#alt_text"), "Older words", "the words typed are kept");
    crate::hostile::assert_says_why(&late, "a stale photo form");

    // Removing it.
    let edit = admin.get(&format!("/admin/people/{id}/edit")).await;
    let token = edit.attr("form.photo-remove input[name=csrf_token]", "value").unwrap();
    let version = edit.attr("form.photo-remove input[name=photo_version]", "value").unwrap();
    let removal =
        [("csrf_token", token.as_str()), ("photo_id", photo_id.as_str()), ("photo_version", version.as_str())];
    let removed = admin.post(&format!("/admin/people/{id}/photo/remove"), &removal).await;
    assert_eq!(removed.status, 303, "{}", removed.body);
    assert_eq!(count(&app, "select count(*) from photos").await, 0);
    let page = app.get("/prisoners/andrey-kuznechyk").await;
    assert!(page.attr(".portrait img", "src").is_none() && page.attr("meta[property='og:image']", "content").is_none());
    assert_eq!(page.attr("meta[name='twitter:card']", "content").as_deref(), Some("summary"));
    assert_eq!(admin.post(&format!("/admin/people/{id}/photo/remove"), &removal).await.status, 409, "already gone");

    let actions: Vec<(String, Vec<String>)> = sqlx::query_as(
        "select action, changed from revisions where record_type = 'photo' and person_id = $1 order by id",
    )
    .bind(id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let actions: Vec<(&str, Vec<&str>)> =
        actions.iter().map(|(a, c)| (a.as_str(), c.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        actions,
        [
            ("create", vec!["alt_text", "photo_credit", "photo_image"]),
            ("update", vec!["alt_text"]),
            ("update", vec!["alt_text", "photo_credit"]),
            ("delete", vec!["alt_text", "photo_image"]),
        ]
    );
    let history = admin.get(&format!("/admin/people/{id}/history")).await;
    assert!(history.text(".revision:first-child strong").starts_with("Photo: Removed"));
    assert!(history.texts(".revision form button").is_empty(), "a photo's image is not kept: nothing to restore");
    let public_log = page.texts(".changes li");
    assert!(public_log[0].ends_with("photo removed (Description of the photo, Photo)"), "{public_log:?}");
}
