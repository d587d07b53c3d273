//! The error summary at the top of a refused form: one heading, then one link for each field or
//! block that needs attention (a field's mistake, a version saved meanwhile, a name like a
//! recorded person's). Every refused form has exactly one, built here and drawn by
//! `error_summary` in `admin/form_parts.html`, which focuses it when the page loads so that a
//! screen reader announces it like any error.

use crate::i18n::{Lang, Message};

use crate::records::FieldErrors;

/// One line of the summary: what needs attention, and the id of the element it links to.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub target: String,
    pub text: String,
}

/// The lines of a refused form's summary, in the page's language. Empty when nothing was refused.
#[derive(Debug, Clone)]
pub(crate) struct ErrorSummary {
    lang: Lang,
    problems: Vec<Problem>,
}

/// The id of the conflict block's heading on every form page.
const CONFLICT_TARGET: &str = "conflict-heading";
/// The id of the likely-duplicate block's heading on the person form.
const LOOKALIKES_TARGET: &str = "lookalikes-heading";

impl ErrorSummary {
    pub(crate) fn new(lang: Lang) -> Self {
        ErrorSummary { lang, problems: Vec::new() }
    }

    /// A version saved meanwhile: nothing was lost, the differences are shown below.
    pub(crate) fn conflict(self, shown: bool) -> Self {
        self.block(shown, CONFLICT_TARGET, &Message::new("error-summary-conflict"))
    }

    /// People like the one being added: open one, or confirm that this is someone else.
    pub(crate) fn lookalikes(self, shown: bool) -> Self {
        self.block(shown, LOOKALIKES_TARGET, &Message::new("error-summary-lookalikes"))
    }

    /// A block of the page, named by the id of its heading.
    pub(crate) fn block(mut self, shown: bool, target: &str, message: &Message) -> Self {
        if shown {
            self.problems.push(Problem { target: target.to_owned(), text: self.lang.message(message) });
        }
        self
    }

    /// Each field's mistake, linked to the field (whose id is its name), in the order in which
    /// `order` names the fields (a repeated row's fields, `name_0`, `name_1`, by their stem
    /// `name`), then the rest.
    pub(crate) fn fields(mut self, errors: &FieldErrors, order: &[&str]) -> Self {
        let rank = |field: &str| {
            let (stem, row) = match field.rsplit_once('_').map(|(stem, row)| (stem, row.parse::<usize>())) {
                Some((stem, Ok(row))) => (stem, row),
                _ => (field, 0),
            };
            (order.iter().position(|f| *f == stem).unwrap_or(order.len()), row)
        };
        let mut fields: Vec<(&String, &Message)> = errors.iter().collect();
        fields.sort_by_key(|(field, _)| rank(field));
        for (field, message) in fields {
            self.problems.push(Problem { target: field.clone(), text: self.lang.message(message) });
        }
        self
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    pub(crate) fn len(&self) -> usize {
        self.problems.len()
    }

    pub(crate) fn problems(&self) -> &[Problem] {
        &self.problems
    }
}
