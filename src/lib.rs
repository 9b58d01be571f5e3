//! incidex: a static site generator for incident reports on political violence and
//! security events.
//!
//! Editors write one Markdown file per incident with YAML front matter; [`pipeline::build`]
//! turns the folder into a browsable site indexed by country, region, group, type and
//! date. The pipeline runs in named stages, each in its own module:
//! [`settings`] → [`load`] → [`index`] → [`render`] → [`output`].
//!
//! ```no_run
//! use incidex::settings::BuildOptions;
//!
//! let options = BuildOptions { root: "my-site".into(), ..BuildOptions::default() };
//! match incidex::pipeline::build(&options) {
//!     Ok(report) => println!("{} pages", report.pages),
//!     Err(failure) => eprintln!("{failure}"),
//! }
//! ```
#![warn(missing_docs)]

pub mod body_limits;
pub mod calendar;
pub mod dev_pages;
pub mod diagnostics;
pub mod draw;
pub mod index;
pub mod init_site;
pub mod lists;
pub mod load;
pub mod locate;
pub mod markdown;
pub mod model;
pub mod new_report;
pub mod output;
pub mod pipeline;
pub mod publish;
pub mod registry;
pub mod render;
pub mod search_index;
pub mod serve;
pub mod settings;
pub mod site_boundary;
pub mod site_context;
pub mod slugs;
pub mod static_files;
pub mod timings;
pub mod urls;
pub mod vocabulary;
pub mod xml;
mod yaml;
