//! One import row as a person: which person it names ([`key`]), and the document it asks for
//! ([`person`]). The row is laid over the person as recorded and then checked by the person
//! form's own validation (`PersonForm::validate`), so an import accepts exactly what the form
//! accepts, and an editor can no more publish through a file than through the form.

use uuid::Uuid;

use super::table::{Column, Row};
use crate::domain::{NameKind, Slug};
use crate::i18n::Message;
use crate::records::person::{MAX_NAMES, NameRow, PersonDoc, PersonForm};

/// A mistake in a row, with the column it is in (`None`: the row as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub column: Option<&'static str>,
    /// What is wrong, put into the page's language (or English on the command line).
    pub message: Message,
}

impl CellError {
    pub fn new(column: &'static str, message: Message) -> Self {
        CellError { column: Some(column), message }
    }

    /// A mistake in the row as a whole.
    pub fn row(message: Message) -> Self {
        CellError { column: None, message }
    }
}

/// How a row finds the person it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// `public_id`: the person must exist; a `slug` cell then changes their address.
    PublicId(Uuid),
    /// From the `slug` cell, else from the address in `url`: the person with this address (or
    /// who had it), else a new person at this address.
    Slug { slug: String, column: &'static str },
    /// Neither: a new person, at an address made from their name.
    New,
}

pub fn key(row: &Row) -> Result<Key, CellError> {
    let cell = |column| row.get(column).map(str::trim).filter(|c| !c.is_empty());
    if let Some(id) = cell(Column::PublicId) {
        return Uuid::parse_str(id)
            .map(Key::PublicId)
            .map_err(|_| CellError::new("public_id", Message::new("import-error-public-id-format")));
    }
    if let Some(slug) = cell(Column::Slug) {
        return match slug.parse::<Slug>() {
            Ok(slug) => Ok(Key::Slug { slug: slug.to_string(), column: "slug" }),
            Err(e) => Err(CellError::new("slug", e.message())),
        };
    }
    if let Some(url) = cell(Column::Url) {
        return slug_of_url(url)
            .map(|slug| Key::Slug { slug, column: "url" })
            .ok_or_else(|| CellError::new("url", Message::new("import-error-url")));
    }
    Ok(Key::New)
}

/// `https://any.site/prisoners/ihar-losik` (or just the path) → `ihar-losik`.
fn slug_of_url(text: &str) -> Option<String> {
    let url = match url::Url::parse(text) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => url,
        Ok(_) => return None,
        Err(_) if text.starts_with('/') => url::Url::parse("http://localhost").ok()?.join(text).ok()?,
        Err(_) => return None,
    };
    let mut segments = url.path_segments()?.filter(|s| !s.is_empty());
    match (segments.next(), segments.next(), segments.next()) {
        (Some("prisoners"), Some(slug), None) => slug.parse::<Slug>().ok().map(|s| s.to_string()),
        _ => None,
    }
}

/// What the import may check against: the country codes, and whether the importer publishes.
pub struct Rules {
    pub countries: Vec<String>,
    pub may_publish: bool,
}

/// The person the row asks for: `stored` (when the row names a recorded person) with the row's
/// cells laid over it. `slug` is the address to ask for, as typed (empty: make one from the
/// name), and `slug_column` the column it came from.
pub fn person(
    row: &Row,
    stored: Option<&PersonDoc>,
    slug: &str,
    slug_column: &'static str,
    rules: &Rules,
) -> Result<PersonDoc, Vec<CellError>> {
    let mut errors = Vec::new();
    if let Some((cells, header)) = row.cell_count {
        errors.push(CellError::row(Message::new("import-error-cells").number("cells", cells).number("header", header)));
    }
    let mut form = match stored {
        Some(doc) => PersonForm::from_doc(doc),
        None => PersonForm { publication: "draft".into(), ..PersonForm::default() },
    };
    form.slug = slug.to_owned();
    let names_column = if row.get(Column::AllNames).is_some() { "all_names" } else { "name" };
    let mut names_unread = false;
    match names(row, stored) {
        Ok(Some(names)) => form.names = names,
        Ok(None) => {}
        Err(error) => {
            errors.push(error);
            names_unread = true;
        }
    }
    // Like the publication, an empty cell keeps what is recorded: a file never loses a consent.
    for (column, field) in [
        (Column::Publication, &mut form.publication),
        (Column::Identity, &mut form.identity),
        (Column::NamingBasis, &mut form.naming_basis),
    ] {
        if let Some(typed) = row.get(column).map(str::trim).filter(|p| !p.is_empty()) {
            *field = typed.to_lowercase();
        }
    }
    for (column, field) in [
        (Column::Sex, &mut form.sex),
        (Column::Born, &mut form.born),
        (Column::Citizenships, &mut form.citizenships),
        (Column::Occupation, &mut form.occupation),
        (Column::Region, &mut form.region),
        (Column::Biography, &mut form.biography),
        (Column::InternalNotes, &mut form.internal_notes),
    ] {
        if let Some(cell) = row.get(column) {
            *field = if column == Column::Sex { cell.trim().to_lowercase() } else { cell.to_owned() };
        }
    }
    let result = form.validate(&rules.countries, rules.may_publish, stored.map(|d| d.publication));
    match result {
        Ok(doc) if errors.is_empty() => Ok(doc),
        Ok(_) => Err(errors),
        Err(fields) => {
            for (field, message) in fields {
                let named = |i: &str| -> Message {
                    let name = i.parse::<usize>().ok().and_then(|i| form.names.get(i)).map(|r| r.name.trim());
                    match name {
                        Some(name) if !name.is_empty() => {
                            Message::new("import-error-named").arg("name", name).arg_message("problem", message.clone())
                        }
                        _ => message.clone(),
                    }
                };
                let error = match field.split_once('_') {
                    // Names that could not be read are not there to check.
                    Some(("name" | "lang" | "script" | "kind", _)) if names_unread => continue,
                    Some(("name" | "lang" | "script" | "kind", i)) => CellError::new(names_column, named(i)),
                    _ if field == "slug" => CellError::new(slug_column, message),
                    _ => CellError::new(column_of(&field), message),
                };
                errors.push(error);
            }
            Err(errors)
        }
    }
}

/// The column a field of the person form is typed in.
fn column_of(field: &str) -> &'static str {
    [
        Column::Publication,
        Column::Sex,
        Column::Born,
        Column::Citizenships,
        Column::Occupation,
        Column::Region,
        Column::Biography,
        Column::Identity,
        Column::NamingBasis,
        Column::InternalNotes,
    ]
    .into_iter()
    .map(Column::name)
    .find(|name| *name == field)
    // A consent's details are typed in the form: the file has only its basis.
    .unwrap_or(if field.starts_with("consent_") { "naming_basis" } else { "all_names" })
}

/// A name as written in a cell: `Ігар Лосік [be, Cyrl, primary]`, the bracket optional.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TypedName {
    name: String,
    lang: Option<String>,
    script: Option<String>,
    kind: Option<String>,
}

fn parse_name(text: &str) -> Result<TypedName, Message> {
    let text = text.trim();
    let (name, notes) = match text.strip_suffix(']').and_then(|t| t.rsplit_once('[')) {
        Some((name, notes)) => (name.trim(), notes),
        None => (text, ""),
    };
    let mut typed = TypedName { name: name.to_owned(), lang: None, script: None, kind: None };
    for word in notes.split(|c: char| c == ',' || c.is_whitespace()).filter(|w| !w.is_empty()) {
        let (slot, what) = if NameKind::ALL.iter().any(|k| k.as_str() == word) {
            (&mut typed.kind, Message::new("import-bracket-kind"))
        } else if word.len() == 4
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word[1..].bytes().all(|b| b.is_ascii_lowercase())
        {
            (&mut typed.script, Message::new("import-bracket-script"))
        } else if (2..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase()) {
            (&mut typed.lang, Message::new("import-bracket-language"))
        } else {
            return Err(Message::new("import-error-bracket-word")
                .arg("name", name)
                .arg("word", word)
                .arg("kinds", NameKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")));
        };
        if slot.replace(word.to_owned()).is_some() {
            return Err(Message::new("import-error-bracket-twice").arg("name", name).arg_message("what", what));
        }
    }
    Ok(typed)
}

/// The name rows the row asks for, or `None` to keep the names recorded. `all_names` lists
/// every name (joined by `|`, as the export writes them); a name already recorded keeps its
/// language, script and kind unless the brackets say otherwise, and its place in the list.
/// `name` alone names a new person, and for a recorded person must be one of their names. An
/// empty cell in either keeps the names recorded.
fn names(row: &Row, stored: Option<&PersonDoc>) -> Result<Option<Vec<NameRow>>, CellError> {
    let one = row.get(Column::Name).map(str::trim).filter(|n| !n.is_empty());
    // A person cannot be without a name: an empty all_names cell keeps the names recorded.
    let all = row.get(Column::AllNames).filter(|all| !all.trim().is_empty());
    let typed: Vec<TypedName> = match (all, one) {
        (Some(all), _) => {
            let typed = all
                .split('|')
                .filter(|n| !n.trim().is_empty())
                .map(parse_name)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|message| CellError::new("all_names", message))?;
            if let Some(one) = one {
                let one = parse_name(one).map_err(|message| CellError::new("name", message))?;
                if !typed.iter().any(|t| t.name == one.name) {
                    return Err(CellError::new(
                        "name",
                        Message::new("import-error-name-not-in-all").arg("name", &one.name),
                    ));
                }
            }
            typed
        }
        (None, Some(one)) => {
            let one = parse_name(one).map_err(|message| CellError::new("name", message))?;
            match stored {
                None => vec![one],
                Some(doc) if doc.names.iter().any(|n| n.name == one.name) => return Ok(None),
                Some(_) => {
                    return Err(CellError::new(
                        "name",
                        Message::new("import-error-name-not-theirs").arg("name", &one.name),
                    ));
                }
            }
        }
        // No names given: a recorded person keeps theirs; a new one has none, which validation refuses.
        (None, None) => return Ok(None),
    };
    if typed.len() > MAX_NAMES {
        return Err(CellError::new("all_names", Message::new("import-error-too-many-names").number("max", MAX_NAMES)));
    }
    if let Some(twice) = typed.iter().enumerate().find(|(i, t)| typed[..*i].iter().any(|u| u.name == t.name)) {
        return Err(CellError::new("all_names", Message::new("import-error-name-twice").arg("name", &twice.1.name)));
    }
    let row_of = |t: &TypedName, recorded: Option<NameRow>| {
        let recorded = recorded.unwrap_or_default();
        NameRow {
            name: t.name.clone(),
            lang: t.lang.clone().unwrap_or(recorded.lang),
            script: t.script.clone().unwrap_or(recorded.script),
            kind: t.kind.clone().unwrap_or(recorded.kind),
        }
    };
    let recorded = stored.map(|doc| PersonForm::from_doc(doc).names).unwrap_or_default();
    let mut rows: Vec<NameRow> = recorded
        .iter()
        .filter_map(|r| typed.iter().find(|t| t.name == r.name).map(|t| row_of(t, Some(r.clone()))))
        .collect();
    rows.extend(typed.iter().filter(|t| !recorded.iter().any(|r| r.name == t.name)).map(|t| row_of(t, None)));
    Ok(Some(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PublicationState;

    fn codes() -> Vec<String> {
        vec!["BY".into(), "LT".into(), "PL".into()]
    }

    fn admin() -> Rules {
        Rules { countries: codes(), may_publish: true }
    }

    fn new_person(cells: &[(Column, &str)]) -> Result<PersonDoc, Vec<CellError>> {
        person(&Row::of(2, cells), None, "", "slug", &admin())
    }

    fn recorded() -> PersonDoc {
        new_person(&[
            (Column::AllNames, "Ігар Лосік [be primary] | Ihar Losik [en primary] | Igor Losik [ru transliteration]"),
            (Column::Citizenships, "BY"),
            (Column::Born, "1992"),
            (Column::Biography, "Blogger."),
            (Column::Publication, "published"),
            (Column::NamingBasis, "public_sources"),
        ])
        .unwrap()
    }

    #[test]
    fn a_row_finds_its_person_by_public_id_then_slug_then_url() {
        let id = "0b6b7f0e-4d5c-4f7e-9a51-3f1c2b9d8e77";
        for (cells, expected, why) in [
            (vec![(Column::PublicId, id), (Column::Slug, "x")], Key::PublicId(id.parse().unwrap()), "public id first"),
            (
                vec![(Column::PublicId, " "), (Column::Slug, "ihar-losik"), (Column::Url, "https://a.org/prisoners/b")],
                Key::Slug { slug: "ihar-losik".into(), column: "slug" },
                "then the slug",
            ),
            (
                vec![(Column::Url, "https://prisoners.example.org/prisoners/ihar-losik")],
                Key::Slug { slug: "ihar-losik".into(), column: "url" },
                "then the url",
            ),
            (
                vec![(Column::Url, "/prisoners/ihar-losik/")],
                Key::Slug { slug: "ihar-losik".into(), column: "url" },
                "a path",
            ),
            (vec![(Column::Name, "Ihar Losik")], Key::New, "else a new person"),
        ] {
            assert_eq!(key(&Row::of(2, &cells)), Ok(expected), "{why}");
        }
        for (cells, column) in [
            (vec![(Column::PublicId, "42")], "public_id"),
            (vec![(Column::Slug, "Ihar Losik")], "slug"),
            (vec![(Column::Url, "https://a.org/waves/x")], "url"),
            (vec![(Column::Url, "javascript:alert(1)")], "url"),
        ] {
            assert_eq!(key(&Row::of(2, &cells)).unwrap_err().column, Some(column), "{cells:?}");
        }
    }

    #[test]
    fn names_carry_language_script_and_kind_in_brackets() {
        let doc = recorded();
        let got: Vec<_> =
            doc.names.iter().map(|n| (n.name.as_str(), n.lang.as_deref(), n.script.as_str(), n.kind)).collect();
        assert_eq!(
            got,
            [
                ("Ігар Лосік", Some("be"), "Cyrl", NameKind::Primary),
                ("Ihar Losik", Some("en"), "Latn", NameKind::Primary),
                ("Igor Losik", Some("ru"), "Latn", NameKind::Transliteration),
            ]
        );
        assert_eq!(doc.slug, "ihar-losik", "the address is made as the form makes it");
        assert_eq!(doc.publication, PublicationState::Published);
        let errors = new_person(&[(Column::AllNames, "Ihar Losik [english]")]).unwrap_err();
        assert_eq!(errors.len(), 1, "one message, not also “needs a name”: {errors:?}");
        assert_eq!(errors[0].column, Some("all_names"));
        assert!(errors[0].message.to_string().contains("“english”"), "{:?}", errors);
    }

    #[test]
    fn an_exported_row_leaves_a_recorded_person_as_they_are() {
        let stored = recorded();
        // The export lists names by kind and language, without brackets, and lacks most columns.
        let row = Row::of(
            2,
            &[
                (Column::Name, "Ihar Losik"),
                (Column::AllNames, "Ігар Лосік | Ihar Losik | Igor Losik"),
                (Column::Citizenships, "BY"),
                (Column::Occupation, ""),
            ],
        );
        let again = person(&row, Some(&stored), &stored.slug, "slug", &admin()).unwrap();
        assert_eq!(again, stored);
        let no_names = Row::of(3, &[(Column::Name, ""), (Column::AllNames, " ")]);
        let again = person(&no_names, Some(&stored), &stored.slug, "slug", &admin()).unwrap();
        assert_eq!(again.names, stored.names, "empty name cells keep the names: no one is without a name");
    }

    #[test]
    fn cells_change_what_they_name_and_empty_cells_clear() {
        let stored = recorded();
        let row = Row::of(
            7,
            &[
                (Column::AllNames, "Igor Losik [alias] | Ihar Losik | Ігар Лосік | Ihar Łosik"),
                (Column::Occupation, "Blogger"),
                (Column::Biography, ""),
                (Column::Sex, "Male"),
            ],
        );
        let doc = person(&row, Some(&stored), "ihar-losik", "slug", &admin()).unwrap();
        let names: Vec<_> = doc.names.iter().map(|n| (n.name.as_str(), n.kind)).collect();
        assert_eq!(
            names,
            [
                ("Ігар Лосік", NameKind::Primary),
                ("Ihar Losik", NameKind::Primary),
                ("Igor Losik", NameKind::Alias),
                ("Ihar Łosik", NameKind::Transliteration),
            ],
            "recorded names keep their place, the new one comes last (its letters make it English, \
             where a main name is already recorded: a transliteration)"
        );
        assert_eq!(doc.occupation.as_deref(), Some("Blogger"));
        assert_eq!(doc.biography, None, "an empty cell clears");
        assert_eq!(doc.born, stored.born, "a missing column leaves the value alone");
        assert_eq!(doc.sex, Some(crate::domain::Sex::Male));
    }

    #[test]
    fn every_mistake_names_its_column() {
        let errors = new_person(&[
            (Column::Name, "Ihar Losik"),
            (Column::Born, "1992-13"),
            (Column::Citizenships, "BY XX"),
            (Column::Sex, "robot"),
            (Column::Publication, "maybe"),
        ])
        .unwrap_err();
        let columns: Vec<_> = errors.iter().map(|e| e.column.unwrap()).collect();
        assert_eq!(columns, ["born", "citizenships", "publication", "sex"]);
        for (cells, column, why) in [
            (vec![(Column::Born, "1990")], "name", "a new person needs a name"),
            (vec![(Column::AllNames, "A | A")], "all_names", "a name twice"),
            (vec![(Column::Name, "B"), (Column::AllNames, "A")], "name", "the name shown is not among the names"),
            (vec![(Column::AllNames, "A [en primary] | B [en primary]")], "all_names", "two main names in English"),
            (vec![(Column::Name, "A\u{b}B")], "name", "a control character in a name"),
            (vec![(Column::Name, "A"), (Column::Biography, "x\u{1}")], "biography", "a control character"),
            (vec![(Column::Name, "A"), (Column::InternalNotes, "x\u{1}")], "internal_notes", "in the notes too"),
        ] {
            let errors = new_person(&cells).unwrap_err();
            assert_eq!(errors[0].column, Some(column), "{why}: {errors:?}");
        }
        let mut uneven = Row::of(4, &[(Column::Name, "A")]);
        uneven.cell_count = Some((3, 2));
        assert_eq!(person(&uneven, None, "", "slug", &admin()).unwrap_err()[0].column, None);
    }

    #[test]
    fn notes_for_staff_are_read_and_an_empty_cell_clears_them() {
        let doc =
            new_person(&[(Column::Name, "Synthetic Person"), (Column::InternalNotes, " Call the lawyer first. ")])
                .unwrap();
        assert_eq!(doc.internal_notes.as_deref(), Some("Call the lawyer first."));
        let row = Row::of(2, &[(Column::Slug, "synthetic-person"), (Column::InternalNotes, "")]);
        let cleared = person(&row, Some(&doc), "synthetic-person", "slug", &admin()).unwrap();
        assert_eq!(cleared.internal_notes, None);
        let row = Row::of(2, &[(Column::Slug, "synthetic-person")]);
        let kept = person(&row, Some(&doc), "synthetic-person", "slug", &admin()).unwrap();
        assert_eq!(kept.internal_notes, doc.internal_notes, "no column keeps them");
    }

    #[test]
    fn editors_cannot_publish_or_unpublish_through_a_file() {
        let editor = Rules { countries: codes(), may_publish: false };
        let row = Row::of(2, &[(Column::Name, "Ihar Losik"), (Column::Publication, "published")]);
        let errors = person(&row, None, "", "slug", &editor).unwrap_err();
        assert_eq!(errors[0].column, Some("publication"));
        let draft = person(&Row::of(2, &[(Column::Name, "Ihar Losik")]), None, "", "slug", &editor).unwrap();
        assert_eq!(draft.publication, PublicationState::Draft);

        let stored = recorded();
        let unpublish = Row::of(2, &[(Column::Publication, "draft")]);
        assert!(person(&unpublish, Some(&stored), "ihar-losik", "slug", &editor).is_err());
        let keep = Row::of(2, &[(Column::Publication, ""), (Column::Occupation, "Blogger")]);
        let kept = person(&keep, Some(&stored), "ihar-losik", "slug", &editor).unwrap();
        assert_eq!(kept.publication, PublicationState::Published, "an empty cell keeps the record as it is");
    }
}
