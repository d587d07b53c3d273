//! Words that Rust code chooses but the reader sees: a refusal's reason, a form field's error.
//! Code names the message by its key and arguments; the page puts it into its own language.

use std::fmt;

use super::Lang;

/// A message key and its arguments, put into words by [`Lang::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    text: Text,
    args: Vec<(&'static str, Arg)>,
}

/// An argument: text as it is, or a message put into the same language as the one it is in
/// ("February" in "February 2025 has no day 29").
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Text(String),
    Message(Message),
    /// A number, grouped as the language groups digits.
    Number(i64),
    /// A date, as precisely as it is known, in the language's words.
    Date(crate::domain::PartialDate),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Text {
    Key(&'static str),
    /// The word for a stored key (`Lang::label`): a field's name in `field-slug`.
    Label(&'static str, String),
}

impl Message {
    /// The message `key` of the Fluent files.
    pub fn new(key: &'static str) -> Self {
        Message { text: Text::Key(key), args: Vec::new() }
    }

    /// The word for the stored key `key` of `kind`, as [`Lang::label`] gives it.
    pub fn label(kind: &'static str, key: impl Into<String>) -> Self {
        Message { text: Text::Label(kind, key.into()), args: Vec::new() }
    }

    /// Adds the argument `$name`, already formatted.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Adds the argument `$name`: a number, written as the language writes numbers (`20,000`,
    /// `20 000`).
    pub fn number(mut self, name: &'static str, value: impl super::Count) -> Self {
        self.args.push((name, Arg::Number(value.count())));
        self
    }

    /// Adds the argument `$name`: a date in the language's words ("12 лютага 2025").
    pub fn date(mut self, name: &'static str, value: crate::domain::PartialDate) -> Self {
        self.args.push((name, Arg::Date(value)));
        self
    }

    /// Adds the argument `$name`: another message, in the language this one is put into.
    pub fn arg_message(mut self, name: &'static str, value: Message) -> Self {
        self.args.push((name, Arg::Message(value)));
        self
    }

    /// The key, if the message has one.
    pub fn key(&self) -> Option<&'static str> {
        match self.text {
            Text::Key(key) => Some(key),
            Text::Label(..) => None,
        }
    }
}

impl Lang {
    /// `message` in this language.
    pub fn message(self, message: &Message) -> String {
        match &message.text {
            Text::Key(key) => {
                let values: Vec<(&str, String)> = message
                    .args
                    .iter()
                    .map(|(name, value)| match value {
                        Arg::Text(text) => (*name, text.clone()),
                        Arg::Message(inner) => (*name, self.message(inner)),
                        Arg::Number(n) => (*name, self.number(*n)),
                        Arg::Date(date) => (*name, self.date(date)),
                    })
                    .collect();
                let args: Vec<(&str, &dyn fmt::Display)> =
                    values.iter().map(|(name, value)| (*name, value as &dyn fmt::Display)).collect();
                self.t_args(key, &args)
            }
            Text::Label(kind, key) => self.label(kind, key),
        }
    }
}

/// In English: for logs, and for the API, whose messages are English.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.message(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PartialDate;

    #[test]
    fn arguments_are_put_into_the_messages_language() {
        let error = "2025-02-30".parse::<PartialDate>().unwrap_err().message();
        assert_eq!(Lang::En.message(&error), "February 2025 has no day 30");
        assert_eq!(Lang::Be.message(&error), "люты 2025: няма 30-га чысла");
        assert_eq!(Lang::Ru.message(&error), "февраль 2025: нет 30-го числа");

        let long = Message::new("error-too-long").number("max", 20_000);
        assert_eq!(Lang::En.message(&long), "at most 20,000 characters");
        assert_eq!(Lang::Be.message(&long), "не больш за 20\u{a0}000 знакаў");

        let (started, ended) = ("2022-05".parse().unwrap(), "2021".parse().unwrap());
        let order = Message::new("error-ends-before-start").date("ended", ended).date("started", started);
        assert_eq!(Lang::Ru.message(&order), "конец (2021) не может быть раньше начала (май 2022)");

        let field = Message::new("refusal-restore-invalid")
            .arg_message("field", Message::label("field", "born"))
            .arg_message("problem", Message::new("error-choose"));
        assert_eq!(
            Lang::Be.message(&field),
            "гэтую версію нельга вярнуць як ёсць (Дата нараджэння: выберыце са спіса)"
        );
        assert_eq!(field.to_string(), "that version cannot come back as it was (Born: choose from the list)");
    }
}
