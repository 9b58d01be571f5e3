//! Gives the binary the commit it was built from, as `INCIDEX_COMMIT`, for `--version`.
//!
//! In a crate unpacked from crates.io it is the commit `cargo package` recorded in
//! `.cargo_vcs_info.json`; in a git checkout of incidex, `git rev-parse --short HEAD`;
//! failing both, "unknown". A build never fails for want of it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let commit = packaged_commit()
        .or_else(checkout_commit)
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=INCIDEX_COMMIT={commit}");
    rerun_when_head_moves();
}

/// The package's folder, read when the script runs: `cargo package` verifies the crate in
/// the checkout's target folder and the checkout's build may then reuse this compiled
/// script, so a folder fixed at compile time (`env!`) could be the unpacked crate's.
fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// The trimmed output of a git command run in the package's folder, if git ran and
/// succeeded.
fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(manifest_dir())
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    (output.status.success() && !text.is_empty()).then(|| text.to_string())
}

/// HEAD's short hash, if this folder is the top of a git checkout: an unpacked crate
/// inside someone else's repository (a home folder kept in git) is not built from theirs.
fn checkout_commit() -> Option<String> {
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let here = manifest_dir().canonicalize().ok()?;
    if Path::new(&top).canonicalize().ok()? != here {
        return None;
    }
    git(&["rev-parse", "--short", "HEAD"])
}

/// The first seven hex digits of the `sha1` that `cargo package` writes into
/// `.cargo_vcs_info.json`; read by hand since a build script's dependencies would be
/// compiled on every user's machine for one field.
fn packaged_commit() -> Option<String> {
    let path = manifest_dir().join(".cargo_vcs_info.json");
    let text = std::fs::read_to_string(path).ok()?;
    let after = text.split("\"sha1\"").nth(1)?;
    let hex: String = after
        .chars()
        .skip_while(|c| !c.is_ascii_hexdigit())
        .take_while(char::is_ascii_hexdigit)
        .take(7)
        .collect();
    (hex.len() == 7).then_some(hex)
}

/// Reruns this script when HEAD or the branch it points at moves, and not on every
/// edited source file, so a commit updates `--version` without other rebuilds.
fn rerun_when_head_moves() {
    println!("cargo:rerun-if-changed=build.rs");
    if packaged_commit().is_some() {
        // `cargo package` verifies the crate in the checkout's target folder, sharing this
        // script's output with the checkout's own build; naming a file the checkout lacks
        // makes the checkout's next build run the script again rather than keep this commit.
        println!("cargo:rerun-if-changed=.cargo_vcs_info.json");
        return;
    }
    let Some(git_dir) = git(&["rev-parse", "--absolute-git-dir"]) else {
        return;
    };
    let git_dir = Path::new(&git_dir);
    println!("cargo:rerun-if-changed={}", git_dir.join("HEAD").display());
    // A worktree keeps its HEAD in its own folder and the branches in the common one.
    let common = git(&["rev-parse", "--git-common-dir"])
        .map(|dir| manifest_dir().join(dir))
        .unwrap_or_else(|| git_dir.to_path_buf());
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        let branch_file = common.join(&branch);
        if branch_file.exists() {
            println!("cargo:rerun-if-changed={}", branch_file.display());
        }
    }
    // A file named here that does not exist would rerun the script on every build.
    let packed = common.join("packed-refs");
    if packed.exists() {
        println!("cargo:rerun-if-changed={}", packed.display());
    }
}
