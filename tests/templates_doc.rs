//! `docs/templates.md` lists every template and every variable each one receives; this
//! test renders the contexts of every page of the example site and checks the document
//! against them, so that it cannot go stale.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use incidex::domain::index::build_index;
use incidex::load::{load_site, Bodies};
use incidex::pipeline::prepare::prepare;
use incidex::render::pages::{all_pages, variables_by_template};
use incidex::render::templates::BUILT_IN;
use incidex::settings::{BuildOptions, Settings};

/// Variables every template receives, documented once at the top of the document.
const GLOBALS: [&str; 3] = ["site", "nav", "t"];

/// The variables the document gives for each template: the first-level bullets
/// (``- `name`: …``) under each ``## `template.html` `` heading.
fn documented() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("docs/templates.md")).expect("docs/templates.md");
    let mut sections: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            current = heading
                .split('`')
                .nth(1)
                .filter(|name| name.ends_with(".html"))
                .map(str::to_string);
            if let Some(name) = &current {
                sections.entry(name.clone()).or_default();
            }
        } else if let (Some(name), Some(item)) = (&current, line.strip_prefix("- `")) {
            let variable = item.split('`').next().unwrap_or_default().to_string();
            sections.get_mut(name).unwrap().insert(variable);
        }
    }
    sections
}

#[test]
fn every_page_templates_variables_are_documented_and_no_others() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    let settings = Settings::resolve(&BuildOptions {
        root,
        ..BuildOptions::default()
    })
    .expect("the example site's settings");
    let (site, _) = load_site(settings, Bodies::Held).expect("the example site loads");
    let index = build_index(&site);
    let (renderer, mut parts) = prepare(&site, &index).expect("the templates load");
    // The cards' data is made only for sites with templates of their own; it is listed
    // all the same.
    parts.card_data = true;
    let cx = renderer.view(&site, &index);
    let actual = variables_by_template(&cx, &all_pages(&cx), &parts);
    let documented = documented();
    for (template, variables) in &actual {
        let listed = documented
            .get(*template)
            .unwrap_or_else(|| panic!("docs/templates.md has no section for {template}"));
        let actual: BTreeSet<String> = variables.iter().cloned().collect();
        assert_eq!(
            listed, &actual,
            "the variables docs/templates.md gives for {template} (left) are not those it \
             receives (right)"
        );
    }
    assert_eq!(
        documented
            .get("card.html")
            .map(|v| v.iter().cloned().collect::<Vec<_>>()),
        Some(vec!["card".to_string()]),
        "card.html receives one variable, `card`"
    );
}

#[test]
fn every_built_in_template_has_a_section() {
    let documented = documented();
    for (name, _) in BUILT_IN {
        assert!(
            documented.contains_key(*name),
            "docs/templates.md has no section for {name}"
        );
    }
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/templates.md"))
            .unwrap();
    for global in GLOBALS {
        assert!(
            text.contains(&format!("- `{global}`")),
            "the variable every template gets, {global}, is documented"
        );
    }
}
