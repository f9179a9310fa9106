//! Viewer SSIM of two raw 8-bit grey frames, to check `tamp_core::quality` against
//! FFmpeg's `ssim` filter by hand: `ssim SOURCE.gray W H OUTPUT.gray W2 H2`.

use tamp_core::quality::{viewer_ssim, Plane};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() != 7 {
        eprintln!("usage: ssim SOURCE.gray W H OUTPUT.gray W2 H2");
        std::process::exit(2);
    }
    let num = |i: usize| a[i].parse::<usize>().expect("a size");
    let (src, out) = (std::fs::read(&a[1]).unwrap(), std::fs::read(&a[4]).unwrap());
    let s = Plane {
        width: num(2),
        height: num(3),
        data: &src,
    };
    let o = Plane {
        width: num(5),
        height: num(6),
        data: &out,
    };
    println!("{:.6}", viewer_ssim(s, o).unwrap_or(f64::NAN));
}
