//! Pure logic: no browser, no UI framework. The modules are the stages of the one-way flow, in
//! order; a stage imports only earlier ones (docs/architecture.md, tests/architecture.rs).

pub mod analysis;
pub mod dossier;
pub mod engine;
pub mod figures;
pub mod insight;
pub mod layout;
pub mod model;
pub mod present;
pub mod read;
pub mod report;
pub mod rules;
pub mod scoring;
