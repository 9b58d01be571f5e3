//! incidex: a static site generator for incident reports on political violence and
//! security events.
//!
//! Editors write one Markdown file per incident with YAML front matter; [`pipeline::build`]
//! turns the folder into a browsable site indexed by country, region, group, type and
//! date. [`pipeline`] lists the stages in the order they run: [`settings`] → [`load`] →
//! index ([`domain::index`]) → prepare, the pass over reports and the list pages
//! ([`render`], [`publish`]) → search index ([`search_index`]) → base maps → feeds and
//! sitemap ([`publish`]) → static files ([`static_files`]) → commit ([`output`]). The
//! types every stage shares are in [`domain`]; the dev server ([`serve`]) runs the same
//! stages over what a save reaches.
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
pub mod diagnostics;
pub mod domain;
pub mod draw;
pub mod i18n;
pub mod init_host;
pub mod init_site;
pub mod json_schema;
pub mod languages;
pub mod links;
pub mod lists;
pub mod load;
pub mod locate;
pub mod markdown;
pub mod new_report;
pub mod output;
pub mod pipeline;
pub mod placeholders;
pub mod publish;
pub mod render;
pub mod search_index;
pub mod serve;
pub mod settings;
pub mod site_boundary;
pub mod site_context;
pub mod static_files;
pub mod text_file;
pub mod timings;
pub mod urls;
pub mod xml;
mod yaml;
