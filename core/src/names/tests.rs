use super::*;

/// Every name this module makes must pass these, whatever went in.
fn assert_safe(name: &str) {
    assert!(!name.is_empty());
    assert!(
        name.len() <= MAX_NAME_BYTES,
        "{name:?} is {} bytes",
        name.len()
    );
    assert!(
        !name
            .chars()
            .any(|c| c.is_control() || WINDOWS_FORBIDDEN.contains(&c)),
        "{name:?}"
    );
    assert!(!name.chars().any(is_invisible), "{name:?}");
    assert!(
        !name.starts_with('.') && !name.starts_with(char::is_whitespace),
        "{name:?}"
    );
    assert!(
        !name.ends_with('.') && !name.ends_with(char::is_whitespace),
        "{name:?}"
    );
    let device = name.split('.').next().unwrap().trim_end();
    assert!(
        !RESERVED.iter().any(|r| r.eq_ignore_ascii_case(device)),
        "{name:?}"
    );
}

#[test]
fn whole_names_from_a_table_of_nasty_ones() {
    let long = "é".repeat(150); // 300 bytes
    let cases: &[(&str, &str)] = &[
        ("holiday.mp4", "holiday.mp4"),
        (
            "Ferien am Meer – 2024 (1).MOV",
            "Ferien am Meer – 2024 (1).MOV",
        ),
        ("日本語の動画.mp4", "日本語の動画.mp4"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system.ini", "system.ini"),
        ("C:\\Users\\me\\clip.mp4", "clip.mp4"),
        ("a\u{0}b.png", "a_b.png"),
        ("tab\there\nnewline.jpg", "tab_here_newline.jpg"),
        ("bad:name*?.png", "bad_name_.png"),
        ("<script>.webp", "_script_.webp"),
        ("what\"|now.gif", "what_now.gif"),
        ("CON.mp4", "CON_.mp4"),
        ("con", "con_"),
        ("nul.tar.gz", "nul_.tar.gz"),
        ("LPT9.png", "LPT9_.png"),
        ("COM1 .png", "COM1_.png"),
        ("COM¹.png", "COM¹_.png"),
        ("CONSOLE.mp4", "CONSOLE.mp4"),
        ("COM10.mp4", "COM10.mp4"),
        (".hidden", "hidden"),
        ("...", FALLBACK),
        ("   ", FALLBACK),
        ("", FALLBACK),
        ("/", FALLBACK),
        ("trailing. . .", "trailing"),
        ("ends with space .mp4", "ends with space.mp4"),
        ("\u{202E}4pm.exe", "4pm.exe"),
        ("zero\u{200B}width\u{FEFF}.png", "zerowidth.png"),
        ("\u{7F}\u{9B}ctl.mp3", "_ctl.mp3"),
    ];
    for (input, want) in cases {
        let got = safe_file_name(input);
        assert_eq!(&got, want, "safe_file_name({input:?})");
        assert_safe(&got);
    }
    let got = safe_file_name(&format!("{long}.mp4"));
    assert!(got.ends_with(".mp4") && got.starts_with("éé"), "{got}");
    assert_safe(&got);
}

#[test]
fn stems_keep_the_users_name_and_never_end_empty() {
    assert_eq!(safe_stem("holiday"), "holiday");
    assert_eq!(safe_stem(".hidden"), "hidden");
    assert_eq!(safe_stem("   "), FALLBACK);
    assert_eq!(safe_stem("a\u{0}b"), "a_b");
    assert_eq!(safe_stem("../../etc/passwd"), "passwd");
    assert_eq!(safe_stem("aux"), "aux_");
    assert_eq!(safe_stem("Grüße 👋"), "Grüße 👋");
}

#[test]
fn long_names_are_cut_on_a_char_boundary() {
    // 3-byte and 4-byte characters, so a cut at a byte limit would land inside one.
    for unit in ["€", "👋", "a€", "ab👋"] {
        for reps in [1, 59, 60, 61, 100, 500] {
            let name = unit.repeat(reps);
            let stem = safe_stem(&name);
            assert!(stem.len() <= MAX_STEM_BYTES);
            assert!(
                name.starts_with(&stem),
                "{stem} is a prefix of the user's name"
            );
            let whole = safe_file_name(&format!("{name}.webm"));
            assert!(whole.len() <= MAX_NAME_BYTES && whole.ends_with(".webm"));
            assert_safe(&whole);
        }
    }
    // A cut that leaves a trailing dot or space trims it.
    let name = format!("{}. tail", "x".repeat(MAX_STEM_BYTES - 1));
    assert_eq!(safe_stem(&name), "x".repeat(MAX_STEM_BYTES - 1));
}

#[test]
fn extensions_are_kept_only_when_they_look_like_one() {
    assert_eq!(safe_file_name("clip.final version"), "clip.final version");
    assert_eq!(safe_file_name("noext"), "noext");
    assert_eq!(safe_file_name(".png"), "png");
    assert_eq!(safe_file_name("archive.tar.gz"), "archive.tar.gz");
}

#[test]
fn base_name_skips_dot_components() {
    assert_eq!(base_name("a/b/c.mp4"), "c.mp4");
    assert_eq!(base_name("a/.."), "a");
    assert_eq!(base_name("dir/"), "dir");
    assert_eq!(base_name(".."), "");
}

/// Found by `cargo fuzz` (target `names`): a safe name must come back unchanged, or the zip
/// entry would differ from the file the user downloaded alone.
#[test]
fn safe_names_are_fixed_points() {
    for name in [
        "..s...s..s/.{ Hols/",
        "s...s",
        "a .b. .mp4",
        "x..mp4",
        "CON.tar.gz",
        "TQQYQQQQQM\u{3}y |M.\u{1}yy .M./",
    ] {
        let once = safe_file_name(name);
        assert_eq!(safe_file_name(&once), once, "from {name:?}");
        assert_safe(&once);
    }
}
