use super::check::{compare, shape, Problem};
use super::*;
use std::path::PathBuf;

fn locales_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../locales")
}

fn read(locale: Locale) -> String {
    let path = locales_dir().join(locale.file_name());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_browser_preference_picks_the_first_language_tamp_speaks() {
    assert_eq!(Locale::negotiate(["de-AT", "en"]), Locale::De);
    assert_eq!(Locale::negotiate(["nl", "fr-CA"]), Locale::Fr);
    assert_eq!(Locale::negotiate(["pt-PT"]), Locale::PtBr);
    assert_eq!(Locale::negotiate(["pt-br"]), Locale::PtBr);
    assert_eq!(Locale::negotiate(["ar-EG"]), Locale::Ar);
    assert_eq!(Locale::negotiate(["ja-JP", "en-US"]), Locale::Ja);
    assert_eq!(Locale::negotiate(["zh-CN", "ko"]), Locale::En);
    assert_eq!(Locale::negotiate([]), Locale::En);
    assert_eq!(Locale::from_tag("PT-br"), Some(Locale::PtBr));
    assert_eq!(Locale::from_tag("xx"), None);
    assert_eq!(Locale::Ar.dir(), "rtl");
    assert_eq!(Locale::Ja.dir(), "ltr");
}

#[test]
fn plurals_follow_each_language() {
    let en = Catalog::parse(Locale::En, &read(Locale::En)).unwrap();
    assert_eq!(
        en.format("zip-saved", &[("count", 1usize.into())]).unwrap(),
        "Saved a zip of 1 file."
    );
    assert_eq!(
        en.format("zip-saved", &[("count", 3usize.into())]).unwrap(),
        "Saved a zip of 3 files."
    );
    let fr = Catalog::parse(Locale::Fr, &read(Locale::Fr)).unwrap();
    // French counts 0 and 1 as singular.
    let zero = fr.format("zip-saved", &[("count", 0usize.into())]).unwrap();
    let two = fr.format("zip-saved", &[("count", 2usize.into())]).unwrap();
    assert_ne!(zero, two.replace('2', "0"), "{zero} / {two}");
    let ar = Catalog::parse(Locale::Ar, &read(Locale::Ar)).unwrap();
    let forms: std::collections::BTreeSet<String> = [1usize, 2, 3, 11, 100]
        .iter()
        .map(|n| {
            ar.format("zip-saved", &[("count", (*n).into())])
                .unwrap()
                .replace(
                    |c: char| c.is_ascii_digit() || c == '\u{2068}' || c == '\u{2069}',
                    "",
                )
        })
        .collect();
    assert!(forms.len() >= 3, "Arabic keeps its plural forms: {forms:?}");
}

#[test]
fn arguments_and_attributes_are_placed() {
    let en = Catalog::parse(
        Locale::En,
        "a = Download { $name }\nb = x\n    .title = T { $n }\n",
    )
    .unwrap();
    assert_eq!(
        en.format("a", &[("name", "clip.mp4".into())]).unwrap(),
        "Download clip.mp4"
    );
    assert_eq!(
        en.format("b.title", &[("n", 2usize.into())]).unwrap(),
        "T 2"
    );
    assert_eq!(en.format("missing", &[]), None);
    assert!(en.has("a") && !en.has("missing"));
    // Right-to-left catalogs isolate placed values, so a Latin file name keeps its order.
    let ar = Catalog::parse(Locale::Ar, "a = تنزيل { $name }\n").unwrap();
    assert_eq!(
        ar.format("a", &[("name", "clip.mp4".into())]).unwrap(),
        "تنزيل \u{2068}clip.mp4\u{2069}"
    );
    assert!(Catalog::parse(Locale::En, "a = { $\n").is_err());
}

#[test]
fn the_check_finds_missing_extra_and_mismatched_messages() {
    let reference = "a = A { $n }\nb = B\n    .title = T { $x }\nc = C\n";
    let translation = "a = A { $m }\nb = B\n    .title = T\nd = D\n";
    assert_eq!(
        compare(reference, translation),
        vec![
            Problem::Placeholders("a".into(), vec!["n".into()], vec!["m".into()]),
            Problem::Placeholders("b.title".into(), vec!["x".into()], vec![]),
            Problem::Missing("c".into()),
            Problem::Extra("d".into()),
        ]
    );
    // Plural selectors and variants count as using the variable.
    let plural = "z = { $count ->\n    [one] one file\n   *[other] { $count } files\n}\n";
    assert_eq!(compare(plural, "z = { $count } ファイル\n"), vec![]);
    assert!(matches!(
        compare(plural, "z = { $count ->\n")[..],
        [Problem::Syntax(_)]
    ));
    assert_eq!(shape("a = { $x } { $y }\n").unwrap()["a"].len(), 2);
}

#[test]
fn every_locale_has_every_message_with_the_same_placeholders() {
    let reference = read(Locale::En);
    for locale in Locale::ALL {
        let source = read(locale);
        let problems = compare(&reference, &source);
        assert!(problems.is_empty(), "{}: {problems:#?}", locale.file_name());
        Catalog::parse(locale, &source).unwrap();
    }
}

/// The ids the app asks for (`t("id")` and `tr("id", …)` in `src/`) are all in English.
#[test]
fn every_message_the_app_asks_for_exists() {
    let en = shape(&read(Locale::En)).unwrap();
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../src");
    let mut missing = Vec::new();
    let mut seen = 0;
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for call in ["t(\"", "tr(\""] {
                for (at, _) in text.match_indices(call) {
                    let before = text[..at].chars().next_back().unwrap_or(' ');
                    if before.is_alphanumeric() || before == '_' {
                        continue;
                    }
                    let rest = &text[at + call.len()..];
                    let id = &rest[..rest.find('"').unwrap()];
                    seen += 1;
                    if !en.contains_key(id) {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        seen > 50,
        "found only {seen} calls: has the helper been renamed?"
    );
    assert!(missing.is_empty(), "{missing:#?}");
}
