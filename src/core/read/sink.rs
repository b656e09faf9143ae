//! Where a sheet's rows go as a reader streams them. A sink that recognises a sheet from its
//! first rows takes over the rest of its rows (the dossier stage's lists are one), so that a
//! province's month never exists as millions of cells: the sheet then keeps only a preview.
//! The reader knows nothing of what a sink makes of the rows.

use crate::core::model::table::{Cell, Sheet};

/// What a sink takes of a sheet it claims.
pub struct Claim<'a> {
    /// The header's row within the sheet's first rows: the rows below it go to `rows`.
    pub header_row: usize,
    /// Which columns (from the sheet's first) the sink reads; readers skip the others.
    pub wanted: Vec<bool>,
    pub rows: Box<dyn Rows + 'a>,
}

/// Offered each sheet's first rows; claims the sheets it takes over.
pub trait Sink {
    /// `head` is the sheet's first rows, laid out; `date1904` says whether its date serials
    /// count from 1904.
    fn claim(&self, head: &Sheet, date1904: bool) -> Option<Claim<'_>>;
}

/// The rows of a claimed sheet.
pub trait Rows {
    /// One row below the header: its sheet row (absolute, 0-based) and its cells from the
    /// sheet's first column, as wide as the claim's `wanted`.
    fn row(&mut self, row: usize, cells: &[Cell]);
    /// The sheet has ended.
    fn end(self: Box<Self>);
}

/// The sink that claims nothing: every sheet is kept as cells.
pub struct KeepCells;

impl Sink for KeepCells {
    fn claim(&self, _: &Sheet, _: bool) -> Option<Claim<'_>> {
        None
    }
}
