//! The user's language: which locales Tamp speaks, how one is picked from the browser's
//! preferences, and the Fluent catalog that turns a message id and its arguments into text.
//!
//! One `.ftl` file per locale in `locales/` (Project Fluent's syntax), so adding a language is
//! adding a file and a [`Locale`] variant. English is the reference: every other file must
//! have exactly its messages and placeholders ([`check`], run natively over the real files).
//! Plurals are Fluent's (CLDR rules); numbers are formatted by the caller's formatter (the
//! app's uses the browser's `Intl.NumberFormat`), so "1,5 MB" comes out in German.

pub mod check;

use std::borrow::Cow;

pub use fluent_bundle::FluentValue;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
pub use intl_memoizer::IntlLangMemoizer;

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

/// Formats a number for display; see [`Catalog::set_number_formatter`].
pub type NumberFormatter = fn(&FluentValue, &IntlLangMemoizer) -> Option<String>;

/// One locale's messages, parsed from its `.ftl` source.
pub struct Catalog {
    locale: Locale,
    bundle: FluentBundle<FluentResource>,
}

impl Catalog {
    /// Parses `source` as `locale`'s catalog. A syntax error fails the whole file, so a
    /// broken translation is caught by the native test rather than shown half-parsed.
    pub fn parse(locale: Locale, source: &str) -> Result<Catalog, String> {
        // Counts, not the errors' Debug text: formatting Fluent's error types would add
        // their Debug code to the app's download for a case the native test rules out.
        let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
            format!("{}: {} syntax errors", locale.file_name(), errors.len())
        })?;
        let langid = locale
            .tag()
            .parse()
            .map_err(|_| format!("{}: not a language tag", locale.tag()))?;
        let mut bundle = FluentBundle::new(vec![langid]);
        // Unicode isolation marks keep a left-to-right file name from scrambling an Arabic
        // sentence; in left-to-right locales they would only get in the way of copying.
        bundle.set_use_isolating(locale.dir() == "rtl");
        bundle.add_resource(resource).map_err(|errors| {
            format!(
                "{}: {} duplicate messages",
                locale.file_name(),
                errors.len()
            )
        })?;
        Ok(Catalog { locale, bundle })
    }

    /// The locale this catalog speaks.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Formats every number placed in a message with `formatter` (e.g. the browser's
    /// `Intl.NumberFormat`); Fluent's own writes plain digits with a dot.
    pub fn set_number_formatter(&mut self, formatter: NumberFormatter) {
        self.bundle.set_formatter(Some(formatter));
    }

    /// Whether the catalog has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Message `id` (or its attribute, as "id.attr") with `args`; `None` when it is missing.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let (id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let message = self.bundle.get_message(id)?;
        let pattern = match attr {
            Some(a) => message.get_attribute(a)?.value(),
            None => message.value()?,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.to_string())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }
}

#[cfg(test)]
mod tests;
