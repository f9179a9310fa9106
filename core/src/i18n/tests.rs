use super::check::{compare, shape, Problem};
use super::*;
use std::path::PathBuf;

fn locales_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../locales")
}

/// CLDR's rules, as the browser's `Intl.PluralRules` has them.
fn cldr(locale: Locale, n: f64) -> &'static str {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    // CLDR files Brazilian Portuguese's rules under "pt".
    let language = locale.tag().split('-').next().unwrap();
    let langid: unic_langid::LanguageIdentifier = language.parse().unwrap();
    let rules = PluralRules::create(langid, PluralRuleType::CARDINAL).unwrap();
    match rules.select(n).unwrap() {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

fn catalog(locale: Locale) -> Catalog {
    let mut c = Catalog::parse(locale, &read(locale)).unwrap();
    c.set_plural_rules(cldr);
    c
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
    let en = catalog(Locale::En);
    assert_eq!(
        en.format("zip-saved", &[("count", 1usize.into())]).unwrap(),
        "Saved a zip of 1 file."
    );
    assert_eq!(
        en.format("zip-saved", &[("count", 3usize.into())]).unwrap(),
        "Saved a zip of 3 files."
    );
    let fr = catalog(Locale::Fr);
    // French counts 0 and 1 as singular.
    let zero = fr.format("zip-saved", &[("count", 0usize.into())]).unwrap();
    let two = fr.format("zip-saved", &[("count", 2usize.into())]).unwrap();
    assert_ne!(zero, two.replace('2', "0"), "{zero} / {two}");
    let ar = catalog(Locale::Ar);
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
fn arguments_are_placed_and_numbers_written_by_the_formatter() {
    let mut en = Catalog::parse(Locale::En, "a = Download { $name }\nb = { $n } files\n").unwrap();
    assert_eq!(
        en.format("a", &[("name", "clip.mp4".into())]).unwrap(),
        "Download clip.mp4"
    );
    assert_eq!(en.format("a", &[]).unwrap(), "Download {$name}");
    assert_eq!(
        en.format("b", &[("n", 1234usize.into())]).unwrap(),
        "1234 files"
    );
    en.set_number_formatter(|n| format!("<{n}>"));
    assert_eq!(
        en.format("b", &[("n", 3usize.into())]).unwrap(),
        "<3> files"
    );
    assert_eq!(en.format("missing", &[]), None);
    assert!(en.has("a") && !en.has("missing"));
    // Right-to-left catalogs isolate placed values, so a Latin file name keeps its order.
    let ar = Catalog::parse(Locale::Ar, "a = تنزيل { $name }\n").unwrap();
    assert_eq!(
        ar.format("a", &[("name", "clip.mp4".into())]).unwrap(),
        "تنزيل \u{2068}clip.mp4\u{2069}"
    );
    // Anything outside the subset fails the file instead of showing half of it.
    for bad in [
        "a = { $\n",
        "a = { -term }\n",
        "a = x\n    .title = y\n",
        "a\n",
        "a = { $n ->\n   [one] x\n}\n",
        "a = x\na = y\n",
    ] {
        assert!(Catalog::parse(Locale::En, bad).is_err(), "{bad:?}");
    }
}

/// The page's runtime writes every message of every locale exactly as `fluent-bundle` does,
/// for text arguments and for the numbers its plural selects see.
#[test]
fn every_message_reads_as_fluent_bundle_writes_it() {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
    for locale in Locale::ALL {
        let source = read(locale);
        let ours = catalog(locale);
        let resource = FluentResource::try_new(source.clone()).unwrap();
        let mut bundle = FluentBundle::new(vec![locale.tag().parse().unwrap()]);
        bundle.set_use_isolating(locale.dir() == "rtl");
        bundle.add_resource(resource).unwrap();
        let shape = shape(&source).unwrap();
        assert_eq!(shape.len(), ours.messages_len(), "{}", locale.file_name());
        for (id, vars) in &shape {
            for n in [0.0, 1.0, 2.0, 3.0, 5.0, 11.0, 21.0, 100.0, 102.0] {
                let mut theirs = FluentArgs::new();
                let mut args = Vec::new();
                for (i, v) in vars.iter().enumerate() {
                    let number = ["count", "ended", "total", "stopped"].contains(&v.as_str());
                    if number {
                        theirs.set(v.as_str(), FluentValue::from(n));
                        args.push((v.as_str(), Arg::Number(n)));
                    } else {
                        let text = format!("v{i}.txt");
                        theirs.set(v.as_str(), FluentValue::from(text.clone()));
                        args.push((v.as_str(), Arg::from(text)));
                    }
                }
                let message = bundle.get_message(id).unwrap();
                let mut errors = Vec::new();
                let expected =
                    bundle.format_pattern(message.value().unwrap(), Some(&theirs), &mut errors);
                assert!(errors.is_empty(), "{id}: {errors:?}");
                assert_eq!(
                    ours.format(id, &args).as_deref(),
                    Some(&*expected),
                    "{} {id} n={n}",
                    locale.file_name()
                );
            }
        }
    }
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

/// One of every sentence core hands the page as a [`Message`] (steps, waits, plans, the
/// classes of FFmpeg failure).
fn core_messages() -> Vec<Message> {
    use crate::lifecycle::Stage;
    use crate::media::MediaKind;
    use crate::memory::{Claim, Lane, Wait};
    use crate::plan::{Outlook, Quality};
    let mut out: Vec<Message> = [
        Stage::Starting,
        Stage::Probing,
        Stage::Analysing,
        Stage::Encoding {
            attempt: 1,
            pass: 0,
        },
        Stage::Encoding {
            attempt: 2,
            pass: 1,
        },
        Stage::Encoding {
            attempt: 3,
            pass: 2,
        },
        Stage::Finishing,
    ]
    .iter()
    .map(Stage::message)
    .collect();
    for (lane, kind) in [
        (Lane::Video, MediaKind::Video),
        (Lane::Audio, MediaKind::Audio),
        (Lane::Image, MediaKind::Image),
    ] {
        for capacity in [1, 2, 3, 11] {
            out.push(Wait::Lane { lane, capacity }.message());
        }
        for (bytes, ahead) in [(100, false), (2_500, false), (2_500, true)] {
            let largest = Claim {
                lane,
                kind,
                bytes: bytes * 1_000_000,
            };
            out.push(
                Wait::Memory {
                    largest,
                    ahead,
                    claimed: 2_600_000_000,
                    budget: 3_000_000_000,
                }
                .message(),
            );
        }
    }
    for quality in [
        Quality::Low,
        Quality::Fair,
        Quality::Good,
        Quality::VeryGood,
    ] {
        for fps in [23.976, 30.0] {
            out.push(
                Outlook {
                    width: 1280,
                    height: 720,
                    fps,
                    quality,
                }
                .message(),
            );
        }
    }
    out
}

/// Every message core makes is written in every locale, every placeholder filled.
#[test]
fn every_locale_writes_every_message_core_makes() {
    let messages = core_messages();
    let distinct: std::collections::BTreeSet<String> =
        messages.iter().map(|m| format!("{m:?}")).collect();
    for locale in Locale::ALL {
        let catalog = catalog(locale);
        let mut seen = std::collections::BTreeSet::new();
        for m in &messages {
            let text = catalog
                .message(m)
                .unwrap_or_else(|| panic!("{}: cannot write {m:?}", locale.file_name()));
            assert!(!text.contains("{$"), "{}: {text}", locale.file_name());
            seen.insert(text);
        }
        // No two different sentences read the same (a copy-pasted variant).
        assert_eq!(seen.len(), distinct.len(), "{}", locale.file_name());
    }
}

#[test]
fn core_messages_read_in_english_as_before() {
    let en = catalog(Locale::En);
    let say = |m: &Message| en.message(m).unwrap();
    use crate::lifecycle::Stage;
    let encode = |attempt, pass| say(&Stage::Encoding { attempt, pass }.message());
    assert_eq!(encode(1, 0), "Encoding");
    assert_eq!(encode(1, 1), "Analysing (pass 1 of 2)");
    assert_eq!(encode(2, 2), "Encoding (pass 2 of 2), attempt 2");
    assert_eq!(say(&Stage::Probing.message()), "Reading the file");
    // German: its words, and the frame rate with its decimal comma (the app's formatter).
    let mut de = catalog(Locale::De);
    de.set_decimal_formatter(|v, d| format!("{v:.*}", usize::from(d)).replace('.', ","));
    let plan = crate::plan::Outlook {
        width: 938,
        height: 528,
        fps: 23.976,
        quality: crate::plan::Quality::VeryGood,
    };
    assert_eq!(
        de.message(&plan.message()).unwrap(),
        "Plan: 528p · 23,98 fps · Qualität sehr gut"
    );
    assert_eq!(say(&plan.message()), "Plan: 528p · 23.98 fps · very good");
}
