//! Catalogues: the built-in ones, a site's changes over them, and what is refused.

use super::*;

fn site_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn every_built_in_catalogue_is_complete() {
    let site = site_with(&[]);
    for (language, _) in BUILT_IN {
        let catalogue =
            Catalogue::load(site.path(), language).unwrap_or_else(|p| panic!("{language}: {p:?}"));
        assert_eq!(catalogue.months.len(), 12, "{language} names twelve months");
    }
}

#[test]
fn a_site_changes_one_string_and_keeps_the_rest() {
    let site = site_with(&[("i18n/en.yaml", "titles:\n  regions: Places\n")]);
    let catalogue = Catalogue::load(site.path(), "en").unwrap();
    assert_eq!(catalogue.text("titles.regions"), "Places");
    assert_eq!(catalogue.text("titles.groups"), "Groups");
}

#[test]
fn a_misspelt_key_is_an_error_at_its_line_with_the_key_meant() {
    let site = site_with(&[("i18n/en.yaml", "titles:\n  regoins: Places\n")]);
    let problems = Catalogue::load(site.path(), "en").unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].message,
        "unknown interface string 'titles.regoins'"
    );
    assert_eq!((problems[0].line, problems[0].column), (2, 3));
    assert_eq!(
        problems[0].help.as_deref(),
        Some("did you mean 'titles.regions'?")
    );
}

#[test]
fn a_new_language_missing_a_string_names_the_key_and_the_language() {
    let site = site_with(&[("i18n/pt.yaml", "titles:\n  regions: Regiões\n")]);
    let problems = Catalogue::load(site.path(), "pt").unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.message == "missing interface string 'titles.groups' for language 'pt'"),
        "{problems:?}"
    );
    assert!(problems.iter().all(|p| p.path == Path::new("i18n/pt.yaml")));
}

#[test]
fn a_language_with_no_strings_at_all_is_an_error_naming_the_file_to_add() {
    let site = site_with(&[]);
    let problems = Catalogue::load(site.path(), "ha").unwrap_err();
    assert!(problems[0].message.contains("'ha'"));
    assert!(problems[0]
        .help
        .as_deref()
        .unwrap()
        .contains("i18n/ha.yaml"));
}

#[test]
fn dates_and_counts_read_as_each_language_writes_them() {
    let site = site_with(&[]);
    let en = Catalogue::load(site.path(), "en").unwrap();
    let date = jiff::civil::date(2025, 7, 1);
    assert_eq!(en.date(date, DatePrecision::Day), "1 July 2025");
    assert_eq!(en.date(date, DatePrecision::Month), "July 2025");
    assert_eq!(en.plural("counts.incidents", 1).unwrap(), "1 incident");
    assert_eq!(en.plural("counts.incidents", 0).unwrap(), "0 incidents");
}

#[test]
fn filling_a_value_that_holds_braces_prints_it_as_written() {
    assert_eq!(
        fill(
            "{title} on {date}",
            &[("title", "{date}"), ("date", "1 July")]
        ),
        "{date} on 1 July"
    );
    assert_eq!(fill("{unknown} stays", &[("x", "y")]), "{unknown} stays");
}
