//! The search key: one spelling-independent form of a name, for stored names and for queries.
//!
//! A Belarusian name reaches readers as Belarusian Cyrillic (Кузнечык), Russian Cyrillic
//! (Кузнечик), the press's romanisation (Kuznechyk), a passport's (Kuznechik) or the national
//! system's (Kuzniečyk). [`name_tokens`] turns each of them into the same tokens, so that search
//! compares like with like; the database then tolerates the remaining small differences with
//! trigram similarity over a dictionary of these tokens.
//!
//! The folding, in order:
//! 1. lower-case; Cyrillic letters to Latin by one table for Belarusian and Russian together
//!    (г and ґ read h, so Belarusian Ігар and Russian Игорь meet);
//! 2. Latin diacritics of the national systems to digraphs (č → ch, ŭ → u, ĺ → l, ł → l);
//! 3. digraphs to single letters (shch, sch → s; zh → z; sh → s; ch → c; kh → h; ts, tz → c;
//!    x → ks; w → v) and g → h;
//! 4. j → y; iotated vowels lose their glide (ya, ia → a; ye, ie → e; yu, iu → u; yo, io → o);
//!    then y → i, and u after a vowel → v (Belarusian ў where Russian has в);
//! 5. o → a (Belarusian writes the unstressed o of Russian as a: Кавалёў / Ковалёв);
//! 6. doubled letters collapse (Юрий → yurii → uri, like Yury → uri).
//!
//! Differences in the vowels themselves (Бяляцкі / Беляцкий, Зянковіч / Зенкович) and in the
//! national system's ch (= х) remain: trigram similarity in the database bridges them.
//!
//! The result is a search key, not a spelling: it is never shown.

/// The tokens of a name or a query, each folded to its key. Words shorter than two letters
/// after folding are dropped (initials carry no weight in a fuzzy match).
pub fn name_tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c)))
        .map(fold_word)
        .filter(|token| token.chars().count() >= 2)
        .collect();
    let mut seen = std::collections::HashSet::new();
    tokens.retain(|t| seen.insert(t.clone()));
    tokens
}

/// The key of a whole name: its tokens joined by spaces.
pub fn name_key(text: &str) -> String {
    name_tokens(text).join(" ")
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn fold_word(word: &str) -> String {
    let mut latin = String::with_capacity(word.len() * 2);
    for c in word.chars().flat_map(char::to_lowercase) {
        latin.push_str(letter(c));
    }
    for (from, to) in DIGRAPHS {
        if latin.contains(from) {
            latin = latin.replace(from, to);
        }
    }
    let mut letters: Vec<char> = latin.chars().map(|c| if c == 'j' { 'y' } else { c }).collect();
    // The glide of an iotated vowel (ya, ia, ye, ie, yu, iu, yo, io): drop the y or i before a
    // vowel, until none is left ("anastasiya" and "anastasia" both end as "anastasa").
    loop {
        let before = letters.len();
        let mut kept = Vec::with_capacity(before);
        for (i, &c) in letters.iter().enumerate() {
            let glide = matches!(c, 'y' | 'i') && letters.get(i + 1).is_some_and(|n| "aeou".contains(*n));
            if !glide {
                kept.push(c);
            }
        }
        letters = kept;
        if letters.len() == before {
            break;
        }
    }
    let mut key = String::with_capacity(letters.len());
    let mut previous: Option<char> = None;
    for c in letters {
        let c = match c {
            'y' => 'i',
            'g' => 'h',
            'w' => 'v',
            // Belarusian ў after a vowel stands where Russian has в: Кавалёў / Ковалёв.
            'u' if previous.is_some_and(|p| "aeiou".contains(p)) => 'v',
            other => other,
        };
        previous = Some(c);
        let c = if c == 'o' { 'a' } else { c };
        if key.ends_with(c) {
            continue;
        }
        key.push(c);
    }
    key
}

/// Longest first, so that `shch` is folded before `sh` and `ch`.
const DIGRAPHS: [(&str, &str); 9] = [
    ("shch", "s"),
    ("sch", "s"),
    ("zh", "z"),
    ("sh", "s"),
    ("ch", "c"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("x", "ks"),
];

/// One Latin rendering per letter, for Belarusian and Russian Cyrillic and the diacritics of
/// the Latin systems. Anything else (digits, other scripts) passes through unchanged.
fn letter(c: char) -> &'static str {
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "h",
        'д' => "d",
        'е' | 'э' | 'є' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ї' | 'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        'ь' | 'ъ' | '\'' | '\u{2019}' | '\u{02BC}' => "",
        'č' | 'ć' => "ch",
        'š' | 'ś' => "sh",
        'ž' | 'ź' => "zh",
        'ŭ' | 'ú' | 'ü' => "u",
        'ĺ' | 'ł' => "l",
        'ń' => "n",
        'á' | 'ä' => "a",
        'é' | 'ë' => "e",
        'í' => "i",
        'ó' | 'ö' => "o",
        'ý' => "y",
        _ => {
            // Latin letters and digits stand for themselves; everything else is dropped.
            const ASCII: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
            match ASCII.find(c) {
                Some(i) => &ASCII[i..i + 1],
                None => "",
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real spelling variants of the same names, as they appear in the press, in passports and
    /// in Belarusian and Russian Cyrillic. Every spelling on a line must give the same key.
    const VARIANTS: &[(&str, &[&str])] = &[
        ("Kuznechyk", &["Кузнечык", "Кузнечик", "Kuznechyk", "Kuznechik", "Kuzniečyk", "KUZNECHIK"]),
        ("Andrey", &["Андрэй", "Андрей", "Andrey", "Andrei", "Andrej"]),
        ("Ihar", &["Ігар", "Игорь", "Ihar", "Igor"]),
        ("Losik", &["Лосік", "Лосик", "Losik"]),
        ("Karney", &["Карней", "Karney", "Karnei", "Karniej"]),
        ("Yuri", &["Юрый", "Юрий", "Yuri", "Yury", "Iurii", "Jury"]),
        ("Shugayev", &["Шугаев", "Shugayev", "Shugaev"]),
        ("Nikolai", &["Николай", "Nikolai", "Nikolay"]),
        ("Movshuk", &["Мовшук", "Movshuk"]),
        ("Yelena", &["Елена", "Yelena", "Elena", "Jelena"]),
        ("Anastasia", &["Анастасия", "Anastasia", "Anastasiya", "Anastasija"]),
        ("Bialiatski", &["Бяляцкі", "Bialiatski", "Byalyatski", "Bialiacki", "Bjaljacki"]),
        ("Kavalyow", &["Кавалёў", "Ковалёв", "Kavalyow", "Kavalioŭ", "Kovalyov"]),
        ("Tsikhanouskaya", &["Ціханоўская", "Tsikhanouskaya", "Tsikhanouskaia"]),
        ("Tikhanovskaya", &["Тихановская", "Tikhanovskaya", "Tikhanovskaia"]),
    ];

    #[test]
    fn every_spelling_of_a_name_gives_the_same_key() {
        for (name, spellings) in VARIANTS {
            let keys: Vec<String> = spellings.iter().map(|s| name_key(s)).collect();
            for (spelling, key) in spellings.iter().zip(&keys) {
                assert_eq!(key, &keys[0], "{name}: {spelling} gives {key}, {} gives {}", spellings[0], keys[0]);
            }
        }
    }

    #[test]
    fn names_split_into_tokens_and_drop_noise() {
        assert_eq!(name_tokens("Андрэй Кузнечык"), ["andrei", "kuznecik"]);
        assert_eq!(name_tokens("  Ihar   LOSIK, "), ["ihar", "lasik"]);
        assert_eq!(name_tokens("Losik-Karney"), ["lasik", "karnei"]);
        assert_eq!(name_tokens("I. Losik"), ["lasik"], "initials are dropped");
        assert_eq!(name_tokens("Losik Losik"), ["lasik"], "repeats are dropped");
        assert!(name_tokens("").is_empty());
        assert!(name_tokens("<script>alert(1)</script>").iter().all(|t| t.chars().all(|c| c.is_ascii_alphanumeric())));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Names in the scripts and romanisations the folding knows, and anything else.
        fn name_like() -> impl Strategy<Value = String> {
            prop_oneof![
                "[А-Яа-яЁёІіЎўҐґЄєЇї' -]{0,30}",
                "[A-Za-zčćšśžźŭúüĺłńáäéëíóöý' -]{0,30}",
                "\\PC{0,30}",
                any::<String>(),
            ]
        }

        proptest! {
            #![proptest_config(crate::testing::proptest_config(512))]

            /// What the database's token tables and trigram dictionary rely on.
            #[test]
            fn tokens_are_distinct_lowercase_ascii_words_of_two_letters_or_more(text in name_like()) {
                let tokens = name_tokens(&text);
                for token in &tokens {
                    prop_assert!(token.len() >= 2, "{:?} from {:?}", token, text);
                    prop_assert!(token.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{:?}", token);
                }
                let distinct: std::collections::HashSet<&String> = tokens.iter().collect();
                prop_assert_eq!(distinct.len(), tokens.len());
                prop_assert_eq!(name_key(&text), tokens.join(" "));
            }

            /// A query is folded as the stored name was: case and the punctuation between
            /// words make no difference. (Folding is not idempotent, and need not be: "сх"
            /// folds to "sh", which would fold to "s"; keys are never folded twice.)
            #[test]
            fn case_and_separators_do_not_change_the_key(words in prop::collection::vec("\\PC{1,12}", 1..4)) {
                let spaced = words.join(" ");
                prop_assert_eq!(name_key(&spaced.to_ascii_uppercase()), name_key(&spaced), "{:?}", spaced);
                prop_assert_eq!(name_key(&words.join(", ")), name_key(&spaced));
                prop_assert_eq!(name_key(&format!("  {spaced}. ")), name_key(&spaced));
            }

        }
    }
}
