//! Writes the search index for a JSON list of reports, so `static/search.js` can be
//! tested and benchmarked in node against real index files (see tests/js/ and bench/):
//!
//! ```sh
//! cargo run --example search_index -- INPUT.json OUT_DIR
//! ```
//!
//! INPUT.json is `{"docs": [SearchDoc, ...], "facets": Facets}` with the field names of
//! `incidex::search_index`. Prints the build time in milliseconds.

use std::path::PathBuf;
use std::time::Instant;

use incidex::search_index::{build, Facets, SearchDoc};

#[derive(serde::Deserialize)]
struct Input {
    docs: Vec<SearchDoc>,
    facets: Facets,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let (Some(input), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: search_index INPUT.json OUT_DIR".into());
    };
    let out = PathBuf::from(out);
    let text = std::fs::read_to_string(&input)
        .map_err(|e| format!("cannot read {}: {e}", input.to_string_lossy()))?;
    let input: Input = serde_json::from_str(&text)?;
    let started = Instant::now();
    let files = build(&input.docs, &input.facets);
    let elapsed = started.elapsed();
    for (path, bytes) in files {
        let path = out.join(path);
        let folder = path.parent().expect("index paths have a folder");
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!("{}", elapsed.as_millis());
    Ok(())
}
