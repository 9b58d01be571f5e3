//! Files that list many reports one after another (the CSV, JSON and GeoJSON exports),
//! written as the reports come rather than assembled in memory: at 100,000 reports the
//! site-wide ones are hundreds of megabytes each.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::output::PageSink;

/// The shape of a listing file: what opens it, what goes between two reports' parts, and
/// what closes it.
#[derive(Debug, Clone, Copy)]
pub struct Shape<'h> {
    /// Written first (a CSV header, `[`).
    pub head: &'h [u8],
    /// Written between two non-empty parts.
    pub separator: &'static [u8],
    /// Written last.
    pub tail: &'static [u8],
}

/// CSV: the header, then rows that carry their own line endings.
pub fn csv(header: &[u8]) -> Shape<'_> {
    Shape {
        head: header,
        separator: b"",
        tail: b"",
    }
}

/// A JSON array of records, one per line.
pub const JSON_ARRAY: Shape<'static> = Shape {
    head: b"[",
    separator: b",\n",
    tail: b"]\n",
};

/// A GeoJSON feature collection, features one per line.
pub const FEATURE_COLLECTION: Shape<'static> = Shape {
    head: b"{\"type\":\"FeatureCollection\",\"features\":[\n",
    separator: b",\n",
    tail: b"\n]}\n",
};

/// One listing file being written.
pub struct Listing {
    file: String,
    out: BufWriter<Box<dyn Write + Send>>,
    separator: &'static [u8],
    tail: &'static [u8],
    bytes: usize,
    empty: bool,
}

impl Listing {
    /// Opens `file` in `sink` (or, without a sink, only counts its bytes, as `check`
    /// needs the sizes and not the files) and writes its head.
    pub fn open(
        sink: Option<&dyn PageSink>,
        file: String,
        shape: Shape,
    ) -> Result<Listing, Diagnostic> {
        let target: Box<dyn Write + Send> = match sink {
            Some(sink) => Box::new(sink.create_file(&file).map_err(|e| failure(&file, &e))?),
            None => Box::new(io::sink()),
        };
        let mut listing = Listing {
            file,
            out: BufWriter::with_capacity(256 * 1024, target),
            separator: shape.separator,
            tail: shape.tail,
            bytes: 0,
            empty: true,
        };
        listing.put(shape.head)?;
        Ok(listing)
    }

    /// Appends one report's part; empty parts (a report with no place has no event rows)
    /// add nothing, not even a separator.
    pub fn push(&mut self, part: &[u8]) -> Result<(), Diagnostic> {
        if part.is_empty() {
            return Ok(());
        }
        if !self.empty {
            self.put(self.separator)?;
        }
        self.empty = false;
        self.put(part)
    }

    /// Writes the tail and flushes; returns the file's name and size in bytes.
    pub fn finish(mut self) -> Result<(String, usize), Diagnostic> {
        self.put(self.tail)?;
        self.out.flush().map_err(|e| failure(&self.file, &e))?;
        Ok((self.file, self.bytes))
    }

    fn put(&mut self, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.bytes += bytes.len();
        self.out
            .write_all(bytes)
            .map_err(|e| failure(&self.file, &e))
    }
}

fn failure(file: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::file_error(Path::new(file), format!("cannot write the file: {e}"))
}

/// Writes `parts` as one listing file of `shape`; returns its size in bytes.
pub fn write_listing<'p>(
    sink: Option<&dyn PageSink>,
    file: String,
    shape: Shape,
    parts: impl IntoIterator<Item = &'p [u8]>,
) -> Result<usize, Diagnostic> {
    let mut listing = Listing::open(sink, file, shape)?;
    for part in parts {
        listing.push(part)?;
    }
    listing.finish().map(|(_, bytes)| bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Folder(tempfile::TempDir);

    impl PageSink for Folder {
        fn write_page(&self, relative: &str, contents: &[u8]) -> io::Result<()> {
            std::fs::write(self.0.path().join(relative), contents)
        }
        fn create_file(&self, relative: &str) -> io::Result<std::fs::File> {
            std::fs::File::create(self.0.path().join(relative))
        }
    }

    fn written(shape: Shape, parts: &[&str]) -> String {
        let folder = Folder(tempfile::tempdir().unwrap());
        let bytes = write_listing(
            Some(&folder),
            "x".to_string(),
            shape,
            parts.iter().map(|p| p.as_bytes()),
        )
        .unwrap();
        let text = std::fs::read_to_string(folder.0.path().join("x")).unwrap();
        assert_eq!(bytes, text.len(), "the size reported is the size written");
        text
    }

    #[test]
    fn separators_go_between_non_empty_parts_only() {
        assert_eq!(
            written(JSON_ARRAY, &["{}", "", "{\"a\":1}"]),
            "[{},\n{\"a\":1}]\n"
        );
        assert_eq!(written(JSON_ARRAY, &[]), "[]\n");
        assert_eq!(
            written(FEATURE_COLLECTION, &["", "f"]),
            "{\"type\":\"FeatureCollection\",\"features\":[\nf\n]}\n"
        );
        assert_eq!(
            written(csv(b"a,b\r\n"), &["1,2\r\n", "3,4\r\n"]),
            "a,b\r\n1,2\r\n3,4\r\n"
        );
    }

    #[test]
    fn without_a_sink_only_counts() {
        let bytes = write_listing(None, "x".to_string(), JSON_ARRAY, [&b"{}"[..]]).unwrap();
        assert_eq!(bytes, "[{}]\n".len());
    }
}
