//! changes.csv and changes.xml: what they list, in what order, dated how, and kept up to
//! date by the dev server.

use super::*;

#[test]
fn changes_list_additions_revisions_and_retractions_newest_first() {
    let built = build();
    let data = read(&built.out, &["changes.csv.gz"]);
    let mine: Vec<&Row> = data["changes.csv.gz"]
        .iter()
        .filter(|r| r["incident_id"].starts_with("DM-"))
        .collect();
    assert_eq!(
        cells(&mine, &["incident_id", "number", "date", "change", "note"]),
        strings(&[
            &[
                "DM-0003",
                "2",
                "2025-05-20",
                "retracted",
                "No source could confirm the raid."
            ],
            &[
                "DM-0003",
                "1",
                "2025-05-03",
                "revised",
                "Corrected the place."
            ],
            // Outside git, added on the first revision's day, else on the event's.
            &["DM-0003", "0", "2025-05-03", "added", ""],
            &["DM-0002", "0", "2025-04-10", "added", ""],
            &[
                "DM-0001",
                "1",
                "2025-03-05",
                "revised",
                "Added the ministry's figure; corrected the toll."
            ],
            &["DM-0001", "0", "2025-03-05", "added", ""],
            &["DM-0004", "0", "2025-02-14", "added", ""],
        ])
    );
    assert_eq!(
        mine[0]["url"],
        format!("{BASE}incidents/2025-05-01-withdrawn-raid/")
    );
    let dates: Vec<&str> = data["changes.csv.gz"]
        .iter()
        .map(|r| r["date"].as_str())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );
}

#[test]
fn the_changes_feed_is_atom_and_says_what_was_retracted() {
    let built = build();
    let text = std::fs::read_to_string(built.out.join("changes.xml")).unwrap();
    let parsed = feed_rs::parser::parse(text.as_bytes()).expect("a feed reader reads it");
    assert_eq!(parsed.feed_type, feed_rs::model::FeedType::Atom);
    assert!(parsed
        .entries
        .iter()
        .all(|e| e.updated.is_some() && !e.links.is_empty()));
    let doc = roxmltree::Document::parse(&text).expect("changes.xml is XML");
    let feed = doc.root_element();
    assert!(feed.has_tag_name(("http://www.w3.org/2005/Atom", "feed")));
    assert_eq!(
        atom(feed, "updated").unwrap().text(),
        Some("2025-05-20T00:00:00Z")
    );
    let entries: Vec<_> = feed
        .children()
        .filter(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", "entry")))
        .collect();
    let ids: BTreeSet<&str> = entries
        .iter()
        .map(|e| atom(*e, "id").unwrap().text().unwrap())
        .collect();
    assert_eq!(
        ids.len(),
        entries.len(),
        "every change has an id of its own"
    );
    assert!(ids.iter().all(|id| id.starts_with("urn:uuid:")));
    let retracted = entries[0];
    let title = atom(retracted, "title").unwrap().text().unwrap();
    assert_eq!(title, "Retracted: A raid later withdrawn");
    let category = atom(retracted, "category").unwrap();
    assert_eq!(category.attribute("term"), Some("retracted"));
    assert_eq!(
        atom(retracted, "summary").unwrap().text(),
        Some("No source could confirm the raid.")
    );
    assert_eq!(
        atom(retracted, "link").unwrap().attribute("href"),
        Some(format!("{BASE}incidents/2025-05-01-withdrawn-raid/").as_str())
    );
    // Built again, the same changes keep their ids.
    let again = built.site.path().join("again");
    build_into(built.site.path(), &again);
    assert_eq!(
        std::fs::read_to_string(again.join("changes.xml")).unwrap(),
        text
    );
}

/// The first child of `node` that is the Atom element `name`.
fn atom<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children()
        .find(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", name)))
}

/// `git ARGS` in `dir`, as a fixed person on `day`; false when git cannot run.
fn git(dir: &Path, day: &str, args: &[&str]) -> bool {
    let when = format!("{day}T12:00:00Z");
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .env("GIT_COMMITTER_DATE", &when)
        .env("GIT_AUTHOR_DATE", &when)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn in_git_a_report_was_added_by_its_first_commit_but_not_after_its_first_note() {
    let site = common::copy_fixture("data_model");
    let root = site.path();
    if !git(root, "2025-06-15", &["init", "-q"]) {
        return; // no git here: the dates of the front matter are tested above
    }
    assert!(git(root, "2025-06-15", &["add", "-A", "."]));
    assert!(git(root, "2025-06-15", &["commit", "-q", "-m", "Reports"]));
    let report = root.join("content/incidents/2025/2025-04-10-army-pursuit.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        text.replace("Only the army's", "Only the army's own"),
    )
    .unwrap();
    assert!(git(
        root,
        "2025-07-01",
        &["commit", "-q", "-a", "-m", "Edit"]
    ));
    let out = root.join("public");
    build_into(root, &out);
    let data = read(&out, &["changes.csv.gz"]);
    let added = |id: &str| {
        let rows = of(&data["changes.csv.gz"], id);
        rows.iter().find(|r| r["change"] == "added").unwrap()["date"].clone()
    };
    assert_eq!(
        added("DM-0002"),
        "2025-06-15",
        "its first commit, not the edit's"
    );
    assert_eq!(added("DM-0004"), "2025-06-15");
    assert_eq!(
        added("DM-0001"),
        "2025-03-05",
        "noted as revised before it was committed"
    );
}

#[test]
fn a_save_in_the_dev_server_rewrites_the_changes() {
    use incidex::serve::session::{Session, Update};
    let site = common::copy_fixture("data_model");
    let out = tempfile::tempdir().unwrap();
    let options = incidex::settings::BuildOptions {
        root: site.path().to_path_buf(),
        output: Some(out.path().to_path_buf()),
        ..Default::default()
    };
    let (mut session, first) = Session::start(options);
    first.expect("first build");
    let name = "content/incidents/2025/2025-02-14-curfew-in-gao.md";
    let report = site.path().join(name);
    let text = std::fs::read_to_string(&report).unwrap();
    let retracted = text.replace(
        "summary:",
        "status: retracted\nrevisions: [{date: 2025-02-20, note: The decree was a forgery.}]\nsummary:",
    );
    std::fs::write(&report, retracted).unwrap();
    match session.update(&[PathBuf::from(name)]) {
        Update::Rebuilt { .. } => {}
        Update::Failed(f) => panic!("update failed: {}", common::explain(&f)),
    }
    session.catch_up().expect("exports");
    let data = read(out.path(), &["changes.csv.gz"]);
    assert_eq!(
        cells(
            &of(&data["changes.csv.gz"], "DM-0004"),
            &["number", "date", "change", "note"]
        ),
        strings(&[
            &["1", "2025-02-20", "retracted", "The decree was a forgery."],
            &["0", "2025-02-20", "added", ""],
        ])
    );
    let feed = std::fs::read_to_string(out.path().join("changes.xml")).unwrap();
    assert!(feed.contains("Retracted: Night curfew in Gao"), "{feed}");
}
