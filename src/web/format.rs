//! Small formatting helpers the templates call. Words stay in the templates; these only
//! format numbers and dates.

use time::OffsetDateTime;
use time::macros::format_description;

/// A whole number that templates may format, by value or by reference.
pub use crate::i18n::Count;

/// Whether a count takes the singular in English. (Belarusian and Russian plurals will need
/// more than this; see the translation issue.)
pub fn is_one(n: impl Count) -> bool {
    n.count() == 1
}

/// `1200` → `1,200`.
pub fn thousands(n: impl Count) -> String {
    let n = n.count();
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

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

/// The month of a date as a number, 1 to 12, for the month-name labels in the templates.
pub fn month_number(date: impl AsDate) -> u8 {
    date.as_date().month() as u8
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

#[cfg(test)]
mod tests {
    #[test]
    fn groups_thousands() {
        for (n, shown) in [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (1200, "1,200"),
            (1234567, "1,234,567"),
            (-4200, "-4,200"),
        ] {
            assert_eq!(super::thousands(n), shown);
        }
    }
}
