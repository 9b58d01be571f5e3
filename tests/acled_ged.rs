//! `acled.csv` and `ged.csv`: the events rows in ACLED's and UCDP GED's own layouts and
//! codes, read back with Python's csv module. Builds `tests/fixtures/acled`: a battle
//! between a state force and an armed group, an attack on civilians, a bomb with only a
//! responder named, a report with two places in two regions, one in two regions with no
//! place, one with no toll, and a protest. Also stacks acled.csv under a row in ACLED's
//! own layout and checks that no column mixes types.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

/// ACLED's export columns, in its order.
const ACLED_HEADER: &str = concat!(
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type ",
    "actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting ",
    "iso region country admin1 admin2 admin3 location latitude longitude geo_precision ",
    "source source_scale notes fatalities tags timestamp",
);

/// UCDP GED's columns, in its order.
const GED_HEADER: &str = concat!(
    "id relid year active_year code_status type_of_violence conflict_dset_id ",
    "conflict_new_id conflict_name dyad_dset_id dyad_new_id dyad_name side_a_dset_id ",
    "side_a_new_id side_a side_b_dset_id side_b_new_id side_b number_of_sources ",
    "source_article source_office source_date source_headline source_original where_prec ",
    "where_coordinates where_description adm_1 adm_2 latitude longitude geom_wkt ",
    "priogrid_gid country country_id region event_clarity date_prec date_start date_end ",
    "deaths_a deaths_b deaths_civilians deaths_unknown best high low gwnoa gwnob",
);

/// The three files as Python's csv module reads them.
struct Files {
    read: Value,
}

impl Files {
    fn of(out: &Path) -> Files {
        let out = out.to_string_lossy();
        let read = common::python(
            "read_exports.py",
            &[
                &out,
                "data/acled.csv.gz",
                "data/ged.csv.gz",
                "data/events.csv.gz",
            ],
        );
        Files { read }
    }

    fn header(&self, file: &str) -> Vec<&str> {
        self.read[file]["header"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap())
            .collect()
    }

    fn rows(&self, file: &str) -> &Vec<Value> {
        self.read[file]["rows"].as_array().unwrap()
    }

    /// The rows of `file` by their id column.
    fn by_id(&self, file: &str, id_column: &str) -> BTreeMap<String, &Value> {
        self.rows(file)
            .iter()
            .map(|row| (row[id_column].as_str().unwrap().to_string(), row))
            .collect()
    }
}

/// The cells of `row` in `columns` (names separated by spaces), joined by " | " for
/// one readable comparison.
fn cells(row: &Value, columns: &str) -> String {
    columns
        .split_whitespace()
        .map(|c| row[c].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Sum of `column` per `key` column, an empty cell counting as nothing.
fn sums_by(rows: &[Value], key: &str, column: &str) -> BTreeMap<String, u32> {
    let mut sums = BTreeMap::new();
    for row in rows {
        let value: u32 = row[column].as_str().unwrap().parse().unwrap_or(0);
        *sums
            .entry(row[key].as_str().unwrap().to_string())
            .or_insert(0) += value;
    }
    sums
}

#[test]
fn acled_csv_has_acleds_columns_in_acleds_order_and_a_row_per_events_row() {
    let site = common::build_fixture("acled");
    let files = Files::of(&site.out);
    let header = |file| files.header(file).join(" ");
    assert_eq!(
        header("data/acled.csv.gz"),
        format!("{ACLED_HEADER} incident_id")
    );
    assert_eq!(
        header("data/ged.csv.gz"),
        format!("{GED_HEADER} incident_id")
    );

    let ids = |file, column: &str| -> Vec<String> {
        files.rows(file).iter().map(|r| cells(r, column)).collect()
    };
    let events = ids("data/events.csv.gz", "event_id_cnty");
    assert_eq!(events.len(), 9, "{events:?}");
    assert_eq!(
        ids("data/acled.csv.gz", "event_id_cnty"),
        events,
        "same rows, same order"
    );
    assert_eq!(
        ids("data/ged.csv.gz", "relid"),
        events,
        "relid holds the events row's id"
    );
}

#[test]
fn acled_rows_carry_acleds_codes_for_types_actors_and_countries() {
    let site = common::build_fixture("acled");
    let files = Files::of(&site.out);
    let rows = files.by_id("data/acled.csv.gz", "event_id_cnty");
    let types = "disorder_type event_type sub_event_type civilian_targeting iso";
    let sides = "actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction";
    let expect = |id: &str, coded: &str, actors: &str| {
        assert_eq!(cells(rows[id], types), coded, "{id}");
        assert_eq!(cells(rows[id], sides), actors, "{id}");
    };
    expect(
        "A-BATTLE#1",
        "Political violence | Battles | Armed clash |  | 466",
        "JNIM |  | Rebel group | FAMa |  | State forces | State forces-Rebel group",
    );
    // An attack with no target named is violence against civilians.
    expect(
        "A-CIVIL#1",
        "Political violence | Violence against civilians | Attack | Civilian targeting | 854",
        "ISSP |  | Rebel group | Civilians (Burkina Faso) |  | Civilians | Rebel group-Civilians",
    );
    // No perpetrator named: ACLED's unidentified armed group; the responder is actor 2.
    expect(
        "A-BLAST#1",
        "Political violence | Explosions/Remote violence | Remote explosive/landmine/IED |  | 466",
        "Unidentified Armed Group (Mali) |  | Political militia | FAMa |  | State forces \
         | State forces-Political militia",
    );
    // An attack on a militia is a clash between armed groups.
    expect(
        "A-TWO#2",
        "Political violence | Battles | Armed clash |  | 466",
        "JNIM |  | Rebel group | Dan Na Ambassagou |  | Identity militia \
         | Rebel group-Identity militia",
    );
    // Abducted aid workers: civilians, with the group named as their associate.
    expect(
        "A-REGIONS#2",
        "Political violence | Violence against civilians | Abduction/forced disappearance \
         | Civilian targeting | 466",
        "JNIM |  | Rebel group | Civilians (Mali) | Local NGO | Civilians | Rebel group-Civilians",
    );
    expect(
        "A-PROTEST#1",
        "Demonstrations | Protests | Peaceful protest |  | 466",
        "Protesters (Mali) |  | Protesters |  |  |  | Protesters only",
    );
    for row in rows.values() {
        assert_eq!(
            cells(row, "region admin3 source_scale"),
            " |  | ",
            "always empty"
        );
    }
}

#[test]
fn places_dates_and_timestamps_follow_acleds_scales() {
    let site = common::build_fixture("acled");
    let files = Files::of(&site.out);
    let rows = files.by_id("data/acled.csv.gz", "event_id_cnty");
    let place = |id: &str| {
        cells(
            rows[id],
            "admin1 admin2 location latitude longitude geo_precision",
        )
    };
    assert_eq!(
        place("A-TWO#1"),
        "Kayes | Diéma | Diéma | 14.54 | -9.19 | 1"
    );
    assert_eq!(
        place("A-TWO#2"),
        "Ségou | Niono | Niono | 14.25 | -6.0 | 2",
        "a district is 2; a whole degree keeps its decimal point"
    );
    assert_eq!(
        place("A-BLAST#1"),
        "Gao |  | Ansongo road | 16.27 | 0.04 | 3",
        "a place without coordinates stands at its region's centre, precision 3"
    );
    assert_eq!(
        place("A-REGIONS#1"),
        "Kayes |  | Kayes | 14.45 | -11.44 | 3"
    );
    assert_eq!(place("A-REGIONS#2"), "Mopti |  | Mopti | 14.5 | -4.2 | 3");

    // Timestamps: midnight UTC of the last revision (updated, a revision note, or the date).
    let when = |id: &str| cells(rows[id], "event_date year time_precision timestamp");
    assert_eq!(when("A-BATTLE#1"), "2025-03-01 | 2025 | 1 | 1741132800");
    assert_eq!(when("A-UNKNOWN#1"), "2025-07-01 | 2025 | 1 | 1751587200");
    assert_eq!(when("A-CIVIL#1"), "2025-04-10 | 2025 | 1 | 1744243200");
    assert_eq!(when("A-BLAST#1"), "2025-05-05 | 2025 | 2 | 1746403200");
    assert_eq!(when("A-REGIONS#1"), "2025-06-01 | 2025 | 3 | 1748736000");
}

#[test]
fn figures_are_shares_that_sum_by_region_with_0_for_unknown_only_in_acled_csv() {
    let site = common::build_fixture("acled");
    let files = Files::of(&site.out);
    let acled = files.by_id("data/acled.csv.gz", "event_id_cnty");
    let ged = files.by_id("data/ged.csv.gz", "relid");
    let events = files.by_id("data/events.csv.gz", "event_id_cnty");

    // Two places with a best of 10 (low 5, high 15): 5 and 5 (3 and 2, 8 and 7).
    assert_eq!(cells(acled["A-TWO#1"], "fatalities"), "5");
    assert_eq!(cells(acled["A-TWO#2"], "fatalities"), "5");
    assert_eq!(cells(ged["A-TWO#1"], "best low high"), "5 | 3 | 8");
    assert_eq!(cells(ged["A-TWO#2"], "best low high"), "5 | 2 | 7");
    // Two regions and no place, 7 dead: 4 and 3, each at its region.
    assert_eq!(cells(acled["A-REGIONS#1"], "fatalities"), "4");
    assert_eq!(cells(acled["A-REGIONS#2"], "fatalities"), "3");

    // Unknown: 0 in acled.csv (ACLED's convention), empty in ged.csv and events.csv.
    assert_eq!(cells(acled["A-UNKNOWN#1"], "fatalities"), "0");
    assert_eq!(cells(events["A-UNKNOWN#1"], "fatalities"), "");
    let counts = "deaths_a deaths_b deaths_civilians deaths_unknown best low high";
    assert_eq!(cells(ged["A-UNKNOWN#1"], counts), " |  |  |  |  |  | ");
    // A known 0 is 0 everywhere.
    assert_eq!(cells(acled["A-PROTEST#1"], "fatalities"), "0");
    assert_eq!(cells(events["A-PROTEST#1"], "fatalities"), "0");
    assert_eq!(cells(ged["A-PROTEST#1"], "best"), "0");

    // Sums by admin1 agree across the three files and count each death once.
    let by_region = sums_by(files.rows("data/acled.csv.gz"), "admin1", "fatalities");
    let expected = [
        ("Gao", 2),
        ("Kayes", 9),
        ("Mopti", 15),
        ("Sahel", 20),
        ("Ségou", 5),
    ];
    let expected: BTreeMap<String, u32> = expected
        .into_iter()
        .map(|(r, n)| (r.to_string(), n))
        .collect();
    assert_eq!(by_region, expected);
    assert_eq!(
        sums_by(files.rows("data/events.csv.gz"), "admin1", "fatalities"),
        expected
    );
    assert_eq!(
        sums_by(files.rows("data/ged.csv.gz"), "adm_1", "best"),
        expected
    );
    assert_eq!(expected.values().sum::<u32>(), 12 + 20 + 2 + 10 + 7);
}

#[test]
fn ged_rows_carry_ucdps_types_sides_deaths_and_precisions() {
    let site = common::build_fixture("acled");
    let files = Files::of(&site.out);
    let rows = files.by_id("data/ged.csv.gz", "relid");
    let dyad = |id: &str| cells(rows[id], "type_of_violence side_a side_b dyad_name");
    assert_eq!(dyad("A-BATTLE#1"), "1 | FAMa | JNIM | FAMa - JNIM");
    assert_eq!(dyad("A-CIVIL#1"), "3 | ISSP | Civilians | ISSP - Civilians");
    assert_eq!(dyad("A-BLAST#1"), "1 | FAMa |  | ");
    assert_eq!(
        dyad("A-TWO#1"),
        "2 | JNIM | Dan Na Ambassagou | JNIM - Dan Na Ambassagou"
    );
    assert_eq!(
        dyad("A-REGIONS#1"),
        "3 | JNIM | Civilians | JNIM - Civilians"
    );
    assert_eq!(dyad("A-PROTEST#1"), " |  |  | ", "UCDP records no protests");

    // Who died, from the claims; the four counts add up to best.
    let deaths = |id: &str| {
        cells(
            rows[id],
            "deaths_a deaths_b deaths_civilians deaths_unknown best",
        )
    };
    assert_eq!(
        deaths("A-BATTLE#1"),
        "0 | 12 | 0 | 0 | 12",
        "militants: JNIM's side"
    );
    assert_eq!(deaths("A-CIVIL#1"), "0 | 0 | 20 | 0 | 20");
    assert_eq!(
        deaths("A-BLAST#1"),
        "2 | 0 | 0 | 0 | 2",
        "soldiers: the state's side"
    );
    assert_eq!(
        deaths("A-TWO#1"),
        "0 | 0 | 0 | 5 | 5",
        "claims that disagree"
    );
    assert_eq!(deaths("A-REGIONS#2"), "0 | 0 | 0 | 3 | 3", "no claim");

    let place = |id: &str| {
        cells(
            rows[id],
            "where_prec where_coordinates adm_1 adm_2 geom_wkt priogrid_gid",
        )
    };
    assert_eq!(
        place("A-TWO#1"),
        "1 | Diéma | Kayes | Diéma | POINT (-9.19 14.54) | 150822"
    );
    assert_eq!(
        place("A-TWO#2"),
        "3 | Niono | Ségou | Niono | POINT (-6.0 14.25) | 150109"
    );
    assert_eq!(
        place("A-BLAST#1"),
        "4 | Ansongo road | Gao |  | POINT (0.04 16.27) | 153001"
    );
    assert_eq!(
        place("A-REGIONS#2"),
        "4 | Mopti | Mopti |  | POINT (-4.2 14.5) | 150832"
    );

    let dates = |id: &str| cells(rows[id], "date_prec date_start date_end");
    assert_eq!(dates("A-BATTLE#1"), "1 | 2025-03-01 | 2025-03-01");
    assert_eq!(dates("A-TWO#1"), "2 | 2025-06-01 | 2025-06-03");
    assert_eq!(dates("A-BLAST#1"), "3 | 2025-05-05 | 2025-05-11");
    assert_eq!(dates("A-REGIONS#1"), "4 | 2025-06-01 | 2025-06-30");

    assert_eq!(
        cells(
            rows["A-TWO#1"],
            "number_of_sources source_article source_office source_date source_original"
        ),
        "2 | Studio Tamani, 2025-06-04;Group statement | Studio Tamani;Group statement \
         | 2025-06-04; | JNIM;residents"
    );
    for row in rows.values() {
        let registers = "id conflict_name side_a_new_id country_id gwnoa gwnob event_clarity";
        assert_eq!(
            cells(row, registers),
            " |  |  |  |  |  | 1",
            "UCDP's registers stay empty"
        );
    }
}

#[test]
fn stacking_acled_csv_under_an_acled_row_mixes_no_column_types() {
    let site = common::build_fixture("acled");
    let out = site.out.to_string_lossy().into_owned();
    let stacked = common::python("acled_concat.py", &[&out]);
    assert_eq!(
        stacked["out_of_place"],
        serde_json::json!([]),
        "{stacked:#}"
    );
    assert_eq!(stacked["extra_columns"], serde_json::json!(["incident_id"]));
    assert_eq!(stacked["rows"], 10);
    assert_eq!(stacked["mixed"], serde_json::json!({}), "{stacked:#}");

    // The check sees what pandas would: an empty toll turns a column of whole numbers
    // into floats; a whole-number coordinate sits among decimals.
    let path = site.out.join("data/acled.csv.gz");
    let text = common::read_text(&path);
    let broken = text
        .replace("no toll was given.,0,", "no toll was given.,,")
        .replace(",14.25,-6.0,", ",14.25,-6,");
    assert_ne!(broken, text);
    common::write_text(&path, &broken);
    let stacked = common::python("acled_concat.py", &[&out]);
    assert_eq!(
        stacked["mixed"],
        serde_json::json!({"fatalities": ["empty", "int"], "longitude": ["float", "int"]})
    );
}

#[test]
fn the_data_page_shows_the_crosswalk_and_the_package_keys_both_files() {
    let site = common::build_fixture("acled");
    let page = site.text("data/");
    for words in [
        "Our event types in ACLED",
        "Excessive force against protesters",
        "Remote explosive/landmine/IED",
        "the other side is named and every group on it is armed",
        "1 (state-based) when a state force is on either side, otherwise 2 (non-state)",
        "Identity militia",
        "<code>timestamp</code>",
        "<code>priogrid_gid</code>",
    ] {
        assert!(page.contains(words), "the data page lacks {words:?}");
    }
    let package = std::fs::read(site.out.join("data/datapackage.json")).unwrap();
    let package: Value = serde_json::from_slice(&package).unwrap();
    let schema = |name: &str| {
        let resources = package["resources"].as_array().unwrap();
        resources.iter().find(|r| r["name"] == name).unwrap()["schema"].clone()
    };
    let acled = schema("acled");
    assert_eq!(acled["primaryKey"], serde_json::json!(["event_id_cnty"]));
    assert_eq!(acled["foreignKeys"][0]["reference"]["resource"], "events");
    assert_eq!(
        acled["foreignKeys"][1]["fields"],
        serde_json::json!(["incident_id"])
    );
    let ged = schema("ged");
    assert_eq!(ged["primaryKey"], serde_json::json!(["relid"]));
    let to_events = &ged["foreignKeys"][0]["reference"]["fields"];
    assert_eq!(to_events, &serde_json::json!(["event_id_cnty"]));
    let fields = ged["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 50);
    assert_eq!(
        (&fields[44]["name"], &fields[44]["type"]),
        (&"best".into(), &"integer".into())
    );
}
