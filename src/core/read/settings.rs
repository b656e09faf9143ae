//! The reading limits and time budget as the user sets them, in the units they think in
//! (megabytes, millions of cells, times, seconds) rather than the bytes and cells the readers
//! count. Remembered on the user's machine.

use serde::{Deserialize, Serialize};

use super::Limits;

const MB: f64 = 1024.0 * 1024.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadSettings {
    pub limits: Limits,
    /// Time allowed for reading one file.
    pub seconds: f64,
}

impl Default for ReadSettings {
    fn default() -> Self {
        ReadSettings { limits: Limits::default(), seconds: 120.0 }
    }
}

/// One setting the user can change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// Largest file, in MB.
    FileMb,
    /// Largest file once unpacked, in MB.
    UnzippedMb,
    /// Most an entry may inflate, in times.
    Ratio,
    /// Most cells per sheet, in millions.
    CellsMillions,
    /// Longest time to read one file, in seconds.
    Seconds,
}

impl Setting {
    pub const ALL: [Setting; 5] =
        [Setting::FileMb, Setting::UnzippedMb, Setting::Ratio, Setting::CellsMillions, Setting::Seconds];
}

impl ReadSettings {
    /// `setting` in the user's unit.
    pub fn get(&self, setting: Setting) -> f64 {
        let l = &self.limits;
        match setting {
            Setting::FileMb => (l.max_file_bytes as f64 / MB).floor(),
            Setting::UnzippedMb => (l.max_unzipped_bytes as f64 / MB).floor(),
            Setting::Ratio => l.max_ratio as f64,
            Setting::CellsMillions => l.max_cells as f64 / 1e6,
            Setting::Seconds => self.seconds,
        }
    }

    /// Sets `setting` from what the user typed («2,5» or «2.5»); `false` when it is refused.
    pub fn set_typed(&mut self, setting: Setting, typed: &str) -> bool {
        typed.trim().replace(',', ".").parse::<f64>().is_ok_and(|v| self.set(setting, v))
    }

    /// Sets `setting` from `value` in the user's unit; a value below 0,1 (or not a number) is
    /// refused, and `false` says so.
    pub fn set(&mut self, setting: Setting, value: f64) -> bool {
        if !value.is_finite() || value < 0.1 {
            return false;
        }
        let l = &mut self.limits;
        match setting {
            Setting::FileMb => l.max_file_bytes = (value * MB) as u64,
            Setting::UnzippedMb => l.max_unzipped_bytes = (value * MB) as u64,
            Setting::Ratio => l.max_ratio = value.max(1.0) as u64,
            Setting::CellsMillions => l.max_cells = (value * 1e6) as u64,
            Setting::Seconds => self.seconds = value,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_and_set_in_the_users_units() {
        let mut s = ReadSettings::default();
        // 50 MB is 52,428,800 bytes; 2.5 million cells; an entry may inflate 100 times.
        assert!(s.set(Setting::FileMb, 50.0));
        assert_eq!(s.limits.max_file_bytes, 52_428_800);
        assert_eq!(s.get(Setting::FileMb), 50.0);
        assert!(s.set(Setting::CellsMillions, 2.5));
        assert_eq!(s.limits.max_cells, 2_500_000);
        assert_eq!(s.get(Setting::CellsMillions), 2.5);
        assert!(s.set(Setting::Ratio, 0.5));
        assert_eq!(s.limits.max_ratio, 1, "at least once");
        assert!(s.set(Setting::Seconds, 30.0));
        assert_eq!(s.get(Setting::Seconds), 30.0);
        // Nothing below 0,1, nor a value that is not a number.
        assert!(!s.set(Setting::Seconds, 0.05) && !s.set(Setting::FileMb, f64::NAN));
        assert_eq!((s.seconds, s.limits.max_file_bytes), (30.0, 52_428_800));
        // Typed the Vietnamese way or the English way alike.
        assert!(s.set_typed(Setting::Seconds, " 0,2 ") && s.seconds == 0.2);
        assert!(s.set_typed(Setting::CellsMillions, "1.5") && s.limits.max_cells == 1_500_000);
        assert!(!s.set_typed(Setting::Seconds, "nhanh") && s.seconds == 0.2);
    }
}
