//! A sentence as data: which catalog message, with which arguments. Core says *what* to tell
//! the user (a job's step, why it waits, the plan) as a [`Message`]; the app writes it in the
//! shown language with [`Catalog::message`], so core never knows a locale.

use super::{Arg, Catalog};
use crate::human::bytes_in_unit;

/// A message id of the `.ftl` catalogs and its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// The id in `locales/*.ftl` (every id core makes is checked against `en.ftl`).
    pub id: &'static str,
    /// The placeholders' values, by name.
    pub args: Vec<(&'static str, Param)>,
}

/// One argument of a [`Message`], typed so that the catalog writes it the language's way.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    /// A count: picks plural forms, written by the catalog's number formatter.
    Count(u64),
    /// A number with exactly `digits` decimals, not grouped ("23.98", "23,98", "1080").
    Decimal { value: f64, digits: u8 },
    /// A size in bytes, written in decimal units ("1.5 MB", "1,5 Mo").
    Bytes(u64),
    /// Text placed as it is (a format's name).
    Text(String),
    /// Another message, written first and placed as text ("very good" in "… · very good").
    Message(Box<Message>),
}

impl Message {
    /// A message without arguments.
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// This message with one more argument.
    pub fn with(mut self, name: &'static str, value: Param) -> Message {
        self.args.push((name, value));
        self
    }
}

/// Writes a number with exactly that many decimals, ungrouped (the app's uses `Intl`).
pub type DecimalFormatter = fn(f64, u8) -> String;

/// Plain digits with a dot, as English writes them (native use).
pub(super) fn plain_decimal(value: f64, digits: u8) -> String {
    format!("{value:.*}", usize::from(digits))
}

impl Catalog {
    /// `message` in this catalog's language; `None` when it (or a message it places) is
    /// missing, so the caller can fall back to English for the whole sentence.
    pub fn message(&self, message: &Message) -> Option<String> {
        let mut args = Vec::with_capacity(message.args.len());
        for (name, param) in &message.args {
            let arg = match param {
                Param::Count(n) => Arg::Number(*n as f64),
                Param::Decimal { value, digits } => Arg::from(self.decimal(*value, *digits)),
                Param::Bytes(n) => {
                    let (value, unit) = bytes_in_unit(*n);
                    let digits = if unit == "B" { 0 } else { 1 };
                    let id = format!("size-{}", unit.to_ascii_lowercase());
                    let n = self.decimal(value, digits);
                    Arg::from(self.format(&id, &[("n", Arg::from(n))])?)
                }
                Param::Text(t) => Arg::from(t.as_str()),
                Param::Message(inner) => Arg::from(self.message(inner)?),
            };
            args.push((*name, arg));
        }
        self.format(message.id, &args)
    }
}
