//! What chiso says to a person. Every error, warning and note of every layer says itself through
//! [`Message::message`], in the reader's language, naming where it happened (file, sheet, row,
//! column) and what to do. `Display` is the Vietnamese text, the users' language, so that the
//! error types compose with `?`, `Box<dyn Error>` and a log line.

use std::fmt;

use crate::core::model::lang::Lang;

pub trait Message {
    fn message(&self, lang: Lang) -> String;
}

/// A value that can say itself only with the name of the file it is about: what reading a file
/// or a rule set found does not carry the name it was given.
pub trait Located {
    fn say(&self, file: &str, lang: Lang) -> String;

    fn in_file(self, file: &str) -> InFile<Self>
    where
        Self: Sized,
    {
        InFile { file: file.to_string(), what: self }
    }
}

/// What happened in one named file.
#[derive(Clone, Debug, PartialEq)]
pub struct InFile<T> {
    pub file: String,
    pub what: T,
}

impl<T: Located> Message for InFile<T> {
    fn message(&self, lang: Lang) -> String {
        self.what.say(&self.file, lang)
    }
}

impl<T: Located> fmt::Display for InFile<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Vi))
    }
}

impl<T: Located + fmt::Debug> std::error::Error for InFile<T> {}

/// `Display` (in Vietnamese) and `std::error::Error` for error types that say themselves.
macro_rules! vietnamese_error {
    ($($error:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::core::model::message::Message::message(self, $crate::core::model::lang::Lang::Vi))
            }
        }

        impl std::error::Error for $error {}
    )+};
}
pub(crate) use vietnamese_error;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::read::ReadError;

    #[test]
    fn a_read_error_names_its_file_through_display_and_message() {
        let error = ReadError::Empty.in_file("so-lieu.xlsx");
        let expected =
            "Tệp «so-lieu.xlsx» trống (0 byte), không có dữ liệu để đọc. Hãy xuất lại tệp từ hệ thống rồi chọn lại.";
        assert_eq!(error.to_string(), expected);
        assert_eq!(error.message(Lang::Vi), expected);
        let composed: Box<dyn std::error::Error> = error.into();
        assert_eq!(composed.to_string(), expected);
    }
}
