//! Test hooks read from the page's URL that change a limit of the runner, so an end-to-end
//! test can watch the same rule at work without waiting for a real device's numbers (the
//! memory budget's hook is in [`super::admission`], the job hold in [`super::test_hold`]),
//! and the parsing they share.

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
    positive_param::<u32>(search, "silence_limit_s").map(|s| s.saturating_mul(1000))
}

/// A hook's value `name=N` from a URL's query string, when it is a whole number above 0.
pub fn positive_param<T: std::str::FromStr + PartialOrd + Default>(
    search: &str,
    name: &str,
) -> Option<T> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .and_then(|value| value.parse::<T>().ok())
        .filter(|value| *value > T::default())
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
