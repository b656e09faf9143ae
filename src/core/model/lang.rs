/// The language of every text shown to a user. Vietnamese comes first; English is the second
/// language for the rare reader who needs it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text of this language from a Vietnamese/English pair.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// Picks the text of this language from a (Vietnamese, English) pair.
    pub fn of<T>(self, (vi, en): (T, T)) -> T {
        self.pick(vi, en)
    }
}
