//! The person form as typed, its validation (a message per field, everything typed kept), and
//! the comparison of two versions of a person (history and conflicts).

use std::collections::BTreeMap;

use crate::db::edit_people::{NameDoc, PersonDoc};
pub use crate::db::revisions::{FieldChange, diff};
use crate::domain::{NameKind, PartialDate, PublicationState, Sex, Slug};
use crate::i18n::Message;

/// Name rows a form can carry; the form shows the names recorded and two empty rows.
pub const MAX_NAMES: usize = 12;

/// One name row as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameRow {
    pub name: String,
    pub lang: String,
    pub script: String,
    pub kind: String,
}

/// The form as typed: every field a string, so that whatever was typed can be shown again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonForm {
    pub slug: String,
    pub publication: String,
    pub sex: String,
    pub born: String,
    pub occupation: String,
    pub region: String,
    pub biography: String,
    pub citizenships: String,
    pub names: Vec<NameRow>,
    /// The editor has seen the warning about likely duplicates and goes ahead.
    pub confirm_duplicate: bool,
}

/// Messages by field name (`slug`, `born`, `name_0`, …), shown beside the fields in the page's
/// language.
pub type FieldErrors = BTreeMap<String, Message>;

impl PersonForm {
    /// Reads the posted fields; unknown ones are ignored, repeated ones keep the last value.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> PersonForm {
        let mut form = PersonForm { names: vec![NameRow::default(); MAX_NAMES], ..PersonForm::default() };
        for (key, value) in pairs {
            match key.as_str() {
                "slug" => form.slug = value,
                "publication" => form.publication = value,
                "sex" => form.sex = value,
                "born" => form.born = value,
                "occupation" => form.occupation = value,
                "region" => form.region = value,
                "biography" => form.biography = value,
                "citizenships" => form.citizenships = value,
                "confirm_duplicate" => form.confirm_duplicate = value == "yes",
                _ => {
                    let Some((field, index)) = key.rsplit_once('_') else { continue };
                    let Some(row) = index.parse::<usize>().ok().and_then(|i| form.names.get_mut(i)) else { continue };
                    match field {
                        "name" => row.name = value,
                        "lang" => row.lang = value,
                        "script" => row.script = value,
                        "kind" => row.kind = value,
                        _ => {}
                    }
                }
            }
        }
        // Trailing rows left empty go; a row with anything typed in it, even spaces, stays, so
        // that a refused form shows exactly what was sent.
        while form.names.last().is_some_and(|r| [&r.name, &r.lang, &r.script, &r.kind].iter().all(|f| f.is_empty())) {
            form.names.pop();
        }
        form
    }

    /// The form filled from a stored person.
    pub fn from_doc(doc: &PersonDoc) -> PersonForm {
        PersonForm {
            slug: doc.slug.clone(),
            publication: doc.publication.as_str().to_owned(),
            sex: doc.sex.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            born: doc.born.map(|d| d.iso()).unwrap_or_default(),
            occupation: doc.occupation.clone().unwrap_or_default(),
            region: doc.region.clone().unwrap_or_default(),
            biography: doc.biography.clone().unwrap_or_default(),
            citizenships: doc.citizenships.join(", "),
            names: doc
                .names
                .iter()
                .map(|n| NameRow {
                    name: n.name.clone(),
                    lang: n.lang.clone().unwrap_or_default(),
                    script: n.script.clone(),
                    kind: n.kind.as_str().to_owned(),
                })
                .collect(),
            confirm_duplicate: false,
        }
    }

    /// The name rows to show: those typed, then empty ones to add more.
    pub fn rows(&self) -> Vec<NameRow> {
        let mut rows = self.names.clone();
        let blanks = if rows.is_empty() { 3 } else { 2 };
        rows.extend(std::iter::repeat_n(NameRow::default(), blanks));
        rows.truncate(MAX_NAMES);
        rows
    }

    /// Checks everything and builds the document to save. `countries` are the valid codes;
    /// `may_publish` is false for editors, who keep drafts drafts and published records published.
    pub fn validate(
        &self,
        countries: &[String],
        may_publish: bool,
        current: Option<PublicationState>,
    ) -> Result<PersonDoc, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut names = Vec::new();
        let mut primaries = Vec::new();
        for (i, row) in self.names.iter().enumerate() {
            let name = row.name.trim();
            if name.is_empty() {
                if !(row.lang.trim().is_empty() && row.script.trim().is_empty()) {
                    errors.insert(format!("name_{i}"), Message::new("error-name-missing"));
                }
                continue;
            }
            if name.chars().count() > 300 {
                errors.insert(format!("name_{i}"), Message::new("error-name-too-long").arg("max", 300));
                continue;
            }
            let lang = row.lang.trim().to_lowercase();
            let lang = if lang.is_empty() {
                None
            } else if (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase()) {
                Some(lang)
            } else {
                errors.insert(format!("lang_{i}"), Message::new("error-language-code"));
                continue;
            };
            let script = match row.script.trim() {
                "" if name.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) => "Cyrl".to_owned(),
                "" => "Latn".to_owned(),
                s if s.len() == 4
                    && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && s.chars().skip(1).all(|c| c.is_ascii_lowercase()) =>
                {
                    s.to_owned()
                }
                _ => {
                    errors.insert(format!("script_{i}"), Message::new("error-script-code"));
                    continue;
                }
            };
            let kind = match NameKind::ALL.iter().find(|k| k.as_str() == row.kind.trim()) {
                Some(kind) => *kind,
                // Left blank: the first name in a language is its main name, the others spellings.
                None if row.kind.trim().is_empty() => {
                    if primaries.contains(&lang) {
                        NameKind::Transliteration
                    } else {
                        NameKind::Primary
                    }
                }
                None => {
                    errors.insert(format!("kind_{i}"), Message::new("error-name-kind"));
                    continue;
                }
            };
            if kind == NameKind::Primary {
                if primaries.contains(&lang) {
                    errors.insert(format!("kind_{i}"), Message::new("error-name-primary-twice"));
                    continue;
                }
                primaries.push(lang.clone());
            }
            if names.iter().any(|n: &NameDoc| n.name == name) {
                errors.insert(format!("name_{i}"), Message::new("error-name-twice"));
                continue;
            }
            names.push(NameDoc { name: name.to_owned(), lang, script, kind });
        }
        if names.is_empty() && !errors.keys().any(|k| k.starts_with("name_")) {
            errors.insert("name_0".into(), Message::new("error-person-no-name"));
        }

        let slug = match self.slug.trim() {
            "" => slug_from(&names),
            typed => match typed.parse::<Slug>() {
                Ok(slug) => Some(slug.to_string()),
                Err(e) => {
                    errors.insert("slug".into(), e.message());
                    None
                }
            },
        };
        if slug.is_none() && !errors.contains_key("slug") && !names.is_empty() {
            errors.insert("slug".into(), Message::new("error-slug-from-name"));
        }

        let sex = match self.sex.trim() {
            "" => None,
            key => match Sex::ALL.iter().find(|s| s.as_str() == key) {
                Some(sex) => Some(*sex),
                None => {
                    errors.insert("sex".into(), Message::new("error-choose"));
                    None
                }
            },
        };
        let born = match self.born.trim() {
            "" => None,
            typed => match typed.parse::<PartialDate>() {
                Ok(date) => Some(date),
                Err(e) => {
                    errors.insert("born".into(), e.message());
                    None
                }
            },
        };
        let mut text = |field: &str, value: &str, max: usize| -> Option<String> {
            let value = value.trim();
            if value.chars().count() > max {
                errors.insert(
                    field.into(),
                    Message::new("error-too-long-count").number("max", max).number("count", value.chars().count()),
                );
            }
            (!value.is_empty()).then(|| value.to_owned())
        };
        let occupation = text("occupation", &self.occupation, 500);
        let region = text("region", &self.region, 200);
        let biography = text("biography", &self.biography, 20_000);

        let mut citizenships = Vec::new();
        for code in self.citizenships.split(|c: char| c == ',' || c.is_whitespace()).filter(|c| !c.is_empty()) {
            let code = code.to_ascii_uppercase();
            if !countries.contains(&code) {
                errors.insert("citizenships".into(), Message::new("error-citizenship-code").arg("code", &code));
            } else if !citizenships.contains(&code) {
                citizenships.push(code);
            }
        }
        citizenships.sort();

        let publication = publication(&self.publication, may_publish, current, &mut errors);

        match (errors.is_empty(), slug) {
            (true, Some(slug)) => {
                Ok(PersonDoc { slug, publication, sex, born, occupation, region, biography, names, citizenships })
            }
            _ => Err(errors),
        }
    }
}

/// The publication a form asks for. Admins choose; editors keep what is there, and what they
/// create starts as a draft; anything else is a message on the field.
pub fn publication(
    typed: &str,
    may_publish: bool,
    current: Option<PublicationState>,
    errors: &mut FieldErrors,
) -> PublicationState {
    match (typed.trim(), may_publish, current) {
        ("published", true, _) => PublicationState::Published,
        ("draft" | "", true, _) => PublicationState::Draft,
        (typed, false, Some(current)) if typed == current.as_str() || typed.is_empty() => current,
        ("draft" | "", false, None) => PublicationState::Draft,
        (_, false, _) => {
            errors.insert("publication".into(), Message::new("error-publish-admins-only"));
            current.unwrap_or(PublicationState::Draft)
        }
        _ => {
            errors.insert("publication".into(), Message::new("error-publication"));
            PublicationState::Draft
        }
    }
}

/// The address made from a person's names: the first main name in Latin script (else the first
/// Latin name, else the first name, romanised as the English-language press does), in lower-case
/// ASCII words: `Ihar Losik` → `ihar-losik`, `Игорь Лосик` → `igor-losik`.
pub fn slug_from(names: &[NameDoc]) -> Option<String> {
    let latin = |n: &&NameDoc| n.script == "Latn";
    let chosen = names
        .iter()
        .filter(latin)
        .find(|n| n.kind == NameKind::Primary)
        .or_else(|| names.iter().find(latin))
        .or_else(|| names.first())?;
    // Russian spelling (и, щ, ъ) or a Russian name reads as Russian; other Cyrillic as Belarusian.
    let russian = chosen.lang.as_deref() == Some("ru")
        || (chosen.lang.as_deref() != Some("be")
            && chosen.name.chars().any(|c| matches!(c, 'и' | 'И' | 'щ' | 'Щ' | 'ъ' | 'Ъ')));
    let romanised = if russian {
        crate::domain::translit::russian_passport(&chosen.name)
    } else {
        crate::domain::translit::belarusian_bgn(&chosen.name)
    };
    slug_from_text(&romanised)
}

/// Lower-case ASCII words joined by hyphens, Latin diacritics folded, Cyrillic romanised:
/// `Pardon of 23 people 2024-07-03` → `pardon-of-23-people-2024-07-03`.
pub fn slug_from_text(text: &str) -> Option<String> {
    let romanised = crate::domain::translit::belarusian_bgn(text);
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
    let slug = slug.trim_end_matches('-').to_owned();
    slug.parse::<Slug>().ok().map(|s| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> PersonForm {
        PersonForm::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    fn codes() -> Vec<String> {
        vec!["BY".into(), "LT".into(), "US".into()]
    }

    #[test]
    fn a_complete_form_becomes_a_document() {
        let doc = form(&[
            ("name_0", " Ігар Лосік "),
            ("lang_0", "be"),
            ("kind_0", "primary"),
            ("name_1", "Ihar Losik"),
            ("lang_1", "en"),
            ("kind_1", "primary"),
            ("name_2", "Igor Losik"),
            ("name_3", "Ihar Losik (alias)"),
            ("born", "summer 1992"),
            ("citizenships", "by, lt BY"),
            ("sex", "male"),
            ("publication", "published"),
        ])
        .validate(&codes(), true, None)
        .unwrap();
        assert_eq!(doc.slug, "ihar-losik", "made from the first name, in Latin letters");
        assert_eq!(doc.names.len(), 4);
        assert_eq!((doc.names[0].name.as_str(), doc.names[0].script.as_str()), ("Ігар Лосік", "Cyrl"));
        assert_eq!(doc.names[2].kind, NameKind::Primary, "the first name without a language is its main name");
        assert_eq!(doc.names[3].kind, NameKind::Transliteration, "later ones are other spellings");
        assert_eq!(doc.citizenships, ["BY", "LT"]);
        assert_eq!(doc.born.unwrap().iso(), "1992-summer");
        assert_eq!(doc.publication, PublicationState::Published);
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let errors = form(&[
            ("name_0", "A Name"),
            ("kind_0", "primary"),
            ("name_1", "Other Name"),
            ("kind_1", "primary"),
            ("lang_2", "be"),
            ("slug", "Not A Slug"),
            ("born", "2024-13"),
            ("citizenships", "BY, XX"),
            ("sex", "robot"),
            ("occupation", &"x".repeat(501)),
        ])
        .validate(&codes(), true, None)
        .unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["born", "citizenships", "kind_1", "name_2", "occupation", "sex", "slug"]);
        assert!(errors["born"].to_string().contains("no month 13"));
        assert!(errors["citizenships"].to_string().contains("XX"));
    }

    #[test]
    fn a_form_without_names_is_refused_and_editors_cannot_publish() {
        let errors = form(&[("slug", "someone")]).validate(&codes(), true, None).unwrap_err();
        assert!(errors.contains_key("name_0"));
        let editor = form(&[("name_0", "A Name"), ("publication", "published")]);
        assert!(editor.validate(&codes(), false, None).unwrap_err().contains_key("publication"));
        let kept = editor.validate(&codes(), false, Some(PublicationState::Published)).unwrap();
        assert_eq!(kept.publication, PublicationState::Published, "an editor's edit keeps a record published");
    }

    #[test]
    fn addresses_are_made_from_the_latin_name_or_a_romanisation() {
        let name = |name: &str, script: &str, kind: NameKind| NameDoc {
            name: name.into(),
            lang: None,
            script: script.into(),
            kind,
        };
        for (names, slug) in [
            (
                vec![name("Ігар Лосік", "Cyrl", NameKind::Primary), name("Ihar Losik", "Latn", NameKind::Primary)],
                "ihar-losik",
            ),
            (vec![name("Игорь Лосик", "Cyrl", NameKind::Primary)], "igor-losik"),
            (vec![name("Андрэй Кузнечык", "Cyrl", NameKind::Primary)], "andrey-kuznechyk"),
            (vec![name("Andrej Kuzniečyk", "Latn", NameKind::Alias)], "andrej-kuzniecyk"),
            (vec![name("Marc O'Brien-Smith", "Latn", NameKind::Primary)], "marc-o-brien-smith"),
        ] {
            assert_eq!(slug_from(&names).as_deref(), Some(slug));
        }
        assert_eq!(slug_from(&[name("李", "Hani", NameKind::Primary)]), None, "nothing to make an address of");
    }

    #[test]
    fn a_document_round_trips_through_the_form_and_diffs_show_what_changed() {
        let doc = form(&[("name_0", "Ihar Losik"), ("born", "1992"), ("citizenships", "BY")])
            .validate(&codes(), true, None)
            .unwrap();
        let again = PersonForm::from_doc(&doc).validate(&codes(), true, None).unwrap();
        assert_eq!(again, doc);
        let mut changed = doc.clone();
        changed.born = Some("1992-06".parse().unwrap());
        changed.occupation = Some("Journalist".into());
        let changes = diff(Some(&doc), &changed);
        assert_eq!(changes.iter().map(|c| c.field).collect::<Vec<_>>(), ["born", "occupation"]);
        assert_eq!((changes[0].before.as_str(), changes[0].after.as_str()), ("1992", "June 1992"));
    }
}
