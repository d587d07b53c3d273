//! The invented names: surnames built on roots that mean "test" or "sample", ordinary given
//! names, every spelling search has to find, and slugs.

use rand::distr::weighted::WeightedIndex;

use super::people::Person;
use crate::domain::translit::{belarusian_bgn, belarusian_national, russian_passport};
use crate::domain::{NameKind, Sex};
use crate::search::key::name_key;

/// The share of people who carry the most common surname: search must cope with one surname
/// that matches a tenth of the records.
const DOMINANT_SURNAME_SHARE: f64 = 0.10;

/// Surname roots meaning test, sample, example, mock-up, template, draft or trial, as
/// (Belarusian, Russian).
const SURNAME_ROOTS: [(&str, &str); 11] = [
    ("Тэст", "Тест"),
    ("Узор", "Узор"),
    ("Прыклад", "Пример"),
    ("Макет", "Макет"),
    ("Проб", "Проб"),
    ("Шаблон", "Шаблон"),
    ("Чарнавік", "Черновик"),
    ("Сінтэт", "Синтет"),
    ("Выпраб", "Испыт"),
    ("Муляж", "Муляж"),
    ("Эталон", "Эталон"),
];

/// Surname endings as [Belarusian male, Belarusian female, Russian male, Russian female].
const SURNAME_SUFFIXES: [[&str; 4]; 10] = [
    ["авіч", "авіч", "ович", "ович"],
    ["енка", "енка", "енко", "енко"],
    ["скі", "ская", "ский", "ская"],
    ["ук", "ук", "ук", "ук"],
    ["ёнак", "ёнак", "ёнок", "ёнок"],
    ["аў", "ава", "ов", "ова"],
    ["ко", "ко", "ко", "ко"],
    ["ін", "іна", "ин", "ина"],
    ["іцкі", "іцкая", "ицкий", "ицкая"],
    ["чык", "чык", "чик", "чик"],
];

/// Ordinary given names as (Belarusian, Russian): only the surname marks a person as synthetic,
/// so that given-name search behaves as on real data.
const MALE_NAMES: [(&str, &str); 16] = [
    ("Андрэй", "Андрей"),
    ("Ігар", "Игорь"),
    ("Сяргей", "Сергей"),
    ("Аляксандр", "Александр"),
    ("Дзмітрый", "Дмитрий"),
    ("Павел", "Павел"),
    ("Мікалай", "Николай"),
    ("Віктар", "Виктор"),
    ("Уладзімір", "Владимир"),
    ("Юрый", "Юрий"),
    ("Міхаіл", "Михаил"),
    ("Максім", "Максим"),
    ("Яўген", "Евгений"),
    ("Пятро", "Пётр"),
    ("Васіль", "Василий"),
    ("Раман", "Роман"),
];

const FEMALE_NAMES: [(&str, &str); 12] = [
    ("Алена", "Елена"),
    ("Вольга", "Ольга"),
    ("Марыя", "Мария"),
    ("Наталля", "Наталья"),
    ("Святлана", "Светлана"),
    ("Таццяна", "Татьяна"),
    ("Ірына", "Ирина"),
    ("Ганна", "Анна"),
    ("Кацярына", "Екатерина"),
    ("Юлія", "Юлия"),
    ("Людміла", "Людмила"),
    ("Валянціна", "Валентина"),
];

/// Given names by gender index (see [`gender`]).
pub(super) const GIVEN_NAMES: [&[(&str, &str)]; 2] = [&MALE_NAMES, &FEMALE_NAMES];

/// 0 for men, 1 for women: the index into the gendered name tables.
pub(super) fn gender(sex: Sex) -> usize {
    usize::from(sex == Sex::Female)
}

/// One surname in both languages, as [male, female].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Surname {
    be: [String; 2],
    ru: [String; 2],
}

/// Every root with every ending, the first being Тэставіч, the most common. A surname spelt the
/// same in both languages is left out: a person has one `person_names` row per distinct name, and
/// needs both a Belarusian and a Russian primary name.
fn surnames() -> Vec<Surname> {
    SURNAME_SUFFIXES
        .iter()
        .flat_map(|ending| {
            SURNAME_ROOTS.iter().map(move |(be, ru)| Surname {
                be: [format!("{be}{}", ending[0]), format!("{be}{}", ending[1])],
                ru: [format!("{ru}{}", ending[2]), format!("{ru}{}", ending[3])],
            })
        })
        .filter(|s| s.be[0] != s.ru[0] && s.be[1] != s.ru[1])
        .collect()
}

/// The first surname takes [`DOMINANT_SURNAME_SHARE`]; the others share the rest in a
/// Zipf–Mandelbrot curve, 1 / (rank + 10): a long tail without a second giant (the runner-up
/// gets under 4 %).
fn surname_weights(count: usize) -> Vec<f64> {
    let tail: Vec<f64> = (1..count).map(|rank| 1.0 / (rank as f64 + 10.0)).collect();
    let total: f64 = tail.iter().sum();
    std::iter::once(DOMINANT_SURNAME_SHARE)
        .chain(tail.iter().map(|w| (1.0 - DOMINANT_SURNAME_SHARE) * w / total))
        .collect()
}

/// A row of `person_names`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NameRow {
    pub(super) name: String,
    /// The search key (`search::key::name_key`), computed once per distinct name.
    pub(super) key: String,
    pub(super) lang: &'static str,
    pub(super) script: &'static str,
    pub(super) kind: NameKind,
}

/// The names of one person: primary names in be, ru and en (BGN/PCGN of the Belarusian, as the
/// press writes it), then the national romanisation of the Belarusian and the passport form of
/// the Russian as transliterations, each only when it is a spelling not yet listed.
fn name_rows(given: (&str, &str), surname_be: &str, surname_ru: &str) -> Vec<NameRow> {
    let be = format!("{} {surname_be}", given.0);
    let ru = format!("{} {surname_ru}", given.1);
    let row = |name: String, lang, script, kind| NameRow { key: name_key(&name), name, lang, script, kind };
    let mut rows = vec![
        row(belarusian_bgn(&be), "en", "Latn", NameKind::Primary),
        row(belarusian_national(&be), "be", "Latn", NameKind::Transliteration),
        row(russian_passport(&ru), "ru", "Latn", NameKind::Transliteration),
        row(be, "be", "Cyrl", NameKind::Primary),
        row(ru, "ru", "Cyrl", NameKind::Primary),
    ];
    let mut seen = std::collections::HashSet::new();
    rows.retain(|r| seen.insert(r.name.clone()));
    rows
}

/// Lower-case ASCII words joined by single hyphens, as `slug_ok` wants.
fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// Every name a generated person can have, spelt once: a few thousand combinations shared by
/// all people, so a person stores only indexes.
#[derive(Debug)]
pub(super) struct NameBook {
    surnames: Vec<Surname>,
    pub(super) pick_surname: WeightedIndex<f64>,
    /// Name rows by [gender][given × surnames + surname].
    rows: [Vec<Vec<NameRow>>; 2],
    /// `synthetic-<surname>` by [gender][surname].
    slug_stems: [Vec<String>; 2],
}

impl NameBook {
    pub(super) fn new() -> Self {
        let surnames = surnames();
        let pick_surname =
            WeightedIndex::new(surname_weights(surnames.len())).expect("surname weights are positive and finite");
        let rows: [Vec<Vec<NameRow>>; 2] = [0, 1].map(|g| {
            GIVEN_NAMES[g]
                .iter()
                .flat_map(|&given| surnames.iter().map(move |s| name_rows(given, &s.be[g], &s.ru[g])))
                .collect()
        });
        let slug_stems = [0, 1]
            .map(|g| surnames.iter().map(|s| format!("synthetic-{}", slugify(&belarusian_bgn(&s.be[g])))).collect());
        NameBook { surnames, pick_surname, rows, slug_stems }
    }

    pub(super) fn rows(&self, person: &Person) -> &[NameRow] {
        &self.rows[gender(person.sex)][person.given * self.surnames.len() + person.surname]
    }

    /// `synthetic-<surname>-<number>`: the number makes it unique.
    pub(super) fn slug(&self, person: &Person) -> String {
        format!("{}-{}", self.slug_stems[gender(person.sex)][person.surname], person.number)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use rand::SeedableRng;
    use rand::distr::Distribution;
    use rand::rngs::StdRng;

    use super::*;
    use crate::domain::Slug;
    use crate::seed::synthetic::draw::drawn;

    #[test]
    fn every_person_has_distinct_names_with_be_ru_and_en_primaries() {
        let book = NameBook::new();
        for g in 0..2 {
            for rows in &book.rows[g] {
                let distinct: HashSet<&str> = rows.iter().map(|r| r.name.as_str()).collect();
                assert_eq!(distinct.len(), rows.len(), "names are unique per person: {rows:?}");
                for (lang, script) in [("be", "Cyrl"), ("ru", "Cyrl"), ("en", "Latn")] {
                    let primaries = rows.iter().filter(|r| r.kind == NameKind::Primary && r.lang == lang).count();
                    assert_eq!(primaries, 1, "one {lang} primary name: {rows:?}");
                    assert!(rows.iter().any(|r| r.lang == lang && r.script == script), "{lang} in {script}");
                }
                let en = rows.iter().find(|r| r.lang == "en").map(|r| r.name.as_str()).unwrap_or_default();
                assert!(en.is_ascii(), "the English name is plain ASCII: {en}");
            }
        }
    }

    #[test]
    fn different_people_get_different_latin_spellings() {
        let book = NameBook::new();
        let english: Vec<&str> = book.rows.iter().flatten().map(|rows| rows[0].name.as_str()).collect();
        let distinct: HashSet<&str> = english.iter().copied().collect();
        assert_eq!(distinct.len(), english.len(), "no two name combinations share an English spelling");
        assert!(book.surnames.len() >= 80, "a long tail of surnames: {}", book.surnames.len());
    }

    #[test]
    fn the_most_common_surname_is_spelt_three_ways() {
        let rows = name_rows(MALE_NAMES[0], "Тэставіч", "Тестович");
        let spelt: Vec<(&str, &str, NameKind)> = rows.iter().map(|r| (r.name.as_str(), r.lang, r.kind)).collect();
        assert_eq!(
            spelt,
            [
                ("Andrey Testavich", "en", NameKind::Primary),
                ("Andrej Testavič", "be", NameKind::Transliteration),
                ("Andrei Testovich", "ru", NameKind::Transliteration),
                ("Андрэй Тэставіч", "be", NameKind::Primary),
                ("Андрей Тестович", "ru", NameKind::Primary),
            ],
            "BGN for English, the national system and the passport form as transliterations"
        );
        let rows = name_rows(MALE_NAMES[5], "Тэстук", "Тестук");
        assert_eq!(rows.len(), 4, "a passport spelling equal to the English one is not repeated: {rows:?}");
    }

    #[test]
    fn slugs_are_valid_and_unique() {
        let (generator, people) = drawn(7, 2_000);
        let mut seen = HashSet::new();
        for p in &people {
            let slug = generator.catalogue.names.slug(p).to_string();
            assert!(slug.starts_with("synthetic-"), "{slug}");
            assert!(slug.parse::<Slug>().is_ok(), "slug_ok accepts {slug}");
            assert!(seen.insert(slug.clone()), "{slug} is unique");
        }
        for w in &generator.catalogue.waves {
            let slug = format!("synthetic-wave-{}", w.number);
            assert!(slug.parse::<Slug>().is_ok(), "{slug}");
        }
    }

    #[test]
    fn one_surname_covers_about_a_tenth_of_people_and_the_rest_tail_off() {
        let book = NameBook::new();
        let mut rng = StdRng::seed_from_u64(42);
        let mut counts = vec![0u32; book.surnames.len()];
        for _ in 0..10_000 {
            counts[book.pick_surname.sample(&mut rng)] += 1;
        }
        let share = f64::from(counts[0]) / 10_000.0;
        assert!((0.08..=0.12).contains(&share), "the dominant surname covers {share}");
        let runner_up = counts[1..].iter().copied().max().unwrap_or(0);
        assert!(counts[0] > 2 * runner_up, "no second giant: {} vs {runner_up}", counts[0]);
        let head: u32 = counts[1..11].iter().sum();
        let tail: u32 = counts[counts.len() - 10..].iter().sum();
        assert!(head > 2 * tail, "Zipf-like: the next ten ({head}) well above the last ten ({tail})");
    }
}
