//! `/admin/people/{id}/photo`: a person's photo. Uploading one (or replacing it, or changing
//! only its description and credit), removing it, and the image as the admin pages show it,
//! published or not.
//!
//! The upload is a multipart form, the one request body that may be large: its route sits
//! outside the site-wide body limit with [`MAX_BODY_BYTES`] of its own (see `app::router`). The
//! file goes through `crate::photo` on a blocking thread, at most [`PROCESSING_AT_ONCE`] at a
//! time, and only the re-encoded JPEG is stored. Mistakes come back on the photo page (422,
//! or 413 for a file over the limit) with the words typed kept; the file has to be chosen
//! again, as browsers never refill a file field.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use askama::Template;
use axum::Router;
use axum::extract::multipart::{Field, MultipartError, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Extension, Multipart, Path, State};
use axum::http::StatusCode;
use axum::middleware::map_request;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use futures_util::StreamExt;
use sqlx::PgConnection;
use tokio::sync::Semaphore;

use super::summary::ErrorSummary;
use crate::app::AppState;
use crate::db::photos::{self, PhotoDoc, StoredPhoto};
use crate::db::revisions::{self, Action};
use crate::db::users::User;
use crate::domain::text;
use crate::i18n::Message;
use crate::photo::{self, MAX_UPLOAD_BYTES, PhotoError, Processed};
use crate::records::{Record, person::PersonDoc};
use crate::web::error::{AppError, AppResult, error_page};
use crate::web::extract::{Posted, Staff, Unchecked};
use crate::web::{Layout, photos::image_response, render_with};

/// The largest upload request: the file and the few short fields beside it.
pub const MAX_BODY_BYTES: usize = MAX_UPLOAD_BYTES + 64 * 1024;
/// Photos decoded at the same time. Each may take a few hundred megabytes and a core for a
/// second; more uploads than this wait their turn rather than exhaust the server.
pub const PROCESSING_AT_ONCE: usize = 2;
static PROCESSING: Semaphore = Semaphore::const_new(PROCESSING_AT_ONCE);

const ALT_TEXT_MAX: usize = 1000;
const CREDIT_MAX: usize = 300;

/// The routes with small bodies, under the site-wide limit.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/people/{id}/photo", get(photo_form))
        .route("/admin/people/{id}/photo.jpg", get(show_photo))
        .route("/admin/people/{id}/photo/remove", post(remove_photo))
}

/// The upload, with its own body limit.
pub fn upload_router() -> Router<AppState> {
    Router::new()
        .route("/admin/people/{id}/photo", post(upload_photo))
        .layer(map_request(cut_at_limit))
        // A second guard, for the extractor; the body never reaches it, being cut before.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}

/// Set on a request whose body was cut at [`MAX_BODY_BYTES`].
#[derive(Debug, Clone, Default)]
struct CutShort(Arc<AtomicBool>);

/// Ends the body at [`MAX_BODY_BYTES`] instead of failing it there. The multipart parser
/// reads ahead as far as data have arrived, so a failing body can make the whole form
/// unreadable, token and all, before its first field; an ended one still yields every field
/// sent before the limit, and the form comes back with them (413) rather than as a bare error.
async fn cut_at_limit(request: axum::extract::Request) -> axum::extract::Request {
    let cut = CutShort::default();
    let flag = cut.0.clone();
    let (mut parts, body) = request.into_parts();
    let body = body.into_data_stream().scan(0usize, move |seen, chunk| {
        if let Ok(chunk) = &chunk {
            *seen += chunk.len();
            if *seen > MAX_BODY_BYTES {
                flag.store(true, Ordering::Relaxed);
                return std::future::ready(None);
            }
        }
        std::future::ready(Some(chunk))
    });
    parts.extensions.insert(cut);
    axum::extract::Request::from_parts(parts, axum::body::Body::from_stream(body))
}

/// The photo form as typed, the file aside. `photo_id` and `photo_version` say which photo the
/// form was loaded with (none for a first upload), so that a replacement made meanwhile is not
/// silently overwritten.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhotoForm {
    pub alt_text: String,
    pub credit: String,
    pub photo_id: Option<i64>,
    pub photo_version: Option<i32>,
}

/// Field name → key of the message `templates/admin/photo_parts.html` shows beside it.
pub type PhotoErrors = BTreeMap<&'static str, &'static str>;

impl PhotoForm {
    /// The description and the credit, on one line each, within their lengths.
    pub fn validate(&self) -> Result<(String, Option<String>), PhotoErrors> {
        let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let (alt_text, credit) = (one_line(&self.alt_text), one_line(&self.credit));
        let mut errors = PhotoErrors::new();
        if alt_text.is_empty() {
            errors.insert("alt_text", "alt_missing");
        } else if alt_text.chars().count() > ALT_TEXT_MAX {
            errors.insert("alt_text", "alt_too_long");
        } else if text::check(&alt_text).is_err() {
            errors.insert("alt_text", "control_character");
        }
        if credit.chars().count() > CREDIT_MAX {
            errors.insert("credit", "credit_too_long");
        } else if text::check(&credit).is_err() {
            errors.insert("credit", "control_character");
        }
        if errors.is_empty() { Ok((alt_text, Some(credit).filter(|c| !c.is_empty()))) } else { Err(errors) }
    }
}

/// The photo part of a person's admin pages: the photo as it is, and the form to change it.
pub struct PhotoSection {
    pub person_id: i64,
    pub photo: Option<StoredPhoto>,
    pub form: PhotoForm,
    pub errors: PhotoErrors,
}

impl PhotoSection {
    /// The person's photo with a form loaded from it.
    pub async fn load(conn: &mut PgConnection, person_id: i64) -> sqlx::Result<Self> {
        let photo = photos::for_person(conn, person_id).await?;
        let form = photo.as_ref().map_or_else(PhotoForm::default, |p| PhotoForm {
            alt_text: p.doc.alt_text.clone(),
            credit: p.doc.credit.clone().unwrap_or_default(),
            photo_id: Some(p.id),
            photo_version: Some(p.version),
        });
        Ok(PhotoSection { person_id, photo, form, errors: PhotoErrors::new() })
    }

    pub fn error(&self, field: &str) -> Option<&'static str> {
        self.errors.get(field).copied()
    }
}

#[derive(Template)]
#[template(path = "admin/photo_form.html")]
struct PhotoPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    person_name: String,
    section: PhotoSection,
    /// The photo changed after the form was loaded; nothing was saved.
    conflict: bool,
}

impl PhotoPage {
    fn summary(&self) -> ErrorSummary {
        let summary = ErrorSummary::new(self.layout.lang).conflict(self.conflict);
        ["alt_text", "credit", "photo"].into_iter().fold(summary, |summary, field| match self.section.error(field) {
            Some(key) => summary.block(true, field, &Message::label("photo-error", key)),
            None => summary,
        })
    }
}

/// The photo page: the form as typed (`None`: as loaded from the photo) with a message per field,
/// answered with `status`; a 409 says the photo changed since `typed` was loaded.
async fn page(
    state: &AppState,
    staff: Staff,
    person_id: i64,
    typed: Option<PhotoForm>,
    errors: PhotoErrors,
    status: StatusCode,
) -> AppResult<Response> {
    let conflict = status == StatusCode::CONFLICT;
    let mut conn = state.db.acquire().await?;
    let person = PersonDoc::load(&mut conn, person_id).await?.ok_or(AppError::NotFound)?;
    let mut section = PhotoSection::load(&mut conn, person_id).await?;
    drop(conn);
    if let Some(typed) = typed {
        // The words typed are kept. After a conflict the form refers to the photo now shown,
        // so that the next upload replaces it knowingly.
        section.form =
            if conflict { PhotoForm { alt_text: typed.alt_text, credit: typed.credit, ..section.form } } else { typed };
    }
    section.errors = errors;
    let page = PhotoPage {
        layout: super::layout(state, &format!("/admin/people/{person_id}/photo")),
        csrf_token: staff.token().await?,
        user: staff.user,
        person_name: person.doc.names.first().map_or(person.doc.slug.clone(), |n| n.name.clone()),
        section,
        conflict,
    };
    render_with(status, &page)
}

async fn photo_form(State(state): State<AppState>, staff: Staff, Path(person_id): Path<i64>) -> AppResult<Response> {
    page(&state, staff, person_id, None, PhotoErrors::new(), StatusCode::OK).await
}

/// Back to the person's form, at the photo, after a change.
fn saved(person_id: i64) -> Response {
    super::redirect_to(&format!("/admin/people/{person_id}/edit?saved=1#photo-section")).into_response()
}

/// The image of the person's photo, for the admin pages; never cached, as it may be a draft's.
async fn show_photo(State(state): State<AppState>, Path(person_id): Path<i64>) -> AppResult<Response> {
    let file = photos::file_for_person(&mut *state.db.acquire().await?, person_id).await?.ok_or(AppError::NotFound)?;
    Ok(image_response(file, "private, no-store"))
}

/// Why reading an upload stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    TooLarge,
    Malformed,
}

impl From<MultipartError> for Stop {
    fn from(error: MultipartError) -> Self {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE { Stop::TooLarge } else { Stop::Malformed }
    }
}

/// A multipart upload as read: the words, and the file (`None` when none was chosen).
#[derive(Debug, Default)]
struct Upload {
    form: PhotoForm,
    file: Option<Vec<u8>>,
}

/// Reads the form's fields in the order sent, and says why reading stopped early, if it did.
/// Browsers send them in the order of the form, where the token and the words come before the
/// file: when the file is too large, they have been read and the form can come back with them.
async fn read_upload(mut multipart: Multipart) -> (Unchecked<Upload>, Option<Stop>) {
    let (mut token, mut upload) = (None, Upload::default());
    let stopped = read_fields(&mut multipart, &mut token, &mut upload).await.err();
    (Unchecked::new(token, upload), stopped)
}

async fn read_fields(multipart: &mut Multipart, token: &mut Option<String>, upload: &mut Upload) -> Result<(), Stop> {
    while let Some(field) = multipart.next_field().await? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "photo" {
            // A file field left empty is sent as a part with an empty file name.
            let chosen = field.file_name().is_some_and(|n| !n.is_empty());
            let bytes = read_file(field).await?;
            if chosen || !bytes.is_empty() {
                upload.file.get_or_insert(bytes);
            }
            continue;
        }
        let text = field.text().await?;
        match name.as_str() {
            "csrf_token" => *token = Some(text),
            "alt_text" => upload.form.alt_text = text,
            "credit" => upload.form.credit = text,
            "photo_id" => upload.form.photo_id = text.trim().parse().ok(),
            "photo_version" => upload.form.photo_version = text.trim().parse().ok(),
            _ => {}
        }
    }
    Ok(())
}

/// Reads the file field, up to [`MAX_UPLOAD_BYTES`].
async fn read_file(mut field: Field<'_>) -> Result<Vec<u8>, Stop> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await? {
        if bytes.len() + chunk.len() > MAX_UPLOAD_BYTES {
            return Err(Stop::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// Runs [`photo::process`] on a blocking thread, waiting for a turn first.
async fn process(bytes: Vec<u8>) -> AppResult<Result<Processed, PhotoError>> {
    let _turn = PROCESSING.acquire().await.map_err(|e| AppError::Internal(e.into()))?;
    tokio::task::spawn_blocking(move || photo::process(&bytes)).await.map_err(|e| AppError::Internal(e.into()))
}

/// Whether the form was loaded with the photo that is there now.
fn loaded_with(form: &PhotoForm, current: Option<&StoredPhoto>) -> bool {
    (form.photo_id, form.photo_version) == (current.map(|p| p.id), current.map(|p| p.version))
}

async fn upload_photo(
    State(state): State<AppState>,
    staff: Staff,
    Path(person_id): Path<i64>,
    Extension(cut): Extension<CutShort>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let multipart = multipart.map_err(|_| AppError::BadRequest(Message::new("refusal-photo-multipart")))?;
    let (upload, mut stopped) = read_upload(multipart).await;
    if cut.0.load(Ordering::Relaxed) {
        // Whatever went wrong reading the rest, it was the limit.
        stopped = Some(Stop::TooLarge);
    }
    match stopped {
        Some(Stop::Malformed) => {
            return Err(AppError::BadRequest(Message::new("refusal-upload-cut")));
        }
        Some(Stop::TooLarge) if !upload.has_token() => {
            // The limit struck before the token was read (a client that sends the file first):
            // nothing can be shown back, so say only what happened.
            return Ok(error_page(
                StatusCode::PAYLOAD_TOO_LARGE,
                Some(&Message::new("refusal-photo-too-large").number("max", 10)),
            ));
        }
        _ => {}
    }
    // Nothing of the request is used, or shown back, before its token is checked.
    let Upload { form, file } = staff.verify(upload).await?;
    super::review::refuse_unheld(&state, &staff.user, Some(person_id), None).await?;
    if stopped == Some(Stop::TooLarge) {
        let errors = PhotoErrors::from([("photo", PhotoError::TooLarge.key())]);
        return page(&state, staff, person_id, Some(form), errors, StatusCode::PAYLOAD_TOO_LARGE).await;
    }
    let mut conn = state.db.acquire().await?;
    PersonDoc::load(&mut conn, person_id).await?.ok_or(AppError::NotFound)?;
    let current = photos::for_person(&mut conn, person_id).await?;
    drop(conn);
    let mut errors = PhotoErrors::new();
    let words = form.validate().map_err(|e| errors.extend(e)).ok();
    let processed = match file {
        Some(bytes) => process(bytes).await?.map_err(|e| errors.insert("photo", e.key())).ok(),
        // Without a new file, the description and credit of the current photo change.
        None if current.is_some() => None,
        None => {
            errors.insert("photo", "photo_missing");
            None
        }
    };
    let Some((alt_text, credit)) = words.filter(|_| errors.is_empty()) else {
        return page(&state, staff, person_id, Some(form), errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    if !loaded_with(&form, current.as_ref()) {
        return page(&state, staff, person_id, Some(form), PhotoErrors::new(), StatusCode::CONFLICT).await;
    }

    let mut tx = state.db.begin().await?;
    let saved_photo = match (&current, &processed) {
        (None, Some(image)) => {
            let doc = PhotoDoc::new(image, alt_text, credit);
            photos::insert(&mut tx, person_id, &doc, &image.jpeg).await?.map(|id| (id, None, doc))
        }
        (Some(before), image) => {
            let doc = match image {
                Some(image) => PhotoDoc::new(image, alt_text, credit),
                None => PhotoDoc { alt_text, credit, ..before.doc.clone() },
            };
            let jpeg = image.as_ref().map(|i| i.jpeg.as_slice());
            photos::update(&mut tx, before.id, before.version, &doc, jpeg).await?.map(|id| (id, Some(&before.doc), doc))
        }
        (None, None) => unreachable!("a first photo without a file was refused above"),
    };
    let Some((photo_id, before, doc)) = saved_photo else {
        tx.rollback().await?;
        return page(&state, staff, person_id, Some(form), PhotoErrors::new(), StatusCode::CONFLICT).await;
    };
    let action = if before.is_some() { Action::Update } else { Action::Create };
    revisions::record(&mut tx, staff.user.id, photo_id, Some(person_id), action, before, &doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(saved(person_id))
}

/// The remove button's form says which photo it was shown beside (`photo_id`, `photo_version`).
async fn remove_photo(
    State(state): State<AppState>,
    staff: Staff,
    Path(person_id): Path<i64>,
    Posted(removal): Posted,
) -> AppResult<Response> {
    let number = |field: &str| removal.get(field).and_then(|v| v.trim().parse::<i64>().ok());
    let (Some(id), Some(version)) = (number("photo_id"), number("photo_version").and_then(|v| i32::try_from(v).ok()))
    else {
        return Err(AppError::BadRequest(Message::new("refusal-photo-version")));
    };
    super::review::refuse_unheld(&state, &staff.user, Some(person_id), None).await?;
    let mut tx = state.db.begin().await?;
    let Some(removed) = photos::remove(&mut tx, person_id, id, version).await? else {
        tx.rollback().await?;
        return page(&state, staff, person_id, None, PhotoErrors::new(), StatusCode::CONFLICT).await;
    };
    revisions::record_deletion(&mut tx, staff.user.id, removed.id, Some(person_id), &removed.doc).await?;
    tx.commit().await?;
    state.cache.changes().bump();
    Ok(saved(person_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_needs_a_description_and_keeps_its_words_on_one_line() {
        let form = PhotoForm {
            alt_text: "  Ihar Losik\n in a courtroom cage  ".into(),
            credit: " Viasna ".into(),
            ..PhotoForm::default()
        };
        assert_eq!(form.validate(), Ok(("Ihar Losik in a courtroom cage".into(), Some("Viasna".into()))));
        let no_credit = PhotoForm { credit: "  ".into(), ..form.clone() };
        assert_eq!(no_credit.validate().unwrap().1, None);

        let cases = [
            (PhotoForm { alt_text: " \n ".into(), ..form.clone() }, ("alt_text", "alt_missing")),
            (PhotoForm { alt_text: "a".repeat(ALT_TEXT_MAX + 1), ..form.clone() }, ("alt_text", "alt_too_long")),
            (PhotoForm { credit: "c".repeat(CREDIT_MAX + 1), ..form.clone() }, ("credit", "credit_too_long")),
            (PhotoForm { credit: "Agency\u{1}".into(), ..form.clone() }, ("credit", "control_character")),
        ];
        for (form, (field, key)) in cases {
            assert_eq!(form.validate().unwrap_err().get(field), Some(&key), "{field}: {key}");
        }
    }
}
