//! The dev server's own folder, in the system's temporary folder: removed when the server
//! stops, and, for a server that could not clean up (killed outright, a machine that lost
//! power), by the next server started, once its process is gone.

use std::path::Path;

/// The start of every such folder's name; the server's process id follows.
const PREFIX: &str = "incidex-serve-";

/// Makes the folder for this server, after removing those of servers no longer running.
pub(super) fn make() -> std::io::Result<tempfile::TempDir> {
    remove_stale(&std::env::temp_dir());
    tempfile::Builder::new()
        .prefix(&format!("{PREFIX}{}-", std::process::id()))
        .tempdir()
}

/// Removes the folders under `temp` of dev servers whose process has ended. Only where the
/// system lists its processes under `/proc`; elsewhere they are left.
fn remove_stale(temp: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(PREFIX))
            .and_then(|rest| rest.split('-').next())
            .filter(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let is_folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_folder && !Path::new("/proc").join(pid).exists() {
            // `remove_dir_all` removes links inside, never what they point at.
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_folders_of_servers_no_longer_running_are_removed() {
        let temp = tempfile::tempdir().unwrap();
        let mut ended = std::process::Command::new("true").spawn().unwrap();
        ended.wait().unwrap();
        let stale = temp.path().join(format!("{PREFIX}{}-abc", ended.id()));
        let running = temp
            .path()
            .join(format!("{PREFIX}{}-def", std::process::id()));
        let other = temp.path().join("incidex-serve-notes");
        for folder in [&stale, &running, &other] {
            std::fs::create_dir_all(folder.join("site")).unwrap();
        }
        remove_stale(temp.path());
        assert!(!stale.exists());
        assert!(running.exists() && other.exists());
    }
}
