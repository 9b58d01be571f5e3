//! `incidex schema`: the JSON Schema of a report's front matter, printed or written to
//! the site's `.incidex/schema.json`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use incidex::domain::grades::Grades;
use incidex::json_schema::{front_matter_schema, site_schema, write_schema_file, SchemaError};

/// Print the JSON Schema of a report's front matter (the site's own, when there is one).
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The site folder (holds site.yaml); without one, the schema knows no site's places,
    /// groups or grades but the built-in ones.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Write it to .incidex/schema.json in the site, where reports' first line points
    /// editors' tools, instead of printing it.
    #[arg(long)]
    write: bool,
}

impl SchemaArgs {
    /// Prints or writes the schema.
    pub fn run(self) -> ExitCode {
        let has_site = self.root.join("site.yaml").is_file();
        let result = match (self.write, has_site) {
            (true, _) => write_schema_file(&self.root).map(|path| {
                println!("{}", path.display());
            }),
            (false, true) => site_schema(&self.root).map(|schema| print(&schema)),
            (false, false) => {
                eprintln!(
                    "note: no site.yaml in {}: this schema names no countries, regions or \
                     groups, and has the built-in confidence grades",
                    self.root.display()
                );
                print(&front_matter_schema(Grades::built_in(), None));
                Ok(())
            }
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(SchemaError::Settings(e)) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        }
    }
}

/// Prints `schema`; a reader that stops early (`| head`) is no error worth a word.
fn print(schema: &serde_json::Value) {
    use std::io::Write;
    let text = serde_json::to_string_pretty(schema).unwrap_or_default();
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}
