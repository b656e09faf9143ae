//! The reading worker's progress and cancel button, and the reading limits the user may change.

use leptos::prelude::*;

use super::state::{use_app, ReadSettings};
use crate::browser;
use crate::core::model::format::number;

/// The contract's `progress`: the file in the reading worker, rows read, and a way to stop it.
#[component]
pub fn ReadingProgress() -> impl IntoView {
    let state = use_app();
    move || {
        let l = state.lang.get();
        state.reading.get().map(|r| {
            let (done, total) = (r.progress.rows_done, r.progress.rows_total);
            let rows = if total > 0 {
                format!("{} / {} {}", number(done as f64, 0), number(total as f64, 0), l.pick("dòng", "rows"))
            } else {
                format!("{} {}", number(done as f64, 0), l.pick("dòng", "rows"))
            };
            view! {
                <div class="progress" data-testid="progress" data-done=done data-total=total>
                    <label for="read-progress">{format!("{} «{}»: {rows}", l.pick("Đang đọc", "Reading"), r.file)}</label>
                    // Without a total the bar is indeterminate: the value is left out.
                    <progress id="read-progress" max=total.max(1) value=(total > 0).then_some(done.min(total))></progress>
                    <button type="button" class="secondary" data-testid="cancel" on:click=|_| browser::engine::cancel()>
                        {l.pick("Dừng đọc", "Stop reading")}
                    </button>
                </div>
            }
        })
    }
}

/// File size, cells per sheet and time allowed for reading one file; remembered on this machine.
#[component]
pub fn LimitSettings() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let field = move |testid: &'static str,
                      vi: &'static str,
                      en: &'static str,
                      get: fn(&ReadSettings) -> f64,
                      set: fn(&mut ReadSettings, f64)| {
        view! {
            <label>
                {move || lang.get().pick(vi, en)} " "
                <input
                    type="number"
                    min="0.1"
                    step="any"
                    data-testid=testid
                    prop:value=move || state.read_settings.with(|s| get(s).to_string())
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).trim().replace(',', ".").parse::<f64>() {
                            if v.is_finite() && v >= 0.1 {
                                let mut settings = state.read_settings.get_untracked();
                                set(&mut settings, v);
                                state.set_read_settings(settings);
                            }
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <details class="limit-settings" data-testid="limit-settings">
            <summary>{move || lang.get().pick("Giới hạn đọc tệp", "File limits")}</summary>
            <p class="hint">
                {move || lang.get().pick(
                    "Tệp vượt giới hạn được từ chối kèm lý do thay vì làm treo trình duyệt. Chỉ nâng giới hạn khi máy đủ bộ nhớ.",
                    "A file over a limit is refused with the reason instead of hanging the browser. Raise a limit only if this computer has the memory.",
                )}
            </p>
            {field("limit-file-mb", "Dung lượng tệp tối đa (MB)", "Largest file (MB)", |s| (s.limits.max_file_bytes / (1024 * 1024)) as f64, |s, v| s.limits.max_file_bytes = (v as u64).saturating_mul(1024 * 1024))}
            {field("limit-unzipped-mb", "Dung lượng giải nén tối đa một tệp (MB)", "Largest file once unpacked (MB)", |s| (s.limits.max_unzipped_bytes / (1024 * 1024)) as f64, |s, v| s.limits.max_unzipped_bytes = (v as u64).saturating_mul(1024 * 1024))}
            {field("limit-ratio", "Tỷ lệ giải nén tối đa (lần; bảng tính thật 5–25)", "Most an entry may inflate (times; real workbooks 5–25)", |s| s.limits.max_ratio as f64, |s, v| s.limits.max_ratio = v.max(1.0) as u64)}
            {field("limit-cells", "Số ô tối đa mỗi trang tính (triệu)", "Most cells per sheet (millions)", |s| s.limits.max_cells as f64 / 1e6, |s, v| s.limits.max_cells = (v * 1e6) as u64)}
            {field("limit-seconds", "Thời gian đọc tối đa một tệp (giây)", "Longest time to read one file (seconds)", |s| s.seconds, |s, v| s.seconds = v)}
        </details>
    }
}
