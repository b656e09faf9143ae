//! A saved working session: the bytes of the loaded files, kept in IndexedDB only when the user
//! asks, and removed with every setting by "Xóa dữ liệu đã lưu".

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "chiso";
const STORE: &str = "files";
const SETTINGS_PREFIX: &str = "chiso.";

fn text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| format!("{e:?}"))
}

/// Resolves with the request's result once it succeeds.
fn settled(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("IndexedDB request failed"));
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(failed.unchecked_ref()));
    })
}

fn factory() -> Result<web_sys::IdbFactory, String> {
    web_sys::window().ok_or("no window")?.indexed_db().map_err(text)?.ok_or_else(|| "IndexedDB unavailable".to_string())
}

async fn open() -> Result<IdbDatabase, String> {
    let request: IdbOpenDbRequest = factory()?.open_with_u32(DATABASE, 1).map_err(text)?;
    let upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|d| d.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let _ = db.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = JsFuture::from(settled(&request)).await.map_err(text)?;
    db.dyn_into::<IdbDatabase>().map_err(text)
}

/// Replaces the saved session with these files.
pub async fn save(files: &[(String, &[u8])]) -> Result<(), String> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(text)?;
    let store = tx.object_store(STORE).map_err(text)?;
    JsFuture::from(settled(&store.clear().map_err(text)?)).await.map_err(text)?;
    for (i, (name, bytes)) in files.iter().enumerate() {
        let record = Object::new();
        Reflect::set(&record, &"name".into(), &JsValue::from_str(name)).map_err(text)?;
        Reflect::set(&record, &"bytes".into(), &Uint8Array::from(*bytes)).map_err(text)?;
        JsFuture::from(settled(&store.put_with_key(&record, &JsValue::from(i as u32)).map_err(text)?))
            .await
            .map_err(text)?;
    }
    db.close();
    Ok(())
}

/// The saved files, in the order they were saved; empty when nothing is saved.
pub async fn load() -> Result<Vec<(String, Vec<u8>)>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(text)?;
    let store = tx.object_store(STORE).map_err(text)?;
    let all = JsFuture::from(settled(&store.get_all().map_err(text)?)).await.map_err(text)?;
    db.close();
    let mut out = Vec::new();
    for record in Array::from(&all).iter() {
        let name = Reflect::get(&record, &"name".into()).ok().and_then(|n| n.as_string());
        let bytes = Reflect::get(&record, &"bytes".into()).ok().and_then(|b| b.dyn_into::<Uint8Array>().ok());
        if let (Some(name), Some(bytes)) = (name, bytes) {
            out.push((name, bytes.to_vec()));
        }
    }
    Ok(out)
}

/// Removes the saved session and every chiso setting from this browser.
pub async fn clear_everything() -> Result<(), String> {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let keys: Vec<String> =
            (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect();
        for key in keys.iter().filter(|k| k.starts_with(SETTINGS_PREFIX)) {
            let _ = storage.remove_item(key);
        }
    }
    let request = factory()?.delete_database(DATABASE).map_err(text)?;
    JsFuture::from(settled(&request)).await.map_err(text)?;
    Ok(())
}
