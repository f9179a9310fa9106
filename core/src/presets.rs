//! Size presets: the places people send files to, each with its limit, where that limit is
//! documented and when it was last checked. Limits change (Discord's free upload limit went
//! from 8 MB to 25 MB in 2023 and down to 10 MB in 2024), so each keeps its source.
//!
//! The sources were found with a search of stored public pages on the date given; the
//! services' own help pages were not reachable from here, so each source is the page that
//! stated the number, and the lead should re-check against the official page when online.
//!
//! Limits are taken in decimal bytes, which is the smaller reading whenever a service's "MB"
//! might mean MiB: a file under the decimal limit is under either.

/// One preset chip.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    /// What the chip says (its accessible name adds the size).
    pub label: &'static str,
    /// The largest file the place accepts, in decimal bytes.
    pub limit_bytes: u64,
    /// An output format the preset also picks (a format choice id of
    /// [`crate::choices`]), for places that take only some formats.
    pub format: Option<&'static str>,
    /// Where the limit is stated.
    pub source: &'static str,
    /// When the source was last read (YYYY-MM-DD).
    pub checked: &'static str,
}

const CHECKED: &str = "2026-12-01";

/// Every preset, in the order the chips show them.
pub const PRESETS: &[Preset] = &[
    Preset {
        label: "Discord",
        limit_bytes: 10_000_000,
        format: None,
        // The report quotes Discord's statement: free 10 MB, "Nitro Basic offers a 50 MB
        // limit and Nitro gives you up to 500 MB".
        source: "https://magazinportali.com/discord-dan-ucretsiz-kullanicilari-sinirlendirecek-guncelleme/6876 (free: 10 MB)",
        checked: CHECKED,
    },
    Preset {
        label: "Gmail",
        limit_bytes: 25_000_000,
        format: None,
        source: "https://filesize-org.pages.dev/limits/gmail (sending attachments: 25 MB in all)",
        checked: CHECKED,
    },
    Preset {
        label: "Outlook",
        limit_bytes: 20_000_000,
        format: None,
        // Microsoft Learn Q&A 5733658: Internet accounts default to 20 MB (Outlook.com's own).
        source: "https://learn.microsoft.com/en-us/answers/questions/5733658/outlook-max-mb-on-attachments (20 MB)",
        checked: CHECKED,
    },
    Preset {
        label: "WhatsApp",
        limit_bytes: 16_000_000,
        format: None,
        // Videos sent as media (played in the chat) are capped at 16 MB; as a document, 2 GB.
        source: "https://www.usecarly.com/blog/whatsapp-file-size-limit/ (media: 16 MB)",
        checked: CHECKED,
    },
    Preset {
        label: "Discord Nitro Basic",
        limit_bytes: 50_000_000,
        format: None,
        source: "https://magazinportali.com/discord-dan-ucretsiz-kullanicilari-sinirlendirecek-guncelleme/6876 (Nitro Basic: 50 MB)",
        checked: CHECKED,
    },
    Preset {
        label: "Discord Nitro",
        limit_bytes: 500_000_000,
        format: None,
        source: "https://magazinportali.com/discord-dan-ucretsiz-kullanicilari-sinirlendirecek-guncelleme/6876 (Nitro: 500 MB)",
        checked: CHECKED,
    },
    Preset {
        label: "Telegram",
        limit_bytes: 2_000_000_000,
        format: None,
        source: "https://tg-telegramnews.com/tag/telegram-2gb-limit (files up to 2 GB)",
        checked: CHECKED,
    },
    Preset {
        label: "Discord emoji",
        limit_bytes: 256_000,
        format: Some("gif"),
        // Animated emoji are GIFs of 128×128 under 256 KB.
        source: "https://emoteresizer.app/discord-emoji-size-guide (emoji, animated GIF too: 256 KB)",
        checked: CHECKED,
    },
    Preset {
        label: "Discord sticker",
        limit_bytes: 500_000,
        format: Some("gif"),
        // Guides say 512 KB (fastedit.net, emoteresizer.app) or 500 KB; the smaller fits both.
        source: "https://allimgtools.app/blog/discord-sticker-size-guide-2026 (stickers: 500 KB)",
        checked: CHECKED,
    },
    Preset {
        label: "WhatsApp sticker",
        limit_bytes: 500_000,
        format: Some("webp-video"),
        // Animated stickers are WebP, at most 500 KB (static ones 100 KB).
        source: "https://help.chatdaddy.tech/article/file-size-limitation (animated stickers: WebP, 500 KB)",
        checked: CHECKED,
    },
];

impl Preset {
    /// The limit as the **Target size (MB)** field holds it ("10", "0.256").
    pub fn target_text(&self) -> String {
        let mb = self.limit_bytes as f64 / 1_000_000.0;
        let text = format!("{mb:.3}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::FORMATS;
    use crate::media::MediaKind;

    /// The limits as their sources state them; a preset that moves must move here too.
    #[test]
    fn every_limit_is_the_number_its_source_states() {
        let stated: &[(&str, u64)] = &[
            ("Discord", 10_000_000),
            ("Gmail", 25_000_000),
            ("Outlook", 20_000_000),
            ("WhatsApp", 16_000_000),
            ("Discord Nitro Basic", 50_000_000),
            ("Discord Nitro", 500_000_000),
            ("Telegram", 2_000_000_000),
            ("Discord emoji", 256_000),
            ("Discord sticker", 500_000),
            ("WhatsApp sticker", 500_000),
        ];
        assert_eq!(PRESETS.len(), stated.len());
        for (p, (label, bytes)) in PRESETS.iter().zip(stated) {
            assert_eq!((p.label, p.limit_bytes), (*label, *bytes));
            assert!(p.source.starts_with("https://"), "{}", p.label);
            assert_eq!(p.checked.len(), 10);
            // The source's own words name the number the preset uses.
            let mb = p.limit_bytes as f64 / 1e6;
            let says = if mb >= 1000.0 {
                format!("{} GB", mb / 1000.0)
            } else if mb >= 1.0 {
                format!("{mb} MB")
            } else {
                format!("{} KB", mb * 1000.0)
            };
            assert!(p.source.contains(&says), "{} {says}", p.source);
        }
    }

    #[test]
    fn the_field_text_parses_back_to_the_limit() {
        for p in PRESETS {
            let mb: f64 = p.target_text().parse().unwrap();
            assert_eq!(
                (mb * 1_000_000.0).round() as u64,
                p.limit_bytes,
                "{}",
                p.label
            );
        }
        assert_eq!(PRESETS[0].target_text(), "10");
        assert_eq!(PRESETS[7].target_text(), "0.256");
    }

    #[test]
    fn a_preset_format_is_an_animation_video_can_become() {
        for p in PRESETS {
            if let Some(choice) = p.format {
                assert!(
                    FORMATS.iter().any(|f| f.choice() == choice
                        && f.writable_from.contains(&MediaKind::Video)
                        && f.kind == MediaKind::Video),
                    "{choice}"
                );
            }
        }
    }
}
