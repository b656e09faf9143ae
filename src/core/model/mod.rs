//! The neutral model every later stage reads: the table a reader produces, the values and texts
//! in its cells, periods and windows of time, and what the user is told (language, messages,
//! Vietnamese number formats, pages of long tables).

pub mod format;
pub mod lang;
pub mod message;
pub mod paging;
pub mod period;
pub mod table;
pub mod text;
pub mod values;
pub mod window;
