//! Who may see each field of each kind of record: the one place that says so.
//!
//! - **Public**: anyone, on the pages, the API, the feeds, the CSV files and the open dataset.
//! - **Restricted**: staff only (viewers, editors, admins), on the admin pages; each view is
//!   audited. Never in public output.
//! - **Internal**: staff only, like restricted, and never exported, not even in an admin backup
//!   that leaves the server unencrypted (who supplied a fact, notes about the people around a
//!   prisoner).
//!
//! A field missing here is treated as restricted, and a test checks that every field of every
//! kind's document is listed, so that a new field is classified when it is added.

use crate::domain::RecordKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Visibility {
    Public,
    Restricted,
    Internal,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Restricted => "restricted",
            Visibility::Internal => "internal",
        }
    }
}

use Visibility::{Internal, Public, Restricted};

/// The fields of each kind (as its document names them) with their visibility.
const CATALOGUE: &[(RecordKind, &[(&str, Visibility)])] = &[
    (
        RecordKind::Person,
        &[
            ("names", Public),
            ("slug", Public),
            ("publication", Public),
            ("sex", Public),
            ("born", Public),
            ("occupation", Public),
            ("region", Public),
            ("biography", Public),
            ("citizenships", Public),
            // The day an editor last checked the facts against the sources: readers weigh them by it.
            ("last_checked", Public),
            // Whether the person may be named, and why: the staff's decision, not a fact to publish.
            ("identity", Restricted),
            ("naming_basis", Restricted),
            // Who consented, when, to what: a family's decision, staff only.
            ("consent", Restricted),
            ("internal_notes", Internal),
        ],
    ),
    (
        RecordKind::Detention,
        &[
            ("country", Public),
            ("started", Public),
            ("ended", Public),
            ("facility", Public),
            ("trial_stage", Public),
            ("sentenced", Public),
            ("sentence_kind", Public),
            ("sentence_months", Public),
            ("release_mechanism", Public),
            ("wave", Public),
            ("notes", Public),
            ("charges", Public),
            ("internal_notes", Internal),
        ],
    ),
    (
        RecordKind::Event,
        &[
            ("event_kind", Public),
            ("occurred", Public),
            ("description", Public),
            // Diagnoses, treatment refused: staff only unless the family has made them public
            // (then they belong in the description).
            ("medical", Restricted),
            ("internal_notes", Internal),
        ],
    ),
    (
        RecordKind::Wave,
        &[
            ("wave_name", Public),
            ("slug", Public),
            ("publication", Public),
            ("started", Public),
            ("ended", Public),
            ("country", Public),
            ("release_mechanism", Public),
            ("location", Public),
            ("counterparty", Public),
            ("traded", Public),
            ("reported", Public),
            ("notes", Public),
            ("internal_notes", Internal),
        ],
    ),
    (
        RecordKind::Source,
        &[
            ("title", Public),
            ("slug", Public),
            ("publisher", Public),
            ("url", Public),
            ("published", Public),
            ("source_kind", Public),
            ("notes", Public),
            // The informant: never shown, never exported.
            ("received_from", Internal),
        ],
    ),
    (RecordKind::Citation, &[("source", Public), ("locator", Public)]),
    (RecordKind::Recognition, &[("organisation", Public), ("recognised", Public), ("url", Public)]),
    (
        RecordKind::Facility,
        &[("facility_name", Public), ("facility_kind", Public), ("facility_country", Public), ("location", Public)],
    ),
    (
        RecordKind::Figure,
        &[
            ("figure_country", Public),
            ("metric", Public),
            ("qualifier", Public),
            ("value", Public),
            ("as_of", Public),
            ("notes", Public),
            ("publication", Public),
        ],
    ),
    (RecordKind::Photo, &[("alt_text", Public), ("photo_credit", Public), ("photo_image", Public)]),
];

/// The visibility of `field` of `kind`, if the catalogue lists it. Translations (the texts
/// kinds) are translations of public fields and public as a whole.
pub fn listed(kind: RecordKind, field: &str) -> Option<Visibility> {
    if matches!(kind, RecordKind::PersonTexts | RecordKind::WaveTexts | RecordKind::EventTexts) {
        return Some(Public);
    }
    let (_, fields) = CATALOGUE.iter().find(|(k, _)| *k == kind)?;
    fields.iter().find(|(name, _)| *name == field).map(|(_, visibility)| *visibility)
}

/// The visibility of `field` of `kind`: restricted when the catalogue does not list it.
pub fn of(kind: RecordKind, field: &str) -> Visibility {
    listed(kind, field).unwrap_or(Restricted)
}

/// Whether anyone may see `field` of `kind`.
pub fn is_public(kind: RecordKind, field: &str) -> bool {
    of(kind, field) == Public
}

/// The fields of `kind` that are not public, in the catalogue's order.
pub fn not_public(kind: RecordKind) -> impl Iterator<Item = (&'static str, Visibility)> {
    CATALOGUE
        .iter()
        .filter(move |(k, _)| *k == kind)
        .flat_map(|(_, fields)| fields.iter().copied())
        .filter(|(_, visibility)| *visibility != Public)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlisted_fields_are_restricted_and_informants_internal() {
        assert_eq!(of(RecordKind::Person, "biography"), Public);
        assert_eq!(of(RecordKind::Person, "something_new"), Restricted);
        assert_eq!(of(RecordKind::Source, "received_from"), Internal);
        assert_eq!(of(RecordKind::Event, "medical"), Restricted);
        assert_eq!(of(RecordKind::PersonTexts, "biography_be"), Public);
        let hidden: Vec<_> = not_public(RecordKind::Event).map(|(name, _)| name).collect();
        assert_eq!(hidden, ["medical", "internal_notes"]);
    }

    #[test]
    fn each_kind_is_listed_once() {
        for (i, (kind, _)) in CATALOGUE.iter().enumerate() {
            assert!(!CATALOGUE[..i].iter().any(|(k, _)| k == kind), "{kind:?}");
        }
    }
}
