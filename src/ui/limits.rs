//! The reading worker's progress and cancel button, and the reading limits the user may change.

use leptos::prelude::*;

use super::text::limits::LimitsText;
use super::text::tr;

use super::state::use_app;
use crate::browser;
use crate::core::model::format::number;
use crate::core::read::settings::Setting;

/// The contract's `progress`: the file in the reading worker, rows read, and a way to stop it.
#[component]
pub fn ReadingProgress() -> impl IntoView {
    let state = use_app();
    move || {
        let l = state.lang.get();
        state.reading.get().map(|r| {
            let (done, total) = (r.progress.rows_done, r.progress.rows_total);
            let rows = if total > 0 {
                format!("{} / {} {}", number(done as f64, 0), number(total as f64, 0), tr(l, LimitsText::Rows))
            } else {
                format!("{} {}", number(done as f64, 0), tr(l, LimitsText::Rows))
            };
            view! {
                <div class="progress" data-testid="progress" data-done=done data-total=total>
                    <label for="read-progress">{format!("{} «{}»: {rows}", tr(l, LimitsText::Reading), r.file)}</label>
                    // Without a total the bar is indeterminate: the value is left out.
                    <progress id="read-progress" max=total.max(1) value=(total > 0).then_some(done.min(total))></progress>
                    <button type="button" class="secondary" data-testid="cancel" on:click=|_| browser::engine::cancel()>
                        {tr(l, LimitsText::StopReading)}
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
    let field = move |setting: Setting| {
        view! {
            <label>
                {move || tr(lang.get(), setting)} " "
                <input
                    type="number"
                    min="0.1"
                    step="any"
                    data-testid=setting_testid(setting)
                    prop:value=move || state.read_settings.with(|s| s.get(setting).to_string())
                    on:change=move |ev| {
                        let mut settings = state.read_settings.get_untracked();
                        if settings.set_typed(setting, &event_target_value(&ev)) {
                            state.set_read_settings(settings);
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <details class="limit-settings" data-testid="limit-settings">
            <summary>{move || tr(lang.get(), LimitsText::FileLimits)}</summary>
            <p class="hint">
                {move || tr(lang.get(), LimitsText::FileOverLimitRefused)}
            </p>
            {Setting::ALL.map(field).collect_view()}
        </details>
    }
}

/// The hook each setting's field carries (the automation contract's).
fn setting_testid(setting: Setting) -> &'static str {
    match setting {
        Setting::FileMb => "limit-file-mb",
        Setting::UnzippedMb => "limit-unzipped-mb",
        Setting::Ratio => "limit-ratio",
        Setting::CellsMillions => "limit-cells",
        Setting::Seconds => "limit-seconds",
    }
}
