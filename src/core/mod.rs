//! Pure logic: no browser, no UI framework.

pub mod alerts;
pub mod analysis;
pub mod band;
pub mod compare;
pub mod dossier;
pub mod figures;
pub mod format;
pub mod header;
pub mod header_rows;
pub mod kind;
pub mod lang;
pub mod message;
pub mod period;
pub mod plan;
pub mod read;
pub mod report;
pub mod rules;
pub mod score;
pub mod settlement;
pub mod table;
pub mod template;
pub mod text;
pub mod title;
pub mod trend;
pub mod values;
