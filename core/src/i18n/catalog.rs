//! The app's Fluent runtime: the subset of Fluent's syntax Tamp's catalogs use, formatted
//! exactly as `fluent-bundle` formats it (a native test compares every message of every
//! locale with `fluent-bundle`'s output, and fails on any construct outside the subset).
//!
//! Why not `fluent-bundle` itself in the page: measured on this app's release build, it
//! (with `fluent-syntax`, `unic-langid`, `intl_pluralrules` and `intl-memoizer`) grew the
//! gzipped download by more than issue 19's 40 KB budget left room for. The browser already
//! has CLDR's plural rules (`Intl.PluralRules`) and number formats, so the page needs only
//! this: messages whose text has `{ $name }` placeables, and one `{ $n -> [one] … *[other] … }`
//! select on a plural category or an exact number.

use std::collections::HashMap;

use super::message::{plain_decimal, DecimalFormatter};
use super::{Arg, Locale};

/// Writes a number placed in a message (the app's uses `Intl.NumberFormat`).
pub type NumberFormatter = fn(f64) -> String;
/// The CLDR plural category ("zero", "one", "two", "few", "many", "other") of a number in a
/// locale (the app's uses `Intl.PluralRules`).
pub type PluralRules = fn(Locale, f64) -> &'static str;

#[derive(Clone, Debug, PartialEq)]
enum Part {
    Text(String),
    Var(String),
}

#[derive(Clone, Debug, PartialEq)]
enum Value {
    Pattern(Vec<Part>),
    Select {
        selector: String,
        /// (key, pattern); the default variant is `default`.
        variants: Vec<(String, Vec<Part>)>,
        default: usize,
    },
}

/// One locale's messages, parsed from its `.ftl` source.
pub struct Catalog {
    locale: Locale,
    messages: HashMap<String, Value>,
    number: NumberFormatter,
    decimal: DecimalFormatter,
    plural: PluralRules,
}

fn plain_number(n: f64) -> String {
    n.to_string()
}

/// English's rule, for a catalog given no other (native use).
fn english_plural(_: Locale, n: f64) -> &'static str {
    if n == 1.0 {
        "one"
    } else {
        "other"
    }
}

impl Catalog {
    /// Parses `source` as `locale`'s catalog; a line outside the subset fails the whole file.
    pub fn parse(locale: Locale, source: &str) -> Result<Catalog, String> {
        let mut messages = HashMap::new();
        let mut lines = source.lines().enumerate();
        while let Some((no, line)) = lines.next() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |what: &str| format!("{} line {}: {what}", locale.file_name(), no + 1);
            let (id, value) = line
                .split_once(" = ")
                .ok_or_else(|| err("not `id = text`"))?;
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(err("not a message id"));
            }
            let value = if let Some(selector) = value
                .strip_prefix("{ $")
                .and_then(|v| v.strip_suffix(" ->"))
            {
                let mut variants = Vec::new();
                let mut default = None;
                loop {
                    let (_, v) = lines.next().ok_or_else(|| err("unclosed select"))?;
                    let v = v.trim();
                    if v == "}" {
                        break;
                    }
                    let (star, v) = match v.strip_prefix('*') {
                        Some(rest) => (true, rest),
                        None => (false, v),
                    };
                    let (key, text) = v
                        .strip_prefix('[')
                        .and_then(|v| v.split_once("] "))
                        .ok_or_else(|| err("not a `[key] text` variant"))?;
                    if star {
                        default = Some(variants.len());
                    }
                    variants.push((
                        key.to_owned(),
                        pattern(text).ok_or_else(|| err("bad placeable"))?,
                    ));
                }
                Value::Select {
                    selector: selector.to_owned(),
                    variants,
                    default: default.ok_or_else(|| err("no default variant"))?,
                }
            } else {
                Value::Pattern(pattern(value).ok_or_else(|| err("bad placeable"))?)
            };
            if messages.insert(id.to_owned(), value).is_some() {
                return Err(err("duplicate message"));
            }
        }
        Ok(Catalog {
            locale,
            messages,
            number: plain_number,
            decimal: plain_decimal,
            plural: english_plural,
        })
    }

    /// The locale this catalog speaks.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Writes every number placed in a message with `formatter`.
    pub fn set_number_formatter(&mut self, formatter: NumberFormatter) {
        self.number = formatter;
    }

    /// Writes the decimals a [`super::Message`] places (sizes, frame rates) with `formatter`.
    pub fn set_decimal_formatter(&mut self, formatter: DecimalFormatter) {
        self.decimal = formatter;
    }

    pub(super) fn decimal(&self, value: f64, digits: u8) -> String {
        (self.decimal)(value, digits)
    }

    /// Picks plural variants with `rules` (English's rule until set).
    pub fn set_plural_rules(&mut self, rules: PluralRules) {
        self.plural = rules;
    }

    /// How many messages the catalog has.
    pub fn messages_len(&self) -> usize {
        self.messages.len()
    }

    /// Whether the catalog has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.messages.contains_key(id)
    }

    /// Message `id` with `args`; `None` when it is missing. A missing argument is written
    /// as `{$name}`, as Fluent does.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let parts = match self.messages.get(id)? {
            Value::Pattern(parts) => parts,
            Value::Select {
                selector,
                variants,
                default,
            } => {
                let n = args
                    .iter()
                    .find(|(k, _)| k == selector)
                    .and_then(|(_, v)| match v {
                        Arg::Number(n) => Some(*n),
                        Arg::Text(t) => t.parse().ok(),
                    });
                let chosen = n.and_then(|n| {
                    let category = (self.plural)(self.locale, n);
                    variants
                        .iter()
                        .position(|(k, _)| k.parse::<f64>().is_ok_and(|k| k == n))
                        .or_else(|| variants.iter().position(|(k, _)| k == category))
                });
                &variants[chosen.unwrap_or(*default)].1
            }
        };
        // Fluent isolates placeables only among other parts (not a message that is one).
        let isolate = self.locale.dir() == "rtl" && parts.len() > 1;
        let mut out = String::new();
        for part in parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Var(name) => {
                    let value = match args.iter().find(|(k, _)| k == name) {
                        Some((_, Arg::Text(t))) => t.to_string(),
                        Some((_, Arg::Number(n))) => (self.number)(*n),
                        None => format!("{{${name}}}"),
                    };
                    // Unicode isolation keeps a left-to-right file name from scrambling
                    // an Arabic sentence, as Fluent's bundles do.
                    if isolate {
                        out.push('\u{2068}');
                        out.push_str(&value);
                        out.push('\u{2069}');
                    } else {
                        out.push_str(&value);
                    }
                }
            }
        }
        Some(out)
    }
}

/// Text with `{ $name }` placeables; `None` for any other brace.
fn pattern(text: &str) -> Option<Vec<Part>> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        if !rest[at..].starts_with("{ $") {
            return None;
        }
        if at > 0 {
            parts.push(Part::Text(rest[..at].to_owned()));
        }
        let inner = &rest[at + 3..];
        let end = inner.find(" }")?;
        let name = &inner[..end];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        parts.push(Part::Var(name.to_owned()));
        rest = &inner[end + 2..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_owned()));
    }
    Some(parts)
}
