//! What a site is made of, free of I/O: the reports ([`model`]), the registries of places
//! and groups ([`registry`]), the controlled words ([`vocabulary`]), slugs ([`slugs`]), the
//! loaded [`Site`] and its [`index`], and how sure a report is ([`grades`]). Every stage reads these types; the load stage fills
//! them and nothing here reads or writes a file.

pub mod apportion;
pub mod duplicates;
pub mod grades;
pub mod index;
pub mod iso_numeric;
pub mod model;
pub mod registry;
mod site;
pub mod slugs;
pub mod vague_counts;
pub mod vocabulary;

pub use registry::Registry;
pub use site::Site;
