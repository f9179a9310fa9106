//! Content sniffing sees the first bytes of every file a user drops: it must never panic,
//! and a recognised format always comes with its kind and a description.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tamp_core::media::MediaKind;
use tamp_core::sniff::sniff;

fuzz_target!(|head: &[u8]| {
    let found = sniff(head);
    assert!(!found.description.is_empty());
    if found.format.is_some() && found.kind == MediaKind::Unknown {
        // Recognised non-media (PDF, text…) is the only Unknown with a format id.
        assert!(!matches!(
            found.format,
            Some("mp4" | "webm" | "png" | "jpeg" | "mp3")
        ));
    }
    // Deterministic: the same bytes, the same answer.
    assert_eq!(sniff(head), found);
});
