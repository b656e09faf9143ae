//! The user's settings, each remembered on this machine and in force at once.

use super::{ActiveRules, AppState, ReadSettings};
use crate::browser;
use crate::browser::remembered::{Remembered, RememberedText};
use crate::core::dossier::units::Typed;
use crate::core::figures::sources::SourceOrder;
use crate::core::figures::Figure;
use crate::core::insight::alerts::AlertSettings;
use crate::core::model::lang::Lang;
use crate::core::rules::DEFAULT_RULES;
use leptos::prelude::*;
use std::sync::Arc;

// What is remembered on this machine, each under its own key.
pub(super) const LANG: RememberedText = RememberedText::at("chiso.lang");
pub(super) const RULES: RememberedText = RememberedText::at("chiso.rules");
pub(super) const RULES_NAME: RememberedText = RememberedText::at("chiso.rules.name");
pub(super) const MY_UNIT: RememberedText = RememberedText::at("chiso.my-unit");
pub(super) const WHOLE: RememberedText = RememberedText::at("chiso.whole");
pub(super) const ALERTS: Remembered<AlertSettings> = Remembered::at("chiso.alerts");
pub(super) const LIMITS: Remembered<ReadSettings> = Remembered::at("chiso.limits");
pub(super) const TYPED: Remembered<Typed> = Remembered::at("chiso.typed");
pub(super) const SOURCES: Remembered<SourceOrder> = Remembered::at("chiso.sources");

impl AppState {
    /// Chooses the user's own unit (`None`: none), and remembers it on this machine.
    pub fn set_my_unit(&self, unit: Option<String>) {
        MY_UNIT.set(unit.as_deref());
        self.my_unit.set(unit);
    }

    /// The order in which sources are trusted, remembered on this machine.
    pub fn set_sources(&self, order: SourceOrder) {
        SOURCES.save(&order);
        self.focus.update(|f| f.sources = order);
    }

    /// The unit the user names as the whole (`None`: recognised), remembered on this machine.
    pub fn set_whole(&self, whole: Option<String>) {
        WHOLE.set(whole.as_deref());
        self.focus.update(|f| f.whole = whole);
    }

    pub fn set_alert_settings(&self, settings: AlertSettings) {
        ALERTS.save(&settings);
        self.alert_settings.set(settings);
    }

    pub fn set_read_settings(&self, settings: ReadSettings) {
        LIMITS.save(&settings);
        self.read_settings.set(settings);
    }

    /// A figure typed in for a unit (by its folded name); `None` parts clear it.
    pub fn set_typed(&self, unit: String, code: String, figure: Figure) {
        self.typed.update(|typed| {
            let of_unit = typed.entry(unit.clone()).or_default();
            if figure.is_empty() {
                of_unit.remove(&code);
            } else {
                of_unit.insert(code, figure);
            }
            if of_unit.is_empty() {
                typed.remove(&unit);
            }
        });
        self.typed.with_untracked(|typed| TYPED.save(typed));
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        LANG.save(lang.code());
    }

    /// Starts the engine with the rule set remembered on this machine, else the default, before
    /// any file is read. False when no engine can run here.
    pub async fn start_engine(self) -> bool {
        let remembered = RULES.load();
        let choices: Vec<&str> = remembered.iter().map(String::as_str).chain([DEFAULT_RULES]).collect();
        let Ok(held) = browser::engine::prepare(&choices).await else { return false };
        if let Some((i, rules)) = held {
            let text = choices[i];
            let source = if i + 1 < choices.len() { RULES_NAME.load() } else { None };
            self.rules.set(Some(ActiveRules { rules: Arc::new(rules), text: text.into(), source }));
        }
        true
    }

    /// A rule set file chosen by the user; an invalid one leaves the current rules in force.
    pub async fn use_rules(self, source: String, text: &str) {
        match ActiveRules::parsed(text, Some(source.clone())).await {
            Ok(Ok(active)) => {
                RULES.save(text);
                RULES_NAME.save(&source);
                self.rules.set(Some(active));
                self.rules_error.set(None);
            }
            Ok(Err(e)) => self.rules_error.set(Some((source, e))),
            // No engine: nothing can be read either, and the status line says why.
            Err(_) => {}
        }
    }

    pub async fn use_default_rules(self) {
        RULES.forget();
        RULES_NAME.forget();
        // The compiled-in set is valid (the native tests parse it).
        if let Ok(Ok(active)) = ActiveRules::parsed(DEFAULT_RULES, None).await {
            self.rules.set(Some(active));
        }
        self.rules_error.set(None);
    }
}
