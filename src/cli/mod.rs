//! One file per command: its arguments (a clap `Args` struct) and its `run`, which calls
//! one library function and prints what happened.

pub mod build;
pub mod check;
pub mod completions;
pub mod init;
pub mod man;
pub mod new;
pub mod output;
pub mod schema;
pub mod serve;
