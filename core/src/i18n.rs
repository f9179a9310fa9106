//! The user's language: which locales Tamp speaks, how one is picked from the browser's
//! preferences, and the Fluent catalog that turns a message id and its arguments into text.
//!
//! One `.ftl` file per locale in `locales/` (Project Fluent's syntax), so adding a language is
//! adding a file and a [`Locale`] variant. English is the reference: every other file must
//! have exactly its messages and placeholders ([`check`], run natively over the real files).
//! Plural categories and numbers come from the caller (the app's: the browser's
//! `Intl.PluralRules` and `Intl.NumberFormat`), so "3 Dateien" and "1,5 MB" come out in
//! German; [`catalog`] says why the page formats with its own small Fluent runtime.

pub mod catalog;
pub mod check;
pub mod message;

use std::borrow::Cow;

pub use catalog::Catalog;
pub use message::{Message, Param};

/// A language Tamp is translated into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English, the reference and the fallback.
    En,
    /// Spanish.
    Es,
    /// German.
    De,
    /// French.
    Fr,
    /// Brazilian Portuguese.
    PtBr,
    /// Japanese.
    Ja,
    /// Arabic, written right to left.
    Ar,
}

impl Locale {
    /// Every locale, in the order the language select lists them.
    pub const ALL: [Locale; 7] = [
        Locale::En,
        Locale::Es,
        Locale::De,
        Locale::Fr,
        Locale::PtBr,
        Locale::Ja,
        Locale::Ar,
    ];

    /// The BCP 47 tag: `<html lang>`, `Intl`'s locale and the `.ftl` file's name.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::PtBr => "pt-BR",
            Locale::Ja => "ja",
            Locale::Ar => "ar",
        }
    }

    /// The language's name in itself, as the select shows it (a reader looks for their own).
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
            Locale::De => "Deutsch",
            Locale::Fr => "Français",
            Locale::PtBr => "Português (Brasil)",
            Locale::Ja => "日本語",
            Locale::Ar => "العربية",
        }
    }

    /// `<html dir>`: "rtl" for Arabic, "ltr" otherwise.
    pub fn dir(self) -> &'static str {
        if self == Locale::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The catalog's file name in `locales/` ("pt-BR.ftl").
    pub fn file_name(self) -> String {
        format!("{}.ftl", self.tag())
    }

    /// The locale a tag names exactly (case-insensitive), as saved by the select.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The first of the browser's preferred languages (`navigator.languages`, best first)
    /// that Tamp speaks, matched on the language alone when the region differs ("de-AT" is
    /// German, any Portuguese is Brazilian); English when none matches.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        for tag in preferred {
            if let Some(exact) = Locale::from_tag(tag) {
                return exact;
            }
            let language = tag.split(['-', '_']).next().unwrap_or_default();
            if let Some(l) = Locale::ALL.into_iter().find(|l| {
                let own = l.tag().split('-').next().unwrap_or_default();
                own.eq_ignore_ascii_case(language)
            }) {
                return l;
            }
        }
        Locale::En
    }
}

/// A message argument: text as it is, or a number (Fluent picks plural forms from it, and
/// the catalog's number formatter writes it).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// Text, placed as given (file names, sizes already formatted).
    Text(Cow<'a, str>),
    /// A number.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl From<f64> for Arg<'_> {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Number(f64::from(n))
    }
}

/// `message` as `en.ftl` writes it, with plain digits: for the engines' logs and notes,
/// which stay English (the page writes what the user reads in the shown language). The
/// native tests parse `en.ftl` and check every message core makes, so it cannot fail there;
/// should it anyway, the message id stands in.
pub fn english(message: &Message) -> String {
    static ENGLISH: std::sync::OnceLock<Option<Catalog>> = std::sync::OnceLock::new();
    ENGLISH
        .get_or_init(|| Catalog::parse(Locale::En, include_str!("../../locales/en.ftl")).ok())
        .as_ref()
        .and_then(|c| c.message(message))
        .unwrap_or_else(|| message.id.to_owned())
}

#[cfg(test)]
mod tests;
