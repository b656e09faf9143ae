//! What chiso remembers on this machine (localStorage, through gloo-storage): one typed handle per
//! value, so that loading and saving are written once. Nothing is remembered where storage is
//! unavailable (some private windows): the app then simply starts from its defaults.

use std::borrow::Cow;
use std::marker::PhantomData;

use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Whether there is a localStorage to use: gloo-storage assumes one (and throws without), but a
/// browser that blocks site data refuses it, and chiso then remembers nothing rather than stop.
pub fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// A value kept as JSON under its key.
pub struct Remembered<T> {
    key: Cow<'static, str>,
    value: PhantomData<fn() -> T>,
}

impl<T: Serialize + DeserializeOwned> Remembered<T> {
    pub const fn at(key: &'static str) -> Self {
        Remembered { key: Cow::Borrowed(key), value: PhantomData }
    }

    pub fn load(&self) -> Option<T> {
        available().then(|| LocalStorage::get(&*self.key).ok()).flatten()
    }

    pub fn save(&self, value: &T) {
        if available() {
            let _ = LocalStorage::set(&*self.key, value);
        }
    }

    pub fn forget(&self) {
        if available() {
            LocalStorage::delete(&*self.key);
        }
    }
}

/// A text kept as it is (a language code, a unit's name, a rule set's TOML, a mapping's encoding):
/// earlier versions stored them so, and nothing remembered is lost.
pub struct RememberedText {
    key: Cow<'static, str>,
}

impl RememberedText {
    pub const fn at(key: &'static str) -> Self {
        RememberedText { key: Cow::Borrowed(key) }
    }

    /// One of a family of values: `prefix` and what tells them apart (a table's header signature).
    pub fn keyed(prefix: &str, which: &str) -> Self {
        RememberedText { key: Cow::Owned(format!("{prefix}{which}")) }
    }

    pub fn load(&self) -> Option<String> {
        available().then(|| LocalStorage::raw().get_item(&self.key).ok().flatten()).flatten()
    }

    pub fn save(&self, value: &str) {
        if available() {
            let _ = LocalStorage::raw().set_item(&self.key, value);
        }
    }

    /// Saves `Some` value, forgets on `None`.
    pub fn set(&self, value: Option<&str>) {
        match value {
            Some(v) => self.save(v),
            None => self.forget(),
        }
    }

    pub fn forget(&self) {
        if available() {
            LocalStorage::delete(&*self.key);
        }
    }
}
