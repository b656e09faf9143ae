//! chiso — the Decision 766/QĐ-TTg index set for serving citizens and businesses, computed on the
//! user's own machine.
//!
//! Data flows one way: bytes → table → figures → scores → reports → views. [`core`] is plain Rust
//! (no web-sys, no Leptos) and is tested natively; `browser` holds the thin web-sys glue that the
//! browser tests exercise; `ui` wires Leptos signals to views.

pub mod core;

#[cfg(feature = "browser")]
pub mod browser;

#[cfg(feature = "web")]
pub mod ui;
