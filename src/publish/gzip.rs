//! Gzip (RFC 1952) for the data files beside list pages, written so that the bytes depend
//! on the content alone and never on how it was handed over.
//!
//! A full build appends a list's rows a chunk of the site at a time; the dev server
//! writes the same list in one go; both must produce the same file, byte for byte. A
//! compressor kept open per list would do that, but hundreds of lists would each hold
//! hundreds of kilobytes of compressor state. So the content is cut at every
//! [`SEGMENT`] bytes, wherever the chunks fall, and each segment is deflated by a fresh
//! compressor and ended with a sync flush: a segment never refers back to an earlier
//! one, so only the segment being filled is held. The segments make one deflate stream
//! and one gzip member, which every reader (Python's `gzip`, pandas, R, GDAL's
//! `/vsigzip/`, `gunzip`) reads as a plain `.gz` file.

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

/// How much uncompressed content each segment holds. Deflate looks back 32 KiB at most,
/// so segments twice that lose little against one stream (about 10 % on list files),
/// while each file being written holds at most this much: some 800 files at once, two
/// beside each list page, hold up to 50 MB (twice that with 128 KiB, for 7 % less).
pub const SEGMENT: usize = 64 * 1024;

/// A low level, as a build compresses about 1 GB of rows at 100,000 reports. On those
/// rows zlib-rs at level 2 is 1.5 times as fast as at 3 for files 12 % larger (14.6 MB
/// more at 100,000 reports, 0.9 s less build); level 1 would save 0.35 s more for 42 MB
/// more, and the default (6) takes twice as long as 3 for 9 % less. BENCHMARKS.md has
/// the runs.
const LEVEL: u32 = 2;

/// The gzip header: deflate, no name, no time (so that builds are reproducible), no
/// extra flags, operating system unknown.
const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

/// One gzip file being compressed a segment at a time.
pub struct Segments {
    /// Content not yet compressed: less than one segment.
    pending: Vec<u8>,
    /// The checksum and length of all content so far, for the trailer.
    crc: Crc,
    segment: usize,
}

impl Segments {
    /// Starts a file; returns it and the bytes that open it.
    pub fn start() -> (Segments, Vec<u8>) {
        Segments::with_segment(SEGMENT)
    }

    /// [`Segments::start`] with segments of `segment` bytes (small ones in tests).
    fn with_segment(segment: usize) -> (Segments, Vec<u8>) {
        let segments = Segments {
            pending: Vec::new(),
            crc: Crc::new(),
            segment,
        };
        (segments, HEADER.to_vec())
    }

    /// Takes `content`; returns the compressed bytes of every segment it completed
    /// (often none).
    pub fn write(&mut self, mut content: &[u8]) -> Vec<u8> {
        self.crc.update(content);
        let mut out = Vec::new();
        // Filled up to a segment and no further, so that what is held never grows past it.
        while !content.is_empty() {
            let take = (self.segment - self.pending.len()).min(content.len());
            self.pending.extend_from_slice(&content[..take]);
            content = &content[take..];
            if self.pending.len() == self.segment {
                deflate(&self.pending, FlushCompress::Sync, &mut out);
                self.pending.clear();
            }
        }
        out
    }

    /// Compresses what is left as the last segment; returns it with the trailer.
    pub fn finish(self) -> Vec<u8> {
        let mut out = Vec::new();
        deflate(&self.pending, FlushCompress::Finish, &mut out);
        out.extend_from_slice(&self.crc.sum().to_le_bytes());
        // The length modulo 2^32, as RFC 1952 has it.
        out.extend_from_slice(&self.crc.amount().to_le_bytes());
        out
    }
}

/// Appends `input` deflated by a fresh compressor to `out`, ended by `flush`: a sync
/// flush ends on a byte boundary with the stream still open, `Finish` closes it.
fn deflate(input: &[u8], flush: FlushCompress, out: &mut Vec<u8>) {
    let mut compress = Compress::new(Compression::new(LEVEL), false);
    out.reserve(input.len() / 3 + 64);
    loop {
        let read = compress.total_in() as usize;
        let room = out.capacity() - out.len();
        // Compressing into memory fails only on a misuse of the stream, never on data.
        let status = compress
            .compress_vec(&input[read..], out, flush)
            .expect("deflate into memory");
        let done = match flush {
            FlushCompress::Finish => status == Status::StreamEnd,
            // A flush is complete once all input is taken and output room was left over.
            _ => compress.total_in() as usize == input.len() && out.capacity() - out.len() > 0,
        };
        if done {
            return;
        }
        out.reserve(room.max(4096));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .expect("a valid gzip file");
        out
    }

    /// `content` written in pieces of `piece` bytes through segments of `segment`.
    fn written(content: &[u8], piece: usize, segment: usize) -> Vec<u8> {
        let (mut file, mut bytes) = Segments::with_segment(segment);
        for part in content.chunks(piece.max(1)) {
            bytes.extend(file.write(part));
        }
        bytes.extend(file.finish());
        bytes
    }

    fn sample() -> Vec<u8> {
        (0..5000)
            .flat_map(|i| format!("{i},row {},Kayes;Mali\r\n", i % 37).into_bytes())
            .collect()
    }

    #[test]
    fn reads_back_as_the_content() {
        let content = sample();
        for segment in [1000, 4096, SEGMENT] {
            assert_eq!(gunzip(&written(&content, 777, segment)), content);
        }
        assert_eq!(gunzip(&written(b"", 1, SEGMENT)), b"");
    }

    #[test]
    fn how_the_content_is_handed_over_changes_no_byte() {
        let content = sample();
        let whole = written(&content, content.len(), 1000);
        for piece in [1, 7, 999, 1000, 1001, 40_000] {
            assert!(written(&content, piece, 1000) == whole, "pieces of {piece}");
        }
    }

    #[test]
    fn compresses_rows_well_and_holds_less_than_a_segment() {
        let content = sample();
        let (mut file, _) = Segments::with_segment(4096);
        file.write(&content);
        assert!(file.pending.len() < 4096);
        assert!(file.pending.capacity() <= 4096);
        assert!(written(&content, 500, SEGMENT).len() * 5 < content.len());
    }
}
