//! Waiting for something the app says has happened (an answer drawn, a turn free), as a future
//! woken when it is said, rather than a loop that looks every few milliseconds.

use std::cell::RefCell;
use std::rc::Rc;

use futures_channel::oneshot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// One waiter's sender, shared with its timer.
type Slot = Rc<RefCell<Option<oneshot::Sender<()>>>>;

/// Those waiting for the next [`Waiters::wake`].
#[derive(Clone, Default)]
pub struct Waiters(Rc<RefCell<Vec<Slot>>>);

impl Waiters {
    /// Until the next [`Waiters::wake`], or `timeout_ms` when given.
    pub async fn wait(&self, timeout_ms: Option<i32>) {
        let (sender, receiver) = oneshot::channel();
        let slot: Slot = Rc::new(RefCell::new(Some(sender)));
        self.0.borrow_mut().push(slot.clone());
        let window = web_sys::window();
        // Dropped once the wait ends, its timer cleared: no closure is left behind per wait.
        let timeout = timeout_ms.map(|ms| {
            let slot = slot.clone();
            (Closure::once(move || fire(&slot)), ms)
        });
        let timer = timeout.as_ref().and_then(|(callback, ms)| {
            let callback = callback.as_ref().unchecked_ref();
            window.as_ref()?.set_timeout_with_callback_and_timeout_and_arguments_0(callback, *ms).ok()
        });
        let _ = receiver.await;
        if let (Some(window), Some(timer)) = (window, timer) {
            window.clear_timeout_with_handle(timer);
        }
        drop(timeout);
    }

    /// Wakes everyone waiting.
    pub fn wake(&self) {
        let waiting = std::mem::take(&mut *self.0.borrow_mut());
        waiting.iter().for_each(fire);
    }
}

fn fire(slot: &Slot) {
    if let Some(sender) = slot.borrow_mut().take() {
        let _ = sender.send(());
    }
}
