//! Where each of a unit's figures came from (counted, a unit sheet, typed, the province's row),
//! with inputs for the parts no file gives.

use std::sync::Arc;

use leptos::prelude::*;

use super::state::use_app;
use super::table_box::table_box;
use crate::core::analysis::Analysis;
use crate::core::dossier::units::{source_label, Counted};
use crate::core::figures::Figure;
use crate::core::format;
use crate::core::rules::RuleSet;
use crate::core::text::fold_words;

/// Where each of the unit's figures came from, and inputs for the parts no file gives.
#[component]
pub(super) fn Sources(analysis: Arc<Analysis>, rules: Arc<RuleSet>, unit: String, from: Counted) -> impl IntoView {
    let state = use_app();
    let l = state.lang.get_untracked();
    let key = fold_words(&unit);
    let result = analysis.scores.units.iter().find(|u| u.name == unit).cloned();
    let origins = analysis.origins.get(&key).cloned().unwrap_or_default();
    let typed = state.typed.get_untracked().get(&key).cloned().unwrap_or_default();
    let rows = rules
        .criteria
        .iter()
        .map(|c| {
            let r = result.as_ref().and_then(|u| u.criterion(&c.code));
            let origin = origins.get(&c.code).cloned().unwrap_or_default();
            let (n, d) = (r.and_then(|r| r.numerator), r.and_then(|r| r.denominator));
            let source = source_label(origins.get(&c.code), n.is_some() || d.is_some(), l);
            let mine = typed.get(&c.code).copied().unwrap_or_default();
            let input = |part: bool, counted: bool| {
                let (unit, code) = (key.clone(), c.code.clone());
                let value = if part { mine.numerator } else { mine.denominator }.map(|v| format::number(v, 0)).unwrap_or_default();
                let test = format!("typed-{}-{}", c.code, if part { "n" } else { "d" });
                (!counted).then(|| {
                    view! {
                        <input
                            type="text"
                            inputmode="numeric"
                            size="7"
                            data-testid=test
                            aria-label=format!("{} — {}", c.name, if part { l.pick("tử số", "numerator") } else { l.pick("mẫu số", "denominator") })
                            prop:value=value
                            on:change=move |ev| {
                                let parsed = crate::core::values::count(&crate::core::table::Cell::Text(event_target_value(&ev))).ok().flatten();
                                let mut figure = state.typed.with_untracked(|t| t.get(&unit).and_then(|u| u.get(&code)).copied()).unwrap_or_default();
                                if part { figure.numerator = parsed } else { figure.denominator = parsed }
                                state.set_typed(unit.clone(), code.clone(), Figure { rate: None, ..figure });
                            }
                        />
                    }
                })
            };
            let count = |x: Option<f64>| x.map(|v| format::number(v, 2)).unwrap_or_default();
            view! {
                <tr data-criterion=c.code.clone()>
                    <th scope="row">{c.name.clone()}</th>
                    <td class="num">{count(n)}</td>
                    <td class="num">{count(d)}</td>
                    <td data-testid="figure-source">{source}</td>
                    <td>
                        {if origin.numerator_counted && origin.denominator_counted {
                            view! { <span aria-label=origin.label(l)>"—"</span> }.into_any()
                        } else {
                            view! { {input(true, origin.numerator_counted)} " / " {input(false, origin.denominator_counted)} }.into_any()
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{format!("{} — {unit}", l.pick("Nguồn số liệu", "Where the figures come from"))}</h3>
        {table_box(format!("{} — {unit}", l.pick("Nguồn số liệu", "Where the figures come from")), view! {
        <table class="sources" data-testid="dossier-sources" data-unit=unit.clone()>
            <caption>
                {match from {
                    Counted::Dossiers => l.pick(
                        "Số liệu không có trong danh sách hồ sơ lấy theo thứ tự: nhập tay, bảng số liệu đơn vị tải cùng, dòng của tỉnh.",
                        "Figures a dossier list cannot give come from, in order: typed in, a unit sheet loaded alongside, the province's row.",
                    ),
                    Counted::Report => l.pick(
                        "Số liệu không có trong báo cáo kết quả giải quyết TTHC lấy theo thứ tự: nhập tay, bảng số liệu đơn vị tải cùng, dòng của tỉnh.",
                        "Figures a settlement report cannot give come from, in order: typed in, a unit sheet loaded alongside, the province's row.",
                    ),
                }}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{l.pick("Tiêu chí", "Criterion")}</th>
                    <th scope="col">{l.pick("Tử số", "Numerator")}</th>
                    <th scope="col">{l.pick("Mẫu số", "Denominator")}</th>
                    <th scope="col">{l.pick("Nguồn", "Source")}</th>
                    <th scope="col">{l.pick("Nhập tay (tử số / mẫu số)", "Type in (numerator / denominator)")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        })}
    }
}
