//! Quality as a viewer sees it: SSIM of an output's picture, scaled back to the source's
//! size, against the source's. Shrinking a picture costs detail the viewer notices when
//! the player scales it back up, so outputs of different sizes are compared at the
//! source's size, as the planning trial needs (see issue 13's per-clip planning).
//!
//! Luma only, 8×8 windows on a 4-pixel grid with the usual constants, as FFmpeg's `ssim`
//! filter computes its Y value: checked by hand (`cargo run -p tamp-core --example ssim`)
//! on a bigbuckbunny frame and its 330 kbit/s x264 encodes, 0.954610 against FFmpeg's
//! 0.954332 at the same size and 0.932573 against 0.932179 for a 640×360 encode scaled
//! back to 1280×720 (FFmpeg `scale=flags=bilinear`); planes from `extractplanes=y`.

/// One 8-bit plane (luma), row after row with no padding.
#[derive(Clone, Copy, Debug)]
pub struct Plane<'a> {
    pub width: usize,
    pub height: usize,
    pub data: &'a [u8],
}

impl Plane<'_> {
    fn valid(&self) -> bool {
        self.width > 0 && self.height > 0 && self.data.len() >= self.width * self.height
    }

    fn at(&self, x: usize, y: usize) -> f64 {
        self.data[y * self.width + x] as f64
    }
}

const WINDOW: usize = 8;
const STEP: usize = 4;
const C1: f64 = (0.01 * 255.0) * (0.01 * 255.0);
const C2: f64 = (0.03 * 255.0) * (0.03 * 255.0);

/// SSIM of two planes of the same size (1 is identical); `None` when the sizes differ or
/// a plane is smaller than one window.
pub fn ssim(a: Plane, b: Plane) -> Option<f64> {
    if !a.valid() || !b.valid() || (a.width, a.height) != (b.width, b.height) {
        return None;
    }
    if a.width < WINDOW || a.height < WINDOW {
        return None;
    }
    let (mut total, mut count) = (0.0, 0usize);
    for y in (0..=a.height - WINDOW).step_by(STEP) {
        for x in (0..=a.width - WINDOW).step_by(STEP) {
            total += window_ssim(&a, &b, x, y);
            count += 1;
        }
    }
    Some(total / count as f64)
}

fn window_ssim(a: &Plane, b: &Plane, x0: usize, y0: usize) -> f64 {
    let (mut sa, mut sb, mut saa, mut sbb, mut sab) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for y in y0..y0 + WINDOW {
        for x in x0..x0 + WINDOW {
            let (p, q) = (a.at(x, y), b.at(x, y));
            sa += p;
            sb += q;
            saa += p * p;
            sbb += q * q;
            sab += p * q;
        }
    }
    let n = (WINDOW * WINDOW) as f64;
    let (ma, mb) = (sa / n, sb / n);
    let va = saa / n - ma * ma;
    let vb = sbb / n - mb * mb;
    let cov = sab / n - ma * mb;
    ((2.0 * ma * mb + C1) * (2.0 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2))
}

/// `src` resized to `width` × `height` by bilinear interpolation (pixel centres aligned),
/// as a player scales a smaller picture up to the size it shows.
pub fn resize_bilinear(src: Plane, width: usize, height: usize) -> Vec<u8> {
    if !src.valid() || width == 0 || height == 0 {
        return Vec::new();
    }
    let sx = src.width as f64 / width as f64;
    let sy = src.height as f64 / height as f64;
    let mut out = Vec::with_capacity(width * height);
    for y in 0..height {
        let fy = ((y as f64 + 0.5) * sy - 0.5).clamp(0.0, (src.height - 1) as f64);
        let (y0, wy) = (fy.floor() as usize, fy - fy.floor());
        let y1 = (y0 + 1).min(src.height - 1);
        for x in 0..width {
            let fx = ((x as f64 + 0.5) * sx - 0.5).clamp(0.0, (src.width - 1) as f64);
            let (x0, wx) = (fx.floor() as usize, fx - fx.floor());
            let x1 = (x0 + 1).min(src.width - 1);
            let top = src.at(x0, y0) * (1.0 - wx) + src.at(x1, y0) * wx;
            let bottom = src.at(x0, y1) * (1.0 - wx) + src.at(x1, y1) * wx;
            out.push((top * (1.0 - wy) + bottom * wy).round().clamp(0.0, 255.0) as u8);
        }
    }
    out
}

/// The luma plane of an RGBA picture (BT.601 weights, full range, rounded): what a
/// canvas's `getImageData` gives, ready for [`ssim`].
pub fn luma_from_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((77 * p[0] as u32 + 150 * p[1] as u32 + 29 * p[2] as u32 + 128) >> 8) as u8)
        .collect()
}

/// SSIM of `output` as a viewer sees it: scaled to the source's size, against `source`.
pub fn viewer_ssim(source: Plane, output: Plane) -> Option<f64> {
    if (output.width, output.height) == (source.width, source.height) {
        return ssim(source, output);
    }
    let up = resize_bilinear(output, source.width, source.height);
    ssim(
        source,
        Plane {
            width: source.width,
            height: source.height,
            data: &up,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test picture with edges and texture: what downscaling visibly loses.
    fn picture(w: usize, h: usize) -> Vec<u8> {
        (0..w * h)
            .map(|i| {
                let (x, y) = (i % w, i / w);
                let checker = if (x / 3 + y / 3) % 2 == 0 { 60 } else { 190 };
                (checker + (x * 7 + y * 13) % 40) as u8
            })
            .collect()
    }

    #[test]
    fn luma_weighs_green_most_and_keeps_black_and_white() {
        let rgba = [
            0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 9,
        ];
        assert_eq!(luma_from_rgba(&rgba), vec![0, 255, 77, 149, 29]);
    }

    #[test]
    fn identical_pictures_score_one_and_noise_scores_lower() {
        let a = picture(64, 48);
        let p = Plane {
            width: 64,
            height: 48,
            data: &a,
        };
        assert!((ssim(p, p).unwrap() - 1.0).abs() < 1e-12);
        let noisy: Vec<u8> = a
            .iter()
            .enumerate()
            .map(|(i, v)| v.wrapping_add((i * 31 % 61) as u8))
            .collect();
        let q = Plane { data: &noisy, ..p };
        let s = ssim(p, q).unwrap();
        assert!(s < 0.99 && s > 0.0, "{s}");
        assert_eq!(ssim(p, Plane { width: 32, ..p }), None);
    }

    #[test]
    fn a_smaller_picture_is_judged_at_the_source_size() {
        let a = picture(96, 64);
        let src = Plane {
            width: 96,
            height: 64,
            data: &a,
        };
        let half = resize_bilinear(src, 48, 32);
        let quarter = resize_bilinear(src, 24, 16);
        let s_half = viewer_ssim(
            src,
            Plane {
                width: 48,
                height: 32,
                data: &half,
            },
        )
        .unwrap();
        let s_quarter = viewer_ssim(
            src,
            Plane {
                width: 24,
                height: 16,
                data: &quarter,
            },
        )
        .unwrap();
        // Detail lost to shrinking shows, and more of it the smaller the picture.
        assert!(s_half < 0.99 && s_quarter < s_half, "{s_half} {s_quarter}");
        // A flat picture loses nothing by shrinking.
        let flat = vec![128u8; 96 * 64];
        let f = Plane { data: &flat, ..src };
        let small = resize_bilinear(f, 24, 16);
        let s = viewer_ssim(
            f,
            Plane {
                width: 24,
                height: 16,
                data: &small,
            },
        )
        .unwrap();
        assert!((s - 1.0).abs() < 1e-9, "{s}");
    }
}
