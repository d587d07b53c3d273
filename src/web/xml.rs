//! The escaper of every XML the site writes (Atom feeds, sitemaps, SVG charts), named `xml` in
//! `askama.toml`. It escapes markup like askama's HTML escaper and leaves out the characters XML
//! 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF),
//! which a name pasted from a word processor can carry: one of them makes the whole document
//! malformed, a feed reader rejects it and the PNG drawn from an SVG fails.

use std::fmt::{self, Write};

#[derive(Debug, Clone, Copy)]
pub(super) struct Xml;

impl askama::filters::Escaper for Xml {
    fn write_escaped_str<W: Write>(&self, mut dest: W, string: &str) -> fmt::Result {
        let mut rest = string;
        while let Some(at) = rest.find(|c: char| escaped(c).is_some() || !allowed(c)) {
            dest.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            if let Some(entity) = escaped(c) {
                dest.write_str(entity)?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        dest.write_str(rest)
    }
}

fn escaped(c: char) -> Option<&'static str> {
    Some(match c {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => return None,
    })
}

/// Whether XML 1.0 allows `c` in a document.
fn allowed(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use askama::filters::Escaper;

    use super::*;

    fn escape(s: &str) -> String {
        let mut out = String::new();
        Xml.write_escaped_str(&mut out, s).unwrap();
        out
    }

    #[test]
    fn markup_is_escaped_and_forbidden_characters_left_out() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("Ihar\u{1}\u{b} Losik\u{ffff}"), "Ihar Losik");
        assert_eq!(escape("line\tone\nline two\r"), "line\tone\nline two\r", "whitespace XML allows stays");
        assert_eq!(escape("Кузнечык \u{7f} ✓"), "Кузнечык \u{7f} ✓", "everything else passes");
        assert_eq!(escape(""), "");
    }
}
