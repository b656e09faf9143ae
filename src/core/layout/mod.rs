//! Which rows and columns of a table mean what: the header row (over several rows, too), the
//! title lines above it, and the kind of each unit.

pub mod header;
pub mod header_rows;
pub mod kind;
pub mod title;
