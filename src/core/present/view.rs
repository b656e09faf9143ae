//! The app's views, one per task, named in the URL hash (`#xep-hang`) so that the back button and
//! bookmarks work, from a web folder or a single file alike.

use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The whole's results, band and change, the movers and the trend.
    #[default]
    Overview,
    Ranking,
    Alerts,
    Letter,
    Dossiers,
    Files,
    Settings,
}

/// What a view shows once there is any: until then it shows its empty hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shows {
    /// The units' scores.
    Scores,
    /// Dossiers counted from a list or a report.
    Dossiers,
    /// The loaded files.
    Files,
    /// Settings, there from the start.
    Always,
}

impl View {
    pub const ALL: [View; 7] =
        [View::Overview, View::Ranking, View::Alerts, View::Letter, View::Dossiers, View::Files, View::Settings];

    /// The name in the URL hash and in the contract's `data-view`.
    pub fn slug(self) -> &'static str {
        match self {
            View::Overview => "tong-quan",
            View::Ranking => "xep-hang",
            View::Alerts => "canh-bao",
            View::Letter => "van-ban",
            View::Dossiers => "ho-so",
            View::Files => "tep",
            View::Settings => "cai-dat",
        }
    }

    /// The view a URL hash names («#xep-hang», with or without its «#»); the overview for an
    /// empty or unknown one.
    pub fn from_hash(hash: &str) -> View {
        let slug = hash.trim_start_matches('#').split('/').next().unwrap_or_default();
        View::ALL.into_iter().find(|v| v.slug() == slug).unwrap_or_default()
    }

    /// The unit a ranking's hash has open («#xep-hang/UBND%20x%C3%A3%20A»): a unit page is a step
    /// of the browser's history, so that Back closes it.
    pub fn unit_from_hash(hash: &str) -> Option<String> {
        let (slug, unit) = hash.trim_start_matches('#').split_once('/')?;
        (slug == View::Ranking.slug()).then(|| percent_decoded(unit)).flatten().filter(|u| !u.is_empty())
    }

    /// The hash of the ranking with `unit` open.
    pub fn unit_hash(unit: &str) -> String {
        let mut out = format!("#{}/", View::Ranking.slug());
        for byte in unit.bytes() {
            if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
                out.push(byte as char);
            } else {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
        out
    }

    pub fn shows(self) -> Shows {
        match self {
            View::Overview | View::Ranking | View::Alerts | View::Letter => Shows::Scores,
            View::Dossiers => Shows::Dossiers,
            View::Files => Shows::Files,
            View::Settings => Shows::Always,
        }
    }

    pub fn hash(self) -> String {
        format!("#{}", self.slug())
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            View::Overview => lang.pick("Tổng quan", "Overview"),
            View::Ranking => lang.pick("Xếp hạng", "Ranking"),
            View::Alerts => lang.pick("Cảnh báo", "Alerts"),
            View::Letter => lang.pick("Văn bản công bố", "Announcement"),
            View::Dossiers => lang.pick("Tự kiểm tra hồ sơ", "Dossier self-check"),
            View::Files => lang.pick("Tệp và ghép cột", "Files and columns"),
            View::Settings => lang.pick("Cài đặt", "Settings"),
        }
    }

    /// What the view says while it has nothing to show: what to load to fill it.
    pub fn empty_hint(self, lang: Lang) -> String {
        let sample = lang.of(crate::core::report::template::SAMPLE_BUTTON);
        match self {
            View::Overview | View::Ranking | View::Alerts | View::Letter => match lang {
                Lang::Vi => format!("Chưa có kết quả. Hãy kéo thả hoặc chọn tệp số liệu của các đơn vị (Excel, CSV) ở trên, hoặc bấm «{sample}» để xem thử."),
                Lang::En => format!("No results yet. Drop or choose the units' figures (Excel, CSV) above, or press «{sample}» to try."),
            },
            View::Dossiers => lang
                .pick(
                    "Chưa có danh sách hồ sơ. Hãy tải lên danh sách hồ sơ xuất từ hệ thống một cửa (DANH SÁCH HỒ SƠ, sổ theo dõi hồ sơ) hoặc báo cáo kết quả giải quyết TTHC (Biểu 06) để xem hồ sơ nào làm mất điểm.",
                    "No dossier list yet. Load a dossier list exported from the one-stop system, or a settlement report (form 06), to see which dossiers cost points.",
                )
                .into(),
            View::Files => lang
                .pick(
                    "Chưa có tệp nào. Các tệp đã tải, trang tính và cách ghép cột sẽ hiện ở đây.",
                    "No file yet. The files loaded, their sheets and how their columns are matched show here.",
                )
                .into(),
            View::Settings => String::new(),
        }
    }
}

/// `%XX` escapes as UTF-8 bytes; `None` when they are not UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_page_has_a_hash_of_its_own() {
        let hash = View::unit_hash("UBND xã Hưng Long");
        assert_eq!(hash, "#xep-hang/UBND%20x%C3%A3%20H%C6%B0ng%20Long");
        assert_eq!(View::unit_from_hash(&hash).as_deref(), Some("UBND xã Hưng Long"));
        assert_eq!(View::from_hash(&hash), View::Ranking);
        assert_eq!(View::unit_from_hash("#xep-hang"), None);
        assert_eq!(View::unit_from_hash("#canh-bao/UBND"), None, "only the ranking opens a unit");
        assert_eq!(View::unit_from_hash("#xep-hang/%FF"), None, "not UTF-8");
        // Browsers may leave some characters unescaped in the hash they give back.
        assert_eq!(View::unit_from_hash("#xep-hang/UBND xã A").as_deref(), Some("UBND xã A"));
    }

    #[test]
    fn every_view_is_named_in_the_hash_and_back() {
        for v in View::ALL {
            assert_eq!(View::from_hash(&v.hash()), v);
            assert_eq!(View::from_hash(v.slug()), v);
            assert!(!v.label(Lang::Vi).is_empty() && !v.label(Lang::En).is_empty());
        }
        assert_eq!(View::from_hash("#xep-hang"), View::Ranking);
        assert_eq!(View::from_hash(""), View::Overview);
        assert_eq!(View::from_hash("#khong-co"), View::Overview, "an unknown hash opens the overview");
        let slugs: std::collections::HashSet<_> = View::ALL.iter().map(|v| v.slug()).collect();
        assert_eq!(slugs.len(), View::ALL.len());
        // The hint names the sample button as it is labelled.
        assert!(View::Ranking.empty_hint(Lang::Vi).contains("«Dùng thử dữ liệu mẫu»"));
        assert!(View::Settings.empty_hint(Lang::Vi).is_empty());
    }
}
