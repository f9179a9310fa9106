//! Numbers, sizes, durations and changes written the way the shown language writes them:
//! the browser's `Intl.NumberFormat` for digits and separators ("1,5 MB" in German), the
//! catalog for words and units ("Mo" in French). Native builds (unit tests) print plain
//! digits with a dot, as English does.

use std::cell::RefCell;
use std::collections::HashMap;

use tamp_core::human::{bytes_in_unit, clock_parts, size_change, SizeChange};
use tamp_core::i18n::Locale;

use super::{tr, A};

thread_local! {
    static FORMATTERS: RefCell<HashMap<(Locale, u8, bool), js_sys::Intl::NumberFormat>> =
        RefCell::new(HashMap::new());
}

/// `value` with exactly `digits` decimals, grouped ("1,234.5") when `grouped`.
pub fn number_with(value: f64, digits: u8, grouped: bool) -> String {
    let locale = super::SHOWN.get();
    if !cfg!(target_arch = "wasm32") {
        return format!("{value:.*}", usize::from(digits));
    }
    FORMATTERS.with(|f| {
        let mut f = f.borrow_mut();
        let nf = f.entry((locale, digits, grouped)).or_insert_with(|| {
            let options = js_sys::Object::new();
            let d = f64::from(digits);
            let _ = js_sys::Reflect::set(&options, &"minimumFractionDigits".into(), &d.into());
            let _ = js_sys::Reflect::set(&options, &"maximumFractionDigits".into(), &d.into());
            let _ = js_sys::Reflect::set(&options, &"useGrouping".into(), &grouped.into());
            js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&locale.tag().into()), &options)
        });
        nf.format()
            .call1(&wasm_bindgen::JsValue::NULL, &value.into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| format!("{value:.*}", usize::from(digits)))
    })
}

/// A whole number, grouped as the language groups them.
pub fn integer(value: f64) -> String {
    number_with(value.round(), 0, true)
}

/// "45%" ("45 %" in French and German).
pub fn percent(value: f64) -> String {
    tr("percent", &[("n", A::from(integer(value)))])
}

/// The catalog's hook: every number placed in a message (counts) goes through `Intl`.
pub fn catalog_number(n: f64) -> String {
    integer(n)
}

/// The catalog's hook for the decimals core's messages place (sizes, frame rates).
pub fn catalog_decimal(value: f64, digits: u8) -> String {
    number_with(value, digits, false)
}

thread_local! {
    static PLURALS: RefCell<HashMap<Locale, js_sys::Intl::PluralRules>> = RefCell::new(HashMap::new());
}

/// The catalog's plural rules: the browser's CLDR data (`Intl.PluralRules`).
pub fn plural_category(locale: Locale, n: f64) -> &'static str {
    if !cfg!(target_arch = "wasm32") {
        return if n == 1.0 { "one" } else { "other" };
    }
    let category = PLURALS.with(|p| {
        let mut p = p.borrow_mut();
        let rules = p.entry(locale).or_insert_with(|| {
            js_sys::Intl::PluralRules::new(
                &js_sys::Array::of1(&locale.tag().into()),
                &js_sys::Object::new(),
            )
        });
        String::from(rules.select(n))
    });
    match category.as_str() {
        "zero" => "zero",
        "one" => "one",
        "two" => "two",
        "few" => "few",
        "many" => "many",
        _ => "other",
    }
}

/// "1.5 MB" / "1,5 MB" / "1,5 Mo": decimal units, one decimal place.
pub fn bytes(n: u64) -> String {
    let (value, unit) = bytes_in_unit(n);
    let digits = if unit == "B" { 0 } else { 1 };
    let id = format!("size-{}", unit.to_ascii_lowercase());
    tr(&id, &[("n", A::from(number_with(value, digits, true)))])
}

/// "1:05" / "1:02:03" with the language's digits.
pub fn duration(secs: f64) -> String {
    let (h, m, s) = clock_parts(secs);
    let two = |v: u64| {
        let d = number_with(v as f64, 0, false);
        if v < 10 {
            format!("{}{d}", number_with(0.0, 0, false))
        } else {
            d
        }
    };
    let plain = |v: u64| number_with(v as f64, 0, false);
    if h > 0 {
        format!("{}:{}:{}", plain(h), two(m), two(s))
    } else {
        format!("{}:{}", plain(m), two(s))
    }
}

/// "40% smaller", "12% larger", "same size".
pub fn change(input: u64, output: u64) -> String {
    match size_change(input, output) {
        SizeChange::Smaller(p) => tr("smaller", &[("percent", A::from(integer(f64::from(p))))]),
        SizeChange::Larger(p) => tr("larger", &[("percent", A::from(integer(f64::from(p))))]),
        SizeChange::LargerThanEmpty => tr("larger-than-empty", &[]),
        SizeChange::Same => tr("same-size", &[]),
    }
}

/// "1920 × 1080" with the language's digits.
pub fn dimensions(w: u32, h: u32) -> String {
    format!(
        "{} × {}",
        number_with(f64::from(w), 0, false),
        number_with(f64::from(h), 0, false)
    )
}

/// A select option's text: its translation where the catalog has one (`opt-<label>`),
/// else the label itself ("720p", "MP4", "15 fps" read the same everywhere).
pub fn option_text(label: &str) -> String {
    let id = option_id(label);
    if super::has(&id) {
        tr(&id, &[])
    } else {
        label.to_owned()
    }
}

/// "Fast (browser codecs)" → "opt-fast-browser-codecs".
pub fn option_id(label: &str) -> String {
    let mut id = String::from("opt");
    for word in label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        id.push('-');
        id.push_str(&word.to_ascii_lowercase());
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_reads_as_before() {
        assert_eq!(bytes(999), "999 B");
        assert_eq!(bytes(1_500_000), "1.5 MB");
        assert_eq!(duration(65.0), "1:05");
        assert_eq!(duration(3723.0), "1:02:03");
        assert_eq!(change(2_000_000, 1_200_000), "40% smaller");
        assert_eq!(
            option_id("Fast (browser codecs)"),
            "opt-fast-browser-codecs"
        );
        assert_eq!(option_text("Balanced"), "Balanced");
        assert_eq!(option_text("720p"), "720p");
    }
}
