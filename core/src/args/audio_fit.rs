//! FFmpeg arguments for a sound-only output fitted to a size ([`crate::audio_fit`]).

use crate::args::{input_args, EncodeIo};
use crate::audio_fit::{AudioCodec, AudioFit};

/// Arguments encoding the input's first audio stream as `fit` says. Cover art is left out:
/// its bytes would come out of the sound's budget. Metadata is dropped as everywhere.
pub fn audio_fit_args(fit: &AudioFit, io: &EncodeIo) -> Vec<String> {
    let mut args = input_args(io);
    let bps = fit.bitrate_bps.to_string();
    let codec: &[&str] = match fit.codec {
        // A constant bitrate when one of MP3's 14 fixed rates fits the budget (exact size);
        // otherwise LAME's average bitrate, which reaches any rate in between (for a
        // 44 kbit/s budget the fixed 40 would use 90 % of the target).
        AudioCodec::Mp3 if fit.constant => &["-c:a", "libmp3lame"],
        AudioCodec::Mp3 => &["-c:a", "libmp3lame", "-abr", "1"],
        AudioCodec::Aac => &["-c:a", "aac"],
        // Only the fallback when the browser has no Opus encoder: the FFmpeg core's libopus
        // crashes at 48 kHz, so it gets 24 kHz (Opus's wideband, fine for speech).
        AudioCodec::Opus => &["-c:a", "libopus", "-vbr", "off"],
    };
    args.extend(["-map", "0:a:0", "-vn"].map(String::from));
    args.extend(codec.iter().map(|a| a.to_string()));
    args.extend([
        "-b:a".to_string(),
        bps,
        "-ac".to_string(),
        fit.channels.to_string(),
        "-ar".to_string(),
        ffmpeg_rate(fit).to_string(),
    ]);
    if fit.codec == AudioCodec::Aac {
        args.extend(["-movflags", "+faststart"].map(String::from));
    }
    args.extend(["-map_metadata", "-1"].map(String::from));
    args.push(io.output.to_string());
    args
}

/// The rate FFmpeg is asked for: the plan's, except Opus, which FFmpeg's core can only
/// encode at 24 kHz.
fn ffmpeg_rate(fit: &AudioFit) -> u32 {
    match fit.codec {
        AudioCodec::Opus => 24_000,
        _ => fit.sample_rate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio_fit::plan_audio_fit;
    use crate::probe::{AudioInfo, Probe};

    #[test]
    fn mp3_is_average_bitrate_at_the_planned_shape_and_drops_cover_and_tags() {
        let probe = Probe {
            container: "wav".into(),
            duration_s: Some(1200.0),
            bitrate_bps: None,
            size_bytes: None,
            video: None,
            audio: Some(AudioInfo {
                codec: "pcm_s16le".into(),
                channels: 2,
                sample_rate: 44_100,
                bitrate_bps: None,
            }),
            cover: None,
        };
        let fit = plan_audio_fit(&probe, AudioCodec::Mp3, 5_000_000).unwrap();
        let io = EncodeIo {
            input: "/in/a.wav",
            output: "/out/o.mp3",
            passlog: "",
            threads: None,
            trim: None,
        };
        let args = audio_fit_args(&fit, &io).join(" ");
        assert!(
            args.contains("-map 0:a:0 -vn -c:a libmp3lame -abr 1 -b:a "),
            "{args}"
        );
        assert!(args.contains(&format!(
            "-b:a {} -ac 1 -ar {}",
            fit.bitrate_bps, fit.sample_rate
        )));
        assert!(args.ends_with("-map_metadata -1 /out/o.mp3"));
    }
}
