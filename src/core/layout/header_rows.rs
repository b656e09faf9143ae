//! Headers spread over several rows, as regulated report forms and registers print them: a group
//! label merged across the columns it covers, and labels merged down over the rows below. Each
//! column's header is read as a path from the top row down («Số hồ sơ đã giải quyết › Trước hạn»).

use crate::core::model::table::{Cell, Sheet};

/// The separator of a path's parts when it is shown to a person.
pub const SEPARATOR: &str = " › ";

/// The header of every column over rows `first..=last` (zero-based within the sheet), top down,
/// a part repeated by a downward merge kept once.
///
/// With the sheet's merges known, a cell inside a merge reads the merge's text. Without them
/// (.xls, .ods and streamed sheets keep none) an empty cell with a label below it belongs to the
/// nearest label on its left that also has labels below it: the group it is part of. A label
/// with nothing under it (merged downwards) is not a group, so it never swallows its neighbours.
pub fn paths(sheet: &Sheet, first: usize, last: usize) -> Vec<Vec<String>> {
    let text = |r: usize, c: usize| cell_text(sheet.cell(r, c));
    let below = |r: usize, c: usize| (r + 1..=last).any(|rr| !text(rr, c).is_empty());
    let mut paths: Vec<Vec<String>> = vec![Vec::new(); sheet.width()];
    for r in first..=last {
        // The group a cell of this row falls under: the last label on its left with labels below
        // it, found in one pass over the row (a sheet may be thousands of columns wide).
        let mut group = String::new();
        for (c, path) in paths.iter_mut().enumerate() {
            let part = match merged(sheet, r, c) {
                Some(t) => t,
                None if !sheet.merges.is_empty() => text(r, c),
                None => {
                    let own = text(r, c);
                    let grouping = below(r, c);
                    if !own.is_empty() {
                        group = if grouping { own.clone() } else { String::new() };
                        own
                    } else if grouping {
                        group.clone()
                    } else {
                        own
                    }
                }
            };
            if !part.is_empty() && path.last() != Some(&part) {
                path.push(part);
            }
        }
    }
    paths
}

/// The text of the merge covering (`r`, `c`), when one does.
fn merged(sheet: &Sheet, r: usize, c: usize) -> Option<String> {
    let (ar, ac) = (r + sheet.origin.0, c + sheet.origin.1);
    let ((r0, c0), _) =
        sheet.merges.iter().find(|((r0, c0), (r1, c1))| (*r0..=*r1).contains(&ar) && (*c0..=*c1).contains(&ac))?;
    let (r0, c0) = (r0.checked_sub(sheet.origin.0)?, c0.checked_sub(sheet.origin.1)?);
    Some(cell_text(sheet.cell(r0, c0)))
}

/// A cell's [`Cell::text`], empty past the sheet's edge.
pub fn cell_text(cell: Option<&Cell>) -> String {
    cell.map(Cell::text).unwrap_or_default()
}

/// The row of column numbers printed under a form's header: `1 2 3 …`, `(1) (2) …`, sometimes
/// with formulas (`(3 = 4 + 5)`). At least three cells, each starting with the next number.
pub fn is_column_numbers(cells: &[Cell]) -> bool {
    let mut expected = None;
    let mut count = 0;
    for cell in cells.iter().filter(|c| !c.is_empty()) {
        let n = match cell {
            Cell::Number(x) if x.fract() == 0.0 && *x >= 0.0 => *x as u64,
            Cell::Text(t) => {
                let digits: String =
                    t.trim().trim_start_matches(['(', '[']).chars().take_while(char::is_ascii_digit).collect();
                let Ok(n) = digits.parse::<u64>() else { return false };
                n
            }
            _ => return false,
        };
        if expected.is_some_and(|e| e != n) {
            return false;
        }
        expected = Some(n + 1);
        count += 1;
    }
    count >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<Cell> {
        cells.iter().map(|s| if s.is_empty() { Cell::Empty } else { Cell::Text(s.to_string()) }).collect()
    }

    fn joined(p: &[String]) -> String {
        p.join(SEPARATOR)
    }

    /// The 06a header's first seven columns, as the form prints them.
    fn form() -> Sheet {
        Sheet::from_rows(
            "06a",
            (5, 0),
            vec![
                row(&["STT", "Đơn vị", "Số hồ sơ nhận giải quyết", "", "", "", "Số hồ sơ đã giải quyết"]),
                row(&["", "", "Tổng số", "Trong đó", "", "Từ kỳ trước", "Tổng số"]),
                row(&["", "", "", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "", ""]),
            ],
        )
    }

    #[test]
    fn without_merges_a_group_covers_the_empty_cells_on_its_right() {
        let p = paths(&form(), 0, 2);
        assert_eq!(joined(&p[0]), "STT");
        assert_eq!(joined(&p[1]), "Đơn vị");
        assert_eq!(joined(&p[2]), "Số hồ sơ nhận giải quyết › Tổng số");
        assert_eq!(joined(&p[3]), "Số hồ sơ nhận giải quyết › Trong đó › Trực tuyến");
        assert_eq!(joined(&p[4]), "Số hồ sơ nhận giải quyết › Trong đó › Trực tiếp, dịch vụ bưu chính");
        assert_eq!(joined(&p[5]), "Số hồ sơ nhận giải quyết › Từ kỳ trước");
        assert_eq!(joined(&p[6]), "Số hồ sơ đã giải quyết › Tổng số");
    }

    #[test]
    fn with_merges_each_cell_reads_its_merge() {
        let mut sheet = form();
        // Absolute rows 5–7: STT and Đơn vị down three rows, the groups across, Tổng số down two.
        sheet.merges = vec![
            ((5, 0), (7, 0)),
            ((5, 1), (7, 1)),
            ((5, 2), (5, 5)),
            ((6, 2), (7, 2)),
            ((6, 3), (6, 4)),
            ((6, 5), (7, 5)),
            ((6, 6), (7, 6)),
        ];
        let p = paths(&sheet, 0, 2);
        assert_eq!(joined(&p[0]), "STT");
        assert_eq!(joined(&p[4]), "Số hồ sơ nhận giải quyết › Trong đó › Trực tiếp, dịch vụ bưu chính");
        assert_eq!(joined(&p[5]), "Số hồ sơ nhận giải quyết › Từ kỳ trước");
        assert_eq!(joined(&p[6]), "Số hồ sơ đã giải quyết › Tổng số");
    }

    #[test]
    fn a_group_across_the_widest_sheet() {
        // One group label over all of Excel's 16,384 columns, a label under each.
        let width = 16_384;
        let mut top = vec![Cell::Empty; width];
        top[0] = Cell::Text("Nhóm".into());
        let under = (0..width).map(|c| Cell::Text(format!("x{c}"))).collect();
        let p = paths(&Sheet::from_rows("S", (0, 0), vec![top, under]), 0, 1);
        assert_eq!(joined(&p[width - 1]), "Nhóm › x16383");
        assert!(p.iter().all(|path| path.len() == 2 && path[0] == "Nhóm"));
    }

    #[test]
    fn column_number_rows() {
        let numbers: Vec<Cell> = (1..=11).map(|n| Cell::Number(n as f64)).collect();
        assert!(is_column_numbers(&numbers));
        assert!(is_column_numbers(&row(&["(1)", "(2)", "(3 = 4 + 5)", "(4)", "(5)", "(6=7+8+9)"])));
        assert!(is_column_numbers(&row(&["1", "", "2", "3"])));
        assert!(!is_column_numbers(&row(&["1", "2"])));
        assert!(!is_column_numbers(&row(&["1", "UBND xã A", "3", "4"])));
        assert!(!is_column_numbers(&[Cell::Number(1.0), Cell::Number(12.0), Cell::Number(5.0)]));
    }
}
