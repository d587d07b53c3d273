//! The length of a sentence as people type it: "3 years", "2 years 6 months", "3 года",
//! "2 гады 6 месяцаў", "18 months", or a bare number of months as the form always took. It is
//! stored as whole months (`detentions.sentence_months`); `i18n` says it back as years and
//! months in the page's language.

/// The longest sentence a form accepts, in months (100 years).
pub const MAX_MONTHS: i32 = 1200;

/// Why a typed length is refused: it is not a length, or it is none or longer than
/// [`MAX_MONTHS`]. The words are `error-sentence-months` in `locales/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidLength {
    Unrecognised,
    OutOfRange,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Years,
    Months,
}

/// The unit a word names, in English, Belarusian or Russian, in every form a count takes
/// ("год", "года", "лет"; "гады", "гадоў"; "месяца", "месяцев", "месяцаў") and the usual
/// abbreviations.
fn unit(word: &str) -> Option<Unit> {
    match word {
        "y" | "yr" | "yrs" | "year" | "years" | "г" | "год" | "года" | "лет" | "гады" | "гадоў" | "гадов" => {
            Some(Unit::Years)
        }
        "m" | "mo" | "mos" | "mon" | "month" | "months" | "мес" | "месяц" | "месяца" | "месяцев" | "месяцы"
        | "месяцаў" => Some(Unit::Months),
        _ => None,
    }
}

/// The words between the parts that say nothing: "and", "и", "і", commas.
fn is_filler(word: &str) -> bool {
    matches!(word, "and" | "и" | "і" | "i")
}

/// Splits "2г6мес" as "2 г 6 мес": numbers and words apart, whatever the spaces.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut last_digit: Option<bool> = None;
    for c in text.chars() {
        if c.is_whitespace() || c == ',' || c == '.' {
            last_digit = None;
            continue;
        }
        let digit = c.is_ascii_digit();
        match tokens.last_mut() {
            Some(token) if last_digit == Some(digit) => token.push(c),
            _ => tokens.push(c.to_string()),
        }
        last_digit = Some(digit);
    }
    tokens
}

/// The length typed, in months; `None` when nothing is typed.
pub fn parse_months(text: &str) -> Result<Option<i32>, InvalidLength> {
    let lowered = text.trim().to_lowercase();
    if lowered.is_empty() {
        return Ok(None);
    }
    // "1.5 years" would be a guess at what was meant: refuse a fraction rather than round it.
    if lowered
        .chars()
        .zip(lowered.chars().skip(1).chain(std::iter::once(' ')))
        .any(|(a, b)| (a == '.' || a == ',') && b.is_ascii_digit())
    {
        return Err(InvalidLength::Unrecognised);
    }
    let tokens: Vec<String> = tokens(&lowered).into_iter().filter(|t| !is_filler(t)).collect();
    let number = |t: &str| -> Result<i64, InvalidLength> {
        if t.len() <= 5 && t.bytes().all(|b| b.is_ascii_digit()) {
            t.parse().map_err(|_| InvalidLength::Unrecognised)
        } else {
            Err(InvalidLength::Unrecognised)
        }
    };
    let months = match tokens.as_slice() {
        // A bare number is months, as the form has always read it.
        [n] => number(n)?,
        pairs if pairs.len() % 2 == 0 => {
            let mut total = 0i64;
            let mut seen: Vec<Unit> = Vec::new();
            for pair in pairs.chunks(2) {
                let n = number(&pair[0])?;
                let unit = unit(&pair[1]).ok_or(InvalidLength::Unrecognised)?;
                // Years after months, or a unit twice, is not a length anyone writes.
                if seen.contains(&unit) || (unit == Unit::Years && seen.contains(&Unit::Months)) {
                    return Err(InvalidLength::Unrecognised);
                }
                seen.push(unit);
                total += match unit {
                    Unit::Years => n * 12,
                    Unit::Months => n,
                };
            }
            total
        }
        _ => return Err(InvalidLength::Unrecognised),
    };
    if (1..=i64::from(MAX_MONTHS)).contains(&months) { Ok(Some(months as i32)) } else { Err(InvalidLength::OutOfRange) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_years_and_months_in_three_languages() {
        let cases: &[(&str, Option<i32>, &str)] = &[
            ("", None, "nothing typed"),
            ("36", Some(36), "a bare number is months, as before"),
            ("3 years", Some(36), "years in English"),
            ("1 year", Some(12), "one year"),
            ("2 years 6 months", Some(30), "years and months"),
            ("2 years and 6 months", Some(30), "with and"),
            ("2 years, 6 months", Some(30), "with a comma"),
            ("18 months", Some(18), "months only"),
            ("3 года", Some(36), "Russian, few"),
            ("5 лет", Some(60), "Russian, many"),
            ("1 год 6 месяцев", Some(18), "Russian years and months"),
            ("2 года и 3 месяца", Some(27), "Russian with и"),
            ("2 гады 6 месяцаў", Some(30), "Belarusian"),
            ("5 гадоў", Some(60), "Belarusian, many"),
            ("2г 6мес", Some(30), "abbreviated and glued"),
            ("3 Years", Some(36), "capitals"),
            ("100 years", Some(1200), "the longest"),
        ];
        for (input, months, why) in cases {
            assert_eq!(parse_months(input), Ok(*months), "{why}: {input:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_length() {
        let cases: &[(&str, InvalidLength, &str)] = &[
            ("0", InvalidLength::OutOfRange, "no length"),
            ("0 years", InvalidLength::OutOfRange, "no years"),
            ("101 years", InvalidLength::OutOfRange, "over 100 years"),
            ("1201", InvalidLength::OutOfRange, "over 1200 months"),
            ("1.5 years", InvalidLength::Unrecognised, "a fraction is not guessed"),
            ("3 weeks", InvalidLength::Unrecognised, "an unknown unit"),
            ("years", InvalidLength::Unrecognised, "no number"),
            ("3 years 2 years", InvalidLength::Unrecognised, "a unit twice"),
            ("6 months 2 years", InvalidLength::Unrecognised, "years after months"),
            ("3 years 6", InvalidLength::Unrecognised, "a number without its unit"),
            ("-3", InvalidLength::Unrecognised, "a negative number"),
            ("life", InvalidLength::Unrecognised, "a word (a life sentence is a kind)"),
            ("99999999999 months", InvalidLength::Unrecognised, "a huge number"),
        ];
        for (input, error, why) in cases {
            assert_eq!(parse_months(input), Err(*error), "{why}: {input:?}");
        }
    }
}
