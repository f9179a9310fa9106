//! A [`Probe`] from what Mediabunny's demuxer reads (the container's header and index),
//! so a job the browser's codecs can do never waits for the FFmpeg core to load and run
//! ffprobe. Anything this cannot describe the way ffprobe would returns `None`, and the
//! engine asks ffprobe instead.

use super::{AudioInfo, Colour, Probe, VideoInfo};

/// What the demuxer says about a file, as the engine worker gathers it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DemuxedFacts {
    /// Mediabunny's format name: `"MP4"`, `"QuickTime File Format"`, `"WebM"`, `"Matroska"`…
    pub format: String,
    /// Size of the file in bytes.
    pub size_bytes: u64,
    /// End of the last packet of any track, in seconds.
    pub duration_s: f64,
    pub video: Option<DemuxedVideo>,
    pub audio: Option<DemuxedAudio>,
}

/// The primary video track.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DemuxedVideo {
    /// Mediabunny's codec id (`"avc"`, `"hevc"`, `"vp8"`, `"vp9"`, `"av1"`), if it knows it.
    pub codec: Option<String>,
    pub coded_width: u32,
    pub coded_height: u32,
    /// Clockwise rotation for display: 0, 90, 180 or 270.
    pub rotation: i32,
    /// Packets counted for the statistics below (all of them, or the first few hundred).
    pub packet_count: u64,
    /// Packets per second over those packets.
    pub packet_rate: f64,
    /// Bits per second over those packets.
    pub bitrate_bps: f64,
    /// The track's colour description (`getColorSpace()`), in WebCodecs' words.
    pub colour: DemuxedColour,
    /// The pixel aspect ratio (`getPixelAspectRatio()`) as numerator and denominator;
    /// `(0, 0)` when not read.
    pub pixel_aspect: (u32, u32),
}

/// A `VideoColorSpaceInit` as Mediabunny reads it from the container or bitstream.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DemuxedColour {
    /// `"bt709"`, `"bt470bg"`, `"smpte170m"`, `"bt2020"`…
    pub primaries: Option<String>,
    /// `"bt709"`, `"smpte170m"`, `"iec61966-2-1"`, `"pq"`, `"hlg"`…
    pub transfer: Option<String>,
    /// `"bt709"`, `"bt470bg"`, `"smpte170m"`, `"bt2020-ncl"`, `"rgb"`…
    pub matrix: Option<String>,
    pub full_range: Option<bool>,
}

/// The same colour description in ffprobe's words, which the planner and x264 use; a value
/// with no ffprobe name is left unsaid, as ffprobe's "unknown" is.
fn colour_from_webcodecs(c: &DemuxedColour) -> Colour {
    let name = |v: &Option<String>, table: &[(&str, &str)]| {
        v.as_deref().and_then(|v| {
            table
                .iter()
                .find(|(webcodecs, _)| *webcodecs == v)
                .map(|(_, ffprobe)| (*ffprobe).to_owned())
        })
    };
    Colour {
        range: c
            .full_range
            .map(|full| if full { "pc" } else { "tv" }.to_owned()),
        space: name(
            &c.matrix,
            &[
                ("bt709", "bt709"),
                ("bt470bg", "bt470bg"),
                ("smpte170m", "smpte170m"),
                ("bt2020-ncl", "bt2020nc"),
            ],
        ),
        transfer: name(
            &c.transfer,
            &[
                ("bt709", "bt709"),
                ("smpte170m", "smpte170m"),
                ("iec61966-2-1", "iec61966-2-1"),
                ("pq", "smpte2084"),
                ("hlg", "arib-std-b67"),
            ],
        ),
        primaries: name(
            &c.primaries,
            &[
                ("bt709", "bt709"),
                ("bt470bg", "bt470bg"),
                ("smpte170m", "smpte170m"),
                ("bt2020", "bt2020"),
            ],
        ),
    }
}

/// The sample aspect ratio as the probe keeps it: only when the pixels are not square.
fn non_square((num, den): (u32, u32)) -> Option<(u32, u32)> {
    (num > 0 && den > 0 && num != den).then_some((num, den))
}

/// The primary audio track.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DemuxedAudio {
    /// Mediabunny's codec id (`"aac"`, `"opus"`, `"mp3"`, `"pcm-s16"`…), if it knows it.
    pub codec: Option<String>,
    pub channels: u32,
    pub sample_rate: u32,
    /// Bits per second, when measured.
    pub bitrate_bps: f64,
}

/// ffprobe's `format_name` for the containers whose demuxing the engine trusts to
/// Mediabunny: the ones the browser's codecs take ([`crate::webcodecs::choose_engine`]).
fn container_name(format: &str) -> Option<&'static str> {
    match format {
        "MP4" | "QuickTime File Format" => Some("mov,mp4,m4a,3gp,3g2,mj2"),
        "WebM" | "Matroska" => Some("matroska,webm"),
        _ => None,
    }
}

/// ffprobe's name of a video codec Mediabunny knows.
fn video_codec(codec: &str) -> Option<&'static str> {
    Some(match codec {
        "avc" => "h264",
        "hevc" => "hevc",
        "vp8" => "vp8",
        "vp9" => "vp9",
        "av1" => "av1",
        _ => return None,
    })
}

/// ffprobe's name of an audio codec Mediabunny knows (the ones the planner treats alike
/// are enough: what matters is AAC, Opus, and "something else that gets re-encoded").
fn audio_codec(codec: &str) -> Option<&'static str> {
    Some(match codec {
        "aac" => "aac",
        "opus" => "opus",
        "mp3" => "mp3",
        "vorbis" => "vorbis",
        "flac" => "flac",
        "ac3" => "ac3",
        "eac3" => "eac3",
        "pcm-s16" => "pcm_s16le",
        "pcm-s16be" => "pcm_s16be",
        "pcm-s24" => "pcm_s24le",
        "pcm-f32" => "pcm_f32le",
        "ulaw" => "pcm_mulaw",
        "alaw" => "pcm_alaw",
        _ => return None,
    })
}

/// Packets in a moving picture: fewer is a still image or a damaged file, which ffprobe
/// describes better.
const MIN_VIDEO_PACKETS: u64 = 2;

/// The probe ffprobe would give, or `None` when ffprobe should be asked: a container the
/// fast path does not take, a codec Mediabunny does not name, no tracks, a track without
/// a size, or a video of a single frame.
pub fn probe_from_demuxer(facts: &DemuxedFacts) -> Option<Probe> {
    let container = container_name(&facts.format)?;
    let video = match &facts.video {
        None => None,
        Some(v) => {
            let codec = video_codec(v.codec.as_deref()?)?;
            let sane = v.coded_width > 0
                && v.coded_height > 0
                && v.packet_count >= MIN_VIDEO_PACKETS
                && matches!(v.rotation, 0 | 90 | 180 | 270);
            if !sane {
                return None;
            }
            Some(VideoInfo {
                codec: codec.to_owned(),
                width: v.coded_width,
                height: v.coded_height,
                fps: positive(v.packet_rate),
                rotation: v.rotation,
                bitrate_bps: positive(v.bitrate_bps).map(|b| b.round() as u64),
                frames: None,
                is_still_image: false,
                colour: colour_from_webcodecs(&v.colour),
                sar: non_square(v.pixel_aspect),
            })
        }
    };
    let audio = match &facts.audio {
        None => None,
        Some(a) => Some(AudioInfo {
            codec: audio_codec(a.codec.as_deref()?)?.to_owned(),
            channels: a.channels,
            sample_rate: a.sample_rate,
            bitrate_bps: positive(a.bitrate_bps).map(|b| b.round() as u64),
        }),
    };
    if video.is_none() && audio.is_none() {
        return None;
    }
    let duration_s = positive(facts.duration_s);
    let bitrate_bps = duration_s
        .filter(|_| facts.size_bytes > 0)
        .map(|d| (facts.size_bytes as f64 * 8.0 / d).round() as u64);
    Some(Probe {
        container: container.to_owned(),
        duration_s,
        bitrate_bps,
        size_bytes: (facts.size_bytes > 0).then_some(facts.size_bytes),
        video,
        audio,
        cover: None,
    })
}

fn positive(x: f64) -> Option<f64> {
    (x.is_finite() && x > 0.0).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone_clip() -> DemuxedFacts {
        DemuxedFacts {
            format: "MP4".into(),
            size_bytes: 10_000_000,
            duration_s: 8.0,
            video: Some(DemuxedVideo {
                codec: Some("avc".into()),
                coded_width: 1920,
                coded_height: 1080,
                rotation: 90,
                packet_count: 240,
                packet_rate: 29.97,
                bitrate_bps: 9_500_000.4,
                colour: DemuxedColour {
                    primaries: Some("bt709".into()),
                    transfer: Some("bt709".into()),
                    matrix: Some("bt709".into()),
                    full_range: Some(false),
                },
                pixel_aspect: (1, 1),
            }),
            audio: Some(DemuxedAudio {
                codec: Some("aac".into()),
                channels: 2,
                sample_rate: 48_000,
                bitrate_bps: 128_000.0,
            }),
        }
    }

    #[test]
    fn an_mp4_reads_as_ffprobe_would() {
        let p = probe_from_demuxer(&phone_clip()).unwrap();
        assert_eq!(p.container, "mov,mp4,m4a,3gp,3g2,mj2");
        assert_eq!(p.duration_s, Some(8.0));
        assert_eq!(p.bitrate_bps, Some(10_000_000));
        assert_eq!(p.size_bytes, Some(10_000_000));
        let v = p.video.unwrap();
        assert_eq!((v.codec.as_str(), v.width, v.height), ("h264", 1920, 1080));
        assert_eq!(v.display_size(), (1080, 1920));
        assert_eq!(v.fps, Some(29.97));
        assert_eq!(v.bitrate_bps, Some(9_500_000));
        assert!(!v.is_still_image);
        // Limited-range BT.709 in ffprobe's words, so it stays so on the way out.
        assert_eq!(v.colour.range.as_deref(), Some("tv"));
        assert_eq!(v.colour.space.as_deref(), Some("bt709"));
        assert_eq!(v.colour.transfer.as_deref(), Some("bt709"));
        assert_eq!(v.colour.primaries.as_deref(), Some("bt709"));
        let a = p.audio.unwrap();
        assert_eq!(
            (a.codec.as_str(), a.channels, a.sample_rate),
            ("aac", 2, 48_000)
        );
        assert!(p.cover.is_none());
    }

    #[test]
    fn webm_and_matroska_are_one_container_as_for_ffprobe() {
        for format in ["WebM", "Matroska"] {
            let mut f = phone_clip();
            f.format = format.into();
            assert_eq!(probe_from_demuxer(&f).unwrap().container, "matroska,webm");
        }
    }

    #[test]
    fn what_mediabunny_cannot_name_goes_to_ffprobe() {
        let mut other_container = phone_clip();
        other_container.format = "MPEG Transport Stream".into();
        let mut unknown_video = phone_clip();
        unknown_video.video.as_mut().unwrap().codec = None;
        let mut unknown_audio = phone_clip();
        unknown_audio.audio.as_mut().unwrap().codec = Some("dts".into());
        let mut one_frame = phone_clip();
        one_frame.video.as_mut().unwrap().packet_count = 1;
        let mut no_size = phone_clip();
        no_size.video.as_mut().unwrap().coded_width = 0;
        let mut odd_rotation = phone_clip();
        odd_rotation.video.as_mut().unwrap().rotation = 45;
        let mut nothing = phone_clip();
        nothing.video = None;
        nothing.audio = None;
        for f in [
            other_container,
            unknown_video,
            unknown_audio,
            one_frame,
            no_size,
            odd_rotation,
            nothing,
        ] {
            assert_eq!(probe_from_demuxer(&f), None, "{f:?}");
        }
    }

    #[test]
    fn non_square_pixels_are_kept_as_ffprobe_would() {
        assert_eq!(
            probe_from_demuxer(&phone_clip())
                .unwrap()
                .video
                .unwrap()
                .sar,
            None
        );
        let mut anamorphic = phone_clip();
        anamorphic.video.as_mut().unwrap().pixel_aspect = (4, 3);
        let v = probe_from_demuxer(&anamorphic).unwrap().video.unwrap();
        assert_eq!(v.sar, Some((4, 3)));
        assert_eq!(non_square((0, 0)), None);
    }

    #[test]
    fn colour_without_an_ffprobe_name_is_left_unsaid() {
        let c = colour_from_webcodecs(&DemuxedColour {
            primaries: Some("film".into()),
            transfer: Some("pq".into()),
            matrix: Some("rgb".into()),
            full_range: Some(true),
        });
        assert_eq!(c.range.as_deref(), Some("pc"));
        assert_eq!(c.transfer.as_deref(), Some("smpte2084"));
        assert_eq!((c.primaries, c.space), (None, None));
        assert_eq!(
            colour_from_webcodecs(&DemuxedColour::default()),
            Colour::default()
        );
    }

    #[test]
    fn unknown_numbers_stay_unknown() {
        let mut f = phone_clip();
        f.duration_s = f64::NAN;
        let v = f.video.as_mut().unwrap();
        v.packet_rate = 0.0;
        v.bitrate_bps = f64::INFINITY;
        let p = probe_from_demuxer(&f).unwrap();
        assert_eq!(p.duration_s, None);
        assert_eq!(p.bitrate_bps, None);
        let v = p.video.unwrap();
        assert_eq!((v.fps, v.bitrate_bps), (None, None));
    }

    #[test]
    fn sound_only_files_are_fine() {
        let mut f = phone_clip();
        f.video = None;
        let p = probe_from_demuxer(&f).unwrap();
        assert!(p.video.is_none());
        assert_eq!(p.audio.unwrap().codec, "aac");
    }
}
