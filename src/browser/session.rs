//! The files the user loaded, kept in this browser's IndexedDB (never sent anywhere) so that a
//! reload or a crash loses nothing: each file's bytes when it is read, its choices whenever they
//! change. Forgotten with one button, or with every setting.

use js_sys::{Object, Reflect, Uint8Array};
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Blob;

use super::blob::FileBytes;

const DATABASE: &str = "chiso-files";
/// The database of the earlier, opt-in saved session: forgotten with the rest.
const LEGACY_DATABASE: &str = "chiso";
const FILES: &str = "files";
const CHOICES: &str = "choices";
const SETTINGS_PREFIX: &str = "chiso.";

/// A file kept on this machine, as it is read again.
pub struct Kept {
    pub name: String,
    pub bytes: FileBytes,
    /// The user's choices for it (sheet, columns, period, kind), as JSON.
    pub choice: Option<String>,
    /// Read with a dossier list's cells kept.
    pub cells_kept: bool,
}

fn text(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn js_text(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

async fn open() -> Result<Rexie, String> {
    Rexie::builder(DATABASE)
        .version(1)
        .add_object_store(ObjectStore::new(FILES))
        .add_object_store(ObjectStore::new(CHOICES))
        .build()
        .await
        .map_err(text)
}

/// Runs `write` on one store in a read-write transaction, and closes the database (it could not
/// be deleted while open).
async fn write_to<F, Fut>(store: &str, write: F) -> Result<(), String>
where
    F: FnOnce(rexie::Store) -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    let db = open().await?;
    let outcome = async {
        let tx = db.transaction(&[store], TransactionMode::ReadWrite).map_err(text)?;
        write(tx.store(store).map_err(text)?).await?;
        tx.done().await.map_err(text).map(|_| ())
    }
    .await;
    db.close();
    outcome
}

/// Keeps a file's bytes as loaded; `order` places it among the others when they are read again.
pub async fn keep(name: &str, order: u32, bytes: &FileBytes, cells_kept: bool) -> Result<(), String> {
    let record = Object::new();
    Reflect::set(&record, &"order".into(), &JsValue::from(order)).map_err(js_text)?;
    // The Blob itself: the browser stores it without a copy on this thread.
    Reflect::set(&record, &"bytes".into(), bytes.blob()).map_err(js_text)?;
    Reflect::set(&record, &"cells".into(), &JsValue::from(cells_kept)).map_err(js_text)?;
    let key = JsValue::from_str(name);
    write_to(FILES, |store| async move { store.put(&record, Some(&key)).await.map(|_| ()).map_err(text) }).await
}

/// Keeps the user's choices for a kept file.
pub async fn keep_choice(name: &str, choice: &str) -> Result<(), String> {
    let (key, value) = (JsValue::from_str(name), JsValue::from_str(choice));
    write_to(CHOICES, |store| async move { store.put(&value, Some(&key)).await.map(|_| ()).map_err(text) }).await
}

/// Forgets one file (the user removed it).
pub async fn drop_file(name: &str) -> Result<(), String> {
    for store in [FILES, CHOICES] {
        let key = JsValue::from_str(name);
        write_to(store, |s| async move { s.delete(key).await.map_err(text) }).await?;
    }
    Ok(())
}

/// A kept file's bytes: a Blob, or the byte array an earlier chiso kept.
fn kept_bytes(value: JsValue) -> Option<FileBytes> {
    match value.dyn_into::<Blob>() {
        Ok(blob) => Some(FileBytes::of_blob(blob)),
        // Wrapped as it is: never copied through the page's wasm memory.
        Err(value) => {
            let array = value.dyn_into::<Uint8Array>().ok()?;
            Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&array)).ok().map(FileBytes::of_blob)
        }
    }
}

/// The kept files, in the order they were loaded; none when nothing is kept.
pub async fn kept() -> Result<Vec<Kept>, String> {
    let db = open().await?;
    let read = async {
        let tx = db.transaction(&[FILES, CHOICES], TransactionMode::ReadOnly).map_err(text)?;
        let (files, choices) = (tx.store(FILES).map_err(text)?, tx.store(CHOICES).map_err(text)?);
        let mut out: Vec<(u32, Kept)> = Vec::new();
        let keys = files.get_all_keys(None, None).await.map_err(text)?;
        for key in keys {
            let (Some(name), Some(record)) = (key.as_string(), files.get(key.clone()).await.map_err(text)?) else {
                continue;
            };
            let field = |f: &str| Reflect::get(&record, &f.into()).ok();
            let Some(bytes) = field("bytes").and_then(kept_bytes) else { continue };
            let order = field("order").and_then(|o| o.as_f64()).unwrap_or(0.0) as u32;
            let cells_kept = field("cells").and_then(|c| c.as_bool()).unwrap_or(false);
            let choice = choices.get(key).await.map_err(text)?.and_then(|c| c.as_string());
            out.push((order, Kept { name, bytes, choice, cells_kept }));
        }
        out.sort_by_key(|(order, _)| *order);
        Ok(out.into_iter().map(|(_, k)| k).collect())
    }
    .await;
    db.close();
    read
}

/// Forgets every kept file.
pub async fn forget_files() -> Result<(), String> {
    Rexie::delete(DATABASE).await.map_err(text)?;
    Rexie::delete(LEGACY_DATABASE).await.map_err(text)
}

/// Forgets every kept file and every chiso setting on this machine.
pub async fn clear_everything() -> Result<(), String> {
    use gloo_storage::{LocalStorage, Storage};
    if !super::remembered::available() {
        return forget_files().await;
    }
    let storage = LocalStorage::raw();
    let keys: Vec<String> = (0..LocalStorage::length()).filter_map(|i| storage.key(i).ok().flatten()).collect();
    for key in keys.iter().filter(|k| k.starts_with(SETTINGS_PREFIX)) {
        LocalStorage::delete(key);
    }
    forget_files().await
}
