//! Types with invariants, shared by the database layer, the pages and the seeders; and the plain
//! values more than one layer passes around (a wave as listed, the counts the charts draw).
//! Nothing here imports `db`, `web` or `i18n`.

pub mod chart_filter;
pub mod country;
pub mod counts;
pub mod partial_date;
pub mod record_kind;
pub mod role;
pub mod sentence;
pub mod slug;
pub mod text;
pub mod translit;
pub mod visibility;
pub mod wave;

pub use country::Country;
pub use partial_date::{PartialDate, PartialDateError, Precision};
pub use record_kind::RecordKind;
pub use role::Role;
pub use slug::Slug;
pub use wave::WaveSummary;

use serde::{Deserialize, Serialize};

/// Declares an enum that mirrors a PostgreSQL enum type, with its database and JSON spelling.
/// `as_str` gives the stable key that templates map to translated labels.
macro_rules! pg_enum {
    ($(#[$meta:meta])* $name:ident = $pg:literal { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type, Serialize, Deserialize)]
        #[sqlx(type_name = $pg)]
        pub enum $name {
            $(
                #[sqlx(rename = $key)]
                #[serde(rename = $key)]
                $variant,
            )+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every key, in declaration order (the options of a select field).
            pub const KEYS: &'static [&'static str] = &[$($key),+];

            /// The variant with this key.
            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == key)
            }

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pg_enum! {
    /// Where a person stands now, derived from their detentions by the database.
    PersonStatus = "person_status" {
        AwaitingTrial => "awaiting_trial",
        ServingSentence => "serving_sentence",
        InCustody => "in_custody",
        Released => "released",
        DiedInCustody => "died_in_custody",
        Unknown => "unknown",
    }
}

pg_enum! {
    /// How a detention ended.
    ReleaseMechanism = "release_mechanism" {
        Pardon => "pardon",
        Amnesty => "amnesty",
        SentenceServed => "sentence_served",
        Exchange => "exchange",
        ReleaseToForeignGovernment => "release_to_foreign_government",
        Deportation => "deportation",
        CourtDecision => "court_decision",
        DeathInCustody => "death_in_custody",
        Other => "other",
    }
}

pg_enum! {
    Sex = "sex" { Female => "female", Male => "male", Other => "other" }
}

pg_enum! {
    /// A `withheld` person counts in every public number but is never shown: no name, address
    /// or detail of theirs leaves the admin area (`people.public` is false for them).
    PersonIdentity = "person_identity" { Named => "named", Withheld => "withheld" }
}

pg_enum! {
    /// Why a named person may be published: the facts were already public in the cited
    /// sources, or someone consented.
    NamingBasis = "naming_basis" { PublicSources => "public_sources", Consent => "consent" }
}

pg_enum! {
    /// Who consented to a person being named.
    ConsentGiver = "consent_giver" { Person => "person", Family => "family", Lawyer => "lawyer" }
}

pg_enum! {
    /// `Primary` is the name shown on a page in that language; at most one per language.
    NameKind = "name_kind" {
        Primary => "primary",
        Transliteration => "transliteration",
        Alias => "alias",
        Former => "former",
    }
}

pg_enum! {
    PublicationState = "publication_state" { Draft => "draft", Published => "published" }
}

pg_enum! {
    TrialStage = "trial_stage" { AwaitingTrial => "awaiting_trial", Convicted => "convicted" }
}

pg_enum! {
    SentenceKind = "sentence_kind" {
        Imprisonment => "imprisonment",
        RestrictedFreedom => "restricted_freedom",
        HomeConfinement => "home_confinement",
        Fine => "fine",
        CompulsoryTreatment => "compulsory_treatment",
        LifeImprisonment => "life_imprisonment",
        DeathPenalty => "death_penalty",
        Other => "other",
    }
}

pg_enum! {
    EventKind = "event_kind" {
        Arrest => "arrest",
        Charge => "charge",
        Trial => "trial",
        Verdict => "verdict",
        Appeal => "appeal",
        Transfer => "transfer",
        HungerStrike => "hunger_strike",
        MediaAppearance => "media_appearance",
        Recognition => "recognition",
        Release => "release",
        ReArrest => "re_arrest",
        Death => "death",
        Other => "other",
    }
}

pg_enum! {
    FacilityKind = "facility_kind" {
        TemporaryDetention => "temporary_detention",
        PretrialDetentionCentre => "pretrial_detention_centre",
        Prison => "prison",
        PenalColony => "penal_colony",
        PsychiatricHospital => "psychiatric_hospital",
        PoliceStation => "police_station",
        Other => "other",
    }
}

pg_enum! {
    SourceKind = "source_kind" {
        NewsArticle => "news_article",
        Analysis => "analysis",
        Report => "report",
        OfficialStatement => "official_statement",
        CourtDocument => "court_document",
        SocialMedia => "social_media",
        Interview => "interview",
        Database => "database",
        Other => "other",
    }
}

pg_enum! {
    /// How exact a reported number is: "more than 200", "about 50".
    CountQualifier = "count_qualifier" {
        Exactly => "exactly",
        About => "about",
        AtLeast => "at_least",
        MoreThan => "more_than",
        UpTo => "up_to",
        FewerThan => "fewer_than",
    }
}

pg_enum! {
    FigureMetric = "figure_metric" {
        PrisonersHeld => "prisoners_held",
        PrisonersReleased => "prisoners_released",
        Arrests => "arrests",
    }
}
