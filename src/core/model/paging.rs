//! Long tables in pages: up to [`SHOW_ALL_UP_TO`] rows a table shows them all (the automation
//! contract counts on it); above that it shows [`PAGE_SIZE`] rows at a time, because drawing
//! thousands of rows at once freezes an office laptop for seconds.

use std::ops::Range;

use crate::core::model::format;
use crate::core::model::lang::Lang;

pub const SHOW_ALL_UP_TO: usize = 500;
pub const PAGE_SIZE: usize = 100;

/// One page of a table of `total` rows. Built only through [`Page::new`] and [`Page::containing`],
/// so `index` is always a page that exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    index: usize,
    total: usize,
}

impl Page {
    /// Page `index` (from 0) of `total` rows; past the last page, the last page.
    pub fn new(index: usize, total: usize) -> Page {
        let page = Page { index: 0, total };
        Page { index: index.min(page.count() - 1), total }
    }

    /// The page that holds row `position` (from 0) of the table's order.
    pub fn containing(position: usize, total: usize) -> Page {
        Page::new(position / Page::new(0, total).size(), total)
    }

    pub fn index(self) -> usize {
        self.index
    }

    pub fn total(self) -> usize {
        self.total
    }

    /// Whether the table is shown in pages at all.
    pub fn paged(self) -> bool {
        self.total > SHOW_ALL_UP_TO
    }

    fn size(self) -> usize {
        if self.paged() {
            PAGE_SIZE
        } else {
            self.total.max(1)
        }
    }

    /// How many pages there are (one, even for an empty table).
    pub fn count(self) -> usize {
        self.total.div_ceil(self.size()).max(1)
    }

    /// The positions, in the table's order, of the rows on this page.
    pub fn rows(self) -> Range<usize> {
        let start = (self.index * self.size()).min(self.total);
        start..(start + self.size()).min(self.total)
    }

    pub fn first(self) -> Page {
        Page::new(0, self.total)
    }

    pub fn previous(self) -> Page {
        Page::new(self.index.saturating_sub(1), self.total)
    }

    pub fn next(self) -> Page {
        Page::new(self.index + 1, self.total)
    }

    pub fn last(self) -> Page {
        Page::new(self.count() - 1, self.total)
    }

    /// «Dòng 101–200 trong 5.000 · trang 2/50».
    pub fn label(self, l: Lang) -> String {
        let rows = self.rows();
        let n = |x: usize| format::number(x as f64, 0);
        let (first, last, total) = (n(rows.start + 1), n(rows.end), n(self.total));
        let (page, count) = (n(self.index + 1), n(self.count()));
        match l {
            Lang::Vi => format!("Dòng {first}–{last} trong {total} · trang {page}/{count}"),
            Lang::En => format!("Rows {first}–{last} of {total} · page {page}/{count}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_to_five_hundred_rows_are_one_page() {
        let page = Page::new(3, 500);
        assert!(!page.paged());
        assert_eq!((page.index(), page.count(), page.rows()), (0, 1, 0..500));
        assert_eq!(Page::new(0, 0).rows(), 0..0);
        assert_eq!(Page::new(0, 0).count(), 1);
    }

    #[test]
    fn five_thousand_rows_are_fifty_pages_of_a_hundred() {
        let page = Page::new(1, 5_000);
        assert!(page.paged());
        assert_eq!((page.count(), page.rows()), (50, 100..200));
        assert_eq!(page.label(Lang::Vi), "Dòng 101–200 trong 5.000 · trang 2/50");
        assert_eq!(page.label(Lang::En), "Rows 101–200 of 5.000 · page 2/50");
        assert_eq!(page.last().rows(), 4_900..5_000);
        assert_eq!(page.last().next(), page.last());
        assert_eq!(page.first().previous(), page.first());
    }

    #[test]
    fn the_last_page_holds_what_is_left() {
        // 501 rows: five full pages and one of a single row.
        let last = Page::new(99, 501);
        assert_eq!((last.index(), last.count(), last.rows()), (5, 6, 500..501));
        assert_eq!(last.label(Lang::Vi), "Dòng 501–501 trong 501 · trang 6/6");
    }

    #[test]
    fn a_row_is_found_on_its_page() {
        assert_eq!(Page::containing(0, 5_000).index(), 0);
        assert_eq!(Page::containing(99, 5_000).index(), 0);
        assert_eq!(Page::containing(100, 5_000).index(), 1);
        assert_eq!(Page::containing(4_999, 5_000).index(), 49);
        assert_eq!(Page::containing(450, 500).index(), 0);
    }
}
