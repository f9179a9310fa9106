use super::*;

fn t(text: &str) -> Result<Option<u64>, TrimError> {
    parse_time(text, "start")
}

#[test]
fn times_are_seconds_minutes_or_hours() {
    assert_eq!(t("65"), Ok(Some(65_000)));
    assert_eq!(t("1:05"), Ok(Some(65_000)));
    assert_eq!(t("1:02:03.5"), Ok(Some(3_723_500)));
    assert_eq!(t(" 2,25 "), Ok(Some(2_250)));
    assert_eq!(t("0"), Ok(Some(0)));
    assert_eq!(t("90:00"), Ok(Some(5_400_000)));
    assert_eq!(t(".5"), Ok(Some(500)));
    assert_eq!(t(""), Ok(None));
    assert_eq!(t("   "), Ok(None));
}

#[test]
fn nonsense_is_refused_in_words() {
    for bad in [
        "abc",
        "-5",
        "1:60",
        "1:75:00",
        "1::05",
        ":05",
        "1:",
        "1.5:00",
        "1:2:3:4",
        "5e3",
        "inf",
        "NaN",
        "1.2.3",
        ".",
        "+5",
        "99999999999",
    ] {
        assert!(
            matches!(t(bad), Err(TrimError::NotATime { .. })),
            "{bad:?} -> {:?}",
            t(bad)
        );
    }
    let err = parse_time("soon", "end").unwrap_err();
    assert_eq!(
        err.to_string(),
        "The trim end \"soon\" is not a time; write it like 1:05, 65 or 1:02:03.5."
    );
}

#[test]
fn end_must_follow_start() {
    assert_eq!(parse_trim("5", "2"), Err(TrimError::EndNotAfterStart));
    assert_eq!(parse_trim("0:05", "5"), Err(TrimError::EndNotAfterStart));
    assert_eq!(
        parse_trim("2", "0:05"),
        Ok(Trim {
            start_ms: Some(2_000),
            end_ms: Some(5_000)
        })
    );
    assert_eq!(parse_trim("", ""), Ok(Trim::default()));
}

#[test]
fn window_is_checked_against_the_duration() {
    let trim = parse_trim("2", "5").unwrap();
    let w = trim.window(Some(12.0)).unwrap().unwrap();
    assert_eq!(w.input_args(), ["-ss", "2.000", "-t", "3.000"]);
    assert_eq!(w.duration_s(Some(12.0)), Some(3.0));
    assert_eq!(w.seconds(), (2.0, Some(5.0)));

    let past = parse_trim("1:10", "")
        .unwrap()
        .window(Some(12.0))
        .unwrap_err();
    assert_eq!(
        past.to_string(),
        "The trim start (1:10) is at or past the end of this file (0:12)."
    );
    assert!(parse_trim("12", "").unwrap().window(Some(12.0)).is_err());

    // An end beyond the file means its end; a start of zero and no end is no trim at all.
    let w = parse_trim("3", "99")
        .unwrap()
        .window(Some(12.0))
        .unwrap()
        .unwrap();
    assert_eq!(w.end_ms, None);
    assert_eq!(w.input_args(), ["-ss", "3.000"]);
    assert_eq!(w.duration_s(Some(12.0)), Some(9.0));
    assert_eq!(parse_trim("0", "20").unwrap().window(Some(12.0)), Ok(None));
    assert_eq!(Trim::default().window(Some(12.0)), Ok(None));

    // Only an end: from the start; unknown duration trusts the user.
    let w = parse_trim("", "1:00.25")
        .unwrap()
        .window(None)
        .unwrap()
        .unwrap();
    assert_eq!(w.input_args(), ["-t", "60.250"]);
    assert_eq!(w.duration_s(None), Some(60.25));
}

#[test]
fn trimmed_probe_plans_from_the_part_kept() {
    let json = r#"{"streams":[{"codec_type":"audio","codec_name":"aac","channels":2,"sample_rate":"48000"}],
        "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"12.0","size":"5000000","bit_rate":"3333333"}}"#;
    let probe = crate::probe::parse_ffprobe_json(json).unwrap();
    let w = parse_trim("2", "5")
        .unwrap()
        .window(probe.duration_s)
        .unwrap()
        .unwrap();
    let p = w.apply_to(&probe);
    assert_eq!(p.duration_s, Some(3.0));
    assert_eq!(p.size_bytes, None);
    assert_eq!(p.bitrate_bps, probe.bitrate_bps);
}

#[test]
fn times_read_back_as_written() {
    assert_eq!(format_ms(65_000), "1:05");
    assert_eq!(format_ms(3_723_500), "1:02:03.5");
    assert_eq!(format_ms(0), "0:00");
    assert_eq!(format_ms(2_040), "0:02");
    let w = TrimWindow {
        start_ms: 2_000,
        end_ms: Some(5_000),
    };
    assert_eq!(
        w.note(),
        "Trimmed to 0:02 – 0:05, cut exactly (re-encoded, not a stream copy)."
    );
}
