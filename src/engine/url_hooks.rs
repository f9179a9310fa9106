//! Test hooks read from the page's URL that change a limit of the runner, so an end-to-end
//! test can watch the same rule at work without waiting for a real device's numbers (the
//! memory budget's hook is in [`super::admission`], the job hold in [`super::test_hold`]).

use super::runner::ST_SILENCE_MS;

/// The single-threaded core's silence limit for this page, in milliseconds:
/// [`ST_SILENCE_MS`], or the `silence_limit_s=N` hook, so the test of a worker that goes
/// silent waits seconds instead of two minutes before the job fails.
pub fn st_silence_ms() -> u32 {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    silence_override(&search).unwrap_or(ST_SILENCE_MS)
}

/// The `silence_limit_s` hook's value in milliseconds, from a URL's query string.
pub fn silence_override(search: &str) -> Option<u32> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("silence_limit_s="))
        .and_then(|s| s.parse::<u32>().ok())
        .filter(|s| *s > 0)
        .map(|s| s.saturating_mul(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_silence_limit_hook() {
        assert_eq!(silence_override("?silence_limit_s=20"), Some(20_000));
        assert_eq!(
            silence_override("?core=st&silence_limit_s=5&x=1"),
            Some(5_000)
        );
        assert_eq!(silence_override("?silence_limit_s=0"), None);
        assert_eq!(silence_override("?silence_limit_s=soon"), None);
        assert_eq!(silence_override("?xsilence_limit_s=5"), None);
        assert_eq!(silence_override(""), None);
    }
}
