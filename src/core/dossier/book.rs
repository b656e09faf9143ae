//! A file as chiso holds it: the neutral workbook the reader made, and the dossier lists its
//! sink took over while the rows streamed in (a province's month is read as compact records,
//! never as millions of cells). The reader knows nothing of dossiers; this is the sink.

use std::cell::RefCell;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::columns::{find_header, Certainty};
use super::list::{DossierList, DossierReader};
use crate::core::model::table::{Cell, Sheet, Workbook};
use crate::core::read::sink::{Claim, KeepCells, Rows, Sink};
use crate::core::read::{read_into, Limits, Loaded, Note, Progress, ReadError};

/// A workbook and the dossier lists streamed from its sheets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Book {
    pub workbook: Workbook,
    /// By sheet index, in sheet order.
    lists: Vec<(usize, Arc<DossierList>)>,
}

/// A workbook and what was streamed from it, as the analysis reads either: a workbook read with
/// every row kept as cells has no list of its own.
pub trait Streamed {
    fn workbook(&self) -> &Workbook;
    /// The dossier list streamed from sheet `sheet`.
    fn list(&self, sheet: usize) -> Option<&Arc<DossierList>>;
    /// Whether sheet `sheet` is a dossier list, when the user has not said what it is.
    fn is_list(&self, sheet: usize) -> bool;
}

impl Streamed for Workbook {
    fn workbook(&self) -> &Workbook {
        self
    }

    fn list(&self, _: usize) -> Option<&Arc<DossierList>> {
        None
    }

    /// Its header says so, as the sink would have found while streaming.
    fn is_list(&self, sheet: usize) -> bool {
        self.sheets.get(sheet).is_some_and(|s| find_header(s, Certainty::Detect).is_some())
    }
}

impl Streamed for Book {
    fn workbook(&self) -> &Workbook {
        &self.workbook
    }

    fn list(&self, sheet: usize) -> Option<&Arc<DossierList>> {
        self.lists.iter().find(|(s, _)| *s == sheet).map(|(_, list)| list)
    }

    fn is_list(&self, sheet: usize) -> bool {
        self.list(sheet).is_some()
    }
}

impl Book {
    /// Whether any sheet was streamed into a list.
    pub fn streamed(&self) -> bool {
        !self.lists.is_empty()
    }

    /// The first list streamed, with its sheet.
    pub fn first_list(&self) -> Option<(usize, &Arc<DossierList>)> {
        self.lists.first().map(|(sheet, list)| (*sheet, list))
    }

    /// The book as the page holds it: the workbook's outline, and each list without its records
    /// (the analysis brings those). A province's list is hundreds of thousands of records the
    /// page need not decode.
    pub fn outline(&self) -> Book {
        Book {
            workbook: self.workbook.outline(),
            lists: self.lists.iter().map(|(s, l)| (*s, Arc::new(l.with_dossiers(Vec::new())))).collect(),
        }
    }
}

/// Reads a file, streaming the sheets that are dossier lists into records (unless `limits`
/// keep every row as cells, for reading a list with columns the user chose).
pub fn read(
    file_name: &str,
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Book, Vec<Note>), ReadError> {
    let lists = Lists::default();
    let sink: &dyn Sink = if limits.keep_dossier_cells { &KeepCells } else { &lists };
    let Loaded { workbook, notes } = read_into(file_name, bytes, limits, progress, sink)?;
    let mut streamed = lists.0.into_inner();
    let lists = workbook
        .sheets
        .iter()
        .enumerate()
        .filter_map(|(i, sheet)| {
            let at = streamed.iter().position(|(name, _)| *name == sheet.name)?;
            Some((i, Arc::new(streamed.swap_remove(at).1)))
        })
        .collect();
    Ok((Book { workbook, lists }, notes))
}

/// The sink: a sheet whose first rows hold a dossier list's header is read as records.
#[derive(Default)]
struct Lists(RefCell<Vec<(String, DossierList)>>);

impl Sink for Lists {
    fn claim(&self, head: &Sheet, date1904: bool) -> Option<Claim<'_>> {
        let mapping = find_header(head, Certainty::Detect)?;
        Some(Claim {
            header_row: mapping.header_row,
            wanted: mapping.fields.iter().map(Option::is_some).collect(),
            rows: Box::new(ListRows {
                sheet: head.name.clone(),
                reader: DossierReader::new(mapping, head.origin, date1904),
                into: &self.0,
            }),
        })
    }
}

struct ListRows<'a> {
    sheet: String,
    reader: DossierReader,
    into: &'a RefCell<Vec<(String, DossierList)>>,
}

impl Rows for ListRows<'_> {
    fn row(&mut self, row: usize, cells: &[Cell]) {
        self.reader.row(row, cells);
    }

    fn end(self: Box<Self>) {
        self.into.borrow_mut().push((self.sheet, self.reader.finish()));
    }
}
