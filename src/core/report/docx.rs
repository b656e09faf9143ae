//! The letter and its appendix as a Word document, laid out per Decree 30/2020/NĐ-CP: A4 portrait
//! for the letter (margins 20 mm top and bottom, 30 mm left, 15 mm right), A4 landscape for the
//! appendix whose header row repeats on every page, Times New Roman 14 pt.

use docx_rs::{
    AlignmentType, Docx, PageMargin, PageOrientationType, PageSize, Paragraph, Run, RunFonts, SectionProperty,
    SpecialIndentType, Table, TableBorders, TableCell, TableRow, WidthType,
};

use super::letter::{Letter, COPIES_TO, MOTTO, NATION, SEE_APPENDIX, TO};

const FONT: &str = "Times New Roman";
/// Twips per millimetre.
const MM: i32 = 57;
const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;

fn run(text: &str, size_pt: usize) -> Run {
    Run::new().add_text(text).size(size_pt * 2)
}

fn line(text: &str, size_pt: usize, bold: bool, italic: bool, align: AlignmentType) -> Paragraph {
    let mut r = run(text, size_pt);
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    Paragraph::new().add_run(r).align(align)
}

/// A body paragraph: justified, first line indented 1 cm, as letters are typed.
fn body(text: &str) -> Paragraph {
    line(text, 14, false, false, AlignmentType::Both).indent(None, Some(SpecialIndentType::FirstLine(567)), None, None)
}

fn margins() -> PageMargin {
    PageMargin::new().top(20 * MM).bottom(20 * MM).left(30 * MM).right(15 * MM).header(0).footer(0).gutter(0)
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs.into_iter().fold(TableCell::new().width(width, WidthType::Dxa), |c, p| c.add_paragraph(p))
}

/// Two columns without borders, as the heading and the signature block are laid out.
fn two_columns(left: Vec<Paragraph>, right: Vec<Paragraph>) -> Table {
    columns(TableRow::new(vec![cell(left, COLUMNS.0), cell(right, COLUMNS.1)]))
}

/// The recipients and the signature, on one page: a row that cannot split.
fn signature_block(left: Vec<Paragraph>, right: Vec<Paragraph>) -> Table {
    columns(TableRow::new(vec![cell(left, COLUMNS.0), cell(right, COLUMNS.1)]).cant_split())
}

/// 165 mm of text width: the national motto must fit on one line in the right column.
const COLUMNS: (usize, usize) = (3500, 5850);
const CANT_SPLIT: &str = "<w:cantSplit />";

fn columns(row: TableRow) -> Table {
    Table::new(vec![row])
        .set_grid(vec![COLUMNS.0, COLUMNS.1])
        .width(COLUMNS.0 + COLUMNS.1, WidthType::Dxa)
        .set_borders(TableBorders::with_empty())
}

/// Text as XML character data.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The letter as a .docx made at `made_at` (ISO 8601), which its document properties say, with
/// chiso as their author and the letter's subject as their title.
pub fn to_bytes(letter: &Letter, made_at: &str) -> Result<Vec<u8>, String> {
    let f = &letter.fields;
    let mut doc = Docx::new()
        .default_fonts(RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT))
        .default_size(28)
        .created_at(made_at)
        .updated_at(made_at);

    doc = letter_pages(doc, letter);
    doc = appendix_pages(doc, letter);
    doc = doc.page_size(A4_LONG, A4_SHORT).page_orient(PageOrientationType::Landscape).page_margin(margins());

    let mut xml = doc.build();
    // docx-rs has no setting for a repeated header row: the appendix header (the last row marked
    // "cannot split", after the signature block's) is given <w:tblHeader/> in the XML.
    let document = String::from_utf8(xml.document).map_err(|e| e.to_string())?;
    let at = document.rfind(CANT_SPLIT).map_or(document.len(), |i| i + CANT_SPLIT.len());
    xml.document = format!("{}<w:tblHeader />{}", &document[..at], &document[at..]).into_bytes();
    // Nor for the author and title: its core properties say «unknown» until they are written.
    let core = String::from_utf8(xml.doc_props.core).map_err(|e| e.to_string())?;
    let title = format!("<dc:title>{}</dc:title>", escape(&f.subject));
    xml.doc_props.core = core
        .replace("<dc:creator>unknown</dc:creator>", &format!("<dc:creator>chiso</dc:creator>{title}"))
        .replace("<cp:lastModifiedBy>unknown</cp:lastModifiedBy>", "<cp:lastModifiedBy>chiso</cp:lastModifiedBy>")
        .into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// The letter, on A4 portrait pages of its own section.
fn letter_pages(mut doc: Docx, letter: &Letter) -> Docx {
    let f = &letter.fields;
    let center = AlignmentType::Center;
    doc = doc.add_table(two_columns(
        vec![
            line(&f.parent_body, 13, false, false, center),
            line(&f.issuing_body, 13, true, false, center),
            line(&f.number, 13, false, false, center),
            line(&f.subject, 12, false, false, center),
        ],
        vec![
            line(NATION, 13, true, false, center),
            line(MOTTO, 14, true, false, center),
            line(&f.place_and_date, 14, false, true, center),
        ],
    ));
    doc = doc.add_paragraph(Paragraph::new());
    doc = doc.add_paragraph(line(TO, 14, false, false, center));
    for r in &f.recipients {
        doc = doc.add_paragraph(line(&format!("- {r}"), 14, false, false, center));
    }
    for b in &f.bases {
        doc = doc.add_paragraph(body(b));
    }
    doc = doc.add_paragraph(body(&f.intro));
    for l in &letter.results {
        doc = doc.add_paragraph(body(&format!("- {}", l.text)));
    }
    doc = doc.add_paragraph(body(SEE_APPENDIX));
    doc = doc.add_paragraph(body(&f.request));
    for (i, d) in letter.directives.iter().enumerate() {
        doc = doc.add_paragraph(body(&format!("{}. {d}", i + 1)));
    }
    // The closing stays with the signature block, which never splits across pages.
    doc = doc.add_paragraph(body(&f.closing).keep_next(true).keep_lines(true));
    let mut copies = vec![Paragraph::new().add_run(run(COPIES_TO, 12).bold().italic())];
    copies.extend(f.copies_to.iter().map(|c| line(&format!("- {c}"), 11, false, false, AlignmentType::Left)));
    let mut signer: Vec<Paragraph> = f.signer_titles.iter().map(|t| line(t, 14, true, false, center)).collect();
    signer.extend((0..3).map(|_| Paragraph::new()));
    if !f.signer_name.trim().is_empty() {
        signer.push(line(&f.signer_name, 14, true, false, center));
    }
    doc = doc.add_table(signature_block(copies, signer));
    // The letter's section ends here, portrait; the document's own section (the appendix) is landscape.
    let portrait = SectionProperty::new().page_size(PageSize::new().size(A4_SHORT, A4_LONG)).page_margin(margins());
    // A one-point paragraph carries the break, so that a full letter page does not spill a blank one.
    doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().size(2)).section_property(portrait));

    doc
}

/// The appendix: every unit's groups and total, its header row repeated on every page.
fn appendix_pages(mut doc: Docx, letter: &Letter) -> Docx {
    let center = AlignmentType::Center;
    for (i, title) in letter.appendix_title.lines().enumerate() {
        doc = doc.add_paragraph(line(title, if i == 0 { 14 } else { 13 }, i < 2, i >= 2, center));
    }
    // 252 mm of landscape text width: rank, unit, six groups, total, band.
    let widths: Vec<usize> = [850, 3500]
        .into_iter()
        .chain(letter.appendix_headers[2..].iter().enumerate().map(|(k, _)| {
            if k + 3 == letter.appendix_headers.len() {
                1400
            } else {
                1150
            }
        }))
        .collect();
    let header = TableRow::new(
        letter
            .appendix_headers
            .iter()
            .zip(&widths)
            .map(|(h, w)| cell(vec![line(h, 12, true, false, center)], *w))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    for (section, section_rows) in letter.appendix_sections(..) {
        if let Some(title) = section {
            let heading = cell(vec![line(title, 12, true, false, AlignmentType::Left)], widths.iter().sum());
            rows.push(TableRow::new(vec![heading.grid_span(widths.len())]));
        }
        for r in section_rows {
            let cells = r.cells();
            rows.push(TableRow::new(
                cells
                    .iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(k, (text, w))| {
                        let align =
                            if k == 1 || k == cells.len() - 1 { AlignmentType::Left } else { AlignmentType::Right };
                        cell(vec![line(text, 12, false, false, align)], *w)
                    })
                    .collect(),
            ));
        }
    }
    doc = doc.add_table(Table::new(rows).set_grid(widths.clone()).width(widths.iter().sum(), WidthType::Dxa));
    if let Some(note) = letter.appendix_note {
        doc = doc.add_paragraph(line(note, 11, false, true, AlignmentType::Left));
    }
    doc
}
