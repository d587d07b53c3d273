//! The readable, permanent part of a public URL: `/prisoners/andrey-kuznechyk`.

use std::fmt;
use std::str::FromStr;

/// Lower-case ASCII letters and digits in words joined by single hyphens, at most 120 bytes.
/// The database checks the same rule (`slug_ok`); this type lets handlers refuse a bad slug
/// before asking the database.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

pub const MAX_LEN: usize = 120;

/// A text that is not a slug. Its words (`message`, `Display`) are in `i18n::refusals`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidSlug;

impl Slug {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Lower-case ASCII words joined by hyphens, Latin diacritics folded, Cyrillic romanised:
    /// `Pardon of 23 people 2024-07-03` → `pardon-of-23-people-2024-07-03`.
    pub fn from_text(text: &str) -> Option<Slug> {
        let romanised = super::translit::belarusian_bgn(text);
        let mut slug = String::new();
        for c in romanised.chars().flat_map(char::to_lowercase) {
            let c = match c {
                'á' | 'à' | 'ä' | 'â' | 'ą' => 'a',
                'č' | 'ć' | 'ç' => 'c',
                'é' | 'è' | 'ë' | 'ê' | 'ę' | 'ė' => 'e',
                'í' | 'ï' | 'î' => 'i',
                'ł' => 'l',
                'ń' | 'ñ' => 'n',
                'ó' | 'ö' | 'ô' => 'o',
                'š' | 'ś' => 's',
                'ú' | 'ü' | 'û' | 'ŭ' | 'ū' => 'u',
                'ž' | 'ź' | 'ż' => 'z',
                c => c,
            };
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        slug.truncate(100);
        slug.trim_end_matches('-').parse().ok()
    }
}

impl FromStr for Slug {
    type Err = InvalidSlug;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let words_ok = text
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        if words_ok && text.len() <= MAX_LEN { Ok(Slug(text.to_owned())) } else { Err(InvalidSlug) }
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_lower_case_hyphenated_words() {
        for good in ["andrey-kuznechyk", "handover-2025-02-12-vilnius", "a", "x1"] {
            assert!(good.parse::<Slug>().is_ok(), "{good}");
        }
        let too_long = "a".repeat(MAX_LEN + 1);
        for bad in ["", "-a", "a-", "a--b", "A-b", "a_b", "кузнечык", "a/b", "..", too_long.as_str()] {
            assert!(bad.parse::<Slug>().is_err(), "{bad}");
        }
    }
}
