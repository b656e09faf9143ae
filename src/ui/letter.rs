use leptos::prelude::*;

use crate::core::report::letter::{COPIES_TO, MOTTO, NATION, SEE_APPENDIX, TO};

use super::text::letter::LetterText;
use super::text::tr;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};

use super::pager::Pager;
use super::state::{use_app, use_shown, AppState};
use super::whole_plan::WholePlanCard;
use crate::browser;
use crate::browser::remembered::Remembered;
use crate::core::model::lang::Lang;
use crate::core::report::export::Export;
use crate::core::report::job::Job;
use std::sync::Arc;

use crate::core::model::format::number;
use crate::core::model::paging::Page;
use crate::core::model::values::typed;
use crate::core::report::letter::{
    appendix_partial, compose, default_fields, print_label, AppendixRow, Letter, LetterFields, NamedCriterion,
};
use crate::core::report::summary::summary;
use crate::core::rules::RuleSet;

const LETTER: Remembered<Kept> = Remembered::at("chiso.letter");

/// The user's letter texts and the period they were written for: a new month keeps the names and
/// directives but takes the new month's subject, date and closing.
#[derive(Serialize, Deserialize)]
struct Kept {
    period: String,
    fields: LetterFields,
}

fn period_of(state: &AppState) -> String {
    state
        .analysis
        .get()
        .and_then(|a| {
            a.0.scores.units.iter().find_map(|u| u.period.as_ref()).map(|p| p.label(crate::core::model::lang::Lang::Vi))
        })
        .unwrap_or_default()
}

/// The announcement: every text editable (and remembered), a preview in the letter's layout,
/// the Word document and printing.
#[component]
pub fn LetterPanel() -> impl IntoView {
    let state = use_app();
    let shown = use_shown();
    let edited: RwSignal<Option<LetterFields>> = RwSignal::new(None);
    // The editor stays open while the letter it edits is redrawn.
    let editing = RwSignal::new(false);
    // The fields in force: the user's, or the defaults for what is loaded.
    let fields = Memo::new(move |_| {
        let analysis = shown.analysis.get()?;
        let rules = state.rules.get()?.rules;
        let defaults = default_fields(&analysis.0.scores, &rules);
        if let Some(f) = edited.get() {
            return Some(f);
        }
        let remembered = LETTER.load();
        Some(match remembered {
            Some(r) if r.period == period_of(&state) => r.fields,
            Some(r) => r.fields.carried_over(&defaults),
            None => defaults,
        })
    });
    let letter = Memo::new(move |_| {
        let analysis = shown.analysis.get()?;
        let rules = state.rules.get()?.rules;
        let f = fields.get()?;
        (!analysis.0.scores.units.is_empty()).then(|| compose(&f, &analysis.0.scores, analysis.0.before(), &rules))
    });
    let update = move |change: Box<dyn Fn(&mut LetterFields)>| {
        if let Some(mut f) = fields.get_untracked() {
            change(&mut f);
            LETTER.save(&Kept { period: period_of(&state), fields: f.clone() });
            edited.set(Some(f));
        }
    };
    // The letter as Word, or its appendix as a workbook.
    let download = move |export: Export| {
        let (Some(f), Some(_)) = (fields.get_untracked(), shown.analysis.get_untracked()) else { return };
        spawn_local(state.make(Job::Export { export, letter: Some(Box::new(f)) }));
    };
    // The whole's plan adds its «chỉ tiêu giao» paragraph to the directives (once).
    let assign = move |paragraph: String| update(Box::new(move |f| f.assign(paragraph.clone())));
    // The appendix's page on screen; `whole` while the print button prints every row of it.
    let page = RwSignal::new(0usize);
    let whole = RwSignal::new(false);
    let lang = state.lang;
    move || {
        let f = fields.get()?;
        let l = letter.get()?;
        let t = lang.get();
        let analysis = shown.analysis.get()?;
        let comparison = shown.comparison.get();
        let active = state.rules.get()?;
        let active_rules = active.rules;
        let f_named = f.named.clone();
        Some(view! {
            <section class="letter-panel" aria-labelledby="letter-heading">
                <h2 id="letter-heading">{tr(t, LetterText::AnnouncementLetter)}</h2>
                {l.missing_warning.clone().map(|w| view! { <p class="warning" role="note" data-testid="missing-warning">{format!("⚠ {w}")}</p> })}
                <LetterActions download=download edited=edited whole=whole lang=t />
                <details
                    class="letter-fields"
                    open=editing.get_untracked()
                    on:toggle=move |ev| editing.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
                >
                    <summary>{tr(t, LetterText::EditLetterSTexts)}</summary>
                    <Fields fields=f update=update lang=t />
                    <NamedEditor named=f_named update=update lang=t rules=active_rules.clone() />
                </details>
                <Summary text=summary(&l, &analysis.0.scores, comparison.as_deref()) lang=t />
                <WholePlanCard analysis=analysis.0.clone() rules=active_rules.clone() lang=t assign=assign />
                <Preview letter=l page=page whole=whole />
            </section>
        })
    }
}

/// The letter's downloads, printing, and the way back to the default texts.
#[component]
fn LetterActions(
    download: impl Fn(Export) + Copy + Send + Sync + 'static,
    edited: RwSignal<Option<LetterFields>>,
    whole: RwSignal<bool>,
    lang: Lang,
) -> impl IntoView {
    let reset = move |_| {
        // Every edit of the letter goes at once: ask first, when there is any.
        let question = tr(lang, LetterText::RestoringDefaultTextsDiscards);
        let edits = edited.with_untracked(Option::is_some) || LETTER.load().is_some();
        if edits && !web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false) {
            return;
        }
        LETTER.forget();
        edited.set(None);
    };
    // Every row of the appendix while the browser prints.
    let print = move |_| {
        spawn_local(async move {
            whole.set(true);
            browser::next_frame().await;
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
            whole.set(false);
        })
    };
    view! {
        <div class="exports">
            <button type="button" class="secondary" data-testid="export-docx" on:click=move |_| download(Export::Docx)>{tr(lang, LetterText::DownloadWordDocx)}</button>
            <button type="button" class="secondary" data-testid="export-appendix-xlsx" on:click=move |_| download(Export::Appendix)>{tr(lang, LetterText::DownloadAppendixXlsx)}</button>
            <button type="button" class="secondary" data-testid="print-letter" on:click=print>{print_label(lang)}</button>
            <button type="button" class="secondary" data-testid="reset-letter" on:click=reset>{tr(lang, LetterText::RestoreDefaultTexts)}</button>
        </div>
    }
}

/// The copy-ready summary (the contract's `summary-text`) with its copy button.
#[component]
fn Summary(text: String, lang: Lang) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let to_copy = text.clone();
    let copy = move |_| {
        let text = to_copy.clone();
        leptos::task::spawn_local(async move { copied.set(Some(browser::copy_text(&text).await)) });
    };
    let rows = text.lines().count().max(3);
    view! {
        <div class="summary">
            <label class="field" for="summary-text">{tr(lang, LetterText::SummaryChatEMail)}</label>
            <textarea id="summary-text" data-testid="summary-text" readonly rows=rows>{text}</textarea>
            <button type="button" class="secondary" data-testid="summary-copy" on:click=copy>{tr(lang, LetterText::CopySummary)}</button>
            <span class="hint" role="status" data-testid="summary-copied">
                {move || match copied.get() {
                    Some(true) => tr(lang, LetterText::Copied),
                    Some(false) => tr(lang, LetterText::BrowserDidNotAllow),
                    None => "",
                }}
            </span>
        </div>
    }
}

/// The paragraphs naming units, one per criterion: its criterion, the rate below which a unit
/// is named, and the text (`{units}` stands for the names).
#[component]
fn NamedEditor(
    named: Vec<NamedCriterion>,
    update: impl Fn(Box<dyn Fn(&mut LetterFields)>) + Copy + Send + Sync + 'static,
    lang: Lang,
    rules: Arc<RuleSet>,
) -> impl IntoView {
    let rows = named
        .iter()
        .enumerate()
        .map(|(k, n)| {
            let options = rules
                .criteria
                .iter()
                .map(|c| view! { <option value=c.code.clone() selected=c.code == n.criterion>{c.name_in(lang).to_string()}</option> })
                .collect_view();
            let percent = number(n.rate * 100.0, 2);
            view! {
                <fieldset class="named" data-testid="letter-named" data-criterion=n.criterion.clone()>
                    <legend>{format!("{} {}", tr(lang, LetterText::ParagraphNamingUnits), k + 1)}</legend>
                    <label>{tr(lang, LetterText::Criterion)}
                        <select data-testid="letter-named-criterion" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            update(Box::new(move |f| if let Some(n) = f.named.get_mut(k) { n.criterion = v.clone() }));
                        }>{options}</select>
                    </label>
                    <label>{tr(lang, LetterText::WhenRateBelow)}
                        <input data-testid="letter-named-rate" inputmode="decimal" size="6" value=percent on:change=move |ev| {
                            if let Some(rate) = typed(&event_target_value(&ev)).filter(|r| (0.0..=100.0).contains(r)) {
                                update(Box::new(move |f| if let Some(n) = f.named.get_mut(k) { n.rate = rate / 100.0 }));
                            }
                        } />
                    </label>
                    <label class="named-text">{tr(lang, LetterText::Text)}
                        <span class="field-hint">{tr(lang, LetterText::ReplacedUnitsNames)}</span>
                        <textarea data-testid="letter-named-text" rows="3" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            update(Box::new(move |f| if let Some(n) = f.named.get_mut(k) { n.text = v.clone() }));
                        }>{n.text.clone()}</textarea>
                    </label>
                    <button type="button" class="secondary" data-testid="letter-named-remove" on:click=move |_| update(Box::new(move |f| { if k < f.named.len() { f.named.remove(k); } }))>
                        {tr(lang, LetterText::RemoveParagraph)}
                    </button>
                </fieldset>
            }
        })
        .collect_view();
    let add = move |_| {
        let rules = rules.clone();
        update(Box::new(move |f| f.named.extend(NamedCriterion::next(&f.named, &rules))));
    };
    view! {
        <div class="named-editor">
            {rows}
            <button type="button" class="secondary" data-testid="letter-named-add" on:click=add>{tr(lang, LetterText::AddParagraphNamingUnits)}</button>
        </div>
    }
}

#[component]
fn Fields(
    fields: LetterFields,
    update: impl Fn(Box<dyn Fn(&mut LetterFields)>) + Copy + Send + Sync + 'static,
    lang: crate::core::model::lang::Lang,
) -> impl IntoView {
    let text = move |label: &'static str, id: &'static str, value: String, set: fn(&mut LetterFields, String)| {
        view! {
            <label class="field" for=id>{label}</label>
            <input id=id type="text" value=value data-testid=format!("letter-{id}") on:change=move |ev| {
                let v = event_target_value(&ev);
                update(Box::new(move |f| set(f, v.clone())));
            } />
        }
    };
    // A paragraph: wraps as it will print, and Enter's line breaks become spaces.
    let paragraph = move |label: &'static str, id: &'static str, value: String, set: fn(&mut LetterFields, String)| {
        view! {
            <label class="field" for=id>{label}</label>
            <textarea id=id rows="3" data-testid=format!("letter-{id}") on:change=move |ev| {
                let v = event_target_value(&ev).split_whitespace().collect::<Vec<_>>().join(" ");
                update(Box::new(move |f| set(f, v.clone())));
            }>{value}</textarea>
        }
    };
    let lines = move |(label, hint): (&'static str, &'static str),
                      id: &'static str,
                      value: Vec<String>,
                      set: fn(&mut LetterFields, Vec<String>)| {
        let rows = (value.len() + 1).clamp(2, 8);
        view! {
            <label class="field" for=id>{label}<span class="field-hint">{hint}</span></label>
            <textarea id=id rows=rows data-testid=format!("letter-{id}") on:change=move |ev| {
                let v: Vec<String> = event_target_value(&ev).lines().map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
                update(Box::new(move |f| set(f, v.clone())));
            }>{value.join("\n")}</textarea>
        }
    };
    view! {
        <div class="fields-grid">
            {text(tr(lang, LetterText::ParentBody), "parent-body", fields.parent_body.clone(), |f, v| f.parent_body = v)}
            {text(tr(lang, LetterText::IssuingBody), "issuing-body", fields.issuing_body.clone(), |f, v| f.issuing_body = v)}
            {text(tr(lang, LetterText::NumberSymbol), "number", fields.number.clone(), |f, v| f.number = v)}
            {text(tr(lang, LetterText::PlaceDate), "place-date", fields.place_and_date.clone(), |f, v| f.place_and_date = v)}
            {paragraph(tr(lang, LetterText::SubjectVV), "subject", fields.subject.clone(), |f, v| f.subject = v)}
            {lines((tr(lang, LetterText::Recipients), tr(lang, LetterText::RecipientsHint)), "recipients", fields.recipients.clone(), |f, v| f.recipients = v)}
            {lines((tr(lang, LetterText::Bases), tr(lang, LetterText::BasesHint)), "bases", fields.bases.clone(), |f, v| f.bases = v)}
            {paragraph(tr(lang, LetterText::ParagraphBeforeResults), "intro", fields.intro.clone(), |f, v| f.intro = v)}
            {paragraph(tr(lang, LetterText::RequestSentence), "request", fields.request.clone(), |f, v| f.request = v)}
            {lines((tr(lang, LetterText::Directives), tr(lang, LetterText::DirectivesHint)), "directives", fields.directives.clone(), |f, v| f.directives = v)}
            <label class="field check" for="say-change">
                <input id="say-change" type="checkbox" data-testid="letter-say-change" checked=fields.say_change on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    update(Box::new(move |f| f.say_change = on));
                } />
                {tr(lang, LetterText::SayRiseFallAgainst)}
            </label>
            {paragraph(tr(lang, LetterText::ClosingSentence), "closing", fields.closing.clone(), |f, v| f.closing = v)}
            {lines((tr(lang, LetterText::CopiesTo), tr(lang, LetterText::RecipientsHint)), "copies", fields.copies_to.clone(), |f, v| f.copies_to = v)}
            {lines((tr(lang, LetterText::SignerTitles), tr(lang, LetterText::SignerTitlesHint)), "signer-titles", fields.signer_titles.clone(), |f, v| f.signer_titles = v)}
            {text(tr(lang, LetterText::SignerSName), "signer-name", fields.signer_name.clone(), |f, v| f.signer_name = v)}
        </div>
    }
}

/// The letter as it will print: A4 portrait, then the appendix on A4 landscape.
#[component]
fn Preview(letter: Letter, page: RwSignal<usize>, whole: RwSignal<bool>) -> impl IntoView {
    // The appendix's rows are drawn again page by page from the one letter, shared, not copied.
    let letter = Arc::new(letter);
    view! {
        <LetterPage letter=letter.clone() />
        <Appendix letter=letter page=page whole=whole />
    }
}

/// The letter itself, laid out as Decree 30/2020/NĐ-CP lays it out.
#[component]
fn LetterPage(letter: Arc<Letter>) -> impl IntoView {
    let f = letter.fields.clone();
    let results = letter
        .results
        .iter()
        .map(|r| view! { <p class="indent" data-group=r.code.clone()>{format!("- {}", r.text)}</p> })
        .collect_view();
    let directives = letter
        .directives
        .iter()
        .enumerate()
        .map(|(i, d)| view! { <p class="indent">{format!("{}. {d}", i + 1)}</p> })
        .collect_view();
    view! {
        <article class="letter" data-testid="letter" lang="vi">
            <div class="letter-head">
                <div>
                    <p>{f.parent_body.clone()}</p>
                    <p class="bold">{f.issuing_body.clone()}</p>
                    <p>{f.number.clone()}</p>
                    <p class="small">{f.subject.clone()}</p>
                </div>
                <div>
                    <p class="bold">{NATION}</p>
                    <p class="bold motto">{MOTTO}</p>
                    <p class="italic">{f.place_and_date.clone()}</p>
                </div>
            </div>
            <p class="center">{TO}</p>
            {f.recipients.iter().map(|r| view! { <p class="center">{format!("- {r}")}</p> }).collect_view()}
            {f.bases.iter().map(|b| view! { <p class="indent">{b.clone()}</p> }).collect_view()}
            <p class="indent">{f.intro.clone()}</p>
            {results}
            <p class="indent">{SEE_APPENDIX}</p>
            <p class="indent">{f.request.clone()}</p>
            {directives}
            <p class="indent">{f.closing.clone()}</p>
            <div class="letter-foot">
                <div class="copies">
                    <p class="bold italic">{COPIES_TO}</p>
                    {f.copies_to.iter().map(|c| view! { <p>{format!("- {c}")}</p> }).collect_view()}
                </div>
                <div class="signer">
                    {f.signer_titles.iter().map(|t| view! { <p class="bold">{t.clone()}</p> }).collect_view()}
                    <p class="signature-space"></p>
                    <p class="bold">{f.signer_name.clone()}</p>
                </div>
            </div>
        </article>
    }
}

/// The appendix: every unit's groups and total, a page at a time on screen, whole when printed.
#[component]
fn Appendix(letter: Arc<Letter>, page: RwSignal<usize>, whole: RwSignal<bool>) -> impl IntoView {
    let lang = use_app().lang;
    let heads = letter.appendix_headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view();
    let columns = letter.appendix_headers.len();
    let row_view = |r: &AppendixRow| {
        let cells = r.cells();
        let last = cells.len() - 1;
        let groups = cells[2..last - 1].iter().map(|g| view! { <td class="num">{g.clone()}</td> }).collect_view();
        view! {
            <tr>
                <td class="num">{cells[0].clone()}</td>
                <th scope="row">{cells[1].clone()}</th>
                {groups}
                <td class="num">{cells[last - 1].clone()}</td>
                <td>{cells[last].clone()}</td>
            </tr>
        }
    };
    let total = letter.appendix.len();
    let current = Signal::derive(move || Page::new(page.get(), total));
    let rows = {
        let letter = letter.clone();
        move || {
            let range = if whole.get() { 0..total } else { current.get().rows() };
            letter
                .appendix_sections(range)
                .into_iter()
                .map(|(section, rows)| {
                    let heading = section.map(
                        |t| view! { <tr class="section-row"><th scope="rowgroup" colspan=columns>{t.to_string()}</th></tr> },
                    );
                    view! { {heading} {rows.into_iter().map(row_view).collect_view()} }
                })
                .collect_view()
        }
    };
    let title: Vec<String> = letter.appendix_title.lines().map(String::from).collect();
    let note = letter.appendix_note;
    view! {
        <article class="appendix" data-testid="appendix" lang="vi">
            {title.iter().enumerate().map(|(i, t)| view! { <p class=if i < 2 { "center bold" } else { "center italic" }>{t.clone()}</p> }).collect_view()}
            <table class="appendix-table">
                <caption class="visually-hidden">{title.join(" ")}</caption>
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {note.map(|note| view! { <p class="italic" data-testid="appendix-note">{note}</p> })}
            {move || (current.get().paged() && !whole.get()).then(|| view! {
                <p class="note" data-testid="appendix-partial">{appendix_partial(current.get(), lang.get())}</p>
            })}
        </article>
        <Pager page=page current=current />
    }
}
