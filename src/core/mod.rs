//! Pure logic: no browser, no UI framework.

pub mod format;
pub mod lang;
pub mod read;
pub mod table;
