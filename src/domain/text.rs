//! Text as people type or paste it. A control character (U+0001, a vertical tab from a word
//! processor) is invisible in a form and invalid in XML: forms and imports refuse it with
//! [`ControlCharacter`] (and `web::xml` leaves out any that came in before).

/// A control character found in typed text. Its words (`message`) are in `i18n::refusals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ControlCharacter(pub char);

impl ControlCharacter {
    /// The character as `U+000B`, the way a person can look it up.
    pub fn code(self) -> String {
        format!("U+{:04X}", self.0 as u32)
    }
}

/// Whether `c` may stand in stored text: anything but control characters; tabs and line breaks
/// are allowed (multi-line fields have them; a single-line field's are trimmed or harmless).
fn allowed(c: char) -> bool {
    !c.is_control() || matches!(c, '\t' | '\n' | '\r')
}

/// The first control character in `text` that is not a tab or a line break.
pub fn check(text: &str) -> Result<(), ControlCharacter> {
    text.chars().find(|c| !allowed(*c)).map_or(Ok(()), |c| Err(ControlCharacter(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_but_tabs_and_line_breaks_are_found() {
        assert_eq!(check("Ales\tBialiatski\r\nline"), Ok(()));
        assert_eq!(check("Кузнечык\u{b}"), Err(ControlCharacter('\u{b}')));
        assert_eq!(check("a\u{1}b").unwrap_err().code(), "U+0001");
        assert_eq!(check("a\u{85}b"), Err(ControlCharacter('\u{85}')), "C1 controls too");
    }
}
