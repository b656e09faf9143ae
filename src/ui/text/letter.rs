//! The texts of `ui/letter.rs`, Vietnamese first and English second.

use super::Words;
use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug)]
pub enum LetterText {
    Recipients,
    RecipientsHint,
    Bases,
    BasesHint,
    Directives,
    DirectivesHint,
    CopiesTo,
    SignerTitles,
    SignerTitlesHint,
    RestoringDefaultTextsDiscards,
    AnnouncementLetter,
    DownloadWordDocx,
    DownloadAppendixXlsx,
    RestoreDefaultTexts,
    EditLetterSTexts,
    SummaryChatEMail,
    CopySummary,
    Copied,
    BrowserDidNotAllow,
    ParagraphNamingUnits,
    Criterion,
    WhenRateBelow,
    Text,
    ReplacedUnitsNames,
    RemoveParagraph,
    AddParagraphNamingUnits,
    ParentBody,
    IssuingBody,
    NumberSymbol,
    PlaceDate,
    SubjectVV,
    ParagraphBeforeResults,
    RequestSentence,
    SayRiseFallAgainst,
    ClosingSentence,
    SignerSName,
}

impl Words for LetterText {
    fn say(self, lang: Lang) -> &'static str {
        match self {
            LetterText::Recipients => lang.pick("Kính gửi", "Addressees"),
            LetterText::RecipientsHint => lang.pick("Mỗi dòng một nơi nhận.", "One a line."),
            LetterText::Bases => lang.pick("Căn cứ", "Legal bases"),
            LetterText::BasesHint => lang.pick("Mỗi dòng một căn cứ.", "One a line."),
            LetterText::Directives => lang.pick("Nội dung đề nghị", "Directives"),
            LetterText::DirectivesHint => {
                lang.pick("Mỗi dòng một mục; chiso tự đánh số.", "One a line; chiso numbers them.")
            }
            LetterText::CopiesTo => lang.pick("Nơi nhận", "Copies to"),
            LetterText::SignerTitles => lang.pick("Chức danh người ký", "Signer's titles"),
            LetterText::SignerTitlesHint => {
                lang.pick("Mỗi chức danh một dòng, như in trên văn bản.", "One a line, as printed.")
            }
            LetterText::RestoringDefaultTextsDiscards => lang.pick(
                "Khôi phục nội dung mặc định sẽ xóa mọi chỉnh sửa của bạn trong văn bản. Tiếp tục?",
                "Restoring the default texts discards every edit you made to the letter. Go on?",
            ),
            LetterText::AnnouncementLetter => lang.pick("Văn bản công bố kết quả", "The announcement letter"),
            LetterText::DownloadWordDocx => lang.pick("Tải văn bản Word (.docx)", "Download as Word (.docx)"),
            LetterText::DownloadAppendixXlsx => lang.pick("Tải phụ lục Excel (.xlsx)", "Download the appendix (.xlsx)"),
            LetterText::RestoreDefaultTexts => lang.pick("Khôi phục nội dung mặc định", "Restore the default texts"),
            LetterText::EditLetterSTexts => lang.pick(
                "Sửa nội dung văn bản (được ghi nhớ trên máy này)",
                "Edit the letter's texts (remembered on this computer)",
            ),
            LetterText::SummaryChatEMail => lang.pick("Tóm tắt để gửi Zalo, thư điện tử", "Summary for chat or e-mail"),
            LetterText::CopySummary => lang.pick("Sao chép tóm tắt", "Copy the summary"),
            LetterText::Copied => lang.pick(" Đã sao chép.", " Copied."),
            LetterText::BrowserDidNotAllow => lang.pick(
                " Trình duyệt không cho sao chép: hãy chọn văn bản và nhấn Ctrl+C.",
                " The browser did not allow copying: select the text and press Ctrl+C.",
            ),
            LetterText::ParagraphNamingUnits => lang.pick("Đoạn nêu tên đơn vị", "Paragraph naming units"),
            LetterText::Criterion => lang.pick("Tiêu chí ", "Criterion "),
            LetterText::WhenRateBelow => lang.pick(" khi tỷ lệ dưới (%) ", " when its rate is below (%) "),
            LetterText::Text => lang.pick("Nội dung", "Text"),
            LetterText::ReplacedUnitsNames => {
                lang.pick("Chỗ ghi {units} được thay bằng tên các đơn vị.", "{units} is replaced by the units' names.")
            }
            LetterText::RemoveParagraph => lang.pick("Bỏ đoạn này", "Remove this paragraph"),
            LetterText::AddParagraphNamingUnits => {
                lang.pick("Thêm đoạn nêu tên đơn vị", "Add a paragraph naming units")
            }
            LetterText::ParentBody => lang.pick("Cơ quan chủ quản", "Parent body"),
            LetterText::IssuingBody => lang.pick("Cơ quan ban hành", "Issuing body"),
            LetterText::NumberSymbol => lang.pick("Số, ký hiệu", "Number and symbol"),
            LetterText::PlaceDate => lang.pick("Địa danh, ngày tháng", "Place and date"),
            LetterText::SubjectVV => lang.pick("Trích yếu (V/v)", "Subject (V/v)"),
            LetterText::ParagraphBeforeResults => lang.pick("Đoạn dẫn kết quả", "Paragraph before the results"),
            LetterText::RequestSentence => lang.pick("Câu đề nghị", "Request sentence"),
            LetterText::SayRiseFallAgainst => lang.pick(
                " Nêu mức tăng, giảm so với kỳ so sánh",
                " Say the rise or fall against the period compared with",
            ),
            LetterText::ClosingSentence => lang.pick("Câu kết", "Closing sentence"),
            LetterText::SignerSName => lang.pick("Họ tên người ký", "Signer's name"),
        }
    }
}
