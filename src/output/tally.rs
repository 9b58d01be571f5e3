//! What a build wrote, counted as it is written: a few atomic additions per file instead
//! of walking a quarter of a million files afterwards to learn the output's size.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use rustc_hash::FxHashSet;

use super::host_limits::Written;

/// The running totals of one staging folder.
#[derive(Debug, Default)]
pub(super) struct Tally {
    bytes: AtomicU64,
    files: AtomicU64,
    /// Files written piece by piece through an open handle (the data files, appended to a
    /// chunk of reports at a time): their size is only known when they are done, so they
    /// are measured once, at the end. A few hundred at most, one per list.
    opened: Mutex<FxHashSet<PathBuf>>,
}

impl Tally {
    /// Counts a new file of `len` bytes.
    pub(super) fn wrote(&self, len: usize) {
        self.bytes.fetch_add(len as u64, Ordering::Relaxed);
        self.files.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a file of `len` bytes that replaced one of `replaced` bytes, if it did.
    pub(super) fn replaced(&self, len: u64, replaced: Option<u64>) {
        match replaced {
            Some(old) => {
                self.bytes.fetch_add(len, Ordering::Relaxed);
                self.bytes.fetch_sub(old, Ordering::Relaxed);
            }
            None => self.wrote(len as usize),
        }
    }

    /// Remembers `path`, opened to be written piece by piece, to measure at the end.
    pub(super) fn opened(&self, path: PathBuf) {
        self.opened
            .lock()
            // A panic elsewhere while holding the lock leaves the set as sound as before.
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path);
    }

    /// The totals so far: every counted file, and the opened ones as they are now.
    pub(super) fn totals(&self) -> Written {
        let opened = self.opened.lock().unwrap_or_else(PoisonError::into_inner);
        let appended: u64 = opened
            .iter()
            .filter_map(|path| std::fs::metadata(path).ok())
            .map(|m| m.len())
            .sum();
        Written {
            bytes: self.bytes.load(Ordering::Relaxed) + appended,
            files: self.files.load(Ordering::Relaxed) + opened.len() as u64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_files_once_and_measures_opened_ones_at_the_end() {
        let tmp = tempfile::tempdir().unwrap();
        let tally = Tally::default();
        tally.wrote(10);
        tally.wrote(5);
        let appended = tmp.path().join("a.csv");
        std::fs::write(&appended, "12345").unwrap();
        tally.opened(appended.clone());
        tally.opened(appended.clone());
        std::fs::write(&appended, "1234567").unwrap();
        tally.replaced(3, Some(5));
        tally.replaced(4, None);
        assert_eq!(
            tally.totals(),
            Written {
                bytes: 10 + 5 + 7 - 5 + 3 + 4,
                files: 4
            }
        );
    }
}
