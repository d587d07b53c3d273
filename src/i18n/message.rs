//! Words that Rust code chooses but the reader sees: a refusal's reason, a form field's error.
//! Code names the message by its key and arguments; the page puts it into its own language.

use std::fmt;

use super::Lang;

/// A message key and its arguments, put into words by [`Lang::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    text: Text,
    args: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Text {
    Key(&'static str),
    /// English text that has no key yet (issue 9 is moving every one onto a key).
    Untranslated(String),
}

impl Message {
    /// The message `key` of the Fluent files.
    pub fn new(key: &'static str) -> Self {
        Message { text: Text::Key(key), args: Vec::new() }
    }

    /// English text without a message key; shown as it is, marked `lang="en"`.
    pub fn untranslated(text: impl Into<String>) -> Self {
        Message { text: Text::Untranslated(text.into()), args: Vec::new() }
    }

    /// Adds the argument `$name`, already formatted.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The key, if the message has one.
    pub fn key(&self) -> Option<&'static str> {
        match self.text {
            Text::Key(key) => Some(key),
            Text::Untranslated(_) => None,
        }
    }

    /// Whether the message is English whatever the page's language.
    pub fn is_untranslated(&self) -> bool {
        matches!(self.text, Text::Untranslated(_))
    }
}

impl Lang {
    /// `message` in this language.
    pub fn message(self, message: &Message) -> String {
        match &message.text {
            Text::Key(key) => {
                let args: Vec<(&str, &dyn fmt::Display)> =
                    message.args.iter().map(|(name, value)| (*name, value as &dyn fmt::Display)).collect();
                self.t_args(key, &args)
            }
            Text::Untranslated(text) => text.clone(),
        }
    }
}

/// In English: for logs, and for the API, whose messages are English.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.message(self))
    }
}
