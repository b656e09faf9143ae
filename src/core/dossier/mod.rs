//! Dossier lists (danh sách hồ sơ) exported from a one-stop system, one row per dossier: read
//! into compact records as the rows stream in, tallied per unit over a period into the figures
//! of every dossier-derived criterion, with the dossiers that cost points, why, and what fixing
//! them would win back.

pub mod actions;
pub mod assumed;
pub mod book;
pub mod columns;
pub mod drill;
pub mod list;
pub mod procedures;
pub mod reasons;
pub mod recover;
pub mod status;
pub mod tally;
pub mod units;
pub mod values;

pub use columns::{find_header, Certainty, DossierMapping, Field};
pub use list::{Dossier, DossierList, DossierReader};
