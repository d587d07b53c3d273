//! The kinds of record that admins edit and revisions remember, each spelled once: its key (the
//! `record_type` of its revisions, and the query parameter that names it to the citation form),
//! the part of admin addresses after `/admin/`, and its table.

use serde::{Deserialize, Serialize};

/// A kind of record. Stored as its key (`revisions.record_type`, a text column whose CHECK
/// constraint lists the same keys: a test compares the two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type, Serialize, Deserialize)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Person,
    Detention,
    Event,
    Wave,
    Source,
    Citation,
    Recognition,
    Facility,
    Figure,
    Photo,
    PersonTexts,
    WaveTexts,
    EventTexts,
}

impl RecordKind {
    pub const ALL: [RecordKind; 13] = [
        RecordKind::Person,
        RecordKind::Detention,
        RecordKind::Event,
        RecordKind::Wave,
        RecordKind::Source,
        RecordKind::Citation,
        RecordKind::Recognition,
        RecordKind::Facility,
        RecordKind::Figure,
        RecordKind::Photo,
        RecordKind::PersonTexts,
        RecordKind::WaveTexts,
        RecordKind::EventTexts,
    ];

    /// `person`, `person_texts`: how revisions store the kind, and the parameter that names a
    /// record of it (`?detention=5`).
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Person => "person",
            RecordKind::Detention => "detention",
            RecordKind::Event => "event",
            RecordKind::Wave => "wave",
            RecordKind::Source => "source",
            RecordKind::Citation => "citation",
            RecordKind::Recognition => "recognition",
            RecordKind::Facility => "facility",
            RecordKind::Figure => "figure",
            RecordKind::Photo => "photo",
            RecordKind::PersonTexts => "person_texts",
            RecordKind::WaveTexts => "wave_texts",
            RecordKind::EventTexts => "event_texts",
        }
    }

    /// The part of admin addresses after `/admin/` under which records of the kind are edited:
    /// `people` for a person, and for a person's photo or texts too, which belong to them.
    pub fn path(self) -> &'static str {
        match self {
            RecordKind::Person | RecordKind::Photo | RecordKind::PersonTexts => "people",
            RecordKind::Detention => "detentions",
            RecordKind::Event | RecordKind::EventTexts => "events",
            RecordKind::Wave | RecordKind::WaveTexts => "waves",
            RecordKind::Source => "sources",
            RecordKind::Citation => "citations",
            RecordKind::Recognition => "recognitions",
            RecordKind::Facility => "facilities",
            RecordKind::Figure => "figures",
        }
    }

    /// The name of a message about records of this kind, `prefix-path` (`record-add-sources`):
    /// each kind has its own messages, since Belarusian and Russian decline the record's name
    /// differently in each sentence.
    pub fn message(self, prefix: &str) -> String {
        format!("{prefix}-{}", self.path())
    }

    /// Whether an old version of such a record can be restored from its history: not a photo,
    /// whose image revisions do not keep, nor translations, which their page saves again.
    pub fn restorable(self) -> bool {
        !matches!(self, RecordKind::Photo | RecordKind::PersonTexts | RecordKind::WaveTexts | RecordKind::EventTexts)
    }

    /// The table that holds records of the kind.
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Person => "people",
            RecordKind::Detention => "detentions",
            RecordKind::Event => "events",
            RecordKind::Wave => "waves",
            RecordKind::Source => "sources",
            RecordKind::Citation => "citations",
            RecordKind::Recognition => "recognitions",
            RecordKind::Facility => "facilities",
            RecordKind::Figure => "reported_figures",
            RecordKind::Photo => "photos",
            RecordKind::PersonTexts => "person_texts",
            RecordKind::WaveTexts => "wave_texts",
            RecordKind::EventTexts => "event_texts",
        }
    }
}

impl std::fmt::Display for RecordKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_and_serde_spells_them_the_same() {
        for kind in RecordKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.key());
            assert_eq!(serde_json::from_value::<RecordKind>(kind.key().into()).unwrap(), kind);
        }
        assert!(serde_json::from_value::<RecordKind>("facilitie".into()).is_err());
    }
}
