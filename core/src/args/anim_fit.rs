//! FFmpeg arguments for an animation fitted to a size ([`crate::anim_fit`]).

use crate::anim_fit::{AnimFit, AnimKind};
use crate::args::{input_args, EncodeIo};

/// Arguments encoding the input's picture as `fit` says: GIF with a palette of
/// `fit.level` colours made for this clip, or lossy animated WebP at quality `fit.level`;
/// both loop forever and carry no metadata.
pub fn anim_fit_args(fit: &AnimFit, io: &EncodeIo) -> Vec<String> {
    let mut args = input_args(io);
    let scale = format!(
        "fps={},scale={}:{}:flags=lanczos",
        fit.fps, fit.width, fit.height
    );
    match fit.kind {
        AnimKind::Gif => args.extend([
            "-filter_complex".to_string(),
            format!(
                "[0:v]{scale},split[a][b];[a]palettegen=max_colors={}:stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle",
                fit.level
            ),
        ]),
        AnimKind::WebP => args.extend([
            "-map".to_string(),
            "0:v:0".to_string(),
            "-vf".to_string(),
            scale,
            "-c:v".to_string(),
            "libwebp_anim".to_string(),
            "-quality".to_string(),
            fit.level.to_string(),
            "-an".to_string(),
        ]),
    }
    args.extend(["-loop", "0", "-map_metadata", "-1"].map(String::from));
    args.push(io.output.to_string());
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gif_and_webp_carry_the_planned_shape() {
        let io = EncodeIo {
            input: "/in/c.mp4",
            output: "/out/o.gif",
            passlog: "",
            threads: None,
            trim: None,
        };
        let gif = AnimFit::plan(AnimKind::Gif, (1280, 720), 6.0, 512_000).unwrap();
        let a = anim_fit_args(&gif, &io).join(" ");
        assert!(a.contains(&format!(
            "fps={},scale={}:{}",
            gif.fps, gif.width, gif.height
        )));
        assert!(
            a.contains(&format!("palettegen=max_colors={}", gif.level)),
            "{a}"
        );
        let webp = AnimFit::plan(AnimKind::WebP, (1280, 720), 6.0, 256_000).unwrap();
        let w = anim_fit_args(&webp, &io).join(" ");
        assert!(
            w.contains(&format!("-c:v libwebp_anim -quality {} -an", webp.level)),
            "{w}"
        );
        assert!(w.ends_with("-loop 0 -map_metadata -1 /out/o.gif"));
    }
}
