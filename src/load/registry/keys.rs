//! The match keys of registry names: each name, ISO code and alias entered once.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::domain::slugs::match_key;
use crate::locate::YamlText;

/// Enters `name` for entry `index` in `keys`, reporting a name with nothing to match on
/// or one another entry already has; `entry_line` is where to start looking for it.
#[allow(clippy::too_many_arguments)]
pub(super) fn insert_key(
    keys: &mut HashMap<String, usize>,
    name: &str,
    index: usize,
    what: &str,
    path: &Path,
    yaml: &YamlText,
    entry_line: usize,
    problems: &mut Vec<Diagnostic>,
) {
    let key = match_key(name);
    let (line, column) = yaml.find_from(name, entry_line).unwrap_or((entry_line, 1));
    if key.is_empty() {
        problems.push(Diagnostic::error(
            path,
            line,
            column,
            format!("{what} name '{name}' has no letters or digits"),
        ));
        return;
    }
    match keys.get(&key) {
        Some(&other) if other != index => problems.push(
            Diagnostic::error(
                path,
                line,
                column,
                format!("{what} name '{name}' is already used by another entry"),
            )
            .with_help(
                "names, ISO codes, aliases and translated names must be unique (ignoring case and \
             accents)",
            ),
        ),
        _ => {
            keys.insert(key, index);
        }
    }
}
