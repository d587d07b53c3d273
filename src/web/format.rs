//! Timestamps written the same in every language: to the minute in UTC on the admin pages,
//! as a day in `<time datetime>`, and in RFC 3339 in feeds, sitemaps and the API. Words,
//! numbers and dates in the reader's language are `crate::i18n::Lang`'s methods.

use time::OffsetDateTime;
use time::macros::format_description;

/// A calendar date that templates may pass by value or by reference.
pub trait AsDate {
    fn as_date(&self) -> time::Date;
}

impl AsDate for time::Date {
    fn as_date(&self) -> time::Date {
        *self
    }
}

impl<T: AsDate + ?Sized> AsDate for &T {
    fn as_date(&self) -> time::Date {
        (**self).as_date()
    }
}

/// A timestamp to the minute in UTC: `2025-02-12 14:05 UTC`.
pub fn moment(at: &OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(format_description!("[year]-[month]-[day] [hour]:[minute] UTC"))
        .unwrap_or_default()
}

/// A timestamp as a calendar day in UTC: `2025-02-12`.
pub fn day(at: &OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC).format(format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

/// A timestamp as Atom and sitemaps want it (RFC 3339, UTC): `2025-02-12T14:05:09Z`.
pub fn rfc3339(at: &OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .unwrap_or(*at)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
