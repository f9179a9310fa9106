//! Output and zip entry names come from the user's file names: whatever the input, the
//! result is one safe, non-empty file name within the length limit, and a batch's names
//! stay unique.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tamp_core::names::{base_name, safe_file_name, safe_stem, MAX_NAME_BYTES, MAX_STEM_BYTES};
use tamp_core::zip::unique_names;

fn assert_safe(name: &str) {
    assert!(!name.is_empty());
    assert!(!name.starts_with('.'), "{name:?}");
    assert!(
        !name
            .chars()
            .any(|c| c.is_control()
                || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')),
        "{name:?}"
    );
}

fuzz_target!(|input: (&str, Vec<String>)| {
    let (path, batch) = input;
    let _ = base_name(path);
    let stem = safe_stem(path);
    assert!(stem.len() <= MAX_STEM_BYTES, "{stem:?}");
    assert_safe(&stem);
    let whole = safe_file_name(path);
    assert!(whole.len() <= MAX_NAME_BYTES, "{whole:?}");
    assert_safe(&whole);
    // Idempotent: a safe name stays as it is.
    assert_eq!(safe_file_name(&whole), whole);

    let safe: Vec<String> = batch.iter().take(64).map(|n| safe_file_name(n)).collect();
    let unique = unique_names(&safe);
    assert_eq!(unique.len(), safe.len());
    let mut sorted = unique.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), unique.len(), "{unique:?}");
});
