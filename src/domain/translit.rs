//! Cyrillic → Latin spellings of Belarusian and Russian names.
//!
//! One person is written several ways in Latin script: the English-language press romanises the
//! Belarusian form (Ihar Losik), Belarusian documents use the national system (Ihar Losik,
//! Kuzniečyk), and a Russian-language passport carries the ICAO form of the Russian name (Igor
//! Losik). The synthetic generator stores all of them as names of a person, and search folds a
//! query through the same functions, so the tables live in one place.
//!
//! All three functions keep characters that are not Cyrillic (spaces, hyphens, digits, Latin
//! letters) as they are, follow the capitalisation of the source (Кузнечык → Kuznechyk,
//! ЛОСІК → LOSIK), and drop the Belarusian apostrophe between two letters, as every one of the
//! systems does. Letters foreign to the language (и in Belarusian, і in Russian) get their usual
//! reading rather than passing through in Cyrillic, because names are often typed with the
//! neighbouring keyboard layout.
//!
//! [`language_of`] reads the other way: which language a name typed without one is in, from
//! its letters.

/// Belarusian in the BGN/PCGN (1979) system, as the English-language press writes it.
///
/// г → h, ў → w, і → i, ы → y, й → y, х → kh, ц → ts, ч → ch, ш → sh, ж → zh, ё → yo, ю → yu,
/// я → ya; the soft sign and the apostrophe are dropped.
///
/// Two departures from the strict table, both to match the spellings readers see and type:
/// - е is `ye` at the start of a word and after a vowel, й, ў or a soft sign, but `e` after a
///   consonant (Кузнечык → Kuznechyk; strict BGN writes Kuznyechyk, as in Byelarus).
/// - a word ending in ый drops the second y (Юрый → Yury, Дзмітрый → Dzmitry; strict BGN gives
///   Yuryy).
pub fn belarusian_bgn(text: &str) -> String {
    transliterate(text, Scheme::BelarusianBgn)
}

/// Belarusian in the national system (Instruction on transliteration, 2007; adopted by the UN
/// for geographical names), with its diacritics: Кузнечык → Kuzniečyk, Вольга → Voĺha.
///
/// г → h, ў → ŭ, х → ch, ц → c, ч → č, ш → š, ж → ž, й → j, ы → y. е, ё, ю, я are je, jo, ju, ja
/// at the start of a word and after a vowel, the apostrophe, a separating soft sign or ў, and
/// ie, io, iu, ia after a consonant. The soft sign puts an acute on the consonant before it
/// (ль → ĺ, нь → ń, сь → ś, зь → ź, ць → ć) and is dropped after any other letter.
pub fn belarusian_national(text: &str) -> String {
    transliterate(text, Scheme::BelarusianNational)
}

/// Russian as in a Russian international passport since 2013 (ICAO Doc 9303): Андрей Кузнечик →
/// Andrei Kuznechik, Игорь Лосик → Igor Losik.
///
/// е and ё → e, й → i, ж → zh, х → kh, ц → ts, ч → ch, ш → sh, щ → shch, ъ → ie, ы → y, ь is
/// dropped, э → e, ю → iu, я → ia. The Belarusian і and ў read i and u, as the ICAO table has them.
pub fn russian_passport(text: &str) -> String {
    transliterate(text, Scheme::RussianPassport)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    BelarusianBgn,
    BelarusianNational,
    RussianPassport,
}

const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{02BC}'];

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Whether `prev` (the source character before an iotated vowel) is a consonant. At the start of
/// a word, after a vowel, й, ў, a soft or hard sign or an apostrophe, the vowel starts with its
/// y/j sound and is written with it.
fn after_consonant(prev: Option<char>) -> bool {
    match prev.map(lower) {
        Some(c) if is_cyrillic(c) => !"аеёіїоуыэюяиєйўьъ".contains(c),
        _ => false,
    }
}

/// The context a letter is read in: the source letters around it, lower-cased.
#[derive(Debug, Clone, Copy)]
struct Around {
    prev: Option<char>,
    next_is_letter: bool,
}

fn bgn(c: char, at: Around) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "h",
        'ґ' => "g",
        'д' => "d",
        'е' if after_consonant(at.prev) => "e",
        'е' | 'є' => "ye",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'і' | 'и' => "i",
        'ї' => "yi",
        'й' if at.prev == Some('ы') && !at.next_is_letter => "",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ў' => "w",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

fn national(c: char, at: Around) -> Option<&'static str> {
    let soft = after_consonant(at.prev);
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "h",
        'ґ' => "g",
        'д' => "d",
        'е' | 'є' => iotated(soft, "ie", "je"),
        'ё' => iotated(soft, "io", "jo"),
        'ж' => "ž",
        'з' => "z",
        'і' | 'и' => "i",
        'ї' => "ji",
        'й' => "j",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ў' => "ŭ",
        'ф' => "f",
        'х' => "ch",
        'ц' => "c",
        'ч' => "č",
        'ш' => "š",
        'щ' => "šč",
        // The soft sign is handled by `soften`; the hard sign is not Belarusian.
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => iotated(soft, "iu", "ju"),
        'я' => iotated(soft, "ia", "ja"),
        _ => return None,
    })
}

fn iotated(after_consonant: bool, soft: &'static str, initial: &'static str) -> &'static str {
    if after_consonant { soft } else { initial }
}

fn passport(c: char, _at: Around) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'є' => "ie",
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
        'ъ' => "ie",
        'ь' => "",
        'ы' => "y",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

/// The national system's soft sign: an acute on the consonant written just before.
fn soften(latin: char) -> Option<char> {
    Some(match latin {
        'l' => 'ĺ',
        'n' => 'ń',
        's' => 'ś',
        'z' => 'ź',
        'c' => 'ć',
        'L' => 'Ĺ',
        'N' => 'Ń',
        'S' => 'Ś',
        'Z' => 'Ź',
        'C' => 'Ć',
        _ => return None,
    })
}

fn transliterate(text: &str, scheme: Scheme) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let between_letters = prev.is_some_and(is_cyrillic) && next.is_some_and(is_cyrillic);
        if APOSTROPHES.contains(&c) && between_letters {
            continue;
        }
        let small = lower(c);
        let at = Around { prev: prev.map(lower), next_is_letter: next.is_some_and(char::is_alphabetic) };
        let latin = match scheme {
            Scheme::BelarusianBgn => bgn(small, at),
            Scheme::BelarusianNational => national(small, at),
            Scheme::RussianPassport => passport(small, at),
        };
        let Some(latin) = latin else {
            out.push(c);
            continue;
        };
        if scheme == Scheme::BelarusianNational && small == 'ь' {
            // Only the consonants Belarusian softens take the acute; the table has no other use
            // for the soft sign.
            if prev.map(lower).is_some_and(|p| "лнсзц".contains(p))
                && let Some(softened) = out.chars().last().and_then(soften)
            {
                out.pop();
                out.push(softened);
            }
            continue;
        }
        push_cased(&mut out, latin, c, prev, next);
    }
    out
}

/// Writes `latin` in the case of the source letter `c`: lower, Title (Жук → Zhuk) or, inside a
/// word written in capitals, UPPER (ЖУК → ZHUK).
fn push_cased(out: &mut String, latin: &str, c: char, prev: Option<char>, next: Option<char>) {
    if !c.is_uppercase() {
        out.push_str(latin);
        return;
    }
    let next_upper = next.is_some_and(char::is_uppercase);
    let word_ends = !next.is_some_and(char::is_alphabetic);
    let all_caps = next_upper || (word_ends && prev.is_some_and(char::is_uppercase));
    if all_caps {
        out.extend(latin.chars().flat_map(char::to_uppercase));
    } else {
        let mut letters = latin.chars();
        if let Some(first) = letters.next() {
            out.extend(first.to_uppercase());
            out.push_str(letters.as_str());
        }
    }
}

/// The language a name left without one is taken to be in, from its letters: Latin is the
/// English spelling (what English pages show); Cyrillic with a letter only Belarusian has (і, ў)
/// is Belarusian, with one only Russian has (и, щ, ъ) Russian, and otherwise Belarusian when an
/// э follows a consonant (Тэставы: Russian writes е there), else Russian; other scripts stay
/// without a language. So a name row left on "automatic" never leaves the English page showing
/// the person in Cyrillic.
pub fn language_of(name: &str) -> Option<String> {
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    let cyrillic = |c: char| ('\u{0400}'..='\u{04FF}').contains(&c);
    let lower: Vec<char> = name.to_lowercase().chars().collect();
    let has = |set: &[char]| lower.iter().any(|c| set.contains(c));
    let e_after_consonant = lower.windows(2).any(|w| w[1] == 'э' && cyrillic(w[0]) && !"аеёиоуыэюяіў".contains(w[0]));
    let lang = if letters().any(cyrillic) {
        if has(&['і', 'ў']) {
            "be"
        } else if has(&['и', 'щ', 'ъ']) {
            "ru"
        } else if e_after_consonant {
            "be"
        } else {
            "ru"
        }
    } else if letters().next().is_some()
        && letters().all(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c))
    {
        "en"
    } else {
        return None;
    };
    Some(lang.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (Cyrillic, expected, why the case is here)
    type Cases = [(&'static str, &'static str, &'static str)];

    fn check(f: fn(&str) -> String, cases: &Cases) {
        for (cyrillic, expected, why) in cases {
            assert_eq!(f(cyrillic), *expected, "{why}: {cyrillic}");
        }
    }

    #[test]
    fn belarusian_bgn_gives_the_press_spelling() {
        check(
            belarusian_bgn,
            &[
                ("Андрэй Кузнечык", "Andrey Kuznechyk", "э → e, й → y, е after a consonant → e"),
                ("Кузнечык", "Kuznechyk", "the surname alone"),
                ("Ігар Лосік", "Ihar Losik", "г → h, і → i"),
                ("Карней", "Karney", "е after a consonant, й → y"),
                ("Юрый Зянковіч", "Yury Zyankovich", "final ый → y as the press writes it; я → ya"),
                ("Дзмітрый", "Dzmitry", "дз is d + z"),
                ("Яўген", "Yawhen", "ў → w, г → h"),
                ("Алена", "Alena", "a plain name"),
                ("Вольга", "Volha", "the soft sign is dropped"),
                ("Ельск", "Yelsk", "е at the start of a word → ye"),
                ("Бабаедава", "Babayedava", "е after a vowel → ye"),
                ("Магілёў", "Mahilyow", "ё → yo, ў → w"),
                ("Ціханоўская", "Tsikhanowskaya", "ц → ts, х → kh, я → ya"),
                ("Мар'я", "Marya", "the apostrophe between letters is dropped"),
                ("Жук", "Zhuk", "a capital digraph is title-cased"),
                ("ЛОСІК", "LOSIK", "a word in capitals stays in capitals"),
                ("ЖУК", "ZHUK", "a capital digraph inside capitals is all capitals"),
                ("Тэст-Узор", "Test-Uzor", "hyphens pass through"),
                ("Kuznechyk 2", "Kuznechyk 2", "Latin letters and digits pass through"),
                ("", "", "empty"),
            ],
        );
    }

    #[test]
    fn belarusian_national_follows_the_2007_table() {
        check(
            belarusian_national,
            &[
                ("Андрэй Кузнечык", "Andrej Kuzniečyk", "й → j, е after a consonant → ie, ч → č"),
                ("Ігар Лосік", "Ihar Losik", "г → h"),
                ("Карней", "Karniej", "е after a consonant → ie"),
                ("Юрый Зянковіч", "Juryj Ziankovič", "ю at the start → ju, я after a consonant → ia"),
                ("Вольга", "Voĺha", "ль → ĺ"),
                ("Гомель", "Homieĺ", "final ль → ĺ"),
                ("Любань", "Liubań", "нь → ń, ю after a consonant → iu"),
                ("Зьміцер", "Źmicier", "зь → ź at the start, ц → c"),
                ("Магілёў", "Mahilioŭ", "ё after a consonant → io, ў → ŭ"),
                ("Іўе", "Iŭje", "е after ў → je"),
                ("Ельск", "Jeĺsk", "е at the start → je"),
                ("Вераб'ёвічы", "Vierabjovičy", "ё after the apostrophe → jo"),
                ("Хоцімск", "Chocimsk", "х → ch, ц → c"),
                ("Шаркаўшчына", "Šarkaŭščyna", "ш → š, ў → ŭ, ч → č"),
                ("ВОЛЬГА", "VOĹHA", "capitals keep the acute"),
                ("Тэст-Узор", "Test-Uzor", "hyphens pass through"),
            ],
        );
    }

    #[test]
    fn russian_passport_follows_icao_9303() {
        check(
            russian_passport,
            &[
                ("Андрей Кузнечик", "Andrei Kuznechik", "й → i"),
                ("Игорь Лосик", "Igor Losik", "г → g, ь is dropped"),
                ("Карней", "Karnei", "й → i"),
                ("Юрий Зенкович", "Iurii Zenkovich", "ю → iu, ий → ii"),
                ("Щукин", "Shchukin", "щ → shch"),
                ("Подъячев", "Podieiachev", "ъ → ie, я → ia"),
                ("Хрущёв", "Khrushchev", "х → kh, ё → e"),
                ("Ольга Цыганкова", "Olga Tsygankova", "ц → ts, ы → y"),
                ("Эдуард", "Eduard", "э → e"),
                ("Жанна", "Zhanna", "ж → zh"),
                ("Яна", "Iana", "я → ia"),
                ("ЛОСИК", "LOSIK", "capitals stay capitals"),
                ("Тест-Узор", "Test-Uzor", "hyphens pass through"),
            ],
        );
    }

    #[test]
    fn the_spellings_of_one_person_differ_as_the_press_writes_them() {
        // Карней: the Belarusian and Russian forms are the same word, romanised two ways.
        assert_eq!(belarusian_bgn("Карней"), "Karney", "BGN writes й as y");
        assert_eq!(russian_passport("Карней"), "Karnei", "the passport writes й as i");
        assert_eq!(belarusian_bgn("Андрэй"), "Andrey", "Belarusian Андрэй in BGN");
        assert_eq!(russian_passport("Андрей"), "Andrei", "Russian Андрей in the passport");
        assert_eq!(belarusian_bgn("Ігар"), "Ihar", "Belarusian Ігар");
        assert_eq!(russian_passport("Игорь"), "Igor", "Russian Игорь");
    }

    #[test]
    fn a_name_left_without_a_language_takes_the_one_its_letters_show() {
        for (name, lang, why) in [
            ("Ihar Losik", Some("en"), "Latin letters: the English spelling"),
            ("Aliaksandr Łukašenka", Some("en"), "Latin with diacritics"),
            ("Ігар Лосік", Some("be"), "Cyrillic with і: Belarusian"),
            ("Мікалай Статкевіч", Some("be"), "Belarusian і"),
            ("Аўгіня Шугаева", Some("be"), "Belarusian ў"),
            ("Игорь Лосик", Some("ru"), "Cyrillic without і or ў: Russian"),
            ("Елена Мовшук", Some("ru"), "Russian"),
            ("Сымон Тэставы", Some("be"), "э after a consonant: Belarusian"),
            ("Эрик Тэстов", Some("ru"), "и: Russian, whatever else"),
            ("Эмма Петрова", Some("ru"), "э only at the start: Russian"),
            ("李明", None, "another script: no language guessed"),
        ] {
            assert_eq!(language_of(name).as_deref(), lang, "{why}: {name}");
        }
    }
}
