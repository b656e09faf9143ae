//! Grading bands on the 100-point total (local practice): ≥ 90 Xuất sắc, ≥ 80 Tốt, ≥ 70 Khá,
//! ≥ 50 Trung bình, below that Yếu. One name per band, for the screen and every export.

use crate::core::model::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    Excellent,
    Good,
    Fair,
    Average,
    Weak,
}

/// From the highest band down, with the lowest total each takes.
const FLOORS: [(Band, f64); 5] =
    [(Band::Excellent, 90.0), (Band::Good, 80.0), (Band::Fair, 70.0), (Band::Average, 50.0), (Band::Weak, 0.0)];

impl Band {
    pub fn of(total: f64) -> Band {
        FLOORS.iter().find(|(_, floor)| total >= *floor).map_or(Band::Weak, |(band, _)| *band)
    }

    /// The lowest total in the band.
    pub fn floor(self) -> f64 {
        FLOORS.iter().find(|(band, _)| *band == self).map_or(0.0, |(_, floor)| *floor)
    }

    /// The band just above the one `total` is in; `None` at the top.
    pub fn next_above(total: f64) -> Option<Band> {
        FLOORS.iter().rev().find(|(_, floor)| *floor > total).map(|(band, _)| *band)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Band::Excellent => lang.pick("Xuất sắc", "Excellent"),
            Band::Good => lang.pick("Tốt", "Good"),
            Band::Fair => lang.pick("Khá", "Fair"),
            Band::Average => lang.pick("Trung bình", "Average"),
            Band::Weak => lang.pick("Yếu", "Weak"),
        }
    }

    /// The style sheet's name for its colour (the label is always written beside it).
    pub fn class(self) -> &'static str {
        match self {
            Band::Excellent => "excellent",
            Band::Good => "good",
            Band::Fair => "fair",
            Band::Average => "average",
            Band::Weak => "weak",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_floors_and_the_next_one_up() {
        let labels: Vec<&str> = [90.0, 89.99, 70.0, 50.0, 49.99].map(|t| Band::of(t).label(Lang::Vi)).to_vec();
        assert_eq!(labels, ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]);
        assert_eq!(Band::next_above(62.4), Some(Band::Fair));
        assert_eq!(Band::next_above(70.0), Some(Band::Good));
        assert_eq!(Band::next_above(12.0), Some(Band::Average));
        assert_eq!(Band::next_above(90.0), None);
        assert_eq!(Band::Good.floor(), 80.0);
    }
}
