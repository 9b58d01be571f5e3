//! Files that list many reports one after another (the CSV, JSON and GeoJSON exports),
//! written as the reports come rather than assembled in memory: at 100,000 reports the
//! site-wide ones are hundreds of megabytes each. Those named `.gz` are compressed as they
//! are written ([`super::gzip`]).

use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::gzip::Segments;
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

/// One listing file being written. It can be paused (flushed and closed) between runs
/// of reports, so that hundreds of them can be filled a chunk at a time without holding
/// hundreds of open files.
pub struct Listing<'s> {
    sink: Option<&'s dyn PageSink>,
    file: String,
    out: Option<BufWriter<Box<dyn Write + Send>>>,
    separator: &'static [u8],
    tail: &'static [u8],
    bytes: usize,
    empty: bool,
    /// The compressor, for a file written gzip-compressed.
    gzip: Option<Segments>,
}

/// Room to gather writes in; a listing is open only while a run of reports is added.
const BUFFER_BYTES: usize = 64 * 1024;

impl<'s> Listing<'s> {
    /// Opens `file` in `sink` (or, without a sink, only counts its bytes, as `check`
    /// needs the sizes and not the files) and writes its head. A file whose name ends in
    /// `.gz` is written gzip-compressed; without a sink its bytes are then counted before
    /// compression, as compressing only to count would be time lost.
    pub fn open(
        sink: Option<&'s dyn PageSink>,
        file: String,
        shape: Shape,
    ) -> Result<Listing<'s>, Diagnostic> {
        let gzip = sink.is_some() && file.ends_with(".gz");
        Listing::open_as(sink, file, shape, gzip)
    }

    fn open_as(
        sink: Option<&'s dyn PageSink>,
        file: String,
        shape: Shape,
        gzip: bool,
    ) -> Result<Listing<'s>, Diagnostic> {
        let mut listing = Listing {
            sink,
            file,
            out: None,
            separator: shape.separator,
            tail: shape.tail,
            bytes: 0,
            empty: true,
            gzip: None,
        };
        listing.out = Some(listing.open_file(false)?);
        if gzip {
            let (segments, header) = Segments::start();
            listing.gzip = Some(segments);
            listing.emit(&header)?;
        }
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

    /// Flushes and closes the file; the next [`Listing::push`] opens it again.
    pub fn pause(&mut self) -> Result<(), Diagnostic> {
        if let Some(mut out) = self.out.take() {
            out.flush().map_err(|e| self.failure(&e))?;
        }
        Ok(())
    }

    /// Writes the tail and flushes; returns the file's name and size in bytes.
    pub fn finish(mut self) -> Result<(String, usize), Diagnostic> {
        self.put(self.tail)?;
        if let Some(gzip) = self.gzip.take() {
            self.emit(&gzip.finish())?;
        }
        self.pause()?;
        Ok((self.file, self.bytes))
    }

    fn open_file(&self, append: bool) -> Result<BufWriter<Box<dyn Write + Send>>, Diagnostic> {
        let target: Box<dyn Write + Send> = match self.sink {
            Some(sink) => Box::new(
                sink.open_file(&self.file, append)
                    .map_err(|e| self.failure(&e))?,
            ),
            None => Box::new(io::sink()),
        };
        Ok(BufWriter::with_capacity(BUFFER_BYTES, target))
    }

    /// Adds `bytes` to the content, compressed when the file is.
    fn put(&mut self, bytes: &[u8]) -> Result<(), Diagnostic> {
        match &mut self.gzip {
            Some(gzip) => {
                let compressed = gzip.write(bytes);
                self.emit(&compressed)
            }
            None => self.emit(bytes),
        }
    }

    /// Writes `bytes` to the file as they are, opening it again if paused; a compressed
    /// file often has nothing to write, and is then not opened.
    fn emit(&mut self, bytes: &[u8]) -> Result<(), Diagnostic> {
        if bytes.is_empty() {
            return Ok(());
        }
        let mut out = match self.out.take() {
            Some(out) => out,
            None => self.open_file(true)?,
        };
        out.write_all(bytes).map_err(|e| self.failure(&e))?;
        self.bytes += bytes.len();
        self.out = Some(out);
        Ok(())
    }

    /// The problem a failed write makes, told to the sink too, which may stop writing.
    fn failure(&self, e: &io::Error) -> Diagnostic {
        if let Some(sink) = self.sink {
            sink.write_failed(&self.file, e);
        }
        Diagnostic::file_error(Path::new(&self.file), format!("cannot write the file: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `parts` as one listing file of `shape`; returns its size in bytes.
    fn write_listing<'p>(
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

    struct Folder(tempfile::TempDir);

    impl PageSink for Folder {
        fn write_page(&self, relative: &str, contents: &[u8]) -> io::Result<()> {
            std::fs::write(self.0.path().join(relative), contents)
        }
        fn open_file(&self, relative: &str, append: bool) -> io::Result<std::fs::File> {
            let path = self.0.path().join(relative);
            if append {
                std::fs::OpenOptions::new().append(true).open(path)
            } else {
                std::fs::File::create(path)
            }
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
    fn a_paused_listing_goes_on_where_it_stopped() {
        let folder = Folder(tempfile::tempdir().unwrap());
        let mut listing = Listing::open(Some(&folder), "x".to_string(), JSON_ARRAY).unwrap();
        listing.push(b"1").unwrap();
        listing.pause().unwrap();
        listing.pause().unwrap();
        listing.push(b"2").unwrap();
        listing.pause().unwrap();
        let (_, bytes) = listing.finish().unwrap();
        let text = std::fs::read_to_string(folder.0.path().join("x")).unwrap();
        assert_eq!(text, "[1,\n2]\n");
        assert_eq!(bytes, text.len());
    }

    #[test]
    fn a_gzip_listing_reads_back_as_the_plain_one_and_counts_its_compressed_bytes() {
        use std::io::Read;
        let folder = Folder(tempfile::tempdir().unwrap());
        let mut listing = Listing::open(Some(&folder), "x.gz".to_string(), JSON_ARRAY).unwrap();
        listing.push(b"1").unwrap();
        listing.pause().unwrap();
        listing.push(b"2").unwrap();
        let (_, bytes) = listing.finish().unwrap();
        let file = std::fs::read(folder.0.path().join("x.gz")).unwrap();
        assert_eq!(bytes, file.len());
        let mut text = String::new();
        flate2::read::GzDecoder::new(&file[..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "[1,\n2]\n");
    }

    #[test]
    fn without_a_sink_only_counts() {
        let bytes = write_listing(None, "x".to_string(), JSON_ARRAY, [&b"{}"[..]]).unwrap();
        assert_eq!(bytes, "[{}]\n".len());
    }
}
