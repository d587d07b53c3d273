//! `/admin/import`: people from a CSV file or a workbook's sheet, checked first and written only
//! as checked.
//!
//! `POST /admin/import` checks the file (uploaded or pasted) and shows, row by row, who would be
//! added, who changed and how, and every mistake beside its row (422 when there is one); it
//! writes nothing. When every row is right the page carries the file and the check's
//! fingerprint to `POST /admin/import/apply`, which checks again in one transaction and writes
//! everything, or nothing when a person was saved meanwhile (409) or the database refuses a row.
//!
//! Both forms are multipart, so that a file travels unencoded; a plain form post (pasting)
//! works too. Their body limit is `app::Limits::import_body_bytes`.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::app::AppState;
use crate::db::users::User;
use crate::i18n::{Count, Message};
use crate::import::table::{self, COLUMNS, Column};
use crate::import::{self as importer, ApplyError, Report};
use crate::records::Values;
use crate::web::error::{AppResult, error_page};
use crate::web::extract::{Staff, Unchecked};
use crate::web::{Layout, render, render_with};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/import", get(import_form).post(check_import))
        .route("/admin/import/apply", post(apply_import))
        // The limit that counts is app::limit_body's, for these paths larger than elsewhere.
        .layer(DefaultBodyLimit::disable())
}

#[derive(Template)]
#[template(path = "admin/import.html")]
struct ImportPage {
    layout: Layout,
    user: User,
    csrf_token: String,
    /// The file as text (a workbook's sheet as CSV): carried to the apply form, and put back in
    /// the box when it was pasted.
    csv: String,
    /// The sheet asked for, put back in its field.
    sheet: String,
    pasted: bool,
    /// A problem with the form or the file as a whole.
    problem: Option<Message>,
    report: Option<Report>,
    /// The report changed since the check the importer saw (apply refused, 409).
    stale: bool,
    done: Option<Done>,
}

impl ImportPage {
    async fn new(state: &AppState, staff: Staff) -> AppResult<Self> {
        Ok(ImportPage {
            layout: super::layout(state, "/admin/import"),
            csrf_token: staff.token().await?,
            user: staff.user,
            csv: String::new(),
            sheet: String::new(),
            pasted: false,
            problem: None,
            report: None,
            stale: false,
            done: None,
        })
    }

    /// The columns a file may carry, or (`computed`) those it may not, as they are derived.
    fn columns(&self, computed: bool) -> Vec<&'static str> {
        COLUMNS.iter().filter(|(_, c)| (*c == Column::Computed) == computed).map(|(name, _)| *name).collect()
    }

    /// "12 rows: 3 to add, …": the report's counts in the page's language.
    fn summary(&self) -> String {
        let Some(report) = &self.report else { return String::new() };
        let lang = self.layout.lang;
        let counts: Vec<String> =
            ["create", "update", "unchanged", "invalid"].iter().map(|k| lang.number(report.count(k))).collect();
        lang.t_count(
            "import-summary",
            report.rows.len().count(),
            &[("create", &counts[0]), ("update", &counts[1]), ("unchanged", &counts[2]), ("invalid", &counts[3])],
        )
    }

    /// What an import that was applied did.
    fn done_note(&self, done: &Done) -> String {
        let lang = self.layout.lang;
        let (created, updated, unchanged) =
            (lang.number(done.created), lang.number(done.updated), lang.number(done.unchanged));
        let note =
            lang.t_args("import-done", &[("created", &created), ("updated", &updated), ("unchanged", &unchanged)]);
        if done.held == 0 {
            return note;
        }
        format!("{note} {}", lang.t_args("import-done-held", &[("held", &lang.number(done.held))]))
    }

    fn may_publish(&self) -> bool {
        self.user.role.is_admin()
    }

    /// A value to show in the report: long texts (a biography) are cut to their beginning.
    fn short(&self, text: &str) -> String {
        const MAX: usize = 200;
        if text.chars().count() <= MAX {
            text.to_owned()
        } else {
            format!("{}…", text.chars().take(MAX).collect::<String>())
        }
    }

    fn fingerprint(&self) -> String {
        self.report.as_ref().map(Report::fingerprint).unwrap_or_default()
    }
}

/// Counts of the import just applied, shown after the redirect.
#[derive(Debug, Clone, Default)]
struct Done {
    created: usize,
    updated: usize,
    unchanged: usize,
    /// Changes that wait for review.
    held: usize,
}

async fn import_form(State(state): State<AppState>, staff: Staff, Query(query): Query<Values>) -> AppResult<Response> {
    let mut page = ImportPage::new(&state, staff).await?;
    let count = |name: &str| query.get(name)?.parse().ok();
    if let (Some(created), Some(updated), Some(unchanged)) = (count("created"), count("updated"), count("unchanged")) {
        page.done = Some(Done { created, updated, unchanged, held: count("held").unwrap_or(0) });
    }
    render(&page)
}

/// The import form as posted: a file, or pasted text, and the check's fingerprint (apply).
#[derive(Debug, Default)]
struct ImportForm {
    csv: String,
    file: Vec<u8>,
    /// Of a workbook: the sheet to read (the first when empty).
    sheet: String,
    fingerprint: String,
}

impl ImportForm {
    /// Reads a multipart or a plain form; a body that is too large is answered with 413.
    async fn read(state: &AppState, request: Request) -> Result<Unchecked<ImportForm>, Response> {
        let multipart = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        let (mut form, mut token) = (ImportForm::default(), None);
        let mut keep = |name: &str, value: String| match name {
            "csrf_token" => token = Some(value),
            "csv" => form.csv = value,
            "sheet" => form.sheet = value,
            "fingerprint" => form.fingerprint = value,
            _ => {}
        };
        let mut file = Vec::new();
        if multipart {
            let mut fields = Multipart::from_request(request, state).await.map_err(too_large_or)?;
            while let Some(field) = fields.next_field().await.map_err(too_large_or)? {
                let name = field.name().unwrap_or_default().to_owned();
                if name == "file" {
                    file = field.bytes().await.map_err(too_large_or)?.to_vec();
                } else {
                    keep(&name, field.text().await.map_err(too_large_or)?);
                }
            }
        } else {
            let axum::Form(pairs) =
                axum::Form::<Vec<(String, String)>>::from_request(request, state).await.map_err(too_large_or)?;
            for (name, value) in pairs {
                keep(&name, value);
            }
        }
        form.file = file;
        Ok(Unchecked::new(token, form))
    }

    /// The file's bytes: the file chosen, else the text pasted.
    fn bytes(&self) -> Option<(&[u8], bool)> {
        if !self.file.is_empty() {
            Some((&self.file, false))
        } else if !self.csv.trim().is_empty() {
            Some((self.csv.as_bytes(), true))
        } else {
            None
        }
    }
}

/// A body over the limit gets the friendly 413 page; other malformed forms their own answer.
fn too_large_or(rejection: impl IntoResponse) -> Response {
    let response = rejection.into_response();
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return error_page(StatusCode::PAYLOAD_TOO_LARGE, None);
    }
    response
}

/// What both posts begin with: the form read, its token checked, the file read as a table, and
/// the fingerprint of the check the importer saw (when applying), with the page to answer on;
/// or the answer already, when the form or the file cannot be read.
async fn read_table(
    state: &AppState,
    staff: Staff,
    request: Request,
) -> AppResult<Result<(ImportPage, table::Table, String), Response>> {
    let form = match ImportForm::read(state, request).await {
        Ok(form) => staff.verify(form).await?,
        Err(response) => return Ok(Err(response)),
    };
    let mut page = ImportPage::new(state, staff).await?;
    let Some((bytes, pasted)) = form.bytes() else {
        page.problem = Some(Message::new("import-problem-no-file"));
        return Ok(Err(render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)?));
    };
    page.pasted = pasted;
    page.sheet = form.sheet.trim().to_owned();
    // A workbook's sheet is read as the CSV it would be saved as; what travels on is that CSV.
    match table::workbook_as_csv(bytes, Some(&form.sheet)).and_then(|csv| Ok((table::read(&csv)?, csv))) {
        Ok((table, csv)) => {
            // Valid UTF-8 once read, and needed as text to travel to the apply form.
            page.csv = String::from_utf8_lossy(&csv).into_owned();
            Ok(Ok((page, table, form.fingerprint)))
        }
        Err(error) => {
            if pasted {
                page.csv = form.csv.clone();
            }
            page.problem = Some(Message::new("import-problem-unread").arg_message("problem", error.message()));
            Ok(Err(render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)?))
        }
    }
}

/// The dry run: what importing the file would do, row by row. Writes nothing.
async fn check_import(State(state): State<AppState>, staff: Staff, request: Request) -> AppResult<Response> {
    let (mut page, table, _) = match read_table(&state, staff, request).await? {
        Ok(read) => read,
        Err(response) => return Ok(response),
    };
    let report = importer::check(&mut *state.db.acquire().await?, &table, page.may_publish()).await?;
    let status = if report.is_valid() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page.report = Some(report);
    render_with(status, &page)
}

/// Writes a checked file: all of it in one transaction, only if the check made now is the one
/// the importer saw.
async fn apply_import(State(state): State<AppState>, staff: Staff, request: Request) -> AppResult<Response> {
    let (mut page, table, seen) = match read_table(&state, staff, request).await? {
        Ok(read) => read,
        Err(response) => return Ok(response),
    };
    let (may_publish, user_id) = (page.may_publish(), page.user.id);
    let review = state.review_edits && page.user.role == crate::accounts::Role::Editor;

    let mut tx = state.db.begin().await?;
    let mut report = importer::check(&mut tx, &table, may_publish).await?;
    if !report.is_valid() || report.fingerprint() != seen {
        tx.rollback().await?;
        let status = if report.is_valid() { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
        page.stale = true;
        page.report = Some(report);
        return render_with(status, &page);
    }
    match importer::apply(&mut tx, &report, user_id, review).await {
        Ok(applied) => {
            tx.commit().await?;
            state.cache.changes().bump();
            tracing::info!(user_id, applied.created, applied.updated, applied.unchanged, "import applied");
            let query = serde_urlencoded::to_string([
                ("created", applied.created),
                ("updated", applied.updated),
                ("unchanged", applied.unchanged),
                ("held", applied.held),
            ])
            .unwrap_or_default();
            Ok(super::redirect_to(&format!("/admin/import?{query}")).into_response())
        }
        Err(ApplyError::Refused { row, message }) => {
            tx.rollback().await?;
            report.refuse(row, message);
            page.report = Some(report);
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(ApplyError::Stale { .. } | ApplyError::Invalid(_)) => {
            tx.rollback().await?;
            // Someone saved between this check and the write: show the check as it is now.
            let report = importer::check(&mut *state.db.acquire().await?, &table, may_publish).await?;
            page.stale = true;
            page.report = Some(report);
            render_with(StatusCode::CONFLICT, &page)
        }
        Err(ApplyError::Database(error)) => Err(error.into()),
    }
}
