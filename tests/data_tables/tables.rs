//! The related tables, the keys of the data package and the licence.

use super::*;

#[test]
fn each_source_claim_and_actor_is_a_row_of_its_table() {
    let built = build();
    let data = read(
        &built.out,
        &["sources.csv.gz", "claims.csv.gz", "actors.csv.gz"],
    );
    let sources = of(&data["sources.csv.gz"], "DM-0001");
    assert_eq!(
        cells(
            &sources,
            &["source_id", "source_key", "name", "type", "published"]
        ),
        strings(&[
            &["s1", "DM-0001#s1", "Sahel Wire", "news", "2025-03-03"],
            &[
                "ministry",
                "DM-0001#ministry",
                "Ministry of Defence",
                "official",
                "2025-03-04"
            ],
        ])
    );
    assert_eq!(
        sources[0]["archive_url"],
        "https://archive.example.org/nioro-ambush"
    );
    assert_eq!(
        sources[1]["url"], "https://example.org/defence/statement?id=4;lang=en",
        "a URL is one value: its ';' is not escaped"
    );
    let claims = of(&data["claims.csv.gz"], "DM-0001");
    let columns = [
        "claim_id",
        "kind",
        "party",
        "party_is_group",
        "who",
        "count",
    ];
    assert_eq!(
        cells(&claims, &columns),
        strings(&[
            &[
                "fatalities-1",
                "fatalities",
                "FAMa",
                "true",
                "soldiers",
                "12"
            ],
            &[
                "fatalities-2",
                "fatalities",
                "JNIM",
                "true",
                "soldiers",
                "30"
            ],
            &[
                "fatalities-3",
                "fatalities",
                "Residents; local NGO",
                "false",
                "civilians",
                "10"
            ],
            &[
                "injured-1",
                "injured",
                "local officials",
                "false",
                "unknown",
                "4"
            ],
            &["text-1", "text", "JNIM", "true", "", ""],
            &["text-2", "text", "Residents; local NGO", "false", "", ""],
        ]),
        "an alias (GSIM) is given as the group's name; a ';' in a party stays in it"
    );
    assert_eq!(
        cells(&claims, &["text", "disputed", "source_id", "source_key"]),
        strings(&[
            &["", "", "s1", "DM-0001#s1"],
            &["", "", "ministry", "DM-0001#ministry"],
            &["", "", "", ""],
            &["", "", "s1", "DM-0001#s1"],
            &[
                "Held the road for a day; burned two trucks",
                "true",
                "s1",
                "DM-0001#s1"
            ],
            &[
                "Soldiers left the convoy before the attack",
                "false",
                "",
                ""
            ],
        ])
    );
    let actors = of(&data["actors.csv.gz"], "DM-0001");
    assert_eq!(
        cells(
            &actors,
            &["group", "role", "attribution", "kind", "affiliation"]
        ),
        strings(&[
            &[
                "JNIM",
                "perpetrator",
                "confirmed",
                "non-state armed group",
                "al-Qaeda"
            ],
            &[
                "ISSP",
                "perpetrator",
                "suspected",
                "non-state armed group",
                "Islamic State"
            ],
            &["FAMa", "target", "confirmed", "state force", ""],
        ]),
        "JNIM, named as claimed and as confirmed, is one row with the surest"
    );
    assert_eq!(
        actors[0]["full_name"],
        "Jama'at Nusrat al-Islam wal-Muslimin"
    );
    let responder = of(&data["actors.csv.gz"], "DM-0002");
    assert_eq!(
        cells(&responder, &["group", "role"]),
        strings(&[&["FAMa", "responder"]]),
        "a report with only a responder has no target"
    );
    assert!(of(&data["claims.csv.gz"], "DM-0002").is_empty());
}

#[test]
fn drafts_and_retracted_reports_are_in_no_table_but_changes() {
    let built = build();
    let names = [
        "incidents.csv",
        "sources.csv.gz",
        "claims.csv.gz",
        "actors.csv.gz",
        "changes.csv.gz",
    ];
    let data = read(&built.out, &names);
    for name in &names[..4] {
        let key = if *name == "incidents.csv" {
            "id"
        } else {
            "incident_id"
        };
        let ids: BTreeSet<&str> = data[*name].iter().map(|r| r[key].as_str()).collect();
        assert!(
            !ids.contains("DM-0003"),
            "the retracted report is not in {name}"
        );
        assert!(!ids.contains("DM-0005"), "the draft is not in {name}");
    }
    let changed: BTreeSet<&str> = data["changes.csv.gz"]
        .iter()
        .map(|r| r["incident_id"].as_str())
        .collect();
    assert!(changed.contains("DM-0003") && !changed.contains("DM-0005"));
}

/// The package's resources: name, fields, primary key and foreign keys.
fn resources(out: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(out.join("data/datapackage.json")).unwrap();
    let package: Value = serde_json::from_str(&text).unwrap();
    package["resources"].as_array().unwrap().clone()
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn every_key_is_unique_and_every_foreign_key_resolves() {
    let built = build();
    let resources = resources(&built.out);
    let files: Vec<String> = resources
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    let data = read(
        &built.out,
        &files.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let table = |name: &str| {
        let at = resources.iter().position(|r| r["name"] == name).unwrap();
        &data[&files[at]]
    };
    for resource in &resources {
        let name = resource["name"].as_str().unwrap();
        let rows = table(name);
        let schema = &resource["schema"];
        let key = names(&schema["primaryKey"]);
        let ours = ["sources", "claims", "actors", "changes"].contains(&name);
        assert!(!ours || !key.is_empty(), "{name} has a primary key");
        let mut seen = BTreeSet::new();
        for row in rows {
            let value: Vec<&str> = key.iter().map(|k| row[k].as_str()).collect();
            if key.is_empty() {
                break;
            }
            assert!(
                value.iter().all(|v| !v.is_empty()),
                "{name}: empty key in {row:?}"
            );
            assert!(seen.insert(value.clone()), "{name}: key {value:?} twice");
        }
        for foreign in schema["foreignKeys"].as_array().into_iter().flatten() {
            let fields = names(&foreign["fields"]);
            let target = foreign["reference"]["resource"].as_str().unwrap();
            let reference = names(&foreign["reference"]["fields"]);
            let known: BTreeSet<Vec<&str>> = table(target)
                .iter()
                .map(|r| reference.iter().map(|k| r[k].as_str()).collect())
                .collect();
            for row in rows {
                let value: Vec<&str> = fields.iter().map(|k| row[k].as_str()).collect();
                // Frictionless skips a key only when every one of its cells is empty.
                if value.iter().all(|v| v.is_empty()) {
                    continue;
                }
                assert!(
                    known.contains(&value),
                    "{name}: {fields:?} = {value:?} not in {target}"
                );
            }
        }
    }
    let changes = resources.iter().find(|r| r["name"] == "changes").unwrap();
    assert!(
        changes["schema"]["foreignKeys"].is_null(),
        "retracted reports are in changes.csv and not in incidents.csv"
    );
}

#[test]
fn the_data_page_links_the_changes_and_names_the_licence() {
    let built = build();
    let page = std::fs::read_to_string(built.out.join("data/index.html")).unwrap();
    let html = scraper::Html::parse_document(&page);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let alternate = html
        .select(&select(
            "link[rel=alternate][href='/data-model/changes.xml']",
        ))
        .count();
    assert_eq!(alternate, 1, "the page announces the feed of changes");
    assert!(html
        .select(&select("a[href='/data-model/changes.xml']"))
        .next()
        .is_some());
    assert!(html
        .select(&select("a[href='/data-model/data/changes.csv.gz']"))
        .next()
        .is_some());
    let licence = html
        .select(&select("#license a[rel=license]"))
        .next()
        .unwrap();
    assert_eq!(
        licence.value().attr("href"),
        Some("https://creativecommons.org/licenses/by/4.0/")
    );
    assert_eq!(licence.text().collect::<String>(), "CC-BY-4.0");
    let package = std::fs::read_to_string(built.out.join("data/datapackage.json")).unwrap();
    let package: Value = serde_json::from_str(&package).unwrap();
    assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");

    let unlicensed = build_with(|root| {
        let settings = root.join("site.yaml");
        let text = std::fs::read_to_string(&settings).unwrap();
        std::fs::write(&settings, text.replace("license: CC-BY-4.0\n", "")).unwrap();
    });
    let page = std::fs::read_to_string(unlicensed.out.join("data/index.html")).unwrap();
    let html = scraper::Html::parse_document(&page);
    let note = html.select(&select("#license")).next().unwrap();
    assert!(
        note.text()
            .collect::<String>()
            .contains("needs the publisher's permission"),
        "{}",
        note.html()
    );
    let package = std::fs::read_to_string(unlicensed.out.join("data/datapackage.json")).unwrap();
    assert!(!package.contains("\"licenses\""));
}

#[test]
fn frictionless_validates_the_package_where_it_is_installed() {
    let has_it = Command::new("python3")
        .args(["-c", "import frictionless"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_it {
        eprintln!("frictionless is not installed (pip install frictionless): not checked");
        return;
    }
    let built = build();
    let output = Command::new("python3")
        .args(["-m", "frictionless", "validate", "--json"])
        .arg(built.out.join("data/datapackage.json"))
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    assert_eq!(
        report["valid"],
        true,
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}
