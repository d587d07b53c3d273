//! Plural categories, computed here rather than by Fluent: `intl_pluralrules` 7.0.2 puts
//! Belarusian 22–24, 32–34, 102… in "many" ("23 палітвязняў" for "23 палітвязні").
//!
//! Only whole numbers are counted on the site. For them CLDR's rules for Belarusian and Russian
//! are the same: `one` ends in 1 but not 11; `few` ends in 2–4 but not 12–14; `many` the rest.

use super::Lang;

/// The CLDR plural category of the whole number `n` in `lang`: `one`, `few`, `many` or `other`.
pub fn plural(lang: Lang, n: i64) -> &'static str {
    match lang {
        Lang::En => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
        Lang::Be | Lang::Ru => {
            let n = n.unsigned_abs();
            let (last, last_two) = (n % 10, n % 100);
            if last == 1 && last_two != 11 {
                "one"
            } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                "few"
            } else {
                "many"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn belarusian_and_russian_categories() {
        for (n, category) in [
            (0, "many"),
            (1, "one"),
            (2, "few"),
            (4, "few"),
            (5, "many"),
            (11, "many"),
            (12, "many"),
            (14, "many"),
            (21, "one"),
            (22, "few"),
            (25, "many"),
            (101, "one"),
            (102, "few"),
            (111, "many"),
            (112, "many"),
            (1_000_001, "one"),
        ] {
            assert_eq!(plural(Lang::Be, n), category, "be {n}");
            assert_eq!(plural(Lang::Ru, n), category, "ru {n}");
        }
    }

    #[test]
    fn english_categories() {
        for (n, category) in [(0, "other"), (1, "one"), (2, "other"), (21, "other"), (101, "other")] {
            assert_eq!(plural(Lang::En, n), category, "en {n}");
        }
    }
}
