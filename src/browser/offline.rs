//! The service worker: registered when the page is served over http(s) (never from file://, and
//! never by the single-file edition, which carries everything and whose policy allows no worker
//! script but its own), and a callback when a new version is installed and waiting to take over.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    if protocol != "http:" && protocol != "https:" {
        return None;
    }
    let single_file = window.document()?.get_element_by_id(super::worker::Role::Engine.inline_id()).is_some();
    if single_file {
        return None;
    }
    // Absent in private windows of some browsers and in insecure contexts.
    let navigator = window.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?.then(|| navigator.service_worker())
}

/// Registers ./sw.js; `on_update` runs when a newer version has been cached and waits.
pub async fn register(on_update: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else { return };
    let registration: ServiceWorkerRegistration = registration.unchecked_into();
    if container.controller().is_some() && registration.waiting().is_some() {
        on_update();
    }
    let on_update = std::rc::Rc::new(on_update);
    let reg = registration.clone();
    let container = container.clone();
    let found = Closure::<dyn FnMut()>::new(move || {
        let Some(worker) = reg.installing() else { return };
        let watched = worker.clone();
        let on_update = on_update.clone();
        let controller = container.clone();
        let changed = Closure::<dyn FnMut()>::new(move || {
            // A first install has no controller yet: that is not an update. Asked at this moment,
            // since a page's first visit is taken over (clients.claim) after it registered.
            if watched.state() == ServiceWorkerState::Installed && controller.controller().is_some() {
                on_update();
            }
        });
        worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    });
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
}

/// Lets the waiting version take over, then reloads the page into it.
pub async fn apply_update() {
    let Some(container) = container() else { return };
    let Ok(registration) = JsFuture::from(container.get_registration()).await else { return };
    let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
    let Some(waiting): Option<ServiceWorker> = registration.waiting() else { return };
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
}
