//! Translations of reports (`x.en.md` beside `x.md`) and of registry entries: what loads,
//! what is refused and where, what a page in a further language is given, and what the
//! dev server loads again after a save.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{copy_fixture, fixture};
use incidex::domain::model::Body;
use incidex::domain::Site;
use incidex::load::{load_site, reload_reports, Bodies};
use incidex::settings::{BuildOptions, Settings};

const REPORT: &str = "content/incidents/2025/2025-07-01-attaque-a-kayes.md";
const TRANSLATION: &str = "content/incidents/2025/2025-07-01-attaque-a-kayes.en.md";

/// `incidex check` on `root` with one line per problem: its exit status and what it printed.
fn check(root: &Path) -> (i32, String) {
    let output = Command::cargo_bin("incidex")
        .expect("the binary is built")
        .args(["check", "--message-format", "short", "--root"])
        .arg(root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The site at `root`, loaded as a build (or the dev server, with `Bodies::Held`) does.
fn load(root: &Path, bodies: Bodies) -> Site {
    let options = BuildOptions {
        root: root.to_path_buf(),
        ..BuildOptions::default()
    };
    let settings = Settings::resolve(&options).expect("settings");
    let (site, _) = load_site(settings, bodies).unwrap_or_else(|d| panic!("{:?}", d.sorted()));
    site
}

fn report_index(site: &Site) -> usize {
    site.incidents
        .iter()
        .position(|i| i.path == Path::new(REPORT))
        .expect("the translated report")
}

#[test]
fn a_valid_translation_loads_with_the_site() {
    let (code, stderr) = check(&fixture("translations/valid"));
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let site = load(&fixture("translations/valid"), Bodies::Held);
    assert_eq!(site.settings.languages, ["fr", "en"]);
    assert!(site.settings.is_multilingual());
    assert_eq!(
        site.incidents.len(),
        3,
        "notes.v2.md is a report, not a translation"
    );
    let report = &site.incidents[report_index(&site)];
    let [english] = report.translations.as_slice() else {
        panic!("one translation: {:?}", report.translations);
    };
    assert_eq!(english.lang, "en");
    assert_eq!(english.path, Path::new(TRANSLATION));
    assert_eq!(english.title, "Attack on an army post in Kayes");
    assert_eq!(
        english.claim_texts,
        ["Held the post for an hour", "Repelled the attack"]
    );
    assert_eq!(english.tags.as_deref(), Some(&["barracks".to_string()][..]));
    assert!(matches!(&english.body, Body::Held(html) if html.contains("Fighters attacked")));
    assert_eq!(english.site_links, ["/incidents/2025-07-02-couvre-feu/"]);
    assert!(english.last_changed.is_some());
}

#[test]
fn translated_registry_names_resolve_in_reports() {
    let site = load(&fixture("translations/valid"), Bodies::Held);
    let report = &site.incidents[report_index(&site)];
    let registry = &site.registry;
    assert_eq!(registry.countries[report.country].name, "Mali");
    let regions: Vec<&str> = report
        .regions
        .iter()
        .map(|&r| registry.region(r).name.as_str())
        .collect();
    assert_eq!(
        regions,
        ["Kayes", "Ségou"],
        "'Segou Region' is Ségou's English name"
    );
    let target = report.actors[1].group;
    assert_eq!(
        registry.groups[target].name, "FAMa",
        "'Malian army' is FAMa's"
    );
}

#[test]
fn the_english_pages_get_the_english_text_and_names() {
    let site = load(&fixture("translations/valid"), Bodies::InFiles);
    let english = site.in_language("en");
    assert_eq!(english.settings.config.title, "Sahel Watch");
    assert_eq!(english.settings.config.language, "en");
    let i = report_index(&site);
    assert_eq!(
        english.incidents[i].title,
        "Attack on an army post in Kayes"
    );
    assert_eq!(english.incidents[i].shown_in, None);
    assert!(english
        .body(i)
        .unwrap()
        .contains("Fighters attacked the post"));
    let untranslated = english
        .incidents
        .iter()
        .find(|r| r.slug == "2025-07-02-couvre-feu")
        .unwrap();
    assert_eq!(untranslated.shown_in.as_deref(), Some("fr"));
    assert_eq!(english.registry.countries[0].name, "Republic of Mali");
    assert_eq!(english.registry.countries[0].slug, "mali");
    assert_eq!(english.registry.groups[0].name, "Malian army");
    assert_eq!(english.registry.groups[0].slug, "fama");
    assert_eq!(
        english.registry.groups[1].affiliation.as_deref(),
        Some("al-Qaeda")
    );
}

#[test]
fn every_translation_error_is_reported_at_its_place_in_one_run() {
    let (code, stderr) = check(&fixture("translations/errors"));
    assert_eq!(code, 1, "{stderr}");
    for expected in [
        "content/incidents/2025/x.en.md:3:1: error: 'date' cannot be set in a translation: the \
         facts live in content/incidents/2025/x.md; a translation holds only title, summary, \
         tags and the text of claims",
        "content/incidents/2025/x.en.md:5:1: error: claims gives the text of 1 claim, but \
         content/incidents/2025/x.md has 2 claims",
        "content/incidents/2025/orphan.en.md:1:1: error: this translation has no report: \
         content/incidents/2025/orphan.md does not exist",
        "content/incidents/2025/x.de.md:1:1: error: 'de' is not one of the site's languages \
         (fr, en): add it to languages in site.yaml or rename the file",
        "content/incidents/2025/x.fr.md:1:1: error: 'fr' is the site's default language",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    // A draft's translation follows the draft: its problem is shown and fails nothing.
    assert!(
        stderr.contains(
            "content/incidents/2025/brouillon.en.md:4:1: warning: 'country' cannot be set in a \
             translation"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("5 errors"), "{stderr}");
}

#[test]
fn a_site_with_one_language_refuses_a_translation() {
    let site = copy_fixture("translations/valid");
    let settings = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let one_language: String = text
        .lines()
        .take_while(|line| !line.starts_with("languages:"))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&settings, one_language).unwrap();
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    let expected = format!(
        "{TRANSLATION}:1:1: error: 'en' is not one of the site's languages (fr): add it to \
         languages in site.yaml or rename the file"
    );
    assert!(stderr.contains(&expected), "{stderr}");
}

#[test]
fn a_translated_name_that_another_entry_has_is_refused() {
    let site = copy_fixture("translations/valid");
    let regions = site.path().join("content/regions.yaml");
    let text = std::fs::read_to_string(&regions).unwrap();
    std::fs::write(
        &regions,
        text.replace("{name: Segou Region}", "{name: Kayes}"),
    )
    .unwrap();
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("content/regions.yaml:11:22: error: region name 'Kayes' is already used"),
        "{stderr}"
    );
}

#[test]
fn a_translation_older_than_its_report_is_warned_of() {
    // A copy outside git: the file's modification time is its last change.
    let site = copy_fixture("translations/valid");
    let before_revision = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_751_457_600);
    std::fs::File::options()
        .write(true)
        .open(site.path().join(TRANSLATION))
        .unwrap()
        .set_modified(before_revision)
        .unwrap();
    let (code, stderr) = check(site.path());
    assert_eq!(code, 0, "a warning fails nothing: {stderr}");
    let expected = format!(
        "{TRANSLATION}:1:1: warning: {TRANSLATION} was last changed on 2025-07-02, before \
         2025-07-01-attaque-a-kayes.md's revision of 2025-07-03: check that the translation \
         still says what the report says"
    );
    assert!(stderr.contains(&expected), "{stderr}");
}

#[test]
fn a_saved_translation_reloads_its_report() {
    let dir = copy_fixture("translations/valid");
    let site = load(dir.path(), Bodies::Held);
    let i = report_index(&site);
    let translation = dir.path().join(TRANSLATION);
    let text = std::fs::read_to_string(&translation).unwrap();
    std::fs::write(&translation, text.replace("in Kayes", "near Kayes")).unwrap();
    let changed = [PathBuf::from(TRANSLATION)];
    let (site, _) = reload_reports(site, &changed).expect("reloads");
    assert_eq!(site.incidents.len(), 3);
    assert_eq!(
        site.incidents[i].translations[0].title,
        "Attack on an army post near Kayes"
    );

    // A report saved again keeps its translations.
    let (site, _) = reload_reports(site, &[PathBuf::from(REPORT)]).expect("reloads");
    assert_eq!(site.incidents[i].translations.len(), 1);

    std::fs::remove_file(&translation).unwrap();
    let (site, _) = reload_reports(site, &changed).expect("reloads");
    assert!(site.incidents[i].translations.is_empty());

    let orphan = "content/incidents/2025/gone.en.md";
    std::fs::write(dir.path().join(orphan), text).unwrap();
    let problems = reload_reports(site, &[PathBuf::from(orphan)]).expect_err("no report");
    assert!(problems
        .sorted()
        .iter()
        .any(|d| d.message.contains("this translation has no report")));
}

#[test]
fn a_registry_translation_into_an_unpublished_language_is_warned_of() {
    let site = copy_fixture("translations/valid");
    let groups = site.path().join("content/groups.yaml");
    let text = std::fs::read_to_string(&groups).unwrap();
    std::fs::write(
        &groups,
        text.replace("en: {affiliation", "eng: {affiliation"),
    )
    .unwrap();
    let (code, stderr) = check(site.path());
    assert_eq!(code, 0, "a warning fails nothing: {stderr}");
    assert!(
        stderr.contains(
            "content/groups.yaml:13:7: warning: the translation of 'JNIM' into 'eng' is never \
             shown: 'eng' is not one of the site's further languages (en)"
        ),
        "{stderr}"
    );
}
