//! The dev server's incremental update writes the same site a full build would.

mod common;

use std::path::PathBuf;

use incidex::serve::session::{Session, Update};
use incidex::settings::BuildOptions;

const BASE: &str = "http://127.0.0.1:1111/";

fn options(root: &std::path::Path, out: PathBuf) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: Some(out),
        base_url: Some(BASE.into()),
        ..BuildOptions::default()
    }
}

/// Applies `edit` to a copy of the minimal fixture both ways and compares every file;
/// returns how many pages the update wrote.
fn same_as_full_build(edit: impl Fn(&std::path::Path) -> Vec<PathBuf>) -> usize {
    same_as_full_build_of("minimal", edit, |_| ()).0
}

/// Applies `edit` to a copy of `fixture` both ways and compares every file; `look` sees
/// the output before the edit and is called again after it, with the files of each.
/// Returns how many pages the update wrote, and the files it left.
fn same_as_full_build_of<T>(
    fixture: &str,
    edit: impl Fn(&std::path::Path) -> Vec<PathBuf>,
    look: impl Fn(&Files) -> T,
) -> (usize, Files)
where
    T: PartialEq + std::fmt::Debug,
{
    let site = common::copy_fixture(fixture);
    let out = tempfile::tempdir().unwrap();
    let (mut session, first) = Session::start(options(site.path(), out.path().join("live")));
    first.expect("first build");
    let before = look(&common::files_under(&out.path().join("live")));
    let changed = edit(site.path());
    let written = match session.update(&changed) {
        Update::Rebuilt {
            incremental, pages, ..
        } => {
            assert!(incremental, "a report edit is incremental");
            pages
        }
        Update::Failed(f) => panic!("update failed: {}", common::explain(&f)),
    };
    session.catch_up().expect("feeds, exports and search index");
    let full = out.path().join("full");
    incidex::pipeline::build(&options(site.path(), full.clone())).expect("full build");
    let live = common::files_under(&out.path().join("live"));
    let full = common::files_under(&full);
    assert_eq!(look(&live), before, "what the edit must leave alone");
    let live_names: Vec<_> = live.keys().collect();
    let full_names: Vec<_> = full.keys().collect();
    assert_eq!(live_names, full_names, "the same files");
    for (name, bytes) in &full {
        assert!(
            live[name] == *bytes,
            "{name} differs:\n--- incremental\n{}\n--- full\n{}",
            String::from_utf8_lossy(&live[name]),
            String::from_utf8_lossy(bytes)
        );
    }
    (written, live)
}

/// Every file of an output, by its path relative to the output.
type Files = std::collections::BTreeMap<String, Vec<u8>>;

const CURFEW: &str = "content/incidents/2025/2025-07-02-curfew-in-dioila.md";

fn rewrite(root: &std::path::Path, report: &str, from: &str, to: &str) -> Vec<PathBuf> {
    let path = root.join(report);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
    vec![PathBuf::from(report)]
}

#[test]
fn editing_a_summary() {
    same_as_full_build(|root| rewrite(root, CURFEW, "a night curfew", "an evening curfew"));
}

#[test]
fn editing_only_the_body_and_sources_rewrites_only_the_report_page() {
    let written = same_as_full_build(|root| {
        let mut changed = rewrite(root, CURFEW, "was declared", "was declared again");
        changed.extend(rewrite(
            root,
            CURFEW,
            "Governor's decree",
            "Decree of the governor",
        ));
        changed
    });
    assert_eq!(
        written, 1,
        "only the report's own page shows its body and sources"
    );
}

#[test]
fn editing_a_title_rewrites_the_lists_that_show_it() {
    let written = same_as_full_build(|root| {
        rewrite(
            root,
            CURFEW,
            "title: Curfew declared in Dioïla",
            "title: Curfew in Dioïla",
        )
    });
    assert!(
        written > 1,
        "lists, maps and neighbours show the title: {written}"
    );
}

#[test]
fn moving_a_report_to_another_country() {
    same_as_full_build(|root| {
        let mut changed = rewrite(root, CURFEW, "country: Mali", "country: Burkina Faso");
        changed.extend(rewrite(root, CURFEW, "region: Dioila", "region: Sahel"));
        changed.extend(rewrite(
            root,
            CURFEW,
            "{group: FAMa, role: responder}",
            "JNIM",
        ));
        changed
    });
}

#[test]
fn moving_a_report_in_time_and_place() {
    same_as_full_build(|root| {
        let mut changed = rewrite(root, CURFEW, "date: 2025-07-02", "date: 2024-10-02");
        changed.extend(rewrite(root, CURFEW, "region: Dioila", "region: Kayes"));
        changed
    });
}

#[test]
fn adding_and_deleting_reports() {
    same_as_full_build(|root| {
        let added = "content/incidents/2025/2025-09-01-new.md";
        std::fs::write(
            root.join(added),
            "---\ntitle: New\ndate: 2025-09-01\ncountry: Mali\nregion: Segou\n\
             groups: [JNIM]\nevent_type: battle\n\
             sources: [{id: s1, name: W, type: news}]\nsummary: New one.\n---\nBody.\n",
        )
        .unwrap();
        let deleted = "content/incidents/2024/2024-11-20-sahel-ambush.md";
        std::fs::remove_file(root.join(deleted)).unwrap();
        vec![PathBuf::from(added), PathBuf::from(deleted)]
    });
}

#[test]
fn a_report_linked_in_from_outside_the_site_while_serving_is_refused() {
    let site = common::copy_fixture("minimal");
    let out = tempfile::tempdir().unwrap();
    let (mut session, first) = Session::start(options(site.path(), out.path().join("live")));
    first.expect("first build");
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    std::fs::copy(site.path().join(CURFEW), &secret).unwrap();
    let link = "content/incidents/2025/2025-09-01-linked.md";
    std::os::unix::fs::symlink(&secret, site.path().join(link)).unwrap();
    match session.update(&[PathBuf::from(link)]) {
        Update::Failed(failure) => {
            let said = common::explain(&failure);
            assert!(
                said.contains(link) && said.contains("outside the site"),
                "{said}"
            );
        }
        Update::Rebuilt { .. } => panic!("a report from outside the site was published"),
    }
    assert!(!out.path().join("live/incidents/2025-09-01-linked").exists());
}

#[test]
fn a_page_that_cannot_be_written_is_an_output_failure_with_its_file() {
    let site = common::copy_fixture("minimal");
    let out = tempfile::tempdir().unwrap();
    let live = out.path().join("live");
    let (mut session, first) = Session::start(options(site.path(), live.clone()));
    first.expect("first build");
    // A file where the report's folder should be: no write into it can succeed, even
    // for a user the permissions would let through.
    let folder = live.join("incidents/2025-07-02-curfew-in-dioila");
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::write(&folder, "in the way").unwrap();
    let changed = rewrite(site.path(), CURFEW, "was declared", "was declared again");
    match session.update(&changed) {
        Update::Failed(incidex::pipeline::BuildFailure::Output { path, .. }) => {
            assert!(
                path.starts_with(&live) && path.ends_with("index.html"),
                "the failure names the file: {}",
                path.display()
            );
        }
        Update::Failed(other) => panic!("not an output failure: {}", common::explain(&other)),
        Update::Rebuilt { .. } => panic!("the write cannot have succeeded"),
    }
}

const KAYES: &str = "content/incidents/2025/2025-07-01-attaque-kayes.md";
const KAYES_EN: &str = "content/incidents/2025/2025-07-01-attaque-kayes.en.md";
const KAYES_PAGE: &str = "incidents/2025-07-01-attaque-kayes/index.html";

/// The text of the output file `name`.
fn text(files: &Files, name: &str) -> String {
    let bytes = files.get(name).unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn editing_a_translation_rewrites_that_language_only() {
    let (written, live) = same_as_full_build_of(
        "bilingual",
        |root| {
            rewrite(
                root,
                KAYES_EN,
                "title: Attack on an army post in Kayes",
                "title: Army post stormed in Kayes",
            )
        },
        |files| files[KAYES_PAGE].clone(),
    );
    for page in [
        format!("en/{KAYES_PAGE}"),
        "en/index.html".to_string(),
        "en/incidents/index.html".to_string(),
    ] {
        assert!(
            text(&live, &page).contains("Army post stormed in Kayes"),
            "{page} shows the new title"
        );
    }
    assert!(!text(&live, KAYES_PAGE).contains("stormed"));
    assert!(!text(&live, &format!("ar/{KAYES_PAGE}")).contains("stormed"));
    assert!(written > 1, "the English lists show the title: {written}");
}

#[test]
fn editing_a_report_rewrites_it_where_it_is_not_translated() {
    let (written, live) = same_as_full_build_of(
        "bilingual",
        |root| rewrite(root, KAYES, "des tirs nourris", "des tirs très nourris"),
        |files| files[&format!("en/{KAYES_PAGE}")].clone(),
    );
    for page in [KAYES_PAGE.to_string(), format!("ar/{KAYES_PAGE}")] {
        assert!(
            text(&live, &page).contains("des tirs très nourris"),
            "{page} shows the new body"
        );
    }
    assert!(
        written <= 3,
        "one page per language shows a body: {written}"
    );
}

#[test]
fn editing_a_fact_and_translating_a_report_rewrite_every_language() {
    let curfew = "content/incidents/2025/2025-07-02-couvre-feu.md";
    let (_, live) = same_as_full_build_of(
        "bilingual",
        |root| {
            let mut changed = rewrite(root, curfew, "region: Timbuktu", "region: Kayes");
            let translation = "content/incidents/2025/2025-07-02-couvre-feu.en.md";
            std::fs::write(
                root.join(translation),
                "---\ntitle: Night curfew in Timbuktu\n\
                 summary: Regional authorities imposed a thirty-day curfew.\n---\n\
                 The governorate announced a curfew.\n",
            )
            .unwrap();
            changed.push(PathBuf::from(translation));
            changed
        },
        |_| (),
    );
    assert!(text(&live, "en/index.html").contains("Night curfew in Timbuktu"));
}

#[test]
fn renaming_a_report_and_removing_a_translation_in_every_language() {
    let (_, live) = same_as_full_build_of(
        "bilingual",
        |root| {
            let dir = root.join("content/incidents/2025");
            let (from, to) = (
                "2025-07-02-couvre-feu.md",
                "2025-07-02-couvre-feu-a-tombouctou.md",
            );
            std::fs::rename(dir.join(from), dir.join(to)).unwrap();
            std::fs::remove_file(root.join(KAYES_EN)).unwrap();
            let mut changed = rewrite(root, KAYES, "couvre-feu/", "couvre-feu-a-tombouctou/");
            changed.extend(
                [from, to, "2025-07-01-attaque-kayes.en.md"]
                    .map(|name| PathBuf::from(format!("content/incidents/2025/{name}"))),
            );
            changed
        },
        |_| (),
    );
    assert!(!live.contains_key("en/incidents/2025-07-02-couvre-feu/index.html"));
    assert!(live.contains_key("ar/incidents/2025-07-02-couvre-feu-a-tombouctou/index.html"));
    assert!(!text(&live, "en/index.html").contains("Attack on an army post in Kayes"));
}
